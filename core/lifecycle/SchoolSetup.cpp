// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SchoolSetup.h"

#include "lifecycle/Accounts.h"
#include "lifecycle/Actor.h"
#include "lifecycle/Assignments.h"

#include "store/Backup.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace hocba::lifecycle {

namespace {

struct SetupText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::SchoolSetup)
};

Status checkNewSchool(const NewSchool& s)
{
    if (s.name.trimmed().isEmpty() || s.moetCode.trimmed().isEmpty() || s.province.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, SetupText::tr("The school's name, code and province are required."));
    if (!s.primary && !s.thcs)
        return fail(ErrorCode::InvalidInput, SetupText::tr("Choose the levels the school teaches."));
    if (s.year.startYear < 2000 || s.year.startYear > 2100)
        return fail(ErrorCode::InvalidInput, SetupText::tr("The school year is not valid."));
    return {};
}

Status fillNewSchool(store::Database& db, const NewSchool& s, QByteArrayView adminPassword)
{
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    store::SchoolRepository schools(db);
    School school;
    school.name = s.name.trimmed();
    school.moetCode = s.moetCode.trimmed();
    school.province = s.province.trimmed();
    school.commune = s.commune.trimmed();
    school.hasPrimary = s.primary;
    school.hasThcs = s.thcs;
    if (auto saved = schools.saveSchool(school); !saved)
        return saved;
    if (auto added = schools.addSchoolYear(s.year); !added)
        return added;
    if (auto admin = Accounts::add(db, Actor::unrestricted(), s.adminLogin.trimmed(), s.adminName.trimmed(),
                                   Role::Admin, adminPassword);
        !admin)
        return std::unexpected(admin.error());
    return tx.commit();
}

} // namespace

Status createSchool(const QString& path, const NewSchool& school, QByteArrayView adminPassword, const QString& actor)
{
    if (auto s = checkNewSchool(school); !s)
        return s;
    if (QFile::exists(path))
        return fail(
            ErrorCode::InvalidInput,
            SetupText::tr("%1 already exists; a new school needs a new file.").arg(QDir::toNativeSeparators(path)));
    // Built under a temporary name, so a failure never leaves a half-made school where the real one should be.
    const QString temp = path + QStringLiteral(".part");
    store::Database::removeFiles(temp);
    Status filled;
    {
        store::Database::OpenOptions options;
        options.actor = actor;
        auto db = store::Database::openOrCreate(temp, options);
        filled = db ? fillNewSchool(**db, school, adminPassword) : Status(std::unexpected(db.error()));
    }
    if (filled && !QFile::rename(temp, path))
        filled = fail(ErrorCode::Io, SetupText::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)));
    if (!filled)
        store::Database::removeFiles(temp);
    return filled;
}

Result<Id> addClass(store::Database& db, SchoolYear year, const QString& name)
{
    const QString cleaned = text::normalized(name.trimmed());
    static const QRegularExpression shape(QStringLiteral(R"(^([1-9])[^\s]{0,15}$)"));
    const QRegularExpressionMatch m = shape.match(cleaned);
    if (!m.hasMatch())
        return fail(ErrorCode::InvalidInput,
                    SetupText::tr("A class name starts with its grade, for example 6A1 or 3B: \"%1\".").arg(name));
    const int grade = m.captured(1).toInt();
    store::SchoolRepository schools(db);
    auto school = schools.school();
    if (!school)
        return std::unexpected(school.error());
    const auto level = levelOfGrade(grade);
    const bool taught = *school && level
        && ((*level == SchoolLevel::Primary && (*school)->hasPrimary)
            || (*level == SchoolLevel::Thcs && (*school)->hasThcs));
    if (!taught)
        return fail(ErrorCode::InvalidInput, SetupText::tr("The school does not teach grade %1.").arg(grade));
    auto years = schools.schoolYears();
    if (!years)
        return std::unexpected(years.error());
    if (!years->contains(year))
        return fail(ErrorCode::NotFound,
                    SetupText::tr("The school year %1 is not open in this file.").arg(year.toString()));
    auto existing = schools.classByName(year, cleaned);
    if (!existing)
        return std::unexpected(existing.error());
    if (*existing)
        return fail(ErrorCode::InvalidInput,
                    SetupText::tr("There is already a class %1 in %2.").arg(cleaned, year.toString()));
    ClassGroup cls;
    cls.schoolYear = year;
    cls.grade = grade;
    cls.name = cleaned;
    return schools.saveClass(cls);
}

Result<Id> addClass(store::Database& db, const Actor& actor, SchoolYear year, const QString& name,
                    const QString& homeroomLogin)
{
    if (auto ok = permit(db, actor, Right::ManageSchool, RightScope::inYear(year)); !ok)
        return std::unexpected(ok.error());
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    auto id = addClass(db, year, name);
    if (!id)
        return id;
    if (!homeroomLogin.isEmpty())
        if (auto ok = assign(db, actor, {year, homeroomLogin.trimmed(), name, {}}); !ok)
            return std::unexpected(ok.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return id;
}

Status setYearPrincipal(store::Database& db, const Actor& actor, SchoolYear year, const QString& name)
{
    if (auto ok = permit(db, actor, Right::ManageSchool, RightScope::inYear(year)); !ok)
        return ok;
    const QString cleaned = text::normalized(name.simplified());
    if (cleaned.isEmpty())
        return fail(ErrorCode::InvalidInput, SetupText::tr("Give the principal's full name."));
    auto set = store::SchoolRepository(db).setYearPrincipal(year, cleaned);
    if (!set)
        return std::unexpected(set.error());
    if (!*set)
        return fail(ErrorCode::NotFound,
                    SetupText::tr("The school year %1 is not open in this file.").arg(year.toString()));
    return {};
}

Status restoreSchoolFile(const Actor& actor, const QString& backupPath, const QString& dbPath)
{
    if (auto ok = actor.require(Right::ManageSchool); !ok)
        return ok;
    return store::restoreFile(backupPath, dbPath);
}

} // namespace hocba::lifecycle

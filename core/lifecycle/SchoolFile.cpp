// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SchoolFile.h"

#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

namespace hocba::lifecycle {

SchoolFile::SchoolFile(std::unique_ptr<store::Database> db)
    : m_db(std::move(db))
{ }

SchoolFile::~SchoolFile() = default;

Result<std::unique_ptr<SchoolFile>> SchoolFile::open(const QString& path)
{
    auto db = store::Database::openExisting(path); // a mistyped or moved file must not become an empty school
    if (!db)
        return std::unexpected(db.error());
    return std::unique_ptr<SchoolFile>(new SchoolFile(std::move(*db)));
}

QString SchoolFile::path() const
{
    return m_db->path();
}

Result<SchoolOverview> SchoolFile::overview()
{
    store::SchoolRepository schools(*m_db);
    SchoolOverview view;
    auto school = schools.school();
    if (!school)
        return std::unexpected(school.error());
    auto years = schools.schoolYears();
    if (!years)
        return std::unexpected(years.error());
    auto classes = schools.classes();
    if (!classes)
        return std::unexpected(classes.error());
    auto summary = schools.summary();
    if (!summary)
        return std::unexpected(summary.error());
    view.school = std::move(*school);
    view.years = std::move(*years);
    view.classes = std::move(*classes);
    view.summary = std::move(*summary);
    return view;
}

Result<QList<RosterEntry>> SchoolFile::roster(Id classId)
{
    return store::StudentRepository(*m_db).roster(classId);
}

QString SchoolFile::homeroomTeacherName(const ClassGroup& cls)
{
    if (!cls.homeroomTeacherId)
        return {};
    auto teacher = store::SchoolRepository(*m_db).teacher(*cls.homeroomTeacherId);
    return teacher && *teacher ? (*teacher)->fullName : QString();
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SchoolRepository.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "util/Text.h"

namespace hocba::store {

SchoolRepository::SchoolRepository(Database& db)
    : m_db(db)
{ }

Result<std::optional<School>> SchoolRepository::school()
{
    auto st = m_db.prepare(QStringLiteral("SELECT moet_code, name, province, commune, address, principal_name, "
                                          "has_primary, has_thcs FROM school WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<School>();
    School s;
    s.id = 1;
    s.moetCode = st->text(0);
    s.name = st->text(1);
    s.province = st->text(2);
    s.commune = st->text(3);
    s.address = st->text(4);
    s.principalName = st->text(5);
    s.hasPrimary = st->int64(6) != 0;
    s.hasThcs = st->int64(7) != 0;
    return std::optional<School>(s);
}

Status SchoolRepository::saveSchool(const School& in)
{
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began();
    auto old = school();
    if (!old)
        return std::unexpected(old.error());
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO school (id, moet_code, name, province, commune, address, principal_name, has_primary, has_thcs) "
        "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (id) DO UPDATE SET moet_code = excluded.moet_code, "
        "name = excluded.name, province = excluded.province, commune = excluded.commune, address = excluded.address, "
        "principal_name = excluded.principal_name, has_primary = excluded.has_primary, has_thcs = excluded.has_thcs"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, text::normalized(in.moetCode))
        .bind(2, text::normalized(in.name))
        .bind(3, text::normalized(in.province));
    st->bind(4, text::normalized(in.commune)).bind(5, text::normalized(in.address));
    st->bind(6, text::normalized(in.principalName)).bind(7, qint64(in.hasPrimary)).bind(8, qint64(in.hasThcs));
    if (auto s = st->exec(); !s)
        return s;
    AuditLog audit(m_db);
    const auto oldName = *old ? std::optional<QString>((*old)->name) : std::nullopt;
    if (auto s = audit.append(QStringLiteral("school.save"), QStringLiteral("school"), QStringLiteral("1"),
                              QStringLiteral("name"), oldName, text::normalized(in.name));
        !s)
        return s;
    return tx.commit();
}

Result<QList<SchoolYear>> SchoolRepository::schoolYears()
{
    return queryList<SchoolYear>(m_db, QStringLiteral("SELECT start_year FROM school_year ORDER BY start_year"),
                                 [](Statement& st) { return SchoolYear {int(st.int64(0))}; });
}

Status SchoolRepository::addSchoolYear(SchoolYear year)
{
    auto st = m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO school_year (start_year, name) VALUES (?1, ?2)"));
    if (!st)
        return std::unexpected(st.error());
    return st->bind(1, year.startYear).bind(2, year.toString()).exec();
}

Result<std::optional<QString>> SchoolRepository::yearPrincipal(SchoolYear year)
{
    auto rows = queryList<QString>(
        m_db, QStringLiteral("SELECT coalesce(principal_name, '') FROM school_year WHERE start_year = ?1"),
        [](Statement& st) { return st.text(0); }, {year.startYear});
    if (!rows)
        return std::unexpected(rows.error());
    return rows->isEmpty() ? std::nullopt : std::optional(rows->first());
}

Result<bool> SchoolRepository::setYearPrincipal(SchoolYear year, const QString& name)
{
    Transaction tx(m_db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    auto old = yearPrincipal(year);
    if (!old)
        return std::unexpected(old.error());
    if (!*old)
        return false;
    const QString value = text::normalized(name.trimmed());
    auto st = m_db.prepare(QStringLiteral("UPDATE school_year SET principal_name = ?1 WHERE start_year = ?2"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, value).bind(2, year.startYear).exec(); !s)
        return std::unexpected(s.error());
    if (auto s = AuditLog(m_db).append(QStringLiteral("year.principal"), QStringLiteral("school_year"), year.toString(),
                                       QStringLiteral("principalName"), **old, value);
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return true;
}

Result<Id> SchoolRepository::saveTeacher(const Teacher& t)
{
    Transaction tx(m_db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    const bool insert = t.id == 0;
    auto st
        = m_db.prepare(insert ? QStringLiteral("INSERT INTO teacher (full_name, gender, birth_date, phone, subjects) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5)")
                              : QStringLiteral("UPDATE teacher SET full_name = ?1, gender = ?2, birth_date = ?3, "
                                               "phone = ?4, subjects = ?5 WHERE id = ?6"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, text::normalized(t.fullName)).bind(2, toCode(t.gender)).bind(3, isoDate(t.birthDate));
    st->bind(4, text::normalized(t.phone)).bind(5, text::normalized(t.subjects));
    if (!insert)
        st->bind(6, t.id);
    if (auto s = st->exec(); !s)
        return std::unexpected(s.error());
    const Id id = insert ? m_db.lastInsertId() : t.id;
    if (auto s = AuditLog(m_db).append(insert ? QStringLiteral("teacher.create") : QStringLiteral("teacher.update"),
                                       QStringLiteral("teacher"), QString::number(id));
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return id;
}

namespace {
Teacher teacherFrom(Statement& st)
{
    Teacher t;
    t.id = st.int64(0);
    t.fullName = st.text(1);
    t.gender = genderFromCode(st.text(2)).value_or(Gender::Unknown);
    t.birthDate = fromIsoDate(st.text(3));
    t.phone = st.text(4);
    t.subjects = st.text(5);
    return t;
}

ClassGroup classFrom(Statement& st)
{
    ClassGroup c;
    c.id = st.int64(0);
    c.schoolYear = SchoolYear {int(st.int64(1))};
    c.grade = int(st.int64(2));
    c.name = st.text(3);
    c.homeroomTeacherId = st.optionalInt64(4);
    return c;
}
} // namespace

Result<QList<Teacher>> SchoolRepository::teachers()
{
    auto list = queryList<Teacher>(
        m_db, QStringLiteral("SELECT id, full_name, gender, birth_date, phone, subjects FROM teacher"), teacherFrom);
    if (list)
        std::stable_sort(list->begin(), list->end(), [](const Teacher& a, const Teacher& b) {
            return text::compareVietnameseNames(a.fullName, b.fullName) < 0;
        });
    return list;
}

Result<std::optional<Teacher>> SchoolRepository::teacher(Id id)
{
    auto list = queryList<Teacher>(
        m_db, QStringLiteral("SELECT id, full_name, gender, birth_date, phone, subjects FROM teacher WHERE id = ?1"),
        teacherFrom, {id});
    if (!list)
        return std::unexpected(list.error());
    return list->isEmpty() ? std::optional<Teacher>() : std::optional<Teacher>(list->first());
}

Result<Id> SchoolRepository::saveClass(const ClassGroup& c)
{
    Transaction tx(m_db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    if (auto s = addSchoolYear(c.schoolYear); !s)
        return std::unexpected(s.error());
    const bool insert = c.id == 0;
    auto st = m_db.prepare(insert ? QStringLiteral("INSERT INTO class (school_year, grade, name, homeroom_teacher_id) "
                                                   "VALUES (?1, ?2, ?3, ?4)")
                                  : QStringLiteral("UPDATE class SET school_year = ?1, grade = ?2, name = ?3, "
                                                   "homeroom_teacher_id = ?4 WHERE id = ?5"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, c.schoolYear.startYear).bind(2, c.grade).bind(3, text::normalized(c.name));
    st->bind(4, c.homeroomTeacherId);
    if (!insert)
        st->bind(5, c.id);
    if (auto s = st->exec(); !s)
        return std::unexpected(s.error());
    const Id id = insert ? m_db.lastInsertId() : c.id;
    if (auto s = AuditLog(m_db).append(insert ? QStringLiteral("class.create") : QStringLiteral("class.update"),
                                       QStringLiteral("class"), QString::number(id), QStringLiteral("name"),
                                       std::nullopt, text::normalized(c.name));
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return id;
}

Result<QList<ClassGroup>> SchoolRepository::classes(std::optional<SchoolYear> year)
{
    const QString base = QStringLiteral("SELECT id, school_year, grade, name, homeroom_teacher_id FROM class");
    if (year)
        return queryList<ClassGroup>(m_db, base + QStringLiteral(" WHERE school_year = ?1 ORDER BY grade, name"),
                                     classFrom, {qint64(year->startYear)});
    return queryList<ClassGroup>(m_db, base + QStringLiteral(" ORDER BY school_year, grade, name"), classFrom);
}

Result<std::optional<ClassGroup>> SchoolRepository::classByName(SchoolYear year, const QString& name)
{
    auto st = m_db.prepare(QStringLiteral("SELECT id, school_year, grade, name, homeroom_teacher_id FROM class "
                                          "WHERE school_year = ?1 AND name = ?2"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear).bind(2, text::normalized(name));
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? std::optional<ClassGroup>(classFrom(*st)) : std::optional<ClassGroup>();
}

Result<SchoolSummary> SchoolRepository::summary()
{
    SchoolSummary s;
    auto count = [&](const char* sql) -> Result<qint64> {
        auto st = m_db.prepare(QString::fromLatin1(sql));
        if (!st)
            return std::unexpected(st.error());
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        return st->int64(0);
    };
    for (auto [target, sql] : {std::pair {&s.students, "SELECT count(*) FROM student"},
                               std::pair {&s.teachers, "SELECT count(*) FROM teacher"},
                               std::pair {&s.records, "SELECT count(*) FROM record"},
                               std::pair {&s.sections, "SELECT count(*) FROM year_section"}}) {
        auto n = count(sql);
        if (!n)
            return std::unexpected(n.error());
        *target = *n;
    }
    auto st = m_db.prepare(QStringLiteral("SELECT c.school_year, c.grade, c.name, ys.state, count(ys.id) FROM class c "
                                          "LEFT JOIN year_section ys ON ys.class_id = c.id GROUP BY c.id, ys.state "
                                          "ORDER BY c.school_year, c.grade, c.name"));
    if (!st)
        return std::unexpected(st.error());
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const SchoolYear year {int(st->int64(0))};
        const QString name = st->text(2);
        if (s.classes.isEmpty() || s.classes.last().year != year || s.classes.last().className != name)
            s.classes.append({year, int(st->int64(1)), name, 0, {}});
        const int n = int(st->int64(4));
        if (n > 0) {
            s.classes.last().students += n;
            s.classes.last().sectionsByState[st->text(3)] += n;
            s.sectionsByState[st->text(3)] += n;
        }
    }
    return s;
}

} // namespace hocba::store

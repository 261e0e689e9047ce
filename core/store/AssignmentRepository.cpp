// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AssignmentRepository.h"

#include "store/SqlUtil.h"

namespace hocba::store {

namespace {

const QString kSelect = QStringLiteral("SELECT a.id, a.school_year, a.user_id, a.class_id, c.name, a.subject "
                                       "FROM assignment a JOIN class c ON c.id = a.class_id ");
const QString kOrder = QStringLiteral(" ORDER BY a.school_year, c.grade, c.name, a.subject IS NOT NULL, a.subject");

StoredAssignment readAssignment(Statement& st)
{
    StoredAssignment a;
    a.id = st.int64(0);
    a.year = SchoolYear {int(st.int64(1))};
    a.userId = st.int64(2);
    a.classId = st.int64(3);
    a.className = st.text(4);
    a.subject = st.isNull(5) ? QString() : st.text(5);
    return a;
}

} // namespace

Result<Id> AssignmentRepository::add(SchoolYear year, Id userId, Id classId, const QString& subject)
{
    auto st = m_db.prepare(
        QStringLiteral("INSERT INTO assignment (school_year, user_id, class_id, subject) VALUES (?, ?, ?, ?)"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear).bind(2, userId).bind(3, classId).bind(4, subject.isEmpty() ? QString() : subject);
    if (auto ok = st->exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

Result<QList<StoredAssignment>> AssignmentRepository::forUser(Id userId)
{
    return queryList<StoredAssignment>(m_db, kSelect + QStringLiteral("WHERE a.user_id = ?") + kOrder, readAssignment,
                                       {userId});
}

Result<QList<StoredAssignment>> AssignmentRepository::forUser(Id userId, SchoolYear year)
{
    return queryList<StoredAssignment>(m_db,
                                       kSelect + QStringLiteral("WHERE a.user_id = ? AND a.school_year = ?") + kOrder,
                                       readAssignment, {userId, year.startYear});
}

Result<QList<StoredAssignment>> AssignmentRepository::forYear(SchoolYear year)
{
    return queryList<StoredAssignment>(m_db, kSelect + QStringLiteral("WHERE a.school_year = ?") + kOrder,
                                       readAssignment, {year.startYear});
}

Result<bool> AssignmentRepository::remove(SchoolYear year, Id userId, Id classId, const QString& subject)
{
    auto st = m_db.prepare(QStringLiteral("DELETE FROM assignment WHERE school_year = ? AND user_id = ? AND "
                                          "class_id = ? AND subject IS ?"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear).bind(2, userId).bind(3, classId).bind(4, subject.isEmpty() ? QString() : subject);
    if (auto ok = st->exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.changes() > 0;
}

} // namespace hocba::store

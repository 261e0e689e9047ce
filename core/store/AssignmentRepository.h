// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QList>
#include <QString>

namespace hocba::store {

class Database;

/** One row of table assignment: an account's duty in a class for a school year. */
struct StoredAssignment
{
    Id id = 0;
    SchoolYear year;
    Id userId = 0;
    Id classId = 0;
    QString className;
    QString subject; ///< empty: the homeroom teacher
};

/**
 * The assignments table. Only reads and writes rows: who may assign, and what an assignment allows, are
 * lifecycle's business (lifecycle::Actor), and so is the audit entry of each change.
 */
class AssignmentRepository
{
public:
    explicit AssignmentRepository(Database& db)
        : m_db(db)
    { }

    /** Inserts an assignment and returns its id; the same duty twice is refused by the schema (DbConstraint). */
    Result<Id> add(SchoolYear year, Id userId, Id classId, const QString& subject);
    /** One account's assignments, every year, by year, class and subject. */
    Result<QList<StoredAssignment>> forUser(Id userId);
    /** One account's assignments in one year. */
    Result<QList<StoredAssignment>> forUser(Id userId, SchoolYear year);
    /** Every assignment of a year, by class and subject. */
    Result<QList<StoredAssignment>> forYear(SchoolYear year);
    /** Removes one duty; false when there was no such assignment. */
    Result<bool> remove(SchoolYear year, Id userId, Id classId, const QString& subject);

private:
    Database& m_db;
};

} // namespace hocba::store

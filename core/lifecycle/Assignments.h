// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "util/Error.h"

#include <QList>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** One duty to give or take away: `login` is the homeroom teacher of `className` (no subject) or teaches `subject`. */
struct AssignmentRequest
{
    SchoolYear year;
    QString login;
    QString className;
    QString subject; ///< a subject code of docs/evaluate.md that the class's grade has; empty: homeroom
};

/** One assignment as `assign list` shows it. */
struct AssignmentLine
{
    QString login;
    QString fullName;
    QString className;
    QString subject; ///< empty: homeroom
};

/**
 * Gives a teacher account a duty (ManageSchool), with its audit entry, in one transaction. Only homeroom and subject
 * teacher accounts are assigned; a class has one homeroom teacher a year. The homeroom teacher becomes the class's
 * homeroom_teacher_id (a teacher row is made for the account when it has none), so printed records name them.
 */
Status assign(store::Database& db, const Actor& actor, const AssignmentRequest& request);
/** Takes a duty away (ManageSchool); NotFound when the account does not have it. */
Status unassign(store::Database& db, const Actor& actor, const AssignmentRequest& request);
/** Every assignment of a year, by class. */
Result<QList<AssignmentLine>> assignments(store::Database& db, SchoolYear year);

} // namespace hocba::lifecycle

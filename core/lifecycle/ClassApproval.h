// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Finding.h"
#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/ClassReview.h"
#include "util/Error.h"

#include <QList>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** A ready section the board did not approve because the checks now find errors in it. */
struct NotApproved
{
    Id studentId = 0;
    QString fullName; ///< for the screen; never logged
    Id sectionId = 0;
    Findings findings;
};

struct ApprovalReport
{
    ClassGroup cls;
    int approved = 0; ///< approved by this call
    int alreadyApproved = 0;
    int notConfirmed = 0; ///< digital sections still in draft: the homeroom teacher confirms them first
    int signedBefore = 0; ///< signed, uploaded or locked already
    QList<NotApproved> withErrors;

    /** Every digital section of the class is approved or signed. */
    bool complete() const { return notConfirmed == 0 && withErrors.isEmpty(); }
};

/**
 * The board approves a class (WORKFLOWS.md §7 item 7): every ready section of the class whose checks still find no
 * error is marked approved (who and when), each with its audit entry, all in one transaction. Drafts are left for
 * the homeroom teacher's confirmation. `actor` needs Sign in the class (the principal).
 */
Result<ApprovalReport> approveClass(store::Database& db, const Actor& actor, SchoolYear year, const QString& className);

/**
 * The board returns a class to its homeroom teacher with a reason: its ready sections go back to draft (losing any
 * approval), and the return — reason, who, when — is kept for the teacher (ClassReview::returns) and audited, in one
 * transaction. Signed sections are not touched (a signed year is corrected with "reopen"). `actor` needs Sign.
 */
Result<ClassReturn> returnClass(store::Database& db, const Actor& actor, SchoolYear year, const QString& className,
                                const QString& reason);

/** Whether the school signs only approved sections (table approval_policy; off by default). */
Result<bool> approvalRequired(store::Database& db);
/** Turns the rule on or off, audited. `actor` needs ManageSchool. */
Status setApprovalRequired(store::Database& db, const Actor& actor, bool required);

/** One approved, unsigned record in the principal's queue. */
struct QueueEntry
{
    Id sectionId = 0;
    Id studentId = 0;
    Id recordId = 0;
    QString fullName; ///< for the screen; never logged
    QString approvedBy;
    QDateTime approvedAt; ///< UTC
};

/** The approved records of one class waiting for the principal's signature. */
struct QueueClass
{
    ClassGroup cls;
    int pupils = 0; ///< pupils of the class with a digital year
    QList<QueueEntry> entries; ///< in class-list order
};

/**
 * The principal's queue for a year: per class (classes with nothing waiting left out), the approved sections that
 * are still ready, i.e. not yet signed.
 */
Result<QList<QueueClass>> signingQueue(store::Database& db, SchoolYear year);

} // namespace hocba::lifecycle

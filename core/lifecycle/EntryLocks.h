// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Locks on entry (issue 14, WORKFLOWS.md §7 item 1): the board closes a scope (the school, a grade, a class) and
// optionally only a subject, a term or an item, so that grids, pastes and imports refuse to change it. Unlocking needs
// a board account and a reason; both are audited.

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

struct EntryLock
{
    Id id = 0;
    SchoolYear year;
    std::optional<int> grade; ///< empty: every grade
    std::optional<Id> classId; ///< empty: every class (of the grade)
    QString subject; ///< empty: every subject and the homeroom columns
    QString term; ///< empty: every term
    QString item; ///< empty: every item ("regular", "midterm", "final", "comment", "conduct", …)
    QString reason;
    QString lockedBy;
    QDateTime lockedAt;
};

/** Where a write goes, to be matched against the locks. */
struct EntryPlace
{
    SchoolYear year;
    int grade = 0;
    Id classId = 0;
    QString subject;
    QString term;
    QString item;
};

/** Ok when no lock covers `place`; otherwise a translated refusal naming the lock (who, when, why). */
Status requireUnlocked(store::Database& db, const EntryPlace& place);

/** The board (Right::LockEntry: principal and administrator) sets a lock; audited. */
Result<Id> lockEntry(store::Database& db, const Actor& actor, const EntryLock& lock);
/** The board lifts a lock; the reason is required and audited with the lock it lifts. */
Status unlockEntry(store::Database& db, const Actor& actor, Id lockId, const QString& reason);
/** The locks in force in a year. */
Result<QList<EntryLock>> entryLocks(store::Database& db, SchoolYear year);

} // namespace hocba::lifecycle

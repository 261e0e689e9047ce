// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Locks on entry (issue 14, WORKFLOWS.md §7 item 1): the board closes a scope (the school, a grade, a class) and
// optionally only a subject, a term or an item, so that grids, pastes and imports refuse to change it. Unlocking needs
// a board account and a reason; both are audited.

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "util/Error.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

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

/**
 * The locks in force in one school year, loaded once (one query, and the names of the locked classes) so that an
 * import or a grid gesture checks each cell in memory. The one place that decides what a lock covers: requireUnlocked,
 * the grade and homeroom imports (ClassBook) and the grids' writeCells all ask it.
 */
class EntryLockSet
{
public:
    /** The locks in force in `year` (lifted ones are not). */
    static Result<EntryLockSet> load(store::Database& db, SchoolYear year);

    SchoolYear year() const { return m_year; }
    const QList<EntryLock>& locks() const { return m_locks; }
    bool isEmpty() const { return m_locks.isEmpty(); }
    /**
     * The first lock (oldest) that covers `place`, or nullptr; a place of another year is never covered. A place with
     * a class and grade 0 takes the class's grade.
     */
    const EntryLock* covering(const EntryPlace& place) const;
    /** Ok when no lock covers `place`; otherwise the translated refusal naming the lock (who, when, why). */
    Status check(const EntryPlace& place) const;
    /** The translated refusal for one of these locks: "Marks of class 6A1, subject toan were locked by … on …: …". */
    QString refusal(const EntryLock& lock) const;

private:
    SchoolYear m_year;
    QList<EntryLock> m_locks;
    QHash<Id, QString> m_classNames;
    QHash<Id, int> m_classGrades;
};

/** Ok when no lock covers `place`; otherwise a translated refusal naming the lock (who, when, why). */
Status requireUnlocked(store::Database& db, const EntryPlace& place);

/** The board (Right::LockEntry: principal and administrator) sets a lock; audited. */
Result<Id> lockEntry(store::Database& db, const Actor& actor, const EntryLock& lock);
/** The board lifts a lock; the reason is required and audited with the lock it lifts. */
Status unlockEntry(store::Database& db, const Actor& actor, Id lockId, const QString& reason);
/** The locks in force in a year. */
Result<QList<EntryLock>> entryLocks(store::Database& db, SchoolYear year);

/** The terms a lock may name, in order: hk1, hk2, cn (THCS), gk1, ck1, gk2 (primary), year (homeroom's whole year). */
QStringList lockableTerms();
/** The columns (items) a lock may name, in order: regular, midterm, final, comment, level, score, conduct, absences. */
QStringList lockableItems();
/** A term code in words, translated ("hk1" → "Semester I"); the code itself when unknown. */
QString termDisplayName(const QString& term);
/** An item code in words, translated ("final" → "End-of-term mark (ĐĐGck)"); the code itself when unknown. */
QString itemDisplayName(const QString& item);
/**
 * A lock's scope in words for lists, translated: "Whole school", "Grade 6" or "Class 6A1" (with `className`), then
 * the subject's name, the term and the column when the lock names them ("All subjects" … when not).
 */
QStringList scopeInWords(const EntryLock& lock, const QString& className);

} // namespace hocba::lifecycle

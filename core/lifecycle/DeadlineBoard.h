// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/ClassReview.h"
#include "util/Error.h"

#include <QDate>
#include <QList>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** One class on the deadline board. */
struct DeadlineRow
{
    ClassGroup cls;
    QString homeroomTeacher;
    ClassReviewCounts counts;
    int errors = 0; ///< error items of the class's review
    std::optional<ClassReturn> lastReturn; ///< the board's latest return of the class, if any

    /** Pupils due by 30/6: the class without its August cohort. */
    int mainPupils() const { return counts.pupils - counts.augustCohort; }
    /** Of those, signed (or uploaded, or locked). */
    int mainSigned() const { return counts.signedCount - counts.augustSigned; }
    /** Every pupil due by 30/6 is signed. */
    bool mainDone() const { return mainSigned() >= mainPupils(); }
};

/** The deadline board of a school year (WORKFLOWS.md §7 item 12). */
struct DeadlineBoard
{
    SchoolYear year;
    QDate today;
    QDate mainDeadline; ///< 30/6 of the year's second calendar year
    QDate augustDeadline; ///< 15/8 of the same year, for the August cohort
    int daysToMain = 0; ///< negative once passed
    int daysToAugust = 0;
    QList<DeadlineRow> rows; ///< class by class, as the year lists them
    ClassReviewCounts totals;
};

/** Days from `today` to `deadline`: 0 on the day itself, negative after it. */
int daysLeft(QDate today, QDate deadline);

/**
 * The board for `year` as of `today`: per class and homeroom teacher the pupils, marks and comments missing
 * (ClassReview's counts), pupils reviewed clean, confirmed, approved, signed and uploaded, the August cohort apart,
 * and the days left to 30/6 and 15/8. Never changes data.
 */
Result<DeadlineBoard> deadlineBoard(store::Database& db, SchoolYear year, QDate today);

} // namespace hocba::lifecycle

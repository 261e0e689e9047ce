// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

class Actor;

/** What opening the next school year does with one student of the last one. */
enum class YearMove {
    Promoted, ///< lên lớp: the next grade's class with the same suffix (6A1 → 7A1)
    Retained, ///< ở lại lớp: the class of the same name in the new year
    Leaves, ///< finished the school's last grade (5 in a primary school, 9): the record is closed
};

struct StudentMove
{
    Id studentId = 0;
    Id recordId = 0; ///< the record of the last year's section
    QString studentName;
    int fromGrade = 0;
    QString fromClass;
    YearMove move = YearMove::Promoted;
    int toGrade = 0; ///< 0 when the student leaves
    QString toClass; ///< empty when the student leaves
    /** Grade 5 → 6 in a school with both levels: the primary record is closed and a THCS record opened. */
    bool newLevel = false;
    friend bool operator==(const StudentMove&, const StudentMove&) = default;
};

/** A student whose move is not known yet: the year cannot be opened before it is fixed. */
struct YearOpeningProblem
{
    QString code; ///< stable: "unconfirmed", "pending", "no_result", "no_class", "revoked"
    QString className;
    QString studentName;
    QString message; ///< translated, says what to do
    friend bool operator==(const YearOpeningProblem&, const YearOpeningProblem&) = default;
};

/** The preview of opening a year: every student's move, the classes it creates and what stands in the way. */
struct YearOpeningPlan
{
    SchoolYear from; ///< the last school year in the file
    SchoolYear to; ///< the year to open: from + 1
    QList<StudentMove> moves; ///< by the last year's class, then Vietnamese name order
    QStringList newClasses; ///< classes of `to` the opening creates, by grade and name
    QList<YearOpeningProblem> problems; ///< in the same order

    int count(YearMove move) const;
    bool canApply() const { return problems.isEmpty(); }
    friend bool operator==(const YearOpeningPlan&, const YearOpeningPlan&) = default;
};

/**
 * Plans opening `next` from the school year before it, which must be the last one in the file (years are opened in
 * order, and a year already open is refused: opening it again would duplicate its sections). Reads each student's
 * result from the rules' results of the last year's section (TT22: the year's promotion; TT27: whether the grade's
 * programme was completed, a CHT that remains after the additional assessment meaning the student stays). A
 * section not yet confirmed by its homeroom teacher, or whose result is still pending (summer training, re-tests),
 * is a problem: its student's move is not known yet. Writes nothing.
 */
Result<YearOpeningPlan> planYearOpening(store::Database& db, SchoolYear next);

/**
 * Opens the year as `plan` says, in one transaction: the year, the classes it lacks, a draft section for every
 * promoted and retained student and the closing of the leavers' records, with one "year.open" audit entry for the
 * whole move beside the entries each written row gets. Needs Right::ManageSchool. Refused, writing nothing, when the
 * plan has problems or no longer matches the file (something changed since the preview). An account's
 * changes are audited under its login; the unrestricted actor keeps the connection's actor.
 */
Status applyYearOpening(store::Database& db, const YearOpeningPlan& plan, const Actor& actor);

} // namespace hocba::lifecycle

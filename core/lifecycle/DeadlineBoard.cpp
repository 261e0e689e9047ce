// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/DeadlineBoard.h"

namespace hocba::lifecycle {

int daysLeft(QDate today, QDate deadline)
{
    return int(today.daysTo(deadline));
}

Result<DeadlineBoard> deadlineBoard(store::Database& db, SchoolYear year, QDate today)
{
    auto reviews = reviewClasses(db, {year, std::nullopt});
    if (!reviews)
        return std::unexpected(reviews.error());
    DeadlineBoard board;
    board.year = year;
    board.today = today;
    board.mainDeadline = QDate(year.startYear + 1, 6, 30);
    board.augustDeadline = QDate(year.startYear + 1, 8, 15);
    board.daysToMain = daysLeft(today, board.mainDeadline);
    board.daysToAugust = daysLeft(today, board.augustDeadline);
    for (const ClassReview& r : *reviews) {
        DeadlineRow row;
        row.cls = r.cls;
        row.homeroomTeacher = r.homeroomTeacher;
        row.counts = r.counts;
        row.errors = r.errorCount();
        if (!r.returns.isEmpty())
            row.lastReturn = r.returns.first();
        board.totals += r.counts;
        board.rows << row;
    }
    return board;
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an import did or would do, row by row: shared by the student and the grade import and by their callers.

#include <QList>
#include <QString>

namespace hocba::lifecycle {

/** One row an import did not take, with where it is and why (a translated sentence). */
struct ImportProblem
{
    QString sheet;
    int row = 0;
    QString column; ///< the header cell as the file spells it; empty when the whole row is meant
    QString code; ///< stable: "name", "birth_date", "personal_id", "score", "level", "not_found", "duplicate", …
    QString message;
};

/** What an import did, or would do on a dry run. */
struct ImportReport
{
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    QList<ImportProblem> conflicts; ///< rows that may be the same student as another: never imported silently
    QList<ImportProblem> rejected; ///< rows that break a rule
};

/** What became of one data row of the file; the desktop's preview shows one line per row. */
enum class RowOutcome { Added, Updated, Unchanged, Conflict, Rejected };

struct ImportRow
{
    QString sheet;
    int row = 0; ///< as a spreadsheet program numbers it
    RowOutcome outcome = RowOutcome::Unchanged;
    QString summary; ///< what the row is about, for the preview: "Nguyễn Văn An, 6A1" (never logged)
    QList<ImportProblem> problems; ///< why a row was rejected or is in conflict
};

struct ImportResult
{
    ImportReport report; ///< the counts and problems, as `--json` prints them
    QList<ImportRow> rows; ///< every data row of the file, in file order
    qint64 batchId = 0; ///< the audit entry of the written batch; 0 when nothing was written (dry run, no change)
};

} // namespace hocba::lifecycle

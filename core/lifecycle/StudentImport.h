// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** One row an import did not take, with where it is and why (a translated sentence). */
struct ImportProblem
{
    QString sheet;
    int row = 0;
    QString column; ///< the header cell as the file spells it; empty when the whole row is meant
    QString code; ///< stable: "name", "birth_date", "personal_id", "gender", "class", "duplicate", "mismatch"
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

struct StudentImportOptions
{
    SchoolYear year; ///< the school year the list's classes belong to
    QString fileName; ///< named in the audit entry of the batch
    bool dryRun = false;
};

/**
 * Imports a student list (issue "A real school in the app" §3): finds the header row by content among the first
 * rows, maps the columns by their names (WORKFLOWS.md §2), checks each row, matches existing students by personal
 * ID, then MOET code, then name and birth date, and writes every accepted row in one transaction with one audit
 * entry for the batch: the student, the record of the grade's level, a draft section for `year` in the row's class
 * (the class is created when missing). A dry run writes nothing. An import that changes nothing writes nothing, so
 * importing the same file twice leaves the second time unchanged. An error is a file that cannot be read at all.
 */
Result<ImportReport> importStudents(store::Database& db, const QByteArray& csv, const StudentImportOptions& options);

/** The same for a sheet already read. */
Result<ImportReport> importStudents(store::Database& db, const sheets::Sheet& sheet, const QByteArray& fileDigest,
                                    const StudentImportOptions& options);

} // namespace hocba::lifecycle

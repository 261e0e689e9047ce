// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one entry point the desktop and the CLI use to import a file (issue "A real school in the app" §3): it reads
// the file whatever its format, runs the student or grade import, and can take the last import back.

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/ImportReport.h"
#include "util/Error.h"

#include <QList>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

enum class ImportKind { Students, Grades, Homeroom };

struct ImportRequest
{
    ImportKind kind = ImportKind::Students;
    QString filePath; ///< .xlsx, .xls or .csv
    /// students: the list's year (default: the school's latest); grades: the book's year, or taken from its title
    /// rows (a title naming another year than this one refuses the file)
    std::optional<SchoolYear> year;
    QString className; ///< students: only this class; grades, homeroom: the class of the book
    QString subject; ///< grades: a subject code of docs/evaluate.md (or taken from the file's title rows)
    QString
        term; ///< grades: "hk1", "hk2" or "cn"; homeroom: the semester of an unnamed conduct column (or the title's)
    bool dryRun = false; ///< preview: nothing is written, not even the audit log
    bool allOrNothing = false; ///< with a rejected row nothing is written
};

/**
 * Reads `request.filePath`, checks `actor`'s rights (students: ManageSchool; grades: WriteGrades for the class and
 * subject; homeroom: WriteHomeroom for the class) and imports. Everything accepted is written in one transaction with
 * one audit entry naming the file, its SHA-256 and the account; the same file again changes nothing. An error is a file
 * that cannot be read at all or a missing right; then nothing is written.
 */
Result<ImportResult> runImport(store::Database& db, const ImportRequest& request, const Actor& actor);

/**
 * Takes back the import written as `batchId` in one transaction, audited as `actor`, when nothing has changed in the
 * school file since (the audit log's head is still that batch); otherwise refuses and changes nothing.
 */
Status undoImport(store::Database& db, qint64 batchId, const Actor& actor);

} // namespace hocba::lifecycle

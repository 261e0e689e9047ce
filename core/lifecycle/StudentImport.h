// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/ImportReport.h"
#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QByteArray>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

struct StudentImportOptions
{
    SchoolYear year; ///< the school year the list's classes belong to
    QString fileName; ///< named in the audit entry of the batch
    QString className; ///< when set: a row without a class goes into this class, a row of another class is rejected
    bool dryRun = false;
    bool allOrNothing = false; ///< with a rejected row nothing is written
};

/**
 * Imports a student list (issue "A real school in the app" §3): finds the header row by content among the first
 * rows, maps the columns by their names (WORKFLOWS.md §2), checks each row, matches existing students by personal
 * ID, then MOET code, then the school's register number (số đăng bộ), then name and birth date, and writes every
 * accepted row in one transaction with one audit entry for the batch (audited as `actor`, who needs
 * Right::ManageSchool): the student, the record of the grade's level, a draft section for `year` in the row's class
 * (the class is created when missing). A dry run writes nothing. An import that changes nothing writes nothing, so
 * importing the same file twice leaves the second time unchanged. An error is a sheet without a header row or a missing
 * right; then nothing is written.
 */
Result<ImportResult> importStudents(store::Database& db, const sheets::Sheet& sheet, const QByteArray& fileDigest,
                                    const StudentImportOptions& options, const Actor& actor);

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/BookImportOptions.h"
#include "lifecycle/ImportReport.h"
#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** What the caller says about a grade book; an empty field is taken from the book's title rows. */
struct GradeImportOptions : BookImportOptions
{
    QString subject; ///< a subject code of docs/evaluate.md
};

/**
 * Imports the grade book of one class and one subject for one term (issue "A real school in the app" §3):
 * THCS (TT22) ĐĐGtx1…n or all regular marks in one cell, ĐĐGgk, ĐĐGck, Nhận xét (Đ/CĐ in the subjects assessed by
 * comment); primary (TT27) Mức đạt được T/H/C, Điểm KTĐK, Nhận xét. The header row (one or two rows) is found by
 * content; the year, subject, term and class may come from the title rows above it. Students are matched within
 * the class by personal ID, then MOET code, then school code (số đăng bộ), then name and birth date (name alone
 * when the file has no birth date). The marks are written as the store's assessment rows of the student's year
 * section (rules/AssessmentMapping.h), in one transaction with one audit entry, audited as `actor`, who needs
 * Right::WriteGrades for the class and subject. A row whose section is signed or locked is rejected; an empty cell
 * keeps the stored mark. An error is a book that cannot be understood (no header, no class, a wrong year) or a
 * missing right; then nothing is written.
 */
Result<ImportResult> importGrades(store::Database& db, const sheets::Sheet& sheet, const QByteArray& fileDigest,
                                  const GradeImportOptions& options, const Actor& actor);

} // namespace hocba::lifecycle

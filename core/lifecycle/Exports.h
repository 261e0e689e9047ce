// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "sheets/XlsxWriter.h"
#include "util/Error.h"

#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** The workbooks offices send (docs/export.md). */
enum class ExportKind {
    GradeBook, ///< "Bảng điểm chi tiết": one class, one subject, one semester (VnEdu layout)
    ClassSummary, ///< one class's results per pupil: THCS "Bảng tổng hợp kết quả", primary TT27 summary
    StudentList, ///< one class's pupils in the columns of the student import (CSDL-style list)
};

/** What to export: the class of the year, and for a grade book its subject and semester. */
struct ExportRequest
{
    ExportKind kind = ExportKind::GradeBook;
    SchoolYear year;
    QString className;
    QString subject; ///< a subject code of docs/evaluate.md (grade book)
    /** "hk1" or "hk2" for a THCS grade book; "hk1", "hk2" or "cn" (default) for a THCS summary; primary: "cn". */
    QString term;
};

/**
 * The sheet of the request, made from the school file: the grade book's cells are the stored marks, the semester
 * average and the summaries' results what the rules compute from them. Codes, personal IDs and dates (dd/mm/yyyy)
 * are text; scores are numbers (docs/export.md says why). Needs Right::PrintExport in the class; an unknown class,
 * subject or term is InvalidInput/NotFound saying what to change.
 */
Result<sheets::DataSheet> exportSheet(store::Database& db, const Actor& actor, const ExportRequest& request);

/** exportSheet written as an .xlsx workbook at `path` (replaced; the caller asks first). */
Status exportWorkbook(store::Database& db, const Actor& actor, const ExportRequest& request, const QString& path);

/** The subject's name as a grade book's title writes it, one the grade import reads back ("Toán", "Ngữ văn"). */
QString gradeBookSubjectName(const QString& code);

} // namespace hocba::lifecycle

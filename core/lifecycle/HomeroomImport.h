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

using HomeroomImportOptions = BookImportOptions;

/**
 * Imports the homeroom teacher's part of one class's year sections (issue "A real school in the app" §3):
 * THCS (TT22) conduct per semester T/K/Đ/CĐ ("Rèn luyện HK1", "Hạnh kiểm HK2", "KQRL HK1", or "Kết quả rèn luyện"
 * for the semester of the title), absences ("Số buổi nghỉ", or VnEdu's P · K · Tổng, summed when Tổng is empty)
 * and the comment ("Nhận xét của GVCN"); primary (TT27) the 5 qualities and 10 competencies T/Đ/C by their
 * Vietnamese names and the comment. The year's conduct ("Rèn luyện CN") is computed by the rules from the two
 * semesters, so such a column is read past. Title rows, header detection, student matching, the signed-section
 * check and the one audited transaction are the grade import's (ClassBook.h, ImportBatch.h); `actor` needs
 * Right::WriteHomeroom for the class. An empty cell keeps the stored value.
 */
Result<ImportResult> importHomeroomBook(store::Database& db, const sheets::Sheet& sheet, const QByteArray& fileDigest,
                                        const HomeroomImportOptions& options, const Actor& actor);

} // namespace hocba::lifecycle

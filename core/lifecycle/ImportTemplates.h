// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "sheets/XlsxWriter.h"
#include "util/Error.h"

#include <QString>

namespace hocba::lifecycle {

/** The empty workbooks a school fills in and imports (hocba-cli template, docs/import.md). */
enum class ImportTemplate { Students, Grades, Homeroom };

/** The student list: STT, then each column the student import reads (StudentColumns.h), under its first alias. */
sheets::SheetTemplate studentListTemplate();

/**
 * The grade book of one class and subject: THCS (TT22) STT, Mã định danh Bộ GD&ĐT, Họ và tên, Ngày sinh,
 * ĐĐGtx1…ĐĐGtx4, ĐĐGgk, ĐĐGck, Nhận xét; primary (TT27) STT, Mã định danh, Họ và tên, Ngày sinh, Mức đạt được,
 * Điểm KTĐK, Nhận xét.
 */
sheets::SheetTemplate gradeBookTemplate(SchoolLevel level);

/**
 * The homeroom book of one class: THCS (TT22) STT, Mã định danh Bộ GD&ĐT, Họ và tên, Ngày sinh, Rèn luyện HK1,
 * Rèn luyện HK2, Số buổi nghỉ, Nhận xét của GVCN; primary (TT27) STT, Mã định danh, Họ và tên, Ngày sinh, the 5
 * qualities and 10 competencies by name, Nhận xét của GVCN.
 */
sheets::SheetTemplate homeroomBookTemplate(SchoolLevel level);

/** Writes the template as an .xlsx file at `path` (replacing a file there: the caller asks first). */
Status writeImportTemplate(const QString& path, ImportTemplate kind, SchoolLevel level);

} // namespace hocba::lifecycle

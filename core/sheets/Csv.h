// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QByteArray>

namespace hocba::sheets {

/**
 * Reads a CSV file: UTF-8 with or without a BOM, the delimiter (`,` `;` or tab) taken from the first rows, quotes
 * as RFC 4180 (a quoted cell may hold the delimiter, a doubled quote or a line break). A file that is not UTF-8
 * (Excel's plain "CSV" in Windows-1258) or that exceeds `limits` is refused with a message saying what to do.
 * Blank lines stay as empty rows so that row numbers match what a spreadsheet program shows.
 */
Result<Sheet> readCsv(const QByteArray& bytes, const SheetLimits& limits = {});

} // namespace hocba::sheets

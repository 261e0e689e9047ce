// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>

namespace hocba::sheets {

/**
 * Reads an Excel 97–2003 workbook (.xls, BIFF, as older VnEdu and CSDL exports are) with libfreexl: every worksheet,
 * each cell as text like readXlsx (numbers in plain digits, dates as "dd/MM/yyyy"). libfreexl reads only from a
 * file, so the bytes go to a temporary file first. Refused with a message: a file above `limits.maxBytes`, a
 * password-protected workbook (also an encrypted .xlsx, which is such a compound file too), sheets whose declared
 * area exceeds `limits.maxCells` (checked before libfreexl allocates it) or `limits.maxRows`, a value beyond
 * `limits.maxColumns`, a file libfreexl cannot read.
 */
Result<QList<Sheet>> readXls(const QByteArray& bytes, const SheetLimits& limits = {});

} // namespace hocba::sheets

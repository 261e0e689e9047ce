// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hocba::sheets {

/**
 * The sheets of a spreadsheet file, whatever its kind, chosen by its content and not its name: a zip (PK\3\4) is an
 * .xlsx (readXlsx), a compound file (D0 CF 11 E0) an .xls (readXls) or a password-protected workbook, anything else
 * CSV (readCsv: one sheet named `fileName`).
 */
Result<QList<Sheet>> readBytes(const QByteArray& bytes, const QString& fileName, const SheetLimits& limits = {});

/** A file's bytes; a file above `limits.maxBytes` is refused before it is read (one that grows meanwhile is cut). */
Result<QByteArray> readFileBytes(const QString& path, const SheetLimits& limits = {});

/** readBytes on a file's content (readFileBytes). */
Result<QList<Sheet>> readFile(const QString& path, const SheetLimits& limits = {});

} // namespace hocba::sheets

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QDate>
#include <QString>

#include <optional>

// What the workbook readers (Xlsx.cpp, Xls.cpp) share: a cell's number as the sheet shows it, Excel's serial dates,
// number formats, and the messages for files they refuse.
namespace hocba::sheets::detail {

/** A number as plain text: integers without ".0", others to at most 10 significant digits (8.4999999999 → "8.5"). */
QString numberText(double value);

/** The day of an Excel serial number (1900 or 1904 system), or nothing outside 1900–9999 and for 29/02/1900. */
std::optional<QDate> serialDate(double serial, bool date1904);

/** "dd/MM/yyyy", the way the importers read dates. */
QString dateText(const QDate& date);

/** How a number format shows a number: as a date, or padded with zeros to a width ("000000000000" for IDs). */
struct NumberFormat
{
    bool date = false;
    int zeroPad = 0;
};

/** Built-in formats 14–22 and 45–47 are dates and times; a custom format is a date when it has d, y or m without h or
 * s. */
NumberFormat numberFormat(int formatId, const QString& formatCode);

/** A number cell's text under `format`. */
QString formattedNumber(double value, const NumberFormat& format, bool date1904);

/** The file is encrypted: Excel's "Protect with password". */
Error passwordProtected();
/** The file cannot be read as a whole workbook (cut short, damaged, or not what its name says). */
Error damagedWorkbook(const QString& detail);
Error fileTooLarge(const SheetLimits& limits);
Error tooManyRows(const QString& sheet, const SheetLimits& limits);
Error tooManyColumns(const QString& sheet, int row, const SheetLimits& limits);
Error tooManyCells(const SheetLimits& limits);
Error tooManySheets(const SheetLimits& limits);

} // namespace hocba::sheets::detail

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QList>
#include <QString>

namespace hocba::sheets {

/** One column of an empty import template. */
struct TemplateColumn
{
    QString heading;
    double width = 14; ///< in Excel's character widths
    /// Cells formatted as text ("@"), so that Excel keeps what is typed: the leading zeros of an ID, a date as
    /// dd/mm/yyyy whatever the computer's date settings
    bool text = false;
};

/** A sheet of an import template: its name and the header row (row 1, bold, frozen while scrolling). */
struct SheetTemplate
{
    QString name;
    QList<TemplateColumn> columns;
};

/**
 * Writes an .xlsx workbook of empty sheets with libxlsxwriter, through a temporary file in the same folder that
 * then replaces `path`, so that a failed write leaves no half file behind (whether `path` may be replaced is the
 * caller's decision).
 */
Status writeXlsx(const QString& path, const QList<SheetTemplate>& sheets);

/** One cell of a sheet with data: text (kept as typed: leading zeros, dd/mm/yyyy), a number, or nothing. */
struct Cell
{
    enum class Kind { Empty, Text, Number };
    Kind kind = Kind::Empty;
    QString text;
    double number = 0;
    /** A number's format code ("0.0": one decimal, shown with the reader's decimal separator); empty: General. */
    QString numberFormat;

    static Cell ofText(const QString& text)
    {
        Cell c;
        c.kind = text.isEmpty() ? Kind::Empty : Kind::Text;
        c.text = text;
        return c;
    }
    static Cell ofNumber(double number, const QString& format = {})
    {
        Cell c;
        c.kind = Kind::Number;
        c.number = number;
        c.numberFormat = format;
        return c;
    }
};

/** A rectangle of cells shown as one (its text in the top-left cell). Rows and columns from 0. */
struct MergedRange
{
    int firstRow = 0;
    int firstColumn = 0;
    int lastRow = 0;
    int lastColumn = 0;
};

/**
 * A sheet with data: title rows, a header of one or two rows and the data rows below, all in `rows` (row 0 is the
 * sheet's row 1). Title and header rows are bold and centred; data rows are plain with thin borders. Columns marked
 * text are formatted as text ("@") throughout, so that what is typed later stays text too.
 */
struct DataSheet
{
    QString name;
    QList<double> widths; ///< per column, in Excel's character widths
    QList<bool> textColumns; ///< per column
    QList<QList<Cell>> rows;
    int titleRows = 0; ///< the first rows: titles (merged across the table when `mergeTitles`)
    int headerRows = 1; ///< the rows after the titles: the header
    bool mergeTitles = true;
    QList<MergedRange> merges; ///< header cells that span columns or rows
};

/** Writes an .xlsx workbook of sheets with data, as writeXlsx does (a temporary file replaces `path`). */
Status writeWorkbook(const QString& path, const QList<DataSheet>& sheets);

} // namespace hocba::sheets

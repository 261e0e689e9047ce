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

} // namespace hocba::sheets

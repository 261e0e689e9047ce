// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace hocba::sheets {

/** One row of a sheet as its file holds it: the cells' text and the row number a spreadsheet program shows. */
struct SheetRow
{
    int number = 0; ///< 1-based
    QStringList cells;

    QString cell(int column) const { return column >= 0 && column < cells.size() ? cells.at(column) : QString(); }
};

/** A table read from a spreadsheet file; `name` is what a rejection names as its sheet. */
struct Sheet
{
    QString name;
    QList<SheetRow> rows;
};

/** What a file may hold before it is refused, so that a hostile or mistaken file cannot exhaust memory. */
struct SheetLimits
{
    qsizetype maxBytes = qsizetype(20) * 1024 * 1024;
    int maxRows = 100000;
    int maxColumns = 200;
};

} // namespace hocba::sheets

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
    qsizetype maxBytes = qsizetype(20) * 1024 * 1024; ///< the file as stored (compressed, for a workbook)
    qint64 maxUncompressedBytes = qint64(100) * 1024 * 1024; ///< every part of a workbook read, once unpacked
    /// A part of a workbook that unpacks to more than this many times its stored size (and more than 1 MiB) is a zip
    /// bomb: real sheets compress about 10 to 1.
    int maxCompressionRatio = 200;
    int maxRows = 100000;
    int maxColumns = 200;
    int maxCells = 1000000; ///< cells with a value, in every sheet of a workbook together
    int maxSheets = 250;
};

} // namespace hocba::sheets

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Workbooks made by the tests themselves (no workbook is committed): hand-made zips with libzip for hostile files,
// plain sheets with libxlsxwriter, and the python3 + xlwt that makes an .xls.
#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace hocba::test {

/** A zip made in memory from name → bytes (stored as deflate, like Excel's). */
QByteArray makeZip(const QMap<QString, QByteArray>& parts);

/** A worksheet part holding `sheetData` (the <row> elements). */
QByteArray worksheetXml(const QByteArray& sheetData);

/** The smallest workbook Excel opens: one sheet "Trang 1" with inline strings, plus any extra parts. */
QByteArray minimalXlsx(const QByteArray& sheetXml, const QMap<QString, QByteArray>& extra = {},
                       const QByteArray& workbookPr = {});

/** A zip bomb: an empty sheet beside 64 MiB of zeros that deflate to about 64 KiB (a ratio near 1000 to 1). */
QByteArray zipBombXlsx();

/** A sheet whose DOCTYPE declares entities (a "billion laughs" in small). */
QByteArray sheetWithDoctype();

/** Overwrites the uncompressed size of one entry, in its local header and in the central directory. */
QByteArray withStatedSize(QByteArray zip, const QByteArray& name, quint32 size);

/**
 * One sheet of text cells written with libxlsxwriter at `path`; the first `mergedTitleRows` rows are each one cell
 * merged across the width of the widest row, as schools' title rows are. False on failure.
 */
bool writeXlsxRows(const QString& path, const QString& sheetName, const QList<QStringList>& rows,
                   int mergedTitleRows = 0);

struct XlsxSheet
{
    QString name;
    QList<QStringList> rows;
    int mergedTitleRows = 0;
};

/** A workbook of several such sheets, in order. */
bool writeXlsxSheets(const QString& path, const QList<XlsxSheet>& sheets);

/** Writes `bytes` to `path`; false on failure. */
bool writeBytes(const QString& path, const QByteArray& bytes);

/** A python3 that has xlwt (Debian's python3-xlwt), or empty. */
QString pythonWithXlwt();

/** Runs `python -c script args…`: empty on success, else what went wrong (its stderr). */
QString runPython(const QString& python, const QString& script, const QStringList& args);

} // namespace hocba::test

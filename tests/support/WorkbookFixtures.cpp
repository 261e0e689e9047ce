// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkbookFixtures.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>

namespace hocba::test {

QByteArray makeZip(const QMap<QString, QByteArray>& parts)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(buffer);
    zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    for (auto it = parts.begin(); it != parts.end(); ++it) {
        zip_source_t* part = zip_source_buffer(zip, it.value().constData(), zip_uint64_t(it.value().size()), 0);
        zip_file_add(zip, it.key().toUtf8().constData(), part, ZIP_FL_ENC_UTF_8);
    }
    zip_close(zip);
    QByteArray bytes;
    if (zip_source_open(buffer) == 0) {
        zip_source_seek(buffer, 0, SEEK_END);
        bytes.resize(qsizetype(zip_source_tell(buffer)));
        zip_source_seek(buffer, 0, SEEK_SET);
        zip_source_read(buffer, bytes.data(), zip_uint64_t(bytes.size()));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

QByteArray worksheetXml(const QByteArray& sheetData)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet "
           "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        + sheetData + "</sheetData></worksheet>";
}

QByteArray minimalXlsx(const QByteArray& sheetXml, const QMap<QString, QByteArray>& extra, const QByteArray& workbookPr)
{
    QMap<QString, QByteArray> parts {
        {QStringLiteral("_rels/.rels"),
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
         "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"xl/workbook.xml\"/></Relationships>"},
        {QStringLiteral("xl/workbook.xml"),
         "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
             + workbookPr + "<sheets><sheet name=\"Trang 1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {QStringLiteral("xl/_rels/workbook.xml.rels"),
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
         "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
         "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
         "Target=\"styles.xml\"/></Relationships>"},
        {QStringLiteral("xl/worksheets/sheet1.xml"), sheetXml},
    };
    parts.insert(extra);
    return makeZip(parts);
}

QByteArray zipBombXlsx()
{
    const QByteArray zeros(64 * 1024 * 1024, '\0');
    return minimalXlsx(worksheetXml({}), {{QStringLiteral("xl/sharedStrings.xml"), zeros}});
}

QByteArray sheetWithDoctype()
{
    return "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
           "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<worksheet "
           "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c "
           "t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
}

QByteArray withStatedSize(QByteArray zip, const QByteArray& name, quint32 size)
{
    const auto patch = [&](const char* signature, int sizeOffset, int nameOffset) {
        for (qsizetype at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4))
            if (zip.mid(at + nameOffset, name.size()) == name)
                for (int i = 0; i < 4; ++i)
                    zip[at + sizeOffset + i] = char((size >> (8 * i)) & 0xFF);
    };
    patch("PK\x03\x04", 22, 30);
    patch("PK\x01\x02", 24, 46);
    return zip;
}

bool writeXlsxSheets(const QString& path, const QList<XlsxSheet>& sheets)
{
    lxw_workbook* wb = workbook_new(QFile::encodeName(path).constData());
    if (!wb)
        return false;
    for (const XlsxSheet& sheet : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.toUtf8().constData());
        qsizetype width = 1;
        for (const QStringList& row : sheet.rows)
            width = std::max(width, row.size());
        for (qsizetype r = 0; r < sheet.rows.size(); ++r) {
            const QStringList& cells = sheet.rows.at(r);
            if (r < sheet.mergedTitleRows && width > 1) {
                worksheet_merge_range(ws, lxw_row_t(r), 0, lxw_row_t(r), lxw_col_t(width - 1),
                                      cells.value(0).toUtf8().constData(), nullptr);
                continue;
            }
            for (qsizetype c = 0; c < cells.size(); ++c)
                if (!cells.at(c).isEmpty())
                    worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), cells.at(c).toUtf8().constData(), nullptr);
        }
    }
    return workbook_close(wb) == LXW_NO_ERROR;
}

bool writeXlsxRows(const QString& path, const QString& sheetName, const QList<QStringList>& rows, int mergedTitleRows)
{
    return writeXlsxSheets(path, {{sheetName, rows, mergedTitleRows}});
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString pythonWithXlwt()
{
    for (const QString& candidate :
         {QStandardPaths::findExecutable(QStringLiteral("python3")), QStringLiteral("/usr/bin/python3")}) {
        if (candidate.isEmpty() || !QFile::exists(candidate))
            continue;
        QProcess p;
        p.start(candidate, {QStringLiteral("-c"), QStringLiteral("import xlwt")});
        if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return candidate;
    }
    return {};
}

QString runPython(const QString& python, const QString& script, const QStringList& args)
{
    QProcess p;
    p.start(python, QStringList {QStringLiteral("-c"), script} + args);
    if (!p.waitForFinished(60000))
        return QStringLiteral("python3 did not finish");
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError()) + QStringLiteral(" (python3 failed)");
    return {};
}

} // namespace hocba::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheets/XlsxWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <functional>

namespace hocba::sheets {

namespace {

struct WriterText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::sheets::XlsxWriter)
};

Error writeFailed(const QString& path, const QString& detail)
{
    return {ErrorCode::Io,
            WriterText::tr("Cannot write the workbook %1. Check that the folder exists and that the file is not open "
                           "in Excel.")
                .arg(QDir::toNativeSeparators(path)),
            detail};
}

/** Adds the sheets to `workbook`; false when libxlsxwriter refuses one (e.g. a name Excel does not allow). */
bool addSheets(lxw_workbook* workbook, const QList<SheetTemplate>& sheets)
{
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    format_set_align(bold, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format* text = workbook_add_format(workbook);
    format_set_num_format(text, "@");
    for (const SheetTemplate& t : sheets) {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, t.name.toUtf8().constData());
        if (!sheet)
            return false;
        for (int c = 0; c < t.columns.size(); ++c) {
            const TemplateColumn& column = t.columns.at(c);
            const auto col = lxw_col_t(c);
            if (worksheet_set_column(sheet, col, col, column.width, column.text ? text : nullptr) != LXW_NO_ERROR
                || worksheet_write_string(sheet, 0, col, column.heading.toUtf8().constData(), bold) != LXW_NO_ERROR)
                return false;
        }
        worksheet_freeze_panes(sheet, 1, 0);
    }
    return true;
}

/** The formats of a data workbook, made once per workbook. */
struct DataFormats
{
    explicit DataFormats(lxw_workbook* workbook)
        : m_workbook(workbook)
    {
        title = workbook_add_format(workbook);
        format_set_bold(title);
        format_set_align(title, LXW_ALIGN_CENTER);
        format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
        header = workbook_add_format(workbook);
        format_set_bold(header);
        format_set_text_wrap(header);
        format_set_align(header, LXW_ALIGN_CENTER);
        format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
        format_set_border(header, LXW_BORDER_THIN);
        text = workbook_add_format(workbook);
        format_set_num_format(text, "@");
        textCell = workbook_add_format(workbook);
        format_set_num_format(textCell, "@");
        format_set_border(textCell, LXW_BORDER_THIN);
        general = workbook_add_format(workbook);
        format_set_border(general, LXW_BORDER_THIN);
    }

    /** A bordered number format with this code (made on first use). */
    lxw_format* number(const QString& code)
    {
        if (code.isEmpty())
            return general;
        if (auto it = m_numbers.find(code); it != m_numbers.end())
            return it.value();
        lxw_format* f = workbook_add_format(m_workbook);
        format_set_num_format(f, code.toUtf8().constData());
        format_set_border(f, LXW_BORDER_THIN);
        m_numbers.insert(code, f);
        return f;
    }

    lxw_format* title = nullptr;
    lxw_format* header = nullptr;
    lxw_format* text = nullptr;
    lxw_format* textCell = nullptr;
    lxw_format* general = nullptr;

private:
    lxw_workbook* m_workbook;
    QHash<QString, lxw_format*> m_numbers;
};

bool addDataSheet(lxw_workbook* workbook, DataFormats& formats, const DataSheet& d)
{
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, d.name.toUtf8().constData());
    if (!sheet)
        return false;
    qsizetype width = d.widths.size();
    for (const QList<Cell>& row : d.rows)
        width = std::max(width, row.size());
    for (int c = 0; c < width; ++c) {
        const auto col = lxw_col_t(c);
        if (worksheet_set_column(sheet, col, col, d.widths.value(c, 12),
                                 d.textColumns.value(c) ? formats.text : nullptr)
            != LXW_NO_ERROR)
            return false;
    }
    const int headerEnd = d.titleRows + d.headerRows;
    for (int r = 0; r < d.rows.size(); ++r) {
        const auto row = lxw_row_t(r);
        const QList<Cell>& cells = d.rows.at(r);
        if (r < d.titleRows && d.mergeTitles && width > 1) {
            const QString text = cells.value(0).text;
            if (worksheet_merge_range(sheet, row, 0, row, lxw_col_t(width - 1), text.toUtf8().constData(),
                                      formats.title)
                != LXW_NO_ERROR)
                return false;
            continue;
        }
        for (int c = 0; c < cells.size(); ++c) {
            const Cell& cell = cells.at(c);
            const auto col = lxw_col_t(c);
            lxw_format* format = r < d.titleRows  ? formats.title
                : r < headerEnd                   ? formats.header
                : cell.kind == Cell::Kind::Number ? formats.number(cell.numberFormat)
                : d.textColumns.value(c)          ? formats.textCell
                                                  : formats.general;
            lxw_error e = LXW_NO_ERROR;
            if (cell.kind == Cell::Kind::Number)
                e = worksheet_write_number(sheet, row, col, cell.number, format);
            else if (cell.kind == Cell::Kind::Text)
                e = worksheet_write_string(sheet, row, col, cell.text.toUtf8().constData(), format);
            else if (r >= d.titleRows)
                e = worksheet_write_blank(sheet, row, col, format);
            if (e != LXW_NO_ERROR)
                return false;
        }
    }
    for (const MergedRange& m : d.merges) {
        const QString text = d.rows.value(m.firstRow).value(m.firstColumn).text;
        if (worksheet_merge_range(sheet, lxw_row_t(m.firstRow), lxw_col_t(m.firstColumn), lxw_row_t(m.lastRow),
                                  lxw_col_t(m.lastColumn), text.toUtf8().constData(), formats.header)
            != LXW_NO_ERROR)
            return false;
    }
    worksheet_freeze_panes(sheet, lxw_row_t(headerEnd), 0);
    return true;
}

/** Writes a workbook through a temporary file in the same folder that then replaces `path`. */
Status writeThroughTemporary(const QString& path, const std::function<bool(lxw_workbook*)>& add);

} // namespace

Status writeWorkbook(const QString& path, const QList<DataSheet>& sheets)
{
    return writeThroughTemporary(path, [&sheets](lxw_workbook* workbook) {
        DataFormats formats(workbook);
        for (const DataSheet& d : sheets)
            if (!addDataSheet(workbook, formats, d))
                return false;
        return true;
    });
}

Status writeXlsx(const QString& path, const QList<SheetTemplate>& sheets)
{
    return writeThroughTemporary(path, [&sheets](lxw_workbook* workbook) { return addSheets(workbook, sheets); });
}

namespace {

Status writeThroughTemporary(const QString& path, const std::function<bool(lxw_workbook*)>& add)
{
    QString partPath;
    {
        QTemporaryFile part(QFileInfo(path).absoluteDir().filePath(QStringLiteral(".hocba-XXXXXX.xlsx")));
        part.setAutoRemove(false);
        if (!part.open())
            return std::unexpected(writeFailed(path, part.errorString()));
        partPath = part.fileName();
    }
    lxw_workbook* workbook = workbook_new(QFile::encodeName(partPath).constData());
    if (!workbook) {
        QFile::remove(partPath);
        return std::unexpected(writeFailed(path, QStringLiteral("workbook_new")));
    }
    const bool added = add(workbook);
    const lxw_error closed = workbook_close(workbook);
    if (!added || closed != LXW_NO_ERROR) {
        QFile::remove(partPath);
        return std::unexpected(writeFailed(path, QString::fromUtf8(lxw_strerror(closed))));
    }
    if (QFile::exists(path) && !QFile::remove(path)) {
        QFile::remove(partPath);
        return std::unexpected(writeFailed(path, QStringLiteral("cannot replace")));
    }
    if (!QFile::rename(partPath, path)) {
        QFile::remove(partPath);
        return std::unexpected(writeFailed(path, QStringLiteral("rename")));
    }
    return {};
}

} // namespace

} // namespace hocba::sheets

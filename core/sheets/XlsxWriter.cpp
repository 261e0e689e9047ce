// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheets/XlsxWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <xlsxwriter.h>

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

} // namespace

Status writeXlsx(const QString& path, const QList<SheetTemplate>& sheets)
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
    const bool added = addSheets(workbook, sheets);
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

} // namespace hocba::sheets

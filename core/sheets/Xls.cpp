// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheets/Xls.h"

#include "sheets/CellText.h"

#include <QCoreApplication>
#include <QDate>
#include <QTemporaryFile>

#include <freexl.h>

#include <memory>

namespace hocba::sheets {

using namespace detail;

namespace {

struct XlsText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::sheets::Xls)
};

struct FreexlClose
{
    void operator()(const void* handle) const { freexl_close(handle); }
};

using Handle = std::unique_ptr<const void, FreexlClose>;

/** An encrypted .xlsx is a compound file with these streams instead of a zip (MS-OFFCRYPTO). */
bool isEncryptedPackage(const QByteArray& bytes)
{
    const QString stream = QStringLiteral("EncryptedPackage");
    const QByteArray utf16(reinterpret_cast<const char*>(stream.utf16()), stream.size() * 2);
    return bytes.contains(utf16);
}

Error unreadable(int code)
{
    return {ErrorCode::InvalidInput,
            XlsText::tr("The file cannot be read as an Excel 97–2003 workbook (.xls). Open it in Excel, save it as "
                        "\"Excel Workbook (*.xlsx)\" and import that file."),
            QStringLiteral("freexl %1").arg(code)};
}

Result<Handle> openFreexl(const QByteArray& path, bool infoOnly)
{
    const void* raw = nullptr;
    const int rc = infoOnly ? freexl_open_info(path.constData(), &raw) : freexl_open(path.constData(), &raw);
    Handle handle(raw); // freexl_close even on failure (freexl.h)
    if (rc != FREEXL_OK)
        return std::unexpected(unreadable(rc));
    return handle;
}

/** Looks at the sheets' declared size before the full open, which allocates a cell for every row × column. */
Status checkDeclaredSize(const QByteArray& path, const SheetLimits& limits)
{
    auto handle = openFreexl(path, true);
    if (!handle)
        return std::unexpected(handle.error());
    unsigned int value = 0;
    if (freexl_get_info(handle->get(), FREEXL_BIFF_PASSWORD, &value) == FREEXL_OK && value == FREEXL_BIFF_OBFUSCATED)
        return std::unexpected(passwordProtected());
    unsigned int sheets = 0;
    freexl_get_info(handle->get(), FREEXL_BIFF_SHEET_COUNT, &sheets);
    if (sheets > unsigned(limits.maxSheets))
        return std::unexpected(tooManySheets(limits));
    qint64 area = 0;
    for (unsigned short i = 0; i < sheets; ++i) {
        unsigned int rows = 0;
        unsigned short columns = 0;
        if (freexl_select_active_worksheet(handle->get(), i) != FREEXL_OK
            || freexl_worksheet_dimensions(handle->get(), &rows, &columns) != FREEXL_OK)
            continue;
        if (rows > unsigned(limits.maxRows)) {
            const char* name = nullptr;
            freexl_get_worksheet_name(handle->get(), i, &name);
            return std::unexpected(tooManyRows(name ? QString::fromUtf8(name) : QString::number(i + 1), limits));
        }
        area += qint64(rows) * columns;
        if (area > limits.maxCells)
            return std::unexpected(tooManyCells(limits));
    }
    return {};
}

QString cellText(const FreeXL_CellValue& cell)
{
    switch (cell.type) {
    case FREEXL_CELL_INT:
        return QString::number(cell.value.int_value);
    case FREEXL_CELL_DOUBLE:
        return numberText(cell.value.double_value);
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME: {
        // "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS": a birth date typed in Excel has no time worth keeping.
        const QString text = QString::fromUtf8(cell.value.text_value);
        const QDate day = QDate::fromString(text.left(10), Qt::ISODate);
        return day.isValid() ? dateText(day) : text;
    }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_TIME:
        return QString::fromUtf8(cell.value.text_value);
    default:
        return {};
    }
}

Result<Sheet> readSheet(const void* handle, unsigned short index, const SheetLimits& limits)
{
    Sheet sheet;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(handle, index, &name) == FREEXL_OK && name)
        sheet.name = QString::fromUtf8(name);
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (int rc = freexl_select_active_worksheet(handle, index); rc != FREEXL_OK)
        return std::unexpected(unreadable(rc));
    if (int rc = freexl_worksheet_dimensions(handle, &rows, &columns); rc != FREEXL_OK)
        return std::unexpected(unreadable(rc));
    for (unsigned int r = 0; r < rows; ++r) {
        SheetRow row {int(r) + 1, {}};
        for (unsigned short c = 0; c < columns; ++c) {
            FreeXL_CellValue cell;
            if (freexl_get_cell_value(handle, r, c, &cell) != FREEXL_OK || cell.type == FREEXL_CELL_NULL)
                continue;
            const QString text = cellText(cell);
            if (text.isEmpty())
                continue;
            if (c >= limits.maxColumns)
                return std::unexpected(tooManyColumns(sheet.name, row.number, limits));
            while (row.cells.size() < c)
                row.cells.append(QString());
            row.cells.append(text);
        }
        sheet.rows.append(std::move(row));
    }
    while (!sheet.rows.isEmpty() && sheet.rows.last().cells.isEmpty())
        sheet.rows.removeLast();
    return sheet;
}

} // namespace

Result<QList<Sheet>> readXls(const QByteArray& bytes, const SheetLimits& limits)
{
    if (bytes.size() > limits.maxBytes)
        return std::unexpected(fileTooLarge(limits));
    if (isEncryptedPackage(bytes))
        return std::unexpected(passwordProtected());
    QTemporaryFile file;
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush())
        return fail(ErrorCode::Io, XlsText::tr("Cannot write a temporary copy of the workbook."), file.errorString());
    const QByteArray path = QFile::encodeName(file.fileName());
    if (auto s = checkDeclaredSize(path, limits); !s)
        return std::unexpected(s.error());
    auto handle = openFreexl(path, false);
    if (!handle)
        return std::unexpected(handle.error());
    unsigned int count = 0;
    freexl_get_info(handle->get(), FREEXL_BIFF_SHEET_COUNT, &count);
    QList<Sheet> sheets;
    for (unsigned short i = 0; i < count; ++i) {
        auto sheet = readSheet(handle->get(), i, limits);
        if (!sheet)
            return std::unexpected(sheet.error());
        sheets.append(std::move(*sheet));
    }
    return sheets;
}

} // namespace hocba::sheets

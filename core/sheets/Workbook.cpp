// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheets/Workbook.h"

#include "sheets/CellText.h"
#include "sheets/Csv.h"
#include "sheets/Xls.h"
#include "sheets/Xlsx.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace hocba::sheets {

namespace {

struct WorkbookText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::sheets::Workbook)
};

} // namespace

Result<QList<Sheet>> readBytes(const QByteArray& bytes, const QString& fileName, const SheetLimits& limits)
{
    if (bytes.startsWith("PK\x03\x04"))
        return readXlsx(bytes, limits);
    if (bytes.startsWith("\xD0\xCF\x11\xE0"))
        return readXls(bytes, limits);
    auto sheet = readCsv(bytes, limits);
    if (!sheet)
        return std::unexpected(sheet.error());
    sheet->name = fileName;
    return QList<Sheet> {std::move(*sheet)};
}

Result<QByteArray> readFileBytes(const QString& path, const SheetLimits& limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, WorkbookText::tr("Cannot read %1.").arg(QDir::toNativeSeparators(path)),
                    file.errorString());
    if (file.size() > limits.maxBytes)
        return std::unexpected(detail::fileTooLarge(limits));
    // A file that grows while it is read is cut at one byte past the cap, which the readers refuse.
    QByteArray bytes = file.read(limits.maxBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io, WorkbookText::tr("Cannot read %1.").arg(QDir::toNativeSeparators(path)),
                    file.errorString());
    return bytes;
}

Result<QList<Sheet>> readFile(const QString& path, const SheetLimits& limits)
{
    auto bytes = readFileBytes(path, limits);
    if (!bytes)
        return std::unexpected(bytes.error());
    return readBytes(*bytes, QFileInfo(path).fileName(), limits);
}

} // namespace hocba::sheets

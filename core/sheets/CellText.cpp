// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheets/CellText.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace hocba::sheets::detail {

namespace {

struct WorkbookText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::sheets::Workbook)
};

constexpr double lastSerialDay = 2958465; // 31/12/9999

} // namespace

QString numberText(double value)
{
    if (!std::isfinite(value))
        return {};
    if (std::abs(value) < 1e15 && value == std::trunc(value))
        return QString::number(qint64(value));
    // Excel shows at most 15 digits and the binary double carries noise beyond them; schools type one decimal.
    return QString::number(value, 'g', 10);
}

std::optional<QDate> serialDate(double serial, bool date1904)
{
    if (!(serial >= 1 && serial <= lastSerialDay))
        return std::nullopt;
    const auto days = qint64(std::floor(serial));
    if (date1904)
        return QDate(1904, 1, 1).addDays(days);
    // Excel counts a 29 February 1900 that never was (Lotus 1-2-3's leap-year bug): serial 60 is that day.
    if (days == 60)
        return std::nullopt;
    return QDate(1899, 12, 31).addDays(days < 60 ? days : days - 1);
}

QString dateText(const QDate& date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

NumberFormat numberFormat(int formatId, const QString& formatCode)
{
    NumberFormat f;
    if ((formatId >= 14 && formatId <= 22) || (formatId >= 45 && formatId <= 47)) {
        f.date = true;
        return f;
    }
    if (formatCode.isEmpty())
        return f;
    static const QRegularExpression literals(QStringLiteral(R"("[^"]*"|\\.|\[[^\]]*\]|_.|\*.)"));
    const QString code = QString(formatCode).remove(literals).toLower();
    static const QRegularExpression zeros(QStringLiteral("^0+$"));
    if (zeros.match(code).hasMatch())
        f.zeroPad = int(code.size());
    f.date = code.contains(u'd') || code.contains(u'y')
        || (code.contains(u'm') && !code.contains(u'h') && !code.contains(u's'));
    return f;
}

QString formattedNumber(double value, const NumberFormat& format, bool date1904)
{
    if (format.date)
        if (const auto day = serialDate(value, date1904))
            return dateText(*day);
    QString text = numberText(value);
    if (format.zeroPad > 0 && value >= 0 && value == std::trunc(value) && text.size() < format.zeroPad)
        text = QString(format.zeroPad - text.size(), u'0') + text;
    return text;
}

Error passwordProtected()
{
    return {ErrorCode::InvalidInput,
            WorkbookText::tr("The file is protected by a password. Open it in Excel, save it without a password (File "
                             "→ Info → Protect Workbook) and import that file."),
            QStringLiteral("encrypted")};
}

Error damagedWorkbook(const QString& detail)
{
    return {ErrorCode::InvalidInput,
            WorkbookText::tr("The file is damaged or incomplete and cannot be read as a workbook. Open it in Excel, "
                             "save it again and import the new file."),
            detail};
}

Error fileTooLarge(const SheetLimits& limits)
{
    return {ErrorCode::InvalidInput,
            WorkbookText::tr("The file is larger than %1 MiB.").arg(limits.maxBytes / (1024 * 1024)),
            QStringLiteral("too-large")};
}

Error tooManyRows(const QString& sheet, const SheetLimits& limits)
{
    return {ErrorCode::InvalidInput,
            WorkbookText::tr("The sheet \"%1\" has more than %2 rows.").arg(sheet).arg(limits.maxRows),
            QStringLiteral("too-many-rows")};
}

Error tooManyColumns(const QString& sheet, int row, const SheetLimits& limits)
{
    return {ErrorCode::InvalidInput,
            WorkbookText::tr("Row %1 of the sheet \"%2\" has more than %3 columns.")
                .arg(row)
                .arg(sheet)
                .arg(limits.maxColumns),
            QStringLiteral("too-many-columns")};
}

Error tooManyCells(const SheetLimits& limits)
{
    return {ErrorCode::InvalidInput,
            WorkbookText::tr("The file has more than %1 filled cells; import one class or one subject at a time.")
                .arg(limits.maxCells),
            QStringLiteral("too-many-cells")};
}

Error tooManySheets(const SheetLimits& limits)
{
    return {ErrorCode::InvalidInput, WorkbookText::tr("The file has more than %1 sheets.").arg(limits.maxSheets),
            QStringLiteral("too-many-sheets")};
}

} // namespace hocba::sheets::detail

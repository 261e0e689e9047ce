// SPDX-License-Identifier: GPL-3.0-or-later
#include "GridSheet.h"

#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace hocba::lifecycle {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("GridSheet", text);
}

// The book's words for the fixed columns, as the grid shows them (not translated).
QString codeHeader()
{
    return QStringLiteral("Mã");
}
QString middleHeader()
{
    return QString::fromUtf8("Họ đệm");
}
QString givenHeader()
{
    return QString::fromUtf8("Tên");
}

QString key(const QString& header)
{
    return text::normalized(header).toLower();
}

bool isScore(CellKind kind)
{
    return kind == CellKind::Score || kind == CellKind::IntegerScore;
}

} // namespace

sheets::DataSheet gridAsSheet(const EntryGrid& grid, const QString& title)
{
    using sheets::Cell;
    sheets::DataSheet sheet;
    sheet.name = grid.className.isEmpty() ? QStringLiteral("Grid") : grid.className.left(31);
    sheet.titleRows = 1;
    sheet.headerRows = 1;
    sheet.widths = {5, 14, 22, 10};
    sheet.textColumns = {false, true, true, true};
    QList<Cell> header {Cell::ofText(QStringLiteral("STT")), Cell::ofText(codeHeader()), Cell::ofText(middleHeader()),
                        Cell::ofText(givenHeader())};
    for (const GridColumn& column : grid.columns) {
        header.append(Cell::ofText(column.header));
        const bool text = column.kind == CellKind::Text || column.kind == CellKind::Level;
        sheet.widths.append(column.kind == CellKind::Text ? 40 : 9);
        sheet.textColumns.append(text);
    }
    QList<Cell> titleRow {Cell::ofText(title)};
    while (titleRow.size() < header.size())
        titleRow.append(Cell {});
    sheet.rows.append(titleRow);
    sheet.rows.append(header);
    for (int r = 0; r < grid.rows.size(); ++r) {
        const GridRow& row = grid.rows.at(r);
        QList<Cell> cells {Cell::ofNumber(r + 1), Cell::ofText(row.student.student.moetCode),
                           Cell::ofText(text::familyAndMiddleNames(row.student.student.fullName)),
                           Cell::ofText(text::givenName(row.student.student.fullName))};
        for (int c = 0; c < grid.columns.size(); ++c) {
            const GridColumn& column = grid.columns.at(c);
            const QString stored = row.values.value(c);
            bool isNumber = false;
            const double number = stored.toDouble(&isNumber);
            if (isScore(column.kind) && isNumber)
                cells.append(
                    Cell::ofNumber(number, column.kind == CellKind::Score ? QStringLiteral("0.0") : QString()));
            else
                cells.append(Cell::ofText(displayCell(column, stored)));
        }
        sheet.rows.append(cells);
    }
    return sheet;
}

Result<GridSheetEdits> editsFromSheet(const EntryGrid& grid, const sheets::Sheet& sheet)
{
    QHash<QString, int> gridColumnByHeader;
    for (int c = 0; c < grid.columns.size(); ++c)
        gridColumnByHeader.insert(key(grid.columns.at(c).header), c);

    // The header row: the first one naming a pupil column and one of the grid's columns.
    int headerIndex = -1;
    for (int i = 0; i < std::min<qsizetype>(10, sheet.rows.size()) && headerIndex < 0; ++i) {
        bool pupil = false;
        bool data = false;
        for (const QString& cell : sheet.rows.at(i).cells) {
            const QString k = key(cell);
            pupil = pupil || k == key(codeHeader()) || k == key(givenHeader());
            data = data || gridColumnByHeader.contains(k);
        }
        if (pupil && data)
            headerIndex = i;
    }
    if (headerIndex < 0)
        return fail(ErrorCode::InvalidInput,
                    tr("The sheet has no header row naming the pupils (Mã or Tên) and the columns of this grid (%1). "
                       "Use a sheet saved from this grid with \"Save as a spreadsheet\".")
                        .arg([&] {
                            QStringList names;
                            for (const GridColumn& c : grid.columns)
                                names.append(c.header);
                            return names.join(QStringLiteral(", "));
                        }()),
                    QStringLiteral("no header row in the first 10 rows of sheet '%1'").arg(sheet.name));

    const sheets::SheetRow& header = sheet.rows.at(headerIndex);
    int codeColumn = -1, middleColumn = -1, givenColumn = -1;
    QList<std::pair<int, int>> dataColumns; // sheet column → grid column
    GridSheetEdits result;
    for (int i = 0; i < header.cells.size(); ++i) {
        const QString k = key(header.cells.at(i));
        if (k == key(codeHeader()))
            codeColumn = i;
        else if (k == key(middleHeader()))
            middleColumn = i;
        else if (k == key(givenHeader()))
            givenColumn = i;
        else if (gridColumnByHeader.contains(k)) {
            const int c = gridColumnByHeader.value(k);
            if (grid.columns.at(c).kind == CellKind::Computed)
                continue; // worked out by the rules: what the sheet says is not used
            dataColumns.append({i, c});
        }
    }
    result.matchedColumns = int(dataColumns.size());

    QHash<QString, int> rowByCode;
    QHash<QString, int> rowByName;
    QSet<QString> sharedNames;
    for (int r = 0; r < grid.rows.size(); ++r) {
        const Student& s = grid.rows.at(r).student.student;
        if (!s.moetCode.trimmed().isEmpty())
            rowByCode.insert(s.moetCode.trimmed(), r);
        const QString name = key(s.fullName);
        if (rowByName.contains(name))
            sharedNames.insert(name);
        rowByName.insert(name, r);
    }

    QSet<int> seen;
    for (int i = headerIndex + 1; i < sheet.rows.size(); ++i) {
        const sheets::SheetRow& line = sheet.rows.at(i);
        const QString code = line.cell(codeColumn).trimmed();
        const QString name = (line.cell(middleColumn) + QLatin1Char(' ') + line.cell(givenColumn)).trimmed();
        if (code.isEmpty() && name.isEmpty())
            continue; // a blank or footer line
        int r = -1;
        if (!code.isEmpty()) {
            r = rowByCode.value(code, -1);
            if (r < 0) {
                result.problems.append(
                    tr("Row %1: no pupil of this class has the code %2.").arg(line.number).arg(code));
                continue;
            }
        } else {
            const QString k = key(name);
            if (sharedNames.contains(k)) {
                result.problems.append(
                    tr("Row %1: two pupils of this class have this name; write their codes (Mã) to tell them apart.")
                        .arg(line.number));
                continue;
            }
            r = rowByName.value(k, -1);
            if (r < 0) {
                result.problems.append(tr("Row %1: no pupil of this class has this name.").arg(line.number));
                continue;
            }
        }
        if (seen.contains(r)) {
            result.problems.append(
                tr("Row %1: this pupil has appeared on an earlier row; the row is not used.").arg(line.number));
            continue;
        }
        seen.insert(r);
        ++result.matchedRows;
        for (const auto& [sheetColumn, c] : dataColumns) {
            const QString typed = line.cell(sheetColumn).trimmed();
            if (typed.isEmpty())
                continue;
            const GridColumn& column = grid.columns.at(c);
            auto value = normaliseCell(column, typed);
            if (!value) {
                result.problems.append(tr("Row %1, column %2: \u201c%3\u201d is not used. %4")
                                           .arg(line.number)
                                           .arg(column.header, typed, value.error().message));
                continue;
            }
            if (*value == grid.rows.at(r).values.value(c))
                continue;
            result.edits.append({grid.slot(r, c), *value});
        }
    }
    return result;
}

} // namespace hocba::lifecycle

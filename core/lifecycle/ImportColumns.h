// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading spreadsheet cells the way both imports need it (internal to lifecycle).

#include "lifecycle/ImportReport.h"
#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <array>
#include <variant>

namespace hocba::lifecycle {

/** How far down a sheet the header row is looked for: title rows come first. */
constexpr int headerSearchRows = 20;

/** The technical detail of the error of a sheet without a header row, so that runImport can try the next sheet. */
inline constexpr char kNoHeaderRow[] = "no header row";

/** The columns that say whom a row is about, the same in a student list and a grade book. */
enum IdentityField {
    IdMoetCode,
    IdPersonalId,
    IdFullName,
    IdFamilyAndMiddle,
    IdGivenName,
    IdBirthDate,
    IdentityFieldCount
};

/** Their header spellings in MOET/CSDL exports and vendors' templates (WORKFLOWS.md §2), folded as foldedHeader(). */
const std::array<QStringList, IdentityFieldCount>& identityAliases();

/** A cell's text, trimmed and in NFC; empty when the column is absent (-1). */
QString cellText(const sheets::SheetRow& row, int column);

/** Accent- and case-insensitive form of a cell: "Mã định danh Bộ GD&ĐT" → "ma dinh danh bo gd&dt". */
QString foldedHeader(const QString& cell);

/** A birth date as dd/mm/yyyy (also with '.' or '-'); invalid when the cell is not one. */
QDate parseBirthDate(const QString& cell);

/** Name and birth date as one key, for matching a row to a student when no identifier is given. */
QString nameKey(const QString& fullName, const QDate& birthDate);

bool isBlank(const sheets::SheetRow& row);

/** Turns what one row did to the report's counts into the row's line of the preview. */
class RowTracker
{
public:
    explicit RowTracker(const ImportReport& report);
    /** Call before a row is imported. */
    void start();
    /** The row's line, from what changed in the report since start(). */
    ImportRow finish(const QString& sheet, int row, const QString& summary) const;

private:
    const ImportReport& m_report;
    int m_added = 0;
    int m_updated = 0;
    qsizetype m_conflicts = 0;
    qsizetype m_rejected = 0;
};

/**
 * Walks the data rows below the header: skips blank rows, reads each (`read` gives a parsed row or the problem that
 * rejects it), hands a parsed row to `import`, and adds each row's line of the preview to `rows`. An error from
 * `import` (the store failing, not a row being refused) ends the walk.
 */
template <typename Parsed, typename Read, typename Import, typename Summary>
Status importDataRows(const sheets::Sheet& sheet, int headerIndex, ImportReport& report, QList<ImportRow>& rows,
                      Read read, Import import, Summary summary)
{
    RowTracker tracker(report);
    for (int r = headerIndex + 1; r < sheet.rows.size(); ++r) {
        const sheets::SheetRow& row = sheet.rows.at(r);
        if (isBlank(row))
            continue;
        tracker.start();
        std::variant<Parsed, ImportProblem> outcome = read(row);
        if (auto* p = std::get_if<ImportProblem>(&outcome))
            report.rejected.append(*p);
        else if (Status s = import(row, std::get<Parsed>(outcome)); !s)
            return s;
        rows.append(tracker.finish(sheet.name, row.number, summary(row)));
    }
    return {};
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading spreadsheet cells the way both imports need it (internal to lifecycle).

#include "lifecycle/ImportReport.h"
#include "sheets/Sheet.h"

#include <QDate>
#include <QString>

namespace hocba::lifecycle {

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

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/EntryGrid.h"
#include "sheets/Sheet.h"
#include "sheets/XlsxWriter.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hocba::lifecycle {

/**
 * A grid as a spreadsheet a teacher can fill at home and bring back (docs/entry.md): a title row, then the header
 * STT · Mã · Họ đệm · Tên · the grid's columns as the grid names them, then one row per pupil. Scores are numbers
 * (one decimal), levels and comments text, codes text. Computed columns are there to read; an import ignores them.
 */
sheets::DataSheet gridAsSheet(const EntryGrid& grid, const QString& title);

/** What a filled sheet would change in a grid: the edits for writeCells and what could not be used. */
struct GridSheetEdits
{
    QList<CellEdit> edits; ///< only cells whose value differs from the grid's
    QStringList problems; ///< translated, each naming the sheet's row or column
    int matchedRows = 0; ///< pupils of the grid found in the sheet
    int matchedColumns = 0; ///< grid columns found in the sheet's header (computed ones not counted)
};

/**
 * Reads a filled sheet back against `grid`. The header row is the first of the sheet's first 10 rows that holds "Mã"
 * or "Tên" and at least one of the grid's column headers (compared without case, accents kept). Pupils are found by
 * their code ("Mã"), or by "Họ đệm" + "Tên" when the sheet has no code for them and the name is unique in the class.
 * An empty cell changes nothing (a half-filled sheet does not wipe marks); a value the column does not accept is not
 * an edit but a problem naming the row and column, as is a pupil not in the class. An error when no header is found.
 */
Result<GridSheetEdits> editsFromSheet(const EntryGrid& grid, const sheets::Sheet& sheet);

} // namespace hocba::lifecycle

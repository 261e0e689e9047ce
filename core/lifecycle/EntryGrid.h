// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The entry grids of issue 14: one class × one subject (or the homeroom columns, or the primary qualities and
// competencies) × one term, as rows of students and columns of assessment slots. The desktop's grid widgets show an
// EntryGrid and send what the teacher types, pastes or bulk-fills back as CellEdits through writeCells, which is the
// only path from a grid to the store: every decision (rights, section state, locks, value rules) is taken there.

#include "domain/Finding.h"
#include "domain/Overview.h"
#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** Which grid: a subject's marks, the homeroom teacher's columns, or the primary qualities and competencies. */
enum class GridKind { Subject, Homeroom, Qualities };

/** What a column holds, which decides how a cell is typed, checked and shown. */
enum class CellKind {
    Score, ///< TT22 mark 0–10 with at most one decimal, comma or dot (stored with a dot)
    IntegerScore, ///< TT27 periodic test (KTĐK) 0–10, whole numbers
    Level, ///< one of `GridColumn::levels` (T/H/C, T/Đ/C, Đ/CĐ, Tốt/Khá/Đạt/Chưa đạt, …)
    Count, ///< a whole number ≥ 0 (absences)
    Text, ///< a comment or other free text
    Computed, ///< read-only: worked out by the rules (ĐTBmhk, learning level)
};

/** The store slot a cell writes: one assessment row of a student's year section. */
struct CellSlot
{
    Id sectionId = 0;
    QString subject;
    QString term;
    QString item;
    int seq = 0;
    friend bool operator==(const CellSlot&, const CellSlot&) = default;
};

struct GridColumn
{
    QString header; ///< as teachers know it: "ĐĐGtx1", "ĐĐGgk", "ĐTBmhk", "Nhận xét" (not translated: the book's words)
    QString toolTip; ///< translated explanation
    CellKind kind = CellKind::Text;
    QStringList levels; ///< the codes a Level cell accepts, e.g. {"T", "H", "C"}
    QString subject; ///< slot of this column (sectionId comes from the row)
    QString term;
    QString item;
    int seq = 0;
    /** Set when a lock (EntryLocks.h) covers this column for the grid's class: translated, names who, when, why. */
    QString lockedReason;
    bool isLocked() const { return !lockedReason.isEmpty(); }
};

struct GridRow
{
    RosterEntry student;
    QStringList values; ///< one per column, as stored (scores with a dot); computed columns filled by recompute
    bool editable = true; ///< false when the section is not a draft, or the record was transferred out
    QString readOnlyReason; ///< translated, shown as the row's tooltip when not editable
    QList<Assessment> inputs; ///< every stored row of the pupil's year (not only this grid's), for recomputeRow
    Findings findings; ///< what the rules find in the pupil's year after the last recomputeRow (errors and warnings)
};

/** One grid as loaded: which one, its columns, its rows (sorted by given name, then family and middle name). */
struct EntryGrid
{
    GridKind kind = GridKind::Subject;
    SchoolYear year;
    Id classId = 0;
    QString className;
    SchoolLevel level = SchoolLevel::Thcs;
    int grade = 0;
    QString subject; ///< Subject grids only
    QString term;
    QList<GridColumn> columns;
    QList<GridRow> rows;

    CellSlot slot(int row, int column) const;
};

/** A value to put in a slot; an empty value clears the cell. */
struct CellEdit
{
    CellSlot slot;
    QString value;
};

/** What became of one CellEdit. */
struct CellOutcome
{
    CellSlot slot;
    bool saved = false;
    QString oldValue;
    QString newValue; ///< normalised as stored
    QString message; ///< translated reason when not saved
};

/** One grid a user may open for a class: shown in the desktop's chooser. */
struct GridChoice
{
    GridKind kind = GridKind::Subject;
    QString subject; ///< Subject grids only
    QString subjectName; ///< as printed ("Toán", "Ngữ văn")
    QString term; ///< "hk1"/"hk2" (TT22), "gk1"/"ck1"/"gk2"/"cn" (TT27)
    QString title; ///< translated, e.g. "Toán — Học kì I"
    bool mayWrite = false; ///< the actor holds the right to write it (permit)
};

/** The grids of a class in a year, subjects first (in curriculum order), then homeroom, then qualities. */
Result<QList<GridChoice>> gridChoices(store::Database& db, const Actor& actor, SchoolYear year, Id classId);

/** Loads the grid a choice names. */
Result<EntryGrid> loadGrid(store::Database& db, SchoolYear year, Id classId, const GridChoice& choice);

/** Loads a subject's grid of a class for a term ("hk1"/"hk2" for TT22, "gk1"/"ck1"/"gk2"/"cn" for TT27). */
Result<EntryGrid> loadSubjectGrid(store::Database& db, SchoolYear year, Id classId, const QString& subject,
                                  const QString& term);
/** Loads the homeroom teacher's columns of a class for a term. */
Result<EntryGrid> loadHomeroomGrid(store::Database& db, SchoolYear year, Id classId, const QString& term);
/** Loads the primary qualities and competencies (T/Đ/C) of a class for a term, with the summary comments. */
Result<EntryGrid> loadQualitiesGrid(store::Database& db, SchoolYear year, Id classId, const QString& term);

/**
 * Checks a typed value for a column and normalises it ("7,5" → "7.5", "t" → "T"). Returns the value to store, or a
 * translated message saying what the column accepts. An empty value is always acceptable (it clears the cell).
 */
Result<QString> normaliseCell(const GridColumn& column, const QString& typed);

/**
 * A stored value as the grid shows it: a score with a decimal comma ("7.5" → "7,5"), Đ and CĐ for the stored D and CD.
 * Computed columns hold their shown text already.
 */
QString displayCell(const GridColumn& column, const QString& stored);

/** TT22 Art. 12 bars promotion above 45 sessions absent; the homeroom grid warns from this count on. */
inline constexpr int absencesWarningFrom = 40;

/** Fills the grid's Computed columns of one row from its other values, by the rules (fast: a grid edit calls it). */
void recomputeRow(EntryGrid& grid, int row);

/**
 * Writes the edits of one gesture (a typed cell, a pasted block, a bulk fill, an undo) in one transaction, each
 * checked: the right (WriteGrades for the subject, WriteHomeroom for homeroom and qualities slots), a draft section,
 * no lock (EntryLocks.h), a value that normaliseCell accepts. Refused edits are reported, not written; the others are.
 * An error is the store failing (nothing written).
 */
Result<QList<CellOutcome>> writeCells(store::Database& db, const Actor& actor, const QList<CellEdit>& edits);

/**
 * A block copied from Excel or LibreOffice: rows split on newlines, cells on tabs; a cell in double quotes may hold
 * tabs, newlines and doubled quotes. A trailing newline does not make an empty last row.
 */
QList<QStringList> parseClipboardBlock(const QString& text);

/** One change of a cell from the audit log. */
struct CellChange
{
    QDateTime at;
    QString who;
    QString oldValue;
    QString newValue;
};

/** A cell's history, oldest first. */
Result<QList<CellChange>> cellHistory(store::Database& db, const CellSlot& slot);

} // namespace hocba::lifecycle

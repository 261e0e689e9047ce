// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "lifecycle/EntryGrid.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

class QUndoStack;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * One entry grid (lifecycle::EntryGrid) as a table: STT · Mã · Họ đệm · Tên, then the grid's columns. Every accepted
 * cell is written at once through lifecycle::writeCells (the only write path: it decides rights, section state, locks
 * and value rules) and the row's computed columns are worked out again; each gesture is one step on the grid's undo
 * stack, and undoing writes the old values back through writeCells. A typed value that normaliseCell refuses stays
 * in the cell, coloured, with the reason as its tooltip, and is never written.
 */
class EntryGridModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /** STT, Mã, Họ đệm, Tên: the columns before the grid's own (frozen in the view). */
    static constexpr int FixedColumns = 4;
    /** THCS absences: from this many sessions in a row's absence columns the cell is coloured as a warning. */
    static constexpr int AbsenceWarning = lifecycle::absencesWarningFrom;
    /** TT22 Art. 12: more than this many sessions absent in a year and the pupil must repeat the grade. */
    static constexpr int AbsenceLimit = 45;

    enum Roles {
        StoredValueRole = Qt::UserRole + 1, ///< the value as stored (dot decimals), or the refused typed text
        InvalidRole, ///< true when the cell holds a typed value that was refused and not written
    };

    EntryGridModel(store::Database& db, lifecycle::Actor actor, QObject* parent = nullptr);
    ~EntryGridModel() override;

    void setGrid(lifecycle::EntryGrid grid);
    const lifecycle::EntryGrid& grid() const { return m_grid; }
    QUndoStack* undoStack() const { return m_undo; }

    /** The grid column of a model column, -1 for the fixed columns. */
    static int gridColumn(int modelColumn) { return modelColumn - FixedColumns; }
    /** Whether a cell may be typed into (an editable row, an unlocked, not computed grid column). */
    bool isCellEditable(int row, int modelColumn) const;
    /** Why a cell may not be typed into (translated), empty when it may. */
    QString whyNotEditable(int row, int modelColumn) const;
    /** The row of a section, -1 when the grid has none. */
    int rowOfSection(Id sectionId) const;
    /** Where a slot is shown, {-1, -1} when not in this grid. */
    QPair<int, int> cellOf(const lifecycle::CellSlot& slot) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /** A typed value: checked with normaliseCell, then written through writeCells as one undo step. */
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    /**
     * Writes the edits of one gesture (a paste, a cleared selection, a bulk fill, a pupil's form) in ONE writeCells
     * call and pushes ONE undo step for what was saved. Values refused by normaliseCell are not sent (a single typed
     * cell keeps its text, coloured); `refusedBefore` counts cells the caller could not place (outside the grid,
     * computed columns) with their reason, so the status message reports them too. Returns what writeCells answered.
     */
    QList<lifecycle::CellOutcome> applyEdits(const QList<lifecycle::CellEdit>& edits, const QString& undoText,
                                             const QStringList& refusedBefore = {});

    /** The last status message (how many cells were written, how many refused and why). */
    QString lastStatus() const { return m_status; }
    /** Milliseconds the last recomputeRow took (for the figures the tests print). */
    double lastRecomputeMs() const { return m_recomputeMs; }

    /** A stored value as shown (lifecycle::displayCell: a decimal comma, Đ and CĐ). */
    static QString displayValue(const lifecycle::GridColumn& column, const QString& stored);

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    friend class CellWriteCommand;
    /** Writes without touching the undo stack (the undo command's own writes); updates the grid and the view. */
    Result<QList<lifecycle::CellOutcome>> writeThrough(const QList<lifecycle::CellEdit>& edits);
    void setStatus(const QString& text);
    static QString slotKey(const lifecycle::CellSlot& slot);
    int absenceTotal(int row) const;
    bool isAbsenceColumn(int gridCol) const;

    store::Database& m_db;
    lifecycle::Actor m_actor;
    lifecycle::EntryGrid m_grid;
    QUndoStack* m_undo = nullptr;
    QHash<QString, QPair<int, int>> m_cells; ///< slot key → (row, model column)
    /** Typed values refused by normaliseCell: (row, model column) → {typed, message}. */
    QHash<QPair<int, int>, QPair<QString, QString>> m_invalid;
    QString m_status;
    double m_recomputeMs = 0;
};

} // namespace hocba::ui

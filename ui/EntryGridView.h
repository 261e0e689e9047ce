// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/EntryGrid.h"

#include <QDialog>
#include <QTableView>

class QTableWidget;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

class EntryGridModel;

/**
 * An entry grid with the keys of a spreadsheet: typing overwrites, F2 edits, Enter moves down (Shift+Enter up), Tab
 * right (Shift+Tab left), Esc cancels, arrows move, Delete clears the selection (one undo step), Ctrl+C copies the
 * selection as tab-separated text, Ctrl+V pastes a block at the current cell (one writeCells call, one undo step),
 * Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z undo and redo, Ctrl+H shows the cell's history. STT · Mã · Họ đệm · Tên stay in
 * place while the marks scroll (a second table over the same model, Qt's frozen-column technique).
 */
class EntryGridView : public QTableView
{
    Q_OBJECT
public:
    explicit EntryGridView(QWidget* parent = nullptr);
    ~EntryGridView() override;

    void setGridModel(EntryGridModel* model);
    EntryGridModel* gridModel() const { return m_model; }
    /** The frozen table over the first columns (for tests). */
    QTableView* frozenView() const { return m_frozen; }
    /** Whether a cell editor is open. */
    bool isEditing() const { return state() == EditingState; }
    /** The school file, for the history dialog; the view does not own it. */
    void setDatabase(store::Database* db) { m_db = db; }

    /**
     * The hook for bulk fills (the comment bank's BulkFillDialog): writes the edits as ONE undo step through
     * writeCells and reports in the status message. Returns what writeCells answered.
     */
    QList<lifecycle::CellOutcome> applyEdits(const QList<lifecycle::CellEdit>& edits, const QString& undoText);

    /** The selection as tab-separated text (scores with a decimal comma; cells with tabs or newlines quoted). */
    QString selectionAsText() const;
    /** Ctrl+C: the selection to the clipboard. */
    void copySelection();
    /** Ctrl+V: the clipboard's block from the current cell (or one value into every selected cell). */
    void pasteClipboard();
    /** Pastes a block of text as the clipboard would hold it. */
    void pasteText(const QString& text);
    /** Delete: clears the selected cells that may be typed into, as one undo step. */
    void clearSelection();
    /** Ctrl+H / "Cell history…": the current cell's changes from the audit log. */
    void showCellHistory();
    /** Whether the current column is a comment column the teacher may fill from the comment bank. */
    bool canBulkFill() const;
    /**
     * Ctrl+Shift+F / "Fill comments…": the comment bank's BulkFillDialog for the current column; its edits go through
     * applyEdits as one undo step when it is accepted.
     */
    void bulkFillColumn();

Q_SIGNALS:
    /** A pupil's number, code or name was double-clicked (the qualities grid opens the pupil's form). */
    void pupilActivated(int row);
    /** A history dialog was opened (tests find it through this). */
    void historyShown(QDialog* dialog);
    /** A bulk fill dialog was opened (tests find it through this). */
    void bulkFillShown(QDialog* dialog);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    void updateGeometries() override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void moveBy(int rows, int columns);
    void updateFrozenGeometry();
    void syncFrozenColumns();
    void onEditorMove(int rows, int columns);
    /** Gives an empty comment cell's editor the comment bank's suggestions (CommentSuggestionModel). */
    void decorateEditor(QWidget* editor, const QModelIndex& index);

    EntryGridModel* m_model = nullptr;
    QTableView* m_frozen = nullptr;
    store::Database* m_db = nullptr;
};

/** The changes of one cell (dd/MM/yyyy HH:mm, who, old → new), oldest first. */
class CellHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    CellHistoryDialog(const QString& cellName, const QList<lifecycle::CellChange>& changes, QWidget* parent = nullptr);
    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
};

} // namespace hocba::ui

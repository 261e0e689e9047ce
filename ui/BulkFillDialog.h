// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/CommentBank.h"
#include "lifecycle/EntryGrid.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Fills one comment column of a grid at once (docs/comment-bank.md): a phrase of the school's bank or a typed text,
 * or with "suit each pupil's level" a phrase of the bank for each pupil's level (varied among the best ones), with a
 * preview of which pupils get what. Only empty cells are filled unless the teacher ticks "also replace", which asks
 * for a confirmation naming how many written comments would be lost. Read-only rows and locked columns are left
 * alone. A warning shows when several pupils would end up with the same comment. The dialog writes nothing: the grid
 * takes `edits()` after it is accepted and sends them through lifecycle::writeCells as one undo step.
 */
class BulkFillDialog : public QDialog
{
    Q_OBJECT

public:
    BulkFillDialog(lifecycle::EntryGrid grid, int column, QList<lifecycle::CommentEntry> bank,
                   lifecycle::HouseStyle style, QWidget* parent = nullptr);
    /** Reads the bank and the house style from the school file (an unreadable bank leaves the list empty). */
    BulkFillDialog(store::Database& db, lifecycle::EntryGrid grid, int column, QWidget* parent = nullptr);

    /** The edits to write: empty until the dialog is accepted. */
    const QList<lifecycle::CellEdit>& edits() const { return m_accepted; }
    /** What the current choices would do. */
    const lifecycle::BulkFillPlan& plan() const { return m_plan; }

    void setText(const QString& text);
    QString text() const;
    void setOverwrite(bool on);
    void setSuitEachLevel(bool on);
    void setSearch(const QString& words);
    /** Puts the `index`-th phrase shown in the list into the text. */
    void chooseSuggestion(int index);
    int suggestionCount() const;
    QString summaryText() const;
    /** The identical-comment warning shown, or empty. */
    QString identicalWarning() const;
    QString styleWarningText() const;

public Q_SLOTS:
    /** Asks before replacing written comments; accepts with the plan's edits. */
    void accept() override;

private:
    void build();
    void refreshList();
    void refreshPlan();
    QStringList rowTexts() const;

    lifecycle::EntryGrid m_grid;
    int m_column = 0;
    QList<lifecycle::CommentEntry> m_bank;
    lifecycle::HouseStyle m_style;
    lifecycle::BulkFillPlan m_plan;
    QList<lifecycle::CellEdit> m_accepted;
    QList<lifecycle::CommentSuggestion> m_shown;

    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
    QLineEdit* m_text = nullptr;
    QLabel* m_styleWarnings = nullptr;
    QCheckBox* m_suitLevel = nullptr;
    QCheckBox* m_overwrite = nullptr;
    QTableWidget* m_preview = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_identical = nullptr;
    QPushButton* m_fill = nullptr;
};

} // namespace hocba::ui

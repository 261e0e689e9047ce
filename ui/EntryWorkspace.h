// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "lifecycle/EntryGrid.h"

#include <QDialog>
#include <QList>
#include <QMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;
class QUndoGroup;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

class EntryGridModel;
class EntryGridView;

/**
 * Entry for one class: a chooser of the grids the user may open (gridChoices: each subject × term, the homeroom
 * columns, the primary qualities), the grid itself (EntryGridView), undo and redo, and a status line saying what the
 * last gesture saved or why it was refused. Each grid keeps its own undo stack while the workspace is open. On the
 * primary qualities grid, "Pupil form…" opens the chosen pupil's QualitiesFormDialog.
 */
class EntryWorkspace : public QWidget
{
    Q_OBJECT
public:
    EntryWorkspace(store::Database& db, lifecycle::Actor actor, SchoolYear year, Id classId, const QString& className,
                   QWidget* parent = nullptr);
    ~EntryWorkspace() override;

    const QList<lifecycle::GridChoice>& choices() const { return m_choices; }
    /** Opens the grid of choice `i` (as the chooser does); false (and the reason in the status line) on failure. */
    bool openChoice(int i);
    EntryGridView* view() const { return m_view; }
    /** The grid shown, null before one is opened. */
    EntryGridModel* model() const { return m_current; }
    QString statusText() const;
    /** Milliseconds the last loadGrid took. */
    double lastOpenMs() const { return m_openMs; }
    /** The qualities form of the current row (primary qualities grid only); null otherwise. */
    QDialog* openPupilForm();
    /**
     * "Save as a spreadsheet…": the grid shown as an .xlsx a teacher can fill elsewhere (lifecycle::gridAsSheet);
     * false (and a message) when it cannot be written.
     */
    bool saveGridAs(const QString& path);
    /**
     * "Fill from a spreadsheet…": the cells a filled sheet changes (lifecycle::editsFromSheet), written as one step
     * of the grid's undo stack; what could not be used is listed in the status line. False when nothing was read.
     */
    bool fillFromFile(const QString& path);

Q_SIGNALS:
    void pupilFormOpened(QDialog* form);

private:
    void updateActions();
    void setStatus(const QString& text);

    store::Database& m_db;
    lifecycle::Actor m_actor;
    SchoolYear m_year;
    Id m_classId = 0;
    QList<lifecycle::GridChoice> m_choices;
    QMap<int, EntryGridModel*> m_models; ///< choice index → its grid, each with its undo stack
    EntryGridModel* m_current = nullptr;
    QUndoGroup* m_undoGroup = nullptr;
    QComboBox* m_chooser = nullptr;
    EntryGridView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QToolButton* m_undo = nullptr;
    QToolButton* m_redo = nullptr;
    QPushButton* m_formButton = nullptr;
    QToolButton* m_sheetButton = nullptr;
    double m_openMs = 0;
};

/**
 * One pupil's qualities and competencies (TT27): a level for each and the summary comments. The title always names
 * the pupil and their code, and "Save" writes only that pupil's row (the section it was opened for), as one undo step
 * of the grid, even if another row is chosen in the grid meanwhile (WORKFLOWS.md §1.2).
 */
class QualitiesFormDialog : public QDialog
{
    Q_OBJECT
public:
    QualitiesFormDialog(EntryGridModel* model, int row, QWidget* parent = nullptr);
    Id sectionId() const { return m_sectionId; }
    /** The editor of grid column `c` (a QComboBox for levels, a QPlainTextEdit for comments), null for others. */
    QWidget* editorOf(int gridColumn) const { return m_editors.value(gridColumn); }
    /** Writes the changed fields of this pupil through writeCells; the dialog closes when all were saved. */
    void save();
    QString statusText() const;

private:
    EntryGridModel* m_model;
    Id m_sectionId = 0;
    QMap<int, QWidget*> m_editors;
    QLabel* m_status = nullptr;
};

} // namespace hocba::ui

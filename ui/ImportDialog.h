// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Import.h"
#include "util/Error.h"

#include <QDialog>
#include <QFutureWatcher>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace hocba::store {
class Database;
}
namespace hocba::lifecycle {
class Actor;
}

namespace hocba::ui {

class ImportPreviewModel;
class ImportProblemFilter;

/** Runs one import request (a preview or the real thing); the dialog calls it on a worker thread. */
using ImportRunner = std::function<Result<lifecycle::ImportResult>(const lifecycle::ImportRequest&)>;
/** Takes back the import written as one batch. */
using UndoRunner = std::function<Status(qint64 batchId)>;

struct ImportRunners
{
    ImportRunner run;
    UndoRunner undo;
};

/** Makes the runners of one school file for the account working. */
using ImportRunnersFactory = std::function<ImportRunners(store::Database& db, const lifecycle::Actor& actor)>;

/**
 * `lifecycle::runImport` and `lifecycle::undoImport` on `db` as `actor` (a copy: the account working when the
 * dialog opened). Defined on its own in ImportRunner.cpp, the one file of ui that needs the import's implementation;
 * the desktop's main() hands it to the window (MainWindow::setImportRunners), so the tests link without it.
 */
ImportRunners importRunners(store::Database& db, const lifecycle::Actor& actor);

/** The import a window can take back: one batch of one school file. */
struct WrittenImport
{
    qint64 batchId = 0;
    QString fileName; ///< the imported file, named in the confirmation
};

enum class UndoAnswer { Declined, Undone, Refused };

/**
 * Edit → Undo the import: asks first, then takes the batch back. A refusal (something changed in the school file
 * since, a missing right) is shown with core's reason and changes nothing.
 */
UndoAnswer undoImportWithConfirmation(QWidget* parent, const UndoRunner& undo, const WrittenImport& import);

/**
 * Writes an empty workbook in the canonical columns of `kind` to `path` (lifecycle::writeImportTemplate): a grade
 * book in the layout of `level` (THCS: TT22 marks, primary: TT27 levels); `level` does not matter for a student list.
 */
Status saveTemplate(lifecycle::ImportKind kind, SchoolLevel level, const QString& path);

/**
 * File → Import…: step 1 chooses what the file holds (a student list or one subject's grade book of a class and
 * term) and the file; step 2 reads it without writing anything (on a worker thread, the window stays usable) and
 * shows what would happen to each row, with the problems' sheet, row, column and reason. Only "Import" writes, in
 * one transaction; Cancel never writes. After an accepted import `written()` names the batch for the undo step.
 */
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    /** What the school file offers to import into: its years (newest first) and classes. */
    struct Choices
    {
        QList<SchoolYear> years;
        QList<ClassGroup> classes;
    };

    ImportDialog(ImportRunner runner, Choices choices, QWidget* parent = nullptr);
    ~ImportDialog() override;

    /** The request the chosen options make, as the preview sends it (dryRun set). */
    lifecycle::ImportRequest request() const;
    bool isBusy() const { return m_watcher.isRunning(); }
    bool isPreviewShown() const;
    ImportPreviewModel* previewModel() const { return m_model; }
    /** The written import, after the dialog was accepted; empty when nothing was written. */
    std::optional<WrittenImport> written() const;
    /** The text of the counts line above the preview. */
    QString countsText() const;

public Q_SLOTS:
    /** Step 1 → 2: reads the file without writing (asynchronous). */
    void startPreview();
    /** Writes what the preview showed (asynchronous); the dialog closes when it is done. */
    void startImport();
    void reject() override;

Q_SIGNALS:
    /** The preview is on screen (or its failure was reported). */
    void previewFinished();

private:
    QWidget* createChoicePage();
    QWidget* createPreviewPage();
    void chooseFile();
    void offerTemplate();
    void updateKind();
    void updateSubjects();
    void updateButtons();
    void run(lifecycle::ImportRequest request);
    void onFinished();
    void showPreview(const lifecycle::ImportResult& result);
    void reportWritten(const lifecycle::ImportResult& result);
    void setBusy(bool busy, const QString& what);
    lifecycle::ImportKind kind() const;
    const ClassGroup* chosenClass() const;

    ImportRunner m_runner;
    Choices m_choices;

    QStackedWidget* m_pages = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_file = nullptr;
    QPushButton* m_templateButton = nullptr;
    QComboBox* m_year = nullptr;
    QComboBox* m_class = nullptr;
    QComboBox* m_subject = nullptr;
    QComboBox* m_term = nullptr;
    QFormLayout* m_form = nullptr;

    QLabel* m_counts = nullptr;
    QCheckBox* m_problemsOnly = nullptr;
    QTableView* m_table = nullptr;
    QCheckBox* m_allOrNothing = nullptr;
    QLabel* m_note = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressLabel = nullptr;

    QPushButton* m_backButton = nullptr;
    QPushButton* m_previewButton = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_cancelButton = nullptr;

    ImportPreviewModel* m_model = nullptr;
    ImportProblemFilter* m_filter = nullptr;
    QFutureWatcher<Result<lifecycle::ImportResult>> m_watcher;
    lifecycle::ImportRequest m_running; ///< the request the worker runs
    bool m_cancelWhenDone = false; ///< Cancel was pressed while the file was being read
    std::optional<lifecycle::ImportResult> m_preview;
    std::optional<lifecycle::ImportResult> m_written;
};

} // namespace hocba::ui

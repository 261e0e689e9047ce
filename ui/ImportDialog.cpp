// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportDialog.h"

#include "ImportPreviewModel.h"
#include "MessageBox.h"
#include "ScreenFit.h"
#include "domain/Curriculum.h"
#include "lifecycle/ImportTemplates.h"
#include "rules/Names.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace hocba::ui {

using lifecycle::ImportKind;
using lifecycle::ImportRequest;
using lifecycle::ImportResult;
using lifecycle::RowOutcome;

namespace {

enum Page { ChoicePage, PreviewPage };

constexpr RowOutcome kOutcomes[]
    = {RowOutcome::Added, RowOutcome::Updated, RowOutcome::Unchanged, RowOutcome::Conflict, RowOutcome::Rejected};

int countOf(const ImportResult& result, RowOutcome outcome)
{
    const QList<lifecycle::ImportRow> lines = ImportPreviewModel::lines(result);
    return int(std::count_if(lines.cbegin(), lines.cend(),
                             [outcome](const lifecycle::ImportRow& r) { return r.outcome == outcome; }));
}

} // namespace

Status saveTemplate(lifecycle::ImportKind kind, SchoolLevel level, const QString& path)
{
    return lifecycle::writeImportTemplate(
        path, kind == ImportKind::Students ? lifecycle::ImportTemplate::Students : lifecycle::ImportTemplate::Grades,
        level);
}

UndoAnswer undoImportWithConfirmation(QWidget* parent, const UndoRunner& undo, const WrittenImport& import)
{
    const QString title = ImportDialog::tr("Undo the import");
    const auto answer = MessageBox::question(
        parent, title,
        ImportDialog::tr("Take back the import of “%1”? The students and marks it added or changed go back to what "
                         "they were before it.")
            .arg(import.fileName),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return UndoAnswer::Declined;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    const Status undone = undo(import.batchId);
    QGuiApplication::restoreOverrideCursor();
    if (!undone) {
        MessageBox::critical(parent, ImportDialog::tr("Cannot undo the import"),
                             undone.error().message + QStringLiteral("\n\n")
                                 + ImportDialog::tr("Nothing was changed: the imported data stays. Correct it in the "
                                                    "program, or correct the file and import it again."),
                             undone.error().detail);
        return UndoAnswer::Refused;
    }
    MessageBox::information(parent, title, ImportDialog::tr("The import of “%1” was taken back.").arg(import.fileName));
    return UndoAnswer::Undone;
}

ImportDialog::ImportDialog(ImportRunner runner, Choices choices, QWidget* parent)
    : QDialog(parent)
    , m_runner(std::move(runner))
    , m_choices(std::move(choices))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import from a file"));
    // The newest year first: it is the one staff import into.
    std::stable_sort(m_choices.classes.begin(), m_choices.classes.end(),
                     [](const ClassGroup& a, const ClassGroup& b) { return b.schoolYear < a.schoolYear; });
    m_model = new ImportPreviewModel(this);
    m_filter = new ImportProblemFilter(this);
    m_filter->setSourceModel(m_model);

    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(ChoicePage, createChoicePage());
    m_pages->insertWidget(PreviewPage, createPreviewPage());

    m_backButton = new QPushButton(tr("Back"), this);
    m_backButton->setObjectName(QStringLiteral("backButton"));
    m_previewButton = new QPushButton(tr("Preview"), this);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewButton->setDefault(true);
    m_importButton = new QPushButton(tr("Import"), this);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setAutoDefault(false); // writing takes a deliberate click, never a stray Enter
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAutoDefault(false);
    connect(m_backButton, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(ChoicePage);
        updateButtons();
    });
    connect(m_previewButton, &QPushButton::clicked, this, &ImportDialog::startPreview);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_backButton);
    buttons->addStretch();
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_importButton);
    buttons->addWidget(m_cancelButton);

    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 0); // the import reports no steps: a busy bar
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);

    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ImportDialog::onFinished);
    setBusy(false, QString());
    updateKind();
    resizeWithinScreen(this, QSize(900, 600));
}

ImportDialog::~ImportDialog()
{
    // The dialog does not close while the worker runs; this only guards teardown with the parent.
    m_watcher.waitForFinished();
}

QWidget* ImportDialog::createChoicePage()
{
    auto* page = new QWidget(this);
    m_form = new QFormLayout;

    m_kind = new QComboBox(page);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("A student list"), int(ImportKind::Students));
    m_kind->addItem(tr("The marks of one subject in a class (grade book)"), int(ImportKind::Grades));
    m_kind->addItem(tr("A class's homeroom book: conduct, absences, comments / qualities, competencies"),
                    int(ImportKind::Homeroom));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportDialog::updateKind);
    m_form->addRow(tr("The file holds:"), m_kind);

    m_file = new QLineEdit(page);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setPlaceholderText(tr("an Excel workbook (.xlsx, .xls) or a CSV file"));
    connect(m_file, &QLineEdit::textChanged, this, &ImportDialog::updateButtons);
    auto* browse = new QPushButton(tr("Choose…"), page);
    browse->setObjectName(QStringLiteral("chooseFile"));
    connect(browse, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    m_templateButton = new QPushButton(tr("Save an empty template…"), page);
    m_templateButton->setObjectName(QStringLiteral("saveTemplate"));
    m_templateButton->setToolTip(tr("An empty workbook with the columns this import reads, to fill in"));
    connect(m_templateButton, &QPushButton::clicked, this, &ImportDialog::offerTemplate);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    fileRow->addWidget(m_templateButton);
    m_form->addRow(tr("File:"), fileRow);

    m_year = new QComboBox(page);
    m_year->setObjectName(QStringLiteral("year"));
    for (const SchoolYear year : std::as_const(m_choices.years))
        m_year->addItem(year.toString(), year.startYear);
    m_form->addRow(tr("School year:"), m_year);

    m_class = new QComboBox(page);
    m_class->setObjectName(QStringLiteral("class"));
    for (const ClassGroup& c : std::as_const(m_choices.classes))
        m_class->addItem(tr("Class %1 · School year %2").arg(c.name, c.schoolYear.toString()), c.id);
    connect(m_class, &QComboBox::currentIndexChanged, this, &ImportDialog::updateSubjects);
    m_form->addRow(tr("Class:"), m_class);
    m_subject = new QComboBox(page);
    m_subject->setObjectName(QStringLiteral("subject"));
    m_form->addRow(tr("Subject:"), m_subject);
    m_term = new QComboBox(page);
    m_term->setObjectName(QStringLiteral("term"));
    m_term->addItem(tr("Semester I"), QStringLiteral("hk1"));
    m_term->addItem(tr("Semester II"), QStringLiteral("hk2"));
    m_term->addItem(tr("Whole year"), QStringLiteral("cn"));
    m_form->addRow(tr("Term:"), m_term);
    updateSubjects();

    auto* hint = new QLabel(tr("Nothing is written to the school file until you have seen the preview and chosen "
                               "Import."),
                            page);
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(m_form);
    layout->addWidget(hint);
    layout->addStretch();
    return page;
}

QWidget* ImportDialog::createPreviewPage()
{
    auto* page = new QWidget(this);
    m_counts = new QLabel(page);
    m_counts->setObjectName(QStringLiteral("counts"));
    m_counts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemsOnly = new QCheckBox(tr("Show only rows with a problem"), page);
    m_problemsOnly->setObjectName(QStringLiteral("problemsOnly"));
    connect(m_problemsOnly, &QCheckBox::toggled, m_filter, &ImportProblemFilter::setProblemsOnly);

    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_filter);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_allOrNothing = new QCheckBox(tr("Write nothing if any row is rejected"), page);
    m_allOrNothing->setObjectName(QStringLiteral("allOrNothing"));
    connect(m_allOrNothing, &QCheckBox::toggled, this, &ImportDialog::updateButtons);
    m_note = new QLabel(page);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_counts);
    layout->addWidget(m_problemsOnly);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_allOrNothing);
    layout->addWidget(m_note);
    return page;
}

ImportKind ImportDialog::kind() const
{
    return ImportKind(m_kind->currentData().toInt());
}

const ClassGroup* ImportDialog::chosenClass() const
{
    const Id id = m_class->currentData().toLongLong();
    for (const ClassGroup& c : m_choices.classes)
        if (c.id == id)
            return &c;
    return nullptr;
}

void ImportDialog::updateKind()
{
    const bool grades = kind() == ImportKind::Grades;
    // A homeroom book is a class's, like a grade book, for no one subject or term.
    const bool ofClass = kind() != ImportKind::Students;
    m_form->setRowVisible(m_year, !ofClass);
    m_form->setRowVisible(m_class, ofClass);
    for (QWidget* field : {static_cast<QWidget*>(m_subject), static_cast<QWidget*>(m_term)})
        m_form->setRowVisible(field, grades);
    updateButtons();
}

void ImportDialog::updateSubjects()
{
    m_subject->clear();
    if (const ClassGroup* c = chosenClass())
        for (const CurriculumSubject& s : curriculumOfGrade(c->grade))
            m_subject->addItem(rules::subjectName(s.code), s.code);
    updateButtons();
}

void ImportDialog::chooseFile()
{
    QString dir = QFileInfo(QDir::fromNativeSeparators(m_file->text().trimmed())).absolutePath();
    if (m_file->text().trimmed().isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getOpenFileName(this, tr("Choose the file to import"), dir,
                                                     tr("Spreadsheets (*.xlsx *.xls *.csv);;All files (*)"));
    if (!path.isEmpty())
        m_file->setText(QDir::toNativeSeparators(path));
}

void ImportDialog::offerTemplate()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = FileDialog::getSaveFileName(this, tr("Save an empty template"), dir, tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        path += QStringLiteral(".xlsx");
    // A grade book's columns follow the chosen class's level: TT22 marks for THCS, TT27 levels for primary.
    const ClassGroup* cls = chosenClass();
    const SchoolLevel level = cls ? levelOfGrade(cls->grade).value_or(SchoolLevel::Thcs) : SchoolLevel::Thcs;
    const Status saved = saveTemplate(kind(), level, path);
    if (!saved) {
        MessageBox::critical(this, tr("Save an empty template"), saved.error().message, saved.error().detail);
        return;
    }
    MessageBox::information(
        this, tr("Save an empty template"),
        tr("The empty template is saved as %1. Fill it in, then import it here.").arg(QDir::toNativeSeparators(path)));
}

ImportRequest ImportDialog::request() const
{
    ImportRequest r;
    r.kind = kind();
    r.filePath = QDir::fromNativeSeparators(m_file->text().trimmed());
    if (r.kind == ImportKind::Students) {
        if (m_year->currentIndex() >= 0)
            r.year = SchoolYear {m_year->currentData().toInt()};
    } else if (const ClassGroup* c = chosenClass()) {
        r.year = c->schoolYear;
        r.className = c->name;
        if (r.kind == ImportKind::Grades) {
            r.subject = m_subject->currentData().toString();
            r.term = m_term->currentData().toString();
        }
    }
    r.dryRun = true;
    r.allOrNothing = m_allOrNothing->isChecked();
    return r;
}

bool ImportDialog::isPreviewShown() const
{
    return m_pages->currentIndex() == PreviewPage && m_preview.has_value() && !isBusy();
}

std::optional<WrittenImport> ImportDialog::written() const
{
    if (!m_written || m_written->batchId == 0)
        return std::nullopt;
    return WrittenImport {m_written->batchId, QFileInfo(m_running.filePath).fileName()};
}

QString ImportDialog::countsText() const
{
    return m_counts->text();
}

void ImportDialog::startPreview()
{
    if (isBusy() || !m_previewButton->isEnabled())
        return;
    m_preview.reset();
    m_model->clear();
    m_counts->clear();
    m_note->clear();
    m_pages->setCurrentIndex(PreviewPage);
    run(request());
}

void ImportDialog::startImport()
{
    if (isBusy() || !m_preview || !m_importButton->isEnabled())
        return;
    ImportRequest r = m_running; // what the preview read, not what the first page says now
    r.dryRun = false;
    r.allOrNothing = m_allOrNothing->isChecked();
    run(r);
}

void ImportDialog::run(ImportRequest request)
{
    m_running = std::move(request);
    setBusy(true,
            m_running.dryRun ? tr("Reading the file… Nothing is written yet.") : tr("Writing to the school file…"));
    m_watcher.setFuture(QtConcurrent::run([runner = m_runner, request = m_running] { return runner(request); }));
}

void ImportDialog::reject()
{
    if (!isBusy()) {
        QDialog::reject();
        return;
    }
    // The worker cannot be stopped halfway; a preview writes nothing, so the dialog closes as soon as it is done. A
    // write is one transaction and is never cancelled.
    if (m_running.dryRun) {
        m_cancelWhenDone = true;
        m_cancelButton->setEnabled(false);
        m_progressLabel->setText(tr("Stopping: the dialog closes as soon as the file has been read. Nothing is "
                                    "written."));
    }
}

void ImportDialog::onFinished()
{
    Result<ImportResult> result = m_watcher.result();
    const bool cancelled = m_cancelWhenDone;
    setBusy(false, QString());
    if (cancelled) {
        QDialog::reject();
        return;
    }
    if (!result) {
        const QString title = m_running.dryRun ? tr("Cannot read the file") : tr("Cannot import the file");
        MessageBox::critical(this, title, result.error().message, result.error().detail);
        if (m_running.dryRun) {
            m_pages->setCurrentIndex(ChoicePage); // choose another file or other options
            updateButtons();
            Q_EMIT previewFinished();
        }
        return;
    }
    if (m_running.dryRun) {
        showPreview(*result);
        Q_EMIT previewFinished();
        return;
    }
    reportWritten(*result);
}

void ImportDialog::showPreview(const ImportResult& result)
{
    m_preview = result;
    m_model->setResult(result);
    QStringList parts;
    for (const RowOutcome outcome : kOutcomes)
        parts << tr("%1: %2").arg(ImportPreviewModel::outcomeText(outcome)).arg(m_model->count(outcome));
    m_counts->setText(parts.join(QStringLiteral(" · ")));
    m_table->resizeColumnsToContents();
    updateButtons();
}

void ImportDialog::reportWritten(const ImportResult& result)
{
    m_written = result;
    const int rejected = countOf(result, RowOutcome::Rejected);
    const int conflicts = countOf(result, RowOutcome::Conflict);
    QString text;
    if (result.batchId == 0 && rejected > 0 && m_running.allOrNothing) {
        text = tr("Nothing was written: %1 rows were rejected. Correct them in the file and import it again.")
                   .arg(rejected);
    } else if (result.batchId == 0) {
        text = tr("Nothing was changed: the school file already holds what this file holds.");
    } else {
        text = tr("The import is written: %1 new, %2 updated, %3 unchanged.")
                   .arg(result.report.added)
                   .arg(result.report.updated)
                   .arg(result.report.unchanged);
        if (rejected + conflicts > 0)
            text += QLatin1Char(' ')
                + tr("%1 rows were not imported (rejected or in conflict); the preview listed why.")
                      .arg(rejected + conflicts);
        text += QStringLiteral("\n\n") + tr("To take the whole import back, choose Edit → Undo the import.");
    }
    MessageBox::information(this, tr("Import from a file"), text);
    accept();
}

void ImportDialog::setBusy(bool busy, const QString& what)
{
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    m_progressLabel->setText(what);
    m_pages->widget(ChoicePage)->setEnabled(!busy);
    m_allOrNothing->setEnabled(!busy);
    if (!busy)
        m_cancelWhenDone = false;
    // A preview can be left (it writes nothing); a write cannot.
    m_cancelButton->setEnabled(!busy || m_running.dryRun);
    updateButtons();
}

void ImportDialog::updateButtons()
{
    if (!m_cancelButton)
        return; // still being built
    const bool onChoice = m_pages->currentIndex() == ChoicePage;
    const bool busy = isBusy();
    m_previewButton->setVisible(onChoice);
    m_backButton->setVisible(!onChoice);
    m_importButton->setVisible(!onChoice);
    const bool hasFile = !m_file->text().trimmed().isEmpty();
    const bool gradesReady = kind() == ImportKind::Students
        || (chosenClass() && (kind() == ImportKind::Homeroom || m_subject->count() > 0));
    m_previewButton->setEnabled(!busy && hasFile && gradesReady);
    m_backButton->setEnabled(!busy);
    if (onChoice) {
        m_previewButton->setToolTip(gradesReady ? QString()
                                                : tr("The school has no class yet: import the student list first."));
        return;
    }
    const int toWrite = m_model->count(RowOutcome::Added) + m_model->count(RowOutcome::Updated);
    const int rejected = m_model->count(RowOutcome::Rejected);
    const int conflicts = m_model->count(RowOutcome::Conflict);
    QString note;
    bool canWrite = !busy && m_preview.has_value() && toWrite > 0;
    if (m_preview && toWrite == 0) {
        note = tr("Nothing to write: no row is new or changed.");
    } else if (m_preview && rejected > 0 && m_allOrNothing->isChecked()) {
        canWrite = false;
        note = tr("%1 rows are rejected, so with the box above ticked nothing would be written. Correct the file and "
                  "preview it again, or untick the box to import the other rows.")
                   .arg(rejected);
    } else if (m_preview && rejected + conflicts > 0) {
        note = tr("%1 rows with a problem will not be imported; the other rows will.").arg(rejected + conflicts);
    }
    m_importButton->setEnabled(canWrite);
    if (!busy)
        m_note->setText(note);
}

} // namespace hocba::ui

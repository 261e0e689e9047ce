// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrintRecordsDialog.h"

#include "MessageBox.h"
#include "RecordPreviewWidget.h"
#include "ScreenFit.h"
#include "domain/PrintedText.h"
#include "lifecycle/SchoolFile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

namespace {

bool showPrintDialog(QPrinter& printer, QWidget* parent)
{
    QPrintDialog dialog(&printer, parent);
    return dialog.exec() == QDialog::Accepted;
}

PrintRecordsDialog::PrinterSetup& printerSetup()
{
    static PrintRecordsDialog::PrinterSetup setup = showPrintDialog;
    return setup;
}

} // namespace

/** What the worker did: the records printed or not, and those refused before printing. */
struct PrintRecordsDialog::Run
{
    Result<QList<lifecycle::PrintOutcome>> outcomes = QList<lifecycle::PrintOutcome>();
    QList<Error> refused;
};

PrintRecordsDialog::PrintRecordsDialog(QString schoolPath, lifecycle::Actor actor, Scope scope,
                                       render::RenderOptions options, QWidget* parent)
    : QDialog(parent)
    , m_path(std::move(schoolPath))
    , m_actor(std::move(actor))
    , m_scope(std::move(scope))
    , m_options(std::move(options))
    , m_stop(std::make_shared<std::atomic_bool>(false))
{
    setWindowTitle(tr("Print records"));
    setObjectName(QStringLiteral("printRecordsDialog"));
    auto* layout = new QVBoxLayout(this);

    auto* what = new QGroupBox(tr("What to print"), this);
    auto* whatLayout = new QVBoxLayout(what);
    m_selected = new QRadioButton(tr("The chosen pupils (%n)", nullptr, int(m_scope.selectedSections.size())), what);
    m_selected->setObjectName(QStringLiteral("selectedPupils"));
    m_class = new QRadioButton(tr("The whole class %1, school year %2").arg(m_scope.className, m_scope.year.toString()),
                               what);
    m_class->setObjectName(QStringLiteral("wholeClass"));
    m_selected->setEnabled(!m_scope.selectedSections.isEmpty());
    (m_scope.wholeClass || m_scope.selectedSections.isEmpty() ? m_class : m_selected)->setChecked(true);
    whatLayout->addWidget(m_selected);
    whatLayout->addWidget(m_class);
    whatLayout->addWidget(new QLabel(tr("Only the current version of each school year is printed; a year not signed "
                                        "yet prints marked as a draft."),
                                     what));
    layout->addWidget(what);

    auto* form = new QFormLayout;
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    for (lifecycle::PrintReason r : {lifecycle::PrintReason::Archive, lifecycle::PrintReason::Transfer,
                                     lifecycle::PrintReason::Parent, lifecycle::PrintReason::Other})
        m_reason->addItem(lifecycle::displayName(r), toCode(r));
    form->addRow(tr("&Reason:"), m_reason);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setMaxLength(lifecycle::kMaxPrintNoteLength);
    m_note->setPlaceholderText(tr("Required when the reason is \"other\""));
    form->addRow(tr("&Note:"), m_note);
    m_copies = new QSpinBox(this);
    m_copies->setObjectName(QStringLiteral("copies"));
    m_copies->setRange(1, lifecycle::kMaxPrintCopies);
    form->addRow(tr("&Copies:"), m_copies);
    auto* target = new QHBoxLayout;
    m_toPrinter = new QRadioButton(tr("To a &printer"), this);
    m_toPrinter->setObjectName(QStringLiteral("toPrinter"));
    m_toPdf = new QRadioButton(tr("To a P&DF file"), this);
    m_toPdf->setObjectName(QStringLiteral("toPdf"));
    m_toPrinter->setChecked(true);
    target->addWidget(m_toPrinter);
    target->addWidget(m_toPdf);
    target->addStretch();
    form->addRow(tr("Print to:"), target);
    layout->addLayout(form);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    auto* buttons = new QDialogButtonBox(this);
    m_print = buttons->addButton(tr("&Print"), QDialogButtonBox::AcceptRole);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_print->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Close);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    layout->addWidget(buttons);
    connect(m_print, &QPushButton::clicked, this, &PrintRecordsDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancelRun();
        else
            reject();
    });
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Run>>::finished, this, &PrintRecordsDialog::onFinished);
    connect(this, &PrintRecordsDialog::progressed, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    updateState();
}

PrintRecordsDialog::~PrintRecordsDialog()
{
    // The worker reads only its own copies; its result must not arrive at a destroyed dialog.
    m_stop->store(true);
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void PrintRecordsDialog::setPrinterSetup(PrinterSetup setup)
{
    printerSetup() = setup ? std::move(setup) : PrinterSetup(showPrintDialog);
}

QString PrintRecordsDialog::resultText() const
{
    return m_result->text();
}

lifecycle::PrintRequest PrintRecordsDialog::request() const
{
    lifecycle::PrintRequest r;
    r.reason
        = lifecycle::printReasonFromCode(m_reason->currentData().toString()).value_or(lifecycle::PrintReason::Other);
    r.note = m_note->text().trimmed();
    r.copies = m_copies->value();
    r.target = m_toPdf->isChecked() ? lifecycle::PrintTarget::Pdf : lifecycle::PrintTarget::Printer;
    return r;
}

void PrintRecordsDialog::start()
{
    if (isRunning())
        return;
    lifecycle::PrintRequest req = request();
    if (auto ok = lifecycle::checkPrintRequest(req); !ok) {
        m_result->setText(ok.error().message);
        return;
    }
    QString pdfPath;
    m_printer.reset();
    if (req.target == lifecycle::PrintTarget::Pdf) {
        pdfPath = FileDialog::getSaveFileName(this, tr("Print to a PDF file"),
                                              QStringLiteral("hoc-ba-%1.pdf").arg(m_scope.className),
                                              tr("PDF files (*.pdf)"));
        if (pdfPath.isEmpty())
            return;
        if (!pdfPath.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
            pdfPath += QStringLiteral(".pdf");
    } else {
        m_printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
        m_printer->setCopyCount(req.copies);
        if (!printerSetup()(*m_printer, this)) {
            m_printer.reset();
            return;
        }
        // The copies the print dialog settled on are the copies logged.
        req.copies = std::clamp(m_printer->copyCount(), 1, lifecycle::kMaxPrintCopies);
    }
    m_stop->store(false);
    m_result->clear();
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    const bool wholeClass = m_class->isChecked();
    QPrinter* printer = m_printer.get();
    m_watcher.setFuture(QtConcurrent::run([this, path = m_path, actor = m_actor, scope = m_scope, options = m_options,
                                           req, pdfPath, wholeClass, printer, stop = m_stop] {
        auto run = std::make_shared<Run>();
        // A connection belongs to the thread that opened it: the worker opens the file again.
        auto file = lifecycle::SchoolFile::open(path);
        if (!file) {
            run->outcomes = std::unexpected(file.error());
            return run;
        }
        store::Database& db = (*file)->database();
        QList<lifecycle::PrintItem> items;
        if (wholeClass) {
            auto selection = lifecycle::printItemsOfYear(db, scope.year, scope.className);
            if (!selection) {
                run->outcomes = std::unexpected(selection.error());
                return run;
            }
            items = selection->items;
            run->refused = selection->refused;
        } else {
            for (Id section : scope.selectedSections) {
                auto item = lifecycle::printItemOfSection(db, section);
                if (item)
                    items.append(*item);
                else if (item.error().code == ErrorCode::InvalidInput)
                    run->refused.append(item.error());
                else {
                    run->outcomes = std::unexpected(item.error());
                    return run;
                }
            }
        }
        lifecycle::PrintRunOptions runOptions;
        runOptions.render = options;
        runOptions.cancel = stop.get();
        runOptions.progress = [this](int done, int total) {
            QMetaObject::invokeMethod(
                this, [this, done, total] { Q_EMIT progressed(done, total); }, Qt::QueuedConnection);
        };
        if (printer)
            run->outcomes = lifecycle::printTogether(
                db, actor, items, req,
                [printer, options](const QList<render::RenderInput>& inputs) {
                    return printRecords(*printer, inputs, options);
                },
                runOptions);
        else
            run->outcomes = lifecycle::printToPdfFile(db, actor, items, req, pdfPath, runOptions);
        return run;
    }));
    updateState();
}

void PrintRecordsDialog::cancelRun()
{
    m_stop->store(true);
    m_result->setText(tr("Stopping after the record being made…"));
}

void PrintRecordsDialog::onFinished()
{
    const std::shared_ptr<Run> run = m_watcher.result();
    m_progress->setVisible(false);
    int printed = 0;
    QStringList lines;
    if (!run->outcomes) {
        lines << run->outcomes.error().message;
    } else {
        int drafts = 0;
        QStringList failed;
        for (const lifecycle::PrintOutcome& o : *run->outcomes) {
            if (o.status) {
                ++printed;
                drafts += o.item.draft() ? 1 : 0;
            } else {
                failed << tr("%1: %2").arg(o.item.lookupCode, o.status.error().message);
            }
        }
        lines << tr("%n record(s) printed and written to the print log", nullptr, printed)
                + (drafts > 0 ? tr(" (%n as drafts)", nullptr, drafts) : QString()) + u'.';
        for (const Error& e : run->refused)
            failed << e.message;
        if (!failed.isEmpty())
            lines << tr("Not printed:") << failed;
    }
    m_result->setText(lines.join(u'\n'));
    m_printer.reset();
    updateState();
    Q_EMIT finishedRun(printed);
}

void PrintRecordsDialog::updateState()
{
    const bool running = isRunning();
    for (QWidget* w : std::initializer_list<QWidget*> {m_class, m_reason, m_note, m_copies, m_toPrinter, m_toPdf})
        w->setEnabled(!running);
    m_selected->setEnabled(!running && !m_scope.selectedSections.isEmpty());
    m_print->setEnabled(!running);
    m_cancel->setText(running ? tr("&Cancel") : tr("&Close"));
}

// ---------------------------------------------------------------------------------------------------- the log

PrintLogDialog::PrintLogDialog(store::Database& db, const lifecycle::Actor& actor, std::optional<SchoolYear> year,
                               std::optional<QString> className, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("printLogDialog"));
    setWindowTitle(className  ? tr("Print log of class %1, school year %2").arg(*className, year->toString())
                       : year ? tr("Print log of school year %1").arg(year->toString())
                              : tr("Print log"));
    auto* layout = new QVBoxLayout(this);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("printLog"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    const QStringList headers {tr("Printed at"), tr("By"),     tr("School year"), tr("Class"), tr("Lookup code"),
                               tr("Version"),    tr("Copies"), tr("Reason"),      tr("Note"),  tr("To")};
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    auto log = lifecycle::printLog(db, actor, year, className);
    auto* empty = new QLabel(this);
    if (!log) {
        empty->setText(log.error().message);
    } else {
        m_table->setRowCount(int(log->size()));
        for (int r = 0; r < log->size(); ++r) {
            const lifecycle::PrintLogEntry& e = log->at(r);
            const QDateTime local = e.printedAt.toTimeZone(vietnamTimeZone());
            const QStringList cells {printedDate(local.date()) + u' ' + local.toString(QStringLiteral("HH:mm")),
                                     e.printedBy,
                                     e.year.toString(),
                                     e.className,
                                     e.lookupCode,
                                     e.draft ? tr("%1 (draft)").arg(e.version) : QString::number(e.version),
                                     QString::number(e.copies),
                                     lifecycle::displayName(e.reason),
                                     e.note,
                                     e.target == lifecycle::PrintTarget::Printer ? tr("printer") : tr("PDF")};
            for (int c = 0; c < cells.size(); ++c)
                m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        }
        if (log->isEmpty())
            empty->setText(tr("Nothing has been printed yet."));
    }
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);
    layout->addWidget(empty);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(900, 420));
}

} // namespace hocba::ui

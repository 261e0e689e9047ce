// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransferDialogs.h"

#include "MessageBox.h"
#include "ScreenFit.h"

#include "domain/PrintedText.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

TransferInDialog::TransferInDialog(std::shared_ptr<RecordLifecycle> lifecycle, const QStringList& classNames,
                                   QWidget* parent)
    : QDialog(parent)
    , m_lifecycle(std::move(lifecycle))
{
    setWindowTitle(tr("Receive a transferred record"));
    resizeWithinScreen(this, QSize(760, 520));
    auto* layout = new QVBoxLayout(this);
    auto* fileRow = new QHBoxLayout;
    m_fileEdit = new QLineEdit(this);
    m_fileEdit->setObjectName(QStringLiteral("packageEdit"));
    m_fileEdit->setReadOnly(true);
    auto* browseButton = new QPushButton(tr("Choose the package…"), this);
    fileRow->addWidget(new QLabel(tr("Transfer package:"), this));
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browseButton);
    layout->addLayout(fileRow);
    m_summary = new QLabel(tr("Choose the package (.hocba-transfer.zip) the old school gave you. It is checked before "
                              "anything is written."),
                           this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("arrivingTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("School year"), tr("Grade"), tr("Version"), tr("Signed by"), tr("Check")});
    layout->addWidget(m_tree, 1);
    layout->addWidget(new QLabel(tr("Problems found:"), this));
    m_problemList = new QListWidget(this);
    m_problemList->setObjectName(QStringLiteral("problemList"));
    layout->addWidget(m_problemList);
    auto* form = new QFormLayout;
    m_classCombo = new QComboBox(this);
    m_classCombo->setObjectName(QStringLiteral("classCombo"));
    m_classCombo->addItem(tr("(no class yet)"), QString());
    for (const QString& c : classNames)
        m_classCombo->addItem(c, c);
    form->addRow(tr("Place in class (this school year):"), m_classCombo);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = buttons->addButton(tr("Receive the record"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(browseButton, &QPushButton::clicked, this, &TransferInDialog::browse);
    connect(m_importButton, &QPushButton::clicked, this, &TransferInDialog::importPackage);
    connect(buttons, &QDialogButtonBox::rejected, this, &TransferInDialog::reject);
    connect(&m_inspectWatcher, &QFutureWatcherBase::finished, this, &TransferInDialog::onInspected);
    connect(&m_importWatcher, &QFutureWatcherBase::finished, this, &TransferInDialog::onImported);
}

TransferInDialog::~TransferInDialog()
{
    m_inspectWatcher.waitForFinished();
    m_importWatcher.waitForFinished();
}

void TransferInDialog::browse()
{
    const QString path = FileDialog::getOpenFileName(
        this, tr("Choose the transfer package"), QString(),
        tr("Transfer packages (*%1)").arg(QLatin1String(lifecycle::kTransferPackageSuffix)));
    if (!path.isEmpty())
        inspect(path);
}

void TransferInDialog::inspect(const QString& path)
{
    if (m_busy)
        return;
    m_path = path;
    m_fileEdit->setText(path);
    m_inspected = false;
    m_accepted = false;
    m_importButton->setEnabled(false);
    m_tree->clear();
    m_problemList->clear();
    m_busy = true;
    m_progress = makeBusyIndicator(this, tr("Checking the package…"));
    m_inspectWatcher.setFuture(
        QtConcurrent::run([lifecycle = m_lifecycle, path] { return lifecycle->inspectPackage(path); }));
}

void TransferInDialog::onInspected()
{
    m_busy = false;
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    auto result = m_inspectWatcher.result();
    m_inspected = true;
    if (!result) {
        m_problems = {result.error().message};
        m_summary->setText(tr("This package cannot be read."));
        m_problemList->addItems(m_problems);
        m_problemList->item(0)->setToolTip(result.error().detail);
        Q_EMIT inspected();
        return;
    }
    const lifecycle::TransferInspection& ins = *result;
    const packet::TransferStatement& s = ins.statement;
    m_summary->setText(tr("%1, born %2, from %3 (%4) to %5 (%6), transfer date %7. Reason: %8")
                           .arg(s.studentName, s.birthDate.toString(QStringLiteral("dd/MM/yyyy")), s.fromSchoolName,
                                s.fromSchoolCode, s.toSchoolName, s.toSchoolCode,
                                s.transferDate.toString(QStringLiteral("dd/MM/yyyy")), s.reason));
    for (const lifecycle::ArrivingVersion& v : ins.versions) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(0, QStringLiteral("%1–%2").arg(v.item.schoolYearStart).arg(v.item.schoolYearStart + 1));
        item->setText(1, QString::number(v.grade ? v.grade : v.item.grade));
        item->setText(2, QString::number(v.item.version));
        item->setText(3, v.schoolName.isEmpty() ? v.item.schoolCode : v.schoolName);
        item->setText(4, v.ok && v.problems.isEmpty() ? tr("Valid") : tr("Not valid"));
    }
    m_tree->header()->resizeSections(QHeaderView::ResizeToContents);
    m_problems = packageProblems(ins);
    m_problemList->addItems(m_problems);
    m_accepted = packageAccepted(ins);
    if (!m_accepted)
        m_summary->setText(m_summary->text() + QLatin1Char('\n')
                           + tr("This package cannot be received: see the problems below. Nothing was written."));
    else
        m_problemList->addItem(tr("No problem found: every signature is valid and nothing was changed."));
    m_importButton->setEnabled(m_accepted);
    Q_EMIT inspected();
}

void TransferInDialog::importPackage()
{
    if (m_busy || !m_inspected || !m_accepted)
        return;
    m_busy = true;
    m_importButton->setEnabled(false);
    m_progress = makeBusyIndicator(this, tr("Receiving the record…"));
    m_importWatcher.setFuture(
        QtConcurrent::run([lifecycle = m_lifecycle, path = m_path, cls = m_classCombo->currentData().toString()] {
            return lifecycle->transferIn(path, cls);
        }));
}

void TransferInDialog::onImported()
{
    m_busy = false;
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    auto result = m_importWatcher.result();
    if (!result) {
        m_importButton->setEnabled(m_accepted);
        MessageBox::critical(this, tr("The record was not received"), result.error().message, result.error().detail);
        Q_EMIT importFinished();
        return;
    }
    m_result = *result;
    MessageBox::information(this, tr("Record received"),
                            tr("The record was received with %n signed version(s).", nullptr, result->versions));
    Q_EMIT importFinished();
    QDialog::accept();
}

void TransferInDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

TransferOutDialog::TransferOutDialog(std::shared_ptr<RecordLifecycle> lifecycle, lifecycle::SignerSource& source,
                                     signing::PinProvider& pins, QString studentCode, const QString& what,
                                     QWidget* parent)
    : QDialog(parent)
    , m_lifecycle(std::move(lifecycle))
    , m_source(source)
    , m_pins(pins)
    , m_studentCode(std::move(studentCode))
{
    setWindowTitle(tr("Transfer to another school"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("%1\n\nA transfer package is made with every signed version of the record and a "
                                "statement the principal signs. Afterwards the record stays here read-only "
                                "(\"chuyển đi\"). This cannot be undone.")
                                 .arg(what),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_toCode = new QLineEdit(this);
    m_toCode->setObjectName(QStringLiteral("toSchoolCodeEdit"));
    m_toName = new QLineEdit(this);
    m_toName->setObjectName(QStringLiteral("toSchoolNameEdit"));
    m_date = new QDateEdit(vietnamDate(QDateTime::currentDateTimeUtc()), this);
    m_date->setObjectName(QStringLiteral("transferDateEdit"));
    m_date->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_date->setCalendarPopup(true);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_outDir = new QLineEdit(this);
    m_outDir->setObjectName(QStringLiteral("outDirEdit"));
    auto* browse = new QPushButton(tr("Choose…"), this);
    auto* dirRow = new QHBoxLayout;
    dirRow->addWidget(m_outDir, 1);
    dirRow->addWidget(browse);
    form->addRow(tr("Receiving school's code:"), m_toCode);
    form->addRow(tr("Receiving school's name:"), m_toName);
    form->addRow(tr("Transfer date:"), m_date);
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Save the package in:"), dirRow);
    layout->addLayout(form);
    m_chooser = new TokenChooser(source, this);
    layout->addWidget(m_chooser);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign and make the package"));
    layout->addWidget(buttons);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Save the package in"), m_outDir->text());
        if (!dir.isEmpty())
            m_outDir->setText(dir);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &TransferOutDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TransferOutDialog::reject);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &TransferOutDialog::onDone);
}

TransferOutDialog::~TransferOutDialog()
{
    m_watcher.waitForFinished();
}

QString TransferOutDialog::problemText() const
{
    return m_problem->text();
}

QString TransferOutDialog::requestProblem() const
{
    if (m_toCode->text().trimmed().isEmpty() || m_toName->text().trimmed().isEmpty())
        return tr("Enter the receiving school's code and name.");
    if (m_reason->toPlainText().trimmed().size() > 500)
        return tr("The reason is too long (at most %1 characters).").arg(500);
    if (m_outDir->text().isEmpty() || !QFileInfo(m_outDir->text()).isDir())
        return tr("Choose an existing folder to save the package in.");
    if (!m_chooser->hasChoice())
        return tr("Choose the principal's token and certificate.");
    return {};
}

void TransferOutDialog::accept()
{
    if (m_busy)
        return;
    if (QString problem = requestProblem(); !problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    m_problem->clear();
    if (MessageBox::question(this, tr("Transfer to another school"),
                             tr("Transfer this record to %1? Afterwards it can no longer be changed here.")
                                 .arg(m_toName->text().trimmed()))
        != QMessageBox::Yes)
        return;
    lifecycle::TransferOutRequest request;
    request.studentCode = m_studentCode;
    request.toSchoolCode = m_toCode->text().trimmed();
    request.toSchoolName = m_toName->text().trimmed();
    request.transferDate = m_date->date();
    request.reason = m_reason->toPlainText().trimmed();
    request.outDir = m_outDir->text();
    m_busy = true;
    m_progress = makeBusyIndicator(this, tr("Waiting for the PIN, then making the transfer package…"));
    m_watcher.setFuture(QtConcurrent::run([lifecycle = m_lifecycle, &source = m_source, &pins = m_pins,
                                           token = m_chooser->token(), certificate = m_chooser->certificate(),
                                           request]() -> Result<lifecycle::TransferOutResult> {
        std::optional<Result<lifecycle::TransferOutResult>> out;
        Status ok = source.withSigner(token, certificate, pins, [&](signing::Signer& signer) -> Status {
            out.emplace(lifecycle->transferOut(request, signer));
            return {};
        });
        if (!ok)
            return std::unexpected(ok.error());
        if (!out)
            return fail(ErrorCode::Internal, tr("The transfer did not run."), QStringLiteral("transfer: no result"));
        return std::move(*out);
    }));
}

void TransferOutDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void TransferOutDialog::onDone()
{
    m_busy = false;
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    auto result = m_watcher.result();
    if (!result) {
        if (result.error().code != ErrorCode::PinCancelled)
            MessageBox::critical(this, tr("The record was not transferred"), result.error().message,
                                 result.error().detail);
        return;
    }
    m_result = *result;
    MessageBox::information(this, tr("Transfer package made"),
                            tr("Give this file to the receiving school:\n%1").arg(result->packagePath));
    Q_EMIT transferred();
    QDialog::accept();
}

} // namespace hocba::ui

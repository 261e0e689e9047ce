// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignDialog.h"

#include "MessageBox.h"
#include "ScreenFit.h"
#include "lifecycle/SigningPlan.h"
#include "util/Log.h"
#include "verify/SignatureReport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QTextEdit>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

struct SignDialog::ConfirmResult
{
    Result<lifecycle::ConfirmedPlan> plan = fail(ErrorCode::Internal, QString(), QStringLiteral("not run"));
};

namespace {

/**
 * The worker's ProgressSink: hands every item to the dialog on the GUI thread with a queued call. If the dialog is
 * gone by then, Qt drops the call (the dialog is the call's context object).
 */
class GuiProgressSink final : public lifecycle::ProgressSink
{
public:
    explicit GuiProgressSink(SignDialog* dialog, std::function<void(int, int, double, double)> deliver)
        : m_dialog(dialog)
        , m_deliver(std::move(deliver))
    { }
    void started(int total, bool) override
    {
        QMetaObject::invokeMethod(
            m_dialog, [d = m_deliver, total] { d(0, total, 0, 0); }, Qt::QueuedConnection);
    }
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress& p) override
    {
        QMetaObject::invokeMethod(
            m_dialog, [d = m_deliver, p] { d(p.done, p.total, p.perSecond, p.secondsLeft); }, Qt::QueuedConnection);
    }

private:
    SignDialog* m_dialog;
    std::function<void(int, int, double, double)> m_deliver;
};

QString dateText(const QDateTime& utc)
{
    return QLocale().toString(utc.toLocalTime().date(), QLocale::ShortFormat);
}

QString minutesSeconds(double seconds)
{
    const int s = int(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

namespace {
/** A scroll area that asks for its content's current size (QScrollArea keeps the first one it saw). */
class FitScrollArea : public QScrollArea
{
public:
    using QScrollArea::QScrollArea;
    QSize sizeHint() const override
    {
        if (!widget())
            return QScrollArea::sizeHint();
        return widget()->sizeHint() + QSize(2 * frameWidth(), 2 * frameWidth());
    }
};
} // namespace

SignDialog::SignDialog(store::Database& db, lifecycle::Actor actor, Scope scope, lifecycle::SignerSource& source,
                       signing::PinProvider& pins, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_scope(std::move(scope))
    , m_source(source)
    , m_pins(pins)
{
    setObjectName(QStringLiteral("signDialog"));
    setWindowTitle(m_scope.className ? tr("Confirm and sign class %1").arg(*m_scope.className)
                                     : tr("Confirm and sign the whole school"));
    resizeWithinScreen(this, QSize(760, 720));

    auto* scopeLabel
        = new QLabel(m_scope.className ? tr("Class %1, school year %2").arg(*m_scope.className, m_scope.year.toString())
                                       : tr("Every class of school year %1").arg(m_scope.year.toString()),
                     this);
    scopeLabel->setObjectName(QStringLiteral("scopeLabel"));
    QFont bold = scopeLabel->font();
    bold.setBold(true);
    scopeLabel->setFont(bold);

    // Who signs: token, certificate, role.
    auto* signerBox = new QGroupBox(tr("Signer"), this);
    auto* form = new QFormLayout(signerBox);
    m_tokenCombo = new QComboBox(signerBox);
    m_tokenCombo->setObjectName(QStringLiteral("tokenComboBox"));
    m_refreshButton = new QPushButton(tr("Search again"), signerBox);
    m_refreshButton->setObjectName(QStringLiteral("refreshPushButton"));
    auto* tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenCombo, 1);
    tokenRow->addWidget(m_refreshButton);
    form->addRow(tr("USB token:"), tokenRow);
    m_certificateCombo = new QComboBox(signerBox);
    m_certificateCombo->setObjectName(QStringLiteral("certificateComboBox"));
    form->addRow(tr("Certificate:"), m_certificateCombo);
    m_certificateLabel = new QLabel(signerBox);
    m_certificateLabel->setObjectName(QStringLiteral("certificateLabel"));
    m_certificateLabel->setWordWrap(true);
    m_certificateLabel->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_certificateLabel);
    m_policyLabel = new QLabel(signerBox);
    m_policyLabel->setObjectName(QStringLiteral("policyLabel"));
    m_policyLabel->setWordWrap(true);
    m_policyLabel->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_policyLabel);
    m_roleCombo = new QComboBox(signerBox);
    m_roleCombo->setObjectName(QStringLiteral("roleComboBox"));
    for (auto r : {signing::SignerRole::Principal, signing::SignerRole::Homeroom, signing::SignerRole::Seal})
        m_roleCombo->addItem(signing::roleLabel(r), int(r));
    form->addRow(tr("Sign as:"), m_roleCombo);

    // Confirmation: which records have findings, and the acknowledgement of warnings by name.
    auto* confirmBox = new QGroupBox(tr("Confirmation of the records"), this);
    auto* confirmLayout = new QVBoxLayout(confirmBox);
    m_acknowledgeCheck = new QCheckBox(
        tr("I have checked the warnings of these records and confirm them anyway (recorded with my name)"), confirmBox);
    m_acknowledgeCheck->setObjectName(QStringLiteral("acknowledgeCheckBox"));
    m_acknowledgedByEdit = new QLineEdit(confirmBox);
    m_acknowledgedByEdit->setObjectName(QStringLiteral("acknowledgedByLineEdit"));
    m_acknowledgedByEdit->setPlaceholderText(tr("Your full name"));
    m_acknowledgedByEdit->setEnabled(false);
    m_findingsTree = new QTreeWidget(confirmBox);
    m_findingsTree->setObjectName(QStringLiteral("findingsTreeWidget"));
    m_findingsTree->setHeaderLabels({tr("Student"), tr("Why it is not confirmed")});
    m_findingsTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    confirmLayout->addWidget(m_acknowledgeCheck);
    confirmLayout->addWidget(m_acknowledgedByEdit);
    confirmLayout->addWidget(m_findingsTree, 1);

    m_reportEdit = new QTextEdit(this);
    m_reportEdit->setObjectName(QStringLiteral("reportTextEdit"));
    m_reportEdit->setReadOnly(true);
    m_reportEdit->setPlaceholderText(tr("The result of the signing will appear here."));

    auto* buttons = new QDialogButtonBox(this);
    m_signButton = buttons->addButton(tr("Confirm and sign"), QDialogButtonBox::AcceptRole);
    m_signButton->setObjectName(QStringLiteral("signPushButton"));
    m_closeButton = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    m_closeButton->setObjectName(QStringLiteral("closePushButton"));
    // The sign button starts the run; it must not close the dialog the way AcceptRole would.
    disconnect(buttons, nullptr, this, nullptr);
    connect(m_signButton, &QPushButton::clicked, this, &SignDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &SignDialog::reject);

    // Who signs scrolls when the screen is small (1366×768 at 150 %), so the findings, the result and the buttons stay
    // on it.
    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(scopeLabel);
    topLayout->addWidget(signerBox);
    auto* scroll = new FitScrollArea(this);
    scroll->setObjectName(QStringLiteral("signScrollArea"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(top);
    scroll->setMinimumHeight(80);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    // The certificate's words arrive later: the dialog makes room for them again.
    connect(this, &SignDialog::tokensLoaded, scroll, &QWidget::updateGeometry);
    connect(this, &SignDialog::certificatesLoaded, scroll, &QWidget::updateGeometry);
    layout->addWidget(confirmBox, 1);
    layout->addWidget(m_reportEdit, 1);
    layout->addWidget(buttons);

    connect(m_refreshButton, &QPushButton::clicked, this, &SignDialog::refreshTokens);
    connect(m_tokenCombo, &QComboBox::currentIndexChanged, this, &SignDialog::onTokenChanged);
    connect(m_certificateCombo, &QComboBox::currentIndexChanged, this, &SignDialog::onCertificateChanged);
    connect(m_acknowledgeCheck, &QCheckBox::toggled, m_acknowledgedByEdit, &QWidget::setEnabled);
    connect(m_acknowledgeCheck, &QCheckBox::toggled, this, &SignDialog::updateSignButton);
    connect(m_acknowledgedByEdit, &QLineEdit::textChanged, this, &SignDialog::updateSignButton);

    m_tokenPoll.setSingleShot(true);
    m_tokenPoll.setInterval(kTokenPollMs);
    connect(&m_tokenPoll, &QTimer::timeout, this, &SignDialog::refreshTokens);
    connect(&m_tokenWatcher, &QFutureWatcherBase::finished, this, [this] {
        m_refreshButton->setEnabled(true);
        auto found = m_tokenWatcher.result();
        m_tokens = found.value_or(QList<signing::TokenInfo> {});
        const QSignalBlocker block(m_tokenCombo);
        m_tokenCombo->clear();
        for (const auto& t : m_tokens)
            m_tokenCombo->addItem(t.label.isEmpty() ? t.serial : t.label);
        if (m_tokens.isEmpty())
            m_policyLabel->setText(found ? tr("No USB token found. Plug in your token: it is looked for again every "
                                              "few seconds.")
                                         : found.error().message);
        // A principal often opens the dialog first and plugs the token in after: keep looking while there is none.
        if (m_tokens.isEmpty() && !m_busy)
            m_tokenPoll.start();
        onTokenChanged();
        Q_EMIT tokensLoaded();
    });
    connect(&m_certificateWatcher, &QFutureWatcherBase::finished, this, [this] {
        auto found = m_certificateWatcher.result();
        m_certificates = found.value_or(QList<signing::CertificateInfo> {});
        m_choice = lifecycle::SigningPlan::chooseCertificate(m_db, m_certificates);
        const QSignalBlocker block(m_certificateCombo);
        m_certificateCombo->clear();
        for (const auto& c : m_certificates)
            m_certificateCombo->addItem(tr("%1 (issued by %2)").arg(c.holder, c.issuer));
        // The certificate the policy accepts comes first to hand; the list still offers the others.
        if (m_choice && m_choice->chosen >= 0)
            m_certificateCombo->setCurrentIndex(m_choice->chosen);
        if (!found)
            m_policyLabel->setText(found.error().message);
        else if (m_certificates.isEmpty())
            m_policyLabel->setText(tr("This token holds no certificate."));
        onCertificateChanged();
        Q_EMIT certificatesLoaded();
    });
    connect(&m_confirmWatcher, &QFutureWatcherBase::finished, this, &SignDialog::onConfirmed);
    connect(&m_signWatcher, &QFutureWatcherBase::finished, this, &SignDialog::onSigned);

    updateSignButton();
    refreshTokens();
}

SignDialog::~SignDialog()
{
    // The dialog refuses to close while busy, so the workers are done; this only guards teardown paths.
    if (m_cancel)
        m_cancel->cancel();
    m_confirmWatcher.waitForFinished();
    m_signWatcher.waitForFinished();
    m_tokenWatcher.waitForFinished();
    m_certificateWatcher.waitForFinished();
}

void SignDialog::refreshTokens()
{
    m_tokenPoll.stop();
    if (m_tokenWatcher.isRunning() || m_busy)
        return;
    m_refreshButton->setEnabled(false);
    m_policyLabel->setText(tr("Looking for USB tokens…"));
    m_tokenWatcher.setFuture(QtConcurrent::run([&source = m_source] { return source.tokens(); }));
}

void SignDialog::onTokenChanged()
{
    m_certificates.clear();
    m_certificateCombo->clear();
    m_certificateAccepted = false;
    const int i = m_tokenCombo->currentIndex();
    if (i < 0 || i >= m_tokens.size()) {
        onCertificateChanged();
        return;
    }
    const signing::TokenInfo token = m_tokens.at(i);
    if (token.flags.pinLocked) {
        // Never ask for a locked PIN: only the CA can unblock it.
        m_policyLabel->setText(tr("The PIN of this token is locked. Contact your certificate provider (CA) to unlock "
                                  "it with the PUK code."));
        updateSignButton();
        return;
    }
    m_certificateWatcher.waitForFinished();
    m_certificateWatcher.setFuture(
        QtConcurrent::run([&source = m_source, token] { return source.certificates(token); }));
}

void SignDialog::onCertificateChanged()
{
    m_certificateAccepted = false;
    const int i = m_certificateCombo->currentIndex();
    if (i < 0 || i >= m_certificates.size()) {
        m_certificateLabel->clear();
        updateSignButton();
        return;
    }
    const signing::CertificateInfo& c = m_certificates.at(i);
    m_certificateLabel->setText(tr("Holder: %1\nIssued by: %2\nValid from %3 to %4")
                                    .arg(c.holder, c.issuer, dateText(c.notBefore), dateText(c.notAfter)));
    if (!m_choice || i >= m_choice->candidates.size()) {
        m_policyLabel->setText(m_choice ? QString() : m_choice.error().message);
        updateSignButton();
        return;
    }
    const Result<signing::PolicyVerdict>& verdict = m_choice->candidates.at(i).verdict;
    if (!verdict) {
        m_policyLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_policyLabel->setText(tr("This certificate cannot be used to sign: %1").arg(verdict.error().message));
    } else if (verdict->expiresSoon || !verdict->warnings.isEmpty()) {
        m_certificateAccepted = true;
        m_policyLabel->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        QStringList lines;
        if (verdict->expiresSoon)
            lines << tr("Warning: this certificate expires in %n day(s). Ask your CA to renew it.", nullptr,
                        verdict->daysLeft);
        for (const QString& w : verdict->warnings)
            if (!verdict->expiresSoon || !lines.contains(w))
                lines << w;
        lines.removeDuplicates();
        m_policyLabel->setText(lines.join(QLatin1Char('\n')));
    } else {
        m_certificateAccepted = true;
        m_policyLabel->setStyleSheet(QStringLiteral("color: #1b5e20;"));
        m_policyLabel->setText(tr("The certificate is valid and trusted."));
    }
    updateSignButton();
}

bool SignDialog::canSign() const
{
    if (m_busy || !m_certificateAccepted)
        return false;
    return !m_acknowledgeCheck->isChecked() || !m_acknowledgedByEdit->text().trimmed().isEmpty();
}

void SignDialog::updateSignButton()
{
    m_signButton->setEnabled(canSign());
}

void SignDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget* w : std::initializer_list<QWidget*> {m_tokenCombo, m_refreshButton, m_certificateCombo, m_roleCombo,
                                                       m_acknowledgeCheck, m_closeButton})
        w->setEnabled(!busy);
    m_acknowledgedByEdit->setEnabled(!busy && m_acknowledgeCheck->isChecked());
    updateSignButton();
}

signing::SignerRole SignDialog::role() const
{
    return signing::SignerRole(m_roleCombo->currentData().toInt());
}

void SignDialog::reject()
{
    // A running batch is stopped with the progress dialog's Cancel; closing must not orphan the worker.
    if (m_busy)
        return;
    QDialog::reject();
}

void SignDialog::start()
{
    if (!canSign())
        return;
    setBusy(true);
    m_findingsTree->clear();
    m_reportEdit->clear();
    m_report.reset();
    m_reportText.clear();

    lifecycle::ConfirmOptions options;
    options.year = m_scope.year;
    options.className = m_scope.className;
    options.acknowledgeWarnings = m_acknowledgeCheck->isChecked();
    options.acknowledgedBy = m_acknowledgedByEdit->text().trimmed();
    m_confirm = std::make_shared<ConfirmResult>();
    if (!m_scope.sections.isEmpty()) {
        // The principal's queue: the board approved these; only they are signed, nothing is confirmed.
        m_confirmWatcher.setFuture(
            QtConcurrent::run([&file = m_db, scope = lifecycle::SignScope {m_scope.year, m_scope.className, role()},
                               only = m_scope.sections,
                               out = m_confirm] { out->plan = lifecycle::SigningPlan::planAt(file, scope, only); }));
        return;
    }
    m_confirmWatcher.setFuture(
        QtConcurrent::run([&file = m_db, actor = m_actor, options, role = role(), out = m_confirm] {
            out->plan = lifecycle::SigningPlan::confirmAndPlan(file, actor, options, role);
        }));
}

void SignDialog::onConfirmed()
{
    if (!m_confirm->plan) {
        const Error& e = m_confirm->plan.error();
        setBusy(false);
        MessageBox::critical(this, tr("Confirm and sign"), e.message, e.detail);
        return;
    }
    const lifecycle::ConfirmReport& confirmation = m_confirm->plan->confirmation;
    m_names.clear();
    for (const auto& item : confirmation.confirmed)
        m_names.insert(item.studentId, item.fullName);
    int warningsOnly = 0;
    for (const auto& item : confirmation.notConfirmed) {
        m_names.insert(item.studentId, item.fullName);
        auto* top = new QTreeWidgetItem(m_findingsTree, {item.fullName, item.reason});
        if (!hasErrors(item.findings))
            ++warningsOnly;
        for (const auto& f : item.findings)
            new QTreeWidgetItem(top, {f.severity == Finding::Severity::Error ? tr("Error") : tr("Warning"), f.message});
    }
    m_findingsTree->expandAll();
    m_ready = m_confirm->plan->sections.toSign;

    if (m_ready.isEmpty()) {
        setBusy(false);
        m_reportText = tr("No record is ready to sign: %1 record(s) could not be confirmed (see the list above).")
                           .arg(confirmation.notConfirmed.size());
        m_reportEdit->setPlainText(m_reportText);
        Q_EMIT finished();
        return;
    }
    if (!confirmation.notConfirmed.isEmpty()) {
        QString text = tr("%1 record(s) could not be confirmed and will not be signed (see the list).")
                           .arg(confirmation.notConfirmed.size());
        if (warningsOnly > 0)
            text += QLatin1Char(' ')
                + tr("%1 of them only have warnings: tick the acknowledgement, enter your name and sign again to "
                     "include them.")
                      .arg(warningsOnly);
        text += QStringLiteral("\n\n") + tr("Sign the %1 ready record(s) now?").arg(m_ready.size());
        if (MessageBox::question(this, tr("Confirm and sign"), text, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::Yes)
            != QMessageBox::Yes) {
            setBusy(false);
            Q_EMIT finished();
            return;
        }
    }
    startSigning();
}

bool SignDialog::setAsideForeignBatch(const signing::CertificateInfo& certificate)
{
    // Asked before the PIN: a batch of this role left unfinished under another certificate would refuse this one.
    auto open = lifecycle::BatchSignJob::openBatch(m_db, role());
    if (!open) {
        MessageBox::critical(this, tr("Confirm and sign"), open.error().message, open.error().detail);
        return false;
    }
    if (!*open || (*open)->certificateSha256 == certificate.sha256)
        return true; // nothing open, or the same certificate: the batch simply resumes
    const QString text
        = tr("A signing batch in this role was left unfinished with another certificate (%n record(s) not signed "
             "yet). To finish it with that certificate, press No and choose its token.",
             "", (*open)->pending)
        + QStringLiteral("\n\n")
        + tr("Set the unfinished batch aside and sign with this certificate? The records it did not sign stay "
             "confirmed; nothing is lost.");
    if (MessageBox::question(this, tr("Unfinished signing batch"), text, QMessageBox::Yes | QMessageBox::No,
                             QMessageBox::No)
        != QMessageBox::Yes)
        return false;
    if (auto s = lifecycle::BatchSignJob::abandon(m_db, (*open)->id); !s) {
        MessageBox::critical(this, tr("Confirm and sign"), s.error().message, s.error().detail);
        return false;
    }
    return true;
}

void SignDialog::startSigning()
{
    const int ti = m_tokenCombo->currentIndex();
    const int ci = m_certificateCombo->currentIndex();
    if (ti < 0 || ti >= m_tokens.size() || ci < 0 || ci >= m_certificates.size()) {
        setBusy(false);
        return;
    }
    const signing::TokenInfo token = m_tokens.at(ti);
    const signing::CertificateInfo certificate = m_certificates.at(ci);
    if (!setAsideForeignBatch(certificate)) {
        setBusy(false);
        Q_EMIT finished();
        return;
    }
    m_cancel = std::make_shared<CancellationToken>();
    m_lastDone = 0;
    m_lastTotal = m_ready.size();

    if (!m_progress) {
        m_progress = new QProgressDialog(this);
        m_progress->setObjectName(QStringLiteral("signProgressDialog"));
        m_progress->setWindowTitle(tr("Signing"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(0);
        // We close it ourselves: an auto-reset at 100% would hide the final count.
        m_progress->setAutoReset(false);
        m_progress->setAutoClose(false);
        m_progress->setCancelButtonText(tr("Stop after this record"));
    }
    connect(m_progress, &QProgressDialog::canceled, this, [cancel = m_cancel, this] {
        cancel->cancel();
        m_progress->setLabelText(tr("Stopping after the record being signed…"));
    });
    m_progress->setRange(0, m_ready.size());
    m_progress->setValue(0);
    m_progress->setLabelText(tr("Waiting for the PIN…"));
    m_progress->show();

    const QList<Id> ids = m_ready;
    const signing::SignerRole signerRole = role();
    auto deliver = [this](int done, int total, double rate, double left) { onProgress(done, total, rate, left); };
    m_signWatcher.setFuture(QtConcurrent::run([this, ids, signerRole, token, certificate, deliver, cancel = m_cancel,
                                               workers = m_workers]() -> Result<lifecycle::BatchReport> {
        std::optional<Result<lifecycle::BatchReport>> out;
        GuiProgressSink sink(this, deliver);
        Status ok = m_source.withSigner(token, certificate, m_pins, [&](signing::Signer& signer) -> Status {
            // The batch's connection is opened on the thread that signs, which owns it until the batch ends.
            out.emplace(lifecycle::SigningPlan::signAt(m_db, m_actor, signer, signerRole, ids, workers, sink, *cancel));
            return {};
        });
        if (!ok)
            return std::unexpected(ok.error());
        if (!out)
            return fail(ErrorCode::Internal, tr("Signing did not run."), QStringLiteral("sign dialog: no report"));
        return std::move(*out);
    }));
}

void SignDialog::onProgress(int done, int total, double perSecond, double secondsLeft)
{
    if (!m_progress || !m_busy)
        return;
    m_lastDone = done;
    m_lastTotal = total;
    m_progress->setMaximum(total);
    m_progress->setValue(done);
    QString text = tr("Signing %1/%2 …").arg(done).arg(total);
    if (done > 0 && perSecond > 0)
        text += QLatin1Char('\n')
            + tr("%1 records per minute, about %2 left").arg(qRound(perSecond * 60)).arg(minutesSeconds(secondsLeft));
    if (m_cancel && m_cancel->isCancelled())
        text = tr("Stopping after the record being signed…");
    m_progress->setLabelText(text);
    Q_EMIT progressed(done, total);
}

void SignDialog::onSigned()
{
    auto result = m_signWatcher.result();
    if (m_progress) {
        disconnect(m_progress, &QProgressDialog::canceled, this, nullptr);
        m_progress->hide();
    }
    if (!result) {
        const Error& e = result.error();
        setBusy(false);
        switch (e.code) {
        case ErrorCode::PinCancelled:
            m_reportText = tr("Signing was cancelled: no PIN was entered. Nothing was signed.");
            break;
        case ErrorCode::PinLocked:
            m_reportText = tr("The PIN of this token is locked. Contact your certificate provider (CA) to unlock it "
                              "with the PUK code. Nothing was signed.");
            MessageBox::critical(this, tr("PIN locked"), m_reportText, e.detail);
            break;
        case ErrorCode::PinIncorrect:
            m_reportText = tr("Wrong PIN. Nothing was signed; press \"Confirm and sign\" to try again.");
            MessageBox::warning(this, tr("Wrong PIN"), m_reportText + QLatin1Char('\n') + e.message);
            break;
        default:
            m_reportText = tr("Signing failed: %1").arg(e.message);
            MessageBox::critical(this, tr("Confirm and sign"), m_reportText, e.detail);
            break;
        }
        m_reportEdit->setPlainText(m_reportText);
        onTokenChanged(); // the flags (count low, final try) have changed
        Q_EMIT finished();
        return;
    }
    // Merge with an earlier part of the same run (before a pause), so the end report covers the whole run.
    const lifecycle::BatchReport report
        = m_report && result->resumed ? lifecycle::SigningPlan::merged(*m_report, *result) : *result;
    m_report = report;
    qCInfo(lcUi, "sign dialog: batch %lld: %lld signed, %lld skipped, %lld failed, %d pending", report.batchId,
           qlonglong(report.signedItems.size()), qlonglong(report.skipped.size()), qlonglong(report.failed.size()),
           report.pending);

    if (report.stoppedBy && report.stoppedBy->code == ErrorCode::TokenRemoved && report.pending > 0) {
        const auto answer = MessageBox::choose(
            this, QMessageBox::Warning, tr("USB token removed"),
            tr("Please plug the USB token back in. %1 record(s) are still to be signed; they continue with the same "
               "certificate.")
                .arg(report.pending),
            {{QMessageBox::Retry, tr("Continue")}, {QMessageBox::Abort, tr("Stop")}}, QMessageBox::Retry);
        if (answer == QMessageBox::Retry) {
            startSigning();
            return;
        }
    }
    setBusy(false);
    showReport();
    Q_EMIT finished();
}

void SignDialog::showReport()
{
    m_reportText = lifecycle::SigningPlan::reportText(*m_report, m_names);
    m_reportEdit->setPlainText(m_reportText);
}

QString SignDialog::reportText() const
{
    return m_reportText;
}

QString SignDialog::policyText() const
{
    return m_policyLabel->text();
}

} // namespace hocba::ui

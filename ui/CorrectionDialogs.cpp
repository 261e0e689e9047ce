// SPDX-License-Identifier: GPL-3.0-or-later
#include "CorrectionDialogs.h"

#include "MessageBox.h"
#include "ScreenFit.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

namespace {
constexpr int kMaxReason = 500;

QString reasonProblem(const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return QCoreApplication::translate("CorrectionDialogs", "Write the reason: it is kept with the record.");
    if (reason.trimmed().size() > kMaxReason)
        return QCoreApplication::translate("CorrectionDialogs", "The reason is too long (at most %1 characters).")
            .arg(kMaxReason);
    return {};
}
} // namespace

QProgressDialog* makeBusyIndicator(QWidget* parent, const QString& text)
{
    auto* p = new QProgressDialog(text, QString(), 0, 0, parent);
    p->setWindowModality(Qt::WindowModal);
    p->setCancelButton(nullptr);
    p->setMinimumDuration(0);
    p->setAutoClose(false);
    p->setAutoReset(false);
    p->show();
    return p;
}

TokenChooser::TokenChooser(lifecycle::SignerSource& source, QWidget* parent)
    : QWidget(parent)
    , m_source(source)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_tokenCombo = new QComboBox(this);
    m_tokenCombo->setObjectName(QStringLiteral("tokenCombo"));
    m_certificateCombo = new QComboBox(this);
    m_certificateCombo->setObjectName(QStringLiteral("certificateCombo"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    form->addRow(tr("Principal's USB token:"), m_tokenCombo);
    form->addRow(tr("Certificate:"), m_certificateCombo);
    form->addRow(m_status);
    connect(m_tokenCombo, &QComboBox::currentIndexChanged, this, &TokenChooser::onTokenChanged);
    connect(m_certificateCombo, &QComboBox::currentIndexChanged, this, &TokenChooser::choiceChanged);
    connect(&m_tokenWatcher, &QFutureWatcherBase::finished, this, [this] {
        auto found = m_tokenWatcher.result();
        m_tokens = found.value_or(QList<signing::TokenInfo> {});
        const QSignalBlocker block(m_tokenCombo);
        m_tokenCombo->clear();
        for (const auto& t : m_tokens)
            m_tokenCombo->addItem(t.label.isEmpty() ? t.serial : t.label);
        m_status->setText(!found                   ? found.error().message
                              : m_tokens.isEmpty() ? tr("No USB token found. Plug in the principal's token.")
                                                   : QString());
        onTokenChanged();
    });
    connect(&m_certificateWatcher, &QFutureWatcherBase::finished, this, [this] {
        auto found = m_certificateWatcher.result();
        m_certificates = found.value_or(QList<signing::CertificateInfo> {});
        const QSignalBlocker block(m_certificateCombo);
        m_certificateCombo->clear();
        for (const auto& c : m_certificates)
            m_certificateCombo->addItem(tr("%1 (issued by %2)").arg(c.holder, c.issuer));
        if (!found)
            m_status->setText(found.error().message);
        Q_EMIT choiceChanged();
    });
    refresh();
}

TokenChooser::~TokenChooser()
{
    m_tokenWatcher.waitForFinished();
    m_certificateWatcher.waitForFinished();
}

void TokenChooser::refresh()
{
    if (m_tokenWatcher.isRunning())
        return;
    m_status->setText(tr("Looking for USB tokens…"));
    m_tokenWatcher.setFuture(QtConcurrent::run([&source = m_source] { return source.tokens(); }));
}

void TokenChooser::onTokenChanged()
{
    m_certificates.clear();
    m_certificateCombo->clear();
    const int i = m_tokenCombo->currentIndex();
    if (i < 0 || i >= m_tokens.size()) {
        Q_EMIT choiceChanged();
        return;
    }
    const signing::TokenInfo token = m_tokens.at(i);
    if (token.flags.pinLocked) {
        m_status->setText(tr("The PIN of this token is locked. Contact your certificate provider (CA) to unlock it "
                             "with the PUK code."));
        Q_EMIT choiceChanged();
        return;
    }
    m_certificateWatcher.waitForFinished();
    m_certificateWatcher.setFuture(
        QtConcurrent::run([&source = m_source, token] { return source.certificates(token); }));
}

bool TokenChooser::hasChoice() const
{
    const int t = m_tokenCombo->currentIndex();
    const int c = m_certificateCombo->currentIndex();
    return t >= 0 && t < m_tokens.size() && !m_tokens.at(t).flags.pinLocked && c >= 0 && c < m_certificates.size();
}

signing::TokenInfo TokenChooser::token() const
{
    const int t = m_tokenCombo->currentIndex();
    return t >= 0 && t < m_tokens.size() ? m_tokens.at(t) : signing::TokenInfo {};
}

signing::CertificateInfo TokenChooser::certificate() const
{
    const int c = m_certificateCombo->currentIndex();
    return c >= 0 && c < m_certificates.size() ? m_certificates.at(c) : signing::CertificateInfo {};
}

QString TokenChooser::statusText() const
{
    return m_status->text();
}

// ReopenDialog

ReopenDialog::ReopenDialog(std::shared_ptr<RecordLifecycle> lifecycle, Id sectionId, const QString& what,
                           QWidget* parent)
    : QDialog(parent)
    , m_lifecycle(std::move(lifecycle))
    , m_sectionId(sectionId)
{
    setWindowTitle(tr("Correct after signing"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("%1\n\nA new draft version is opened with a copy of the signed one. The signed version "
                                "stays valid until the new one is signed; then the new one replaces it at the "
                                "Department.")
                                 .arg(what),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(new QLabel(tr("Reason for the correction:"), this));
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    layout->addWidget(m_reason);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(tr("Open a new version"));
    m_okButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReopenDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReopenDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this,
            [this] { m_okButton->setEnabled(!m_busy && reasonProblem(m_reason->toPlainText()).isEmpty()); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &ReopenDialog::onDone);
}

ReopenDialog::~ReopenDialog()
{
    m_watcher.waitForFinished();
}

QString ReopenDialog::problemText() const
{
    return m_problem->text();
}

void ReopenDialog::accept()
{
    if (m_busy)
        return;
    const QString reason = m_reason->toPlainText().trimmed();
    if (QString problem = reasonProblem(reason); !problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    m_problem->clear();
    m_busy = true;
    m_okButton->setEnabled(false);
    m_progress = makeBusyIndicator(this, tr("Opening a new version…"));
    m_watcher.setFuture(QtConcurrent::run(
        [lifecycle = m_lifecycle, id = m_sectionId, reason] { return lifecycle->reopen(id, reason); }));
}

void ReopenDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void ReopenDialog::onDone()
{
    m_busy = false;
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    auto result = m_watcher.result();
    if (!result) {
        m_okButton->setEnabled(true);
        MessageBox::critical(this, tr("Cannot correct this record"), result.error().message, result.error().detail);
        return;
    }
    m_newSection = *result;
    Q_EMIT reopened(*result);
    QDialog::accept();
}

// RevokeDialog

RevokeDialog::RevokeDialog(std::shared_ptr<RecordLifecycle> lifecycle, lifecycle::SignerSource& source,
                           signing::PinProvider& pins, Id sectionId, const QString& what, QWidget* parent)
    : QDialog(parent)
    , m_lifecycle(std::move(lifecycle))
    , m_source(source)
    , m_pins(pins)
    , m_sectionId(sectionId)
{
    setWindowTitle(tr("Revoke"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("%1\n\nRevoking takes this school year back from the Department (for example a record "
                                "made for the wrong pupil). The principal signs the request with the USB token. This "
                                "cannot be undone.")
                                 .arg(what),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(new QLabel(tr("Reason for revoking:"), this));
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    layout->addWidget(m_reason);
    m_chooser = new TokenChooser(source, this);
    layout->addWidget(m_chooser);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = buttons->button(QDialogButtonBox::Ok);
    m_okButton->setText(tr("Sign and revoke"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RevokeDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RevokeDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &RevokeDialog::updateButton);
    connect(m_chooser, &TokenChooser::choiceChanged, this, &RevokeDialog::updateButton);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &RevokeDialog::onDone);
    updateButton();
}

RevokeDialog::~RevokeDialog()
{
    m_watcher.waitForFinished();
}

QString RevokeDialog::problemText() const
{
    return m_problem->text();
}

void RevokeDialog::updateButton()
{
    m_okButton->setEnabled(!m_busy && m_chooser->hasChoice() && reasonProblem(m_reason->toPlainText()).isEmpty());
}

void RevokeDialog::accept()
{
    if (m_busy)
        return;
    const QString reason = m_reason->toPlainText().trimmed();
    if (QString problem = reasonProblem(reason); !problem.isEmpty()) {
        m_problem->setText(problem);
        return;
    }
    if (!m_chooser->hasChoice()) {
        m_problem->setText(tr("Choose the principal's token and certificate."));
        return;
    }
    m_problem->clear();
    m_busy = true;
    updateButton();
    m_progress = makeBusyIndicator(this, tr("Waiting for the PIN, then signing the revoke request…"));
    m_watcher.setFuture(
        QtConcurrent::run([lifecycle = m_lifecycle, &source = m_source, &pins = m_pins, token = m_chooser->token(),
                           certificate = m_chooser->certificate(), id = m_sectionId, reason]() -> Status {
            Status inner;
            Status outer = source.withSigner(token, certificate, pins, [&](signing::Signer& signer) -> Status {
                auto signedXml = lifecycle->revoke(id, reason, signer);
                if (!signedXml)
                    inner = std::unexpected(signedXml.error());
                return {};
            });
            if (!outer)
                return outer;
            return inner;
        }));
}

void RevokeDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void RevokeDialog::onDone()
{
    m_busy = false;
    if (m_progress) {
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    Status result = m_watcher.result();
    updateButton();
    if (!result) {
        if (result.error().code != ErrorCode::PinCancelled)
            MessageBox::critical(this, tr("Cannot revoke this record"), result.error().message, result.error().detail);
        return;
    }
    m_revoked = true;
    Q_EMIT revokedSection(m_sectionId);
    QDialog::accept();
}

// RecordVersionsDialog

RecordVersionsDialog::RecordVersionsDialog(std::shared_ptr<RecordLifecycle> lifecycle, lifecycle::SignerSource& source,
                                           signing::PinProvider& pins, Id sectionId, QString lookupCode,
                                           const QString& what, QWidget* parent)
    : QDialog(parent)
    , m_lifecycle(std::move(lifecycle))
    , m_source(source)
    , m_pins(pins)
    , m_sectionId(sectionId)
    , m_lookupCode(std::move(lookupCode))
    , m_what(what)
{
    setWindowTitle(tr("Versions of this school year"));
    resizeWithinScreen(this, QSize(820, 360));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(what, this);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("versionTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setHeaderLabels({tr("Version"), tr("State"), tr("Opened on"), tr("Signed on"), tr("Submitted on"),
                             tr("Locked on"), tr("Revoked on"), tr("Reason")});
    layout->addWidget(m_tree);
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("explanationLabel"));
    m_explanation->setWordWrap(true);
    layout->addWidget(m_explanation);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_reopenButton = buttons->addButton(tr("Correct after signing…"), QDialogButtonBox::ActionRole);
    m_reopenButton->setObjectName(QStringLiteral("reopenButton"));
    m_revokeButton = buttons->addButton(tr("Revoke…"), QDialogButtonBox::ActionRole);
    m_revokeButton->setObjectName(QStringLiteral("revokeButton"));
    m_reopenButton->setEnabled(false);
    m_revokeButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reopenButton, &QPushButton::clicked, this, &RecordVersionsDialog::openReopen);
    connect(m_revokeButton, &QPushButton::clicked, this, &RecordVersionsDialog::openRevoke);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &RecordVersionsDialog::onLoaded);
    reload();
}

RecordVersionsDialog::~RecordVersionsDialog()
{
    m_watcher.waitForFinished();
}

void RecordVersionsDialog::reload()
{
    if (m_watcher.isRunning())
        return;
    m_loaded = false;
    m_reopenButton->setEnabled(false);
    m_revokeButton->setEnabled(false);
    m_watcher.setFuture(QtConcurrent::run([lifecycle = m_lifecycle, id = m_sectionId, code = m_lookupCode] {
        return Loaded {lifecycle->versions(id), lifecycle->transferredAway(code)};
    }));
}

QString RecordVersionsDialog::explanationText() const
{
    return m_explanation->text();
}

void RecordVersionsDialog::onLoaded()
{
    Loaded result = m_watcher.result();
    m_tree->clear();
    m_chain.clear();
    m_away.reset();
    if (!result.chain || !result.away) {
        const Error& e = !result.chain ? result.chain.error() : result.away.error();
        m_explanation->setText(e.message);
        m_loaded = true;
        MessageBox::critical(this, tr("Cannot read the versions"), e.message, e.detail);
        Q_EMIT loaded();
        return;
    }
    m_chain = *result.chain;
    m_away = *result.away;
    for (const lifecycle::SectionVersion& v : m_chain) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(0, QString::number(v.version));
        item->setText(1, versionStateText(v.state));
        item->setText(2, chainDate(v.openedAt));
        item->setText(3, chainDate(v.signedAt));
        item->setText(4, chainDate(v.submittedAt));
        item->setText(5, chainDate(v.lockedAt));
        item->setText(6, chainDate(v.revokedAt));
        item->setText(7, v.revokeReason.isEmpty() ? v.reopenReason : v.revokeReason);
    }
    m_tree->header()->resizeSections(QHeaderView::ResizeToContents);
    const QString noReopen = reopenRefusal(m_chain, m_away);
    const QString noRevoke = revokeRefusal(m_chain, m_away);
    m_reopenButton->setEnabled(noReopen.isEmpty());
    m_revokeButton->setEnabled(noRevoke.isEmpty());
    m_reopenButton->setToolTip(noReopen);
    m_revokeButton->setToolTip(noRevoke);
    QString explanation = frozenReason(m_chain, m_away);
    if (explanation.isEmpty())
        explanation = !noReopen.isEmpty() ? noReopen : noRevoke;
    m_explanation->setText(explanation);
    m_loaded = true;
    Q_EMIT loaded();
}

void RecordVersionsDialog::openReopen()
{
    if (m_chain.isEmpty() || !reopenRefusal(m_chain, m_away).isEmpty())
        return;
    auto* dialog = new ReopenDialog(m_lifecycle, m_chain.last().sectionId, m_what, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReopenDialog::reopened, this, [this] {
        reload();
        Q_EMIT changed();
    });
    dialog->open();
}

void RecordVersionsDialog::openRevoke()
{
    if (m_chain.isEmpty() || !revokeRefusal(m_chain, m_away).isEmpty())
        return;
    auto* dialog = new RevokeDialog(m_lifecycle, m_source, m_pins, m_chain.last().sectionId, m_what, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RevokeDialog::revokedSection, this, [this] {
        reload();
        Q_EMIT changed();
    });
    dialog->open();
}

} // namespace hocba::ui

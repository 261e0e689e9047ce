// SPDX-License-Identifier: GPL-3.0-or-later
#include "TsaSettingsDialog.h"

#include "MessageBox.h"
#include "ScreenFit.h"
#include "lifecycle/HttpTimestamper.h"
#include "lifecycle/TsaSettings.h"
#include "util/Text.h"
#include "verify/TrustStore.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

using text::shownDate;

namespace {

/** What the user reads about a certificate: whom it names, who issued it, and its validity dates. */
QString describeCertificate(const signing::CertificateInfo& c)
{
    return TsaSettingsDialog::tr("%1 (issued by %2), valid from %3 to %4")
        .arg(c.holder.isEmpty() ? c.subject : c.holder, c.issuer, shownDate(c.notBefore), shownDate(c.notAfter));
}

/** An http:// or https:// address with a host (setTsa checks the same before it stores one). */
bool isServerAddress(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty()
        && (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

} // namespace

TsaSettingsDialog::TsaSettingsDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_mayChange(m_actor.has(lifecycle::Right::ManageSchool))
{
    setWindowTitle(tr("Time-stamping server"));
    setObjectName(QStringLiteral("tsaSettingsDialog"));

    auto* intro = new QLabel(tr("A time-stamping server adds a trusted time to every signature. Without one, a "
                                "signature carries only the time the signing computer claims."),
                             this);
    intro->setWordWrap(true);

    auto* currentBox = new QGroupBox(tr("Current setting"), this);
    m_current = new QLabel(currentBox);
    m_current->setObjectName(QStringLiteral("currentLabel"));
    m_current->setWordWrap(true);
    m_current->setTextFormat(Qt::PlainText);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    (new QVBoxLayout(currentBox))->addWidget(m_current);

    auto* readOnly = new QLabel(tr("You can read this setting but not change it: changing it needs the right to %1, "
                                   "which your account does not have. Ask the school's administrator.")
                                    .arg(lifecycle::displayName(lifecycle::Right::ManageSchool)),
                                this);
    readOnly->setObjectName(QStringLiteral("readOnlyLabel"));
    readOnly->setWordWrap(true);
    readOnly->setVisible(!m_mayChange);

    auto* changeBox = new QGroupBox(tr("The server the certification service provider gives the school"), this);
    m_url = new QLineEdit(changeBox);
    m_url->setObjectName(QStringLiteral("urlLineEdit"));
    m_url->setPlaceholderText(QStringLiteral("http://tsa.ca.example.vn"));
    m_rootFile = new QLineEdit(changeBox);
    m_rootFile->setObjectName(QStringLiteral("rootLineEdit"));
    m_rootFile->setReadOnly(true); // what the chosen certificate says; its file in the tooltip
    m_rootFile->setPlaceholderText(tr("No root certificate chosen"));
    m_chooseRoot = new QPushButton(tr("Choose…"), changeBox);
    m_chooseRoot->setObjectName(QStringLiteral("chooseRootPushButton"));
    connect(m_chooseRoot, &QPushButton::clicked, this, [this] {
        const QString path
            = FileDialog::getOpenFileName(this, tr("Choose the time-stamping server's root certificate"), QString(),
                                          tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        if (!path.isEmpty())
            chooseRootFile(path);
    });
    auto* rootRow = new QHBoxLayout;
    rootRow->addWidget(m_rootFile, 1);
    rootRow->addWidget(m_chooseRoot);
    auto* form = new QFormLayout;
    form->addRow(tr("Server address:"), m_url);
    form->addRow(tr("Root certificate:"), rootRow);
    m_allowWithout = new QCheckBox(tr("Sign without a time-stamp when the server does not answer"), changeBox);
    m_allowWithout->setObjectName(QStringLiteral("allowWithoutCheckBox"));
    auto* allowNote = new QLabel(tr("When ticked, a signing batch goes on while the server is unreachable, but the "
                                    "records signed then carry only the time the computer claims (level B), as "
                                    "without a server. When not ticked, the batch stops and can be resumed once the "
                                    "server answers again."),
                                 changeBox);
    allowNote->setWordWrap(true);

    m_test = new QPushButton(tr("Test the server"), changeBox);
    m_test->setObjectName(QStringLiteral("testPushButton"));
    m_test->setToolTip(tr("Asks the server at the address above for one time-stamp and checks it against the root "
                          "certificate. Nothing is signed or stored."));
    connect(m_test, &QPushButton::clicked, this, [this] { startTest(); });
    m_busy = new QProgressBar(changeBox);
    m_busy->setObjectName(QStringLiteral("testProgressBar"));
    m_busy->setRange(0, 0); // busy: no percentage to show
    m_busy->setTextVisible(false);
    m_busy->setVisible(false);
    m_cancelTest = new QPushButton(tr("Cancel"), changeBox);
    m_cancelTest->setObjectName(QStringLiteral("cancelTestPushButton"));
    m_cancelTest->setVisible(false);
    connect(m_cancelTest, &QPushButton::clicked, this, &TsaSettingsDialog::cancelTest);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_busy, 1);
    testRow->addWidget(m_cancelTest);
    testRow->addStretch();
    m_testResult = new QLabel(changeBox);
    m_testResult->setObjectName(QStringLiteral("testResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setVisible(false); // until a test is run

    auto* changeLayout = new QVBoxLayout(changeBox);
    changeLayout->addLayout(form);
    changeLayout->addWidget(m_allowWithout);
    changeLayout->addWidget(allowNote);
    changeLayout->addLayout(testRow);
    changeLayout->addWidget(m_testResult);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("savePushButton"));
    m_save->setDefault(true); // Enter in the address field saves (not "Choose…" nor a test)
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    m_remove = buttons->addButton(tr("Remove the server"), QDialogButtonBox::ActionRole);
    m_remove->setObjectName(QStringLiteral("removePushButton"));
    connect(m_remove, &QPushButton::clicked, this, [this] { remove(); });
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_url->setEnabled(m_mayChange);
    m_rootFile->setEnabled(m_mayChange);
    m_chooseRoot->setEnabled(m_mayChange);
    m_allowWithout->setEnabled(m_mayChange);

    m_watcher = new QFutureWatcher<TestOutcome>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &TsaSettingsDialog::onTestDone);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(currentBox);
    layout->addWidget(readOnly);
    layout->addWidget(changeBox);
    layout->addWidget(buttons);
    reload();
    // As tall as the wrapped texts need at that width (the minimum size assumes narrower lines).
    resizeWithinScreen(this, QSize(680, layout->totalHeightForWidth(680)));
}

void TsaSettingsDialog::fitHeight()
{
    // A test's result or a longer current setting needs more height at this width: grow, within the screen.
    // Once the labels' new sizes have reached the layouts (their layout requests are posted events).
    QTimer::singleShot(0, this, [this] {
        layout()->invalidate();
        const int needed = layout()->totalHeightForWidth(width());
        if (needed > height())
            resizeWithinScreen(this, QSize(width(), needed));
    });
}

TsaSettingsDialog::~TsaSettingsDialog() = default;

QString TsaSettingsDialog::currentText() const
{
    return m_current->text();
}

QString TsaSettingsDialog::testResultText() const
{
    return m_testResult->text();
}

bool TsaSettingsDialog::isTesting() const
{
    return m_testing;
}

void TsaSettingsDialog::reload()
{
    m_storedRoot.clear();
    m_chosenRoot.clear();
    m_rootFile->clear();
    m_rootFile->setToolTip(QString());
    auto current = lifecycle::tsaSettings(m_db);
    if (!current) {
        m_current->setText(current.error().message);
        MessageBox::critical(this, windowTitle(), current.error().message, current.error().detail);
    } else if (!*current) {
        m_current->setText(tr("No time-stamping server: signatures carry only the time the computer claims (level "
                              "B)."));
        m_url->clear();
        m_allowWithout->setChecked(false);
    } else {
        const auto& s = **current;
        m_storedRoot = s.trust.der;
        m_current->setText(
            tr("Time-stamping server: %1 (signatures get its trusted time-stamp: level B-T)").arg(s.url)
            + QLatin1Char('\n') + tr("Root certificate: %1").arg(describeCertificate(s.trust)) + QLatin1Char('\n')
            + (s.allowWithout ? tr("When it does not answer: sign without a time-stamp (level B).")
                              : tr("When it does not answer: the signing stops, and can be resumed later.")));
        m_url->setText(s.url);
        m_allowWithout->setChecked(s.allowWithout);
    }
    m_remove->setEnabled(m_mayChange && !m_storedRoot.isEmpty());
    m_save->setEnabled(m_mayChange);
    showRoot();
    fitHeight();
}

void TsaSettingsDialog::showRoot()
{
    const QByteArray& root = m_chosenRoot.isEmpty() ? m_storedRoot : m_chosenRoot;
    if (root.isEmpty()) {
        m_rootFile->clear();
        return;
    }
    auto info = signing::CertificateInfo::fromPemOrDer(root);
    m_rootFile->setText(info ? describeCertificate(*info) : info.error().message);
    m_rootFile->setCursorPosition(0);
    if (m_chosenRoot.isEmpty())
        m_rootFile->setToolTip(tr("The root certificate kept in the school file."));
}

bool TsaSettingsDialog::chooseRootFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        MessageBox::critical(this, windowTitle(), tr("Cannot read the file %1.").arg(path), f.errorString());
        return false;
    }
    const QByteArray bytes = f.read(1024 * 1024); // a root certificate is a few KB; a larger file is not one
    // The same check setTsa makes: a CA certificate, whose time-stamps can then be trusted.
    auto anchor = signing::TrustStore::anchorFor(bytes, signing::TrustAnchor::Source::School);
    if (!anchor) {
        MessageBox::critical(
            this, windowTitle(),
            tr("The file %1 is not the root certificate of a time-stamping server.").arg(QFileInfo(path).fileName())
                + QLatin1Char(' ') + anchor.error().message,
            anchor.error().detail);
        return false;
    }
    m_chosenRoot = bytes;
    m_rootFile->setToolTip(QDir::toNativeSeparators(path));
    showRoot();
    return true;
}

bool TsaSettingsDialog::save()
{
    const QByteArray root = m_chosenRoot.isEmpty() ? m_storedRoot : m_chosenRoot;
    if (root.isEmpty()) {
        MessageBox::warning(this, windowTitle(),
                            tr("Choose the root certificate of the time-stamping server first (Choose…)."));
        return false;
    }
    auto set = lifecycle::setTsa(m_db, m_actor, m_url->text(), root, m_allowWithout->isChecked());
    if (!set) {
        MessageBox::critical(this, windowTitle(), set.error().message, set.error().detail);
        return false;
    }
    reload();
    return true;
}

bool TsaSettingsDialog::remove()
{
    if (m_storedRoot.isEmpty())
        return false;
    if (MessageBox::question(this, windowTitle(),
                             tr("Remove the time-stamping server? Records signed from now on will carry only the time "
                                "the computer claims (level B). Records already signed keep their time-stamps."),
                             QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return false;
    if (auto cleared = lifecycle::clearTsa(m_db, m_actor); !cleared) {
        MessageBox::critical(this, windowTitle(), cleared.error().message, cleared.error().detail);
        return false;
    }
    reload();
    return true;
}

bool TsaSettingsDialog::startTest()
{
    if (isTesting())
        return false;
    const QString address = m_url->text().trimmed();
    if (!isServerAddress(address)) {
        MessageBox::warning(this, windowTitle(),
                            tr("Write the server's whole address first, starting with https:// (or http://), as the "
                               "certification service provider gives it."));
        return false;
    }
    const QByteArray chosen = m_chosenRoot.isEmpty() ? m_storedRoot : m_chosenRoot;
    auto root = signing::CertificateInfo::fromPemOrDer(chosen);
    if (chosen.isEmpty() || !root) {
        MessageBox::warning(this, windowTitle(),
                            tr("Choose the root certificate of the time-stamping server first (Choose…)."));
        return false;
    }
    const quint64 run = ++m_testRun;
    lifecycle::HttpTimestamper::Options options;
    options.url = QUrl(address);
    options.timeoutMs = m_testTimeoutMs;
    options.attempts = 1; // the user is waiting and can press the button again
    const QByteArray rootDer = root->der;
    setTesting(true);
    m_testResult->setVisible(true);
    m_testResult->setToolTip(QString());
    m_testResult->setText(tr("Asking %1 for a time-stamp…").arg(address));
    fitHeight();
    // Off the window's thread: the request may wait for the whole timeout. Only values are captured, so the dialog
    // may close (or the test be cancelled) while it runs.
    m_watcher->setFuture(QtConcurrent::run([run, options, rootDer]() -> TestOutcome {
        QByteArray probe = QByteArrayLiteral("hocba: test of the time-stamping server ");
        probe += QByteArray::number(QRandomGenerator::global()->generate64());
        const QByteArray digest = QCryptographicHash::hash(probe, QCryptographicHash::Sha256);
        lifecycle::HttpTimestamper tsa(options);
        auto token = tsa.timestamp(digest);
        if (!token)
            return {run, std::unexpected(token.error())};
        auto info = signing::verifyTimestampToken(*token, digest, {rootDer});
        if (!info) {
            Error e = info.error();
            e.detail = e.message + (e.detail.isEmpty() ? QString() : QStringLiteral(" (") + e.detail + u')');
            e.message = TsaSettingsDialog::tr("The server answered, but its time-stamp cannot be trusted with the "
                                              "root certificate chosen here. Check that the root certificate is the "
                                              "one the certification service provider gives for this server.");
            return {run, std::unexpected(e)};
        }
        return {run, std::move(*info)};
    }));
    return true;
}

void TsaSettingsDialog::cancelTest()
{
    if (!isTesting())
        return;
    ++m_testRun; // the answer of the run under way, if it comes, is ignored
    setTesting(false);
    m_testResult->setText(tr("Test cancelled."));
    Q_EMIT testFinished(false);
}

void TsaSettingsDialog::setTesting(bool on)
{
    m_testing = on;
    m_test->setEnabled(!on);
    m_busy->setVisible(on);
    m_cancelTest->setVisible(on);
}

void TsaSettingsDialog::onTestDone()
{
    if (!m_watcher->future().isValid() || m_watcher->future().resultCount() == 0)
        return;
    const TestOutcome outcome = m_watcher->result();
    if (outcome.run != m_testRun)
        return; // cancelled
    setTesting(false);
    if (!outcome.info) {
        const Error& e = outcome.info.error();
        m_testResult->setText(tr("The test failed: %1").arg(e.message));
        // The technical detail (for the school's IT contact) in the tooltip, so the dialog stays on small screens.
        m_testResult->setToolTip(e.detail.isEmpty() ? QString() : tr("Details: %1").arg(e.detail));
        fitHeight();
        Q_EMIT testFinished(false);
        return;
    }
    const auto& info = *outcome.info;
    const QString tsaName
        = info.tsaCertificate.commonName.isEmpty() ? info.tsaCertificate.subject : info.tsaCertificate.commonName;
    m_testResult->setText(
        tr("The server works. Its time: %1 (this computer's clock: %2). Its time-stamps are signed "
           "by \"%3\", which the chosen root certificate vouches for.")
            .arg(text::shownDateTime(info.genTime), text::shownDateTime(QDateTime::currentDateTimeUtc()), tsaName));
    fitHeight();
    Q_EMIT testFinished(true);
}

} // namespace hocba::ui

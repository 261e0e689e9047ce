// SPDX-License-Identifier: GPL-3.0-or-later
#include "VerifyWidget.h"

#include "MessageBox.h"
#include "QrImageReader.h"
#include "ScreenFit.h"
#include "util/Text.h"
#include "verify/Appearance.h"
#include "verify/SignatureReport.h"

#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

namespace {

QString timeText(const QDateTime& utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString signerText(const signing::SignatureCheck& s)
{
    const QString name = s.signerName.isEmpty() ? s.certificate.commonName : s.signerName;
    return s.role ? QStringLiteral("%1 (%2)").arg(name, signing::roleLabel(*s.role)) : name;
}

/** Every signature that matters for the verdict: the file's own, and for a PDF those of the packet inside it. */
QList<signing::SignatureCheck> allSignatures(const signing::DocumentVerification& v)
{
    QList<signing::SignatureCheck> all = v.report.signatures;
    if (v.embedded)
        all += v.embedded->signatures;
    return all;
}

} // namespace

FileVerdict verdictFor(const QString& path, const Result<signing::DocumentVerification>& verification)
{
    FileVerdict out;
    out.path = path;
    if (!verification) {
        out.kind = FileVerdict::Kind::Unreadable;
        out.verdict = VerifyWidget::tr("Cannot be checked: %1").arg(verification.error().message);
        return out;
    }
    out.verification = *verification;
    const auto& v = *verification;
    const QList<signing::SignatureCheck> all = allSignatures(v);
    if (v.ok()) {
        // The signature of the file itself names who signed it and when; the packet's carry the same people.
        QStringList who;
        QDateTime last;
        for (const auto& s : v.report.signatures) {
            who << signerText(s);
            if (!last.isValid() || s.signingTime > last)
                last = s.signingTime;
        }
        who.removeDuplicates();
        out.kind = FileVerdict::Kind::Valid;
        out.verdict
            = VerifyWidget::tr("Valid – signed by %1 on %2").arg(who.join(QStringLiteral(", ")), timeText(last));
        return out;
    }
    if (v.report.signatures.isEmpty()) {
        out.kind = FileVerdict::Kind::Invalid;
        out.verdict = VerifyWidget::tr("NOT valid: the file has no signature");
        return out;
    }
    bool changed = !v.problems.isEmpty() && v.embedded && v.packetDigest != v.renderedDigest;
    bool untrusted = false;
    bool outOfValidity = false;
    bool revoked = false;
    for (const auto& s : all) {
        revoked = revoked || s.revoked;
        changed = changed || !s.integrityOk || s.changedAfterSigning;
        untrusted = untrusted || !s.certificateTrusted;
        outOfValidity = outOfValidity || !s.validAtSigningTime;
    }
    bool archiveBad = false;
    for (const auto& a : v.report.archiveTimestamps)
        archiveBad = archiveBad || !a.ok;
    if (changed) {
        out.kind = FileVerdict::Kind::Tampered;
        out.verdict = VerifyWidget::tr("NOT valid: the document was changed after it was signed");
    } else if (archiveBad && !untrusted) {
        out.kind = FileVerdict::Kind::Invalid;
        out.verdict = VerifyWidget::tr("NOT valid: its archive time-stamp is not valid");
    } else if (untrusted) {
        out.kind = FileVerdict::Kind::Untrusted;
        out.verdict = VerifyWidget::tr("The signature is intact, but the signer's certificate is not trusted");
    } else if (revoked) {
        out.kind = FileVerdict::Kind::Invalid;
        out.verdict = VerifyWidget::tr("NOT valid: the signer's certificate had been revoked when the document was "
                                       "signed");
    } else if (outOfValidity) {
        out.kind = FileVerdict::Kind::Invalid;
        out.verdict = VerifyWidget::tr("NOT valid: the certificate was not valid when the document was signed");
    } else {
        out.kind = FileVerdict::Kind::Invalid;
        out.verdict = VerifyWidget::tr("NOT valid: %1")
                          .arg(v.problems.isEmpty() ? VerifyWidget::tr("the signed record is not complete")
                                                    : v.problems.first());
    }
    return out;
}

VerifyWidget::VerifyWidget(QList<QByteArray> trustAnchorsDer, QWidget* parent)
    : QDialog(parent)
    , m_anchors(std::move(trustAnchorsDer))
{
    setObjectName(QStringLiteral("verifyWidget"));
    setWindowTitle(tr("Check school records"));
    setAcceptDrops(true);
    resizeWithinScreen(this, QSize(760, 760));

    m_hintLabel = new QLabel(tr("Open or drop here the signed records (PDF or XML files) you want to check."), this);
    m_hintLabel->setObjectName(QStringLiteral("hintLabel"));
    m_hintLabel->setWordWrap(true);
    m_openButton = new QPushButton(tr("Open files…"), this);
    m_openButton->setObjectName(QStringLiteral("openPushButton"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_hintLabel, 1);
    top->addWidget(m_openButton);

    m_resultsTree = new QTreeWidget(this);
    m_resultsTree->setObjectName(QStringLiteral("resultsTreeWidget"));
    m_resultsTree->setHeaderLabels({tr("File"), tr("Result")});
    m_resultsTree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_resultsTree->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_resultsTree, 1);
    layout->addWidget(createLookupBox(), 2); // an answer has many rows; the file list needs few
    layout->addWidget(buttons);

    connect(m_openButton, &QPushButton::clicked, this, &VerifyWidget::openFiles);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &VerifyWidget::onVerified);
    connect(&m_lookupWatcher, &QFutureWatcherBase::finished, this, &VerifyWidget::onLookedUp);
}

VerifyWidget::~VerifyWidget()
{
    m_watcher.waitForFinished();
    m_lookupWatcher.waitForFinished();
}

void VerifyWidget::openFiles()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Check school records"), QString(),
                                                     tr("Signed records (*.pdf *.xml);;All files (*)"));
    if (!path.isEmpty())
        verifyFiles({path});
}

void VerifyWidget::verifyFiles(const QStringList& paths)
{
    if (m_watcher.isRunning()) {
        m_queue += paths;
        return;
    }
    m_hintLabel->setText(tr("Checking %n file(s)…", nullptr, int(paths.size())));
    m_watcher.setFuture(QtConcurrent::run([paths, anchors = m_anchors] {
        QList<FileVerdict> out;
        for (const QString& path : paths)
            out << verdictFor(path, signing::verifyDocumentFile(path, anchors));
        return out;
    }));
}

void VerifyWidget::onVerified()
{
    const QList<FileVerdict> verdicts = m_watcher.result();
    for (const FileVerdict& fv : verdicts) {
        m_verdicts << fv;
        auto* item = new QTreeWidgetItem(m_resultsTree, {QFileInfo(fv.path).fileName(), fv.verdict});
        item->setToolTip(0, fv.path);
        const bool good = fv.kind == FileVerdict::Kind::Valid;
        item->setForeground(1, good ? QColor(0x1b, 0x5e, 0x20) : QColor(0xb0, 0x00, 0x20));
        if (!fv.verification)
            continue;
        auto addSignatures = [item](const signing::VerificationReport& report, const QString& where) {
            for (const auto& s : report.signatures) {
                QStringList details;
                details << (s.integrityOk ? tr("content unchanged") : tr("content CHANGED"));
                details << (s.certificateTrusted ? tr("certificate trusted") : tr("certificate NOT trusted"));
                details << tr("certificate issued by %1, valid %2 – %3")
                               .arg(s.certificate.issuer, timeText(s.certificate.notBefore),
                                    timeText(s.certificate.notAfter));
                if (s.integrityOk)
                    details << tr("level %1").arg(signing::levelLabel(s.level));
                if (s.trustedTime)
                    details
                        << tr("trusted time %1 (time-stamp by %2)").arg(timeText(*s.trustedTime), s.timestampAuthority);
                if (s.archiveTime)
                    details << tr("archive time-stamp of %1").arg(timeText(*s.archiveTime));
                for (const QString& p : s.problems)
                    details << p;
                auto* child = new QTreeWidgetItem(
                    item, {where, tr("%1, signed on %2").arg(signerText(s), timeText(s.signingTime))});
                new QTreeWidgetItem(child, {QString(), details.join(QStringLiteral("; "))});
            }
        };
        addSignatures(fv.verification->report,
                      fv.verification->kind == signing::DocumentVerification::Kind::Pdf ? tr("PDF signature")
                                                                                        : tr("Signature"));
        if (fv.verification->embedded)
            addSignatures(*fv.verification->embedded, tr("Record data inside the PDF"));
        for (const auto& a : fv.verification->report.archiveTimestamps)
            new QTreeWidgetItem(
                item,
                {tr("Archive time-stamp"),
                 a.ok ? tr("valid: archive time %1 (time-stamp by %2); a new one is needed before %3")
                            .arg(timeText(a.time), a.authority, timeText(a.authorityCertificate.notAfter))
                      : tr("NOT valid: %1").arg(a.problems.join(QStringLiteral("; ")))});
        if (const auto& a = fv.verification->appearance)
            new QTreeWidgetItem(item,
                                {tr("Visible signature"),
                                 tr("%1, %2, signed %3 (Vietnam time), certificate issued by %4")
                                     .arg(a->holderName, a->role, signing::appearanceTime(a->signedAt), a->issuer)});
        for (const QString& n : fv.verification->notes)
            new QTreeWidgetItem(item, {tr("Note"), n});
        for (const QString& p : fv.verification->problems)
            new QTreeWidgetItem(item, {tr("Problem"), p});
    }
    m_resultsTree->expandToDepth(0);
    m_hintLabel->setText(tr("Open or drop here the signed records (PDF or XML files) you want to check."));
    if (!m_queue.isEmpty()) {
        const QStringList next = m_queue;
        m_queue.clear();
        verifyFiles(next);
        return;
    }
    Q_EMIT verified();
}

void VerifyWidget::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void VerifyWidget::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (!paths.isEmpty()) {
        verifyFiles(paths);
        event->acceptProposedAction();
    }
}

namespace {

/** Scores as Vietnamese forms write them: 8,5 (a decimal comma). */
QString scoreText(const QJsonValue& v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 1).replace(QLatin1Char('.'), QLatin1Char(','));
    static const QRegularExpression decimalPoint(QStringLiteral("^\\d+\\.\\d+$"));
    QString text = v.toString();
    if (decimalPoint.match(text).hasMatch())
        text.replace(QLatin1Char('.'), QLatin1Char(','));
    return text;
}

QString stateName(const QString& state)
{
    if (state == QLatin1String("submitted"))
        return VerifyWidget::tr("Received by the Department, not locked yet");
    if (state == QLatin1String("locked"))
        return VerifyWidget::tr("Locked by the Department");
    if (state == QLatin1String("revoked"))
        return VerifyWidget::tr("Revoked: this version is no longer valid");
    return state;
}

void addContentRows(QList<QPair<QString, QString>>& rows, const QJsonObject& c)
{
    auto add = [&rows](const QString& label, const QJsonValue& v) {
        const QString text = v.isDouble() ? QString::number(v.toInt()) : v.toString();
        if (!text.isEmpty())
            rows.append({label, text});
    };
    add(VerifyWidget::tr("Student"), c.value(QStringLiteral("student_name")));
    add(VerifyWidget::tr("Date of birth"), c.value(QStringLiteral("birth_date")));
    add(VerifyWidget::tr("School year"), c.value(QStringLiteral("school_year")));
    add(VerifyWidget::tr("Grade"), c.value(QStringLiteral("grade")));
    add(VerifyWidget::tr("Class"), c.value(QStringLiteral("class")));
    for (const QJsonValue& r : c.value(QStringLiteral("results")).toArray()) {
        const QJsonObject o = r.toObject();
        QString value = o.contains(QStringLiteral("score")) ? scoreText(o.value(QStringLiteral("score")))
                                                            : o.value(QStringLiteral("level")).toString();
        const QString comment = o.value(QStringLiteral("comment")).toString();
        if (!comment.isEmpty())
            value += (value.isEmpty() ? QString() : QStringLiteral(" — ")) + comment;
        rows.append({o.value(QStringLiteral("subject")).toString(), value});
    }
    for (const QString& key : {QStringLiteral("qualities"), QStringLiteral("competencies")})
        for (const QJsonValue& t : c.value(key).toArray())
            add(t.toObject().value(QStringLiteral("name")).toString(), t.toObject().value(QStringLiteral("level")));
    add(VerifyWidget::tr("Conduct"), c.value(QStringLiteral("conduct")));
    add(VerifyWidget::tr("Homeroom teacher's comment"), c.value(QStringLiteral("comment")));
    const QJsonObject outcome = c.value(QStringLiteral("outcome")).toObject();
    add(VerifyWidget::tr("Learning"), outcome.value(QStringLiteral("learning")));
    add(VerifyWidget::tr("Result"), outcome.value(QStringLiteral("result")));
    add(VerifyWidget::tr("Completion"), outcome.value(QStringLiteral("completion")));
    add(VerifyWidget::tr("Promotion"), outcome.value(QStringLiteral("promotion")));
    add(VerifyWidget::tr("Award"), outcome.value(QStringLiteral("award")));
}

} // namespace

QList<QPair<QString, QString>> VerifyWidget::lookupAnswerRows(const lifecycle::LookupAnswer& answer)
{
    QList<QPair<QString, QString>> rows;
    if (answer.checked)
        rows.append({tr("Paper copy"), lifecycle::paperCheckSentence(*answer.checked)});
    rows.append({tr("State"), stateName(answer.state)});
    rows.append({tr("Version"), QString::number(answer.version)});
    rows.append({tr("School"), answer.schoolName});
    if (answer.receivedAt.isValid())
        rows.append({tr("Received on"), text::shownDate(answer.receivedAt)});
    if (answer.lockedAt.isValid())
        rows.append({tr("Locked on"), text::shownDate(answer.lockedAt)});
    rows.append(lifecycle::lookupHistoryRows(answer));
    addContentRows(rows, QJsonDocument::fromJson(answer.contentJson).object());
    return rows;
}

QWidget* VerifyWidget::createLookupBox()
{
    auto* box = new QGroupBox(tr("Look up by code at the Department"), this);
    m_codeEdit = new QLineEdit(box);
    m_codeEdit->setObjectName(QStringLiteral("codeLineEdit"));
    m_codeEdit->setPlaceholderText(tr("The code printed under the QR code, or the link it holds"));
    auto* readQr = new QPushButton(tr("Read a QR code from a picture…"), box);
    readQr->setObjectName(QStringLiteral("readQrPushButton"));
    m_lookupButton = new QPushButton(tr("Look up"), box);
    m_lookupButton->setObjectName(QStringLiteral("lookupPushButton"));
    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(m_codeEdit, 1);
    codeRow->addWidget(readQr);
    codeRow->addWidget(m_lookupButton);
    m_urlLabel = new QLabel(tr("Department's server:"), box);
    m_urlEdit = new QLineEdit(box);
    m_urlEdit->setObjectName(QStringLiteral("lookupUrlLineEdit"));
    m_urlEdit->setPlaceholderText(QStringLiteral("https://hocba.sogd.example.vn"));
    auto* form = new QFormLayout;
    form->addRow(tr("Code:"), codeRow);
    form->addRow(m_urlLabel, m_urlEdit);
    m_lookupTable = new QTableWidget(0, 2, box);
    m_lookupTable->setObjectName(QStringLiteral("lookupTableWidget"));
    m_lookupTable->setHorizontalHeaderLabels({tr("Item"), tr("Content")});
    m_lookupTable->verticalHeader()->hide();
    m_lookupTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_lookupTable->horizontalHeader()->setStretchLastSection(true);
    m_lookupTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lookupTable->setWordWrap(true);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(m_lookupTable, 1);
    connect(readQr, &QPushButton::clicked, this, &VerifyWidget::chooseQrImage);
    connect(m_lookupButton, &QPushButton::clicked, this, &VerifyWidget::lookUp);
    connect(m_codeEdit, &QLineEdit::returnPressed, this, &VerifyWidget::lookUp);
    return box;
}

void VerifyWidget::setLookupUrl(const QString& url)
{
    m_lookupUrl = url;
    // The school's own setting is the address to use; the field is for a computer without one.
    m_urlLabel->setVisible(url.isEmpty());
    m_urlEdit->setVisible(url.isEmpty());
}

void VerifyWidget::setCodeText(const QString& text)
{
    m_codeEdit->setText(text);
}

QString VerifyWidget::codeText() const
{
    return m_codeEdit->text();
}

void VerifyWidget::chooseQrImage()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Read a QR code from a picture"), QString(),
                                                     tr("Pictures (*.png *.jpg *.jpeg);;All files (*)"));
    if (!path.isEmpty())
        readCodeFromImage(path);
}

bool VerifyWidget::readCodeFromImage(const QString& path)
{
    const Result<QString> text = readQrCodeFile(path);
    if (!text) {
        MessageBox::warning(this, tr("Look up by code"), text.error().message);
        return false;
    }
    const lifecycle::LookupLink link = lifecycle::lookupLinkFromText(*text);
    const QString& code = link.code;
    if (code.isEmpty()) {
        MessageBox::warning(this, tr("Look up by code"),
                            tr("The QR code in this picture holds no lookup code of a school record."));
        return false;
    }
    m_codeEdit->setText(code);
    m_scanned = link;
    return true;
}

void VerifyWidget::lookUp()
{
    if (m_lookupWatcher.isRunning())
        return;
    const QString url = m_lookupUrl.isEmpty() ? m_urlEdit->text().trimmed() : m_lookupUrl;
    if (url.isEmpty()) {
        showLookupRows({{tr("Department's server:"), tr("Write the address of the Department's server first.")}});
        Q_EMIT lookedUp();
        return;
    }
    // Whatever was typed or read: a link, a grouped code; lookupCode refuses what is not a code before sending.
    const QString typed = m_codeEdit->text().trimmed();
    lifecycle::LookupLink link = lifecycle::lookupLinkFromText(typed);
    // A pasted QR link names its paper copy; a code read from a QR picture keeps the copy that picture named.
    if (link.paper.digest.isEmpty() && !link.code.isEmpty() && link.code == m_scanned.code)
        link.paper = m_scanned.paper;
    m_lookupButton->setEnabled(false);
    showLookupRows({{tr("State"), tr("Asking the Department…")}});
    m_lookupWatcher.setFuture(QtConcurrent::run([url, code = link.code.isEmpty() ? typed : link.code, link] {
        return lifecycle::lookupCode(url, code, link.paper);
    }));
}

void VerifyWidget::onLookedUp()
{
    m_lookupButton->setEnabled(true);
    const Result<lifecycle::LookupAnswer> answer = m_lookupWatcher.result();
    if (!answer)
        showLookupRows({{tr("Result"), answer.error().message}});
    else
        showLookupRows(lookupAnswerRows(*answer));
    Q_EMIT lookedUp();
}

void VerifyWidget::showLookupRows(const QList<QPair<QString, QString>>& rows)
{
    m_lookupTable->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_lookupTable->setItem(i, 0, new QTableWidgetItem(rows.at(i).first));
        m_lookupTable->setItem(i, 1, new QTableWidgetItem(rows.at(i).second));
    }
    m_lookupTable->resizeRowsToContents();
}

QStringList VerifyWidget::lookupRows() const
{
    QStringList out;
    for (int i = 0; i < m_lookupTable->rowCount(); ++i)
        out << m_lookupTable->item(i, 0)->text() + QStringLiteral(": ") + m_lookupTable->item(i, 1)->text();
    return out;
}

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "VerifyWidget.h"

#include "MessageBox.h"
#include "verify/SignatureReport.h"

#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
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
    for (const auto& s : all) {
        changed = changed || !s.integrityOk || s.changedAfterSigning || !s.coversWholeDocument;
        untrusted = untrusted || !s.certificateTrusted;
        outOfValidity = outOfValidity || !s.validAtSigningTime;
    }
    if (changed) {
        out.kind = FileVerdict::Kind::Tampered;
        out.verdict = VerifyWidget::tr("NOT valid: the document was changed after it was signed");
    } else if (untrusted) {
        out.kind = FileVerdict::Kind::Untrusted;
        out.verdict = VerifyWidget::tr("The signature is intact, but the signer's certificate is not trusted");
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
    resize(760, 480);

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
    layout->addWidget(buttons);

    connect(m_openButton, &QPushButton::clicked, this, &VerifyWidget::openFiles);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &VerifyWidget::onVerified);
}

VerifyWidget::~VerifyWidget()
{
    m_watcher.waitForFinished();
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

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrustAnchorsDialog.h"

#include "MessageBox.h"
#include "ScreenFit.h"
#include "lifecycle/TrustAnchors.h"
#include "util/Text.h"
#include "verify/TrustStore.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hocba::ui {

using text::shownDate;

TrustAnchorsDialog::TrustAnchorsDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
{
    setWindowTitle(tr("Trusted root certificates"));
    setObjectName(QStringLiteral("trustAnchorsDialog"));
    auto* intro = new QLabel(tr("A signature is trusted only when the signer's certificate was issued by one of these "
                                "certification service providers. The list is kept in the school's data file, so "
                                "every computer of the school uses the same one."),
                             this);
    intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("trustAnchorList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Certificate"), tr("Issued by"), tr("Valid from"), tr("Valid until"), tr("Source")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents); // the last column takes what is left

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* add = buttons->addButton(tr("&Add a root certificate…"), QDialogButtonBox::ActionRole);
    add->setObjectName(QStringLiteral("addTrustAnchorButton"));
    connect(add, &QPushButton::clicked, this, &TrustAnchorsDialog::addFromFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(960, 380));
    reload();
}

int TrustAnchorsDialog::anchorCount() const
{
    return m_list->topLevelItemCount();
}

void TrustAnchorsDialog::reload()
{
    m_list->clear();
    QList<signing::TrustAnchor> anchors = signing::TrustStore::builtIn().anchors();
    auto school = lifecycle::TrustAnchors::school(m_db);
    if (!school)
        MessageBox::critical(this, windowTitle(), school.error().message, school.error().detail);
    else
        anchors += *school;
    for (const auto& a : anchors) {
        const auto& c = a.certificate;
        const QString source = a.source == signing::TrustAnchor::Source::BuiltIn
            ? tr("Built into the program")
            : tr("Added by %1 on %2").arg(a.addedBy, shownDate(a.addedAt));
        auto* item = new QTreeWidgetItem(m_list,
                                         {c.holder.isEmpty() ? c.subject : c.holder, c.issuer, shownDate(c.notBefore),
                                          shownDate(c.notAfter), source});
        item->setToolTip(0, tr("%1\nSHA-256: %2").arg(c.subject, c.sha256));
    }
    if (anchors.isEmpty()) {
        auto* item = new QTreeWidgetItem(m_list,
                                         {tr("None yet: add the root certificate of your certification "
                                             "service provider (for example from its website).")});
        item->setFirstColumnSpanned(true);
        item->setFlags(Qt::NoItemFlags);
    }
}

void TrustAnchorsDialog::addFromFile()
{
    const QString path = FileDialog::getOpenFileName(this, tr("Choose a root certificate"), QString(),
                                                     tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        MessageBox::critical(this, windowTitle(), tr("The file cannot be read."), f.errorString());
        return;
    }
    const QByteArray bytes = f.readAll();
    auto info = signing::CertificateInfo::fromPemOrDer(bytes);
    if (!info) {
        MessageBox::critical(this, windowTitle(), info.error().message, info.error().detail);
        return;
    }
    const QString text = tr("Add this root certificate to the school's trusted list?") + QStringLiteral("\n\n")
        + tr("Certificate: %1\nIssued by: %2\nValid: %3 – %4\nSHA-256 fingerprint:\n%5")
              .arg(info->subject, info->issuer, shownDate(info->notBefore), shownDate(info->notAfter), info->sha256)
        + QStringLiteral("\n\n")
        + tr("Compare the fingerprint with the one your certification service provider publishes: a wrong root "
             "certificate would make forged signatures look valid.");
    if (MessageBox::question(this, windowTitle(), text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    auto added = lifecycle::TrustAnchors::add(m_db, m_actor, bytes);
    if (!added) {
        MessageBox::critical(this, windowTitle(), added.error().message, added.error().detail);
        return;
    }
    reload();
}

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignPolicyDialog.h"

#include "MessageBox.h"
#include "lifecycle/PrintSettings.h"
#include "lifecycle/SignPolicy.h"
#include "verify/SignatureReport.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace hocba::ui {

SignPolicyDialog::SignPolicyDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
{
    setWindowTitle(tr("Signing settings"));
    setObjectName(QStringLiteral("signPolicyDialog"));
    auto* intro = new QLabel(tr("A school year of a record counts as signed once every role ticked here has signed "
                                "it. The rule is kept in the school's data file, so every computer of the school "
                                "applies the same one."),
                             this);
    intro->setWordWrap(true);
    auto* principal
        = new QCheckBox(tr("%1 (always required)").arg(signing::roleLabel(signing::SignerRole::Principal)), this);
    principal->setChecked(true);
    principal->setEnabled(false);
    m_homeroom = new QCheckBox(signing::roleLabel(signing::SignerRole::Homeroom), this);
    m_homeroom->setObjectName(QStringLiteral("homeroomRequiredCheckBox"));
    m_seal = new QCheckBox(signing::roleLabel(signing::SignerRole::Seal), this);
    m_seal->setObjectName(QStringLiteral("sealRequiredCheckBox"));
    auto* note = new QLabel(tr("A change applies to records signed from now on; records already signed keep their "
                               "signatures."),
                            this);
    note->setWordWrap(true);

    auto roles = lifecycle::SignPolicy::requiredRoles(m_db);
    if (!roles)
        MessageBox::critical(this, windowTitle(), roles.error().message, roles.error().detail);
    m_homeroomWas = roles && roles->contains(signing::SignerRole::Homeroom);
    m_sealWas = roles && roles->contains(signing::SignerRole::Seal);
    m_homeroom->setChecked(m_homeroomWas);
    m_seal->setChecked(m_sealWas);

    auto* sealBox = new QGroupBox(tr("School seal image"), this);
    auto* sealIntro = new QLabel(tr("Printed beside the principal's digital signature on every signed school year "
                                    "(PNG or JPEG, at most %1 KB; a scan of the round seal on a white or transparent "
                                    "background).")
                                     .arg(lifecycle::kMaxSealFileBytes / 1024),
                                 sealBox);
    sealIntro->setWordWrap(true);
    m_sealPreview = new QLabel(sealBox);
    m_sealPreview->setObjectName(QStringLiteral("sealPreviewLabel"));
    m_sealPreview->setMinimumSize(96, 96);
    m_sealPreview->setAlignment(Qt::AlignCenter);
    auto* chooseSeal = new QPushButton(tr("Choose image…"), sealBox);
    chooseSeal->setObjectName(QStringLiteral("chooseSealPushButton"));
    connect(chooseSeal, &QPushButton::clicked, this, [this] {
        const QString path = FileDialog::getOpenFileName(this, tr("Choose the school seal image"), QString(),
                                                         tr("Images (*.png *.jpg *.jpeg)"));
        if (!path.isEmpty())
            chooseSealFile(path);
    });
    m_removeSeal = new QPushButton(tr("Remove"), sealBox);
    m_removeSeal->setObjectName(QStringLiteral("removeSealPushButton"));
    connect(m_removeSeal, &QPushButton::clicked, this, &SignPolicyDialog::removeSeal);
    auto* sealButtons = new QVBoxLayout;
    sealButtons->addWidget(chooseSeal);
    sealButtons->addWidget(m_removeSeal);
    sealButtons->addStretch();
    auto* sealRow = new QHBoxLayout;
    sealRow->addWidget(m_sealPreview);
    sealRow->addLayout(sealButtons, 1);
    auto* sealLayout = new QVBoxLayout(sealBox);
    sealLayout->addWidget(sealIntro);
    sealLayout->addLayout(sealRow);
    auto print = lifecycle::printSettings(m_db);
    if (!print)
        MessageBox::critical(this, windowTitle(), print.error().message, print.error().detail);
    showSeal(print ? print->sealPng : QByteArray());
    m_instructionsPageWas = !print || print->instructionsPage;
    m_instructionsPage = new QCheckBox(tr("Print the instructions page (Hướng dẫn ghi học bạ)"), this);
    m_instructionsPage->setObjectName(QStringLiteral("instructionsPageCheckBox"));
    m_instructionsPage->setToolTip(tr("The page of instructions for filling in the record, printed after the cover of "
                                      "every book."));
    m_instructionsPage->setChecked(m_instructionsPageWas);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignPolicyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(principal);
    layout->addWidget(m_homeroom);
    layout->addWidget(m_seal);
    layout->addWidget(note);
    layout->addWidget(sealBox);
    layout->addWidget(m_instructionsPage);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void SignPolicyDialog::accept()
{
    QList<lifecycle::SignPolicy::Change> changes;
    if (m_homeroom->isChecked() != m_homeroomWas)
        changes.append({signing::SignerRole::Homeroom, m_homeroom->isChecked()});
    if (m_seal->isChecked() != m_sealWas)
        changes.append({signing::SignerRole::Seal, m_seal->isChecked()});
    if (!changes.isEmpty())
        if (auto status = lifecycle::SignPolicy::set(m_db, m_actor, changes); !status) {
            MessageBox::critical(this, windowTitle(), status.error().message, status.error().detail);
            return;
        }
    if (m_pendingSeal) {
        if (auto status = lifecycle::setSeal(m_db, m_actor, *m_pendingSeal); !status) {
            MessageBox::critical(this, windowTitle(), status.error().message, status.error().detail);
            return;
        }
        m_pendingSeal.reset();
    }
    if (m_instructionsPage->isChecked() != m_instructionsPageWas) {
        if (auto status = lifecycle::setInstructionsPage(m_db, m_actor, m_instructionsPage->isChecked()); !status) {
            MessageBox::critical(this, windowTitle(), status.error().message, status.error().detail);
            return;
        }
        m_instructionsPageWas = m_instructionsPage->isChecked();
    }
    QDialog::accept();
}

void SignPolicyDialog::showSeal(const QByteArray& png)
{
    QPixmap pixmap;
    if (!png.isEmpty() && pixmap.loadFromData(png, "PNG")) {
        m_sealPreview->setPixmap(pixmap.scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        m_removeSeal->setEnabled(true);
    } else {
        m_sealPreview->setPixmap({});
        m_sealPreview->setText(tr("No seal image"));
        m_removeSeal->setEnabled(false);
    }
}

bool SignPolicyDialog::chooseSealFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        MessageBox::critical(this, windowTitle(), tr("Cannot read the file %1.").arg(path), f.errorString());
        return false;
    }
    // Read one byte past the cap so that sealPngFromImage refuses a larger file with its own words.
    auto png = lifecycle::sealPngFromImage(f.read(lifecycle::kMaxSealFileBytes + 1));
    if (!png) {
        MessageBox::critical(this, windowTitle(), png.error().message, png.error().detail);
        return false;
    }
    m_pendingSeal = *png;
    showSeal(*png);
    return true;
}

void SignPolicyDialog::removeSeal()
{
    m_pendingSeal = QByteArray();
    showSeal({});
}

} // namespace hocba::ui

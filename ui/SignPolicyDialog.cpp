// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignPolicyDialog.h"

#include "MessageBox.h"
#include "lifecycle/SignPolicy.h"
#include "verify/SignatureReport.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace hocba::ui {

SignPolicyDialog::SignPolicyDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(std::move(actor))
{
    setWindowTitle(tr("Required signatures"));
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

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignPolicyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(principal);
    layout->addWidget(m_homeroom);
    layout->addWidget(m_seal);
    layout->addWidget(note);
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
    if (auto status = lifecycle::SignPolicy::set(m_db, m_actor, changes); !status) {
        MessageBox::critical(this, windowTitle(), status.error().message, status.error().detail);
        return;
    }
    QDialog::accept();
}

} // namespace hocba::ui

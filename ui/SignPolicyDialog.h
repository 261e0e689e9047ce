// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"

#include <QByteArray>
#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Settings → Signing: which roles must sign each school year before it counts as signed (the school's
 * rule, kept in its data file; `hocba-cli policy` does the same). The principal always signs; the homeroom teacher
 * and the school seal are the school's choice. It also holds the seal image printed beside the principal's visible
 * digital signature (lifecycle::setSeal, kept in the school file; `hocba-cli school seal` does the same), and whether
 * the books carry the instructions page after the cover (lifecycle::setInstructionsPage; `hocba-cli school print`).
 * Applied with an audit entry when OK is pressed.
 */
class SignPolicyDialog : public QDialog
{
    Q_OBJECT

public:
    /** `actor` is who works: core refuses the change when the account lacks the right. */
    SignPolicyDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent = nullptr);

    void accept() override;
    /** As "Choose image…" does with the file chosen: false (after saying why) when the image is refused. */
    bool chooseSealFile(const QString& path);
    /** As "Remove" does. */
    void removeSeal();

private:
    store::Database& m_db;
    lifecycle::Actor m_actor;
    QCheckBox* m_homeroom = nullptr;
    QCheckBox* m_seal = nullptr;
    bool m_homeroomWas = false;
    bool m_sealWas = false;
    QCheckBox* m_instructionsPage = nullptr;
    bool m_instructionsPageWas = true;
    void showSeal(const QByteArray& png);
    QLabel* m_sealPreview = nullptr;
    QPushButton* m_removeSeal = nullptr;
    /** The seal to store on OK: PNG bytes, empty to remove it; nothing when unchanged. */
    std::optional<QByteArray> m_pendingSeal;
};

} // namespace hocba::ui

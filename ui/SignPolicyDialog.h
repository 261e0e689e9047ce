// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"

#include <QDialog>

class QCheckBox;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Settings → Required signatures: which roles must sign each school year before it counts as signed (the school's
 * rule, kept in its data file; `hocba-cli policy` does the same). The principal always signs; the homeroom teacher
 * and the school seal are the school's choice. Applied with an audit entry when OK is pressed.
 */
class SignPolicyDialog : public QDialog
{
    Q_OBJECT

public:
    /** `actor` is who works: core refuses the change when the account lacks the right. */
    SignPolicyDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent = nullptr);

    void accept() override;

private:
    store::Database& m_db;
    lifecycle::Actor m_actor;
    QCheckBox* m_homeroom = nullptr;
    QCheckBox* m_seal = nullptr;
    bool m_homeroomWas = false;
    bool m_sealWas = false;
};

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"

#include <QDialog>

class QTreeWidget;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Settings → Trusted root certificates: the certification service providers whose certificates the school trusts
 * (built into the program, plus those the school added; the same list as `hocba-cli trust list`), and adding one
 * from a file after showing its fingerprint. The school's anchors live in its data file, so every PC shares them.
 */
class TrustAnchorsDialog : public QDialog
{
    Q_OBJECT

public:
    /** `actor` is who works: core refuses the change when the account lacks the right. */
    TrustAnchorsDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent = nullptr);

    /** Asks for a certificate file and adds it, as the add button does. */
    void addFromFile();
    int anchorCount() const;

private:
    void reload();

    store::Database& m_db;
    lifecycle::Actor m_actor;
    QTreeWidget* m_list = nullptr;
};

} // namespace hocba::ui

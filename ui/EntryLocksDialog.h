// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/EntryLocks.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Records → Entry locks (WORKFLOWS.md §7 item 1, docs/entry-locks.md): the locks in force in a school year with
 * their scope in words; the board (Right::LockEntry: principal and administrator) adds a lock — the whole school, a
 * grade or a class, one subject or all, one term or all, one column or all, with a reason — and lifts one with a
 * reason after a confirmation. Everyone else sees the list only. Every decision is lifecycle's (EntryLocks.h).
 */
class EntryLocksDialog : public QDialog
{
    Q_OBJECT
public:
    /** `classes` may hold other years' classes: only `year`'s are offered. */
    EntryLocksDialog(store::Database& db, lifecycle::Actor actor, SchoolYear year, const QList<ClassGroup>& classes,
                     QWidget* parent = nullptr);
    ~EntryLocksDialog() override;

    /** Reads the locks in force again. */
    void refresh();
    const QList<lifecycle::EntryLock>& locks() const { return m_locks; }
    /** What the last action did or why it was refused, in words. */
    QString statusText() const;
    /** Whether the actor may add and lift locks (the pickers are shown). */
    bool mayLock() const { return m_mayLock; }

public Q_SLOTS:
    /** Adds the lock the pickers and the reason describe; false when refused (the reason is in statusText). */
    bool addLock();
    /** Lifts the selected lock with the lifting reason, after a confirmation; false when refused or cancelled. */
    bool liftSelected();

Q_SIGNALS:
    /** A lock was added or lifted. */
    void changed();

private:
    void fillPickers();
    void updateButtons();
    QString classNameOf(const lifecycle::EntryLock& lock) const;

    store::Database& m_db;
    lifecycle::Actor m_actor;
    SchoolYear m_year;
    QList<ClassGroup> m_classes;
    QList<lifecycle::EntryLock> m_locks;
    bool m_mayLock = false;
    QTableWidget* m_table = nullptr;
    QComboBox* m_scope = nullptr;
    QComboBox* m_subject = nullptr;
    QComboBox* m_term = nullptr;
    QComboBox* m_item = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_add = nullptr;
    QLineEdit* m_liftReason = nullptr;
    QPushButton* m_lift = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace hocba::ui

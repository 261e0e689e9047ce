// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/ClassApproval.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

class RecordPreviewWidget;

/**
 * The principal's queue (WORKFLOWS.md §7 item 11): the records the board approved and nobody has signed yet, by
 * class with counts; the record under the cursor previewed; the ticked ones of one class signed as one batch with
 * one PIN through the sign dialog (signRequested, which the main window turns into SignDialog with those sections).
 */
class SigningQueueDialog : public QDialog
{
    Q_OBJECT
public:
    SigningQueueDialog(store::Database& db, lifecycle::Actor actor, SchoolYear year, QWidget* parent = nullptr);
    ~SigningQueueDialog() override;

    SchoolYear year() const { return m_year; }
    /** Reads the queue again (after a batch). */
    void refresh();
    const QList<lifecycle::QueueClass>& queue() const { return m_queue; }
    QTreeWidget* tree() const { return m_tree; }
    RecordPreviewWidget* preview() const { return m_preview; }
    /** The ticked sections, grouped by class name. */
    QMap<QString, QList<Id>> checkedSections() const;
    QString summaryText() const;

public Q_SLOTS:
    /** Signs the ticked records of the first class that has any (one batch, one PIN); the rest stay ticked. */
    void signChecked();

Q_SIGNALS:
    void signRequested(const QString& className, const QList<Id>& sections);

private:
    void onCurrentChanged(QTreeWidgetItem* current);
    void updateSignButton();

    store::Database& m_db;
    lifecycle::Actor m_actor;
    SchoolYear m_year;
    QList<lifecycle::QueueClass> m_queue;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_tree = nullptr;
    RecordPreviewWidget* m_preview = nullptr;
    QPushButton* m_signButton = nullptr;
    Id m_previewRecord = 0;
};

} // namespace hocba::ui

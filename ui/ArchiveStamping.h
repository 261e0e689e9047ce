// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "lifecycle/ArchiveTimestamps.h"
#include "util/CancellationToken.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>

#include <memory>

class QProgressDialog;
class QWidget;

namespace hocba::ui {

/**
 * Archive time-stamps from the desktop (docs/signing.md §8): the reminder (lifecycle::archiveReminder, checked on a
 * worker thread after a school file opens) and "Extend archive time-stamps…" (lifecycle::extendArchiveTimestamps on a
 * worker thread with its own connection, a progress dialog that stops after the current record, a report). One run
 * at a time; the destructor stops the run and waits for it.
 */
class ArchiveStamping : public QObject
{
    Q_OBJECT
public:
    ArchiveStamping(QString schoolPath, lifecycle::Actor actor, QWidget* window);
    ~ArchiveStamping() override;

    /** Counts the records due within kArchiveReminderDays; emits reminder() when done. */
    void checkReminder();
    /** Extends the records due within kArchiveExtendDays, with progress and a report. */
    void extend();

    /** The account that runs the next extension (after a switch of user). */
    void setActor(lifecycle::Actor actor) { m_actor = std::move(actor); }
    bool isBusy() const { return m_busy; }
    int due() const { return m_due; }
    QString lastReportText() const { return m_lastText; }

Q_SIGNALS:
    /** How many records are due within the reminder window and the earliest expiry (invalid when none). */
    void reminder(int due, const QDateTime& earliestExpiry);
    /** A one-line outcome for the status bar. */
    void statusMessage(const QString& text);

private:
    void onChecked();
    void onExtended();

    QString m_path;
    lifecycle::Actor m_actor;
    QWidget* m_window;
    bool m_busy = false;
    int m_due = 0;
    QString m_lastText;
    std::shared_ptr<CancellationToken> m_cancel;
    QProgressDialog* m_progress = nullptr;
    QFutureWatcher<Result<lifecycle::ArchiveReminder>> m_checkWatcher;
    QFutureWatcher<Result<lifecycle::ExtendReport>> m_extendWatcher;
};

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveStamping.h"

#include "MessageBox.h"
#include "lifecycle/SchoolFile.h"
#include "util/Text.h"

#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

ArchiveStamping::ArchiveStamping(QString schoolPath, lifecycle::Actor actor, QWidget* window)
    : QObject(window)
    , m_path(std::move(schoolPath))
    , m_actor(std::move(actor))
    , m_window(window)
{
    connect(&m_checkWatcher, &QFutureWatcherBase::finished, this, &ArchiveStamping::onChecked);
    connect(&m_extendWatcher, &QFutureWatcherBase::finished, this, &ArchiveStamping::onExtended);
}

ArchiveStamping::~ArchiveStamping()
{
    // The worker calls back into this object: it must be over before the object goes.
    if (m_cancel)
        m_cancel->cancel();
    m_checkWatcher.waitForFinished();
    m_extendWatcher.waitForFinished();
}

void ArchiveStamping::checkReminder()
{
    if (m_checkWatcher.isRunning())
        return;
    m_checkWatcher.setFuture(QtConcurrent::run([path = m_path]() -> Result<lifecycle::ArchiveReminder> {
        // A connection belongs to the thread that opened it: the worker opens the file again.
        auto file = lifecycle::SchoolFile::open(path);
        if (!file)
            return std::unexpected(file.error());
        return lifecycle::archiveReminder((*file)->database(), lifecycle::kArchiveReminderDays);
    }));
}

void ArchiveStamping::onChecked()
{
    const auto result = m_checkWatcher.result();
    if (!result)
        return; // a reminder that cannot be computed stays silent: verify and audit report the file's problems
    m_due = result->due;
    if (m_due > 0)
        Q_EMIT statusMessage(tr("%n signed record(s) need a new archive time-stamp before %1: Records → Extend "
                                "archive time-stamps…",
                                nullptr, m_due)
                                 .arg(text::shownDate(result->earliestExpiry)));
    Q_EMIT reminder(m_due, result->earliestExpiry);
}

void ArchiveStamping::extend()
{
    if (m_busy)
        return;
    m_busy = true;
    m_cancel = std::make_shared<CancellationToken>();
    if (!m_progress) {
        m_progress = new QProgressDialog(m_window);
        m_progress->setObjectName(QStringLiteral("archiveProgressDialog"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(0);
        m_progress->setAutoReset(false);
        m_progress->setAutoClose(false);
        m_progress->setCancelButtonText(tr("Stop after this record"));
        connect(m_progress, &QProgressDialog::canceled, this, [this] {
            if (m_cancel)
                m_cancel->cancel();
            m_progress->setLabelText(tr("Stopping after the current record…"));
        });
    }
    m_progress->setWindowTitle(tr("Archive time-stamps"));
    m_progress->setRange(0, 0);
    m_progress->setValue(0);
    m_progress->setLabelText(tr("Checking the signed records…"));
    m_progress->show();
    m_extendWatcher.setFuture(QtConcurrent::run([this, path = m_path, actor = m_actor, cancel = m_cancel] {
        auto file = lifecycle::SchoolFile::open(path);
        if (!file)
            return Result<lifecycle::ExtendReport>(std::unexpected(file.error()));
        lifecycle::ExtendOptions o;
        o.cancel = cancel.get();
        o.progress = [this](int done, int total, const QString&, bool) {
            QMetaObject::invokeMethod(
                this,
                [this, done, total] {
                    if (!m_progress || !m_busy)
                        return;
                    m_progress->setRange(0, total);
                    m_progress->setValue(done);
                    if (!m_cancel->isCancelled())
                        m_progress->setLabelText(tr("Time-stamping record %1 of %2…").arg(done).arg(total));
                },
                Qt::QueuedConnection);
        };
        return lifecycle::extendArchiveTimestamps((*file)->database(), actor, o);
    }));
}

void ArchiveStamping::onExtended()
{
    m_busy = false;
    if (m_progress)
        m_progress->hide();
    const auto result = m_extendWatcher.result();
    if (!result) {
        m_lastText = result.error().message;
        MessageBox::warning(m_window, tr("Archive time-stamps"), m_lastText);
        return;
    }
    QStringList lines {tr("%1 of %2 records received an archive time-stamp.").arg(result->extended).arg(result->due)};
    for (const auto& f : result->failed)
        lines << QStringLiteral("%1… %2 v%3: %4").arg(f.lookupCode.left(8), f.schoolYear).arg(f.version).arg(f.message);
    if (result->stopped && !result->cancelled)
        lines << result->stopped->message << tr("Run it again later to continue.");
    m_lastText = lines.join(QLatin1Char('\n'));
    Q_EMIT statusMessage(lines.first());
    if (result->stopped && !result->cancelled)
        MessageBox::warning(m_window, tr("Archive time-stamps"), m_lastText);
    else
        MessageBox::information(m_window, tr("Archive time-stamps"), m_lastText);
    checkReminder();
}

} // namespace hocba::ui

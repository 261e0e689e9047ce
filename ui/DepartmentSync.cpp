// SPDX-License-Identifier: GPL-3.0-or-later
#include "DepartmentSync.h"

#include "MessageBox.h"
#include "lifecycle/SchoolFile.h"

#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace hocba::ui {

namespace {

/** A code's first characters: enough to find the paper copy, not enough to look the record up. */
QString shortCode(const QString& code)
{
    return code.left(8) + QStringLiteral("…");
}

/** At most this many records are listed by name in a report; the rest are counted. */
constexpr int kListedRecords = 20;

} // namespace

struct DepartmentSync::UploadRun
{
    Result<lifecycle::UploadReport> report = lifecycle::UploadReport {};
    QHash<QString, QString> classOf; ///< lookup code → class name, for the report
};

DepartmentSync::DepartmentSync(QString schoolPath, lifecycle::Actor actor, QWidget* window)
    : QObject(window)
    , m_path(std::move(schoolPath))
    , m_actor(std::move(actor))
    , m_window(window)
{
    connect(&m_uploadWatcher, &QFutureWatcherBase::finished, this, &DepartmentSync::onUploaded);
    connect(&m_receiptsWatcher, &QFutureWatcherBase::finished, this, &DepartmentSync::onReceipts);
}

DepartmentSync::~DepartmentSync()
{
    // The worker calls back into this object: it must be over before the object goes.
    if (m_cancel)
        m_cancel->cancel();
    m_uploadWatcher.waitForFinished();
    m_receiptsWatcher.waitForFinished();
}

void DepartmentSync::setRetries(int attempts, int firstBackoffMs)
{
    m_request.maxAttempts = attempts;
    m_request.firstBackoffMs = firstBackoffMs;
}

void DepartmentSync::upload(const QString& className)
{
    startUpload(className, false);
}

void DepartmentSync::uploadQuietly()
{
    startUpload(QString(), true);
}

void DepartmentSync::showProgress(const QString& title, const QString& label)
{
    if (!m_progress) {
        m_progress = new QProgressDialog(m_window);
        m_progress->setObjectName(QStringLiteral("departmentProgressDialog"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(0);
        m_progress->setAutoReset(false);
        m_progress->setAutoClose(false);
        m_progress->setCancelButtonText(tr("Stop after this record"));
        connect(m_progress, &QProgressDialog::canceled, this, [this] {
            if (m_cancel)
                m_cancel->cancel();
            m_progress->setLabelText(tr("Stopping after the record being sent…"));
        });
    }
    m_progress->setWindowTitle(title);
    m_progress->setRange(0, 0); // busy until the first count arrives
    m_progress->setValue(0);
    m_progress->setLabelText(label);
    m_progress->show();
}

void DepartmentSync::hideProgress()
{
    if (m_progress)
        m_progress->hide();
}

void DepartmentSync::onProgress(int done, int total)
{
    if (!m_busy)
        return;
    if (m_progress && !m_quiet) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        if (!m_cancel->isCancelled())
            m_progress->setLabelText(tr("Sending %1/%2 …").arg(done).arg(total));
    }
    Q_EMIT progressed(done, total);
}

void DepartmentSync::startUpload(const QString& className, bool quiet)
{
    if (m_busy)
        return;
    m_busy = true;
    m_quiet = quiet;
    m_cancel = std::make_shared<CancellationToken>();
    lifecycle::UploadRequest request = m_request;
    request.className = className;
    if (!quiet)
        showProgress(tr("Sending to the Department"), tr("Connecting to the Department's server…"));
    m_uploadWatcher.setFuture(QtConcurrent::run([this, path = m_path, actor = m_actor, request, cancel = m_cancel] {
        auto run = std::make_shared<UploadRun>();
        // A connection belongs to the thread that opened it: the worker opens the file again.
        auto file = lifecycle::SchoolFile::open(path);
        if (!file) {
            run->report = std::unexpected(file.error());
            return run;
        }
        store::Database& db = (*file)->database();
        if (auto entries = lifecycle::outbox(db, request.className))
            for (const lifecycle::OutboxEntry& e : *entries)
                run->classOf.insert(e.lookupCode, e.className);
        run->report = lifecycle::uploadOutbox(db, actor, request, cancel.get(), [this](int done, int total) {
            QMetaObject::invokeMethod(
                this, [this, done, total] { onProgress(done, total); }, Qt::QueuedConnection);
        });
        return run;
    }));
}

void DepartmentSync::onUploaded()
{
    const std::shared_ptr<UploadRun> run = m_uploadWatcher.result();
    m_busy = false;
    hideProgress();
    if (!run->report) {
        const Error& e = run->report.error();
        m_lastText = m_quiet ? tr("Records were not sent to the Department: %1").arg(e.message) : e.message;
        if (m_quiet)
            Q_EMIT statusMessage(m_lastText);
        else
            MessageBox::critical(m_window, tr("Sending to the Department"), e.message, e.detail);
        Q_EMIT finished();
        return;
    }
    m_lastUpload = *run->report;
    const lifecycle::UploadReport& report = *m_lastUpload;
    if (m_quiet) {
        m_lastText = report.failed() > 0 && report.submitted() == 0
            ? tr("Records were not sent to the Department (no connection): they will be sent later.")
            : tr("Sent to the Department: %1 record(s). Refused: %2. Not sent yet: %3.")
                  .arg(report.submitted())
                  .arg(report.refused())
                  .arg(report.failed());
        Q_EMIT statusMessage(m_lastText);
        Q_EMIT finished();
        return;
    }
    m_lastText = uploadReportText(report, run->classOf);
    if (report.refused() > 0 || report.failed() > 0)
        MessageBox::warning(m_window, tr("Sending to the Department"), m_lastText);
    else
        MessageBox::information(m_window, tr("Sending to the Department"), m_lastText);
    Q_EMIT finished();
}

QString DepartmentSync::uploadReportText(const lifecycle::UploadReport& report, const QHash<QString, QString>& classOf)
{
    if (report.items.isEmpty())
        return tr("No record is waiting to be sent to the Department.");
    QStringList lines;
    lines << tr("Sent to the Department: %1 record(s).").arg(report.submitted());
    if (report.refused() > 0)
        lines << tr("Refused by the Department: %1 (the records stay waiting; correct what the Department says, "
                    "then send again).")
                     .arg(report.refused());
    if (report.failed() > 0)
        lines
            << tr("Not sent (no answer from the server): %1. They will be sent again next time.").arg(report.failed());
    int listed = 0;
    int unlisted = 0;
    for (const lifecycle::UploadItemResult& item : report.items) {
        if (item.outcome == lifecycle::UploadItemResult::Outcome::Submitted
            || item.outcome == lifecycle::UploadItemResult::Outcome::AlreadyThere)
            continue;
        if (listed == kListedRecords) {
            ++unlisted;
            continue;
        }
        if (listed++ == 0)
            lines << QString();
        const QString what
            = item.outcome == lifecycle::UploadItemResult::Outcome::Refused ? tr("refused") : tr("not sent");
        lines << tr("• Class %1, code %2 (%3): %4")
                     .arg(classOf.value(item.lookupCode, QStringLiteral("?")), shortCode(item.lookupCode), what,
                          item.message);
    }
    if (unlisted > 0)
        lines << tr("… and %1 more.").arg(unlisted);
    return lines.join(QLatin1Char('\n'));
}

void DepartmentSync::fetchReceipts()
{
    if (m_busy)
        return;
    m_busy = true;
    m_quiet = false;
    m_cancel = std::make_shared<CancellationToken>();
    showProgress(tr("Receiving lock receipts"), tr("Receiving the Department's lock receipts…"));
    m_receiptsWatcher.setFuture(
        QtConcurrent::run([path = m_path, actor = m_actor, cancel = m_cancel]() -> Result<lifecycle::ReceiptsReport> {
            auto file = lifecycle::SchoolFile::open(path);
            if (!file)
                return std::unexpected(file.error());
            return lifecycle::fetchReceipts((*file)->database(), actor, cancel.get());
        }));
}

void DepartmentSync::onReceipts()
{
    const Result<lifecycle::ReceiptsReport> result = m_receiptsWatcher.result();
    m_busy = false;
    hideProgress();
    if (!result) {
        m_lastText = result.error().message;
        MessageBox::critical(m_window, tr("Receiving lock receipts"), result.error().message, result.error().detail);
        Q_EMIT finished();
        return;
    }
    m_lastReceipts = *result;
    m_lastText = tr("Receipts received: %1. Records newly locked: %2.").arg(result->fetched).arg(result->locked);
    if (result->rejected > 0) {
        m_lastText += QLatin1Char('\n')
            + tr("%1 receipt(s) did not pass the check against the Department's certificate and were not used. Tell "
                 "the Department.")
                  .arg(result->rejected);
        MessageBox::warning(m_window, tr("Receiving lock receipts"), m_lastText);
    } else {
        MessageBox::information(m_window, tr("Receiving lock receipts"), m_lastText);
    }
    Q_EMIT finished();
}

} // namespace hocba::ui

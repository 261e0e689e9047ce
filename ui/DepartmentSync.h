// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "lifecycle/Department.h"
#include "util/CancellationToken.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QProgressDialog;
class QWidget;

namespace hocba::ui {

/**
 * The desktop's runs against the Department: "Send to the Department" (lifecycle::uploadOutbox) and "Receive lock
 * receipts" (lifecycle::fetchReceipts) on a worker thread with their own connection to the school file, a progress
 * dialog with Cancel (between records) and a report afterwards; or a quiet upload with no dialog at all, whose
 * outcome goes to the status bar. One run at a time; the destructor stops the run and waits for it.
 */
class DepartmentSync : public QObject
{
    Q_OBJECT
public:
    /** `window` parents the dialogs; `schoolPath` is the open school file the worker opens again. */
    DepartmentSync(QString schoolPath, lifecycle::Actor actor, QWidget* window);
    ~DepartmentSync() override;

    /** Sends the pending records of one class (empty: the whole school), with progress, Cancel and a report. */
    void upload(const QString& className);
    /** The automatic try: no dialog, no question, the outcome as a status message only. */
    void uploadQuietly();
    /** Fetches the lock receipts, with progress, Cancel and a report. */
    void fetchReceipts();
    /** Retries per record and the first wait (tests make it short). */
    void setRetries(int attempts, int firstBackoffMs);

    bool isBusy() const { return m_busy; }
    QProgressDialog* progressDialog() const { return m_progress; }
    const std::optional<lifecycle::UploadReport>& lastUpload() const { return m_lastUpload; }
    const std::optional<lifecycle::ReceiptsReport>& lastReceipts() const { return m_lastReceipts; }
    /** The report of the last run as it was shown (or the status message of a quiet one). */
    QString lastReportText() const { return m_lastText; }

    /** The report of an upload: counts, then each refused or unsent record by class and code, no personal data. */
    static QString uploadReportText(const lifecycle::UploadReport& report, const QHash<QString, QString>& classOf);

Q_SIGNALS:
    void progressed(int done, int total);
    /** A run is over (whatever its outcome): the window shows the new states. */
    void finished();
    /** A one-line outcome for the status bar. */
    void statusMessage(const QString& text);

private:
    struct UploadRun;
    void startUpload(const QString& className, bool quiet);
    void onUploaded();
    void onReceipts();
    void showProgress(const QString& title, const QString& label);
    void hideProgress();
    void onProgress(int done, int total);

    QString m_path;
    lifecycle::Actor m_actor;
    QWidget* m_window;
    lifecycle::UploadRequest m_request;
    bool m_busy = false;
    bool m_quiet = false;
    std::shared_ptr<CancellationToken> m_cancel;
    QProgressDialog* m_progress = nullptr;
    QFutureWatcher<std::shared_ptr<UploadRun>> m_uploadWatcher;
    QFutureWatcher<Result<lifecycle::ReceiptsReport>> m_receiptsWatcher;
    std::optional<lifecycle::UploadReport> m_lastUpload;
    std::optional<lifecycle::ReceiptsReport> m_lastReceipts;
    QString m_lastText;
};

} // namespace hocba::ui

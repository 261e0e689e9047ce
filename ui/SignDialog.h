// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/SignerSource.h"
#include "lifecycle/SigningPlan.h"
#include "util/CancellationToken.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QTextEdit;
class QTreeWidget;

namespace hocba::ui {

/**
 * "Xác nhận và ký": confirms the draft year sections of a class (or the whole school) and signs the ready ones with
 * one PIN entry (STYLE.md C7). Token, certificate and role are chosen here; the certificate policy's verdict is shown
 * before anything is signed. Confirmation and signing run on a worker thread with their own database connection;
 * the GUI gets progress through queued signals and never waits on the worker.
 */
class SignDialog : public QDialog
{
    Q_OBJECT
public:
    struct Scope
    {
        SchoolYear year;
        std::optional<QString> className; ///< one class, or the whole school
        /** When not empty, only these sections (the principal's queue): no confirmation is run first. */
        QList<Id> sections = {};
    };

    /**
     * `db` is the window's connection (GUI thread; trust anchors); the worker opens `db.path()` itself. `source`
     * and `pins` must outlive the dialog.
     */
    SignDialog(store::Database& db, lifecycle::Actor actor, Scope scope, lifecycle::SignerSource& source,
               signing::PinProvider& pins, QWidget* parent = nullptr);
    ~SignDialog() override;

    /** Re-reads the tokens (asynchronous). */
    void refreshTokens();
    /** Starts confirmation and signing, as the sign button does. */
    void start();
    /** Worker threads for signing and rendering (BatchSignJob::setWorkers; 0, the default: one per core). */
    void setWorkers(int workers) { m_workers = workers; }

    bool isBusy() const { return m_busy; }
    QProgressDialog* progressDialog() const { return m_progress; }
    /** The last progress seen (done, total), for tests. */
    QPair<int, int> lastProgress() const { return {m_lastDone, m_lastTotal}; }
    /** The report of the last signing run, and the text shown for it. */
    const std::optional<lifecycle::BatchReport>& lastReport() const { return m_report; }
    QString reportText() const;
    /** The certificate policy's verdict for the chosen certificate (empty when none is chosen). */
    QString policyText() const;
    bool canSign() const;

Q_SIGNALS:
    void tokensLoaded();
    void certificatesLoaded();
    /** Re-emitted on the GUI thread from the worker's ProgressSink. */
    void progressed(int done, int total);
    /** The run is over (signed, stopped or failed); the caller refreshes its lists. */
    void finished();

public Q_SLOTS:
    void reject() override;

private:
    struct ConfirmResult;
    void onTokenChanged();
    void onCertificateChanged();
    void onConfirmed();
    void startSigning();
    /** An open batch of this role made with another certificate: asks to set it aside; false to stop. */
    bool setAsideForeignBatch(const signing::CertificateInfo& certificate);
    void onSigned();
    void onProgress(int done, int total, double perSecond, double secondsLeft);
    void showReport();
    void setBusy(bool busy);
    void updateSignButton();
    signing::SignerRole role() const;

    store::Database& m_db;
    lifecycle::Actor m_actor; ///< who confirms and signs: core refuses what the account may not do
    Scope m_scope;
    lifecycle::SignerSource& m_source;
    signing::PinProvider& m_pins;

    QList<signing::TokenInfo> m_tokens;
    QList<signing::CertificateInfo> m_certificates;
    /** The plan's judgement of each certificate of the token, in the list's order. */
    Result<lifecycle::CertificateChoice> m_choice = lifecycle::CertificateChoice {};
    bool m_certificateAccepted = false;
    bool m_busy = false;

    QComboBox* m_tokenCombo = nullptr;
    QPushButton* m_refreshButton = nullptr;
    /** While no token is found, the search repeats (single shot, restarted after each empty search). */
    QTimer m_tokenPoll;
    static constexpr int kTokenPollMs = 3000;
    QComboBox* m_certificateCombo = nullptr;
    QLabel* m_certificateLabel = nullptr;
    QLabel* m_policyLabel = nullptr;
    QComboBox* m_roleCombo = nullptr;
    QCheckBox* m_acknowledgeCheck = nullptr;
    QLineEdit* m_acknowledgedByEdit = nullptr;
    QTreeWidget* m_findingsTree = nullptr;
    QTextEdit* m_reportEdit = nullptr;
    QPushButton* m_signButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QProgressDialog* m_progress = nullptr;

    QFutureWatcher<Result<QList<signing::TokenInfo>>> m_tokenWatcher;
    QFutureWatcher<Result<QList<signing::CertificateInfo>>> m_certificateWatcher;
    std::shared_ptr<ConfirmResult> m_confirm;
    QFutureWatcher<void> m_confirmWatcher;
    QFutureWatcher<Result<lifecycle::BatchReport>> m_signWatcher;
    std::shared_ptr<CancellationToken> m_cancel; ///< a fresh one per run: a token cannot be un-cancelled
    QList<Id> m_ready;
    QHash<Id, QString> m_names; ///< student id → name, for the report on screen only
    int m_lastDone = 0;
    int m_lastTotal = 0;
    int m_workers = 0;
    std::optional<lifecycle::BatchReport> m_report;
    QString m_reportText;
};

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RecordLifecycle.h"
#include "lifecycle/SignerSource.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressDialog;
class QPushButton;
class QTreeWidget;

namespace hocba::ui {

/**
 * The principal's token and certificate for one signature (a revoke request, a transfer statement): the tokens and
 * their certificates are read on a worker thread; the PIN is asked when the work runs (SignerSource::withSigner).
 */
class TokenChooser : public QWidget
{
    Q_OBJECT
public:
    explicit TokenChooser(lifecycle::SignerSource& source, QWidget* parent = nullptr);
    ~TokenChooser() override;
    void refresh();
    bool hasChoice() const;
    signing::TokenInfo token() const;
    signing::CertificateInfo certificate() const;
    QString statusText() const;

Q_SIGNALS:
    void choiceChanged();

private:
    void onTokenChanged();

    lifecycle::SignerSource& m_source;
    QList<signing::TokenInfo> m_tokens;
    QList<signing::CertificateInfo> m_certificates;
    QComboBox* m_tokenCombo = nullptr;
    QComboBox* m_certificateCombo = nullptr;
    QLabel* m_status = nullptr;
    QFutureWatcher<Result<QList<signing::TokenInfo>>> m_tokenWatcher;
    QFutureWatcher<Result<QList<signing::CertificateInfo>>> m_certificateWatcher;
};

/** A modal "please wait" while a worker runs; the work cannot be interrupted half-way, so it has no cancel. */
QProgressDialog* makeBusyIndicator(QWidget* parent, const QString& text);

/**
 * "Sửa sau khi ký…": asks why a signed (or submitted) school year is corrected, then opens its next version as a
 * draft (RecordLifecycle::reopen, on a worker thread). An empty reason is refused; a refusal from core is shown with
 * its reason and the dialog stays open with the text typed.
 */
class ReopenDialog : public QDialog
{
    Q_OBJECT
public:
    ReopenDialog(std::shared_ptr<RecordLifecycle> lifecycle, Id sectionId, const QString& what,
                 QWidget* parent = nullptr);
    ~ReopenDialog() override;
    bool isBusy() const { return m_busy; }
    /** The inline message shown for a reason that cannot be taken (empty, too long). */
    QString problemText() const;
    std::optional<Id> newSectionId() const { return m_newSection; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void reopened(Id newSectionId);

private:
    void onDone();

    std::shared_ptr<RecordLifecycle> m_lifecycle;
    Id m_sectionId = 0;
    bool m_busy = false;
    std::optional<Id> m_newSection;
    QPlainTextEdit* m_reason = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_okButton = nullptr;
    QProgressDialog* m_progress = nullptr;
    QFutureWatcher<Result<Id>> m_watcher;
};

/**
 * "Thu hồi…": revokes a signed or submitted school year before the Department's lock with a reason and a request the
 * principal's token signs (the PIN is asked when signing). Nothing is written when the PIN is cancelled or core
 * refuses.
 */
class RevokeDialog : public QDialog
{
    Q_OBJECT
public:
    RevokeDialog(std::shared_ptr<RecordLifecycle> lifecycle, lifecycle::SignerSource& source,
                 signing::PinProvider& pins, Id sectionId, const QString& what, QWidget* parent = nullptr);
    ~RevokeDialog() override;
    bool isBusy() const { return m_busy; }
    QString problemText() const;
    TokenChooser* tokenChooser() const { return m_chooser; }
    bool revoked() const { return m_revoked; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void revokedSection(Id sectionId);

private:
    void onDone();
    void updateButton();

    std::shared_ptr<RecordLifecycle> m_lifecycle;
    lifecycle::SignerSource& m_source;
    signing::PinProvider& m_pins;
    Id m_sectionId = 0;
    bool m_busy = false;
    bool m_revoked = false;
    QPlainTextEdit* m_reason = nullptr;
    TokenChooser* m_chooser = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_okButton = nullptr;
    QProgressDialog* m_progress = nullptr;
    QFutureWatcher<Status> m_watcher;
};

/**
 * The versions of one school year of a student's record (version, state, dates, reasons) and what the board may do
 * with it: "Sửa sau khi ký…" and "Thu hồi…". A locked year, a revoked one and a record transferred away offer
 * nothing and say why.
 */
class RecordVersionsDialog : public QDialog
{
    Q_OBJECT
public:
    RecordVersionsDialog(std::shared_ptr<RecordLifecycle> lifecycle, lifecycle::SignerSource& source,
                         signing::PinProvider& pins, Id sectionId, QString lookupCode, const QString& what,
                         QWidget* parent = nullptr);
    ~RecordVersionsDialog() override;

    /** Reads the chain again (worker thread). */
    void reload();
    bool isLoaded() const { return m_loaded; }
    const QList<lifecycle::SectionVersion>& chain() const { return m_chain; }
    /** The explanation shown when an action is not offered (empty when both are). */
    QString explanationText() const;
    QPushButton* reopenButton() const { return m_reopenButton; }
    QPushButton* revokeButton() const { return m_revokeButton; }
    QTreeWidget* versionTree() const { return m_tree; }

public Q_SLOTS:
    void openReopen();
    void openRevoke();

Q_SIGNALS:
    void loaded();
    /** A new version was opened or the year revoked: the caller refreshes its lists. */
    void changed();

private:
    struct Loaded
    {
        Result<QList<lifecycle::SectionVersion>> chain;
        Result<std::optional<TransferredAway>> away;
    };
    void onLoaded();

    std::shared_ptr<RecordLifecycle> m_lifecycle;
    lifecycle::SignerSource& m_source;
    signing::PinProvider& m_pins;
    Id m_sectionId = 0;
    QString m_lookupCode;
    QString m_what;
    bool m_loaded = false;
    QList<lifecycle::SectionVersion> m_chain;
    std::optional<TransferredAway> m_away;
    QTreeWidget* m_tree = nullptr;
    QLabel* m_explanation = nullptr;
    QPushButton* m_reopenButton = nullptr;
    QPushButton* m_revokeButton = nullptr;
    QFutureWatcher<Loaded> m_watcher;
};

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CorrectionDialogs.h"
#include "RecordLifecycle.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressDialog;
class QPushButton;
class QTreeWidget;

namespace hocba::ui {

/**
 * "Nhận học bạ chuyển đến…": chooses a transfer package, checks it (worker thread, nothing written) and shows what
 * arrives and every problem found; Import is offered only when every check passed. A refusal at import time is shown
 * with its reasons and nothing is written.
 */
class TransferInDialog : public QDialog
{
    Q_OBJECT
public:
    TransferInDialog(std::shared_ptr<RecordLifecycle> lifecycle, const QStringList& classNames,
                     QWidget* parent = nullptr);
    ~TransferInDialog() override;
    /** Checks the package at `path` (asynchronously): inspected() when done. */
    void inspect(const QString& path);
    bool isInspected() const { return m_inspected; }
    bool isBusy() const { return m_busy; }
    QStringList problems() const { return m_problems; }
    QPushButton* importButton() const { return m_importButton; }
    QTreeWidget* versionTree() const { return m_tree; }
    std::optional<lifecycle::TransferInResult> imported() const { return m_result; }

public Q_SLOTS:
    /** Imports the checked package; refused (without calling core) unless every check passed. */
    void importPackage();
    void reject() override;

Q_SIGNALS:
    void inspected();
    void importFinished();

private:
    void browse();
    void onInspected();
    void onImported();

    std::shared_ptr<RecordLifecycle> m_lifecycle;
    QString m_path;
    bool m_inspected = false;
    bool m_accepted = false;
    bool m_busy = false;
    QStringList m_problems;
    std::optional<lifecycle::TransferInResult> m_result;
    QLineEdit* m_fileEdit = nullptr;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_tree = nullptr;
    QListWidget* m_problemList = nullptr;
    QComboBox* m_classCombo = nullptr;
    QPushButton* m_importButton = nullptr;
    QProgressDialog* m_progress = nullptr;
    QFutureWatcher<Result<lifecycle::TransferInspection>> m_inspectWatcher;
    QFutureWatcher<Result<lifecycle::TransferInResult>> m_importWatcher;
};

/**
 * "Chuyển trường đi…": the receiving school (MOET code and name), the date, the reason and the folder the package is
 * written to; the principal's token signs the statement (worker thread; the PIN is asked then). Irreversible, so it
 * asks first; nothing is written when cancelled or refused.
 */
class TransferOutDialog : public QDialog
{
    Q_OBJECT
public:
    TransferOutDialog(std::shared_ptr<RecordLifecycle> lifecycle, lifecycle::SignerSource& source,
                      signing::PinProvider& pins, QString studentCode, const QString& what, QWidget* parent = nullptr);
    ~TransferOutDialog() override;
    bool isBusy() const { return m_busy; }
    QString problemText() const;
    TokenChooser* tokenChooser() const { return m_chooser; }
    std::optional<lifecycle::TransferOutResult> result() const { return m_result; }

public Q_SLOTS:
    void accept() override;
    void reject() override;

Q_SIGNALS:
    void transferred();

private:
    void onDone();
    QString requestProblem() const;

    std::shared_ptr<RecordLifecycle> m_lifecycle;
    lifecycle::SignerSource& m_source;
    signing::PinProvider& m_pins;
    QString m_studentCode;
    bool m_busy = false;
    std::optional<lifecycle::TransferOutResult> m_result;
    QLineEdit* m_toCode = nullptr;
    QLineEdit* m_toName = nullptr;
    QDateEdit* m_date = nullptr;
    QPlainTextEdit* m_reason = nullptr;
    QLineEdit* m_outDir = nullptr;
    TokenChooser* m_chooser = nullptr;
    QLabel* m_problem = nullptr;
    QProgressDialog* m_progress = nullptr;
    QFutureWatcher<Result<lifecycle::TransferOutResult>> m_watcher;
};

} // namespace hocba::ui

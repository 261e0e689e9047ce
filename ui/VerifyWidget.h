// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/DocumentVerifier.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace hocba::ui {

/** The verdict of one file, as the user reads it. */
struct FileVerdict
{
    enum class Kind { Valid, Tampered, Untrusted, Invalid, Unreadable };
    QString path;
    Kind kind = Kind::Unreadable;
    QString verdict; ///< one translated sentence
    std::optional<signing::DocumentVerification> verification;
};

/** The plain verdict sentence for a verified file (the same words the dialog shows). */
FileVerdict verdictFor(const QString& path, const Result<signing::DocumentVerification>& verification);

/**
 * "Kiểm tra học bạ": checks signed PDFs and packets (opened or dropped here) against the trust anchors of the open
 * school file, off the GUI thread, and says per file in one sentence whether it can be relied on, with the details
 * of each signature below it.
 */
class VerifyWidget : public QDialog
{
    Q_OBJECT
public:
    /** `trustAnchorsDer`: the open school's trust store (built-in anchors only when no file is open). */
    explicit VerifyWidget(QList<QByteArray> trustAnchorsDer, QWidget* parent = nullptr);
    ~VerifyWidget() override;

    /** Checks these files (asynchronous; verified() when done). */
    void verifyFiles(const QStringList& paths);
    bool isBusy() const { return m_watcher.isRunning(); }
    const QList<FileVerdict>& verdicts() const { return m_verdicts; }

Q_SIGNALS:
    void verified();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void openFiles();
    void onVerified();

    QList<QByteArray> m_anchors;
    QStringList m_queue; ///< files dropped while a check runs
    QList<FileVerdict> m_verdicts;
    QFutureWatcher<QList<FileVerdict>> m_watcher;
    QLabel* m_hintLabel = nullptr;
    QPushButton* m_openButton = nullptr;
    QTreeWidget* m_resultsTree = nullptr;
};

} // namespace hocba::ui

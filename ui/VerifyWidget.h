// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Department.h"
#include "verify/DocumentVerifier.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
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
 * of each signature below it. "Look up by code" asks the Department what it holds for a lookup code typed or read
 * from a photo of the printed QR code (lifecycle::lookupCode, off the GUI thread).
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

    /** The Department's address from the school's settings; without one the dialog asks for it. */
    void setLookupUrl(const QString& url);
    /** Reads the QR code of a photo or scan into the code field; false (after saying why) when there is none. */
    bool readCodeFromImage(const QString& path);
    void setCodeText(const QString& text);
    QString codeText() const;
    /** Asks the Department about the code in the field (asynchronous; lookedUp() when the answer is shown). */
    void lookUp();
    bool isLookingUp() const { return m_lookupWatcher.isRunning(); }
    /** The answer shown (or the reason there is none), one "label: value" per row, for tests. */
    QStringList lookupRows() const;

    /** The rows shown for an answer: state, version, school, dates, then the readable content. */
    static QList<QPair<QString, QString>> lookupAnswerRows(const lifecycle::LookupAnswer& answer);

Q_SIGNALS:
    void verified();
    void lookedUp();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void openFiles();
    void onVerified();
    QWidget* createLookupBox();
    void chooseQrImage();
    void onLookedUp();
    void showLookupRows(const QList<QPair<QString, QString>>& rows);

    QList<QByteArray> m_anchors;
    QStringList m_queue; ///< files dropped while a check runs
    QList<FileVerdict> m_verdicts;
    QFutureWatcher<QList<FileVerdict>> m_watcher;
    QLabel* m_hintLabel = nullptr;
    QPushButton* m_openButton = nullptr;
    QTreeWidget* m_resultsTree = nullptr;

    QString m_lookupUrl;
    /** The code and paper copy of the last QR picture read: the field shows the code, the lookup checks the copy. */
    lifecycle::LookupLink m_scanned;
    QFutureWatcher<Result<lifecycle::LookupAnswer>> m_lookupWatcher;
    QLineEdit* m_codeEdit = nullptr;
    QLabel* m_urlLabel = nullptr;
    QLineEdit* m_urlEdit = nullptr;
    QPushButton* m_lookupButton = nullptr;
    QTableWidget* m_lookupTable = nullptr;
};

} // namespace hocba::ui

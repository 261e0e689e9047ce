// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "util/Error.h"
#include "verify/Timestamp.h"

#include <QByteArray>
#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Settings → Signing: time-stamping server: the school's RFC 3161 time-stamping authority (lifecycle::TsaSettings,
 * kept in the school file; `hocba-cli tsa set|show|clear` does the same). Says what is set (or that signatures are
 * level B without one), sets the server's address, its root certificate (chosen from a file, PEM or DER, refused when
 * it is not a CA certificate) and whether signing may go on without a time-stamp, removes it, and tests the server:
 * one real time-stamp request to the address in the field, checked against the chosen root, on a worker thread (the
 * dialog stays usable; Cancel stops waiting for the answer). Saving and removing need the right to manage the school
 * (core checks; without it the dialog is read-only and says why); testing changes nothing and is open to anyone.
 */
class TsaSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /** `actor` is who works: core refuses the change when the account lacks the right. */
    TsaSettingsDialog(store::Database& db, lifecycle::Actor actor, QWidget* parent = nullptr);
    ~TsaSettingsDialog() override;

    /** As "Choose…" does with the file chosen: false (after saying why) when it is no CA certificate. */
    bool chooseRootFile(const QString& path);
    /** As "Save" does: false (after saying why) when refused. */
    bool save();
    /** As "Remove" does, after its question: false when refused or not confirmed. */
    bool remove();
    /** As "Test the server" does: starts one request (false, after saying why, when it cannot start). */
    bool startTest();
    /** As the test's "Cancel" does: stops waiting; the answer, if one comes, is ignored. */
    void cancelTest();
    bool isTesting() const;
    /** The time the test waits for the server (15 s by default); tests shorten it. */
    void setTestTimeoutMs(int ms) { m_testTimeoutMs = ms; }

    QString currentText() const;
    QString testResultText() const;

Q_SIGNALS:
    /** A test ended: `ok` when the server gave a time-stamp that chains to the chosen root. */
    void testFinished(bool ok);

private:
    void reload();
    void fitHeight();
    void showRoot();
    void setTesting(bool on);
    void onTestDone();

    store::Database& m_db;
    lifecycle::Actor m_actor;
    bool m_mayChange = false;
    QByteArray m_storedRoot; ///< DER of the root in the school file, empty when none
    QByteArray m_chosenRoot; ///< the file chosen in this dialog (bytes as read), empty when none
    int m_testTimeoutMs = 15000;
    bool m_testing = false;
    quint64 m_testRun = 0; ///< the run whose answer is awaited; a cancelled run's answer is ignored

    QLabel* m_current = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_rootFile = nullptr; ///< shows the chosen (or stored) root: names and dates
    QPushButton* m_chooseRoot = nullptr;
    QCheckBox* m_allowWithout = nullptr;
    QPushButton* m_test = nullptr;
    QPushButton* m_cancelTest = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_testResult = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_remove = nullptr;

    struct TestOutcome
    {
        quint64 run = 0;
        Result<signing::TimestampInfo> info;
    };
    QFutureWatcher<TestOutcome>* m_watcher = nullptr;
};

} // namespace hocba::ui

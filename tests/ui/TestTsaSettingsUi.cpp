// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Signing: time-stamping server (issue 16) against a loopback TSA (tests/support/TsaFixture): none set says
// level B; "Test the server" succeeds against the TSA with its root (the server's time and name shown), fails in words
// against a closed port and against a root that is not the TSA's, and can be cancelled while the server hangs, the
// dialog staying usable; Save stores what lifecycle::tsaSettings reads back (audited), Remove clears it; a file that is
// no CA certificate is refused with a message and nothing stored; an account without the right to manage the school
// sees it read-only and core refuses it anyway.
#include "MessageBox.h"
#include "StoreFixture.h"
#include "TsaFixture.h"
#include "TsaSettingsDialog.h"

#include "lifecycle/TsaSettings.h"
#include "store/Database.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using hocba::ui::FileDialog;
using hocba::ui::MessageBox;
using hocba::ui::TsaSettingsDialog;
using lifecycle::Actor;

namespace {

const Actor kClerk
    = Actor::forAccount(User {0, QStringLiteral("van.thu"), QStringLiteral("Văn thư"), Role::Clerk, std::nullopt}, {});

std::optional<lifecycle::TsaSettings> stored(store::Database& db)
{
    auto s = lifecycle::tsaSettings(db);
    return s ? *s : std::nullopt;
}

} // namespace

class TestTsaSettingsUi : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TsaFixture m_tsa;
    int m_files = 0;

    std::unique_ptr<store::Database> freshSchool()
    {
        return test::openTestDatabase(m_dir.filePath(QStringLiteral("school-%1.db").arg(++m_files)));
    }

    /** Presses "Test the server" and waits for its end; true when it reported success. */
    bool runTest(TsaSettingsDialog& dialog)
    {
        QSignalSpy done(&dialog, &TsaSettingsDialog::testFinished);
        auto* test = dialog.findChild<QPushButton*>(QStringLiteral("testPushButton"));
        if (!test || !test->isEnabled())
            return false;
        QTest::mouseClick(test, Qt::LeftButton);
        if (!done.wait(30000))
            return false;
        return done.first().first().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_tsa.create());
        MessageBox::setAutoAnswer(true);
    }
    void cleanupTestCase() { MessageBox::setAutoAnswer(false); }

    void noneSetSaysLevelB()
    {
        auto db = freshSchool();
        QVERIFY(db);
        TsaSettingsDialog dialog(*db, Actor::unrestricted());
        QVERIFY2(dialog.currentText().startsWith(QStringLiteral("No time-stamping server")),
                 qPrintable(dialog.currentText()));
        QVERIFY(dialog.currentText().contains(QStringLiteral("level B")));
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("removePushButton"))->isEnabled());
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("readOnlyLabel"))->isVisibleTo(&dialog));
        // Save without a root: told what to do, nothing stored.
        dialog.findChild<QLineEdit*>(QStringLiteral("urlLineEdit"))->setText(QStringLiteral("http://tsa.example.vn"));
        MessageBox::resetShown();
        QVERIFY(!dialog.save());
        QVERIFY(MessageBox::lastShown().text.contains(QStringLiteral("root certificate")));
        QVERIFY(!stored(*db));
    }

    void testServerSaveAndRemove()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        auto db = freshSchool();
        QVERIFY(db);
        TsaSettingsDialog dialog(*db, Actor::unrestricted());
        dialog.show();
        auto* url = dialog.findChild<QLineEdit*>(QStringLiteral("urlLineEdit"));
        auto* allow = dialog.findChild<QCheckBox*>(QStringLiteral("allowWithoutCheckBox"));
        QVERIFY(url && allow);
        url->setText(server.url());

        // No root chosen yet: the test is not started.
        MessageBox::resetShown();
        QVERIFY(!dialog.startTest());
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Warning);
        QCOMPARE(server.requests(), 0);

        // Through the file dialog, as "Choose…" does: the root's names and dates shown (dd/MM/yyyy).
        FileDialog::setNextFileName(m_tsa.rootPemPath());
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("chooseRootPushButton")), Qt::LeftButton);
        const QString rootInfo = dialog.findChild<QLineEdit*>(QStringLiteral("rootLineEdit"))->text();
        QVERIFY2(rootInfo.contains(QStringLiteral("tsa Root CA (issued by tsa Root CA)")), qPrintable(rootInfo));
        QVERIFY2(QRegularExpression(QStringLiteral("valid from \\d\\d/\\d\\d/\\d{4} to \\d\\d/\\d\\d/\\d{4}"))
                     .match(rootInfo)
                     .hasMatch(),
                 qPrintable(rootInfo));

        // The real server with its root: success, the server's time and name, one request, nothing stored.
        QVERIFY2(runTest(dialog), qPrintable(dialog.testResultText()));
        QVERIFY2(dialog.testResultText().startsWith(QStringLiteral("The server works. Its time: ")),
                 qPrintable(dialog.testResultText()));
        QVERIFY2(QRegularExpression(QStringLiteral("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d"))
                     .match(dialog.testResultText())
                     .hasMatch(),
                 qPrintable(dialog.testResultText()));
        QVERIFY2(dialog.testResultText().contains(QStringLiteral("signed by \"tsa TSA\"")),
                 qPrintable(dialog.testResultText()));
        // The dialog grew to show the result whole (its buttons stay on the screen: TestScreenFit).
        QTRY_VERIFY(
            (dialog.layout()->invalidate(), dialog.height() >= dialog.layout()->totalHeightForWidth(dialog.width())));
        QCOMPARE(server.requests(), 1);
        QVERIFY(!stored(*db));

        // Save: what tsaSettings reads back, with one audit entry; the current setting now names it.
        allow->setChecked(true);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("savePushButton")), Qt::LeftButton);
        auto s = stored(*db);
        QVERIFY(s);
        QCOMPARE(s->url, QUrl(server.url()).toString(QUrl::FullyEncoded));
        QCOMPARE(s->trust.der, m_tsa.rootDer());
        QVERIFY(s->allowWithout);
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'tsa_settings'")),
                 QStringLiteral("1"));
        QVERIFY2(dialog.currentText().contains(server.url()), qPrintable(dialog.currentText()));
        QVERIFY(dialog.currentText().contains(QStringLiteral("sign without a time-stamp")));
        QVERIFY(dialog.currentText().contains(QStringLiteral("level B-T")));
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("removePushButton"))->isEnabled());

        // A new dialog shows what is stored, and tests with the stored root without choosing it again.
        {
            TsaSettingsDialog again(*db, Actor::unrestricted());
            QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("urlLineEdit"))->text(), s->url);
            QVERIFY(again.findChild<QCheckBox*>(QStringLiteral("allowWithoutCheckBox"))->isChecked());
            QVERIFY2(runTest(again), qPrintable(again.testResultText()));
            // Untick "sign without" and save without choosing the root again: the stored root is kept.
            again.findChild<QCheckBox*>(QStringLiteral("allowWithoutCheckBox"))->setChecked(false);
            QVERIFY(again.save());
            QVERIFY(!stored(*db)->allowWithout);
            QCOMPARE(stored(*db)->trust.der, m_tsa.rootDer());
        }

        // Remove: "No" keeps it, "Yes" removes it; the dialog says level B again.
        MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!dialog.remove());
        QVERIFY(stored(*db));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(dialog.remove());
        QVERIFY(!stored(*db));
        QVERIFY2(dialog.currentText().startsWith(QStringLiteral("No time-stamping server")),
                 qPrintable(dialog.currentText()));
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("removePushButton"))->isEnabled());
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'tsa_settings'")),
                 QStringLiteral("3"));
    }

    void testFailsInWords()
    {
        auto db = freshSchool();
        QVERIFY(db);
        TsaSettingsDialog dialog(*db, Actor::unrestricted());
        auto* url = dialog.findChild<QLineEdit*>(QStringLiteral("urlLineEdit"));
        QVERIFY(dialog.chooseRootFile(m_tsa.rootPemPath()));

        // A closed port: nobody listens there.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        url->setText(QStringLiteral("http://127.0.0.1:%1/tsa").arg(port));
        QVERIFY(!runTest(dialog));
        QVERIFY2(dialog.testResultText().startsWith(QStringLiteral("The test failed: The time-stamping server")),
                 qPrintable(dialog.testResultText()));
        QVERIFY2(dialog.testResultText().contains(QStringLiteral("cannot be reached")),
                 qPrintable(dialog.testResultText()));

        // The real server, but another CA's root (a CA certificate, so it is accepted as a choice): not trusted.
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        url->setText(server.url());
        QVERIFY(dialog.chooseRootFile(m_tsa.path(QStringLiteral("other-root.pem"))));
        QVERIFY(!runTest(dialog));
        QVERIFY2(dialog.testResultText().contains(QStringLiteral("cannot be trusted with the root certificate")),
                 qPrintable(dialog.testResultText()));
        // What went wrong technically, for the school's IT contact, in the tooltip.
        const QString details = dialog.findChild<QLabel*>(QStringLiteral("testResultLabel"))->toolTip();
        QVERIFY2(details.contains(QStringLiteral("not trusted")), qPrintable(details));
        QCOMPARE(server.requests(), 1);

        // Not an address: refused before anything is sent.
        url->setText(QStringLiteral("tsa.example.vn"));
        MessageBox::resetShown();
        QVERIFY(!dialog.startTest());
        QVERIFY(MessageBox::lastShown().text.contains(QStringLiteral("https://")));
        QCOMPARE(server.requests(), 1);
        QVERIFY(!stored(*db));
    }

    void cancelWhileTheServerHangs()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        server.setHang(true);
        auto db = freshSchool();
        QVERIFY(db);
        TsaSettingsDialog dialog(*db, Actor::unrestricted());
        dialog.setTestTimeoutMs(3000);
        dialog.show();
        dialog.findChild<QLineEdit*>(QStringLiteral("urlLineEdit"))->setText(server.url());
        QVERIFY(dialog.chooseRootFile(m_tsa.rootPemPath()));
        QSignalSpy done(&dialog, &TsaSettingsDialog::testFinished);
        QElapsedTimer t;
        t.start();
        QVERIFY(dialog.startTest());
        QVERIFY(t.elapsed() < 1000); // the request runs off the window's thread
        QVERIFY(dialog.isTesting());
        QVERIFY(dialog.findChild<QProgressBar*>(QStringLiteral("testProgressBar"))->isVisible());
        QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("testPushButton"))->isEnabled());
        QTRY_COMPARE(server.requests(), 1);
        QVERIFY(done.isEmpty());
        QVERIFY(!dialog.startTest()); // one test at a time
        // The window still answers while the server keeps it waiting.
        auto* url = dialog.findChild<QLineEdit*>(QStringLiteral("urlLineEdit"));
        url->clear();
        QTest::keyClicks(url, QStringLiteral("http://x"));
        QCOMPARE(url->text(), QStringLiteral("http://x"));
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("cancelTestPushButton")), Qt::LeftButton);
        QVERIFY(!dialog.isTesting());
        QCOMPARE(done.size(), 1);
        QCOMPARE(dialog.testResultText(), QStringLiteral("Test cancelled."));
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("testPushButton"))->isEnabled());
        // The abandoned request's end (after its timeout) changes nothing.
        QTest::qWait(3500);
        QCOMPARE(done.size(), 1);
        QCOMPARE(dialog.testResultText(), QStringLiteral("Test cancelled."));
    }

    void refusesWhatIsNoCaCertificate()
    {
        auto db = freshSchool();
        QVERIFY(db);
        TsaSettingsDialog dialog(*db, Actor::unrestricted());
        dialog.findChild<QLineEdit*>(QStringLiteral("urlLineEdit"))->setText(QStringLiteral("http://tsa.example.vn"));
        const QString junk = m_dir.filePath(QStringLiteral("junk.pem"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        f.close();
        // Garbage, and the TSA's own certificate (not a CA): each refused with a message; nothing chosen or stored.
        for (const QString& path : {junk, m_tsa.tsaCertPemPath()}) {
            MessageBox::resetShown();
            QVERIFY(!dialog.chooseRootFile(path));
            QCOMPARE(MessageBox::shownCount(), 1);
            QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
            QVERIFY2(MessageBox::lastShown().text.contains(QStringLiteral("is not the root certificate")),
                     qPrintable(MessageBox::lastShown().text));
            QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("rootLineEdit"))->text().isEmpty());
            QVERIFY(!dialog.save());
            QVERIFY(!stored(*db));
        }
        // The root as DER is accepted.
        QVERIFY(dialog.chooseRootFile(m_tsa.path(QStringLiteral("tsa-root.der"))));
        QVERIFY(dialog.save());
        QVERIFY(stored(*db));
        QCOMPARE(stored(*db)->trust.der, m_tsa.rootDer());
    }

    void readOnlyWithoutTheRight()
    {
        auto db = freshSchool();
        QVERIFY(db);
        QVERIFY(lifecycle::setTsa(*db, Actor::unrestricted(), QStringLiteral("http://tsa.example.vn/tsr"),
                                  m_tsa.rootDer(), false));
        TsaSettingsDialog dialog(*db, kClerk);
        QVERIFY(dialog.currentText().contains(QStringLiteral("http://tsa.example.vn/tsr")));
        auto* why = dialog.findChild<QLabel*>(QStringLiteral("readOnlyLabel"));
        QVERIFY(why && why->isVisibleTo(&dialog));
        QVERIFY2(why->text().contains(QStringLiteral("manage the school")), qPrintable(why->text()));
        for (const char* name :
             {"urlLineEdit", "chooseRootPushButton", "allowWithoutCheckBox", "savePushButton", "removePushButton"}) {
            auto* w = dialog.findChild<QWidget*>(QLatin1String(name));
            QVERIFY2(w && !w->isEnabled(), name);
        }
        // Testing changes nothing: open to anyone.
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("testPushButton"))->isEnabled());
        // And core refuses the change whatever the buttons say.
        MessageBox::resetShown();
        QVERIFY(!dialog.save());
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(!dialog.remove());
        auto s = stored(*db);
        QVERIFY(s);
        QCOMPARE(s->url, QStringLiteral("http://tsa.example.vn/tsr"));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'tsa_settings'")),
                 QStringLiteral("1"));
    }
};

QTEST_MAIN(TestTsaSettingsUi)
#include "TestTsaSettingsUi.moc"

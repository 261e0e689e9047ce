// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "MessageBox.h"
#include "StandInSchool.h"
#include "StartupController.h"
#include "util/Settings.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using hocba::Settings;
using hocba::ui::MainWindow;
using hocba::ui::MessageBox;
using hocba::ui::StartupController;

class TestStartupController : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_demoCalls = 0;
    QStringList m_demoPaths;

    QString iniPath() const { return m_dir.filePath(QStringLiteral("hocba.ini")); }
    QString demoPath() const { return m_dir.filePath(QStringLiteral("data/truong-demo.hocba")); }
    StartupController::MakeDemo countingDemo()
    {
        return [this](const QString& path) -> hocba::Status {
            ++m_demoCalls;
            m_demoPaths << path;
            return hocba::test::createStandInSchool(path);
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        MessageBox::setAutoAnswer(true);
    }

    void init()
    {
        m_demoCalls = 0;
        m_demoPaths.clear();
        MessageBox::resetShown();
    }

    // The two runs share the settings file and the demo file, in this order.
    void firstRunMakesDemoOnceAndOpensIt()
    {
        Settings settings(iniPath());
        MainWindow window(settings);
        StartupController startup(settings, countingDemo(), demoPath());
        QVERIFY(startup.run(window, {}));
        QCOMPARE(m_demoCalls, 1);
        QCOMPARE(m_demoPaths, QStringList {demoPath()});
        QCOMPARE(window.databasePath(), demoPath());
        QCOMPARE(settings.value(hocba::settings::LastDatabase), demoPath());
        QCOMPARE(MessageBox::shownCount(), 0);
    }

    void secondRunOpensLastFileWithoutDemo()
    {
        Settings settings(iniPath());
        QCOMPARE(settings.value(hocba::settings::LastDatabase), demoPath());
        MainWindow window(settings);
        StartupController startup(settings, countingDemo(), demoPath());
        QVERIFY(startup.run(window, {}));
        QCOMPARE(m_demoCalls, 0);
        QCOMPARE(window.databasePath(), demoPath());
    }

    void lastFileGoneShowsErrorNotDemo()
    {
        Settings settings(m_dir.filePath(QStringLiteral("gone.ini")));
        settings.setValue(hocba::settings::LastDatabase, m_dir.filePath(QStringLiteral("usb/truong.hocba")));
        MainWindow window(settings);
        StartupController startup(settings, countingDemo(), m_dir.filePath(QStringLiteral("other/demo.hocba")));
        QVERIFY(!startup.run(window, {}));
        QCOMPARE(m_demoCalls, 0);
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        QVERIFY(!window.hasDatabase());
    }

    void argumentWinsAndDemoOptionReusesExistingFile()
    {
        Settings settings(m_dir.filePath(QStringLiteral("args.ini")));
        StartupController startup(settings, countingDemo(), m_dir.filePath(QStringLiteral("unused.hocba")));
        auto byArgument = startup.decide({demoPath(), QString()});
        QVERIFY(byArgument.has_value());
        QCOMPARE(byArgument->source, StartupController::Source::Argument);
        QCOMPARE(byArgument->path, demoPath());

        auto existing = startup.decide({QString(), demoPath()});
        QVERIFY(existing.has_value());
        QCOMPARE(existing->source, StartupController::Source::DemoOption);
        QVERIFY(!existing->demoCreated);

        const QString fresh = m_dir.filePath(QStringLiteral("moi/demo2.hocba"));
        auto created = startup.decide({QString(), fresh});
        QVERIFY(created.has_value());
        QVERIFY(created->demoCreated);
        QCOMPARE(m_demoCalls, 1);
        QVERIFY(QFileInfo::exists(fresh));
    }

    void failingDemoLeavesWindowUsable()
    {
        Settings settings(m_dir.filePath(QStringLiteral("nodemo.ini")));
        MainWindow window(settings);
        StartupController startup(
            settings,
            [](const QString&) -> hocba::Status { return hocba::fail(hocba::ErrorCode::Unsupported, "no demo"); },
            m_dir.filePath(QStringLiteral("nodemo/demo.hocba")));
        QVERIFY(!startup.run(window, {}));
        QCOMPARE(MessageBox::lastShown().text, QStringLiteral("no demo"));
        QVERIFY(!window.hasDatabase());
        QVERIFY(window.openDatabase(demoPath()));
    }
};

QTEST_MAIN(TestStartupController)
#include "TestStartupController.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's geometry across starts: two (and three) MainWindow lifetimes on one temporary settings file. The
// first start (nothing saved) opens maximised; a window closed at a size comes back at that size, not maximised; a
// window closed maximised comes back maximised.
#include "MainWindow.h"
#include "MessageBox.h"
#include "util/Settings.h"

#include <QTemporaryDir>
#include <QTest>

using hocba::Settings;
using hocba::ui::MainWindow;

class TestWindowGeometry : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString iniPath() const { return m_dir.filePath(QStringLiteral("hocba.ini")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        hocba::ui::MessageBox::setAutoAnswer(true);
    }

    void firstStartIsMaximisedThenTheSizeIsRemembered()
    {
        QVERIFY(!QFile::exists(iniPath()));
        {
            Settings settings(iniPath());
            QVERIFY(settings.value(hocba::settings::MainWindowGeometry).isEmpty());
            MainWindow window(settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.isMaximized());
            // The user restores it to a smaller window, moves it, and quits.
            window.showNormal();
            QTRY_VERIFY(!window.isMaximized());
            window.resize(900, 600);
            window.move(40, 30);
            QTRY_COMPARE(window.size(), QSize(900, 600));
            QVERIFY(window.close());
        }
        {
            Settings settings(iniPath());
            QVERIFY(!settings.value(hocba::settings::MainWindowGeometry).isEmpty());
            MainWindow window(settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(!window.isMaximized());
            QCOMPARE(window.size(), QSize(900, 600));
            // Closed maximised this time.
            window.showMaximized();
            QTRY_VERIFY(window.isMaximized());
            QVERIFY(window.close());
        }
        {
            Settings settings(iniPath());
            MainWindow window(settings);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.isMaximized());
        }
    }
};

QTEST_MAIN(TestWindowGeometry)
#include "TestWindowGeometry.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opens()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"

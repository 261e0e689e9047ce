// SPDX-License-Identifier: GPL-3.0-or-later
// Usable at 1366×768 and at 125 % and 150 % scaling: the main window and each main dialog, opened from the main window
// on the guide's demo school (GuideScreens.h) on an offscreen 1366×768 screen at the scale this run has
// (QT_SCALE_FACTOR, one CTest entry per scale), must have a minimum size (minimumSizeHint, or a fixed minimum) that
// fits that screen in logical pixels less a 40-pixel taskbar and a 30-pixel title bar; and each dialog must open no
// larger than that either (its buttons on the screen).
#include "GuideScreens.h"
#include "MainWindow.h"

#include <QScreen>
#include <QTest>
#include <QWidget>
#include <QWindow>

#include <cmath>

using hocba::test::GuideSchool;

class TestScreenFit : public QObject
{
    Q_OBJECT
    std::unique_ptr<GuideSchool> m_school;
    double m_scale = 1.0;

    QSize limit() const { return QSize(int(std::floor(1366 / m_scale)), int(std::floor((768 - 40) / m_scale)) - 30); }

private Q_SLOTS:
    void initTestCase()
    {
        bool ok = false;
        m_scale = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble(&ok);
        if (!ok)
            m_scale = 1.0;
        m_school = std::make_unique<GuideSchool>();
        QVERIFY2(m_school->create(), qPrintable(m_school->error));
        // The scale and the screen really are the ones asked for.
        QCOMPARE(m_school->window->devicePixelRatio(), m_scale);
        const QSize screen = m_school->window->screen()->geometry().size();
        QVERIFY2(qAbs(screen.width() - 1366 / m_scale) <= 1 && qAbs(screen.height() - 768 / m_scale) <= 1,
                 qPrintable(QStringLiteral("a %1×%2 screen").arg(screen.width()).arg(screen.height())));
        qInfo("scale %.2f: every minimum must fit %d×%d logical pixels", m_scale, limit().width(), limit().height());
    }

    void screenFits_data()
    {
        QTest::addColumn<int>("index");
        const auto screens = GuideSchool::screens();
        for (int i = 0; i < screens.size(); ++i)
            QTest::newRow(qPrintable(screens.at(i).name)) << i;
    }

    void screenFits()
    {
        QFETCH(int, index);
        const auto screen = GuideSchool::screens().at(index);
        m_school->closeDialogs();
        m_school->error.clear();
        QWidget* w = screen.open(*m_school);
        QVERIFY2(w, qPrintable(m_school->error));
        const QSize minimum = w->minimumSizeHint().expandedTo(w->minimumSize());
        qInfo("%s: minimum %d×%d, opened at %d×%d", qPrintable(screen.name), minimum.width(), minimum.height(),
              w->width(), w->height());
        QVERIFY2(minimum.width() <= limit().width() && minimum.height() <= limit().height(),
                 qPrintable(QStringLiteral("%1 needs at least %2×%3, more than %4×%5")
                                .arg(screen.name)
                                .arg(minimum.width())
                                .arg(minimum.height())
                                .arg(limit().width())
                                .arg(limit().height())));
        // The main window opens maximised; a dialog opens within the screen.
        if (w != m_school->window.get())
            QVERIFY2(w->width() <= limit().width() && w->height() <= limit().height(),
                     qPrintable(QStringLiteral("%1 opened at %2×%3, larger than %4×%5")
                                    .arg(screen.name)
                                    .arg(w->width())
                                    .arg(w->height())
                                    .arg(limit().width())
                                    .arg(limit().height())));
    }

    void cleanupTestCase() { m_school.reset(); }
};

QTEST_MAIN(TestScreenFit)
#include "TestScreenFit.moc"

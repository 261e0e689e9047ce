// SPDX-License-Identifier: GPL-3.0-or-later
// The user guide's screenshots (docs/user-guide/README.md), run under Xvfb at 1366×768 (CTest wraps it in xvfb-run,
// label "screenshots"): the guide's demo school (GuideScreens.h) in Vietnamese, each main screen opened from the main
// window and written as a PNG. With HOCBA_WRITE_SCREENSHOTS=1 they go to docs/user-guide/img/ in the source tree (to
// commit), otherwise to the same path in the build folder, so a normal test run leaves the source tree alone. The test
// fails when a screen cannot be opened or its picture cannot be written.
#include "GuideScreens.h"
#include "MainWindow.h"

#include "util/Translations.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QImageWriter>
#include <QTest>

using hocba::test::GuideSchool;

class TestScreenshots : public QObject
{
    Q_OBJECT
    std::unique_ptr<GuideSchool> m_school;
    QDir m_out;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QGuiApplication::platformName() == QStringLiteral("xcb"),
                 "run under Xvfb (xvfb-run), as CTest does: the pictures need a real X display");
        hocba::installTranslations(*qApp, QStringLiteral("vi"));
        const bool toSource = qEnvironmentVariable("HOCBA_WRITE_SCREENSHOTS") == QStringLiteral("1");
        const QString root = qEnvironmentVariable(toSource ? "HOCBA_SOURCE_DIR" : "HOCBA_BINARY_DIR");
        QVERIFY2(!root.isEmpty(), "HOCBA_SOURCE_DIR / HOCBA_BINARY_DIR not set (CTest sets them)");
        m_out = QDir(root + QStringLiteral("/docs/user-guide/img"));
        QVERIFY(m_out.mkpath(QStringLiteral(".")));
        qInfo("writing to %s", qPrintable(m_out.absolutePath()));

        m_school = std::make_unique<GuideSchool>();
        QVERIFY2(m_school->create(), qPrintable(m_school->error));
        // The whole 1366×768 screen (Xvfb has no window manager to maximise it).
        m_school->window->showNormal();
        m_school->window->setGeometry(0, 0, 1366, 768);
        QTRY_COMPARE(m_school->window->size(), QSize(1366, 768));
    }

    void screenshot_data()
    {
        QTest::addColumn<int>("index");
        const auto screens = GuideSchool::screens();
        for (int i = 0; i < screens.size(); ++i)
            QTest::newRow(qPrintable(screens.at(i).name)) << i;
    }

    void screenshot()
    {
        QFETCH(int, index);
        const auto screen = GuideSchool::screens().at(index);
        m_school->closeDialogs();
        m_school->error.clear();
        QWidget* w = screen.open(*m_school);
        QVERIFY2(w, qPrintable(m_school->error));
        QVERIFY(QTest::qWaitForWindowExposed(w));
        w->raise();
        w->activateWindow();
        QTest::qWait(300); // let lists and previews paint
        QImage image = w->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 1366 && image.height() <= 768);
        // Kept small: screens have few colours, so a palette of 256 reads the same at a third of the size.
        image = image.convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
        const QString file = m_out.filePath(screen.name + QStringLiteral(".png"));
        QImageWriter writer(file, "png");
        writer.setQuality(0); // the strongest compression
        QVERIFY2(writer.write(image), qPrintable(writer.errorString()));
        qInfo("%s: %d×%d, %lld bytes", qPrintable(screen.name), image.width(), image.height(), QFileInfo(file).size());
    }

    void cleanupTestCase() { m_school.reset(); }
};

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoCreation.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "RecordLifecycleImpl.h"
#include "StartupController.h"

#include "util/Settings.h"
#include "util/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("hocba"));
    QCoreApplication::setApplicationName(QStringLiteral("hocba"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOCBA_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Học bạ số"));

    // The language comes from the user's setting (Vietnamese by default); HOCBA_LANG overrides it for support
    // and screenshots. It must be installed before any text is made.
    const std::unique_ptr<hocba::Settings> settings = hocba::Settings::forUser();
    hocba::installTranslations(app, hocba::languageFromEnvironment(settings->value(hocba::settings::UiLanguage)));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Digital school records"));
    parser.addHelpOption();
    parser.addVersionOption();
    hocba::ui::StartupController::addOptions(parser);
    parser.process(app);
    const auto args = hocba::ui::StartupController::arguments(parser);

    // First run: the demo school is made on a worker thread with a progress dialog, then opened.
    hocba::ui::MainWindow window(*settings);
    window.setImportRunners(&hocba::ui::importRunners);
    window.setRecordLifecycle(&hocba::desktop::recordLifecycle);
    auto makeDemo
        = [&window](const QString& path) -> hocba::Status { return hocba::ui::createDemoWithProgress(&window, path); };
    hocba::ui::StartupController startup(*settings, makeDemo, hocba::ui::StartupController::standardDemoPath());
    window.show();
    // Open the file once the event loop runs, so the window is on screen before any dialog about the file.
    QTimer::singleShot(0, &window, [&] { startup.run(window, args); });
    return app.exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

class QCommandLineParser;

namespace hocba {
class Settings;
}

namespace hocba::ui {

class MainWindow;

/**
 * Decides which school data file the desktop app opens at start:
 *  1. a file named on the command line;
 *  2. `--demo-db PATH`: the demo school at PATH, made first if the file does not exist yet;
 *  3. the file used last time (settings::LastDatabase), even if it is gone — the user then sees why instead of
 *     silently getting a different school;
 *  4. on the very first run, the demo school at the standard data location, made if it does not exist yet.
 * Making the demo school is injected (`makeDemo`) so that tests and builds without it can supply their own.
 */
class StartupController
{
    Q_DECLARE_TR_FUNCTIONS(hocba::ui::StartupController)
public:
    using MakeDemo = std::function<Status(const QString& path)>;

    struct Arguments
    {
        QString file; ///< positional: a data file to open
        QString demoDb; ///< --demo-db PATH
    };

    enum class Source { Argument, DemoOption, LastUsed, FirstRunDemo };
    struct Decision
    {
        QString path;
        Source source = Source::Argument;
        bool demoCreated = false;
    };

    StartupController(Settings& settings, MakeDemo makeDemo, QString standardDemoPath);

    /** AppDataLocation/truong-demo.hocba. */
    static QString standardDemoPath();
    static void addOptions(QCommandLineParser& parser);
    static Arguments arguments(const QCommandLineParser& parser);

    /** Picks the file and makes the demo school where that is the choice. */
    Result<Decision> decide(const Arguments& args);
    /** decide(), then opens the file in the window; failures are shown to the user. True when a file is open. */
    bool run(MainWindow& window, const Arguments& args);

private:
    Result<Decision> demoAt(const QString& path, Source source);

    Settings& m_settings;
    MakeDemo m_makeDemo;
    QString m_standardDemoPath;
};

} // namespace hocba::ui

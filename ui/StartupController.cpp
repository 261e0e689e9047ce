// SPDX-License-Identifier: GPL-3.0-or-later
#include "StartupController.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "util/Settings.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace hocba::ui {

namespace {
const QString kDemoOption = QStringLiteral("demo-db");
}

StartupController::StartupController(Settings& settings, MakeDemo makeDemo, QString standardDemoPath)
    : m_settings(settings)
    , m_makeDemo(std::move(makeDemo))
    , m_standardDemoPath(std::move(standardDemoPath))
{ }

QString StartupController::standardDemoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/truong-demo.hocba");
}

void StartupController::addOptions(QCommandLineParser& parser)
{
    parser.addPositionalArgument(QStringLiteral("file"), tr("The school data file to open."), QStringLiteral("[file]"));
    parser.addOption(QCommandLineOption(kDemoOption, tr("Open the demo school at PATH, creating it if needed."),
                                        QStringLiteral("PATH")));
}

StartupController::Arguments StartupController::arguments(const QCommandLineParser& parser)
{
    Arguments args;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        args.file = positional.first();
    args.demoDb = parser.value(kDemoOption);
    return args;
}

Result<StartupController::Decision> StartupController::demoAt(const QString& path, Source source)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // An existing file is opened as it is: it may hold a school's real work, and is never overwritten.
    if (QFileInfo::exists(absolute))
        return Decision {absolute, source, false};
    if (!m_makeDemo)
        return fail(ErrorCode::Unsupported, tr("The demo school cannot be created in this version."));
    if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
        return fail(
            ErrorCode::Io,
            tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(QFileInfo(absolute).absolutePath())));
    if (auto made = m_makeDemo(absolute); !made)
        return std::unexpected(made.error());
    return Decision {absolute, source, true};
}

Result<StartupController::Decision> StartupController::decide(const Arguments& args)
{
    if (!args.file.isEmpty())
        return Decision {QFileInfo(args.file).absoluteFilePath(), Source::Argument, false};
    if (!args.demoDb.isEmpty())
        return demoAt(args.demoDb, Source::DemoOption);
    const QString last = m_settings.value(settings::LastDatabase);
    if (!last.isEmpty())
        return Decision {last, Source::LastUsed, false};
    return demoAt(m_standardDemoPath, Source::FirstRunDemo);
}

bool StartupController::run(MainWindow& window, const Arguments& args)
{
    auto decision = decide(args);
    if (!decision) {
        MessageBox::warning(&window, tr("Demo school"), decision.error().message);
        return false;
    }
    return window.openDatabase(decision->path);
}

} // namespace hocba::ui

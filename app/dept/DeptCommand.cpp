// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeptCommand.h"

#include <QCoreApplication>

Q_LOGGING_CATEGORY(lcServer, "hocba.server", QtInfoMsg)

namespace hocba::server {

namespace {

QString exitCodesHelp()
{
    return DeptCommand::tr("Exit codes: 0 success; 1 invalid data; 2 wrong usage; 4 database; 5 network (the server "
                           "could not listen).");
}

std::vector<std::unique_ptr<cmdline::Command>> allCommands()
{
    std::vector<std::unique_ptr<cmdline::Command>> list;
    list.push_back(makeInitCommand());
    list.push_back(makeServeCommand());
    list.push_back(makeSchoolCommand());
    list.push_back(makeTrustCommand());
    list.push_back(makePolicyCommand());
    list.push_back(makeWindowCommand());
    list.push_back(makeExportCommand());
    list.push_back(makeStatusCommand());
    return list;
}

cmdline::Program deptProgram()
{
    return {QStringLiteral("hocba-dept"), exitCodesHelp(), 8, true};
}

} // namespace

cmdline::Program DeptCommand::program() const
{
    return deptProgram();
}

QCommandLineOption DeptCommand::dataOption()
{
    return QCommandLineOption(QStringLiteral("data"),
                              DeptCommand::tr("The Department's data folder (made by \"hocba-dept init\")."),
                              DeptCommand::tr("DIR"));
}

QCommandLineOption DeptCommand::databaseOption()
{
    return QCommandLineOption(QStringLiteral("database"),
                              DeptCommand::tr("Use this database instead of the folder's SQLite file, e.g. "
                                              "postgresql://hocba@localhost/hocba."),
                              DeptCommand::tr("URL"));
}

Result<QString> DeptCommand::required(const QCommandLineParser& parser, const QString& option, const QString& valueName)
{
    const QString value = parser.value(option).trimmed();
    if (value.isEmpty())
        return fail(ErrorCode::Usage, DeptCommand::tr("The --%1 %2 option is required.").arg(option, valueName));
    return value;
}

QString DeptCommand::storeUrl(const QCommandLineParser& parser, const dept::DataFolder& folder)
{
    const QString database = parser.value(QStringLiteral("database")).trimmed();
    return database.isEmpty() ? folder.databasePath() : database;
}

Result<OpenedData> DeptCommand::openData(const QCommandLineParser& parser)
{
    auto path = required(parser, QStringLiteral("data"), DeptCommand::tr("DIR"));
    if (!path)
        return std::unexpected(path.error());
    auto folder = dept::DataFolder::open(*path);
    if (!folder)
        return std::unexpected(folder.error());
    auto store = dept::DeptStore::open(storeUrl(parser, *folder));
    if (!store)
        return std::unexpected(store.error());
    auto session = (*store)->openSession();
    if (!session)
        return std::unexpected(session.error());
    return OpenedData {*folder, std::move(*store), std::move(*session)};
}

int runDept(const QStringList& args, Console& console)
{
    return cmdline::dispatch(deptProgram(), allCommands(), args, console);
}

} // namespace hocba::server

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

std::vector<std::unique_ptr<DeptCommand>> allCommands()
{
    std::vector<std::unique_ptr<DeptCommand>> list;
    list.push_back(makeInitCommand());
    list.push_back(makeServeCommand());
    list.push_back(makeSchoolCommand());
    list.push_back(makeTrustCommand());
    list.push_back(makeWindowCommand());
    list.push_back(makeExportCommand());
    list.push_back(makeStatusCommand());
    return list;
}

} // namespace

Console::Console(QIODevice* outDevice, QIODevice* errDevice)
    : out(outDevice)
    , err(errDevice)
{ }

int Console::fail(const Error& error)
{
    err << DeptCommand::tr("Error: %1").arg(error.message) << '\n';
    if (!error.detail.isEmpty())
        err << "  (" << error.detail << ")\n";
    err.flush();
    return exitCodeFor(error.code);
}

void Console::printJson(const QJsonDocument& doc)
{
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out.flush();
}

int DeptCommand::parse(QCommandLineParser& parser, const QList<QCommandLineOption>& options, const QStringList& args,
                       Console& console, const QString& positionalSyntax)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, DeptCommand::tr("Show this help."));
    parser.addOptions(options);
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(args)) {
        console.err << DeptCommand::tr("Error: %1").arg(parser.errorText()) << '\n'
                    << DeptCommand::tr("Run \"hocba-dept %1 --help\" for the options.").arg(name()) << '\n';
        console.err.flush();
        return ExitUsage;
    }
    if (!parser.isSet(help))
        return -1;
    console.out << DeptCommand::tr("Usage: hocba-dept %1 %2[options]")
                       .arg(name(), positionalSyntax.isEmpty() ? QString() : positionalSyntax + QLatin1Char(' '))
                << "\n\n"
                << summary() << "\n\n"
                << DeptCommand::tr("Options:") << '\n';
    for (const QCommandLineOption& o : options + QList<QCommandLineOption> {help}) {
        if (o.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            continue;
        QStringList names;
        for (const QString& n : o.names())
            names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
        QString left = names.join(QStringLiteral(", "));
        if (!o.valueName().isEmpty())
            left += QLatin1Char(' ') + o.valueName();
        console.out << "  " << left.leftJustified(28) << ' ' << o.description() << '\n';
    }
    console.out << '\n' << exitCodesHelp() << '\n';
    console.out.flush();
    return ExitOk;
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

QCommandLineOption DeptCommand::jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), DeptCommand::tr("Print the output as JSON."));
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
    auto commands = allCommands();
    const auto printCommands = [&](QTextStream& s) {
        s << DeptCommand::tr("Usage: hocba-dept <command> [options]") << "\n\n" << DeptCommand::tr("Commands:") << '\n';
        for (const auto& c : commands)
            s << "  " << c->name().leftJustified(8) << ' ' << c->summary() << '\n';
        s << '\n'
          << DeptCommand::tr("Run \"hocba-dept <command> --help\" for the options of a command.") << '\n'
          << exitCodesHelp() << '\n';
        s.flush();
    };
    if (args.isEmpty()) {
        printCommands(console.err);
        return ExitUsage;
    }
    const QString& word = args.first();
    if (word == QLatin1String("--help") || word == QLatin1String("-h") || word == QLatin1String("help")) {
        printCommands(console.out);
        return ExitOk;
    }
    if (word == QLatin1String("--version")) {
        console.out << "hocba-dept " << QCoreApplication::applicationVersion() << '\n';
        console.out.flush();
        return ExitOk;
    }
    for (const auto& c : commands)
        if (c->name() == word)
            return c->run(args, console);
    console.err << DeptCommand::tr("Error: unknown command \"%1\".").arg(word) << '\n';
    printCommands(console.err);
    return ExitUsage;
}

} // namespace hocba::server

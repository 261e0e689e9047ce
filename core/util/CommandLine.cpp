// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include <QCoreApplication>

namespace hocba::cmdline {

Console::Console(QIODevice* inDevice, QIODevice* outDevice, QIODevice* errDevice)
    : in(inDevice)
    , out(outDevice)
    , err(errDevice)
{ }

int Console::fail(const Error& error)
{
    err << QCoreApplication::translate("hocba::cmdline::Command", "Error: %1").arg(error.message) << '\n';
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

namespace {

QString usageLine(const Program& program, const QString& command, const QString& positionalSyntax)
{
    const bool before = program.positionalBeforeOptions && !positionalSyntax.isEmpty();
    QString line = QCoreApplication::translate("hocba::cmdline::Command", "Usage: %1 %2 [options]")
                       .arg(program.name, before ? command + QLatin1Char(' ') + positionalSyntax : command);
    if (!before && !positionalSyntax.isEmpty())
        line += QLatin1Char(' ') + positionalSyntax;
    return line;
}

void printOptions(QTextStream& out, const QList<QCommandLineOption>& options)
{
    for (const QCommandLineOption& o : options) {
        if (o.flags().testFlag(QCommandLineOption::HiddenFromHelp))
            continue;
        QStringList names;
        for (const QString& n : o.names())
            names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
        QString left = names.join(QStringLiteral(", "));
        if (!o.valueName().isEmpty())
            left += QLatin1Char(' ') + o.valueName();
        out << "  " << left.leftJustified(28) << ' ' << o.description() << '\n';
    }
}

} // namespace

int Command::parse(QCommandLineParser& parser, const QList<QCommandLineOption>& options, const QStringList& args,
                   Console& console, const QString& positionalSyntax)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("hocba::cmdline::Command", "Show this help."));
    parser.addOptions(options);
    parser.addOption(help);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const Program about = program();
    if (!parser.parse(args)) {
        console.err << QCoreApplication::translate("hocba::cmdline::Command", "Error: %1").arg(parser.errorText())
                    << '\n'
                    << QCoreApplication::translate("hocba::cmdline::Command", "Run \"%1 %2 --help\" for the options.")
                           .arg(about.name, name())
                    << '\n';
        console.err.flush();
        return ExitUsage;
    }
    if (!parser.isSet(help))
        return -1;
    console.out << usageLine(about, name(), positionalSyntax) << "\n\n"
                << summary() << "\n\n"
                << QCoreApplication::translate("hocba::cmdline::Command", "Options:") << '\n';
    printOptions(console.out, options + QList<QCommandLineOption> {help});
    console.out << '\n' << about.exitCodes << '\n';
    console.out.flush();
    return ExitOk;
}

QCommandLineOption Command::jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"),
                              QCoreApplication::translate("hocba::cmdline::Command", "Print the output as JSON."));
}

int dispatch(const Program& program, const std::vector<std::unique_ptr<Command>>& commands, const QStringList& args,
             Console& console)
{
    const auto printCommands = [&](QTextStream& s) {
        s << QCoreApplication::translate("hocba::cmdline::Command", "Usage: %1 <command> [options]").arg(program.name)
          << "\n\n"
          << QCoreApplication::translate("hocba::cmdline::Command", "Commands:") << '\n';
        for (const auto& c : commands)
            s << "  " << c->name().leftJustified(program.commandColumn) << ' ' << c->summary() << '\n';
        s << '\n'
          << QCoreApplication::translate("hocba::cmdline::Command",
                                         "Run \"%1 <command> --help\" for the options of a command.")
                 .arg(program.name)
          << '\n'
          << program.exitCodes << '\n';
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
        console.out << program.name << ' ' << QCoreApplication::applicationVersion() << '\n';
        console.out.flush();
        return ExitOk;
    }
    for (const auto& c : commands)
        if (c->name() == word)
            return c->run(args, console);
    console.err << QCoreApplication::translate("hocba::cmdline::Command", "Error: unknown command \"%1\".").arg(word)
                << '\n';
    printCommands(console.err);
    return ExitUsage;
}

} // namespace hocba::cmdline

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QCommandLineParser>
#include <QIODevice>
#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <vector>

/** What hocba-cli and hocba-dept share: the console, sub-commands with translated help, and the dispatcher. */
namespace hocba::cmdline {

/** Where a command reads and writes; bound to stdin/stdout/stderr in main, to buffers in tests. */
struct Console
{
    /** inDevice may be null for a program that reads nothing from stdin (hocba-dept). */
    Console(QIODevice* inDevice, QIODevice* outDevice, QIODevice* errDevice);
    QIODevice* in;
    QTextStream out;
    QTextStream err;

    /** Prints "Error: <message>" (translated, and the detail) to err, returns the exit code of the error's class. */
    int fail(const Error& error);
    void printJson(const QJsonDocument& doc);
};

/** What a program's help says about the program itself. */
struct Program
{
    /** The program's name as the user types it, e.g. "hocba-cli". */
    QString name;
    /** The translated line listing the program's exit codes. */
    QString exitCodes;
    /** How wide the column of command names is in the command list. */
    qsizetype commandColumn = 12;
    /**
     * Whether a command's positional syntax stands before "[options]": hocba-dept's names a sub-command word
     * ("school add [options]"), hocba-cli's names the arguments that follow the options.
     */
    bool positionalBeforeOptions = false;
};

/** One sub-command of a program. */
class Command
{
public:
    virtual ~Command() = default;
    /** The word after the program's name, e.g. "demo". */
    virtual QString name() const = 0;
    /** One translated line for the command list. */
    virtual QString summary() const = 0;
    /** Runs with args[0] == name(); returns the process exit code (util/Error.h ExitCode). */
    virtual int run(const QStringList& args, Console& console) = 0;
    /** The program the command belongs to, for its help. */
    virtual Program program() const = 0;

protected:
    /**
     * Adds `options` and --help to parser and parses args. Returns an exit code when the command
     * must stop (help printed → 0, bad usage → 2), or -1 to go on. The help text is translated and lists the
     * exit codes.
     */
    int parse(QCommandLineParser& parser, const QList<QCommandLineOption>& options, const QStringList& args,
              Console& console, const QString& positionalSyntax = {});
    /** The standard --json option. */
    static QCommandLineOption jsonOption();
};

/**
 * Dispatches args (without the program's name) to the command named by args[0]; handles no arguments, --help,
 * --version and an unknown command. `commands` are listed in this order by --help.
 */
int dispatch(const Program& program, const std::vector<std::unique_ptr<Command>>& commands, const QStringList& args,
             Console& console);

} // namespace hocba::cmdline

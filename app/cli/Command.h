// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "store/Database.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QIODevice>
#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>
#include <vector>

namespace hocba::cli {

/** Where a command reads and writes; bound to stdin/stdout/stderr in main, to buffers in tests. */
struct Console
{
    Console(QIODevice* inDevice, QIODevice* outDevice, QIODevice* errDevice);
    QIODevice* in;
    QTextStream out;
    QTextStream err;

    /** Prints "Lỗi: <message>" (and the detail) to err, returns the exit code of the error's class. */
    int fail(const Error& error);
    void printJson(const QJsonDocument& doc);
};

/** One sub-command of hocba-cli. */
class Command
{
public:
    virtual ~Command() = default;
    /** The word after hocba-cli, e.g. "demo". */
    virtual QString name() const = 0;
    /** One translated line for the command list. */
    virtual QString summary() const = 0;
    /** Runs with args[0] == name(); returns the process exit code (util/Error.h ExitCode). */
    virtual int run(const QStringList& args, Console& console) = 0;

protected:
    /**
     * Adds `options` and --help to parser and parses args. Returns an exit code when the command
     * must stop (help printed → 0, bad usage → 2), or -1 to go on. The help text is translated and lists the
     * exit codes.
     */
    int parse(QCommandLineParser& parser, const QList<QCommandLineOption>& options, const QStringList& args,
              Console& console, const QString& positionalSyntax = {});
    /** The standard --db FILE option. */
    static QCommandLineOption dbOption();
    static QCommandLineOption jsonOption();
    /** Reads --db and fails with a usage error when it is missing. */
    static Result<QString> requireDb(const QCommandLineParser& parser);
    /** Opens the existing data file --db names (a usage error without --db). */
    static Result<std::unique_ptr<store::Database>> openDb(const QCommandLineParser& parser);
    /** The standard --class NAME and --all options (one class of the chosen year, or every class). */
    static QCommandLineOption classOption();
    static QCommandLineOption allOption();
    /** --class NAME (trimmed), or nothing for the whole school; a usage error when --class and --all are both given. */
    static Result<std::optional<QString>> chosenClass(const QCommandLineParser& parser);
    /** The standard --out DIR option: `what` says what is written there. */
    static QCommandLineOption outOption(const QString& what);
    /** --out DIR, required (a usage error without it). */
    static Result<QString> requireOut(const QCommandLineParser& parser);
    /** Creates the --out folder (and its parents) if needed. */
    static Status createFolder(const QString& path);
    /** The standard --jobs N option: `what` says what runs at once. */
    static QCommandLineOption jobsOption(const QString& what);
    /** --jobs as a number from 1 to 64, or 0 when not given (the command's default). */
    static Result<int> chosenJobs(const QCommandLineParser& parser);
    /** The standard --by NAME option: who makes a change the audit log records. */
    static QCommandLineOption actorOption();
    /** --by NAME, or the system user's name when it is not given. */
    static QString chosenActor(const QCommandLineParser& parser);
    /**
     * --user LOGIN and its --password-file FILE (named `passwordFile`: "user-password-file" where --password-file is
     * a new account's password): who makes a change in a school file that has accounts.
     */
    static QList<QCommandLineOption> userOptions(const QString& passwordFile = QStringLiteral("password-file"));
    /**
     * Who works on `db`: in a file with accounts, the --user account after its password (HOCBA_PASSWORD, the
     * password file, or a prompt) is checked, with its assignments; an error naming the option when --user is
     * missing. In a file without accounts, Actor::unrestricted(): the audit keeps the connection's name.
     */
    static Result<lifecycle::Actor> actingUser(const QCommandLineParser& parser, store::Database& db,
                                               const QString& passwordFile = QStringLiteral("password-file"));
    /**
     * For a command that changes no data but needs a right (printing, exporting): actingUser, then the right checked
     * by lifecycle::permit. In a file without accounts, always allowed.
     */
    static Status requireRight(const QCommandLineParser& parser, store::Database& db, lifecycle::Right right);
    /** The standard --year YYYY-YYYY option. */
    static QCommandLineOption yearOption();
    /** The school year of --year, or the latest school year in the file; a usage error for a malformed year. */
    static Result<SchoolYear> chosenYear(const QCommandLineParser& parser, store::Database& db);
};

/** Every command, in the order --help lists them. */
std::vector<std::unique_ptr<Command>> allCommands();

/** Dispatches args (without the program name) to a command; the whole CLI, testable in-process. */
int runCli(const QStringList& args, Console& console);

} // namespace hocba::cli

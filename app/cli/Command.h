// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "store/Database.h"
#include "util/CommandLine.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace hocba::cli {

using cmdline::Console;

/** One sub-command of hocba-cli: the shared command line (util/CommandLine.h) and the options of a school file. */
class Command : public cmdline::Command
{
public:
    cmdline::Program program() const override;

protected:
    /** The standard --db FILE option. */
    static QCommandLineOption dbOption();
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
    /** For a command about to change `db`: the audit log's name (chosenActor) set on db, then actingUser. */
    static Result<lifecycle::Actor> changingUser(const QCommandLineParser& parser, store::Database& db);
    /** A school file opened for a change, and who makes it. */
    struct OpenedForChange
    {
        std::unique_ptr<store::Database> db;
        lifecycle::Actor actor;
    };
    /** openDb, then changingUser. */
    static Result<OpenedForChange> openForChange(const QCommandLineParser& parser);
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
std::vector<std::unique_ptr<cmdline::Command>> allCommands();

/** Dispatches args (without the program name) to a command; the whole CLI, testable in-process. */
int runCli(const QStringList& args, Console& console);

} // namespace hocba::cli

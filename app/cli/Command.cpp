// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"
#include "PasswordInput.h"

#include "lifecycle/Session.h"
#include "store/SchoolRepository.h"

#include <QCoreApplication>
#include <QDir>

namespace hocba::cli {

namespace {
QString exitCodesHelp()
{
    return QCoreApplication::translate(
        "hocba::cli::Command",
        "Exit codes: 0 success; 1 invalid data or some items failed; 2 wrong usage; 3 token or PIN; "
        "4 database; 5 network.");
}

cmdline::Program cliProgram()
{
    return {QStringLiteral("hocba-cli"), exitCodesHelp(), 12};
}
} // namespace

cmdline::Program Command::program() const
{
    return cliProgram();
}

QCommandLineOption Command::dbOption()
{
    return QCommandLineOption(QStringLiteral("db"),
                              QCoreApplication::translate("hocba::cli::Command", "The school's data file (SQLite)."),
                              QCoreApplication::translate("hocba::cli::Command", "FILE"));
}

Result<QString> Command::requireDb(const QCommandLineParser& parser)
{
    const QString db = parser.value(QStringLiteral("db"));
    if (db.isEmpty())
        return fail(ErrorCode::Usage,
                    QCoreApplication::translate("hocba::cli::Command", "The --db FILE option is required."));
    return db;
}

Result<std::unique_ptr<store::Database>> Command::openDb(const QCommandLineParser& parser)
{
    auto path = requireDb(parser);
    if (!path)
        return std::unexpected(path.error());
    return store::Database::openExisting(*path);
}

QCommandLineOption Command::classOption()
{
    return QCommandLineOption(
        QStringLiteral("class"),
        QCoreApplication::translate("hocba::cli::Command", "Only this class of the chosen year, e.g. 6A1."),
        QCoreApplication::translate("hocba::cli::Command", "NAME"));
}

QCommandLineOption Command::allOption()
{
    return QCommandLineOption(
        QStringLiteral("all"),
        QCoreApplication::translate("hocba::cli::Command", "Every class of the chosen year (the default)."));
}

Result<std::optional<QString>> Command::chosenClass(const QCommandLineParser& parser)
{
    // optionNames(): the options given, without warning about options a command does not define.
    const QStringList given = parser.optionNames();
    if (!given.contains(QStringLiteral("class")))
        return std::optional<QString>();
    if (given.contains(QStringLiteral("all")))
        return fail(ErrorCode::Usage,
                    QCoreApplication::translate("hocba::cli::Command", "Give either --class or --all, not both."));
    return std::optional<QString>(parser.value(QStringLiteral("class")).trimmed());
}

QCommandLineOption Command::outOption(const QString& what)
{
    return QCommandLineOption(QStringLiteral("out"), what, QCoreApplication::translate("hocba::cli::Command", "DIR"));
}

Result<QString> Command::requireOut(const QCommandLineParser& parser)
{
    if (!parser.optionNames().contains(QStringLiteral("out")))
        return fail(
            ErrorCode::Usage,
            QCoreApplication::translate("hocba::cli::Command", "Give the folder to write into with --out DIR."));
    return parser.value(QStringLiteral("out"));
}

Status Command::createFolder(const QString& path)
{
    if (QDir().mkpath(path))
        return {};
    return fail(ErrorCode::Io,
                QCoreApplication::translate("hocba::cli::Command", "Cannot create the folder %1.")
                    .arg(QDir::toNativeSeparators(path)),
                QStringLiteral("mkpath failed"));
}

QCommandLineOption Command::jobsOption(const QString& what)
{
    return QCommandLineOption(QStringLiteral("jobs"), what, QCoreApplication::translate("hocba::cli::Command", "N"));
}

Result<int> Command::chosenJobs(const QCommandLineParser& parser)
{
    if (!parser.optionNames().contains(QStringLiteral("jobs")))
        return 0;
    bool ok = false;
    const int jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
    if (!ok || jobs < 1 || jobs > 64)
        return fail(ErrorCode::Usage,
                    QCoreApplication::translate("hocba::cli::Command", "--jobs must be a whole number from 1 to 64."));
    return jobs;
}

QCommandLineOption Command::actorOption()
{
    return QCommandLineOption(
        QStringLiteral("by"),
        QCoreApplication::translate("hocba::cli::Command", "Who makes the change (default: the system user)."),
        QCoreApplication::translate("hocba::cli::Command", "NAME"));
}

QString Command::chosenActor(const QCommandLineParser& parser)
{
    const QString given = parser.optionNames().contains(QStringLiteral("by"))
        ? parser.value(QStringLiteral("by")).trimmed()
        : QString();
    return given.isEmpty() ? qEnvironmentVariable("USER", QStringLiteral("system")) : given;
}

QList<QCommandLineOption> Command::userOptions(const QString& passwordFile)
{
    return {QCommandLineOption(QStringLiteral("user"),
                               QCoreApplication::translate("hocba::cli::Command",
                                                           "Your account's login: a school file with accounts needs "
                                                           "it for every change."),
                               QCoreApplication::translate("hocba::cli::Command", "LOGIN")),
            QCommandLineOption(passwordFile,
                               QCoreApplication::translate("hocba::cli::Command",
                                                           "Read your account's password from FILE (mode 600). "
                                                           "Otherwise HOCBA_PASSWORD, or a prompt on a terminal."),
                               QCoreApplication::translate("hocba::cli::Command", "FILE"))};
}

Result<lifecycle::Actor> Command::actingUser(const QCommandLineParser& parser, store::Database& db,
                                             const QString& passwordFile)
{
    auto hasAccounts = lifecycle::schoolHasAccounts(db);
    if (!hasAccounts)
        return std::unexpected(hasAccounts.error());
    const bool given = parser.optionNames().contains(QStringLiteral("user"));
    if (!*hasAccounts) {
        if (given)
            return fail(ErrorCode::InvalidInput,
                        QCoreApplication::translate("hocba::cli::Command",
                                                    "This school file has no accounts yet; leave out --user."));
        return lifecycle::Actor::unrestricted();
    }
    const QString login = parser.value(QStringLiteral("user")).trimmed();
    if (login.isEmpty())
        return fail(ErrorCode::PermissionDenied,
                    QCoreApplication::translate("hocba::cli::Command",
                                                "This school file has accounts: say who you are with --user LOGIN "
                                                "(the password comes from HOCBA_PASSWORD, --%1 FILE or a prompt). "
                                                "Nothing was changed.")
                        .arg(passwordFile),
                    QStringLiteral("no --user"));
    auto password = readPassword(parser.value(passwordFile), login, PasswordPurpose::LogIn);
    if (!password)
        return std::unexpected(password.error());
    auto actor = lifecycle::logIn(db, login, password->view());
    if (!actor)
        return std::unexpected(actor.error());
    lifecycle::actAs(db, *actor);
    return actor;
}

Result<lifecycle::Actor> Command::changingUser(const QCommandLineParser& parser, store::Database& db)
{
    db.setActor(chosenActor(parser));
    return actingUser(parser, db);
}

Result<Command::OpenedForChange> Command::openForChange(const QCommandLineParser& parser)
{
    auto db = openDb(parser);
    if (!db)
        return std::unexpected(db.error());
    auto actor = changingUser(parser, **db);
    if (!actor)
        return std::unexpected(actor.error());
    return OpenedForChange {std::move(*db), std::move(*actor)};
}

Status Command::requireRight(const QCommandLineParser& parser, store::Database& db, lifecycle::Right right)
{
    auto actor = actingUser(parser, db);
    if (!actor)
        return std::unexpected(actor.error());
    return lifecycle::permit(db, *actor, right);
}

QCommandLineOption Command::yearOption()
{
    return QCommandLineOption(
        QStringLiteral("year"),
        QCoreApplication::translate("hocba::cli::Command",
                                    "The school year, e.g. 2025-2026 (default: the latest in the file)."),
        QCoreApplication::translate("hocba::cli::Command", "YEAR"));
}

Result<SchoolYear> Command::chosenYear(const QCommandLineParser& parser, store::Database& db)
{
    const QString text = parser.value(QStringLiteral("year"));
    if (!text.isEmpty()) {
        const auto y = SchoolYear::fromString(text);
        if (!y)
            return fail(ErrorCode::Usage,
                        QCoreApplication::translate("hocba::cli::Command", "--year must look like 2025-2026."));
        return *y;
    }
    auto years = store::SchoolRepository(db).schoolYears();
    if (!years)
        return std::unexpected(years.error());
    if (years->isEmpty())
        return fail(ErrorCode::NotFound,
                    QCoreApplication::translate("hocba::cli::Command", "The data file has no school years yet."));
    return years->last();
}

int runCli(const QStringList& args, Console& console)
{
    return cmdline::dispatch(cliProgram(), allCommands(), args, console);
}

} // namespace hocba::cli

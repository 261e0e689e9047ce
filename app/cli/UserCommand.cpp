// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "PasswordInput.h"

#include "lifecycle/Accounts.h"
#include "store/Database.h"
#include "util/Terminal.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hocba::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::UserCommand)
};

/** --password-file is the new password here; the working account's password file has its own option. */
const QString kActingPasswordFile = QStringLiteral("user-password-file");

/** The command line's role words; "subject" is the stored subject_teacher. */
std::optional<Role> roleFromWord(const QString& word)
{
    if (word == QLatin1String("subject"))
        return Role::SubjectTeacher;
    return word == QLatin1String("subject_teacher") ? std::nullopt : roleFromCode(word);
}

QString roleWord(Role role)
{
    return role == Role::SubjectTeacher ? QStringLiteral("subject") : toCode(role);
}

class UserCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::UserCommand)
public:
    QString name() const override { return QStringLiteral("user"); }
    QString summary() const override
    {
        return tr("Manage the school's local accounts: \"user add\", \"user list\", \"user passwd\", "
                  "\"user disable\".");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption login(QStringLiteral("login"), tr("The account's login (3-32 of a-z 0-9 . _ -)."),
                                       tr("LOGIN"));
        const QCommandLineOption fullName(QStringLiteral("name"), tr("The account holder's full name."), tr("NAME"));
        const QCommandLineOption role(QStringLiteral("role"), tr("admin, principal, homeroom, subject or clerk."),
                                      tr("ROLE"));
        const QCommandLineOption file(QStringLiteral("password-file"),
                                      tr("Read the password from FILE (mode 600). Otherwise HOCBA_PASSWORD, or a "
                                         "prompt on a terminal."),
                                      tr("FILE"));
        QCommandLineParser parser;
        if (int code
            = parse(parser,
                    QList<QCommandLineOption> {dbOption(), login, fullName, role, file, actorOption(), jsonOption()}
                        + userOptions(kActingPasswordFile),
                    args, console, QStringLiteral("add|list|passwd|disable"));
            code >= 0)
            return code;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        static const QStringList actions {QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("passwd"),
                                          QStringLiteral("disable")};
        if (words.size() != 1 || !actions.contains(action))
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"user add\", \"user list\", \"user passwd\" or \"user "
                                    "disable\"."),
                                 {}});
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        (*db)->setActor(chosenActor(parser));
        if (action == QLatin1String("list"))
            return list(**db, parser.isSet(QStringLiteral("json")), console);
        if (!parser.isSet(login))
            return console.fail({ErrorCode::Usage, tr("--login LOGIN is required."), {}});
        const QString who = parser.value(login).trimmed();
        // The working account's password is read first, so HOCBA_PASSWORD is its password, never the new one.
        auto actor = actingUser(parser, **db, kActingPasswordFile);
        if (!actor)
            return console.fail(actor.error());
        if (action == QLatin1String("disable"))
            return done(lifecycle::Accounts::disable(**db, *actor, who), tr("Account %1 disabled.").arg(who), console);

        std::optional<Role> chosenRole;
        if (action == QLatin1String("add")) {
            chosenRole = roleFromWord(parser.value(role).trimmed());
            if (!chosenRole)
                return console.fail(
                    {ErrorCode::Usage, tr("--role must be admin, principal, homeroom, subject or clerk."), {}});
            if (!parser.isSet(fullName))
                return console.fail({ErrorCode::Usage, tr("--name NAME is required."), {}});
        }
        auto password = readPassword(parser.value(file), who);
        if (!password)
            return console.fail(password.error());
        if (action == QLatin1String("passwd"))
            return done(lifecycle::Accounts::changePassword(**db, *actor, who, password->view()),
                        tr("Password of %1 changed.").arg(who), console);
        auto added = lifecycle::Accounts::add(**db, *actor, who, parser.value(fullName), *chosenRole, password->view());
        return done(added ? Status() : std::unexpected(added.error()), tr("Account %1 added.").arg(who), console);
    }

private:
    static int done(const Status& status, const QString& message, Console& console)
    {
        if (!status)
            return console.fail(status.error());
        console.out << message << '\n';
        console.out.flush();
        return ExitOk;
    }

    static int list(store::Database& db, bool json, Console& console)
    {
        auto users = lifecycle::Accounts::list(db);
        if (!users)
            return console.fail(users.error());
        QJsonArray rows;
        for (const auto& u : *users) {
            const QString lockedUntil = u.lockedUntil.isValid() ? u.lockedUntil.toString(Qt::ISODate) : QString();
            if (json) {
                rows.append(QJsonObject {{QStringLiteral("login"), u.user.login},
                                         {QStringLiteral("name"), u.user.fullName},
                                         {QStringLiteral("role"), roleWord(u.user.role)},
                                         {QStringLiteral("disabled"), u.disabled},
                                         {QStringLiteral("failedAttempts"), u.failedAttempts},
                                         {QStringLiteral("lockedUntil"), lockedUntil}});
                continue;
            }
            console.out << u.user.login << '\t' << roleWord(u.user.role) << '\t' << u.user.fullName;
            if (u.disabled)
                console.out << '\t' << tr("[disabled]");
            if (!lockedUntil.isEmpty())
                console.out << '\t' << tr("[locked until %1 UTC]").arg(lockedUntil);
            console.out << '\n';
        }
        if (json)
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("users"), rows}}));
        else if (users->isEmpty())
            console.out << tr("No accounts yet. Add one with \"hocba-cli user add\".") << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeUserCommand()
{
    return std::make_unique<UserCommand>();
}

} // namespace hocba::cli

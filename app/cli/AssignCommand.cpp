// SPDX-License-Identifier: GPL-3.0-or-later
// Who teaches what in a school year: "assign" gives a teacher account a class (homeroom) or a subject in a class.
#include "Commands.h"

#include "domain/Types.h"
#include "lifecycle/Assignments.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class AssignCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::AssignCommand)
public:
    QString name() const override { return QStringLiteral("assign"); }
    QString summary() const override
    {
        return tr("Assign a teacher account to a class for a school year: homeroom teacher, or with --subject the "
                  "teacher of that subject (\"assign\", \"assign remove\", \"assign list\").");
    }

    int run(const QStringList& args, Console& console) override
    {
        // --user is the account that works (as in every command), so the account assigned is --teacher.
        const QCommandLineOption teacher(QStringLiteral("teacher"), tr("The login of the teacher account assigned."),
                                         tr("LOGIN"));
        const QCommandLineOption cls(QStringLiteral("class"), tr("The class, e.g. 6A1."), tr("NAME"));
        const QCommandLineOption subject(
            QStringLiteral("subject"),
            tr("A subject code of docs/evaluate.md (e.g. toan); without it, the homeroom teacher."), tr("CODE"));
        QCommandLineParser parser;
        if (int c = parse(
                parser,
                QList<QCommandLineOption> {dbOption(), yearOption(), teacher, cls, subject, actorOption(), jsonOption()}
                    + userOptions(),
                args, console, QStringLiteral("[remove|list]"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        if (words.size() > 1
            || !(action.isEmpty() || action == QLatin1String("remove") || action == QLatin1String("list")))
            return console.fail({ErrorCode::Usage, tr("Say \"assign\", \"assign remove\" or \"assign list\"."), {}});
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        auto year = chosenYear(parser, **db);
        if (!year)
            return console.fail(year.error());
        if (action == QLatin1String("list"))
            return list(**db, *year, parser.isSet(QStringLiteral("json")), console);
        if (!parser.isSet(teacher) || !parser.isSet(cls))
            return console.fail({ErrorCode::Usage, tr("--teacher LOGIN and --class NAME are required."), {}});
        auto actor = changingUser(parser, **db);
        if (!actor)
            return console.fail(actor.error());
        const lifecycle::AssignmentRequest request {*year, parser.value(teacher).trimmed(), parser.value(cls).trimmed(),
                                                    parser.value(subject).trimmed()};
        const bool remove = action == QLatin1String("remove");
        const Status done
            = remove ? lifecycle::unassign(**db, *actor, request) : lifecycle::assign(**db, *actor, request);
        if (!done)
            return console.fail(done.error());
        const QString duty = request.subject.isEmpty() ? tr("homeroom teacher of %1").arg(request.className)
                                                       : tr("%1 in %2").arg(request.subject, request.className);
        console.out << (remove ? tr("%1 is no longer %2 in %3.") : tr("%1 is now %2 in %3."))
                           .arg(request.login, duty, year->toString())
                    << '\n';
        console.out.flush();
        return ExitOk;
    }

private:
    static int list(store::Database& db, SchoolYear year, bool json, Console& console)
    {
        auto rows = lifecycle::assignments(db, year);
        if (!rows)
            return console.fail(rows.error());
        QJsonArray out;
        for (const auto& row : *rows) {
            if (json) {
                out.append(QJsonObject {{QStringLiteral("login"), row.login},
                                        {QStringLiteral("class"), row.className},
                                        {QStringLiteral("subject"), row.subject}});
                continue;
            }
            console.out << row.className << '\t' << (row.subject.isEmpty() ? tr("homeroom") : row.subject) << '\t'
                        << row.login << '\t' << row.fullName << '\n';
        }
        if (json)
            console.printJson(QJsonDocument(
                QJsonObject {{QStringLiteral("year"), year.toString()}, {QStringLiteral("assignments"), out}}));
        else if (rows->isEmpty())
            console.out << tr("No assignments in %1 yet.").arg(year.toString()) << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeAssignCommand()
{
    return std::make_unique<AssignCommand>();
}

} // namespace hocba::cli

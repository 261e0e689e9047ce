// SPDX-License-Identifier: GPL-3.0-or-later
// year open: the next school year from the last one, previewed, then written with --yes (docs/import.md).
// year principal: who was the principal in a school year (the name that year's pages print).
#include "Commands.h"

#include "lifecycle/Actor.h"
#include "lifecycle/SchoolSetup.h"
#include "lifecycle/YearOpening.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <optional>

namespace hocba::cli {

namespace {

/** One line of the preview per class of the last year. */
struct ClassLine
{
    int promoted = 0;
    QString promotedTo;
    int retained = 0;
    int leaving = 0;
};

QMap<QString, ClassLine> classLines(const lifecycle::YearOpeningPlan& plan)
{
    QMap<QString, ClassLine> lines;
    for (const lifecycle::StudentMove& m : plan.moves) {
        ClassLine& line = lines[m.fromClass];
        if (m.move == lifecycle::YearMove::Promoted) {
            ++line.promoted;
            line.promotedTo = m.toClass;
        } else if (m.move == lifecycle::YearMove::Retained) {
            ++line.retained;
        } else {
            ++line.leaving;
        }
    }
    return lines;
}

QString moveCode(lifecycle::YearMove move)
{
    switch (move) {
    case lifecycle::YearMove::Promoted:
        return QStringLiteral("promoted");
    case lifecycle::YearMove::Retained:
        return QStringLiteral("retained");
    case lifecycle::YearMove::Leaves:
        return QStringLiteral("leaves");
    }
    return {};
}

QJsonObject planJson(const lifecycle::YearOpeningPlan& plan, bool applied)
{
    QJsonArray moves;
    for (const lifecycle::StudentMove& m : plan.moves)
        moves.append(QJsonObject {{QStringLiteral("student"), m.studentName},
                                  {QStringLiteral("from"), m.fromClass},
                                  {QStringLiteral("move"), moveCode(m.move)},
                                  {QStringLiteral("to"), m.toClass}});
    QJsonArray problems;
    for (const lifecycle::YearOpeningProblem& p : plan.problems)
        problems.append(QJsonObject {{QStringLiteral("code"), p.code},
                                     {QStringLiteral("class"), p.className},
                                     {QStringLiteral("student"), p.studentName},
                                     {QStringLiteral("message"), p.message}});
    return {{QStringLiteral("from"), plan.from.toString()},
            {QStringLiteral("to"), plan.to.toString()},
            {QStringLiteral("promoted"), plan.count(lifecycle::YearMove::Promoted)},
            {QStringLiteral("retained"), plan.count(lifecycle::YearMove::Retained)},
            {QStringLiteral("leaving"), plan.count(lifecycle::YearMove::Leaves)},
            {QStringLiteral("newClasses"), QJsonArray::fromStringList(plan.newClasses)},
            {QStringLiteral("moves"), moves},
            {QStringLiteral("problems"), problems},
            {QStringLiteral("applied"), applied}};
}

class YearCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::YearCommand)
public:
    QString name() const override { return QStringLiteral("year"); }
    QString summary() const override
    {
        return tr("Open the next school year from the last one: \"year open --year 2026-2027\" previews the moves, "
                  "--yes makes them. \"year principal --year 2024-2025 --name NAME\" records that year's principal.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption year(QStringLiteral("year"), tr("The school year to open, e.g. 2026-2027."),
                                      tr("YEAR"));
        const QCommandLineOption yes(QStringLiteral("yes"),
                                     tr("Open the year as previewed (without it nothing is "
                                        "written)."));
        const QCommandLineOption name(QStringLiteral("name"),
                                      tr("year principal: the full name of that year's principal (without it, the "
                                         "recorded name is shown)."),
                                      tr("NAME"));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), year, yes, name, jsonOption(), actorOption()}
                              + userOptions(),
                          args, console, QStringLiteral("open|principal"));
            c >= 0)
            return c;
        const QStringList positional = parser.positionalArguments();
        if (positional == QStringList {QStringLiteral("principal")} && parser.isSet(year))
            return runPrincipal(parser, parser.value(year),
                                parser.isSet(name) ? std::optional(parser.value(name)) : std::nullopt, console);
        if (positional != QStringList {QStringLiteral("open")} || !parser.isSet(year) || parser.isSet(name))
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"year open --year 2026-2027\" or \"year principal --year 2024-2025 "
                                    "--name NAME\"."),
                                 {}});
        const auto next = SchoolYear::fromString(parser.value(year));
        if (!next)
            return console.fail({ErrorCode::Usage, tr("--year must look like 2026-2027."), {}});
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        (*db)->setActor(chosenActor(parser));
        // With --yes the account's right comes first: someone who may not open the year is told so, not sent to fix
        // the students' problems. The preview alone reads and needs no login.
        std::optional<lifecycle::Actor> actor;
        if (parser.isSet(yes)) {
            auto acting = actingUser(parser, **db);
            if (!acting)
                return console.fail(acting.error());
            if (auto s = acting->require(lifecycle::Right::ManageSchool, lifecycle::RightScope::inYear(*next)); !s)
                return console.fail(s.error());
            actor = std::move(*acting);
        }
        auto plan = lifecycle::planYearOpening(**db, *next);
        if (!plan)
            return console.fail(plan.error());
        const bool apply = actor && plan->canApply();
        if (apply)
            if (auto s = lifecycle::applyYearOpening(**db, *plan, *actor); !s)
                return console.fail(s.error());
        if (parser.isSet(jsonOption()))
            console.printJson(QJsonDocument(planJson(*plan, apply)));
        else
            printText(*plan, apply, console);
        return plan->canApply() ? ExitOk : ExitFailed;
    }

private:
    /** Shows, or with a name sets, the principal of one school year. */
    static int runPrincipal(const QCommandLineParser& parser, const QString& yearText,
                            const std::optional<QString>& name, Console& console)
    {
        const auto year = SchoolYear::fromString(yearText);
        if (!year)
            return console.fail({ErrorCode::Usage, tr("--year must look like 2026-2027."), {}});
        std::unique_ptr<store::Database> db;
        if (name) {
            auto opened = openForChange(parser);
            if (!opened)
                return console.fail(opened.error());
            if (auto s = lifecycle::setYearPrincipal(*opened->db, opened->actor, *year, *name); !s)
                return console.fail(s.error());
            db = std::move(opened->db);
        } else {
            auto read = openDb(parser);
            if (!read)
                return console.fail(read.error());
            db = std::move(*read);
        }
        auto principal = store::SchoolRepository(*db).yearPrincipal(*year);
        if (!principal)
            return console.fail(principal.error());
        if (!*principal)
            return console.fail(
                {ErrorCode::NotFound, tr("The school year %1 is not open in this file.").arg(year->toString()), {}});
        if (parser.isSet(jsonOption())) {
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("year"), year->toString()},
                                                         {QStringLiteral("principal"), **principal},
                                                         {QStringLiteral("changed"), name.has_value()}}));
        } else if ((*principal)->isEmpty()) {
            console.out << tr("No principal is recorded for %1.").arg(year->toString()) << '\n';
        } else {
            console.out << tr("The principal of %1: %2.").arg(year->toString(), **principal) << '\n';
        }
        console.out.flush();
        return ExitOk;
    }

    static void printText(const lifecycle::YearOpeningPlan& plan, bool applied, Console& console)
    {
        console.out << tr("School year %1 from %2: %3 promoted, %4 retained, %5 leaving (their records are closed), "
                          "%6 classes to create.")
                           .arg(plan.to.toString(), plan.from.toString())
                           .arg(plan.count(lifecycle::YearMove::Promoted))
                           .arg(plan.count(lifecycle::YearMove::Retained))
                           .arg(plan.count(lifecycle::YearMove::Leaves))
                           .arg(plan.newClasses.size())
                    << '\n';
        const auto lines = classLines(plan);
        for (auto it = lines.begin(); it != lines.end(); ++it) {
            const QString line = it->promoted > 0
                ? tr("%1: %2 promoted to %3, %4 retained, %5 leaving.")
                      .arg(it.key())
                      .arg(it->promoted)
                      .arg(it->promotedTo)
                      .arg(it->retained)
                      .arg(it->leaving)
                : tr("%1: %2 retained, %3 leaving.").arg(it.key()).arg(it->retained).arg(it->leaving);
            console.out << "  " << line << '\n';
        }
        if (!plan.newClasses.isEmpty())
            console.out << tr("New classes: %1.").arg(plan.newClasses.join(QStringLiteral(", "))) << '\n';
        if (!plan.problems.isEmpty())
            console.out << tr("To fix before the year can be opened (%1):").arg(plan.problems.size()) << '\n';
        // A file where nothing is confirmed yet would list every student: the first ones say enough.
        constexpr int shownProblems = 20;
        for (const lifecycle::YearOpeningProblem& p :
             plan.problems.first(std::min(plan.problems.size(), qsizetype(shownProblems))))
            console.out << "  " << tr("%1, %2: %3").arg(p.className, p.studentName, p.message) << '\n';
        if (plan.problems.size() > shownProblems)
            console.out << "  "
                        << tr("… and %1 more (--json lists them all).").arg(plan.problems.size() - shownProblems)
                        << '\n';
        if (applied)
            console.out << tr("The school year %1 is open.").arg(plan.to.toString()) << '\n';
        else if (plan.canApply())
            console.out << tr("Preview only: nothing was written. To open the year, run the same command with --yes.")
                        << '\n';
        else
            console.out << tr("Nothing was written. Fix the problems above, then run the command again.") << '\n';
        console.out.flush();
    }
};

} // namespace

std::unique_ptr<Command> makeYearCommand()
{
    return std::make_unique<YearCommand>();
}

} // namespace hocba::cli

// SPDX-License-Identifier: GPL-3.0-or-later
// import students|grades|homeroom: a student list, a grade book or a homeroom book, previewed (--dry-run) or written in
// one transaction, through lifecycle::runImport as the desktop does.
#include "Commands.h"

#include "lifecycle/Import.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

QJsonArray problemsJson(const QList<lifecycle::ImportProblem>& problems)
{
    QJsonArray list;
    for (const auto& p : problems)
        list.append(QJsonObject {{QStringLiteral("sheet"), p.sheet},
                                 {QStringLiteral("row"), p.row},
                                 {QStringLiteral("column"), p.column},
                                 {QStringLiteral("code"), p.code},
                                 {QStringLiteral("message"), p.message}});
    return list;
}

class ImportCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ImportCommand)
public:
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override
    {
        return tr("Import a student list, a grade book or a homeroom book (.xlsx, .xls or CSV): \"import students "
                  "--file list.xlsx\", \"import grades --file book.xlsx --class 6A1 --subject toan --term hk1\", "
                  "\"import homeroom --file book.xlsx --class 6A1\" (--dry-run to preview without writing).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption file(QStringLiteral("file"), tr("The file to import: .xlsx, .xls or CSV in UTF-8."),
                                      tr("FILE"));
        // Not the shared --year: a book's year is never guessed, since a late book could land in a new year's class.
        const QCommandLineOption year(QStringLiteral("year"),
                                      tr("The school year, e.g. 2025-2026. Students: default the latest in the file; "
                                         "grades, homeroom: taken from the book's title when not given."),
                                      tr("YEAR"));
        const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Show what would change; write nothing."));
        const QCommandLineOption allOrNothing(QStringLiteral("all-or-nothing"),
                                              tr("Write nothing when a row is rejected."));
        const QCommandLineOption cls(QStringLiteral("class"),
                                     tr("Students: only this class; grades, homeroom: the class of the book."),
                                     tr("NAME"));
        const QCommandLineOption subject(QStringLiteral("subject"),
                                         tr("Grades: the subject code (docs/evaluate.md), e.g. toan."), tr("CODE"));
        const QCommandLineOption term(
            QStringLiteral("term"),
            tr("Grades: hk1, hk2 or cn; homeroom: the semester of a conduct column that names none."), tr("TERM"));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), file, year, cls, subject, term, dryRun, allOrNothing,
                                                     jsonOption(), actorOption()}
                              + userOptions(),
                          args, console, QStringLiteral("students|grades|homeroom"));
            c >= 0)
            return c;
        const QStringList kinds {QStringLiteral("students"), QStringLiteral("grades"), QStringLiteral("homeroom")};
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 1 || !kinds.contains(positional.first()) || !parser.isSet(file))
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"import students --file list.csv\", \"import grades --file book.csv\" or "
                                    "\"import homeroom --file book.csv\"."),
                                 {}});
        lifecycle::ImportRequest request;
        // In the order of kinds.
        const lifecycle::ImportKind kindOf[] {lifecycle::ImportKind::Students, lifecycle::ImportKind::Grades,
                                              lifecycle::ImportKind::Homeroom};
        request.kind = kindOf[kinds.indexOf(positional.first())];
        request.filePath = parser.value(file);
        if (const QString chosen = parser.value(year); !chosen.isEmpty()) {
            request.year = SchoolYear::fromString(chosen);
            if (!request.year)
                return console.fail({ErrorCode::Usage, tr("--year must look like 2025-2026."), {}});
        }
        request.className = parser.value(cls).trimmed();
        request.subject = parser.value(subject).trimmed();
        request.term = parser.value(term).trimmed().toLower();
        if (!request.term.isEmpty() && !QStringList {u"hk1"_qs, u"hk2"_qs, u"cn"_qs}.contains(request.term))
            return console.fail({ErrorCode::Usage, tr("--term must be hk1, hk2 or cn."), {}});
        request.dryRun = parser.isSet(dryRun);
        request.allOrNothing = parser.isSet(allOrNothing);
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto result = lifecycle::runImport(*school->db, request, school->actor);
        if (!result)
            return console.fail(result.error());
        if (parser.isSet(jsonOption()))
            printJson(result->report, console);
        else
            printText(*result, request, console);
        return result->report.rejected.isEmpty() ? ExitOk : ExitFailed;
    }

private:
    static void printJson(const lifecycle::ImportReport& r, Console& console)
    {
        console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("added"), r.added},
                                                     {QStringLiteral("updated"), r.updated},
                                                     {QStringLiteral("unchanged"), r.unchanged},
                                                     {QStringLiteral("conflicts"), problemsJson(r.conflicts)},
                                                     {QStringLiteral("rejected"), problemsJson(r.rejected)}}));
    }

    static void printText(const lifecycle::ImportResult& result, const lifecycle::ImportRequest& request,
                          Console& console)
    {
        const lifecycle::ImportReport& r = result.report;
        if (request.dryRun)
            console.out << tr("Dry run: nothing was written.") << '\n';
        else if (request.allOrNothing && !r.rejected.isEmpty())
            console.out << tr("Nothing was written: a row was rejected and --all-or-nothing was given.") << '\n';
        console.out << tr("Added: %1, updated: %2, unchanged: %3, conflicts: %4, rejected: %5.")
                           .arg(r.added)
                           .arg(r.updated)
                           .arg(r.unchanged)
                           .arg(r.conflicts.size())
                           .arg(r.rejected.size())
                    << '\n';
        for (const auto* list : {&r.conflicts, &r.rejected})
            for (const auto& p : *list)
                console.out << tr("Row %1, column \"%2\": %3").arg(p.row).arg(p.column, p.message) << '\n';
        console.out.flush();
    }
};

} // namespace

std::unique_ptr<Command> makeImportCommand()
{
    return std::make_unique<ImportCommand>();
}

} // namespace hocba::cli

// SPDX-License-Identifier: GPL-3.0-or-later
// import students: a school's student list from a CSV file, previewed (--dry-run) or written in one transaction.
#include "Commands.h"

#include "lifecycle/StudentImport.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
        return tr("Import a student list from a CSV file: \"import students --file list.csv\" (--dry-run to preview "
                  "without writing).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption file(QStringLiteral("file"), tr("The CSV file (UTF-8)."), tr("FILE"));
        const QCommandLineOption dryRun(QStringLiteral("dry-run"), tr("Show what would change; write nothing."));
        QCommandLineParser parser;
        if (int c = parse(parser, {dbOption(), file, yearOption(), dryRun, jsonOption(), actorOption()}, args, console,
                          QStringLiteral("students"));
            c >= 0)
            return c;
        if (parser.positionalArguments() != QStringList {QStringLiteral("students")} || !parser.isSet(file))
            return console.fail({ErrorCode::Usage, tr("Say \"import students --file list.csv\"."), {}});
        QFile input(parser.value(file));
        if (!input.open(QIODevice::ReadOnly))
            return console.fail({ErrorCode::Io, tr("Cannot read %1.").arg(QDir::toNativeSeparators(parser.value(file))),
                                 input.errorString()});
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        (*db)->setActor(chosenActor(parser));
        auto year = chosenYear(parser, **db);
        if (!year)
            return console.fail(year.error());
        lifecycle::StudentImportOptions options;
        options.year = *year;
        options.fileName = QFileInfo(input.fileName()).fileName();
        options.dryRun = parser.isSet(dryRun);
        auto report = lifecycle::importStudents(**db, input.readAll(), options);
        if (!report)
            return console.fail(report.error());
        if (parser.isSet(jsonOption()))
            printJson(*report, console);
        else
            printText(*report, options.dryRun, console);
        return report->rejected.isEmpty() ? ExitOk : ExitFailed;
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

    static void printText(const lifecycle::ImportReport& r, bool dryRun, Console& console)
    {
        if (dryRun)
            console.out << tr("Dry run: nothing was written.") << '\n';
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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "demo/DemoSchool.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class DemoCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::DemoCommand)
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override
    {
        return tr("Create a realistic demo school in a new data file (the same seed gives the same school).");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        const QCommandLineOption level(QStringLiteral("level"), tr("Which levels: primary, thcs or both (default)."),
                                       tr("LEVEL"), QStringLiteral("both"));
        const QCommandLineOption students(QStringLiteral("students"), tr("Number of students (default 800)."), tr("N"),
                                          QStringLiteral("800"));
        const QCommandLineOption seed(QStringLiteral("seed"), tr("Random seed (default 1)."), tr("N"),
                                      QStringLiteral("1"));
        const QCommandLineOption year(
            QStringLiteral("year"),
            tr("The school year whose results are complete and in draft, e.g. 2025-2026 (default: the latest "
               "school year that has ended)."),
            tr("YEAR"));
        if (int code = parse(parser, {dbOption(), level, students, seed, year, jsonOption()}, args, console); code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());

        demo::DemoOptions options;
        const QString levelText = parser.value(level);
        if (levelText == QLatin1String("primary"))
            options.levels = demo::DemoOptions::Levels::Primary;
        else if (levelText == QLatin1String("thcs"))
            options.levels = demo::DemoOptions::Levels::Thcs;
        else if (levelText != QLatin1String("both"))
            return console.fail({ErrorCode::Usage, tr("--level must be primary, thcs or both."), {}});
        bool ok = false;
        options.students = parser.value(students).toInt(&ok);
        if (!ok)
            return console.fail({ErrorCode::Usage, tr("--students must be a whole number."), {}});
        options.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return console.fail({ErrorCode::Usage, tr("--seed must be a whole number."), {}});
        if (parser.isSet(year)) {
            const auto y = SchoolYear::fromString(parser.value(year));
            if (!y)
                return console.fail({ErrorCode::Usage, tr("--year must look like 2025-2026."), {}});
            options.year = *y;
        }
        const bool json = parser.isSet(QStringLiteral("json"));
        int lastTenth = -1;
        options.progress = [&](int done, int total) {
            const int tenth = done * 10 / std::max(1, total);
            if (!json && tenth != lastTenth) {
                lastTenth = tenth;
                console.err << '\r' << tr("Creating students: %1/%2").arg(done).arg(total);
                console.err.flush();
            }
            return true;
        };

        QElapsedTimer timer;
        timer.start();
        auto report = demo::createDemoSchool(*path, options);
        if (!json) {
            console.err << '\n';
            console.err.flush();
        }
        if (!report)
            return console.fail(report.error());
        if (json) {
            console.printJson(QJsonDocument(QJsonObject {
                {QStringLiteral("file"), *path},
                {QStringLiteral("schoolYear"), options.year.toString()},
                {QStringLiteral("students"), report->students},
                {QStringLiteral("classes"), report->classes},
                {QStringLiteral("teachers"), report->teachers},
                {QStringLiteral("sections"), report->sections},
                {QStringLiteral("paperSections"), report->paperSections},
                {QStringLiteral("assessments"), report->assessments},
                {QStringLiteral("personalIdFindings"), report->personalIdFindings},
                {QStringLiteral("awaitingAdditionalAssessment"), report->awaitingAdditionalAssessment},
                {QStringLiteral("withDefects"), report->withDefects},
                {QStringLiteral("milliseconds"), qint64(timer.elapsed())},
            }));
            return ExitOk;
        }
        console.out
            << tr("Demo school created in %1 (%2 ms).").arg(QDir::toNativeSeparators(*path)).arg(timer.elapsed())
            << '\n'
            << tr("School year %1: %2 students in %3 classes, %4 teachers.")
                   .arg(options.year.toString())
                   .arg(report->students)
                   .arg(report->classes)
                   .arg(report->teachers)
            << '\n'
            << tr("%1 school years of records (%2 earlier years kept on paper), %3 assessment entries.")
                   .arg(report->sections)
                   .arg(report->paperSections)
                   .arg(report->assessments)
            << '\n'
            << tr("For practice: %1 personal ID numbers fail their check, %2 students have data for the "
                  "checks to find, %3 primary students await additional assessment.")
                   .arg(report->personalIdFindings)
                   .arg(report->withDefects)
                   .arg(report->awaitingAdditionalAssessment)
            << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeDemoCommand()
{
    return std::make_unique<DemoCommand>();
}

} // namespace hocba::cli

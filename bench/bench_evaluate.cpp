// SPDX-License-Identifier: GPL-3.0-or-later
// Generates a demo school of 2,500 students (grades 1–9) with ResultsGenerator and times evaluating all of them.
// Prints figures only; never a pass/fail on time.
#include "demo/DemoSchool.h"
#include "lifecycle/ResultsCache.h"
#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "rules/ResultsGenerator.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace hocba;
using namespace hocba::rules;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    constexpr int students = 2500;
    constexpr double targetMs = 500.0;
    QTextStream out(stdout);

    QElapsedTimer timer;
    timer.start();
    QList<QList<Assessment>> rows;
    rows.reserve(students);
    for (int i = 0; i < students; ++i) {
        GeneratorOptions o;
        o.grade = 1 + i % 9;
        o.seed = quint64(i) + 1;
        rows.append(ResultsGenerator::generate(o));
    }
    const double generateMs = timer.nsecsElapsed() / 1e6;

    timer.restart();
    int computed = 0;
    int withErrors = 0;
    for (int i = 0; i < students; ++i) {
        const int grade = 1 + i % 9;
        const StudentYearInput in
            = fromAssessments(rows[i], grade <= 5 ? Circular::TT27 : Circular::TT22, SchoolYear {2024}, grade);
        const auto result = evaluate(in);
        if (result
            && (result->primary ? result->primaryOutcome.result.has_value()
                                : result->thcsOutcome.learningYear.has_value()))
            ++computed;
        if (!result || hasErrors(result->findings))
            ++withErrors;
    }
    const double evaluateMs = timer.nsecsElapsed() / 1e6;

    out << "bench_evaluate: " << students << " students (grades 1-9, school year 2024-2025)\n"
        << "  generate rows:        " << QString::number(generateMs, 'f', 1) << " ms\n"
        << "  rows -> input + evaluate: " << QString::number(evaluateMs, 'f', 1) << " ms ("
        << QString::number(students / (evaluateMs / 1000.0), 'f', 0) << " students/s)\n"
        << "  target: evaluate all under " << targetMs << " ms -> " << (evaluateMs < targetMs ? "met" : "NOT met")
        << "\n  computed: " << computed << ", with error findings: " << withErrors << '\n';

    // The same on a real school file: a demo school of 2,500 students (both levels), every student of the demo
    // year read from SQLite and evaluated, then the whole year recomputed into the results cache.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.hocba"));
    demo::DemoOptions options;
    options.students = students;
    options.year = SchoolYear {2025};
    if (auto made = demo::createDemoSchool(path, options); !made) {
        out << "demo school failed: " << describe(made.error()) << '\n';
        return 1;
    }
    auto db = store::Database::openOrCreate(path).value();
    store::StudentRepository repo(*db);
    auto sections = store::queryList<YearSection>(
        *db, QStringLiteral("SELECT id FROM year_section WHERE school_year = 2025"), [](store::Statement& st) {
            YearSection y;
            y.id = st.int64(0);
            return y;
        });
    timer.restart();
    int fromDb = 0;
    for (const YearSection& ref : *sections) {
        const auto section = repo.section(ref.id).value().value();
        const auto inputRows = repo.assessments(section.id).value();
        const auto result = evaluate(fromAssessments(inputRows, section.circular, section.schoolYear, section.grade));
        if (result)
            ++fromDb;
    }
    const double dbEvaluateMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    const int cached = lifecycle::ResultsCache(*db).refreshStale(SchoolYear {2025}).value_or(-1);
    const double cacheMs = timer.nsecsElapsed() / 1e6;
    out << "bench_evaluate (school file): " << fromDb << " students of 2025-2026 read from SQLite and evaluated in "
        << QString::number(dbEvaluateMs, 'f', 1) << " ms -> " << (dbEvaluateMs < targetMs ? "met" : "NOT met")
        << "\n  recompute and store the year's results cache (" << cached
        << " sections): " << QString::number(cacheMs, 'f', 1) << " ms\n";
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// Generates a demo school of 2,500 students (grades 1–9) with ResultsGenerator and times evaluating all of them.
// Prints figures only; never a pass/fail on time.
#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "rules/ResultsGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
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
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SchoolLint.h"

#include "domain/PersonalId.h"
#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>

namespace hocba::lifecycle {

Result<QList<ClassLint>> lintSchool(store::Database& db, const SchoolLintOptions& options)
{
    store::SchoolRepository schools(db);
    store::StudentRepository students(db);
    auto classes = schools.classes(options.year);
    if (!classes)
        return std::unexpected(classes.error());
    if (options.className) {
        classes->removeIf([&](const ClassGroup& c) { return c.name != *options.className; });
        if (classes->isEmpty())
            return fail(
                ErrorCode::NotFound,
                QCoreApplication::translate("hocba::lifecycle::SchoolLint", "There is no class %1 in school year %2.")
                    .arg(*options.className, options.year.toString()));
    }

    QList<ClassLint> out;
    int done = 0;
    for (const ClassGroup& cls : *classes) {
        auto roster = students.roster(cls.id);
        if (!roster)
            return std::unexpected(roster.error());
        QStringList names;
        for (const auto& e : *roster)
            names << e.student.fullName;
        ClassLint classLint {cls, {}};
        for (const auto& e : *roster) {
            if (e.section.source == SectionSource::Paper)
                continue;
            StudentLint lint {e.student.id, e.student.fullName, e.section.id, {}};
            auto rows = students.assessments(e.section.id);
            if (!rows)
                return std::unexpected(rows.error());
            QStringList classmates = names;
            classmates.removeOne(e.student.fullName);
            lint.findings = lintStudent(
                e.student, rules::fromAssessments(*rows, e.section.circular, e.section.schoolYear, e.section.grade),
                classmates);
            classLint.students.append(std::move(lint));
        }
        out.append(std::move(classLint));
        ++done;
        if (options.progress && !options.progress(done, int(classes->size())))
            break;
    }
    return out;
}

Findings lintStudent(const Student& student, const StudentYearInput& input, const QStringList& classmates)
{
    rules::LintContext context;
    context.classmates = classmates;
    return lintStudent(student, rules::evaluate(input, context));
}

Findings lintStudent(const Student& student, const Result<EvaluationOutput>& evaluation)
{
    Findings findings = personal_id::check(student.personalId, student.birthDate, student.gender);
    // As rules::lintStudentYear: a year the rules do not cover is one error.
    if (!evaluation)
        findings.append(Finding {Finding::Severity::Error, QStringLiteral("rules.unsupported"), QStringLiteral("grade"),
                                 evaluation.error().message});
    else
        findings += evaluation->findings;
    return findings;
}

} // namespace hocba::lifecycle

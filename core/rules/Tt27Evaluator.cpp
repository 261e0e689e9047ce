// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/Tt27Evaluator.h"

#include "domain/Curriculum.h"
#include "rules/FindingSink.h"
#include "rules/Names.h"
#include "rules/RulesText.h"
#include "rules/Tt27Rules.h"

namespace hocba::rules {

namespace {

/**
 * A level that contradicts the year-end test (a warning: the level is the teacher's judgement of the whole year,
 * the test is one piece of evidence): "Chưa hoàn thành" with a passing test (≥ 5), or "Hoàn thành"/"Hoàn thành
 * tốt" with a failing test (< 5).
 */
void lintLevelAgainstScore(FindingSink& sink, const QString& code, SubjectLevel level, int score)
{
    const bool contradicts
        = (level == SubjectLevel::NotCompleted && score >= 5) || (level != SubjectLevel::NotCompleted && score < 5);
    if (contradicts)
        sink.warning(QStringLiteral("level.score_mismatch"),
                     QStringLiteral("subjects.") + code + QStringLiteral(".level"),
                     RulesText::tr("%1: the level %2 does not match the year-end test score %3.")
                         .arg(subjectName(code), toCode(level))
                         .arg(score));
}

/** Reads the 5 qualities or the 10 competencies; nullopt when any is missing or invalid. */
std::optional<QList<TraitLevel>> readTraits(FindingSink& sink, const QMap<QString, QString>& given,
                                            const QList<QString>& expected, const QString& group)
{
    bool complete = true;
    QList<TraitLevel> levels;
    for (auto it = given.cbegin(); it != given.cend(); ++it)
        if (!expected.contains(it.key()))
            sink.error(
                QStringLiteral("trait.unknown"), group + QLatin1Char('.') + it.key(),
                RulesText::tr("\"%1\" is not one of the qualities or competencies of Circular 27.").arg(it.key()));
    for (const QString& code : expected) {
        const auto level = sink.readTraitLevel(given.value(code), group + QLatin1Char('.') + code, traitName(code));
        if (level)
            levels.append(*level);
        else
            complete = false;
    }
    return complete ? std::optional(levels) : std::nullopt;
}

} // namespace

EvaluationOutput evaluateTt27v1(const StudentYearInput& input, const LintContext& context)
{
    FindingSink sink;
    const auto subjects = sink.lintSubjectSet(input);

    bool complete = true;
    QList<SubjectLevel> levels;
    QList<int> testScores;
    for (const CurriculumSubject& c : curriculumFor(input.grade, input.subjectCodes())) {
        const SubjectEntry* entry = subjects.value(c.code);
        if (!entry) {
            complete = complete && !c.required;
            continue;
        }
        const QString field = QStringLiteral("subjects.") + c.code;
        const QString name = subjectName(c.code);
        const auto level = sink.readSubjectLevel(entry->level, field + QStringLiteral(".level"), name);
        complete = complete && level.has_value();
        if (level)
            levels.append(*level);
        if (c.yearEndTest) {
            if (c.code == QLatin1String("khoa_hoc"))
                sink.fired(QStringLiteral("tt27.art7.khoa_hoc_has_test"));
            const auto score = sink.readPrimaryTestScore(entry->score, field + QStringLiteral(".score"),
                                                         RulesText::tr("%1, year-end test").arg(name));
            complete = complete && score.has_value();
            if (score)
                testScores.append(*score);
            if (level && score)
                lintLevelAgainstScore(sink, c.code, *level, *score);
        } else if (!entry->score.trimmed().isEmpty()) {
            if (c.code == QLatin1String("ngoai_ngu_1"))
                sink.fired(QStringLiteral("tt27.art7.ngoai_ngu_1_elective_without_test"));
            sink.warning(QStringLiteral("score.not_tested"), field + QStringLiteral(".score"),
                         RulesText::tr("%1 has no year-end test in grade %2; the score %3 is not used.")
                             .arg(name)
                             .arg(input.grade)
                             .arg(displayTypedScore(entry->score)));
        }
    }
    const auto qualities = readTraits(sink, input.qualities, primaryQualities(), QStringLiteral("qualities"));
    const auto competencies
        = readTraits(sink, input.competencies, primaryCompetencies(), QStringLiteral("competencies"));
    sink.lintComments(input, context);

    EvaluationOutput out;
    out.primary = true;
    if (complete && qualities && competencies) {
        const PrimaryResult result = tt27::yearEndResult(levels, *qualities + *competencies, testScores);
        sink.fired(QStringLiteral("tt27.art9.cl2.year_end_result"));
        PrimaryOutcome& o = out.primaryOutcome;
        o.result = result;
        o.completedGrade = tt27::completesGrade(result);
        if (input.grade == 5)
            o.completedPrimary = o.completedGrade;
        o.awaitingAdditionalAssessment = !*o.completedGrade;
        if (!*o.completedGrade)
            sink.fired(QStringLiteral("tt27.art12.additional_assessment"));
        o.award = tt27::award(result, input.recognizedByClass);
        if (result == PrimaryResult::Good)
            sink.fired(QStringLiteral("tt27.art13.tieu_bieu_needs_class_recognition"));
    } else {
        sink.fired(QStringLiteral("rules.missing_input_blocks_result"));
    }
    out.findings = sink.findings;
    out.rulesApplied = sink.rulesApplied;
    return out;
}

} // namespace hocba::rules

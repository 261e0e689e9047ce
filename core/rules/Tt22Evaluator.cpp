// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/Tt22Evaluator.h"

#include "domain/Curriculum.h"
#include "rules/FindingSink.h"
#include "rules/Names.h"
#include "rules/RulesText.h"
#include "rules/Tt22Rules.h"

namespace hocba::rules {

namespace {

const QString kHk1 = QStringLiteral("hk1");
const QString kHk2 = QStringLiteral("hk2");

class Tt22Evaluation
{
public:
    Tt22Evaluation(const StudentYearInput& input, const LintContext& context)
        : input_(input)
        , context_(context)
    { }

    EvaluationOutput run();

private:
    /** Art. 6–7 and 9 cl. 1b for one subject: its semester and year values, when its assessments are complete. */
    ThcsSubjectOutcome evaluateSubject(const CurriculumSubject& c, const SubjectEntry& entry);
    std::optional<Tenths> scoreSemester(const SubjectEntry& entry, const QString& term, int requiredRegular);
    std::optional<CommentResult> commentSemester(const SubjectEntry& entry, const QString& term);
    /** Art. 6 cl. 1: the count of ĐĐGtx; fewer is an error, more a warning (all are counted). */
    void checkRegularCount(const QString& field, const QString& place, int given, int required);
    /** Art. 9 cl. 2–3 over one column of values; nullopt when any subject lacks its value. */
    std::optional<ThcsLevel> learning(const QList<std::optional<Tenths>>& scores,
                                      const QList<std::optional<CommentResult>>& comments, const QString& when);
    /** Arts. 12–14: absences, summer training, re-assessment, promotion. */
    void decidePromotion(ThcsOutcome& o);
    void lintUnusedInputs(const ThcsOutcome& o);
    QString place(const QString& code, const QString& term, const QString& item) const;

    const StudentYearInput& input_;
    const LintContext& context_;
    FindingSink sink_;
    std::optional<int> absences_;
};

QString Tt22Evaluation::place(const QString& code, const QString& term, const QString& item) const
{
    QString p = subjectName(code) + QStringLiteral(", ") + semesterName(term);
    if (!item.isEmpty())
        p += QStringLiteral(", ") + item;
    return p;
}

void Tt22Evaluation::checkRegularCount(const QString& field, const QString& place, int given, int required)
{
    if (given < required)
        sink_.error(
            QStringLiteral("assessment.missing"), field,
            RulesText::tr("%1: %2 regular assessments are required, %3 given.").arg(place).arg(required).arg(given));
    else if (given > required)
        sink_.warning(QStringLiteral("assessment.surplus"), field,
                      RulesText::tr("%1: %2 regular assessments are required, %3 given; all of them are counted.")
                          .arg(place)
                          .arg(required)
                          .arg(given));
}

std::optional<Tenths> Tt22Evaluation::scoreSemester(const SubjectEntry& entry, const QString& term, int requiredRegular)
{
    const SemesterEntries& s = term == kHk1 ? entry.hk1 : entry.hk2;
    const QString field = QStringLiteral("subjects.") + entry.code + QLatin1Char('.') + term;
    bool complete = true;
    QList<Tenths> regular;
    int given = 0;
    for (qsizetype i = 0; i < s.regular.size(); ++i) {
        if (s.regular[i].trimmed().isEmpty())
            continue; // a gap; the count check below reports it
        ++given;
        const auto v = sink_.readScore(s.regular[i], field + QStringLiteral(".regular[%1]").arg(i),
                                       place(entry.code, term, RulesText::tr("regular assessment %1").arg(i + 1)));
        if (v)
            regular.append(*v);
        else
            complete = false;
    }
    checkRegularCount(field + QStringLiteral(".regular"), place(entry.code, term, {}), given, requiredRegular);
    const auto midterm = sink_.readScore(s.midterm, field + QStringLiteral(".midterm"),
                                         place(entry.code, term, RulesText::tr("mid-term assessment")));
    const auto final = sink_.readScore(s.final, field + QStringLiteral(".final"),
                                       place(entry.code, term, RulesText::tr("end-of-term assessment")));
    if (!complete || given < requiredRegular || !midterm || !final)
        return std::nullopt;
    sink_.fired(QStringLiteral("tt22.art9.cl1b.semester_average_half_up"));
    return tt22::semesterAverage(regular, *midterm, *final);
}

std::optional<CommentResult> Tt22Evaluation::commentSemester(const SubjectEntry& entry, const QString& term)
{
    const SemesterEntries& s = term == kHk1 ? entry.hk1 : entry.hk2;
    const QString field = QStringLiteral("subjects.") + entry.code + QLatin1Char('.') + term;
    bool complete = true;
    QList<CommentResult> all;
    int given = 0;
    for (qsizetype i = 0; i < s.regular.size(); ++i) {
        if (s.regular[i].trimmed().isEmpty())
            continue;
        ++given;
        const auto v
            = sink_.readCommentResult(s.regular[i], field + QStringLiteral(".regular[%1]").arg(i),
                                      place(entry.code, term, RulesText::tr("regular assessment %1").arg(i + 1)));
        if (v)
            all.append(*v);
        else
            complete = false;
    }
    checkRegularCount(field + QStringLiteral(".regular"), place(entry.code, term, {}), given,
                      tt22::requiredRegularComments);
    const auto midterm = sink_.readCommentResult(s.midterm, field + QStringLiteral(".midterm"),
                                                 place(entry.code, term, RulesText::tr("mid-term assessment")));
    const auto final = sink_.readCommentResult(s.final, field + QStringLiteral(".final"),
                                               place(entry.code, term, RulesText::tr("end-of-term assessment")));
    if (!complete || given < tt22::requiredRegularComments || !midterm || !final)
        return std::nullopt;
    all << *midterm << *final;
    sink_.fired(QStringLiteral("tt22.art7.comment_semester_all_pass"));
    return tt22::semesterCommentResult(all);
}

ThcsSubjectOutcome Tt22Evaluation::evaluateSubject(const CurriculumSubject& c, const SubjectEntry& entry)
{
    ThcsSubjectOutcome o;
    o.code = c.code;
    o.scoreSubject = c.form == AssessmentForm::Score;
    const QString field = QStringLiteral("subjects.") + c.code;
    const QString declared = entry.assessment.trimmed();
    if (!declared.isEmpty() && declared != (o.scoreSubject ? QLatin1String("score") : QLatin1String("comment"))) {
        sink_.error(
            QStringLiteral("subject.form_mismatch"), field + QStringLiteral(".assessment"),
            o.scoreSubject
                ? RulesText::tr("%1 is assessed by comments and scores, not by comments only.").arg(subjectName(c.code))
                : RulesText::tr("%1 is assessed by comments only; it has no scores.").arg(subjectName(c.code)));
        return o;
    }
    if (o.scoreSubject) {
        const std::optional<int> periods = entry.periodsPerYear ? entry.periodsPerYear : c.periodsPerYear;
        if (!periods) {
            sink_.error(QStringLiteral("periods.missing"), field + QStringLiteral(".periodsPerYear"),
                        RulesText::tr("%1: the number of periods per year is missing; it decides how many regular "
                                      "assessments are needed.")
                            .arg(subjectName(c.code)));
            return o;
        }
        if (*periods <= 0) {
            sink_.error(QStringLiteral("periods.invalid"), field + QStringLiteral(".periodsPerYear"),
                        RulesText::tr("%1: %2 periods per year is not valid.").arg(subjectName(c.code)).arg(*periods));
            return o;
        }
        sink_.fired(QStringLiteral("tt22.art6.regular_count_by_periods"));
        const int required = tt22::requiredRegularScores(*periods);
        o.hk1Average = scoreSemester(entry, kHk1, required);
        o.hk2Average = scoreSemester(entry, kHk2, required);
        if (o.hk1Average && o.hk2Average) {
            o.yearAverage = tt22::yearAverage(*o.hk1Average, *o.hk2Average);
            sink_.fired(QStringLiteral("tt22.art9.cl1b.year_average_from_rounded_semesters"));
        }
    } else {
        o.hk1Result = commentSemester(entry, kHk1);
        o.hk2Result = commentSemester(entry, kHk2);
        if (o.hk1Result && o.hk2Result) {
            // The year result of a comment subject is the semester II result (DOMAIN.md §2.4).
            o.yearResult = o.hk2Result;
            sink_.fired(QStringLiteral("tt22.art9.comment_year_is_semester_2"));
        }
    }
    return o;
}

std::optional<ThcsLevel> Tt22Evaluation::learning(const QList<std::optional<Tenths>>& scores,
                                                  const QList<std::optional<CommentResult>>& comments,
                                                  const QString& when)
{
    QList<Tenths> s;
    QList<CommentResult> c;
    for (const auto& v : scores) {
        if (!v)
            return std::nullopt;
        s.append(*v);
    }
    for (const auto& v : comments) {
        if (!v)
            return std::nullopt;
        c.append(*v);
    }
    const tt22::LearningLevel level = tt22::learningLevel(s, c);
    if (level.adjusted)
        sink_.fired(QStringLiteral("tt22.art9.cl3.adjustment_treat_as_passing@") + when);
    return level.level;
}

void Tt22Evaluation::decidePromotion(ThcsOutcome& o)
{
    if (absences_ && *absences_ > tt22::maxAbsencesForPromotion) {
        sink_.fired(QStringLiteral("tt22.art12.absences_over_45"));
        o.promotion = Promotion::Retained;
        return;
    }
    if (!absences_ || !o.conductYear || !o.learningYear)
        return;

    // Art. 13: Chưa đạt conduct → summer training; the re-evaluated conduct replaces the year conduct.
    ThcsLevel conduct = *o.conductYear;
    if (conduct == ThcsLevel::Fail) {
        if (input_.summerConduct.trimmed().isEmpty()) {
            o.promotion = Promotion::SummerTraining;
            return;
        }
        o.conductAfterSummer = sink_.readThcsLevel(input_.summerConduct, QStringLiteral("summerConduct"),
                                                   RulesText::tr("Conduct after summer training"));
        if (!o.conductAfterSummer)
            return;
        sink_.fired(QStringLiteral("tt22.art13.summer_reevaluation_replaces_conduct"));
        conduct = *o.conductAfterSummer;
        if (conduct == ThcsLevel::Fail) {
            o.promotion = Promotion::Retained;
            return;
        }
    }

    // Art. 14: re-assess every failing subject; each result replaces the subject's year result.
    ThcsLevel learningLevel = *o.learningYear;
    if (learningLevel == ThcsLevel::Fail) {
        if (o.conductAfterSummer)
            sink_.fired(QStringLiteral("tt22.art14.retest_after_summer_training"));
        bool allRetested = true;
        QList<std::optional<Tenths>> scores;
        QList<std::optional<CommentResult>> comments;
        for (ThcsSubjectOutcome& s : o.subjects) {
            const QString text = input_.retests.value(s.code);
            const QString field = QStringLiteral("retests.") + s.code;
            const QString where = subjectName(s.code) + QStringLiteral(", ") + RulesText::tr("re-assessment");
            if (s.scoreSubject) {
                s.retestRequired = tt22::needsRetest(*s.yearAverage);
                if (s.retestRequired && !text.trimmed().isEmpty())
                    s.retestScore = sink_.readScore(text, field, where);
                allRetested = allRetested && (!s.retestRequired || s.retestScore);
                scores.append(s.retestRequired ? s.retestScore : s.yearAverage);
            } else {
                s.retestRequired = *s.yearResult == CommentResult::Fail;
                if (s.retestRequired && !text.trimmed().isEmpty())
                    s.retestResult = sink_.readCommentResult(text, field, where);
                allRetested = allRetested && (!s.retestRequired || s.retestResult);
                comments.append(s.retestRequired ? s.retestResult : s.yearResult);
            }
        }
        if (!allRetested) {
            o.promotion = Promotion::Retest;
            return;
        }
        sink_.fired(QStringLiteral("tt22.art14.retest_replaces_year_result"));
        o.learningAfterRetest = learning(scores, comments, QStringLiteral("retest"));
        learningLevel = *o.learningAfterRetest;
        if (learningLevel == ThcsLevel::Fail) {
            o.promotion = Promotion::Retained;
            return;
        }
    }
    o.promotion = input_.grade == 9 ? Promotion::CompletedThcs : Promotion::Promoted;
}

void Tt22Evaluation::lintUnusedInputs(const ThcsOutcome& o)
{
    if (!input_.summerConduct.trimmed().isEmpty() && o.conductYear && *o.conductYear != ThcsLevel::Fail)
        sink_.warning(QStringLiteral("summer_conduct.unexpected"), QStringLiteral("summerConduct"),
                      RulesText::tr("A conduct re-evaluation after summer training is given, but the year conduct "
                                    "is not \"Not passed\"; it is not used."));
    for (auto it = input_.retests.cbegin(); it != input_.retests.cend(); ++it) {
        bool used = false;
        for (const ThcsSubjectOutcome& s : o.subjects)
            used = used || (s.code == it.key() && s.retestRequired);
        // A retest is only read when the year learning result fails; judge it unused only once that is known.
        if (!used && (o.learningYear || !findSubject(input_.grade, it.key())))
            sink_.warning(QStringLiteral("retest.unexpected"), QStringLiteral("retests.") + it.key(),
                          RulesText::tr("%1: a re-assessment is not needed for this subject; it is not used.")
                              .arg(subjectName(it.key())));
    }
}

EvaluationOutput Tt22Evaluation::run()
{
    const auto subjects = sink_.lintSubjectSet(input_);
    ThcsOutcome o;
    bool allRequiredPresent = true;
    bool electives = false;
    QList<std::optional<Tenths>> hk1Scores, hk2Scores, yearScores;
    QList<std::optional<CommentResult>> hk1Comments, hk2Comments, yearComments;
    for (const CurriculumSubject& c : curriculumOfGrade(input_.grade)) {
        const SubjectEntry* entry = subjects.value(c.code);
        if (!entry) {
            allRequiredPresent = allRequiredPresent && !c.required;
            continue;
        }
        electives = electives || !c.required;
        ThcsSubjectOutcome s = evaluateSubject(c, *entry);
        if (s.scoreSubject) {
            hk1Scores << s.hk1Average;
            hk2Scores << s.hk2Average;
            yearScores << s.yearAverage;
        } else {
            hk1Comments << s.hk1Result;
            hk2Comments << s.hk2Result;
            yearComments << s.yearResult;
        }
        o.subjects.append(s);
    }
    if (electives)
        sink_.fired(QStringLiteral("tt22.art9.electives_counted"));

    if (allRequiredPresent) {
        o.learningHk1 = learning(hk1Scores, hk1Comments, kHk1);
        o.learningHk2 = learning(hk2Scores, hk2Comments, kHk2);
        o.learningYear = learning(yearScores, yearComments, QStringLiteral("year"));
    }

    o.conductHk1 = sink_.readThcsLevel(input_.conductHk1, QStringLiteral("conduct.hk1"),
                                       RulesText::tr("Conduct, %1").arg(semesterName(kHk1)));
    o.conductHk2 = sink_.readThcsLevel(input_.conductHk2, QStringLiteral("conduct.hk2"),
                                       RulesText::tr("Conduct, %1").arg(semesterName(kHk2)));
    if (o.conductHk1 && o.conductHk2)
        o.conductYear = tt22::yearConduct(*o.conductHk1, *o.conductHk2);

    const QString absences = input_.absences.trimmed();
    bool absencesOk = false;
    const int days = absences.toInt(&absencesOk);
    if (absences.isEmpty())
        sink_.error(QStringLiteral("absences.missing"), QStringLiteral("absences"),
                    RulesText::tr("The number of days absent is missing."));
    else if (!absencesOk || days < 0 || days > 366)
        sink_.error(QStringLiteral("absences.invalid"), QStringLiteral("absences"),
                    RulesText::tr("\"%1\" is not a valid number of days absent.").arg(absences));
    else {
        absences_ = days;
        if (days > tt22::maxAbsencesForPromotion)
            sink_.warning(QStringLiteral("absences.over_limit"), QStringLiteral("absences"),
                          RulesText::tr("%1 days absent is more than 45: the student cannot be promoted (Circular 22, "
                                        "Article 12).")
                              .arg(days));
    }

    decidePromotion(o);
    if (o.conductYear && o.learningYear) {
        QList<Tenths> yearAverages;
        for (const ThcsSubjectOutcome& s : o.subjects)
            if (s.scoreSubject)
                yearAverages.append(*s.yearAverage);
        o.award = tt22::award(*o.conductYear, *o.learningYear, yearAverages);
    }
    if (!o.learningYear || !o.conductYear || !o.promotion)
        if (hasErrors(sink_.findings))
            sink_.fired(QStringLiteral("rules.missing_input_blocks_result"));
    lintUnusedInputs(o);
    sink_.lintComments(input_, context_);

    EvaluationOutput out;
    out.primary = false;
    out.thcsOutcome = o;
    out.findings = sink_.findings;
    out.rulesApplied = sink_.rulesApplied;
    return out;
}

} // namespace

EvaluationOutput evaluateTt22v1(const StudentYearInput& input, const LintContext& context)
{
    return Tt22Evaluation(input, context).run();
}

} // namespace hocba::rules

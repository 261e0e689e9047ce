// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/FindingSink.h"

#include "domain/Curriculum.h"
#include "rules/Names.h"
#include "rules/RulesText.h"
#include "util/Text.h"

namespace hocba::rules {

void FindingSink::error(const QString& code, const QString& field, const QString& message)
{
    findings.append(Finding {Finding::Severity::Error, code, field, message});
}

void FindingSink::warning(const QString& code, const QString& field, const QString& message)
{
    findings.append(Finding {Finding::Severity::Warning, code, field, message});
}

void FindingSink::fired(const QString& ruleId)
{
    if (!rulesApplied.contains(ruleId))
        rulesApplied.append(ruleId);
}

void FindingSink::missing(const QString& field, const QString& place)
{
    error(QStringLiteral("assessment.missing"), field, RulesText::tr("%1: the value is missing.").arg(place));
}

void FindingSink::invalidLevel(const QString& text, const QString& field, const QString& place, const QString& allowed)
{
    error(QStringLiteral("level.invalid"), field,
          RulesText::tr("%1: \"%2\" is not a valid level (allowed: %3).").arg(place, text, allowed));
}

std::optional<Tenths> FindingSink::readScore(const QString& text, const QString& field, const QString& place)
{
    const ParsedScore parsed = parseScoreText(text);
    switch (parsed.problem) {
    case ScoreTextProblem::None:
        return parsed.tenths;
    case ScoreTextProblem::Empty:
        missing(field, place);
        break;
    case ScoreTextProblem::NotANumber:
        error(QStringLiteral("score.not_a_number"), field,
              RulesText::tr("%1: \"%2\" is not a score.").arg(place, text));
        break;
    case ScoreTextProblem::TooManyDecimals:
        error(QStringLiteral("score.too_many_decimals"), field,
              RulesText::tr("%1: the score %2 has more than one decimal.").arg(place, displayTypedScore(text)));
        break;
    case ScoreTextProblem::OutOfRange:
        error(QStringLiteral("score.out_of_range"), field,
              RulesText::tr("%1: the score %2 is outside 0–10.").arg(place, displayTypedScore(text)));
        break;
    }
    return std::nullopt;
}

std::optional<int> FindingSink::readPrimaryTestScore(const QString& text, const QString& field, const QString& place)
{
    const ParsedScore parsed = parseScoreText(text);
    if (parsed.problem == ScoreTextProblem::TooManyDecimals || (parsed.tenths && *parsed.tenths % 10 != 0)) {
        error(
            QStringLiteral("score.not_integer"), field,
            RulesText::tr("%1: a periodic test score is a whole number, not %2.").arg(place, displayTypedScore(text)));
        return std::nullopt;
    }
    const std::optional<Tenths> tenths = readScore(text, field, place);
    if (!tenths)
        return std::nullopt;
    if (*tenths == 0) {
        fired(QStringLiteral("tt27.art7.zero_score_allowed_with_warning"));
        warning(QStringLiteral("score.zero"), field,
                RulesText::tr("%1: the test score is 0; please check it.").arg(place));
    }
    return *tenths / 10;
}

std::optional<CommentResult> FindingSink::readCommentResult(const QString& text, const QString& field,
                                                            const QString& place)
{
    if (text.trimmed().isEmpty()) {
        missing(field, place);
        return std::nullopt;
    }
    const auto r = commentResultFromCode(text);
    if (!r)
        invalidLevel(text, field, place, QStringLiteral("D, CD"));
    return r;
}

std::optional<ThcsLevel> FindingSink::readThcsLevel(const QString& text, const QString& field, const QString& place)
{
    if (text.trimmed().isEmpty()) {
        missing(field, place);
        return std::nullopt;
    }
    const auto r = thcsLevelFromCode(text);
    if (!r)
        invalidLevel(text, field, place, QStringLiteral("T, K, D, CD"));
    return r;
}

std::optional<SubjectLevel> FindingSink::readSubjectLevel(const QString& text, const QString& field,
                                                          const QString& place)
{
    if (text.trimmed().isEmpty()) {
        missing(field, place);
        return std::nullopt;
    }
    const auto r = subjectLevelFromCode(text);
    if (!r)
        invalidLevel(text, field, place, QStringLiteral("T, H, C"));
    return r;
}

std::optional<TraitLevel> FindingSink::readTraitLevel(const QString& text, const QString& field, const QString& place)
{
    if (text.trimmed().isEmpty()) {
        missing(field, place);
        return std::nullopt;
    }
    const auto r = traitLevelFromCode(text);
    if (!r)
        invalidLevel(text, field, place, QStringLiteral("T, D, C"));
    return r;
}

QHash<QString, const SubjectEntry*> FindingSink::lintSubjectSet(const StudentYearInput& input)
{
    QHash<QString, const SubjectEntry*> byCode;
    const QStringList codes = input.subjectCodes();
    for (const SubjectEntry& s : input.subjects) {
        const QString field = QStringLiteral("subjects.") + s.code;
        if (!findSubjectFor(input.grade, s.code, codes)) {
            error(QStringLiteral("subject.unknown"), field,
                  RulesText::tr("Grade %1 does not have the subject \"%2\".").arg(input.grade).arg(s.code));
            continue;
        }
        if (byCode.contains(s.code)) {
            error(QStringLiteral("subject.duplicate"), field,
                  RulesText::tr("%1 is listed more than once.").arg(subjectName(s.code)));
            continue;
        }
        byCode.insert(s.code, &s);
    }
    for (const CurriculumSubject& c : curriculumFor(input.grade, codes))
        if (c.required && !byCode.contains(c.code))
            error(
                QStringLiteral("subject.missing"), QStringLiteral("subjects.") + c.code,
                RulesText::tr("%1 is required in grade %2 but is missing.").arg(subjectName(c.code)).arg(input.grade));
    return byCode;
}

void FindingSink::lintComments(const StudentYearInput& input, const LintContext& context)
{
    QStringList classmates;
    for (const QString& name : context.classmates) {
        const QString n = text::normalized(name);
        // A single word ("An") is too common to be evidence of naming a classmate.
        if (n.contains(QLatin1Char(' ')))
            classmates.append(n);
    }
    const auto check = [&](const std::optional<QString>& comment, const QString& field, const QString& place) {
        if (!comment)
            return;
        const QString c = text::normalized(*comment);
        if (c.isEmpty()) {
            warning(QStringLiteral("comment.empty"), field, RulesText::tr("%1: the comment is empty.").arg(place));
            return;
        }
        for (const QString& name : classmates)
            if (c.contains(name, Qt::CaseInsensitive)) {
                error(QStringLiteral("comment.names_classmate"), field,
                      RulesText::tr("%1: the comment names another student of the class (%2).").arg(place, name));
                return;
            }
    };
    for (const SubjectEntry& s : input.subjects) {
        const QString base = QStringLiteral("subjects.") + s.code;
        check(s.comment, base + QStringLiteral(".comment"), subjectName(s.code));
        check(s.hk1.comment, base + QStringLiteral(".hk1.comment"),
              subjectName(s.code) + QStringLiteral(", ") + semesterName(QStringLiteral("hk1")));
        check(s.hk2.comment, base + QStringLiteral(".hk2.comment"),
              subjectName(s.code) + QStringLiteral(", ") + semesterName(QStringLiteral("hk2")));
    }
    check(input.comment, QStringLiteral("comment"), RulesText::tr("Homeroom teacher's comment"));
}

} // namespace hocba::rules

// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/LookupView.h"

#include "domain/Curriculum.h"
#include "domain/PrintedText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hocba::dept {

namespace {

void insertIfSet(QJsonObject& object, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

/** The subjects entered, in the curriculum's order (those the grade does not list go last, as entered). */
QList<SubjectEntry> subjectsInRecordOrder(const packet::Packet& p)
{
    const QList<CurriculumSubject>& curriculum = curriculumOfGrade(p.grade);
    auto orderOf = [&](const SubjectEntry& e) {
        const auto it = std::find_if(curriculum.begin(), curriculum.end(),
                                     [&](const CurriculumSubject& c) { return c.code == e.code; });
        return it - curriculum.begin();
    };
    QList<SubjectEntry> entries = p.inputs.subjects;
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const SubjectEntry& a, const SubjectEntry& b) { return orderOf(a) < orderOf(b); });
    return entries;
}

QJsonArray traitsOf(const QList<QString>& codes, const QMap<QString, QString>& levels)
{
    QJsonArray out;
    for (const QString& code : codes)
        if (levels.contains(code))
            out.append(QJsonObject {{QStringLiteral("name"), printedTraitName(code)},
                                    {QStringLiteral("level"), printedTraitLevel(levels.value(code))}});
    return out;
}

void addPrimary(QJsonObject& content, const packet::Packet& p)
{
    QJsonArray results;
    for (const SubjectEntry& e : subjectsInRecordOrder(p)) {
        QJsonObject row {{QStringLiteral("subject"), printedSubjectName(e.code)}};
        insertIfSet(row, QStringLiteral("level"), printedSubjectLevel(e.level));
        insertIfSet(row, QStringLiteral("score"), printedScore(e.score));
        insertIfSet(row, QStringLiteral("comment"), e.comment.value_or(QString()));
        results.append(row);
    }
    content.insert(QStringLiteral("results"), results);
    content.insert(QStringLiteral("qualities"), traitsOf(primaryQualities(), p.inputs.qualities));
    content.insert(QStringLiteral("competencies"), traitsOf(primaryCompetencies(), p.inputs.competencies));
    if (!p.results)
        return;
    const PrimaryOutcome& o = p.results->primaryOutcome;
    QJsonObject outcome;
    if (o.result)
        outcome.insert(QStringLiteral("result"), printedResult(*o.result));
    insertIfSet(outcome, QStringLiteral("completion"), printedCompletion(o, p.grade));
    if (o.award)
        insertIfSet(outcome, QStringLiteral("award"), printedAward(*o.award));
    content.insert(QStringLiteral("outcome"), outcome);
}

QJsonObject thcsRow(const SubjectEntry& e, const ThcsSubjectOutcome* o)
{
    QJsonObject row {{QStringLiteral("subject"), printedSubjectName(e.code)}};
    if (o && o->scoreSubject) {
        const std::optional<Tenths> score = o->retestScore ? o->retestScore : o->yearAverage;
        if (score)
            row.insert(QStringLiteral("score"), tenthsToDisplay(*score));
    } else if (o) {
        const std::optional<CommentResult> level = o->retestResult ? o->retestResult : o->yearResult;
        if (level)
            row.insert(QStringLiteral("level"), printedCommentResult(*level));
    }
    insertIfSet(row, QStringLiteral("comment"), e.hk2.comment.value_or(e.hk1.comment.value_or(QString())));
    return row;
}

void addThcs(QJsonObject& content, const packet::Packet& p)
{
    const QList<ThcsSubjectOutcome> outcomes
        = p.results ? p.results->thcsOutcome.subjects : QList<ThcsSubjectOutcome>();
    QJsonArray results;
    for (const SubjectEntry& e : subjectsInRecordOrder(p)) {
        const auto it = std::find_if(outcomes.begin(), outcomes.end(),
                                     [&](const ThcsSubjectOutcome& o) { return o.code == e.code; });
        results.append(thcsRow(e, it == outcomes.end() ? nullptr : &*it));
    }
    content.insert(QStringLiteral("results"), results);
    if (!p.results)
        return;
    const ThcsOutcome& o = p.results->thcsOutcome;
    const std::optional<ThcsLevel> conduct = o.conductAfterSummer ? o.conductAfterSummer : o.conductYear;
    if (conduct)
        content.insert(QStringLiteral("conduct"), printedLevel(*conduct));
    QJsonObject outcome;
    const std::optional<ThcsLevel> learning = o.learningAfterRetest ? o.learningAfterRetest : o.learningYear;
    if (learning)
        outcome.insert(QStringLiteral("learning"), printedLevel(*learning));
    if (o.promotion)
        outcome.insert(QStringLiteral("promotion"), printedPromotion(*o.promotion, p.grade));
    if (o.award)
        insertIfSet(outcome, QStringLiteral("award"), printedAward(*o.award));
    content.insert(QStringLiteral("outcome"), outcome);
}

} // namespace

QByteArray lookupContentJson(const packet::Packet& p)
{
    QJsonObject content {{QStringLiteral("student_name"), p.student.fullName},
                         {QStringLiteral("school_year"), p.schoolYear.toString()},
                         {QStringLiteral("grade"), p.grade},
                         {QStringLiteral("class"), p.className}};
    insertIfSet(content, QStringLiteral("birth_date"), printedDate(p.student.birthDate));
    if (p.level == SchoolLevel::Primary)
        addPrimary(content, p);
    else
        addThcs(content, p);
    insertIfSet(content, QStringLiteral("comment"), p.inputs.comment.value_or(QString()));
    return QJsonDocument(content).toJson(QJsonDocument::Compact);
}

} // namespace hocba::dept

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/EvaluationOutput.h"

#include <QJsonArray>

namespace hocba {

namespace {

template <class T> QJsonValue codeOrNull(const std::optional<T>& v)
{
    return v ? QJsonValue(toCode(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue boolOrNull(const std::optional<bool>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

// n / 10.0 is the double nearest to the decimal n/10, which Qt writes in its shortest form: 79 → 7.9.
QJsonValue tenthsOrNull(const std::optional<Tenths>& v)
{
    return v ? QJsonValue(*v / 10.0) : QJsonValue(QJsonValue::Null);
}

QJsonObject subjectToJson(const ThcsSubjectOutcome& s)
{
    QJsonObject o;
    if (s.scoreSubject) {
        o.insert(QStringLiteral("hk1"), tenthsOrNull(s.hk1Average));
        o.insert(QStringLiteral("hk2"), tenthsOrNull(s.hk2Average));
        o.insert(QStringLiteral("year"), tenthsOrNull(s.yearAverage));
        if (s.retestRequired)
            o.insert(QStringLiteral("retest"), tenthsOrNull(s.retestScore));
    } else {
        o.insert(QStringLiteral("hk1"), codeOrNull(s.hk1Result));
        o.insert(QStringLiteral("hk2"), codeOrNull(s.hk2Result));
        o.insert(QStringLiteral("year"), codeOrNull(s.yearResult));
        if (s.retestRequired)
            o.insert(QStringLiteral("retest"), codeOrNull(s.retestResult));
    }
    return o;
}

} // namespace

QJsonObject toJson(const Finding& f)
{
    return QJsonObject {{QStringLiteral("severity"), severityCode(f.severity)},
                        {QStringLiteral("code"), f.code},
                        {QStringLiteral("field"), f.field},
                        {QStringLiteral("message"), f.message}};
}

QJsonObject toJson(const EvaluationOutput& output)
{
    QJsonObject root;
    root.insert(QStringLiteral("ruleSet"), output.ruleSetId);
    if (output.primary) {
        const PrimaryOutcome& p = output.primaryOutcome;
        root.insert(QStringLiteral("result"), codeOrNull(p.result));
        root.insert(QStringLiteral("completed"), boolOrNull(p.completedGrade));
        if (p.completedPrimary)
            root.insert(QStringLiteral("completedPrimary"), *p.completedPrimary);
        root.insert(QStringLiteral("awaitingAdditionalAssessment"), boolOrNull(p.awaitingAdditionalAssessment));
        root.insert(QStringLiteral("award"), codeOrNull(p.award));
    } else {
        const ThcsOutcome& t = output.thcsOutcome;
        QJsonObject subjects;
        for (const ThcsSubjectOutcome& s : t.subjects)
            subjects.insert(s.code, subjectToJson(s));
        root.insert(QStringLiteral("subjects"), subjects);
        root.insert(QStringLiteral("hk1"),
                    QJsonObject {{QStringLiteral("learning"), codeOrNull(t.learningHk1)},
                                 {QStringLiteral("conduct"), codeOrNull(t.conductHk1)}});
        root.insert(QStringLiteral("hk2"),
                    QJsonObject {{QStringLiteral("learning"), codeOrNull(t.learningHk2)},
                                 {QStringLiteral("conduct"), codeOrNull(t.conductHk2)}});
        root.insert(QStringLiteral("year"),
                    QJsonObject {{QStringLiteral("learning"), codeOrNull(t.learningYear)},
                                 {QStringLiteral("conduct"), codeOrNull(t.conductYear)},
                                 {QStringLiteral("learningAfterRetest"), codeOrNull(t.learningAfterRetest)},
                                 {QStringLiteral("conductAfterSummer"), codeOrNull(t.conductAfterSummer)},
                                 {QStringLiteral("promotion"), codeOrNull(t.promotion)},
                                 {QStringLiteral("award"), codeOrNull(t.award)}});
    }
    root.insert(QStringLiteral("rulesApplied"), QJsonArray::fromStringList(output.rulesApplied));
    QJsonArray findings;
    for (const Finding& f : output.findings)
        findings.append(toJson(f));
    root.insert(QStringLiteral("findings"), findings);
    return root;
}

} // namespace hocba

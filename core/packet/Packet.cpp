// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/Packet.h"

namespace hocba::packet {

namespace {

/** Collects differing paths; values are never recorded (they may be personal data). */
class Diff
{
public:
    template <class T> void eq(const QString& path, const T& a, const T& b)
    {
        if (!(a == b))
            m_paths << path;
    }
    QStringList paths() const { return m_paths; }

private:
    QStringList m_paths;
};

void compareSchool(Diff& d, const School& a, const School& b)
{
    d.eq(QStringLiteral("school.id"), a.id, b.id);
    d.eq(QStringLiteral("school.moetCode"), a.moetCode, b.moetCode);
    d.eq(QStringLiteral("school.name"), a.name, b.name);
    d.eq(QStringLiteral("school.province"), a.province, b.province);
    d.eq(QStringLiteral("school.commune"), a.commune, b.commune);
    d.eq(QStringLiteral("school.address"), a.address, b.address);
    d.eq(QStringLiteral("school.principalName"), a.principalName, b.principalName);
    d.eq(QStringLiteral("school.hasPrimary"), a.hasPrimary, b.hasPrimary);
    d.eq(QStringLiteral("school.hasThcs"), a.hasThcs, b.hasThcs);
}

void compareStudent(Diff& d, const Student& a, const Student& b)
{
    d.eq(QStringLiteral("student.id"), a.id, b.id);
    d.eq(QStringLiteral("student.fullName"), a.fullName, b.fullName);
    d.eq(QStringLiteral("student.gender"), a.gender, b.gender);
    d.eq(QStringLiteral("student.birthDate"), a.birthDate, b.birthDate);
    d.eq(QStringLiteral("student.ethnicity"), a.ethnicity, b.ethnicity);
    d.eq(QStringLiteral("student.nationality"), a.nationality, b.nationality);
    d.eq(QStringLiteral("student.birthplace"), a.birthplace, b.birthplace);
    d.eq(QStringLiteral("student.hometown"), a.hometown, b.hometown);
    d.eq(QStringLiteral("student.address"), a.address, b.address);
    d.eq(QStringLiteral("student.fatherName"), a.fatherName, b.fatherName);
    d.eq(QStringLiteral("student.fatherOccupation"), a.fatherOccupation, b.fatherOccupation);
    d.eq(QStringLiteral("student.motherName"), a.motherName, b.motherName);
    d.eq(QStringLiteral("student.motherOccupation"), a.motherOccupation, b.motherOccupation);
    d.eq(QStringLiteral("student.guardianName"), a.guardianName, b.guardianName);
    d.eq(QStringLiteral("student.guardianOccupation"), a.guardianOccupation, b.guardianOccupation);
    d.eq(QStringLiteral("student.policyGroup"), a.policyGroup, b.policyGroup);
    d.eq(QStringLiteral("student.personalId"), a.personalId, b.personalId);
    d.eq(QStringLiteral("student.moetCode"), a.moetCode, b.moetCode);
    d.eq(QStringLiteral("student.registrationNumber"), a.registrationNumber, b.registrationNumber);
    d.eq(QStringLiteral("student.enrolmentDate"), a.enrolmentDate, b.enrolmentDate);
    d.eq(QStringLiteral("student.transferDate"), a.transferDate, b.transferDate);
    d.eq(QStringLiteral("student.transferFrom"), a.transferFrom, b.transferFrom);
}

void compareOutcome(Diff& d, const QString& p, const ThcsSubjectOutcome& a, const ThcsSubjectOutcome& b)
{
    d.eq(p + QStringLiteral(".code"), a.code, b.code);
    d.eq(p + QStringLiteral(".scoreSubject"), a.scoreSubject, b.scoreSubject);
    d.eq(p + QStringLiteral(".hk1Average"), a.hk1Average, b.hk1Average);
    d.eq(p + QStringLiteral(".hk2Average"), a.hk2Average, b.hk2Average);
    d.eq(p + QStringLiteral(".yearAverage"), a.yearAverage, b.yearAverage);
    d.eq(p + QStringLiteral(".hk1Result"), a.hk1Result, b.hk1Result);
    d.eq(p + QStringLiteral(".hk2Result"), a.hk2Result, b.hk2Result);
    d.eq(p + QStringLiteral(".yearResult"), a.yearResult, b.yearResult);
    d.eq(p + QStringLiteral(".retestRequired"), a.retestRequired, b.retestRequired);
    d.eq(p + QStringLiteral(".retestScore"), a.retestScore, b.retestScore);
    d.eq(p + QStringLiteral(".retestResult"), a.retestResult, b.retestResult);
}

void compareResults(Diff& d, const EvaluationOutput& a, const EvaluationOutput& b)
{
    d.eq(QStringLiteral("results.ruleSetId"), a.ruleSetId, b.ruleSetId);
    d.eq(QStringLiteral("results.primary"), a.primary, b.primary);
    const auto& pa = a.primaryOutcome;
    const auto& pb = b.primaryOutcome;
    d.eq(QStringLiteral("results.primary.result"), pa.result, pb.result);
    d.eq(QStringLiteral("results.primary.completedGrade"), pa.completedGrade, pb.completedGrade);
    d.eq(QStringLiteral("results.primary.completedPrimary"), pa.completedPrimary, pb.completedPrimary);
    d.eq(QStringLiteral("results.primary.awaitingAdditionalAssessment"), pa.awaitingAdditionalAssessment,
         pb.awaitingAdditionalAssessment);
    d.eq(QStringLiteral("results.primary.award"), pa.award, pb.award);
    const auto& ta = a.thcsOutcome;
    const auto& tb = b.thcsOutcome;
    d.eq(QStringLiteral("results.thcs.subjects.size"), ta.subjects.size(), tb.subjects.size());
    for (qsizetype i = 0; i < std::min(ta.subjects.size(), tb.subjects.size()); ++i)
        compareOutcome(d, QStringLiteral("results.thcs.subjects[%1]").arg(i), ta.subjects[i], tb.subjects[i]);
    d.eq(QStringLiteral("results.thcs.learningHk1"), ta.learningHk1, tb.learningHk1);
    d.eq(QStringLiteral("results.thcs.learningHk2"), ta.learningHk2, tb.learningHk2);
    d.eq(QStringLiteral("results.thcs.learningYear"), ta.learningYear, tb.learningYear);
    d.eq(QStringLiteral("results.thcs.learningAfterRetest"), ta.learningAfterRetest, tb.learningAfterRetest);
    d.eq(QStringLiteral("results.thcs.conductHk1"), ta.conductHk1, tb.conductHk1);
    d.eq(QStringLiteral("results.thcs.conductHk2"), ta.conductHk2, tb.conductHk2);
    d.eq(QStringLiteral("results.thcs.conductYear"), ta.conductYear, tb.conductYear);
    d.eq(QStringLiteral("results.thcs.conductAfterSummer"), ta.conductAfterSummer, tb.conductAfterSummer);
    d.eq(QStringLiteral("results.thcs.promotion"), ta.promotion, tb.promotion);
    d.eq(QStringLiteral("results.thcs.award"), ta.award, tb.award);
    d.eq(QStringLiteral("results.rulesApplied"), a.rulesApplied, b.rulesApplied);
    d.eq(QStringLiteral("results.findings"), a.findings, b.findings);
}

} // namespace

QStringList differences(const Packet& a, const Packet& b)
{
    Diff d;
    d.eq(QStringLiteral("lookupCode"), a.lookupCode, b.lookupCode);
    d.eq(QStringLiteral("level"), a.level, b.level);
    d.eq(QStringLiteral("version"), a.version, b.version);
    d.eq(QStringLiteral("replacesVersion"), a.replacesVersion, b.replacesVersion);
    d.eq(QStringLiteral("draft"), a.draft, b.draft);
    d.eq(QStringLiteral("source"), a.source, b.source);
    compareSchool(d, a.school, b.school);
    compareStudent(d, a.student, b.student);
    d.eq(QStringLiteral("schoolYear"), a.schoolYear, b.schoolYear);
    d.eq(QStringLiteral("grade"), a.grade, b.grade);
    d.eq(QStringLiteral("className"), a.className, b.className);
    d.eq(QStringLiteral("homeroomTeacherName"), a.homeroomTeacherName, b.homeroomTeacherName);
    d.eq(QStringLiteral("principalName"), a.principalName, b.principalName);
    d.eq(QStringLiteral("awaitingAdditionalAssessment"), a.awaitingAdditionalAssessment,
         b.awaitingAdditionalAssessment);
    d.eq(QStringLiteral("studyHistory"), a.studyHistory, b.studyHistory);
    d.eq(QStringLiteral("inputs"), a.inputs, b.inputs);
    d.eq(QStringLiteral("results.present"), a.results.has_value(), b.results.has_value());
    if (a.results && b.results)
        compareResults(d, *a.results, *b.results);
    d.eq(QStringLiteral("createdAt"), a.createdAt, b.createdAt);
    // QDateTime == compares instants; the packet also promises UTC, so compare the zone too.
    d.eq(QStringLiteral("createdAt.timeSpec"), a.createdAt.timeSpec(), b.createdAt.timeSpec());
    return d.paths();
}

} // namespace hocba::packet

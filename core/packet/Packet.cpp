// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/Packet.h"

#include <algorithm>

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
    void add(const QString& path) { m_paths << path; }
    QStringList paths() const { return m_paths; }
    qsizetype count() const { return m_paths.size(); }

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

template <class T> void compareList(Diff& d, const QString& p, const QList<T>& a, const QList<T>& b)
{
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
        d.eq(QStringLiteral("%1[%2]").arg(p).arg(i), i < a.size() ? a[i] : T {}, i < b.size() ? b[i] : T {});
}

void compareMap(Diff& d, const QString& p, const QMap<QString, QString>& a, const QMap<QString, QString>& b)
{
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString& k : keys)
        if (a.contains(k) != b.contains(k) || a.value(k) != b.value(k))
            d.add(p + QLatin1Char('.') + k);
}

void compareSemester(Diff& d, const QString& p, const SemesterEntries& a, const SemesterEntries& b)
{
    compareList(d, p + QStringLiteral(".regular"), a.regular, b.regular);
    d.eq(p + QStringLiteral(".midterm"), a.midterm, b.midterm);
    d.eq(p + QStringLiteral(".final"), a.final, b.final);
    d.eq(p + QStringLiteral(".comment"), a.comment, b.comment);
}

void compareSubject(Diff& d, const QString& p, const SubjectEntry& a, const SubjectEntry& b)
{
    d.eq(p + QStringLiteral(".code"), a.code, b.code);
    d.eq(p + QStringLiteral(".level"), a.level, b.level);
    d.eq(p + QStringLiteral(".score"), a.score, b.score);
    d.eq(p + QStringLiteral(".comment"), a.comment, b.comment);
    d.eq(p + QStringLiteral(".languageName"), a.languageName, b.languageName);
    d.eq(p + QStringLiteral(".teacherName"), a.teacherName, b.teacherName);
    d.eq(p + QStringLiteral(".assessment"), a.assessment, b.assessment);
    d.eq(p + QStringLiteral(".periodsPerYear"), a.periodsPerYear, b.periodsPerYear);
    compareSemester(d, p + QStringLiteral(".hk1"), a.hk1, b.hk1);
    compareSemester(d, p + QStringLiteral(".hk2"), a.hk2, b.hk2);
}

/** Field by field, so that a correction can count the places it changed; subjects are named by code. */
void compareInputs(Diff& d, const StudentYearInput& a, const StudentYearInput& b)
{
    const qsizetype before = d.count();
    d.eq(QStringLiteral("inputs.circular"), a.circular, b.circular);
    d.eq(QStringLiteral("inputs.schoolYear"), a.schoolYear, b.schoolYear);
    d.eq(QStringLiteral("inputs.grade"), a.grade, b.grade);
    d.eq(QStringLiteral("inputs.subjects.size"), a.subjects.size(), b.subjects.size());
    for (qsizetype i = 0; i < std::max(a.subjects.size(), b.subjects.size()); ++i) {
        const SubjectEntry& sa = i < a.subjects.size() ? a.subjects[i] : SubjectEntry {};
        const SubjectEntry& sb = i < b.subjects.size() ? b.subjects[i] : SubjectEntry {};
        const QString code = sa.code.isEmpty() ? sb.code : sa.code;
        compareSubject(d, QStringLiteral("inputs.subjects.%1").arg(code.isEmpty() ? QString::number(i) : code), sa, sb);
    }
    compareMap(d, QStringLiteral("inputs.qualities"), a.qualities, b.qualities);
    compareMap(d, QStringLiteral("inputs.competencies"), a.competencies, b.competencies);
    d.eq(QStringLiteral("inputs.recognizedByClass"), a.recognizedByClass, b.recognizedByClass);
    compareMap(d, QStringLiteral("inputs.qualityComments"), a.qualityComments, b.qualityComments);
    compareMap(d, QStringLiteral("inputs.competencyComments"), a.competencyComments, b.competencyComments);
    d.eq(QStringLiteral("inputs.heightCm"), a.heightCm, b.heightCm);
    d.eq(QStringLiteral("inputs.weightKg"), a.weightKg, b.weightKg);
    d.eq(QStringLiteral("inputs.absencesExcused"), a.absencesExcused, b.absencesExcused);
    d.eq(QStringLiteral("inputs.absencesUnexcused"), a.absencesUnexcused, b.absencesUnexcused);
    d.eq(QStringLiteral("inputs.conductHk1"), a.conductHk1, b.conductHk1);
    d.eq(QStringLiteral("inputs.conductHk2"), a.conductHk2, b.conductHk2);
    d.eq(QStringLiteral("inputs.absences"), a.absences, b.absences);
    d.eq(QStringLiteral("inputs.summerConduct"), a.summerConduct, b.summerConduct);
    compareMap(d, QStringLiteral("inputs.retests"), a.retests, b.retests);
    d.eq(QStringLiteral("inputs.comment"), a.comment, b.comment);
    compareList(d, QStringLiteral("inputs.certificates"), a.certificates, b.certificates);
    compareList(d, QStringLiteral("inputs.competitions"), a.competitions, b.competitions);
    // A field this list forgot still shows: the struct's own comparison is the last word.
    if (!(a == b) && d.count() == before)
        d.add(QStringLiteral("inputs"));
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
    d.eq(QStringLiteral("correctedPlaces"), a.correctedPlaces, b.correctedPlaces);
    d.eq(QStringLiteral("principalSignature"), a.principalSignature.has_value(), b.principalSignature.has_value());
    if (a.principalSignature && b.principalSignature) {
        const SignatureAppearance& sa = *a.principalSignature;
        const SignatureAppearance& sb = *b.principalSignature;
        d.eq(QStringLiteral("principalSignature.holderName"), sa.holderName, sb.holderName);
        d.eq(QStringLiteral("principalSignature.role"), sa.role, sb.role);
        d.eq(QStringLiteral("principalSignature.issuer"), sa.issuer, sb.issuer);
        d.eq(QStringLiteral("principalSignature.signedAt"), sa.signedAt, sb.signedAt);
        d.eq(QStringLiteral("principalSignature.signedAt.timeSpec"), sa.signedAt.timeSpec(), sb.signedAt.timeSpec());
    }
    compareInputs(d, a.inputs, b.inputs);
    d.eq(QStringLiteral("results.present"), a.results.has_value(), b.results.has_value());
    if (a.results && b.results)
        compareResults(d, *a.results, *b.results);
    d.eq(QStringLiteral("createdAt"), a.createdAt, b.createdAt);
    // QDateTime == compares instants; the packet also promises UTC, so compare the zone too.
    d.eq(QStringLiteral("createdAt.timeSpec"), a.createdAt.timeSpec(), b.createdAt.timeSpec());
    return d.paths();
}

int correctedPlaces(const Packet& before, const Packet& after)
{
    static const QStringList yearPage {QStringLiteral("className"), QStringLiteral("homeroomTeacherName"),
                                       QStringLiteral("principalName"), QStringLiteral("awaitingAdditionalAssessment")};
    static const QStringList notPrinted {
        QStringLiteral("results.ruleSetId"),   QStringLiteral("results.rulesApplied"),
        QStringLiteral("results.findings"),    QStringLiteral("results.primary"),
        QStringLiteral("results.present"),     QStringLiteral("results.thcs.subjects.size"),
        QStringLiteral("inputs.subjects.size")};
    int n = 0;
    for (const QString& path : differences(before, after)) {
        if (notPrinted.contains(path) || path.endsWith(QStringLiteral(".code")))
            continue;
        if (yearPage.contains(path) || path.startsWith(QStringLiteral("inputs"))
            || path.startsWith(QStringLiteral("results.")))
            ++n;
    }
    return n;
}

} // namespace hocba::packet

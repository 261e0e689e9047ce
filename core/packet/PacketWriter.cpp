// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/PacketWriter.h"

#include "domain/Decimal.h"
#include "packet/XmlOut.h"

#include <QCoreApplication>

#include <algorithm>

namespace hocba::packet {

using detail::Attributes;
using detail::XmlOut;

namespace {

QString boolText(bool v)
{
    return v ? QStringLiteral("true") : QStringLiteral("false");
}

void writeSchool(XmlOut& x, const School& s)
{
    x.open(QStringLiteral("School"),
           {{QStringLiteral("moetCode"), s.moetCode},
            {QStringLiteral("hasPrimary"), boolText(s.hasPrimary)},
            {QStringLiteral("hasThcs"), boolText(s.hasThcs)}});
    x.leaf(QStringLiteral("Name"), s.name);
    x.leaf(QStringLiteral("Province"), s.province);
    x.leaf(QStringLiteral("Commune"), s.commune);
    x.leaf(QStringLiteral("Address"), s.address);
    x.leaf(QStringLiteral("PrincipalName"), s.principalName);
    x.close();
}

void writeStudent(XmlOut& x, const Student& s)
{
    x.open(QStringLiteral("Student"), {{QStringLiteral("gender"), toCode(s.gender)}});
    x.leaf(QStringLiteral("FullName"), s.fullName);
    x.dateLeaf(QStringLiteral("BirthDate"), s.birthDate);
    x.leaf(QStringLiteral("Ethnicity"), s.ethnicity);
    x.leaf(QStringLiteral("Nationality"), s.nationality);
    x.leaf(QStringLiteral("Birthplace"), s.birthplace);
    x.leaf(QStringLiteral("Hometown"), s.hometown);
    x.leaf(QStringLiteral("Address"), s.address);
    x.leaf(QStringLiteral("FatherName"), s.fatherName);
    x.leaf(QStringLiteral("FatherOccupation"), s.fatherOccupation);
    x.leaf(QStringLiteral("MotherName"), s.motherName);
    x.leaf(QStringLiteral("MotherOccupation"), s.motherOccupation);
    x.leaf(QStringLiteral("GuardianName"), s.guardianName);
    x.leaf(QStringLiteral("GuardianOccupation"), s.guardianOccupation);
    x.leaf(QStringLiteral("PolicyGroup"), s.policyGroup);
    x.leaf(QStringLiteral("PersonalId"), s.personalId);
    x.leaf(QStringLiteral("MoetCode"), s.moetCode);
    x.leaf(QStringLiteral("RegistrationNumber"), s.registrationNumber);
    x.dateLeaf(QStringLiteral("EnrolmentDate"), s.enrolmentDate);
    x.dateLeaf(QStringLiteral("TransferDate"), s.transferDate);
    x.leaf(QStringLiteral("TransferFrom"), s.transferFrom);
    x.close();
}

void writeSemester(XmlOut& x, const QString& term, const SemesterEntries& e)
{
    if (e == SemesterEntries {})
        return;
    x.open(QStringLiteral("Semester"), {{QStringLiteral("term"), term}});
    // Every regular slot is written, empty ones too: their positions are what "the 3rd regular score" means.
    for (const QString& r : e.regular)
        x.leaf(QStringLiteral("Regular"), r);
    x.optLeaf(QStringLiteral("Midterm"), e.midterm);
    x.optLeaf(QStringLiteral("Final"), e.final);
    x.optLeaf(QStringLiteral("Comment"), e.comment);
    x.close();
}

void writeInputs(XmlOut& x, const StudentYearInput& in)
{
    x.open(QStringLiteral("Inputs"),
           {{QStringLiteral("circular"), toCode(in.circular)},
            {QStringLiteral("schoolYear"), in.schoolYear.toString()},
            {QStringLiteral("grade"), QString::number(in.grade)},
            {QStringLiteral("recognizedByClass"), boolText(in.recognizedByClass)}});
    for (const SubjectEntry& s : in.subjects) {
        Attributes attrs {{QStringLiteral("code"), s.code}};
        if (!s.assessment.isEmpty())
            attrs.append({QStringLiteral("assessment"), s.assessment});
        if (s.periodsPerYear)
            attrs.append({QStringLiteral("periodsPerYear"), QString::number(*s.periodsPerYear)});
        x.open(QStringLiteral("Subject"), attrs);
        x.optLeaf(QStringLiteral("Level"), s.level);
        x.optLeaf(QStringLiteral("Score"), s.score);
        x.optLeaf(QStringLiteral("Comment"), s.comment);
        x.optLeaf(QStringLiteral("LanguageName"), s.languageName);
        x.optLeaf(QStringLiteral("TeacherName"), s.teacherName);
        writeSemester(x, QStringLiteral("hk1"), s.hk1);
        writeSemester(x, QStringLiteral("hk2"), s.hk2);
        x.close();
    }
    for (auto it = in.qualities.begin(); it != in.qualities.end(); ++it)
        x.leaf(QStringLiteral("Quality"), it.value(), {{QStringLiteral("code"), it.key()}});
    for (auto it = in.competencies.begin(); it != in.competencies.end(); ++it)
        x.leaf(QStringLiteral("Competency"), it.value(), {{QStringLiteral("code"), it.key()}});
    for (auto it = in.qualityComments.begin(); it != in.qualityComments.end(); ++it)
        if (!it.value().isEmpty())
            x.leaf(QStringLiteral("QualityComment"), it.value(), {{QStringLiteral("code"), it.key()}});
    for (auto it = in.competencyComments.begin(); it != in.competencyComments.end(); ++it)
        if (!it.value().isEmpty())
            x.leaf(QStringLiteral("CompetencyComment"), it.value(), {{QStringLiteral("code"), it.key()}});
    x.optLeaf(QStringLiteral("ConductHk1"), in.conductHk1);
    x.optLeaf(QStringLiteral("ConductHk2"), in.conductHk2);
    x.optLeaf(QStringLiteral("Absences"), in.absences);
    x.optLeaf(QStringLiteral("AbsencesExcused"), in.absencesExcused);
    x.optLeaf(QStringLiteral("AbsencesUnexcused"), in.absencesUnexcused);
    x.optLeaf(QStringLiteral("HeightCm"), in.heightCm);
    x.optLeaf(QStringLiteral("WeightKg"), in.weightKg);
    x.optLeaf(QStringLiteral("SummerConduct"), in.summerConduct);
    for (auto it = in.retests.begin(); it != in.retests.end(); ++it)
        x.leaf(QStringLiteral("Retest"), it.value(), {{QStringLiteral("subject"), it.key()}});
    x.optLeaf(QStringLiteral("Comment"), in.comment);
    for (const QString& c : in.certificates)
        x.leaf(QStringLiteral("Certificate"), c);
    for (const QString& c : in.competitions)
        x.leaf(QStringLiteral("Competition"), c);
    x.close();
}

void writeResults(XmlOut& x, const EvaluationOutput& r)
{
    x.open(QStringLiteral("Results"), {{QStringLiteral("ruleSet"), r.ruleSetId}});
    if (r.primary) {
        const PrimaryOutcome& p = r.primaryOutcome;
        x.open(QStringLiteral("Primary"));
        x.codeLeaf(QStringLiteral("Result"), p.result);
        x.boolLeaf(QStringLiteral("CompletedGrade"), p.completedGrade);
        x.boolLeaf(QStringLiteral("CompletedPrimary"), p.completedPrimary);
        x.boolLeaf(QStringLiteral("AwaitingAdditionalAssessment"), p.awaitingAdditionalAssessment);
        x.codeLeaf(QStringLiteral("Award"), p.award);
        x.close();
    } else {
        const ThcsOutcome& t = r.thcsOutcome;
        x.open(QStringLiteral("Thcs"));
        for (const ThcsSubjectOutcome& s : t.subjects) {
            x.open(QStringLiteral("Subject"),
                   {{QStringLiteral("code"), s.code},
                    {QStringLiteral("scoreSubject"), boolText(s.scoreSubject)},
                    {QStringLiteral("retestRequired"), boolText(s.retestRequired)}});
            x.tenthsLeaf(QStringLiteral("Hk1Average"), s.hk1Average);
            x.tenthsLeaf(QStringLiteral("Hk2Average"), s.hk2Average);
            x.tenthsLeaf(QStringLiteral("YearAverage"), s.yearAverage);
            x.tenthsLeaf(QStringLiteral("RetestScore"), s.retestScore);
            x.codeLeaf(QStringLiteral("Hk1Result"), s.hk1Result);
            x.codeLeaf(QStringLiteral("Hk2Result"), s.hk2Result);
            x.codeLeaf(QStringLiteral("YearResult"), s.yearResult);
            x.codeLeaf(QStringLiteral("RetestResult"), s.retestResult);
            x.close();
        }
        x.codeLeaf(QStringLiteral("LearningHk1"), t.learningHk1);
        x.codeLeaf(QStringLiteral("LearningHk2"), t.learningHk2);
        x.codeLeaf(QStringLiteral("LearningYear"), t.learningYear);
        x.codeLeaf(QStringLiteral("LearningAfterRetest"), t.learningAfterRetest);
        x.codeLeaf(QStringLiteral("ConductHk1"), t.conductHk1);
        x.codeLeaf(QStringLiteral("ConductHk2"), t.conductHk2);
        x.codeLeaf(QStringLiteral("ConductYear"), t.conductYear);
        x.codeLeaf(QStringLiteral("ConductAfterSummer"), t.conductAfterSummer);
        x.codeLeaf(QStringLiteral("Promotion"), t.promotion);
        x.codeLeaf(QStringLiteral("Award"), t.award);
        x.close();
    }
    x.open(QStringLiteral("RulesApplied"));
    for (const QString& id : r.rulesApplied)
        x.leaf(QStringLiteral("Rule"), id);
    x.close();
    x.close();
}

void writeFindings(XmlOut& x, const Findings& findings)
{
    x.open(QStringLiteral("LintFindings"));
    for (const Finding& f : findings)
        x.leaf(QStringLiteral("Finding"), f.message,
               {{QStringLiteral("severity"), severityCode(f.severity)},
                {QStringLiteral("code"), f.code},
                {QStringLiteral("field"), f.field}});
    x.close();
}

} // namespace

Result<QByteArray> writePacket(const Packet& p)
{
    XmlOut x;
    x.open(QStringLiteral("RecordPacket"),
           {{QStringLiteral("formatVersion"), QString::fromLatin1(Packet::kFormatVersionText)}},
           QString::fromLatin1(kPacketNamespace));
    const QDateTime created = p.createdAt.toUTC();
    x.open(QStringLiteral("Data"),
           {{QStringLiteral("Id"), QString::fromLatin1(kDataElementId)},
            {QStringLiteral("status"), p.draft ? QStringLiteral("draft") : QStringLiteral("final")},
            {QStringLiteral("createdAt"), created.toString(Qt::ISODate)}});

    Attributes record {{QStringLiteral("lookupCode"), p.lookupCode},
                       {QStringLiteral("level"), toCode(p.level)},
                       {QStringLiteral("version"), QString::number(p.version)},
                       {QStringLiteral("source"), toCode(p.source)}};
    if (p.replacesVersion)
        record.append({QStringLiteral("replacesVersion"), QString::number(*p.replacesVersion)});
    x.open(QStringLiteral("Record"), record);
    x.close();

    writeSchool(x, p.school);
    writeStudent(x, p.student);

    x.open(QStringLiteral("Section"),
           {{QStringLiteral("schoolYear"), p.schoolYear.toString()},
            {QStringLiteral("grade"), QString::number(p.grade)},
            {QStringLiteral("awaitingAdditionalAssessment"), boolText(p.awaitingAdditionalAssessment)}});
    x.leaf(QStringLiteral("ClassName"), p.className);
    x.leaf(QStringLiteral("HomeroomTeacherName"), p.homeroomTeacherName);
    x.leaf(QStringLiteral("PrincipalName"), p.principalName);
    if (p.correctedPlaces)
        x.leaf(QStringLiteral("CorrectedPlaces"), QString::number(*p.correctedPlaces));
    if (p.principalSignature) {
        const SignatureAppearance& a = *p.principalSignature;
        x.open(QStringLiteral("PrincipalSignature"));
        x.leaf(QStringLiteral("HolderName"), a.holderName);
        x.leaf(QStringLiteral("Role"), a.role);
        x.leaf(QStringLiteral("Issuer"), a.issuer);
        x.leaf(QStringLiteral("SignedAt"), a.signedAt.toUTC().toString(Qt::ISODate));
        x.close();
    }
    x.close();

    x.open(QStringLiteral("StudyHistory"));
    for (const StudyHistoryEntry& h : p.studyHistory) {
        x.open(QStringLiteral("Year"),
               {{QStringLiteral("schoolYear"), h.schoolYear.toString()},
                {QStringLiteral("grade"), QString::number(h.grade)}});
        x.leaf(QStringLiteral("ClassName"), h.className);
        x.leaf(QStringLiteral("SchoolName"), h.schoolName);
        x.leaf(QStringLiteral("RegistrationNumber"), h.registrationNumber);
        x.dateLeaf(QStringLiteral("EnrolmentDate"), h.enrolmentDate);
        x.close();
    }
    x.close();

    writeInputs(x, p.inputs);
    if (p.results)
        writeResults(x, *p.results);
    // Findings are advice for whoever fixes a draft, not part of what a school certifies: never in a final packet.
    if (p.draft && p.results && !p.results->findings.isEmpty())
        writeFindings(x, p.results->findings);
    x.close(); // Data

    // XMLDSig signatures are appended here, one <Signature> per signer (docs/packet.md, the signing issue).
    x.open(QStringLiteral("Signatures"));
    x.close();
    x.close(); // RecordPacket

    if (!x.badElement().isEmpty())
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("hocba::packet::PacketWriter",
                                                "The field <%1> holds a control character that a packet cannot "
                                                "carry; remove it and try again.")
                        .arg(x.badElement()),
                    QStringLiteral("packet.write: invalid XML character in %1").arg(x.badElement()));
    return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + x.bytes() + '\n';
}

} // namespace hocba::packet

// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/PacketReader.h"

#include "domain/Decimal.h"
#include "packet/XmlDiagnostics.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QFile>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

#include <memory>

namespace hocba::packet {

using namespace detail;

namespace {

/** The XSD, parsed once per process from the resources (read-only afterwards, so shared between threads). */
xmlSchemaPtr packetSchema()
{
    static xmlSchemaPtr schema = [] {
        xmlInitParser();
        QFile file(QStringLiteral(":/packet/hocba-packet-1.xsd"));
        if (!file.open(QIODevice::ReadOnly))
            return xmlSchemaPtr(nullptr);
        const QByteArray xsd = file.readAll();
        Capture cap;
        ErrorScope scope(&cap);
        xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewMemParserCtxt(xsd.constData(), int(xsd.size()));
        if (!pctxt)
            return xmlSchemaPtr(nullptr);
        xmlSchemaPtr parsed = xmlSchemaParse(pctxt);
        xmlSchemaFreeParserCtxt(pctxt);
        return parsed;
    }();
    return schema;
}

/** Validates a parsed document against the XSD and checks NFC. */
Status validateDocument(const SafeXmlDocument& doc)
{
    xmlSchemaPtr schema = packetSchema();
    if (!schema)
        return fail(ErrorCode::Internal, ReaderText::tr("The packet schema could not be loaded."),
                    QStringLiteral("packet.read: :/packet/hocba-packet-1.xsd missing or invalid"));
    Capture cap;
    ErrorScope scope(&cap);
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
    if (!vctxt)
        return fail(ErrorCode::Internal, ReaderText::tr("Out of memory while reading the packet."),
                    QStringLiteral("xmlSchemaNewValidCtxt"));
    xmlSchemaSetValidStructuredErrors(vctxt, onXmlError, &cap);
    const int rc = xmlSchemaValidateDoc(vctxt, doc.get());
    xmlSchemaFreeValidCtxt(vctxt);
    if (rc != 0) {
        const QString why = cap.message.isEmpty() ? ReaderText::tr("unknown schema error") : cap.message;
        return located(cap.line > 0 ? cap.line : 1, cap.element,
                       ReaderText::tr("the packet does not match the packet schema (%1)").arg(why),
                       QStringLiteral("schema"));
    }
    return checkNfc(doc.root());
}

/** Parses (hardened) and validates; the document is valid against the XSD and NFC when this succeeds. */
Result<SafeXmlDocument> parseValid(const QByteArray& bytes)
{
    auto doc = SafeXmlDocument::parse(bytes);
    if (!doc)
        return std::unexpected(doc.error());
    if (auto s = validateDocument(*doc); !s)
        return std::unexpected(s.error());
    return doc;
}

// ------------------------------------------------------------------------------------------ tree → Packet

/** Turns schema-valid elements into values; semantic problems the XSD cannot express end up in `error`. */
class TreeReader
{
public:
    std::optional<Error> error;

    void bad(const xmlNode* n, const QString& what)
    {
        if (!error)
            error = located(int(xmlGetLineNo(n)), nodeName(n), what, QStringLiteral("value")).error();
    }

    bool boolAttr(const xmlNode* n, const char* name) { return attr(n, name) == QLatin1String("true"); }
    int intAttr(const xmlNode* n, const char* name)
    {
        bool ok = false;
        const int v = attr(n, name).toInt(&ok);
        if (!ok)
            bad(n, ReaderText::tr("the number in %1 is out of range").arg(QString::fromLatin1(name)));
        return v;
    }
    SchoolYear yearAttr(const xmlNode* n, const char* name)
    {
        const auto y = SchoolYear::fromString(attr(n, name));
        if (!y || y->toString() != attr(n, name)) {
            bad(n, ReaderText::tr("%1 is not a school year like 2025-2026").arg(QString::fromLatin1(name)));
            return {};
        }
        return *y;
    }
    QDate date(const xmlNode* n)
    {
        if (!n)
            return {};
        const QDate d = QDate::fromString(text(n), Qt::ISODate);
        if (!d.isValid())
            bad(n, ReaderText::tr("not a valid date"));
        return d;
    }
    template <class T> std::optional<T> code(const xmlNode* n, std::initializer_list<T> values)
    {
        if (!n)
            return std::nullopt;
        const QString t = text(n);
        for (const T v : values)
            if (toCode(v) == t)
                return v;
        bad(n, ReaderText::tr("unknown code"));
        return std::nullopt;
    }
    std::optional<bool> optBool(const xmlNode* n)
    {
        if (!n)
            return std::nullopt;
        return text(n) == QLatin1String("true");
    }
    std::optional<Tenths> tenths(const xmlNode* n)
    {
        if (!n)
            return std::nullopt;
        const ParsedScore s = parseScoreText(text(n));
        // The schema already demands "d.d"; this re-check keeps one reading of scores in the program.
        if (!s.tenths) {
            bad(n, ReaderText::tr("not a score written like 7.5"));
            return std::nullopt;
        }
        return s.tenths;
    }
    int intAttrText(const xmlNode* n)
    {
        bool ok = false;
        const int v = text(n).toInt(&ok);
        if (!ok)
            bad(n, ReaderText::tr("the number is out of range"));
        return v;
    }
    std::optional<QString> optText(const xmlNode* n)
    {
        if (!n)
            return std::nullopt;
        return text(n);
    }

    School school(const xmlNode* n)
    {
        School s;
        s.moetCode = attr(n, "moetCode");
        s.hasPrimary = boolAttr(n, "hasPrimary");
        s.hasThcs = boolAttr(n, "hasThcs");
        s.name = text(child(n, "Name"));
        s.province = text(child(n, "Province"));
        s.commune = text(child(n, "Commune"));
        s.address = text(child(n, "Address"));
        s.principalName = text(child(n, "PrincipalName"));
        return s;
    }

    Student student(const xmlNode* n)
    {
        Student s;
        s.gender = genderFromCode(attr(n, "gender")).value_or(Gender::Unknown);
        s.fullName = text(child(n, "FullName"));
        s.birthDate = date(child(n, "BirthDate"));
        s.ethnicity = text(child(n, "Ethnicity"));
        s.nationality = text(child(n, "Nationality"));
        s.birthplace = text(child(n, "Birthplace"));
        s.hometown = text(child(n, "Hometown"));
        s.address = text(child(n, "Address"));
        s.fatherName = text(child(n, "FatherName"));
        s.fatherOccupation = text(child(n, "FatherOccupation"));
        s.motherName = text(child(n, "MotherName"));
        s.motherOccupation = text(child(n, "MotherOccupation"));
        s.guardianName = text(child(n, "GuardianName"));
        s.guardianOccupation = text(child(n, "GuardianOccupation"));
        s.policyGroup = text(child(n, "PolicyGroup"));
        s.personalId = text(child(n, "PersonalId"));
        s.moetCode = text(child(n, "MoetCode"));
        s.registrationNumber = text(child(n, "RegistrationNumber"));
        s.enrolmentDate = date(child(n, "EnrolmentDate"));
        s.transferDate = date(child(n, "TransferDate"));
        s.transferFrom = text(child(n, "TransferFrom"));
        return s;
    }

    SemesterEntries semester(const xmlNode* n)
    {
        SemesterEntries e;
        for (const xmlNode* c : elements(n)) {
            if (is(c, "Regular"))
                e.regular << text(c);
            else if (is(c, "Midterm"))
                e.midterm = text(c);
            else if (is(c, "Final"))
                e.final = text(c);
            else if (is(c, "Comment"))
                e.comment = text(c);
        }
        return e;
    }

    StudentYearInput inputs(const xmlNode* n)
    {
        StudentYearInput in;
        in.circular = circularFromCode(attr(n, "circular")).value_or(Circular::TT27);
        in.schoolYear = yearAttr(n, "schoolYear");
        in.grade = intAttr(n, "grade");
        in.recognizedByClass = boolAttr(n, "recognizedByClass");
        for (const xmlNode* c : elements(n)) {
            if (is(c, "Subject")) {
                SubjectEntry s;
                s.code = attr(c, "code");
                s.assessment = attr(c, "assessment");
                if (hasAttr(c, "periodsPerYear"))
                    s.periodsPerYear = intAttr(c, "periodsPerYear");
                s.level = text(child(c, "Level"));
                s.score = text(child(c, "Score"));
                s.comment = optText(child(c, "Comment"));
                s.languageName = text(child(c, "LanguageName"));
                s.teacherName = text(child(c, "TeacherName"));
                for (const xmlNode* sem : elements(c)) {
                    if (!is(sem, "Semester"))
                        continue;
                    const QString term = attr(sem, "term");
                    SemesterEntries& target = term == QLatin1String("hk1") ? s.hk1 : s.hk2;
                    if (target != SemesterEntries {})
                        bad(sem, ReaderText::tr("the semester %1 appears twice").arg(term));
                    target = semester(sem);
                }
                in.subjects << s;
            } else if (is(c, "Quality")) {
                in.qualities.insert(attr(c, "code"), text(c));
            } else if (is(c, "Competency")) {
                in.competencies.insert(attr(c, "code"), text(c));
            } else if (is(c, "QualityComment")) {
                in.qualityComments.insert(attr(c, "code"), text(c));
            } else if (is(c, "CompetencyComment")) {
                in.competencyComments.insert(attr(c, "code"), text(c));
            } else if (is(c, "AbsencesExcused")) {
                in.absencesExcused = text(c);
            } else if (is(c, "AbsencesUnexcused")) {
                in.absencesUnexcused = text(c);
            } else if (is(c, "HeightCm")) {
                in.heightCm = text(c);
            } else if (is(c, "WeightKg")) {
                in.weightKg = text(c);
            } else if (is(c, "Certificate")) {
                in.certificates << text(c);
            } else if (is(c, "Competition")) {
                in.competitions << text(c);
            } else if (is(c, "ConductHk1")) {
                in.conductHk1 = text(c);
            } else if (is(c, "ConductHk2")) {
                in.conductHk2 = text(c);
            } else if (is(c, "Absences")) {
                in.absences = text(c);
            } else if (is(c, "SummerConduct")) {
                in.summerConduct = text(c);
            } else if (is(c, "Retest")) {
                in.retests.insert(attr(c, "subject"), text(c));
            } else if (is(c, "Comment")) {
                in.comment = text(c);
            }
        }
        return in;
    }

    EvaluationOutput results(const xmlNode* n)
    {
        EvaluationOutput out;
        out.ruleSetId = attr(n, "ruleSet");
        if (const xmlNode* p = child(n, "Primary")) {
            out.primary = true;
            PrimaryOutcome& o = out.primaryOutcome;
            o.result = code(child(p, "Result"),
                            {PrimaryResult::Outstanding, PrimaryResult::Good, PrimaryResult::Completed,
                             PrimaryResult::NotCompleted});
            o.completedGrade = optBool(child(p, "CompletedGrade"));
            o.completedPrimary = optBool(child(p, "CompletedPrimary"));
            o.awaitingAdditionalAssessment = optBool(child(p, "AwaitingAdditionalAssessment"));
            o.award = code(child(p, "Award"), {PrimaryAward::Outstanding, PrimaryAward::Exemplary, PrimaryAward::None});
        } else if (const xmlNode* t = child(n, "Thcs")) {
            out.primary = false;
            ThcsOutcome& o = out.thcsOutcome;
            const std::initializer_list<ThcsLevel> levels {ThcsLevel::Good, ThcsLevel::Fair, ThcsLevel::Pass,
                                                           ThcsLevel::Fail};
            const std::initializer_list<CommentResult> results {CommentResult::Pass, CommentResult::Fail};
            for (const xmlNode* s : elements(t)) {
                if (!is(s, "Subject"))
                    continue;
                ThcsSubjectOutcome so;
                so.code = attr(s, "code");
                so.scoreSubject = boolAttr(s, "scoreSubject");
                so.retestRequired = boolAttr(s, "retestRequired");
                so.hk1Average = tenths(child(s, "Hk1Average"));
                so.hk2Average = tenths(child(s, "Hk2Average"));
                so.yearAverage = tenths(child(s, "YearAverage"));
                so.retestScore = tenths(child(s, "RetestScore"));
                so.hk1Result = code(child(s, "Hk1Result"), results);
                so.hk2Result = code(child(s, "Hk2Result"), results);
                so.yearResult = code(child(s, "YearResult"), results);
                so.retestResult = code(child(s, "RetestResult"), results);
                o.subjects << so;
            }
            o.learningHk1 = code(child(t, "LearningHk1"), levels);
            o.learningHk2 = code(child(t, "LearningHk2"), levels);
            o.learningYear = code(child(t, "LearningYear"), levels);
            o.learningAfterRetest = code(child(t, "LearningAfterRetest"), levels);
            o.conductHk1 = code(child(t, "ConductHk1"), levels);
            o.conductHk2 = code(child(t, "ConductHk2"), levels);
            o.conductYear = code(child(t, "ConductYear"), levels);
            o.conductAfterSummer = code(child(t, "ConductAfterSummer"), levels);
            o.promotion = code(child(t, "Promotion"),
                               {Promotion::Promoted, Promotion::CompletedThcs, Promotion::Retest,
                                Promotion::SummerTraining, Promotion::Retained});
            o.award = code(child(t, "Award"), {ThcsAward::Outstanding, ThcsAward::Excellent, ThcsAward::None});
        }
        for (const xmlNode* r : elements(child(n, "RulesApplied")))
            out.rulesApplied << text(r);
        return out;
    }

    Findings findings(const xmlNode* n)
    {
        Findings out;
        for (const xmlNode* f : elements(n)) {
            Finding finding;
            finding.severity = attr(f, "severity") == QLatin1String("warning") ? Finding::Severity::Warning
                                                                               : Finding::Severity::Error;
            finding.code = attr(f, "code");
            finding.field = attr(f, "field");
            finding.message = text(f);
            out << finding;
        }
        return out;
    }

    Packet packet(const xmlNode* root)
    {
        Packet p;
        const xmlNode* data = child(root, "Data");
        p.draft = attr(data, "status") == QLatin1String("draft");
        p.createdAt = QDateTime::fromString(attr(data, "createdAt"), Qt::ISODate).toUTC();
        if (!p.createdAt.isValid())
            bad(data, ReaderText::tr("createdAt is not a valid time"));

        const xmlNode* record = child(data, "Record");
        p.lookupCode = attr(record, "lookupCode");
        p.level = schoolLevelFromCode(attr(record, "level")).value_or(SchoolLevel::Primary);
        p.version = intAttr(record, "version");
        if (hasAttr(record, "replacesVersion"))
            p.replacesVersion = intAttr(record, "replacesVersion");
        p.source = sectionSourceFromCode(attr(record, "source")).value_or(SectionSource::Digital);

        p.school = school(child(data, "School"));
        p.student = student(child(data, "Student"));

        const xmlNode* section = child(data, "Section");
        p.schoolYear = yearAttr(section, "schoolYear");
        p.grade = intAttr(section, "grade");
        p.awaitingAdditionalAssessment = boolAttr(section, "awaitingAdditionalAssessment");
        p.className = text(child(section, "ClassName"));
        p.homeroomTeacherName = text(child(section, "HomeroomTeacherName"));
        p.principalName = text(child(section, "PrincipalName"));
        if (const xmlNode* c = child(section, "CorrectedPlaces"))
            p.correctedPlaces = intAttrText(c);
        if (const xmlNode* sig = child(section, "PrincipalSignature")) {
            SignatureAppearance a;
            a.holderName = text(child(sig, "HolderName"));
            a.role = text(child(sig, "Role"));
            a.issuer = text(child(sig, "Issuer"));
            const xmlNode* at = child(sig, "SignedAt");
            a.signedAt = QDateTime::fromString(text(at), Qt::ISODate).toUTC();
            if (!a.signedAt.isValid())
                bad(at, ReaderText::tr("SignedAt is not a valid time"));
            p.principalSignature = a;
        }
        if (attr(root, "formatVersion") == QLatin1String("1") && (p.correctedPlaces || p.principalSignature))
            bad(section, ReaderText::tr("a packet of format 1 cannot carry the fields of format 1.1"));

        for (const xmlNode* y : elements(child(data, "StudyHistory"))) {
            StudyHistoryEntry h;
            h.schoolYear = yearAttr(y, "schoolYear");
            h.grade = intAttr(y, "grade");
            h.className = text(child(y, "ClassName"));
            h.schoolName = text(child(y, "SchoolName"));
            h.registrationNumber = text(child(y, "RegistrationNumber"));
            h.enrolmentDate = date(child(y, "EnrolmentDate"));
            p.studyHistory << h;
        }

        p.inputs = inputs(child(data, "Inputs"));
        if (const xmlNode* r = child(data, "Results"))
            p.results = results(r);
        if (const xmlNode* f = child(data, "LintFindings")) {
            if (!p.draft)
                bad(f, ReaderText::tr("lint findings belong only in a draft packet"));
            else if (!p.results)
                bad(f, ReaderText::tr("lint findings need the results they belong to"));
            else
                p.results->findings = findings(f);
        }
        return p;
    }
};

} // namespace

Status validatePacket(const QByteArray& bytes)
{
    auto doc = parseValid(bytes);
    if (!doc)
        return std::unexpected(doc.error());
    return {};
}

Status validatePacket(const SafeXmlDocument& doc)
{
    return validateDocument(doc);
}

Result<Packet> readPacket(const QByteArray& bytes)
{
    auto doc = parseValid(bytes);
    if (!doc)
        return std::unexpected(doc.error());
    TreeReader reader;
    Packet p = reader.packet(doc->root());
    if (reader.error)
        return std::unexpected(*reader.error);
    return p;
}

} // namespace hocba::packet

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SchoolFileCheck.h"

#include "lifecycle/PacketBuilder.h"
#include "lifecycle/ResultsCache.h"
#include "lifecycle/SignedDocuments.h"
#include "lifecycle/TrustAnchors.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "util/Digest.h"
#include "verify/DocumentVerifier.h"
#include "verify/SignatureReport.h"
#include "verify/TrustStore.h"

#include <QCoreApplication>
#include <QMap>

namespace hocba::lifecycle {

namespace {

class CheckText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::SchoolFileCheck)
};

/** The section as the store has it: what its signed packet must say about it. */
struct SectionRow
{
    SectionRef ref;
    SchoolLevel level = SchoolLevel::Primary;
    int grade = 0;
    QString className;
    bool resultsStale = true;
};

const QString kSectionColumns = QStringLiteral(
    "SELECT s.id, r.lookup_code, s.school_year, s.version, r.level, s.grade, coalesce(c.name, ''), s.results_stale "
    "FROM year_section s JOIN record r ON r.id = s.record_id LEFT JOIN class c ON c.id = s.class_id "
    "WHERE s.state IN ('signed', 'submitted', 'locked') ");

SectionRow sectionRow(store::Statement& st)
{
    SectionRow s;
    s.ref.sectionId = st.int64(0);
    s.ref.lookupCode = st.text(1);
    s.ref.schoolYear = SchoolYear {int(st.int64(2))};
    s.ref.version = int(st.int64(3));
    s.level = schoolLevelFromCode(st.text(4)).value_or(SchoolLevel::Primary);
    s.grade = int(st.int64(5));
    s.className = st.text(6);
    s.resultsStale = st.int64(7) != 0;
    return s;
}

Result<QList<SectionRow>> issuedSections(store::Database& db, std::optional<Id> only)
{
    if (only)
        return store::queryList<SectionRow>(db, kSectionColumns + QStringLiteral("AND s.id = ?1"), sectionRow, {*only});
    return store::queryList<SectionRow>(db, kSectionColumns + QStringLiteral("ORDER BY s.school_year, s.id"),
                                        sectionRow);
}

/**
 * Whether `later` is `earlier` with more signatures appended to <Signatures>. The signer parses the packet, appends
 * its <Signature> as the container's last child and writes the document back; libxml2 writes what it read
 * unchanged, so the earlier bytes up to </Signatures> and from there on must both reappear exactly.
 */
bool extendsPacket(const QByteArray& earlier, const QByteArray& later)
{
    const qsizetype close = earlier.lastIndexOf("</Signatures>");
    if (close < 0 || later.size() <= earlier.size())
        return false;
    const QByteArrayView head(earlier.constData(), close);
    const QByteArrayView tail(earlier.constData() + close, earlier.size() - close);
    return later.startsWith(head) && later.endsWith(tail) && later.mid(close).startsWith("<Signature ");
}

/** The checks that need only the rows: order, recorded digests, the chain of packets, where the PDF is. */
void checkRows(const QList<SignedDocument>& rows, QStringList& problems)
{
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const SignedDocument& d = rows.at(i);
        const int n = int(i) + 1;
        if (d.seq != n)
            problems << CheckText::tr("Signature %1 is stored out of order.").arg(n);
        if (packet::packetDigest(d.packetXml) != d.packetDigest)
            problems << CheckText::tr("The stored packet of signature %1 does not match its recorded digest.").arg(n);
        if (QString::fromLatin1(digest::sha256(d.certificate).toHex()) != d.certificateSha256)
            problems
                << CheckText::tr("The certificate of signature %1 does not match its recorded fingerprint.").arg(n);
        if (i > 0 && !extendsPacket(rows.at(i - 1).packetXml, d.packetXml))
            problems << CheckText::tr("The packet of signature %1 is not the packet of signature %2 with one more "
                                      "signature.")
                            .arg(n)
                            .arg(n - 1);
        if (i + 1 < rows.size() && !d.pdf.isEmpty())
            problems << CheckText::tr("A PDF is stored with signature %1, which did not complete the section.").arg(n);
    }
}

/**
 * The archive time-stamp extensions of the completing row (migration 0020): each must be the PDF before it with bytes
 * appended, as the database's trigger demands; this finds one stored with the trigger dropped.
 */
Status checkExtensions(store::Database& db, qint64 documentId, QStringList& problems)
{
    auto st = db.prepare(QStringLiteral("SELECT pdf FROM signed_document WHERE id = ?1 UNION ALL "
                                        "SELECT * FROM (SELECT pdf FROM signed_document_extension WHERE document_id = "
                                        "?1 ORDER BY id)"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, documentId);
    QByteArray previous;
    for (int n = 0;; ++n) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
        const QByteArray pdf = st->blob(0);
        if (n > 0 && (pdf.size() <= previous.size() || !pdf.startsWith(previous))) {
            problems << CheckText::tr("Archive time-stamp extension %1 of the stored PDF is not the PDF before it with "
                                      "data appended.")
                            .arg(n);
            return {};
        }
        previous = pdf;
    }
}

/** The PDF verifies, carries the last packet, and its signatures are the rows' (roles, certificates, order). */
void checkPdf(const QList<SignedDocument>& rows, const QList<QByteArray>& anchors, QStringList& problems)
{
    const SignedDocument& last = rows.last();
    if (last.pdf.isEmpty()) {
        problems << CheckText::tr("No signed PDF is stored.");
        return;
    }
    auto v = signing::verifyDocument(last.pdf, anchors);
    if (!v) {
        problems << CheckText::tr("The stored PDF cannot be checked: %1").arg(describe(v.error()));
        return;
    }
    if (!v->ok()) {
        QStringList why = v->problems;
        for (const auto& s : v->report.signatures)
            why << s.problems;
        if (v->embedded)
            for (const auto& s : v->embedded->signatures)
                why << s.problems;
        for (const auto& a : v->report.archiveTimestamps)
            why << a.problems;
        why.removeDuplicates();
        problems << CheckText::tr("The stored PDF does not verify: %1").arg(why.join(QStringLiteral(" ")));
    }
    if (v->report.embeddedPacket != last.packetXml)
        problems << CheckText::tr("The stored PDF does not carry the stored signed packet.");
    if (v->report.signatures.isEmpty() || v->report.signatures.last().certificate.der != last.certificate)
        problems << CheckText::tr("The stored PDF was not signed with the certificate that completed the section.");
    const QList<signing::SignatureCheck> sigs
        = v->embedded ? v->embedded->signatures : QList<signing::SignatureCheck> {};
    bool same = sigs.size() == rows.size();
    for (qsizetype i = 0; same && i < rows.size(); ++i)
        same = sigs.at(i).role == rows.at(i).role && sigs.at(i).certificate.der == rows.at(i).certificate
            && sigs.at(i).signingTime == rows.at(i).signedAt && sigs.at(i).signerName == rows.at(i).signerName;
    if (!same)
        problems << CheckText::tr("The signatures in the signed packet are not the stored signatures (roles, "
                                  "signers, times or order differ).");
}

/** The signed packet names this record and this section, and is final. */
void checkIdentity(const packet::Packet& p, const SectionRow& s, QStringList& problems)
{
    if (p.lookupCode != s.ref.lookupCode || p.level != s.level)
        problems << CheckText::tr("The signed packet belongs to another record (%1).").arg(p.lookupCode);
    if (p.schoolYear != s.ref.schoolYear || p.version != s.ref.version || p.grade != s.grade)
        problems << CheckText::tr("The signed packet is for school year %1, version %2, grade %3, not for this "
                                  "section.")
                        .arg(p.schoolYear.toString())
                        .arg(p.version)
                        .arg(p.grade);
    if (p.className != s.className)
        problems << CheckText::tr("The signed packet names class %1; the section is in class %2.")
                        .arg(p.className, s.className);
    if (p.draft)
        problems << CheckText::tr("The signed packet is marked as a draft.");
}

/**
 * The live data make the signed packet: see checkSignedSections for what is compared and why it is exact.
 * `live` is the packet built now; on a match the results cache is compared with its results.
 */
Status checkLiveData(store::Database& db, const SectionRow& s, packet::Packet live, const packet::Packet& signedPacket,
                     QStringList& problems)
{
    const std::optional<EvaluationOutput> liveResults = live.results;
    live.createdAt = signedPacket.createdAt;
    live.school = signedPacket.school;
    live.student = signedPacket.student;
    live.studyHistory = signedPacket.studyHistory;
    live.className = signedPacket.className;
    live.homeroomTeacherName = signedPacket.homeroomTeacherName;
    live.principalName = signedPacket.principalName;
    // Issue 13 (format 1.1): the signature appearance is made at signing; the subject teachers are names, like the
    // homeroom teacher's; the correction count is taken from the data the version replaced. A packet 1 has none.
    live.principalSignature = signedPacket.principalSignature;
    live.correctedPlaces = signedPacket.correctedPlaces;
    for (SubjectEntry& subject : live.inputs.subjects) {
        subject.teacherName.clear();
        for (const SubjectEntry& signedSubject : signedPacket.inputs.subjects)
            if (signedSubject.code == subject.code)
                subject.teacherName = signedSubject.teacherName;
    }
    auto a = packet::writePacket(live);
    auto b = packet::writePacket(signedPacket);
    if (!a || !b || *a != *b) {
        QStringList fields = packet::differences(live, signedPacket);
        if (fields.size() > 3)
            fields = fields.mid(0, 3) << QStringLiteral("…");
        problems << CheckText::tr("The marks or results in the school file differ from the signed packet (%1).")
                        .arg(fields.join(QStringLiteral(", ")));
        return {};
    }
    if (s.resultsStale || !liveResults)
        return {};
    auto cached = ResultsCache(db).stored(s.ref.sectionId);
    if (!cached)
        return std::unexpected(cached.error());
    if (!cached->isEmpty() && *cached != flattenResults(*liveResults))
        problems << CheckText::tr("The stored results differ from the results of the signed packet.");
    return {};
}

struct SectionOutcome
{
    QStringList problems;
    VerifiedSignedSection verified;
};

Result<SectionOutcome> checkSection(store::Database& db, lifecycle::PacketBuilder& builder, const SectionRow& s,
                                    const QList<QByteArray>& anchors)
{
    SectionOutcome out;
    out.verified.section = s.ref;
    auto rows = SignedDocuments(db).ofSection(s.ref.sectionId, s.ref.version);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty()) {
        out.problems << CheckText::tr("No signed documents are stored for it.");
        return out;
    }
    checkRows(*rows, out.problems);
    checkPdf(*rows, anchors, out.problems);
    if (auto ok = checkExtensions(db, rows->last().id, out.problems); !ok)
        return std::unexpected(ok.error());
    const SignedDocument& last = rows->last();
    auto signedPacket = packet::readPacket(last.packetXml);
    if (!signedPacket) {
        out.problems << CheckText::tr("The signed packet cannot be read: %1").arg(describe(signedPacket.error()));
        return out;
    }
    const qsizetype before = out.problems.size();
    checkIdentity(*signedPacket, s, out.problems);
    if (out.problems.size() > before)
        return out; // another section's packet: comparing it with this section's data says nothing more
    auto live = builder.build(s.ref.sectionId);
    if (!live)
        return std::unexpected(live.error());
    if (auto st = checkLiveData(db, s, std::move(*live), *signedPacket, out.problems); !st)
        return std::unexpected(st.error());
    out.verified.packet = std::move(*signedPacket);
    out.verified.packetXml = last.packetXml;
    out.verified.packetSha256 = digest::sha256(last.packetXml);
    out.verified.pdf = last.pdf;
    return out;
}

} // namespace

QString SectionRef::toText() const
{
    return QCoreApplication::translate("hocba::lifecycle::SchoolFileCheck", "%1, school year %2, version %3")
        .arg(lookupCode, schoolYear.toString())
        .arg(version);
}

bool isIssuedState(SectionState state)
{
    return state == SectionState::Signed || state == SectionState::Submitted || state == SectionState::Locked;
}

Result<QList<QByteArray>> schoolTrustAnchors(store::Database& db)
{
    auto trust = lifecycle::TrustAnchors::load(db);
    if (!trust)
        return std::unexpected(trust.error());
    return trust->anchorsDer();
}

Result<SchoolFileReport> checkSignedSections(store::Database& db)
{
    auto anchors = schoolTrustAnchors(db);
    if (!anchors)
        return std::unexpected(anchors.error());
    auto sections = issuedSections(db, std::nullopt);
    if (!sections)
        return std::unexpected(sections.error());
    lifecycle::PacketBuilder builder(db);
    SchoolFileReport report;
    for (const SectionRow& s : *sections) {
        auto outcome = checkSection(db, builder, s, *anchors);
        if (!outcome)
            return std::unexpected(outcome.error());
        ++report.sectionsChecked;
        if (!outcome->problems.isEmpty())
            report.findings << SectionFinding {s.ref, outcome->problems};
    }
    return report;
}

Result<VerifiedSignedSection> verifiedSignedSection(store::Database& db, Id sectionId,
                                                    const QList<QByteArray>& trustAnchorsDer)
{
    auto sections = issuedSections(db, sectionId);
    if (!sections)
        return std::unexpected(sections.error());
    if (sections->isEmpty())
        return fail(ErrorCode::NotFound, CheckText::tr("This school year of a record is not signed."),
                    QStringLiteral("section %1 not issued").arg(sectionId));
    lifecycle::PacketBuilder builder(db);
    auto outcome = checkSection(db, builder, sections->first(), trustAnchorsDer);
    if (!outcome)
        return std::unexpected(outcome.error());
    if (!outcome->problems.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    CheckText::tr("%1: the stored signed documents do not verify, so they are not used: %2")
                        .arg(sections->first().ref.toText(), outcome->problems.join(QStringLiteral(" "))),
                    QStringLiteral("section %1: stored signed documents fail the school file check").arg(sectionId));
    return std::move(outcome->verified);
}

} // namespace hocba::lifecycle

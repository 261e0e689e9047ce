// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SectionSigner.h"

#include "lifecycle/PacketBuilder.h"
#include "lifecycle/RevocationFetcher.h"
#include "lifecycle/SignPolicy.h"
#include "lifecycle/SignedDocuments.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/StudentRepository.h"
#include "token/PdfSigner.h"
#include "token/TokenTypes.h"
#include "token/XmlSigner.h"
#include "util/Digest.h"
#include "verify/Appearance.h"
#include "verify/SignatureReport.h"
#include "verify/Timestamp.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace hocba::lifecycle {

namespace {

/** Counts the time spent inside the token, so the benchmark can tell our overhead from the token's. */
class TimedSigner final : public signing::Signer
{
public:
    explicit TimedSigner(signing::Signer& inner)
        : m_inner(inner)
    { }
    QByteArray certificate() const override { return m_inner.certificate(); }
    QList<QByteArray> chain() const override { return m_inner.chain(); }
    signing::KeyType keyType() const override { return m_inner.keyType(); }
    Result<QByteArray> signSha256(const QByteArray& data) override
    {
        QElapsedTimer t;
        t.start();
        auto r = m_inner.signSha256(data);
        ns += t.nsecsElapsed();
        return r;
    }
    qint64 ns = 0;

private:
    signing::Signer& m_inner;
};

/** Passes the TSA's answer on; marks its errors (detail "tsa: …") so the batch tells them from other failures. */
class TaggedTimestamper final : public signing::Timestamper
{
public:
    explicit TaggedTimestamper(signing::Timestamper* inner)
        : m_inner(inner)
    { }
    Result<QByteArray> timestamp(const QByteArray& sha256) override
    {
        auto token = m_inner->timestamp(sha256);
        if (!token) {
            failed = true;
            Error e = token.error();
            e.code = ErrorCode::Network;
            if (!e.detail.startsWith(QLatin1String("tsa:")))
                e.detail = QStringLiteral("tsa: ") + e.detail;
            return std::unexpected(e);
        }
        lastToken = *token;
        return token;
    }
    bool failed = false;
    QByteArray lastToken; ///< the last token the TSA gave, to fetch its chain's revocation data

private:
    signing::Timestamper* m_inner;
};

/**
 * B-LT at signing time: the revocation answers for the signer's chain and for the chain of the TSA that stamped the
 * signature (`token`, may be empty), each fetched only when its certificates name a service; without any answer the
 * callers add nothing.
 */
Result<signing::ValidationData> validationDataFor(const signing::Signer& signer, const QByteArray& token,
                                                  const SectionSignOptions& options, const QDateTime& coverTime)
{
    if (!options.addRevocationData)
        return signing::ValidationData();
    QList<QByteArray> signerChain {signer.certificate()};
    signerChain += signer.chain();
    // A CA that issued both the signer's and the TSA's certificate is asked about once.
    QList<QByteArray> tsaChain;
    if (!token.isEmpty())
        for (const QByteArray& der : signing::timestampTokenCertificates(token))
            if (!signerChain.contains(der))
                tsaChain << der;
    return fetchValidationDataFor({{signerChain, coverTime}, {tsaChain, coverTime}},
                                  options.revocationIssuers + signerChain);
}

struct SectionRow
{
    QString state;
    QString source;
    int version = 1;
    Id studentId = 0;
    QString lookupCode;
};

} // namespace

struct SectionSigner::Impl
{
    store::Database& db;
    SectionSignOptions options;
    lifecycle::PacketBuilder builder;
    QByteArray certificate;
    QString certificateSha256;
    QString signerName;
    QList<signing::SignerRole> required;
    bool policyLoaded = false;

    Impl(store::Database& db_, const signing::Signer& signer, SectionSignOptions options_)
        : db(db_)
        , options(std::move(options_))
        , builder(db_)
        , certificate(signer.certificate())
        , certificateSha256(QString::fromLatin1(digest::sha256(certificate).toHex()))
    {
        if (auto info = signing::CertificateInfo::fromDer(certificate))
            signerName = info->holder;
    }

    Result<SectionRow> row(Id sectionId)
    {
        auto st = db.cached(QStringLiteral("SELECT s.state, s.source, s.version, r.student_id, r.lookup_code "
                                           "FROM year_section s JOIN record r ON r.id = s.record_id WHERE s.id = ?1"));
        if (!st)
            return std::unexpected(st.error());
        (*st)->bind(1, sectionId);
        auto has = (*st)->step();
        if (!has)
            return std::unexpected(has.error());
        if (!*has)
            return fail(ErrorCode::NotFound,
                        QCoreApplication::translate("hocba::lifecycle::SectionSigner",
                                                    "The school year of this record no longer exists."),
                        QStringLiteral("section %1").arg(sectionId));
        SectionRow r {(*st)->text(0), (*st)->text(1), int((*st)->int64(2)), (*st)->int64(3), (*st)->text(4)};
        (*st)->reset();
        return r;
    }

    /** The roles the school requires, read once per signer. */
    Status loadPolicy()
    {
        if (policyLoaded)
            return {};
        auto roles = SignPolicy::requiredRoles(db);
        if (!roles)
            return std::unexpected(roles.error());
        required = *roles;
        policyLoaded = true;
        return {};
    }

    /** The time written into the signatures: the options' or now, UTC, whole seconds. */
    QDateTime signingTime() const
    {
        QDateTime when = options.signingTime.isValid() ? options.signingTime : QDateTime::currentDateTimeUtc();
        when = when.toUTC();
        when.setTime(QTime(when.time().hour(), when.time().minute(), when.time().second()));
        return when;
    }

    /** The first signer signs a packet fresh from the store. */
    Status buildPacket(PreparedSection& p)
    {
        auto built = builder.build(p.sectionId);
        if (!built)
            return std::unexpected(built.error());
        built->draft = false; // a signed issue is final, and carries no lint findings
        // The principal's visible signature (issue 13) goes into the data this signature covers, so the packet and
        // the PDF rendered from it carry it inside their signed bytes; its time is the signatures' own.
        built->principalSignature.reset();
        if (options.role == signing::SignerRole::Principal) {
            auto shown = signing::appearanceFor(certificate, options.role, p.signingTime);
            if (!shown)
                return std::unexpected(shown.error());
            built->principalSignature = std::move(*shown);
        }
        auto bytes = packet::writePacket(*built);
        if (!bytes)
            return std::unexpected(bytes.error());
        p.packet = std::move(*built);
        p.packetXml = std::move(*bytes);
        return {};
    }

    /**
     * Later signers sign the packet the earlier ones signed, so their signatures stay valid; false when the store
     * no longer says what that packet says.
     */
    Result<bool> earlierPacket(PreparedSection& p, const QByteArray& earlierXml)
    {
        p.packetXml = earlierXml;
        auto stored = packet::readPacket(p.packetXml);
        if (!stored)
            return std::unexpected(stored.error());
        // The section went back to draft and was changed after the first signature: the earlier signatures cover
        // other data. Refuse rather than sign something that differs from what the store says.
        lifecycle::BuildOptions same;
        same.createdAt = stored->createdAt;
        auto fresh = lifecycle::buildPacket(db, p.sectionId, same);
        if (!fresh)
            return std::unexpected(fresh.error());
        fresh->draft = false;
        fresh->principalSignature = stored->principalSignature; // written by the first signer, not by the store
        auto a = packet::writePacket(*fresh);
        auto b = packet::writePacket(*stored);
        if (!a || !b || *a != *b)
            return false;
        p.packet = std::move(*stored);
        return true;
    }
};

SectionSigner::SectionSigner(store::Database& db, const signing::Signer& signer, SectionSignOptions options)
    : d(std::make_unique<Impl>(db, signer, std::move(options)))
{ }

SectionSigner::~SectionSigner() = default;

namespace {

SectionSignOutcome skipped(SectionSignOutcome out, const QString& tag, const QString& why)
{
    out.kind = SectionSignOutcome::Kind::Skipped;
    out.reasonTag = tag;
    out.reason = why;
    return out;
}

/** Why a section in `state` is not signed (it is not `ready`). */
SectionSignOutcome notReady(SectionSignOutcome out, const QString& state)
{
    return state == QLatin1String("draft")
        ? skipped(std::move(out), QStringLiteral("not-ready"),
                  QCoreApplication::translate("hocba::lifecycle::SectionSigner",
                                              "Not confirmed by the homeroom teacher yet (draft)."))
        : skipped(std::move(out), QStringLiteral("already-signed"),
                  QCoreApplication::translate("hocba::lifecycle::SectionSigner", "Already signed (%1).").arg(state));
}

} // namespace

Result<std::variant<PreparedSection, SectionSignOutcome>> SectionSigner::prepare(Id sectionId)
{
    QElapsedTimer t;
    t.start();
    PreparedSection p;
    p.sectionId = sectionId;
    SectionSignOutcome& out = p.outcome;

    if (auto s = d->loadPolicy(); !s)
        return std::unexpected(s.error());
    auto row = d->row(sectionId);
    if (!row)
        return std::unexpected(row.error());
    out.lookupCode = row->lookupCode;
    out.studentId = row->studentId;
    if (row->source != QLatin1String("digital"))
        return skipped(out, QStringLiteral("paper"),
                       QCoreApplication::translate("hocba::lifecycle::SectionSigner",
                                                   "Study history copied from the paper book is never signed."));
    if (row->state != QLatin1String("ready"))
        return notReady(out, row->state);

    SignedDocuments docs(d->db);
    auto earlier = docs.ofSection(sectionId, row->version);
    if (!earlier)
        return std::unexpected(earlier.error());
    QList<signing::SignerRole> signedRoles;
    for (const auto& e : *earlier)
        signedRoles << e.role;
    if (signedRoles.contains(d->options.role))
        return skipped(
            out, QStringLiteral("already-signed"),
            QCoreApplication::translate("hocba::lifecycle::SectionSigner", "Already signed in this role (%1).")
                .arg(signing::roleLabel(d->options.role)));
    p.version = row->version;
    p.seq = int(earlier->size()) + 1;

    p.signingTime = d->signingTime();

    if (earlier->isEmpty()) {
        if (auto s = d->buildPacket(p); !s)
            return std::unexpected(s.error());
    } else {
        auto same = d->earlierPacket(p, earlier->last().packetXml);
        if (!same)
            return std::unexpected(same.error());
        if (!*same)
            return skipped(out, QStringLiteral("content-changed"),
                           QCoreApplication::translate("hocba::lifecycle::SectionSigner",
                                                       "The record changed after the first signature; it must be "
                                                       "confirmed and signed again as a new version."));
    }

    QList<signing::SignerRole> after = signedRoles;
    after << d->options.role;
    for (auto r : d->required)
        if (!after.contains(r))
            out.missingRoles << r;
    out.completed = out.missingRoles.isEmpty();
    out.timings.buildNs = t.nsecsElapsed();
    return p;
}

Result<SignedSection> SectionSigner::signPacket(PreparedSection section, signing::Signer& signer,
                                                const SectionSignOptions& options)
{
    SectionSignOutcome& out = section.outcome;
    TimedSigner timed(signer);
    QElapsedTimer t;
    t.start();
    signing::XmlSignOptions xo;
    xo.role = options.role;
    xo.signingTime = section.signingTime;
    xo.layout.containerName = QStringLiteral("Signatures"); // docs/packet.md: the container after <Data>
    xo.layout.wrapPerRole = false; // the schema allows only XMLDSig elements in <Signatures>
    // The packet is the record that lives on (the Department keeps it alone): it gets its own time-stamp (XAdES B-T).
    TaggedTimestamper tagged(options.timestamper);
    xo.timestamper = options.timestamper ? &tagged : nullptr;
    auto signedXml = signing::XmlSigner::sign(section.packetXml, timed, xo);
    if (!signedXml && tagged.failed && options.timestampOptional) {
        xo.timestamper = nullptr; // the school allows signing without a time-stamp: level B
        signedXml = signing::XmlSigner::sign(section.packetXml, timed, xo);
    }
    if (!signedXml)
        return std::unexpected(signedXml.error());
    // XAdES B-LT: the packet lives on without the PDF (the Department keeps it alone), so it carries its own answers.
    auto data
        = validationDataFor(signer, xo.timestamper ? tagged.lastToken : QByteArray(), options, section.signingTime);
    if (!data)
        return std::unexpected(data.error());
    if (!data->ocspResponses.isEmpty() || !data->crls.isEmpty()) {
        auto withData = signing::XmlSigner::addValidationData(*signedXml, *data, xo.layout);
        if (!withData)
            return std::unexpected(withData.error());
        signedXml = std::move(withData);
    }
    out.timings.xmlSignNs = t.nsecsElapsed();
    out.timings.tokenNs += timed.ns;
    SignedSection result;
    result.packetSha256 = digest::sha256(*signedXml);
    out.packetDigest = packet::packetDigestFromSha256(result.packetSha256);
    result.signedPacket = std::move(*signedXml);
    result.prepared = std::move(section);
    return result;
}

Status SectionSigner::finishDocument(SignedSection& section, signing::Signer& signer, const SectionSignOptions& options)
{
    SectionSignOutcome& out = section.prepared.outcome;
    if (!out.completed)
        return {}; // other roles still sign the packet; the PDF comes with the last of them
    TimedSigner timed(signer);
    QElapsedTimer t;
    t.start();
    render::RenderInput input;
    input.years << section.prepared.packet;
    input.years.last().draft = false;
    // A principal who signs after another role (homeroom first) finds the packet's data already signed without the
    // appearance; the PDF still shows it, drawn inside the PAdES-signed page, with this signature's holder and time.
    if (options.role == signing::SignerRole::Principal && !input.years.last().principalSignature) {
        auto shown = signing::appearanceFor(signer.certificate(), options.role, section.prepared.signingTime);
        if (!shown)
            return std::unexpected(shown.error());
        input.years.last().principalSignature = std::move(*shown);
    }
    input.packetSha256 << section.packetSha256;
    auto rendered = render::renderRecordPdf(input, options.render);
    if (!rendered)
        return std::unexpected(rendered.error());
    out.timings.renderNs = t.nsecsElapsed();
    t.restart();
    signing::PdfSignOptions po;
    po.role = options.role;
    po.signingTime = section.prepared.signingTime;
    // The packet goes in with the signature's own incremental update: one parse, and it is signed with the page.
    po.packet = signing::PdfPacketAttachment {.packetXml = section.signedPacket, .renderedDigest = out.packetDigest};
    TaggedTimestamper tagged(options.timestamper);
    po.timestamper = options.timestamper ? &tagged : nullptr;
    auto signedPdf = signing::PdfSigner::sign(*rendered, timed, po);
    if (!signedPdf && tagged.failed && options.timestampOptional) {
        // The school allows signing without a time-stamp: level B, as without a TSA.
        po.timestamper = nullptr;
        signedPdf = signing::PdfSigner::sign(*rendered, timed, po);
    }
    if (!signedPdf)
        return std::unexpected(signedPdf.error());
    out.timings.pdfSignNs = t.nsecsElapsed();
    out.timings.tokenNs += timed.ns;
    // B-LT: the answers for the signer's and the TSA's chains, fetched now, go into the /DSS in a second update.
    auto data = validationDataFor(signer, po.timestamper ? tagged.lastToken : QByteArray(), options,
                                  section.prepared.signingTime);
    if (!data)
        return std::unexpected(data.error());
    if (!data->ocspResponses.isEmpty() || !data->crls.isEmpty()) {
        auto withData = signing::PdfSigner::addValidationData(*signedPdf, *data);
        if (!withData)
            return std::unexpected(withData.error());
        signedPdf = std::move(withData);
    }
    section.pdf = std::move(*signedPdf);
    return {};
}

Result<SectionSignOutcome> SectionSigner::store(const SignedSection& section,
                                                const std::function<Status()>& inTransaction)
{
    QElapsedTimer t;
    t.start();
    const PreparedSection& p = section.prepared;
    SectionSignOutcome out = p.outcome;
    store::Transaction tx(d->db);
    if (!tx.began())
        return std::unexpected(tx.began().error());

    // Another PC may have signed or reopened the section since prepare(): then this signature is not stored.
    auto row = d->row(p.sectionId);
    if (!row)
        return std::unexpected(row.error());
    if (row->state != QLatin1String("ready"))
        return notReady(out, row->state);
    SignedDocuments docs(d->db);
    auto earlier = docs.ofSection(p.sectionId, p.version);
    if (!earlier)
        return std::unexpected(earlier.error());
    if (row->version != p.version || earlier->size() != p.seq - 1)
        return skipped(out, QStringLiteral("already-signed"),
                       QCoreApplication::translate("hocba::lifecycle::SectionSigner",
                                                   "Signed elsewhere while this batch was running."));

    SignedDocument doc;
    doc.sectionId = p.sectionId;
    doc.version = p.version;
    doc.seq = p.seq;
    doc.role = d->options.role;
    doc.packetXml = section.signedPacket;
    doc.packetDigest = out.packetDigest;
    doc.pdf = section.pdf;
    doc.certificate = d->certificate;
    doc.certificateSha256 = d->certificateSha256;
    doc.signerName = d->signerName;
    doc.signedAt = p.signingTime;
    if (auto id = docs.insert(doc); !id)
        return std::unexpected(id.error());
    // The audit names the certificate by fingerprint; the holder's name is already in the stored certificate.
    if (auto s = store::AuditLog(d->db).append(QStringLiteral("section.sign"), QStringLiteral("year_section"),
                                               QString::number(p.sectionId), signing::roleCode(d->options.role),
                                               std::nullopt, d->certificateSha256);
        !s)
        return std::unexpected(s.error());
    if (out.completed)
        if (auto s = store::StudentRepository(d->db).setSectionState(p.sectionId, SectionState::Signed); !s)
            return std::unexpected(s.error());
    if (inTransaction)
        if (auto s = inTransaction(); !s)
            return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    out.timings.storeNs = t.nsecsElapsed();
    out.timings.totalNs = out.timings.buildNs + out.timings.xmlSignNs + out.timings.renderNs + out.timings.pdfSignNs
        + out.timings.storeNs;
    out.kind = SectionSignOutcome::Kind::Signed;
    return out;
}

} // namespace hocba::lifecycle

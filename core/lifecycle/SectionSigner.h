// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "packet/Packet.h"
#include "render/RecordRenderer.h"
#include "token/Signer.h"
#include "token/Timestamper.h"
#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <variant>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

struct SectionSignOptions
{
    signing::SignerRole role = signing::SignerRole::Principal;
    /** Written into both signatures; default: now (UTC, whole seconds) at each section. */
    QDateTime signingTime;
    render::RenderOptions render;
    /**
     * PAdES B-T: the PDF signature gets a signature time-stamp from this TSA (called on the worker threads; it must be
     * thread-safe, as HttpTimestamper is). A TSA failure fails the section with an error isTimestampError() knows,
     * and the batch stops like for a pulled token; with `timestampOptional` the PDF is signed without (level B).
     */
    signing::Timestamper* timestamper = nullptr;
    bool timestampOptional = false;
    /**
     * PAdES B-LT: when the signer's certificate chain names OCSP responders or CRLs, finishDocument fetches their
     * answers after the PAdES signature (RevocationFetcher) and adds them to the PDF's /DSS; a service that does not
     * answer fails the section (nothing stored) with a message. False: never fetch.
     */
    bool addRevocationData = true;
    /** Certificates that complete the signer's chain for those requests (the school's trust anchors). */
    QList<QByteArray> revocationIssuers;
};

/** Where the time of one section went (benchmarks print it; nothing asserts on it). */
struct SectionSignTimings
{
    qint64 buildNs = 0; ///< packet from the store (results computed by the rules)
    qint64 xmlSignNs = 0; ///< XMLDSig, including the token call
    qint64 renderNs = 0; ///< PDF rendering from the signed packet
    qint64 pdfSignNs = 0; ///< the signed packet embedded and PAdES in one incremental update, with the token call
    qint64 storeNs = 0; ///< the transaction: artifacts, state, audit, journal
    qint64 tokenNs = 0; ///< inside Signer::signSha256, both calls together
    /** In a pipelined batch: of tokenNs, the time a worker waited for the batch thread to take its token call. */
    qint64 tokenWaitNs = 0;
    qint64 totalNs = 0;
};

/** What happened to one section. */
struct SectionSignOutcome
{
    enum class Kind {
        Signed, ///< this signature was stored
        Skipped ///< nothing to do or not allowed (see reason); nothing stored
    };
    Kind kind = Kind::Skipped;
    QString reason; ///< translated; why it was skipped
    QString reasonTag; ///< stable: "not-ready", "paper", "already-signed", "content-changed"
    bool completed = false; ///< every required role has signed: the section is now `signed`
    QList<signing::SignerRole> missingRoles; ///< required roles still to sign (when not completed)
    QString lookupCode;
    Id studentId = 0;
    QString packetDigest;
    SectionSignTimings timings;
};

/** A section read from the store, its packet built: what the signing work needs, and nothing of the database. */
struct PreparedSection
{
    Id sectionId = 0;
    int version = 1;
    int seq = 1; ///< this signature's place among the section's signatures
    QDateTime signingTime; ///< UTC, whole seconds
    packet::Packet packet; ///< what the PDF is rendered from (when this signature completes the section)
    QByteArray packetXml; ///< the bytes this signer signs: fresh, or as the earlier signers signed them
    SectionSignOutcome outcome; ///< filled in along the way: lookup code, student, completion, timings
};

/** The signed artifacts of one section, not stored yet. */
struct SignedSection
{
    PreparedSection prepared;
    QByteArray signedPacket;
    QByteArray packetSha256; ///< of signedPacket: the QR codes and the PDF's information carry it
    QByteArray pdf; ///< empty when other roles still have to sign
};

/**
 * Signs one year section (ARCHITECTURE.md §4), all or nothing: the packet gets this signer's XMLDSig (role and
 * signing time written into it); when that completes the school's policy, the PDF is rendered from the signed packet
 * (its QR codes carry the packet digest), the signed packet is embedded in it, and the PDF gets the PAdES signature.
 * Then, in one transaction, the artifacts are stored, the section moves to `signed` (when complete) and the caller's
 * `inTransaction` step runs (the batch journal). Every token call happens before the transaction opens, so a
 * pulled token never leaves a half-written section.
 * Only `ready`, digital sections are signed; paper history never.
 *
 * The steps are separate so a batch can overlap them (BatchSignJob, docs/signing.md): prepare() and store() use the
 * database, signPacket() and finishDocument() only the token and the renderer, on any thread.
 */
class SectionSigner
{
public:
    SectionSigner(store::Database& db, const signing::Signer& signer, SectionSignOptions options);
    ~SectionSigner();
    SectionSigner(const SectionSigner&) = delete;
    SectionSigner& operator=(const SectionSigner&) = delete;

    /** Reads the section and builds its packet; a section that is not to be signed gives a Skipped outcome. */
    Result<std::variant<PreparedSection, SectionSignOutcome>> prepare(Id sectionId);
    /** This signer's XMLDSig on the packet. Touches no database; safe on any thread if `signer` is. */
    static Result<SignedSection> signPacket(PreparedSection section, signing::Signer& signer,
                                            const SectionSignOptions& options);
    /** When the section is complete: the PDF rendered from the signed packet, carrying it, PAdES-signed. */
    static Status finishDocument(SignedSection& section, signing::Signer& signer, const SectionSignOptions& options);
    /**
     * Stores the artifacts in one transaction. The section is checked again inside it: if it changed state or got
     * another signature since prepare(), nothing is stored and the outcome is Skipped.
     */
    Result<SectionSignOutcome> store(const SignedSection& section, const std::function<Status()>& inTransaction = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hocba::lifecycle

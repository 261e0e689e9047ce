// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "render/RecordRenderer.h"
#include "signing/Signer.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

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

/**
 * Signs one year section (ARCHITECTURE.md §4), all or nothing: the packet gets this signer's XMLDSig (role and
 * signing time written into it); when that completes the school's policy, the PDF is rendered from the signed packet
 * (its QR codes carry the packet digest), the signed packet is embedded in it, and the PDF gets the PAdES signature.
 * Then, in one transaction, the artifacts are stored, the section moves to `signed` (when complete) and the caller's
 * `inTransaction` step runs (the batch journal). Every token call happens before the transaction opens, so a
 * pulled token never leaves a half-written section.
 * Only `ready`, digital sections are signed; paper history never. Not thread-safe: one instance per worker thread.
 */
class SectionSigner
{
public:
    SectionSigner(store::Database& db, signing::Signer& signer, SectionSignOptions options);
    ~SectionSigner();
    SectionSigner(const SectionSigner&) = delete;
    SectionSigner& operator=(const SectionSigner&) = delete;

    Result<SectionSignOutcome> sign(Id sectionId, const std::function<Status()>& inTransaction = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hocba::lifecycle

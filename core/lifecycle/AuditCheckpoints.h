// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Finding.h"
#include "token/Signer.h"
#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** The `format` and `version` of the signed content (docs/audit.md describes the whole content). */
inline constexpr char kCheckpointFormat[] = "hocba-audit-checkpoint";
inline constexpr int kCheckpointVersion = 1;

/**
 * A signed statement "audit entry `headId` has hash `headHash`", made by a signing batch with its token (table
 * audit_checkpoint). Nobody without that token can make one for a rewritten chain, which the unkeyed chain formula
 * alone does not prevent.
 */
struct AuditCheckpoint
{
    qint64 id = 0; ///< audit_checkpoint.id
    qint64 headId = 0; ///< audit_log.id of the chain's head when it was made (0: the log was empty)
    QString headHash;
    QDateTime at; ///< UTC, whole seconds
    QString schoolCode; ///< the school's MOET code, as it was then
    QString schoolName;
    signing::SignerRole role = signing::SignerRole::Principal;
    QString certificateSha256; ///< of the signer's certificate, lower-case hex
    QByteArray content; ///< exactly the signed bytes: compact JSON
    QByteArray signature; ///< detached CMS over `content`, DER
};

/**
 * Signs the audit chain's head with `signer` (one token call, made on the calling thread) and stores the checkpoint;
 * then appends an audit entry for it, so the next checkpoint covers this one too. The token call happens before the
 * write transaction opens: a failing token leaves nothing behind.
 */
Result<AuditCheckpoint> makeAuditCheckpoint(store::Database& db, signing::Signer& signer, signing::SignerRole role);

/** What checking the audit chain against its checkpoints found. */
struct CheckpointVerification
{
    int checkpoints = 0; ///< stored checkpoints
    int validCheckpoints = 0; ///< of them, those whose signature, certificate and chain entry all check out
    qint64 lastVouchedEntry = 0; ///< the newest audit entry a valid checkpoint vouches for (0: none)
    int signedDocuments = 0; ///< signed_document rows checked for coverage
    Findings findings; ///< every finding is an error

    bool ok() const { return !hasErrors(findings); }
};

/**
 * Checks every stored checkpoint: its signature over its content, its certificate (the signing policy at the
 * checkpoint's time, against the school's trust anchors: lifecycle::TrustAnchors::load), and that the audit entry it
 * names exists with exactly the signed hash. Then each checkpoint and its audit entry must both still be there, and
 * every signed section must be covered by a valid checkpoint of the same certificate made after its signing (its
 * head at or after the signature's own audit entry, its time at or after the signing time), so deleting checkpoints
 * to hide a rewrite is found while signed sections remain. docs/audit.md says what this
 * finds and what it cannot. A database error is an Error; what is wrong with the file is a finding.
 */
Result<CheckpointVerification> verifyAuditCheckpoints(store::Database& db);

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace hocba::signing {

/**
 * What the Department endpoint promises about one record version (docs/api.md, "Receipts"): that it received it
 * (kind Upload) or that it locked it (kind Lock, effectiveAt = the lock's effective date), that it revoked a version
 * on the school's signed request (kind Revoke: digest = the request's) or moved a record to another school (kind
 * Transfer: version 0, digest = the statement's, school = the new school, window empty). The endpoint signs the
 * receipt's canonical bytes with its receipt key (detached CMS, signing-certificate-v2); a school marks a section
 * `submitted` or `locked` only after verifyReceipt against the Department certificate it pinned.
 * Holds no personal data: the lookup code, the packet digest and the school's code are enough.
 */
struct Receipt
{
    enum class Kind { Upload, Lock, Revoke, Transfer };
    Kind kind = Kind::Upload;
    QString lookupCode; ///< 32 lowercase hex
    int version = 0; ///< ≥ 1; 0 only for kind Transfer
    QString packetDigest; ///< packet::packetDigest of the packet received, or of the request/statement (43 characters)
    QString schoolCode; ///< the school's MOET code, as the credential names it
    QString windowId; ///< e.g. "2025-2026-06"
    QDateTime at; ///< UTC, whole seconds: received (Upload) or the lock's effective date (Lock)
    QString department; ///< the Department's name, as in its certificate

    /**
     * The bytes that are signed: compact JSON with keys in a fixed (sorted) order, UTF-8, no trailing newline:
     * {"at","department","digest","kind":"upload"|"lock"|"revoke"|"transfer","lookup_code","school","version","window"}.
     */
    QByteArray canonicalBytes() const;
    /** Reads canonical bytes back; nullopt for anything that is not exactly such a receipt. */
    static std::optional<Receipt> fromCanonicalBytes(const QByteArray& bytes);
    friend bool operator==(const Receipt&, const Receipt&) = default;
};

QString receiptKindCode(Receipt::Kind kind); ///< "upload" | "lock" | "revoke" | "transfer"

/**
 * Checks a receipt: the detached CMS (DER) must verify over `canonical` and be signed by exactly the pinned
 * Department certificate (DER, compared byte for byte: pinning, not a chain), and `canonical` must parse as a receipt.
 * InvalidInput with a translated message when any of that fails.
 */
Result<Receipt> verifyReceipt(const QByteArray& canonical, const QByteArray& cmsDer,
                              const QByteArray& pinnedDepartmentCertDer);

} // namespace hocba::signing

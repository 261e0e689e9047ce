// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"
#include "verify/Certificate.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hocba::signing {

/**
 * A private key that can sign, with its certificate. Implementations: Pkcs11Signer (a USB token through libp11;
 * the key never leaves the token) and SoftwareSigner (a key file; tests and demos only).
 * Not thread-safe: a token signer is used only from the TokenService thread.
 */
class Signer
{
public:
    virtual ~Signer() = default;

    /** The signer's certificate, DER. */
    virtual QByteArray certificate() const = 0;
    /** Issuer certificates up to (not necessarily including) the trust anchor, DER, nearest first. */
    virtual QList<QByteArray> chain() const = 0;
    virtual KeyType keyType() const = 0;

    /**
     * Signs `data` with SHA-256: RSA PKCS#1 v1.5, or ECDSA (DER-encoded ECDSA-Sig-Value; XMLDSig converts it to
     * r||s itself). Errors carry ErrorCode::TokenError with a Vietnamese message (token removed, PIN, …).
     */
    virtual Result<QByteArray> signSha256(const QByteArray& data) = 0;
};

} // namespace hocba::signing

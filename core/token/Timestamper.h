// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>

namespace hocba::signing {

/**
 * Asks a time-stamping authority for an RFC 3161 token over a SHA-256 digest. The signers call it with the digest of
 * the signature value (CAdES/PAdES: the SignerInfo's signature; XAdES: the c14n of ds:SignatureValue) and put the
 * token in the signature's unsigned properties. The HTTP implementation lives in lifecycle (the token module has no
 * network); tests give one that runs `openssl ts -reply`.
 */
class Timestamper
{
public:
    virtual ~Timestamper() = default;
    /** The DER TimeStampToken (already checked against the request: status, imprint, nonce). */
    virtual Result<QByteArray> timestamp(const QByteArray& sha256) = 0;
};

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace hocba::signing {

/** What a verified RFC 3161 time-stamp token says. */
struct TimestampInfo
{
    QDateTime genTime; ///< UTC, as the TSA signed it
    SignerCertificate tsaCertificate;
    QString policyOid;
    QByteArray tokenDer; ///< the TimeStampToken (a CMS SignedData), DER
    /** DER: the TSA's certificate first, then the other certificates the token carries. */
    QList<QByteArray> certificates;
};

/**
 * The certificates a TimeStampToken carries, DER, the TSA's (the one that signed it) first; empty when the token
 * cannot be read. Nothing is verified: this is for fetching the TSA chain's revocation data at signing time.
 */
QList<QByteArray> timestampTokenCertificates(const QByteArray& tokenDer);

/** A DER TimeStampReq (RFC 3161 §2.4.1) for a SHA-256 digest, certReq true, with a fresh random nonce. */
struct TimestampRequest
{
    QByteArray der;
    QByteArray nonce; ///< big-endian bytes of the nonce, to compare with the reply's
};
Result<TimestampRequest> makeTimestampRequest(const QByteArray& sha256);

/**
 * The TimeStampToken out of a DER TimeStampResp: the status must be granted, the message imprint must be SHA-256 of
 * `sha256` and the nonce the request's. Does not check the TSA's certificate (verifyTimestampToken does).
 */
Result<QByteArray> tokenFromTimestampResponse(const QByteArray& responseDer, const TimestampRequest& request,
                                              const QByteArray& sha256);

/**
 * Verifies a TimeStampToken over `sha256`: the token's CMS signature, its imprint, a TSA certificate with the critical
 * extended key usage timeStamping that chains to one of `trustAnchorsDer` at genTime. Extra certificates (e.g. the
 * intermediate CAs carried in a DSS) may be given to build the chain.
 */
Result<TimestampInfo> verifyTimestampToken(const QByteArray& tokenDer, const QByteArray& sha256,
                                           const QList<QByteArray>& trustAnchorsDer,
                                           const QList<QByteArray>& extraCertificatesDer = {});

} // namespace hocba::signing

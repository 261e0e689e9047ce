// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"
#include "verify/Revocation.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

namespace hocba::lifecycle {

struct RevocationFetchOptions
{
    int timeoutMs = 10000; ///< per HTTP request
    int retries = 1; ///< further attempts per URL after the first fails
    /** The time the answers must cover, as a verifier will judge them (the signing time); default: a second ago. */
    QDateTime coverTime;
};

/** True when some certificate of `chainDer` below a self-signed root names an OCSP responder or a CRL. */
bool chainHasRevocationUrls(const QList<QByteArray>& chainDer);

/**
 * PAdES B-LT at signing time: for each certificate of `chainDer` (the signer first, then its issuers; `moreCertsDer`,
 * e.g. the school's trust anchors, may supply the issuers the chain lacks) that names a responder or a CRL, fetches
 * an OCSP response from its AIA URL (HTTP POST, application/ocsp-request, with a nonce), or, when no responder
 * answers, the CRL from its distribution point. Each answer is checked like a verifier will (checkRevocation at
 * `coverTime`) before it is kept. The chain's certificates are part of the result. Certificates without URLs are left
 * out.
 *
 * Errors (ErrorCode::Network): a responder and a CRL that do not answer, or answer with something that does not
 * verify; ErrorCode::CertificateInvalid: the certificate is revoked. Blocks the calling thread, which need not run an
 * event loop (a local one runs the requests).
 */
Result<signing::ValidationData> fetchValidationData(const QList<QByteArray>& chainDer,
                                                    const QList<QByteArray>& moreCertsDer = {},
                                                    const RevocationFetchOptions& options = {});

/** A certificate chain (the certificate first, then its issuers) and the time its answers must speak about. */
struct ChainToCover
{
    QList<QByteArray> chainDer;
    QDateTime coverTime;
};

/**
 * fetchValidationData for each chain that names a service (chainHasRevocationUrls), merged without repeats; every
 * chain's certificates are in the result, fetched for or not. A chain's coverTime is used unless `options` sets one.
 * The first error stops it.
 */
Result<signing::ValidationData> fetchValidationDataFor(const QList<ChainToCover>& chains,
                                                       const QList<QByteArray>& moreCertsDer = {},
                                                       const RevocationFetchOptions& options = {});

} // namespace hocba::lifecycle

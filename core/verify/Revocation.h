// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace hocba::signing {

/**
 * What a verifier needs to check a chain offline years later (PAdES: the /DSS dictionary; XAdES: the validation data in
 * the unsigned properties): certificates, OCSP responses and CRLs, all DER.
 */
struct ValidationData
{
    QList<QByteArray> certificates;
    QList<QByteArray> ocspResponses; ///< OCSPResponse (RFC 6960), DER
    QList<QByteArray> crls; ///< CertificateList, DER
    bool isEmpty() const { return certificates.isEmpty() && ocspResponses.isEmpty() && crls.isEmpty(); }
    /** Adds what `other` holds and this does not. */
    void merge(const ValidationData& other);
};

/** What the embedded data says about one certificate at one time. */
struct RevocationStatus
{
    enum class State {
        Good, ///< an OCSP response or CRL, signed by the issuer or its delegated responder, says not revoked
        Revoked, ///< revoked at revokedAt, which is at or before the time asked about
        Unknown ///< no usable response or CRL covers this certificate (see problem)
    };
    State state = State::Unknown;
    QDateTime revokedAt; ///< UTC, when revoked
    QDateTime producedAt; ///< UTC, the OCSP producedAt / CRL thisUpdate used
    QString source; ///< "OCSP" or "CRL"
    QString problem; ///< translated, for Unknown
};

/**
 * The revocation state of `certificateDer` (issued by `issuerDer`) at `atTime`, from `data` alone (no network): a
 * response whose signature checks out against the issuer (or a responder the issuer delegated with id-kp-OCSPSigning)
 * and whose certificate was revoked at or before `atTime` gives Revoked; revoked after `atTime` gives Good.
 */
RevocationStatus checkRevocation(const QByteArray& certificateDer, const QByteArray& issuerDer,
                                 const ValidationData& data, const QDateTime& atTime);

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/SignedRequest.h"
#include "util/Error.h"
#include "verify/SignatureFormats.h"
#include "verify/SignatureReport.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace hocba::signing {

/** Where a revoke request or transfer statement keeps its data and signature: the packet's layout, its own namespace.
 */
XmlSignatureLayout requestSignatureLayout();

/** A request read from signed XML, with what its signature check found. */
template <class T> struct VerifiedRequest
{
    T request;
    VerificationReport report;
    QStringList
        problems; ///< translated, beyond the per-signature problems (not exactly one signature, not a principal)
    /** Exactly one signature, by a principal, integrity ok, trusted at its signing time, and no other problem. */
    bool ok() const { return problems.isEmpty() && report.signatures.size() == 1 && report.ok(); }
    /** The signer's certificate (DER); empty when there is no signature. */
    QByteArray signerCertificateDer() const
    {
        return report.signatures.isEmpty() ? QByteArray() : report.signatures.first().certificate.der;
    }
};

/**
 * Reads and checks a signed revoke request / transfer statement against the given trust anchors (DER, no other
 * source) with XmlVerifier and requestSignatureLayout(). A Result error when the bytes are not such a document
 * (InvalidInput from the reader); a bad or untrusted signature is reported, not an error. The caller decides who may
 * sign (the Department: a certificate that signed the school's packets; a school: its trust store).
 */
Result<VerifiedRequest<packet::RevokeRequest>> verifyRevokeRequest(const QByteArray& xml,
                                                                   const QList<QByteArray>& trustAnchorsDer);
Result<VerifiedRequest<packet::TransferStatement>> verifyTransferStatement(const QByteArray& xml,
                                                                           const QList<QByteArray>& trustAnchorsDer);

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/SafeXml.h"
#include "verify/SignatureFormats.h"
#include "verify/SignatureReport.h"

namespace hocba::signing {

/**
 * Verifies every XMLDSig <Signature> in the packet's signatures container; the data element (Id layout.dataId) must
 * be a child of the root, where readers find it. Each signature must have exactly the layout XmlSigner writes
 * (algorithms, transforms, the two references to the data and to its own signed properties, only certificates in
 * KeyInfo): XAdES qualifying properties (since issue 16) or the ds:SignatureProperties with SigningTime/SignerRole of
 * packets signed before. The key is the public key of the first certificate in X509Data and nothing else; that
 * certificate is the signer reported, must be the one XAdES's SigningCertificateV2 names, must chain to one of the
 * given trust anchors (DER, and no other source) at the judged time and must allow non-repudiation. The judged time is
 * the genTime of a SignatureTimeStamp whose token verifies (verifyTimestampToken, its TSA chaining to the same
 * anchors; level T, trustedTime), else the signed SigningTime (level B). With XAdES validation data (CertificateValues,
 * RevocationValues) the chain is checked with checkRevocation at that time, offline: revoked before it = invalid;
 * covered and not revoked with a valid time-stamp = level LT.
 * A Result error means the document could not be examined at all; bad signatures are reported, not errors.
 */
class XmlVerifier
{
public:
    /** Parses with packet::SafeXmlDocument::parse first. */
    static Result<VerificationReport> verify(const QByteArray& xml, const QList<QByteArray>& trustAnchorsDer,
                                             const XmlSignatureLayout& layout = {});
    /** On a document already parsed (it gets its Id attributes registered). */
    static Result<VerificationReport> verify(const packet::SafeXmlDocument& doc,
                                             const QList<QByteArray>& trustAnchorsDer,
                                             const XmlSignatureLayout& layout = {});
};

} // namespace hocba::signing

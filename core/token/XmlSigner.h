// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Signer.h"
#include "verify/SignatureFormats.h"
#include "verify/SignatureReport.h"

#include <QDateTime>

namespace hocba::signing {

class Timestamper;
struct ValidationData;

struct XmlSignOptions
{
    SignerRole role = SignerRole::Principal;
    QDateTime signingTime; ///< default: now (UTC, whole seconds)
    XmlSignatureLayout layout;
    /**
     * When set, the signature gets a XAdES SignatureTimeStamp (level B-T) from it; a time-stamp that cannot be had
     * fails the signing (the caller decides whether to sign without one: it passes no timestamper then).
     */
    Timestamper* timestamper = nullptr;
    /**
     * When set and not empty, XAdES validation data in the unsigned properties (level LT with a time-stamp):
     * xades:CertificateValues (its certificates) and xades:RevocationValues (its CRLs and OCSP responses).
     */
    const ValidationData* validationData = nullptr;
};

/**
 * Enveloped XAdES baseline signature over the packet (ETSI EN 319 132-1; SIGNING.md §4 route 3): libxml2 exclusive
 * C14N + our own <Signature> skeleton, the key operation through Signer::signSha256, so a token key works (xmlsec
 * cannot sign with a libp11 key on bookworm). Two references: the data element by Id, and the xades:SignedProperties
 * (SigningTime, SigningCertificateV2, SignerRoleV2/ClaimedRoles with the role code, DataObjectFormat of the data).
 * With a timestamper, a SignatureTimeStamp in the unsigned properties (B-T); with validation data, also
 * CertificateValues and RevocationValues (B-LT). The data reference does not cover the
 * signatures container, so each added signature keeps earlier ones valid. Packets signed before issue 16 carry
 * ds:SignatureProperties instead (SigningTime + SignerRole); XmlVerifier reads both, this writes only XAdES.
 */
class XmlSigner
{
public:
    static Result<QByteArray> sign(const QByteArray& xml, Signer& signer, const XmlSignOptions& options);
};

} // namespace hocba::signing

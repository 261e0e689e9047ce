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
};

/**
 * Enveloped XAdES baseline signature over the packet (ETSI EN 319 132-1; SIGNING.md §4 route 3): libxml2 exclusive
 * C14N + our own <Signature> skeleton, the key operation through Signer::signSha256, so a token key works (xmlsec
 * cannot sign with a libp11 key on bookworm). Two references: the data element by Id, and the xades:SignedProperties
 * (SigningTime, SigningCertificateV2, SignerRoleV2/ClaimedRoles with the role code, DataObjectFormat of the data).
 * With a timestamper, a SignatureTimeStamp in the unsigned properties (B-T); addValidationData adds
 * CertificateValues and RevocationValues afterwards (B-LT). The data reference does not cover the
 * signatures container, so each added signature keeps earlier ones valid. Packets signed before issue 16 carry
 * ds:SignatureProperties instead (SigningTime + SignerRole); XmlVerifier reads both, this writes only XAdES.
 */
class XmlSigner
{
public:
    static Result<QByteArray> sign(const QByteArray& xml, Signer& signer, const XmlSignOptions& options);

    /**
     * XAdES B-LT: adds `data` to the unsigned properties of the last signature in the layout's container (the one just
     * made), after its time-stamp: xades:CertificateValues (the certificates) and xades:RevocationValues (CRLs, then
     * OCSP responses). Fetch the data after signing, so that it speaks about the time-stamp's time. Nothing signed
     * changes, so every signature stays valid. Refused when that signature is not XAdES or already has validation
     * data; empty `data` returns `xml` unchanged.
     */
    static Result<QByteArray> addValidationData(const QByteArray& xml, const ValidationData& data,
                                                const XmlSignatureLayout& layout = {});
};

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Signer.h"
#include "verify/SignatureFormats.h"
#include "verify/SignatureReport.h"

#include <QDateTime>

namespace hocba::signing {

struct XmlSignOptions
{
    SignerRole role = SignerRole::Principal;
    QDateTime signingTime; ///< default: now (UTC, whole seconds)
    XmlSignatureLayout layout;
};

/**
 * Enveloped XMLDSig over the packet (SIGNING.md §4 route 3): libxml2 exclusive C14N + our own <Signature> skeleton,
 * the key operation through Signer::signSha256, so a token key works (xmlsec cannot sign with a libp11 key on
 * bookworm). Two references: the data element by Id, and the SignatureProperties (SigningTime + SignerRole).
 * The data reference does not cover the signatures container, so each added signature keeps earlier ones valid.
 */
class XmlSigner
{
public:
    static Result<QByteArray> sign(const QByteArray& xml, Signer& signer, const XmlSignOptions& options);
};

} // namespace hocba::signing

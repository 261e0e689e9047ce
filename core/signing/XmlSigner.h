// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/Signer.h"

#include <QDateTime>

namespace hocba::signing {

/** Where the packet keeps its data and its signatures (DOMAIN.md §5.1: like the e-invoice HDon/DLHDon/DSCKS). */
struct XmlSignatureLayout
{
    QString dataId = QStringLiteral("data"); ///< Id attribute of the signed data element
    QString containerName = QStringLiteral("DSCKS"); ///< element that receives the signatures
    QString containerNamespace = QStringLiteral("urn:hocba:packet:1");
    /** Namespace of the SigningTime/SignerRole properties and the per-signer wrapper elements. */
    QString propertiesNamespace = QStringLiteral("urn:hocba:packet:1");
    /** Wrap each signature in a per-role child of the container (HieuTruong / GVCN / DonVi), like DSCKS/NBan. */
    bool wrapPerRole = true;
};

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

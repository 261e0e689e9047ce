// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/Signer.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hocba::signing {

/**
 * A detached CMS SignedData (RFC 5652) over content whose SHA-256 the caller gives: signed attributes contentType,
 * messageDigest and signing-certificate-v2 and no signingTime (PAdES forbids it; the time belongs in the signed
 * content), the signer's certificate and chain inside. The token signs the DER of the signed attributes.
 * The PDF signatures (PdfSigner) and the audit checkpoints use it; `openssl cms -verify -binary -content FILE`
 * checks either. `keyNs`, when given, gets the time spent inside the token added.
 */
Result<QByteArray> signDetachedCms(const QByteArray& contentSha256, Signer& signer, qint64* keyNs = nullptr);

/** What checking a detached CMS against its content found. Trust in the certificate is the caller's check. */
struct DetachedCmsCheck
{
    /** One signer; its signature verifies over the content; signing-certificate-v2 names its certificate. */
    bool intact = false;
    QByteArray signerCertificate; ///< DER; empty when the CMS does not carry it
    QList<QByteArray> otherCertificates; ///< DER: the chain the CMS carries
    QString problem; ///< translated, when not intact
};

DetachedCmsCheck checkDetachedCms(const QByteArray& cmsDer, const QByteArray& content);

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Signer.h"
#include "token/Timestamper.h"

#include <QByteArray>

namespace hocba::signing {

/**
 * A detached CMS SignedData (RFC 5652) over content whose SHA-256 the caller gives: signed attributes contentType,
 * messageDigest and signing-certificate-v2 and no signingTime (PAdES forbids it; the time belongs in the signed
 * content), the signer's certificate and chain inside. The token signs the DER of the signed attributes.
 * The PDF signatures (PdfSigner) and the audit checkpoints use it; `openssl cms -verify -binary -content FILE`
 * checks either (checkDetachedCms in verify/DetachedCms.h). `keyNs`, when given, gets the time spent inside the token
 * added. With a `timestamper`, the SignerInfo gets the unsigned attribute id-aa-signatureTimeStampToken
 * (1.2.840.113549.1.9.16.2.14, RFC 3161 appendix A): a token over SHA-256 of the signature value (CAdES-T, PAdES B-T);
 * its error (the TSA did not answer, …) is returned as is and no signature is made. `tsaNs` gets the time spent
 * waiting for the TSA added.
 */
Result<QByteArray> signDetachedCms(const QByteArray& contentSha256, Signer& signer, qint64* keyNs = nullptr,
                                   Timestamper* timestamper = nullptr, qint64* tsaNs = nullptr);

} // namespace hocba::signing

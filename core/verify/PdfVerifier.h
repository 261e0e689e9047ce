// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/SignatureFormats.h"
#include "verify/SignatureReport.h"

namespace hocba::signing {

/**
 * Verifies every PDF signature (each /ByteRange + /Contents): the detached CMS over the byte ranges with OpenSSL,
 * the signing-certificate-v2 attribute against the signer certificate, the chain against the given trust anchors
 * (DER), and whether the last signature covers the whole file (anything after it = "changed after signing").
 * Also extracts the embedded packet XML for the caller to verify and compare.
 */
class PdfVerifier
{
public:
    static Result<VerificationReport> verify(const QByteArray& pdf, const QList<QByteArray>& trustAnchorsDer,
                                             const QString& packetName = QString::fromLatin1(kPacketFileName));
};

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/SignatureReport.h"
#include "signing/XmlSigner.h"

namespace hocba::signing {

/**
 * Verifies every XMLDSig <Signature> in the packet's signatures container with libxmlsec1: integrity of both
 * references, the certificate chain against the given trust anchors (DER), and that each signature covers the
 * data element and its own SigningTime/SignerRole properties (which are then reported).
 * A Result error means the document could not be examined at all; bad signatures are reported, not errors.
 */
class XmlVerifier
{
public:
    static Result<VerificationReport> verify(const QByteArray& xml, const QList<QByteArray>& trustAnchorsDer,
                                             const XmlSignatureLayout& layout = {});
};

} // namespace hocba::signing

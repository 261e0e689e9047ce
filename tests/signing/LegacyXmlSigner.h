// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/XmlSigner.h"

namespace hocba::test {

/**
 * Signs `xml` exactly as XmlSigner did before issue 16: XMLDSig with a ds:Object/ds:SignatureProperties holding
 * SigningTime and SignerRole (no XAdES). `options.timestamper` is ignored. For tests of packets signed back then.
 */
Result<QByteArray> signLegacyXml(const QByteArray& xml, signing::Signer& signer,
                                 const signing::XmlSignOptions& options);

} // namespace hocba::test

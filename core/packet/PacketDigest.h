// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace hocba::packet {

/**
 * SHA-256 of the packet file's bytes, base64url without padding (43 characters). The QR code on the PDF carries it
 * next to the lookup code, so a paper copy can be matched to the exact packet that was signed.
 */
QString packetDigest(const QByteArray& packetBytes);
/** The same text from a SHA-256 already computed over the packet's bytes. */
QString packetDigestFromSha256(const QByteArray& sha256);

} // namespace hocba::packet

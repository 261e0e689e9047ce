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

} // namespace hocba::packet

// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/PacketDigest.h"

#include "util/Digest.h"

namespace hocba::packet {

QString packetDigest(const QByteArray& packetBytes)
{
    return packetDigestFromSha256(digest::sha256(packetBytes));
}

QString packetDigestFromSha256(const QByteArray& sha256)
{
    return QString::fromLatin1(sha256.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace hocba::packet

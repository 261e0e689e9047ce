// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/PacketDigest.h"

#include <QCryptographicHash>

namespace hocba::packet {

QString packetDigest(const QByteArray& packetBytes)
{
    const QByteArray hash = QCryptographicHash::hash(packetBytes, QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace hocba::packet

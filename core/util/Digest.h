// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <initializer_list>

namespace hocba::digest {

/**
 * SHA-256 through OpenSSL, which uses the CPU's SHA instructions: about ten times QCryptographicHash's speed on the
 * 100 KiB documents a batch hashes several times per record. The parts are hashed as one message.
 */
QByteArray sha256(std::initializer_list<QByteArrayView> parts);
inline QByteArray sha256(QByteArrayView data)
{
    return sha256({data});
}

/** MD5, only where a format asks for it (the PDF embedded file's /CheckSum); never for security. */
QByteArray md5(QByteArrayView data);

} // namespace hocba::digest

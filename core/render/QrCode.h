// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QByteArray>
#include <QString>

namespace hocba::render {

/** A QR symbol as a square of modules; dark(x, y) is true for a black module. Quiet zone not included. */
struct QrMatrix
{
    int size = 0;
    QByteArray modules; ///< size × size bytes, row by row, 1 = dark

    bool dark(int x, int y) const { return modules.at(y * size + x) != 0; }
};

/** Encodes text (8-bit, error correction M) with libqrencode. */
Result<QrMatrix> encodeQr(const QByteArray& text);

/**
 * The lookup portal URL a printed page's QR code carries (docs/qr.md):
 * <base>?ma=<32 hex lookup code>&nam=<start year>&v=<version>&h=<SHA-256 of the packet, base64url, no padding>.
 */
QString lookupUrl(const QString& portalBaseUrl, const QString& lookupCode, SchoolYear year, int version,
                  const QByteArray& packetSha256);

} // namespace hocba::render

// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/QrCode.h"

#include <QCoreApplication>

#include <qrencode.h>

#include <memory>

namespace hocba::render {

Result<QrMatrix> encodeQr(const QByteArray& text)
{
    // QRcode_encodeString8bit keeps the URL byte for byte (no Kanji/alphanumeric mode guessing).
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(text.constData(), 0, QR_ECLEVEL_M),
                                                         &QRcode_free);
    if (!code)
        return fail(ErrorCode::Internal, QCoreApplication::translate("hocba::render", "Could not make the QR code."),
                    QStringLiteral("QRcode_encodeString8bit failed, %1 bytes").arg(text.size()));
    QrMatrix m;
    m.size = code->width;
    m.modules.resize(qsizetype(m.size) * m.size);
    for (int i = 0; i < m.size * m.size; ++i)
        m.modules[i] = char(code->data[i] & 1); // bit 0 = dark; the other bits describe the module's role
    return m;
}

QString lookupUrl(const QString& portalBaseUrl, const QString& lookupCode, SchoolYear year, int version,
                  const QByteArray& packetSha256)
{
    const QString digest
        = QString::fromLatin1(packetSha256.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return QStringLiteral("%1?ma=%2&nam=%3&v=%4&h=%5")
        .arg(portalBaseUrl, lookupCode, QString::number(year.startYear), QString::number(version), digest);
}

} // namespace hocba::render

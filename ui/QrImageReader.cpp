// SPDX-License-Identifier: GPL-3.0-or-later
#include "QrImageReader.h"

#include <QCoreApplication>
#include <QImage>

// text() returns UTF-8 with this (the transition libzxing 1.4 asks for; a #pragma warning otherwise).
#define ZX_USE_UTF8
#include <ReadBarcode.h>

namespace hocba::ui {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(QrImageReader)
};
} // namespace

Result<QString> readQrCode(const QImage& image)
{
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    if (grey.isNull())
        return fail(ErrorCode::InvalidInput, Text::tr("The picture is empty."));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::ImageView view(grey.constBits(), grey.width(), grey.height(), ZXing::ImageFormat::Lum,
                                int(grey.bytesPerLine()));
    const ZXing::Result found = ZXing::ReadBarcode(view, hints);
    if (!found.isValid())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("No QR code could be read in this picture. Take the photo again, closer and "
                             "sharper, with the whole QR code in it, or type the code printed under it."));
    return QString::fromStdString(found.text());
}

Result<QString> readQrCodeFile(const QString& path)
{
    QImage image;
    if (!image.load(path))
        return fail(ErrorCode::NotFound,
                    Text::tr("The file %1 cannot be read as a picture. Choose a PNG or JPEG photo or scan.").arg(path));
    return readQrCode(image);
}

} // namespace hocba::ui

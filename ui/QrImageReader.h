// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QString>

class QImage;

namespace hocba::ui {

/**
 * The text of the QR code in a photo or scan of a printed page (libzxing): the first QR code found, tried harder and
 * turned, since a phone photo is rarely straight. InvalidInput, in words for the user, when there is none.
 */
Result<QString> readQrCode(const QImage& image);
/** The same for an image file (PNG or JPEG); NotFound when the file cannot be read as an image. */
Result<QString> readQrCodeFile(const QString& path);

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "render/RecordRenderer.h"
#include "util/Error.h"

#include <QByteArray>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * What the school's printed books carry besides the packets (issue 13), kept in the school file (table
 * print_settings): the lookup portal its QR codes and printed text point to, and the seal image drawn beside the
 * principal's visible digital signature, and whether the books carry the instructions page ("Hướng dẫn ghi học bạ")
 * after the cover. Both front ends set them through here (ManageSchool, with an audit entry),
 * and every path that renders a book applies them with applyPrintSettings.
 */
struct PrintSettings
{
    QString lookupUrl; ///< the lookup portal's base URL; empty when the school has set none
    QByteArray sealPng; ///< the seal as PNG (re-encoded when it was set); empty when none
    bool instructionsPage = true; ///< print the "Hướng dẫn ghi học bạ" page after the cover (the default)
};

/** The largest seal image file accepted (PNG or JPEG as the school has it). */
inline constexpr qint64 kMaxSealFileBytes = 512 * 1024;
/** The largest seal image accepted, in pixels on either side (a 35 mm seal at 600 dpi is about 830). */
inline constexpr int kMaxSealPixels = 2048;

/** The school's settings; empty values where none is set. */
Result<PrintSettings> printSettings(store::Database& db);

/**
 * The lookup portal's base URL as stored: an absolute http:// or https:// URL with a host and without query or
 * fragment (the QR codes append "?ma=…"), trimmed. InvalidInput, saying what is wrong, otherwise.
 */
Result<QString> checkedLookupUrl(const QString& text);

/** Sets (or, with an empty `url`, clears) the lookup portal's base URL. Works before any endpoint is set. */
Status setLookupUrl(store::Database& db, const Actor& actor, const QString& url);

/**
 * Checks a seal image: PNG or JPEG, at most kMaxSealFileBytes and kMaxSealPixels on either side; returns it decoded
 * and re-encoded as PNG (nothing of the original file but its pixels is kept).
 */
Result<QByteArray> sealPngFromImage(const QByteArray& fileBytes);
/** Reads the file and sets the school's seal (sealPngFromImage). */
Status setSealFromFile(store::Database& db, const Actor& actor, const QString& path);
/** Sets the school's seal from image bytes (sealPngFromImage), or clears it when `fileBytes` is empty. */
Status setSeal(store::Database& db, const Actor& actor, const QByteArray& fileBytes);

/** Sets whether the school's books carry the instructions page ("Hướng dẫn ghi học bạ") after the cover. */
Status setInstructionsPage(store::Database& db, const Actor& actor, bool on);

/**
 * The settings into a renderer's options: portalBaseUrl when a lookup URL is set, sealImage when a seal is,
 * instructionsPage always.
 */
void applyPrintSettings(const PrintSettings& settings, render::RenderOptions& options);
/** printSettings then applyPrintSettings. */
Status applyPrintSettings(store::Database& db, render::RenderOptions& options);

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/Fonts.h"

#include <QFontDatabase>
#include <QStringList>

#include <cmath>
#include <mutex>

namespace hocba::render {

QString printFontFamily()
{
    static std::once_flag once;
    static QString family;
    std::call_once(once, [] {
        const QStringList files {
            QStringLiteral(":/fonts/NotoSerif-Regular.ttf"), QStringLiteral(":/fonts/NotoSerif-Bold.ttf"),
            QStringLiteral(":/fonts/NotoSerif-Italic.ttf"), QStringLiteral(":/fonts/NotoSerif-BoldItalic.ttf")};
        for (const QString& file : files) {
            const int id = QFontDatabase::addApplicationFont(file);
            if (id >= 0 && family.isEmpty())
                family = QFontDatabase::applicationFontFamilies(id).value(0);
        }
    });
    return family;
}

QFont printFont(const FontSpec& spec)
{
    QFont font(printFontFamily());
    // points → mm → page units; 1 pt = 25.4 / 72 mm. Rounded down: a size never grows past the one the layout's
    // widths were chosen for.
    font.setPixelSize(int(std::floor(spec.points * 25.4 / 72.0 * kUnitsPerMm)));
    font.setBold(spec.bold);
    font.setItalic(spec.italic);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferOutline);
    // No ligatures: an "fi" glyph has no text of its own in the PDF, and pdftotext (and `verify`, which reads a signed
    // page's signature appearance back) would read "Certi cation". Qt shapes without them once letter spacing is set;
    // this one is a thousandth of a millimetre (Qt keeps it in 1/64 units: smaller rounds to none).
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
    return font;
}

} // namespace hocba::render

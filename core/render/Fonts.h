// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QString>

namespace hocba::render {

/**
 * Registers the bundled Noto Serif faces (Qt resource) once per process, from any thread, and returns the family
 * name; empty when registration failed. Needs a QGuiApplication.
 */
QString printFontFamily();

/** A face of the print font, sized in points. */
struct FontSpec
{
    double points = 10.0;
    bool bold = false;
    bool italic = false;
    friend bool operator==(const FontSpec&, const FontSpec&) = default;
};

/**
 * Units of the page coordinate system: fiftieths of a millimetre (see RecordRenderer.cpp). Fonts are sized in these
 * units, and Qt's FreeType engine keeps a glyph's metrics only while the glyph fits in 255 units: at 100 units a mm
 * (a 10.5 pt em is 370 units) every measurement and every drawn word loaded its glyphs from the font again, a fifth
 * of the renderer's time.
 */
inline constexpr double kUnitsPerMm = 50.0;

/**
 * The QFont for a spec in page units: pixel-sized so that its metrics do not depend on the paint device's
 * resolution — the same line breaks on screen, in the PDF and on every printer.
 */
QFont printFont(const FontSpec& spec);

} // namespace hocba::render

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

/** Units of the page coordinate system: hundredths of a millimetre (see RecordRenderer.cpp). */
inline constexpr double kUnitsPerMm = 100.0;

/**
 * The QFont for a spec in page units: pixel-sized so that its metrics do not depend on the paint device's
 * resolution — the same line breaks on screen, in the PDF and on every printer.
 */
QFont printFont(const FontSpec& spec);

} // namespace hocba::render

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>

namespace hocba::sheets {

/**
 * Reads an Excel workbook (.xlsx, Office Open XML): every worksheet in the workbook's order, named as in Excel, each
 * cell as the text the sheet shows: shared and inline text (rich text runs joined), a number in plain digits ("8.5",
 * integers without ".0", at most 10 significant digits), a number with a date format as "dd/MM/yyyy" (1900 and 1904
 * date systems), a zero-padded number format kept ("001203004567"), a formula's last computed value. Empty rows stay
 * so that row numbers match Excel; trailing empty rows and cells are dropped; a merged area's text is in its top-left
 * cell. A hostile or damaged file is refused with a message and nothing expanded: a file above `limits.maxBytes`, a
 * workbook that unpacks to more than `limits.maxUncompressedBytes` (counted while unpacking, since a zip's headers can
 * lie), a part that unpacks to more than `limits.maxCompressionRatio` times its stored size (a zip bomb), more rows,
 * columns, filled cells or sheets than the limits, any document type declaration (DOCTYPE, so no entities), an
 * encrypted entry (a password), a file cut short.
 */
Result<QList<Sheet>> readXlsx(const QByteArray& bytes, const SheetLimits& limits = {});

} // namespace hocba::sheets

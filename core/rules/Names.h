// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hocba::rules {

/** Translated name of a subject code ("toan" → "Toán"); the code itself when unknown. */
QString subjectName(const QString& code);
/** Translated name of a TT27 quality or competency code ("cham_chi" → "Chăm chỉ"). */
QString traitName(const QString& code);
/** "học kì I" / "học kì II" for "hk1" / "hk2". */
QString semesterName(const QString& term);

} // namespace hocba::rules

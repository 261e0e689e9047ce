// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Finding.h"
#include "domain/Types.h"

#include <QDate>
#include <QString>

namespace hocba::personal_id {

/**
 * Checks a 12-digit số định danh cá nhân against the holder's birth date and gender (DOMAIN.md §4.3):
 * 12 digits; a known birth-registration code (the 63 province codes, or a country code 101–295 for births
 * registered abroad); the century+gender digit against the birth year and gender. Digits 7–12 are random, so
 * nothing more can be checked. Returns one finding per broken rule, each naming `field`; empty when valid.
 * An empty number gives a warning (it may be filled in later), not an error.
 */
Findings check(const QString& number, QDate birthDate, Gender gender,
               const QString& field = QStringLiteral("personalId"));

/** True for a province code (001 Hà Nội … 096 Cà Mau) or a country code the check accepts. */
bool isKnownRegistrationCode(int code);

/** The province name of a 3-digit province code ("Hà Nội" for 1), empty for an unknown or country code. */
QString provinceName(int code);

/**
 * The official (GSO-style) name of a province code with its unit: "Thành phố Hà Nội", "Tỉnh Nam Định",
 * "Thành phố Hồ Chí Minh"; empty for an unknown or country code. Pre-2025 names.
 */
QString provinceFullName(int code);

/** All 63 province codes, ascending. */
QList<int> provinceCodes();

/** The century+gender digit (4th digit) for a birth year and gender; -1 when out of range or gender unknown. */
int centuryGenderDigit(int birthYear, Gender gender);

} // namespace hocba::personal_id

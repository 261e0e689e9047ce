// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace hocba::text {

/**
 * Unicode NFC with surrounding white space trimmed and inner runs collapsed. Every piece of Vietnamese text is
 * passed through this before it is stored or signed, so that the bytes do not depend on the keyboard (input
 * methods may produce decomposed "a" + combining marks).
 */
QString normalized(const QString& text);

/** True when the text is already in NFC (a packet or import that is not is refused, not silently fixed). */
bool isNfc(const QString& text);

/**
 * Vietnamese name order: by given name (last word), then middle names, then family name, each compared with
 * Vietnamese collation (a < ă < â < b … d < đ; tones after base letters), as class lists are sorted.
 */
int compareVietnameseNames(const QString& a, const QString& b);

/** Sorts full names in place with compareVietnameseNames. */
void sortVietnameseNames(QStringList& names);

/** The given name: the last word of a full name ("Nguyễn Thị Minh Anh" → "Anh"). */
QString givenName(const QString& fullName);

/** The family and middle names, as the "Họ đệm" column shows them ("Nguyễn Thị Minh Anh" → "Nguyễn Thị Minh"). */
QString familyAndMiddleNames(const QString& fullName);

/** A date as people in the school write it: dd/MM/yyyy (empty for an invalid date). */
QString shownDate(const QDate& date);
/** A moment's date in the computer's time zone, dd/MM/yyyy. */
QString shownDate(const QDateTime& moment);
/** A moment in the computer's time zone, dd/MM/yyyy HH:mm:ss. */
QString shownDateTime(const QDateTime& moment);

} // namespace hocba::text

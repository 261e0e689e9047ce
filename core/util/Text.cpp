// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Text.h"

#include <QCollator>
#include <QLocale>

#include <algorithm>

namespace hocba::text {

QString normalized(const QString& text)
{
    // Never null: a null QString would be stored as SQL NULL, and "no text" is "" in the store.
    QString out = text.normalized(QString::NormalizationForm_C).simplified();
    return out.isNull() ? QStringLiteral("") : out;
}

bool isNfc(const QString& text)
{
    return text.normalized(QString::NormalizationForm_C) == text;
}

namespace {

const QCollator& vietnameseCollator()
{
    // QCollator is not thread-safe to share while mutating; one per thread, configured once.
    thread_local const QCollator collator = [] {
        QCollator c(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
        c.setCaseSensitivity(Qt::CaseInsensitive);
        c.setNumericMode(true);
        return c;
    }();
    return collator;
}

} // namespace

QString givenName(const QString& fullName)
{
    const QString simple = fullName.simplified();
    const qsizetype space = simple.lastIndexOf(QLatin1Char(' '));
    return space < 0 ? simple : simple.mid(space + 1);
}

QString familyAndMiddleNames(const QString& fullName)
{
    const QString simple = fullName.simplified();
    const qsizetype space = simple.lastIndexOf(QLatin1Char(' '));
    return space < 0 ? QString() : simple.left(space);
}

int compareVietnameseNames(const QString& a, const QString& b)
{
    const QStringList wa = a.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QStringList wb = b.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QCollator& c = vietnameseCollator();
    // Given name first, then the rest from the last middle name back to the family name.
    const qsizetype n = std::max(wa.size(), wb.size());
    for (qsizetype i = 1; i <= n; ++i) {
        const QString pa = i <= wa.size() ? wa.at(wa.size() - i) : QString();
        const QString pb = i <= wb.size() ? wb.at(wb.size() - i) : QString();
        if (const int r = c.compare(pa, pb); r != 0)
            return r;
    }
    return c.compare(a, b);
}

void sortVietnameseNames(QStringList& names)
{
    std::stable_sort(names.begin(), names.end(),
                     [](const QString& x, const QString& y) { return compareVietnameseNames(x, y) < 0; });
}

QString shownDate(const QDate& date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString shownDate(const QDateTime& moment)
{
    return moment.isValid() ? shownDate(moment.toLocalTime().date()) : QString();
}

QString shownDateTime(const QDateTime& moment)
{
    return moment.isValid() ? moment.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm:ss")) : QString();
}

} // namespace hocba::text

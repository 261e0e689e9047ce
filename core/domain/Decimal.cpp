// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Decimal.h"

namespace hocba {

ParsedScore parseScoreText(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {std::nullopt, ScoreTextProblem::Empty};
    qsizetype i = 0;
    long long whole = 0;
    int wholeDigits = 0;
    while (i < t.size() && t[i].isDigit() && t[i].unicode() < 128) {
        if (wholeDigits < 6)
            whole = whole * 10 + (t[i].unicode() - '0');
        ++wholeDigits;
        ++i;
    }
    if (wholeDigits == 0)
        return {std::nullopt,
                t.startsWith(QLatin1Char('-')) ? ScoreTextProblem::OutOfRange : ScoreTextProblem::NotANumber};
    int fraction = 0;
    int fractionDigits = 0;
    bool extraNonZero = false;
    if (i < t.size() && (t[i] == QLatin1Char('.') || t[i] == QLatin1Char(','))) {
        ++i;
        while (i < t.size() && t[i].isDigit() && t[i].unicode() < 128) {
            const int d = t[i].unicode() - '0';
            if (fractionDigits == 0)
                fraction = d;
            else if (d != 0)
                extraNonZero = true; // "8.50" is one decimal; "8.25" is two
            ++fractionDigits;
            ++i;
        }
        if (fractionDigits == 0)
            return {std::nullopt, ScoreTextProblem::NotANumber};
    }
    if (i != t.size())
        return {std::nullopt, ScoreTextProblem::NotANumber};
    if (extraNonZero)
        return {std::nullopt, ScoreTextProblem::TooManyDecimals};
    if (wholeDigits > 6 || whole * 10 + fraction > 100)
        return {std::nullopt, ScoreTextProblem::OutOfRange};
    return {Tenths(whole * 10 + fraction), ScoreTextProblem::None};
}

QString tenthsToText(Tenths value)
{
    const QString sign = value < 0 ? QStringLiteral("-") : QString();
    const int a = value < 0 ? -value : value;
    return sign + QString::number(a / 10) + QLatin1Char('.') + QString::number(a % 10);
}

QString tenthsToDisplay(Tenths value)
{
    return tenthsToText(value).replace(QLatin1Char('.'), QLatin1Char(','));
}

QString displayTypedScore(const QString& typed)
{
    QString s = typed.trimmed();
    return s.replace(QLatin1Char('.'), QLatin1Char(','));
}

} // namespace hocba

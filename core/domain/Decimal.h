// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace hocba {

/**
 * Scores as integer tenths (7.5 → 75). TT22 Art. 9 cl. 1b defines every average as "a number rounded to one
 * decimal"; binary floating point cannot round 8.25 half-up reliably, so no double ever enters a computation.
 */
using Tenths = int;

/** Half-up division for non-negative numerators: roundDiv(630, 8) = 79 (78.75 → 79), roundDiv(25, 10) = 3. */
constexpr int roundHalfUpDiv(long long numerator, long long denominator)
{
    return int((2 * numerator + denominator) / (2 * denominator));
}

/** Why a typed score was not accepted. */
enum class ScoreTextProblem { None, Empty, NotANumber, TooManyDecimals, OutOfRange };

struct ParsedScore
{
    std::optional<Tenths> tenths; ///< set only when problem == None
    ScoreTextProblem problem = ScoreTextProblem::None;
};

/**
 * Reads a score as typed: "8", "7.5", "7,5" (decimal comma), "8.0". Exact: the text is read digit by digit, never
 * through a double. Accepted: 0–10 with at most one decimal.
 */
ParsedScore parseScoreText(const QString& text);

/** "7.9" — the JSON / storage form. */
QString tenthsToText(Tenths value);
/** "7,9" — how a score is shown to a Vietnamese user (decimal comma). */
QString tenthsToDisplay(Tenths value);
/** A typed value shown back to the user with a decimal comma ("7.55" → "7,55"). */
QString displayTypedScore(const QString& typed);

} // namespace hocba

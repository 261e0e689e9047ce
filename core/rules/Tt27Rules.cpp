// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/Tt27Rules.h"

#include <algorithm>

namespace hocba::rules::tt27 {

PrimaryResult yearEndResult(const QList<SubjectLevel>& subjects, const QList<TraitLevel>& traits,
                            const QList<int>& testScores)
{
    const auto minScoreAtLeast
        = [&](int minimum) { return std::ranges::all_of(testScores, [minimum](int s) { return s >= minimum; }); };
    const bool anySubjectNotCompleted
        = std::ranges::any_of(subjects, [](SubjectLevel l) { return l == SubjectLevel::NotCompleted; });
    const bool anyTraitNeedsEffort
        = std::ranges::any_of(traits, [](TraitLevel l) { return l == TraitLevel::NeedsEffort; });
    if (anySubjectNotCompleted || anyTraitNeedsEffort || !minScoreAtLeast(5))
        return PrimaryResult::NotCompleted;
    const bool allGood = std::ranges::all_of(subjects, [](SubjectLevel l) { return l == SubjectLevel::Good; })
        && std::ranges::all_of(traits, [](TraitLevel l) { return l == TraitLevel::Good; });
    if (allGood && minScoreAtLeast(9))
        return PrimaryResult::Outstanding;
    if (allGood && minScoreAtLeast(7))
        return PrimaryResult::Good;
    return PrimaryResult::Completed;
}

bool completesGrade(PrimaryResult result)
{
    return result != PrimaryResult::NotCompleted;
}

PrimaryAward award(PrimaryResult result, bool recognizedByClass)
{
    if (result == PrimaryResult::Outstanding)
        return PrimaryAward::Outstanding;
    if (result == PrimaryResult::Good && recognizedByClass)
        return PrimaryAward::Exemplary;
    return PrimaryAward::None;
}

} // namespace hocba::rules::tt27

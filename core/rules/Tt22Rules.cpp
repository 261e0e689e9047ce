// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/Tt22Rules.h"

#include <algorithm>

namespace hocba::rules::tt22 {

Tenths semesterAverage(const QList<Tenths>& regular, Tenths midterm, Tenths final)
{
    long long sum = 0;
    for (Tenths t : regular)
        sum += t;
    return roundHalfUpDiv(sum + 2LL * midterm + 3LL * final, regular.size() + 5);
}

Tenths yearAverage(Tenths semester1, Tenths semester2)
{
    return roundHalfUpDiv(semester1 + 2LL * semester2, 3);
}

CommentResult semesterCommentResult(const QList<CommentResult>& assessments)
{
    const bool allPass = std::ranges::all_of(assessments, [](CommentResult r) { return r == CommentResult::Pass; });
    return allPass ? CommentResult::Pass : CommentResult::Fail;
}

ThcsLevel baseLearningLevel(const QList<Tenths>& scores, const QList<CommentResult>& comments)
{
    const auto countAtLeast
        = [&](Tenths minimum) { return std::ranges::count_if(scores, [minimum](Tenths s) { return s >= minimum; }); };
    const auto allAtLeast = [&](Tenths minimum) { return countAtLeast(minimum) == scores.size(); };
    const auto failedComments = std::ranges::count(comments, CommentResult::Fail);

    if (failedComments == 0 && allAtLeast(65) && countAtLeast(80) >= 6)
        return ThcsLevel::Good;
    if (failedComments == 0 && allAtLeast(50) && countAtLeast(65) >= 6)
        return ThcsLevel::Fair;
    if (failedComments <= 1 && countAtLeast(50) >= 6 && allAtLeast(35))
        return ThcsLevel::Pass;
    return ThcsLevel::Fail;
}

LearningLevel learningLevel(const QList<Tenths>& scores, const QList<CommentResult>& comments)
{
    const ThcsLevel base = baseLearningLevel(scores, comments);
    for (const ThcsLevel target : {ThcsLevel::Good, ThcsLevel::Fair}) {
        if (rank(base) - rank(target) < 2)
            continue;
        for (qsizetype i = 0; i < scores.size(); ++i) {
            QList<Tenths> raised = scores;
            raised[i] = 100;
            if (baseLearningLevel(raised, comments) == target)
                return {oneStepUp(base), true};
        }
        for (qsizetype i = 0; i < comments.size(); ++i) {
            QList<CommentResult> raised = comments;
            raised[i] = CommentResult::Pass;
            if (baseLearningLevel(scores, raised) == target)
                return {oneStepUp(base), true};
        }
    }
    return {base, false};
}

ThcsLevel yearConduct(ThcsLevel semester1, ThcsLevel semester2)
{
    using L = ThcsLevel;
    // Rows: semester II; columns: semester I (Tốt, Khá, Đạt, Chưa đạt).
    static constexpr L table[4][4] = {
        {L::Good, L::Good, L::Fair, L::Fair},
        {L::Fair, L::Fair, L::Fair, L::Pass},
        {L::Fair, L::Pass, L::Pass, L::Pass},
        {L::Fail, L::Fail, L::Fail, L::Fail},
    };
    return table[rank(semester2)][rank(semester1)];
}

ThcsAward award(ThcsLevel conductYear, ThcsLevel learningYear, const QList<Tenths>& yearAverages)
{
    if (conductYear != ThcsLevel::Good || learningYear != ThcsLevel::Good)
        return ThcsAward::None;
    const auto atLeastNine = std::ranges::count_if(yearAverages, [](Tenths t) { return t >= 90; });
    return atLeastNine >= 6 ? ThcsAward::Outstanding : ThcsAward::Excellent;
}

} // namespace hocba::rules::tt22

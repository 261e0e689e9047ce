// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Decimal.h"
#include "domain/Levels.h"

#include <QList>

namespace hocba::rules::tt22 {

// Thông tư 22/2021/TT-BGDĐT, as pure functions over complete, valid inputs (scores in tenths). Missing or
// invalid inputs are caught before these are called (Tt22Evaluator); these never guess.

/**
 * Art. 6 cl. 1: regular assessments per semester of a score subject from its periods per year:
 * ≤ 35 → 2, > 35 to 70 → 3, > 70 → 4 (DOMAIN.md §2.2 "≤ 35 → 2").
 */
constexpr int requiredRegularScores(int periodsPerYear)
{
    return periodsPerYear <= 35 ? 2 : periodsPerYear <= 70 ? 3 : 4;
}

/** Art. 6 cl. 1: comment-only subjects get 2 regular assessments per semester. */
constexpr int requiredRegularComments = 2;

/** Art. 9 cl. 1b: ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (number of ĐĐGtx + 5), half-up to one decimal. */
Tenths semesterAverage(const QList<Tenths>& regular, Tenths midterm, Tenths final);

/** Art. 9 cl. 1b: ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3 from the already rounded semester averages. */
Tenths yearAverage(Tenths semester1, Tenths semester2);

/** Art. 7 (DOMAIN.md §2.4): a comment subject passes the semester when every assessment is Đạt. */
CommentResult semesterCommentResult(const QList<CommentResult>& assessments);

/** Art. 9 cl. 2: the level from the table (Tốt, Khá, Đạt, Chưa đạt) without the cl. 3 adjustment. */
ThcsLevel baseLearningLevel(const QList<Tenths>& scoreSubjects, const QList<CommentResult>& commentSubjects);

struct LearningLevel
{
    ThcsLevel level = ThcsLevel::Fail;
    bool adjusted = false; ///< cl. 3 raised it
};

/**
 * Art. 9 cl. 2–3: the table, then the adjustment. When the level falls 2 or more levels below Tốt or Khá
 * solely because of one subject — raising that one subject to its best value (10.0, or Đạt) alone gives that
 * level — the level is raised one step. DOMAIN.md §2.5 "treat as passing" (not "remove the subject").
 */
LearningLevel learningLevel(const QList<Tenths>& scoreSubjects, const QList<CommentResult>& commentSubjects);

/** Art. 8: the year conduct from the two semesters (DOMAIN.md §2.6 table, 16 cells). */
ThcsLevel yearConduct(ThcsLevel semester1, ThcsLevel semester2);

/** Art. 12: more than 45 days absent in the year bars promotion. */
constexpr int maxAbsencesForPromotion = 45;

/** Art. 14: a subject is re-assessed when its year result fails: ĐTBmcn < 5.0, or a comment subject Chưa đạt. */
constexpr bool needsRetest(Tenths yearAverage)
{
    return yearAverage < 50;
}

/** Art. 15: Xuất sắc = conduct Tốt, learning Tốt, ≥ 6 score subjects with ĐTBmcn ≥ 9.0; Giỏi = Tốt and Tốt. */
ThcsAward award(ThcsLevel conductYear, ThcsLevel learningYear, const QList<Tenths>& yearAverages);

} // namespace hocba::rules::tt22

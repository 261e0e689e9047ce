// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Levels.h"

#include <QList>

namespace hocba::rules::tt27 {

// Thông tư 27/2020/TT-BGDĐT, as pure functions over complete, valid inputs. Missing or invalid inputs are
// caught before these are called (Tt27Evaluator); these never guess.

/**
 * Art. 9 cl. 2 — end-of-year result (DOMAIN.md §1.5):
 *  HTXS: every subject T, every quality/competency T, every year-end test ≥ 9;
 *  HTT:  every subject T, every quality/competency T, every year-end test ≥ 7;
 *  HT:   every subject T or H, every quality/competency T or Đ, every year-end test ≥ 5;
 *  CHT:  otherwise.
 * testScores: whole points 0–10 of the subjects that have a year-end test in the grade.
 */
PrimaryResult yearEndResult(const QList<SubjectLevel>& subjects, const QList<TraitLevel>& traits,
                            const QList<int>& testScores);

/** Art. 9 / §1.7: the grade (and in grade 5 the primary programme) is completed with HTXS, HTT or HT. */
bool completesGrade(PrimaryResult result);

/**
 * Art. 13 — awards: HTXS → "Học sinh Xuất sắc"; HTT recognised by the class collective → "Học sinh Tiêu biểu";
 * anything else → none. The recognition itself is a human decision, given as a flag.
 */
PrimaryAward award(PrimaryResult result, bool recognizedByClass);

} // namespace hocba::rules::tt27

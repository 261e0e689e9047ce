// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace hocba {

// Every scale is an enum: the letter "C" means "Chưa hoàn thành" for a TT27 subject but "Cần cố gắng" for a
// quality (DOMAIN.md §1.2), and "D" means "Đạt" in three different TT22 scales.

/** TT27 Art. 7: level of a subject or educational activity. Codes T, H, C. */
enum class SubjectLevel { Good, Completed, NotCompleted };
/** TT27 Art. 8: level of a quality or competency. Codes T, D (Đ accepted), C. */
enum class TraitLevel { Good, Satisfactory, NeedsEffort };
/** TT27 Art. 9 cl. 2: end-of-year result. Codes HTXS, HTT, HT, CHT. */
enum class PrimaryResult { Outstanding, Good, Completed, NotCompleted };
/** TT27 Art. 13 awards. Codes xuat_sac, tieu_bieu, none. */
enum class PrimaryAward { Outstanding, Exemplary, None };

/** TT22 Arts. 8–9: learning and conduct levels, best first. Codes T, K, D (Đ), CD (CĐ). */
enum class ThcsLevel { Good, Fair, Pass, Fail };
/** TT22 Art. 7: result of a comment-only subject. Codes D (Đ), CD (CĐ). */
enum class CommentResult { Pass, Fail };
/** TT22 Arts. 12–14. */
enum class Promotion { Promoted, CompletedThcs, Retest, SummerTraining, Retained };
/** TT22 Art. 15. */
enum class ThcsAward { Outstanding, Excellent, None };

QString toCode(SubjectLevel v);
QString toCode(TraitLevel v);
QString toCode(PrimaryResult v);
QString toCode(PrimaryAward v);
QString toCode(ThcsLevel v);
QString toCode(CommentResult v);
QString toCode(Promotion v);
QString toCode(ThcsAward v);

std::optional<SubjectLevel> subjectLevelFromCode(const QString& code);
std::optional<TraitLevel> traitLevelFromCode(const QString& code);
std::optional<ThcsLevel> thcsLevelFromCode(const QString& code);
std::optional<CommentResult> commentResultFromCode(const QString& code);

/** 0 for the best level; the Art. 9 cl. 3 adjustment counts steps with it. */
constexpr int rank(ThcsLevel v)
{
    return int(v);
}
/** One level better (Tốt stays Tốt). */
constexpr ThcsLevel oneStepUp(ThcsLevel v)
{
    return v == ThcsLevel::Good ? v : ThcsLevel(int(v) - 1);
}

} // namespace hocba

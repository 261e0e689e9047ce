// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EvaluationOutput.h"
#include "domain/Levels.h"
#include "domain/Types.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace hocba {

// The printed record's words. The record is a legal Vietnamese document, so these are fixed Vietnamese whatever
// the UI language (rules::subjectName() and friends are translated UI strings and must not be used here).

QString printedSubjectName(const QString& code);
/**
 * A subject's row as the form of `level` names it: in primary the two parts of Tin học và Công nghệ are "Tin học và
 * Công nghệ (Tin học)" and "Tin học và Công nghệ (Công nghệ)" (DOMAIN.md §3.1); a language subject with its language
 * ("Ngoại ngữ 1 (Tiếng Anh)") when `languageName` is given.
 */
QString printedSubjectName(const QString& code, SchoolLevel level, const QString& languageName = {});
QString printedTraitName(const QString& code);
QString printedGender(Gender g);
/** dd/MM/yyyy; empty for an invalid date. */
QString printedDate(QDate d);
/** Asia/Ho_Chi_Minh from the system's tz database (Debian's tzdata), or a fixed UTC+7 where it is missing. */
QTimeZone vietnamTimeZone();
/** The calendar day an instant falls on in Vietnam, whatever the machine's time zone; invalid for an invalid time. */
QDate vietnamDate(const QDateTime& instant);
/** "Hà Nội, ngày 31 tháng 05 năm 2025"; dotted blanks for an invalid date. */
QString printedDateLine(const QString& place, QDate d);
/** A typed score with a decimal comma ("7.5" → "7,5"). */
QString printedScore(const QString& typed);
/** A TT27 subject level code as printed ("T", "H", "C"). */
QString printedSubjectLevel(const QString& code);
/** A TT27 quality/competency code as printed ("T", "Đ", "C"). */
QString printedTraitLevel(const QString& code);
QString printedResult(PrimaryResult r);
QString printedAward(PrimaryAward a);
QString printedLevel(ThcsLevel l);
/** "Hoàn thành chương trình tiểu học", "(Chưa) hoàn thành chương trình lớp N"; empty while undecided. */
QString printedCompletion(const PrimaryOutcome& o, int grade);
QString printedCommentResult(CommentResult r);
QString printedPromotion(Promotion p, int grade);
QString printedAward(ThcsAward a);
/** "1a2b 3c4d …": the lookup code in groups of four, for people to type. */
QString groupedLookupCode(const QString& code);

} // namespace hocba

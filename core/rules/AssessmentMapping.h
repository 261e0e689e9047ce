// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/StudentYearInput.h"
#include "domain/Types.h"
#include "rules/LintContext.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QList>

namespace hocba::rules {

/*
 * Vocabulary of the store's flat rows (hocba::Assessment) for one year section. Values are the text as entered.
 * The section header (circular, school year, grade) lives in YearSection, not in rows.
 *
 *  subject      term    item                  seq   value
 *  <code>       ""      subject               0     ""        one per subject entry, in input order
 *  <code>       ""      assessment            0     "score" | "comment"   (TT22, when declared)
 *  <code>       ""      periods               0     "140"     (TT22 periods per year, when given)
 *  <code>       cn      level                 0     T | H | C (TT27 year-end level)
 *  <code>       cn      score                 0     "9"       (TT27 year-end test)
 *  <code>       cn      comment               0     text      (TT27 subject comment, when given, even empty)
 *  <code>       ""      language              0     "Tiếng Anh" (the language of a language subject, when given)
 *  <code>       hk1|hk2 regular               1..n  "8" | "D" (TT22; every slot, empty ones too)
 *  <code>       hk1|hk2 midterm | final       0     "7.5" | "D"
 *  <code>       hk1|hk2 comment               0     text
 *  <code>       year    retest                0     "6" | "D" (TT22 Art. 14 re-assessment)
 *  q.<code>     cn      level                 0     T | D | C (TT27 quality)
 *  c.<code>     cn      level                 0     T | D | C (TT27 competency)
 *  q.<code>     cn      comment               0     text      (TT27: the comment on a quality, when not empty)
 *  c.<code>     cn      comment               0     text      (TT27: the comment on a competency, when not empty)
 *  ""           cn      recognized_by_class   0     "1"       (only when recognised)
 *  ""           hk1|hk2 conduct               0     T | K | D | CD
 *  ""           year    absences              0     "3"
 *  ""           year    summer_conduct        0     T | K | D | CD
 *  ""           year    comment               0     text      (homeroom teacher's comment)
 *  ""           year    height | weight       0     "132,5"   (TT27 year header: cm, kg, as entered)
 *  ""           year    absences_excused      0     "2"       (TT27: days absent with leave)
 *  ""           year    absences_unexcused    0     "0"       (TT27: days absent without leave)
 *  ""           year    certificate           1..n  text      (one line per certificate)
 *  ""           year    competition           1..n  text      (one line per competition and its result)
 *
 * Empty values are not stored except where the slot matters (regular seq, comments, quality keys, retest keys),
 * so rows → input → rows and input → rows → input are identities — except a subject's teacherName, which is not an
 * input: the packet takes it from the year's assignments (lifecycle::PacketBuilder).
 */

/** The rows of one student-year, in a stable order. */
QList<Assessment> toAssessments(const StudentYearInput& input);

/** The input from rows plus the section header. Unknown rows are ignored (a later vocabulary may add some). */
StudentYearInput fromAssessments(const QList<Assessment>& rows, Circular circular, SchoolYear schoolYear, int grade);

/**
 * The evaluate command's input JSON (docs/evaluate.md). Fails with ErrorCode::InvalidInput (detail = the
 * offending field) when the shape is wrong: no circular/schoolYear/grade, a list where an object belongs, …
 * Numbers become their shortest text ("7.5"), so lint sees exactly what was written.
 */
Result<StudentYearInput> studentYearFromJson(const QJsonObject& json);
QJsonObject toJson(const StudentYearInput& input);

/** The optional "classmates" list of the evaluate JSON. */
LintContext lintContextFromJson(const QJsonObject& json);

} // namespace hocba::rules

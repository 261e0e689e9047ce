// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Finding.h"
#include "domain/Types.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** What kind of problem a review item is (WORKFLOWS.md §7 item 7). */
enum class ReviewKind {
    Lint, ///< a finding of the rules' lint that is not one of the kinds below
    MissingMark, ///< a mark (score, Đ/CĐ, conduct) not entered
    MissingLevel, ///< a level (T/H/C, T/Đ/C) not entered
    MissingComment, ///< a subject's or the homeroom teacher's comment not written
    PersonalId, ///< the personal ID: missing, malformed, or not matching the birth date or gender
    MoetCode, ///< the Ministry's pupil code (mã học sinh) missing
    Birthplace, ///< the birthplace missing or incomplete
    AugustCohort, ///< awaiting additional assessment / summer re-training: the 15/8 deadline
};

/** "lint", "missing_mark", "missing_level", "missing_comment", "personal_id", "moet_code", "birthplace", "august". */
QString toCode(ReviewKind kind);
/** The kind in a few translated words, for a column of the fix list. */
QString displayName(ReviewKind kind);

/** One thing to fix (or to know) about one pupil's year. */
struct ReviewItem
{
    Id studentId = 0;
    QString fullName; ///< shown to the teacher; never logged
    Id sectionId = 0;
    ReviewKind kind = ReviewKind::Lint;
    QString code; ///< stable machine code: a finding's code ("assessment.missing") or this module's ("moet.missing")
    QString subject; ///< a subject code ("toan"), empty when the item is not about one subject
    QString term; ///< "hk1", "hk2", "cn", "year", … ; empty when none applies
    QString where; ///< translated: "Toán, học kì II"; empty when the item is about the pupil
    Finding::Severity severity = Finding::Severity::Warning;
    QString message; ///< one translated sentence
};

/** The board sent a class back to its homeroom teacher (table class_return). */
struct ClassReturn
{
    Id id = 0;
    QString reason;
    QString returnedBy; ///< the login (or "system")
    QDateTime returnedAt; ///< UTC
    int sections = 0; ///< ready sections that went back to draft
};

/** The figures of one class that the deadline board shows. */
struct ClassReviewCounts
{
    int pupils = 0; ///< pupils of the class list with a digital year
    int marksMissing = 0; ///< marks and levels not entered (a regular assessment short counts one each)
    int commentsMissing = 0; ///< subject and homeroom comments not written
    int clean = 0; ///< pupils whose review has no error
    int draft = 0;
    int ready = 0; ///< confirmed by the homeroom teacher (approved ones included)
    int approved = 0; ///< ready and approved by the board
    int signedCount = 0; ///< signed, uploaded or locked
    int uploaded = 0; ///< submitted to the Department or locked by it
    int augustCohort = 0; ///< pupils awaiting additional assessment or summer re-training (the 15/8 deadline)
    int augustSigned = 0; ///< of those, signed, uploaded or locked

    ClassReviewCounts& operator+=(const ClassReviewCounts& o);
};

/** The check before signing ("rà soát") of one class. */
struct ClassReview
{
    ClassGroup cls;
    QString homeroomTeacher; ///< the teacher's name, empty when none is set
    ClassReviewCounts counts;
    QList<ReviewItem> items; ///< pupil by pupil in class-list order
    QList<ClassReturn> returns; ///< the board's returns of this class, newest first

    int errorCount() const;
};

struct ClassReviewOptions
{
    SchoolYear year;
    std::optional<QString> className; ///< one class, or every class of the year
};

/**
 * The check before signing, per class: every finding of the checks before signing (lintSchool: the rules' lint and
 * the personal ID check), classified, plus what lint does not report — comments not written, the Ministry's pupil
 * code, the birthplace — and the pupils of the August cohort; with the counts the deadline board shows. Never changes
 * data. Paper-history years are not reviewed.
 */
Result<QList<ClassReview>> reviewClasses(store::Database& db, const ClassReviewOptions& options);
/** One class by name; NotFound when the year has no such class. */
Result<ClassReview> reviewClass(store::Database& db, SchoolYear year, const QString& className);

/**
 * The printable fix list for the homeroom teacher as HTML: the school, class, year and `date` (dd/MM/yyyy) in the
 * title, the board's returns with their reasons, and the items pupil by pupil.
 */
QString fixListHtml(const ClassReview& review, const QString& schoolName, QDate date);
/** The same as an A4 PDF in the print font. */
Status writeFixListPdf(const ClassReview& review, const QString& schoolName, QDate date, const QString& path);

} // namespace hocba::lifecycle

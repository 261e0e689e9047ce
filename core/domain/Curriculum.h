// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hocba {

/** TT22 Art. 5 cl. 3: a subject is assessed by comment only, or by comment and score. */
enum class AssessmentForm { Score, Comment };

/** One subject or educational activity of a grade (CTGDPT 2018, TT 32/2018; DOMAIN.md §1.1 and §2.1). */
struct CurriculumSubject
{
    QString code; ///< "toan", "tieng_viet", …
    bool required = true; ///< false: elective (Tiếng dân tộc, Ngoại ngữ 2; Ngoại ngữ 1 in grades 1–2)
    bool yearEndTest = false; ///< TT27 Art. 7: the subject has a year-end periodic test in this grade
    AssessmentForm form = AssessmentForm::Score; ///< TT22 only
    std::optional<int> periodsPerYear; ///< TT22 score subjects: the default school plan
};

/** The subjects of a grade (1–9) in record order; empty for any other grade. */
const QList<CurriculumSubject>& curriculumOfGrade(int grade);

/** The subject entry of a grade, or nullptr when the grade does not have it. */
const CurriculumSubject* findSubject(int grade, const QString& code);

/**
 * Primary "Tin học và Công nghệ" (grades 3–5) is recorded as two subjects, tin_hoc and cong_nghe, each with its row,
 * level and year-end test (DOMAIN.md §3.1). Data entered before that split carry one subject of this code instead.
 */
inline constexpr char kMergedInformaticsTechnology[] = "tin_hoc_cong_nghe";

/** True for a grade 3–5 student-year entered with the merged subject and neither of its two parts. */
bool usesMergedInformaticsTechnology(int grade, const QStringList& enteredCodes);

/**
 * The subjects of a grade for a student-year with these subject codes: curriculumOfGrade, except that data made
 * before the split of Tin học và Công nghệ (usesMergedInformaticsTechnology) keep the merged subject in the place of
 * the two, so they read, evaluate and print as they did.
 */
const QList<CurriculumSubject>& curriculumFor(int grade, const QStringList& enteredCodes);
/** findSubject over curriculumFor. */
const CurriculumSubject* findSubjectFor(int grade, const QString& code, const QStringList& enteredCodes);

/** The 5 qualities (phẩm chất) in record order: yeu_nuoc, nhan_ai, cham_chi, trung_thuc, trach_nhiem. */
const QList<QString>& primaryQualities();
/** The 3 general and 7 specific competencies (năng lực) in record order. */
const QList<QString>& primaryCompetencies();
/**
 * A quality's or competency's name as the Ministry's forms print it and schools head their columns ("Giải quyết vấn
 * đề và sáng tạo" for giai_quyet_van_de); the code itself for an unknown one.
 */
QString traitName(const QString& code);

} // namespace hocba

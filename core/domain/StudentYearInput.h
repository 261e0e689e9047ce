// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace hocba {

/**
 * The assessments of one TT22 semester of one subject, as typed. Values stay text so that lint can report what
 * the teacher actually entered ("8,25", "11", "X"); an empty text is a value not given.
 */
struct SemesterEntries
{
    QStringList regular; ///< ĐĐGtx in order; a score ("8") or, for comment subjects, "D"/"CD"
    QString midterm; ///< ĐĐGgk
    QString final; ///< ĐĐGck
    std::optional<QString> comment; ///< the teacher's comment, when one was given (possibly empty)
    friend bool operator==(const SemesterEntries&, const SemesterEntries&) = default;
};

/** One subject of a student-year. TT27 uses level/score/comment; TT22 uses assessment/periods/hk1/hk2. */
struct SubjectEntry
{
    QString code;
    // TT27
    QString level; ///< T/H/C at year end
    QString score; ///< year-end test score
    std::optional<QString> comment;
    /** The language of a foreign-language or ethnic-language subject ("Tiếng Anh"); printed after the subject's
     * name. Empty: not given (packet 1.0). */
    QString languageName;
    /** THCS: the subject teacher of the year, printed on the subject's row beside the comment. Empty: not given. */
    QString teacherName;
    // TT22
    QString assessment; ///< "score" | "comment" | "" (take the curriculum's form)
    std::optional<int> periodsPerYear; ///< overrides the curriculum default
    SemesterEntries hk1;
    SemesterEntries hk2;
    friend bool operator==(const SubjectEntry&, const SubjectEntry&) = default;
};

/** Everything the rules need about one student in one school year (the evaluate JSON, the store's rows). */
struct StudentYearInput
{
    Circular circular = Circular::TT27;
    SchoolYear schoolYear;
    int grade = 0;
    QList<SubjectEntry> subjects;

    // TT27
    QMap<QString, QString> qualities; ///< code → T/D/C
    QMap<QString, QString> competencies; ///< code → T/D/C
    bool recognizedByClass = false; ///< the class collective's recognition for "Học sinh tiêu biểu"
    QMap<QString, QString> qualityComments; ///< code → the teacher's comment on that quality
    QMap<QString, QString> competencyComments; ///< code → the teacher's comment on that competency
    QString heightCm; ///< the year page's header (text as entered, decimal comma or dot; empty = not given)
    QString weightKg;
    QString absencesExcused; ///< days absent with leave (có phép), TT27 header; text as entered
    QString absencesUnexcused; ///< days absent without leave (không phép)

    // TT22
    QString conductHk1; ///< T/K/D/CD
    QString conductHk2;
    QString absences; ///< days absent in the year (text as entered; empty = not given)
    QString summerConduct; ///< re-evaluated conduct after summer training (Art. 13); empty = none
    QMap<QString, QString> retests; ///< subject → re-assessment result (Art. 14): a score or D/CD

    std::optional<QString> comment; ///< the homeroom teacher's comment for the year

    // Both circulars: one line each as printed ("Chứng chỉ tiếng Anh A2, 05/2024"); empty list = none
    QStringList certificates; ///< chứng chỉ
    QStringList competitions; ///< cuộc thi, with the result

    /** The codes of `subjects`, in order. */
    QStringList subjectCodes() const
    {
        QStringList codes;
        for (const SubjectEntry& s : subjects)
            codes << s.code;
        return codes;
    }

    friend bool operator==(const StudentYearInput&, const StudentYearInput&) = default;
};

} // namespace hocba

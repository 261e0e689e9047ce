// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EvaluationOutput.h"
#include "domain/Finding.h"
#include "domain/StudentYearInput.h"
#include "domain/Types.h"
#include "util/Error.h"

#include <QList>

#include <functional>
#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** What the checks before signing found for one student's year. */
struct StudentLint
{
    Id studentId = 0;
    QString fullName;
    Id sectionId = 0;
    Findings findings;
};

struct ClassLint
{
    ClassGroup cls;
    QList<StudentLint> students; ///< every student of the class, in class-list order (clean ones too)
};

struct SchoolLintOptions
{
    SchoolYear year;
    std::optional<QString> className; ///< one class, or the whole school
    /** Called after each class; return false to stop (the classes done so far are returned). */
    std::function<bool(int done, int total)> progress;
};

/**
 * The checks before signing for a class or the whole school: the rules' lint of each student's year (with the
 * class list, so a comment naming a classmate is found) and the personal ID check. Never changes data.
 * Paper-history years are not linted (they are never signed).
 */
Result<QList<ClassLint>> lintSchool(store::Database& db, const SchoolLintOptions& options);

/**
 * What lintSchool finds for one student's year: the personal ID check, then the rules' lint of `input` with the
 * other students of the class (`classmates`, the student's own name left out).
 */
Findings lintStudent(const Student& student, const StudentYearInput& input, const QStringList& classmates);
/** The same from an evaluation already made (rules::evaluate of the input with the classmates). */
Findings lintStudent(const Student& student, const Result<EvaluationOutput>& evaluation);

} // namespace hocba::lifecycle

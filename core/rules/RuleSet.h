// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EvaluationOutput.h"
#include "domain/StudentYearInput.h"
#include "domain/Types.h"
#include "rules/LintContext.h"
#include "util/Error.h"

#include <QList>
#include <QString>

namespace hocba::rules {

/**
 * One version of the rules of a circular. An amendment becomes a new RuleSet with its own id and first school
 * year; the old one keeps evaluating the years before it, so signed records can always be recomputed.
 */
struct RuleSet
{
    QString id; ///< "TT27/2020@v1", "TT22/2021@v1"
    Circular circular = Circular::TT27;
    int firstGrade = 0;
    int lastGrade = 0;
    /** The school year (start year) from which the circular governs `firstGrade`; one grade more each year. */
    int roadmapStartYear = 0;
    /** The first school year this version applies to (an amendment's effective year). */
    int firstStartYear = 0;
    EvaluationOutput (*evaluate)(const StudentYearInput&, const LintContext&) = nullptr;

    /** The first school year (start year) in which `grade` is assessed under this circular. */
    int firstYearOfGrade(int grade) const { return roadmapStartYear + (grade - firstGrade); }
};

/** Every rule set, oldest version first. */
const QList<RuleSet>& allRuleSets();

/**
 * The rule set for a student-year, or ErrorCode::Unsupported with a Vietnamese message when the circular does
 * not cover it: a grade outside 1–9, a circular of the other level, or a year before the circular's roadmap
 * reached the grade (TT27: grade 1 from 2020-2021 … grade 5 from 2024-2025; TT22: grade 6 from 2021-2022 …
 * grade 9 from 2024-2025). Later years use the newest version in force.
 */
Result<const RuleSet*> lookupRuleSet(SchoolYear schoolYear, int grade, Circular circular);

} // namespace hocba::rules

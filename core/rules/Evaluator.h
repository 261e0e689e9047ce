// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EvaluationOutput.h"
#include "domain/StudentYearInput.h"
#include "rules/LintContext.h"
#include "util/Error.h"

namespace hocba::rules {

/**
 * Evaluates one student-year with the rule set that governs it (pure: same input, same output). Fails only with
 * ErrorCode::Unsupported for a year/grade/circular the rules do not cover; problems in the data come back as
 * findings, with no result for whatever depends on them.
 */
Result<EvaluationOutput> evaluate(const StudentYearInput& input, const LintContext& context = {});

/** The checks before signing: evaluate()'s findings (an uncovered year/grade is one error finding). */
Findings lintStudentYear(const StudentYearInput& input, const LintContext& context = {});

} // namespace hocba::rules

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EvaluationOutput.h"
#include "domain/StudentYearInput.h"
#include "rules/LintContext.h"

namespace hocba::rules {

/**
 * TT27/2020 version 1: reads a primary student-year, reports what is missing or wrong, and computes the year
 * result, completion and award from complete inputs only. The caller has checked the year/grade is covered.
 */
EvaluationOutput evaluateTt27v1(const StudentYearInput& input, const LintContext& context);

} // namespace hocba::rules

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EvaluationOutput.h"
#include "domain/StudentYearInput.h"
#include "rules/LintContext.h"

namespace hocba::rules {

/**
 * TT22/2021 version 1: reads a THCS student-year, reports what is missing or wrong, and computes averages,
 * learning and conduct levels, promotion and awards from complete inputs only. The caller has checked the
 * year/grade is covered.
 */
EvaluationOutput evaluateTt22v1(const StudentYearInput& input, const LintContext& context);

} // namespace hocba::rules

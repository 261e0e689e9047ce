// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/Evaluator.h"

#include "rules/RuleSet.h"

namespace hocba::rules {

Result<EvaluationOutput> evaluate(const StudentYearInput& input, const LintContext& context)
{
    const auto ruleSet = lookupRuleSet(input.schoolYear, input.grade, input.circular);
    if (!ruleSet)
        return std::unexpected(ruleSet.error());
    EvaluationOutput out = (*ruleSet)->evaluate(input, context);
    out.ruleSetId = (*ruleSet)->id;
    return out;
}

Findings lintStudentYear(const StudentYearInput& input, const LintContext& context)
{
    const auto out = evaluate(input, context);
    if (!out)
        return {Finding {Finding::Severity::Error, QStringLiteral("rules.unsupported"), QStringLiteral("grade"),
                         out.error().message}};
    return out->findings;
}

} // namespace hocba::rules

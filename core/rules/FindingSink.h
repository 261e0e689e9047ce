// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Decimal.h"
#include "domain/Finding.h"
#include "domain/Levels.h"
#include "domain/StudentYearInput.h"
#include "rules/LintContext.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace hocba::rules {

/**
 * Collects what the evaluators notice while they read an input: findings for the user and the ids of the rules
 * that fired. The readers return an empty optional (and record why) instead of guessing a value.
 */
class FindingSink
{
public:
    void error(const QString& code, const QString& field, const QString& message);
    void warning(const QString& code, const QString& field, const QString& message);
    /** Records a rule id once, in firing order. */
    void fired(const QString& ruleId);

    /** A TT22 score (0–10, one decimal). `place` names it for the user, e.g. "Toán, học kì I, …". */
    std::optional<Tenths> readScore(const QString& text, const QString& field, const QString& place);
    std::optional<CommentResult> readCommentResult(const QString& text, const QString& field, const QString& place);
    std::optional<ThcsLevel> readThcsLevel(const QString& text, const QString& field, const QString& place);
    std::optional<SubjectLevel> readSubjectLevel(const QString& text, const QString& field, const QString& place);
    std::optional<TraitLevel> readTraitLevel(const QString& text, const QString& field, const QString& place);
    /** TT27 periodic test: a whole number 0–10; 0 is accepted with a warning (DOMAIN.md §1.3). */
    std::optional<int> readPrimaryTestScore(const QString& text, const QString& field, const QString& place);

    /**
     * Required subjects missing, subjects the grade does not have, duplicates. Returns the usable entries by code
     * (the first of duplicates).
     */
    QHash<QString, const SubjectEntry*> lintSubjectSet(const StudentYearInput& input);

    /** Empty comments and comments that name a classmate, for every comment of the input. */
    void lintComments(const StudentYearInput& input, const LintContext& context);

    Findings findings;
    QStringList rulesApplied;

private:
    void missing(const QString& field, const QString& place);
    void invalidLevel(const QString& text, const QString& field, const QString& place, const QString& allowed);
};

} // namespace hocba::rules

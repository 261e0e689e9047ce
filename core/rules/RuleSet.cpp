// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/RuleSet.h"

#include "rules/RulesText.h"
#include "rules/Tt22Evaluator.h"
#include "rules/Tt27Evaluator.h"

namespace hocba::rules {

const QList<RuleSet>& allRuleSets()
{
    static const QList<RuleSet> sets {
        RuleSet {QStringLiteral("TT27/2020@v1"), Circular::TT27, 1, 5, 2020, 2020, &evaluateTt27v1},
        RuleSet {QStringLiteral("TT22/2021@v1"), Circular::TT22, 6, 9, 2021, 2021, &evaluateTt22v1},
    };
    return sets;
}

Result<const RuleSet*> lookupRuleSet(SchoolYear schoolYear, int grade, Circular circular)
{
    const QString circularName = toCode(circular);
    if (grade < 1 || grade > 9)
        return fail(ErrorCode::Unsupported, RulesText::tr("Grade %1 does not exist; grades are 1 to 9.").arg(grade));
    const RuleSet* newest = nullptr;
    const RuleSet* ofCircular = nullptr;
    for (const RuleSet& set : allRuleSets()) {
        if (set.circular != circular)
            continue;
        ofCircular = &set;
        if (grade >= set.firstGrade && grade <= set.lastGrade && schoolYear.startYear >= set.firstStartYear
            && schoolYear.startYear >= set.firstYearOfGrade(grade))
            newest = &set;
    }
    if (newest)
        return newest;
    if (!ofCircular || grade < ofCircular->firstGrade || grade > ofCircular->lastGrade)
        return fail(ErrorCode::Unsupported,
                    RulesText::tr("Circular %1 does not apply to grade %2.").arg(circularName).arg(grade),
                    QStringLiteral("circular/grade mismatch"));
    return fail(ErrorCode::Unsupported,
                RulesText::tr("Circular %1 does not apply to grade %2 in school year %3; it applies to this grade "
                              "from school year %4. Earlier years follow older rules that this program does not "
                              "cover.")
                    .arg(circularName)
                    .arg(grade)
                    .arg(schoolYear.toString(), SchoolYear {ofCircular->firstYearOfGrade(grade)}.toString()),
                QStringLiteral("year before roadmap"));
}

} // namespace hocba::rules

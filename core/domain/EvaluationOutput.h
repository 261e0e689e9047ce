// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Decimal.h"
#include "domain/Finding.h"
#include "domain/Levels.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hocba {

/** TT27 outputs; every field is empty when an input it depends on is missing or invalid. */
struct PrimaryOutcome
{
    std::optional<PrimaryResult> result;
    std::optional<bool> completedGrade; ///< hoàn thành chương trình lớp học
    std::optional<bool> completedPrimary; ///< grade 5 only: hoàn thành chương trình tiểu học
    std::optional<bool> awaitingAdditionalAssessment; ///< CHT: đánh giá bổ sung over the summer
    std::optional<PrimaryAward> award;
};

/** TT22 per-subject outputs. A score subject fills the *Average fields, a comment subject the *Result ones. */
struct ThcsSubjectOutcome
{
    QString code;
    bool scoreSubject = true;
    std::optional<Tenths> hk1Average;
    std::optional<Tenths> hk2Average;
    std::optional<Tenths> yearAverage;
    std::optional<CommentResult> hk1Result;
    std::optional<CommentResult> hk2Result;
    std::optional<CommentResult> yearResult;
    bool retestRequired = false;
    std::optional<Tenths> retestScore; ///< Art. 14: replaces yearAverage for the re-evaluation
    std::optional<CommentResult> retestResult; ///< Art. 14: replaces yearResult
};

struct ThcsOutcome
{
    QList<ThcsSubjectOutcome> subjects;
    std::optional<ThcsLevel> learningHk1;
    std::optional<ThcsLevel> learningHk2;
    std::optional<ThcsLevel> learningYear;
    std::optional<ThcsLevel> learningAfterRetest;
    std::optional<ThcsLevel> conductHk1;
    std::optional<ThcsLevel> conductHk2;
    std::optional<ThcsLevel> conductYear;
    std::optional<ThcsLevel> conductAfterSummer;
    std::optional<Promotion> promotion;
    std::optional<ThcsAward> award;
};

/** The result of evaluating one student-year: the computed values, which rules fired, and lint's findings. */
struct EvaluationOutput
{
    QString ruleSetId; ///< e.g. "TT22/2021@v1"
    bool primary = true;
    PrimaryOutcome primaryOutcome;
    ThcsOutcome thcsOutcome;
    QStringList rulesApplied; ///< stable ids, in the order the rules fired
    Findings findings;
};

/** The evaluate command's JSON (docs/evaluate.md). Averages are written as exact one-decimal numbers. */
QJsonObject toJson(const EvaluationOutput& output);
QJsonObject toJson(const Finding& finding);

} // namespace hocba

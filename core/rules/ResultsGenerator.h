// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/StudentYearInput.h"
#include "domain/Types.h"

#include <QList>

#include <optional>

namespace hocba::rules {

/** A realistic mistake to put into generated data, so lint has something to find in the demo school. */
enum class GeneratedDefect {
    None,
    MissingRegularScore, ///< THCS: one ĐĐGtx fewer than required; primary: a missing year-end test score
    OutOfRangeScore, ///< a score of 11
    EmptyComment, ///< a subject comment given as empty
};

struct GeneratorOptions
{
    int grade = 1;
    SchoolYear schoolYear {2024};
    quint64 seed = 1;
    /** 0 (weak) … 1 (excellent); drawn from the seed when not given. */
    std::optional<double> ability;
    GeneratedDefect defect = GeneratedDefect::None;
    /** Primary only: a student who ends the year "Chưa hoàn thành" (awaiting additional assessment). */
    bool primaryNotCompleted = false;
};

/**
 * Complete, plausible assessment data for one student-year, a pure function of the options: the same options
 * give the same data on every platform (std::mt19937_64 raw outputs with our own mapping to ranges, never
 * std::uniform_*_distribution, whose output differs between standard libraries).
 * Without a defect the data passes lint without errors; a primary student is never CHT unless asked.
 */
class ResultsGenerator
{
public:
    static StudentYearInput generateInput(const GeneratorOptions& options);
    /** generateInput() as the store's rows (AssessmentMapping vocabulary). */
    static QList<Assessment> generate(const GeneratorOptions& options);
    /** The bank of short teacher comments the generator draws from. */
    static const QStringList& commentBank();
};

} // namespace hocba::rules

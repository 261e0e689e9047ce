// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QString>

#include <functional>

namespace hocba::demo {

struct DemoOptions
{
    enum class Levels { Primary, Thcs, Both };
    Levels levels = Levels::Both;
    int students = 800;
    quint64 seed = 1;
    /** The year whose results are complete and in draft; earlier years are paper history. */
    SchoolYear year = SchoolYear::latestEnded(QDate::currentDate());
    /** Called with (done, total) as students are written; return false to cancel (nothing is kept). */
    std::function<bool(int, int)> progress;
};

/** What was made, for the CLI and tests. */
struct DemoReport
{
    int students = 0;
    int classes = 0;
    int teachers = 0;
    int sections = 0;
    int paperSections = 0;
    int assessments = 0;
    int personalIdFindings = 0; ///< students whose ID number fails its check (deliberately, as real data has)
    int awaitingAdditionalAssessment = 0;
    int withDefects = 0; ///< students given a missing or impossible input, for lint to find
};

/**
 * Creates a realistic demo school in a new data file at `path` (refused if the file exists): a school named as a
 * demo, classes 1A1…5A4 / 6A1…9A5 for the chosen year and the years before it, teachers, and students with
 * Vietnamese names, birth dates that fit their grade and ID numbers consistent with birth year and gender (a few
 * deliberately wrong). The chosen year's results are complete and in draft; earlier years are study history kept
 * on paper (never signed). The same options give the same school. All in one transaction: a cancelled or failed
 * run leaves no file behind.
 */
Result<DemoReport> createDemoSchool(const QString& path, const DemoOptions& options);

} // namespace hocba::demo

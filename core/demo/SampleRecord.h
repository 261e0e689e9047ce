// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/RecordRenderer.h"

#include <QtGlobal>

namespace hocba::demo {

/** Knobs of a generated record for tests, the bench and the demo. */
struct SampleRecordOptions
{
    SchoolLevel level = SchoolLevel::Primary;
    quint64 seed = 1;
    int years = 0; ///< 0: the whole book (5 primary, 4 THCS)
    bool draft = false;
};

/**
 * A realistic record without a database: PeopleGenerator's student, ResultsGenerator's inputs for each year of one
 * cohort (grade 1 in 2020-2021, grade 6 in 2021-2022, so every year falls under TT27/TT22) and evaluate()'s results.
 * The packet digests are SHA-256 of a seed-derived text (the real ones come from the packet XML writer).
 */
render::RenderInput sampleRecord(const SampleRecordOptions& options);

} // namespace hocba::demo

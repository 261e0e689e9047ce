// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EvaluationOutput.h"
#include "domain/Types.h"
#include "util/Error.h"

#include <QMap>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** Results as the cache keeps them: the evaluate JSON flattened to dotted keys (see ResultsCache::results). */
QMap<QString, QString> flattenResults(const EvaluationOutput& output);

/**
 * Results the rules compute from a year section's inputs, cached in the store (table computed_result). The cache is
 * derived, never edited by hand: triggers mark a section stale whenever one of its inputs changes, and these
 * functions recompute what is stale. Years the circulars do not cover keep an empty cache.
 */
class ResultsCache
{
public:
    explicit ResultsCache(store::Database& db);

    /** Evaluates the section's inputs and replaces its cached results (in one transaction). */
    Result<EvaluationOutput> recompute(Id sectionId);

    /** Recomputes every stale draft/ready section (all of them when `year` is not given); returns how many. */
    Result<int> refreshStale(std::optional<SchoolYear> year = std::nullopt);

    /** The cached results of a section as key → value (null value: could not be computed). Stale ones are
     * recomputed first. Keys are the evaluate JSON flattened with dots: "result", "year.learning",
     * "subjects.toan.year", … (docs/evaluate.md). */
    Result<QMap<QString, QString>> results(Id sectionId);

    /** The same values as `results`, but a stale section is evaluated in memory and nothing is written (previews). */
    Result<QMap<QString, QString>> current(Id sectionId);

    /** The cached results as they are stored, stale or not (what the school file check compares). */
    Result<QMap<QString, QString>> stored(Id sectionId);

    /** Whether the section's cache is stale (an input changed since it was computed). */
    Result<bool> isStale(Id sectionId);

private:
    store::Database& m_db;
};

} // namespace hocba::lifecycle

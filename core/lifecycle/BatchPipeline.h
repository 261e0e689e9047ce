// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SectionSigner.h"
#include "store/BatchJournal.h"
#include "util/CancellationToken.h"
#include "util/Error.h"

#include <QElapsedTimer>
#include <QList>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** One run of a batch through the pipeline: what it signs, where outcomes go, who hears of progress. */
struct PipelineRun
{
    const QList<store::JournalItem>& items; ///< in journal order
    store::BatchJournal& journal; ///< each item's outcome is recorded under report.batchId
    BatchReport& report; ///< batchId in; the items, `cancelled` and `stoppedBy` out
    ProgressSink& sink;
    const CancellationToken& cancel;
    const QElapsedTimer& clock; ///< started with the job: progress rates count from there
};

/**
 * The worker stages of a batch (docs/signing.md §2). The thread that calls run() owns the database connection and
 * the token session: it makes every token call (TokenRelay) and reports progress. A database helper reads each
 * section and signs its packet, and later stores it, one section at a time and in journal order; workers render and
 * sign the PDFs meanwhile. A cancel or a token error stops new sections from starting; those already started are
 * finished but not stored (they stay pending), so the batch stops right after the last section it reported.
 */
class BatchPipeline
{
public:
    BatchPipeline(store::Database& db, signing::Signer& signer, const SectionSignOptions& options, int workers);

    /**
     * Signs, skips or fails each item of `run`, records that in the journal and the report, and reports progress.
     * An error is the journal failing to record an outcome: the sections in flight are finished, no other signed
     * section is stored, and the rest stays pending.
     */
    Status run(const PipelineRun& run);

    /** Timings of the sections signed by the last run, summed. */
    const SectionSignTimings& timings() const { return m_timings; }

private:
    class Run;

    store::Database& m_db;
    signing::Signer& m_signer;
    const SectionSignOptions m_options;
    int m_workers = 0;
    SectionSignTimings m_timings;
};

} // namespace hocba::lifecycle

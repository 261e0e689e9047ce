// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/BatchPipeline.h"

#include "lifecycle/TokenRelay.h"
#include "verify/SignatureReport.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <deque>
#include <memory>

namespace hocba::lifecycle {

namespace {

/** One section on its way through the pipeline. Fields are written by one side and read after `done`. */
struct Slot
{
    store::JournalItem item;
    std::optional<SectionSignOutcome> outcome; ///< skipped at prepare time
    Result<SignedSection> result = std::unexpected(Error {});
    bool done = false; ///< guarded by the relay's mutex
};

int workerCount(int wanted)
{
    if (wanted > 0)
        return wanted;
    // Rendering is the long part and goes wide; this thread and the database helper mostly wait.
    return std::clamp(QThread::idealThreadCount(), 1, 8);
}

void addTimings(SectionSignTimings& sum, const SectionSignTimings& t)
{
    sum.buildNs += t.buildNs;
    sum.xmlSignNs += t.xmlSignNs;
    sum.renderNs += t.renderNs;
    sum.pdfSignNs += t.pdfSignNs;
    sum.storeNs += t.storeNs;
    sum.tokenNs += t.tokenNs;
    sum.totalNs += t.totalNs;
}

} // namespace

/** The state of one run: the threads, the sections in flight, and whether the batch is stopping. */
class BatchPipeline::Run
{
public:
    Run(BatchPipeline& pipeline, const PipelineRun& run);
    Status execute();

private:
    void onDatabaseThread(const std::function<void()>& work);
    void startNext();
    std::shared_ptr<Slot> start(const store::JournalItem& item);
    void stopOnCancel();
    Result<SectionSignOutcome> settle(const Slot& slot);
    BatchItemResult account(const store::JournalItem& item, const Result<SectionSignOutcome>& outcome);
    void stop(const Error& why);
    void recordOrFail(const store::JournalItem& item, store::JournalItemState state, const QString& reason);
    void reportProgress(const BatchItemResult& result);

    BatchPipeline& m_pipeline;
    const PipelineRun& m_run;
    // This thread owns the database connection and the token session, so it makes every token call and lends the
    // connection to the database helper; workers build the signatures and render the PDFs meanwhile. Declared in
    // this order so the workers are gone before the relay they call.
    SectionSigner m_signer;
    TokenRelay m_relay;
    QThreadPool m_databaseThread;
    QThreadPool m_pool;
    std::size_t m_depth = 0; ///< sections prepared ahead: one more than workers, so none waits for it
    std::deque<std::shared_ptr<Slot>> m_inFlight;
    int m_next = 0;
    int m_done = 0;
    // A token error or a cancel: nothing new starts, and sections still in the pipeline are not stored (they stay
    // pending), so the batch stops right after the last section it reported.
    bool m_stopping = false;
    std::optional<Error> m_fatal; ///< the journal failed: finish what runs, then report it
};

BatchPipeline::BatchPipeline(store::Database& db, signing::Signer& signer, const SectionSignOptions& options,
                             int workers)
    : m_db(db)
    , m_signer(signer)
    , m_options(options)
    , m_workers(workers)
{ }

Status BatchPipeline::run(const PipelineRun& run)
{
    m_timings = {};
    Run pipeline(*this, run);
    return pipeline.execute();
}

BatchPipeline::Run::Run(BatchPipeline& pipeline, const PipelineRun& run)
    : m_pipeline(pipeline)
    , m_run(run)
    , m_signer(pipeline.m_db, pipeline.m_signer, pipeline.m_options)
    , m_relay(pipeline.m_signer)
{
    m_databaseThread.setMaxThreadCount(1);
    m_pool.setMaxThreadCount(workerCount(pipeline.m_workers));
    // Rendering fills every core; below normal priority it leaves the window (and the token) responsive.
    m_pool.setThreadPriority(QThread::LowPriority);
    m_depth = std::size_t(m_pool.maxThreadCount()) + 1;
}

Status BatchPipeline::Run::execute()
{
    startNext();
    while (!m_inFlight.empty()) {
        std::shared_ptr<Slot> slot = m_inFlight.front();
        m_inFlight.pop_front();
        stopOnCancel();
        m_relay.serveUntil([&] { return slot->done; });
        if (m_stopping)
            continue;
        startNext(); // keep the workers busy while this one is stored
        if (m_fatal && !slot->outcome && slot->result)
            continue; // the journal is failing: the item stays pending
        reportProgress(account(slot->item, settle(*slot)));
    }
    m_pool.waitForDone();
    // The workers' token time includes waiting for this thread; what the token itself took is the relay's figure.
    SectionSignTimings& timings = m_pipeline.m_timings;
    timings.tokenWaitNs = std::max<qint64>(0, timings.tokenNs - m_relay.tokenNs());
    timings.tokenNs = m_relay.tokenNs();
    return m_fatal ? Status(std::unexpected(*m_fatal)) : Status {};
}

void BatchPipeline::Run::onDatabaseThread(const std::function<void()>& work)
{
    // Reading and storing run on a helper thread while this one answers the workers' token calls at once (a worker
    // waiting for its token call is a worker not rendering). The connection is still used by one thread at a time,
    // which SQLite's multi-thread mode allows: this thread does not touch it until the helper is done.
    bool finished = false;
    m_databaseThread.start([&] {
        work();
        m_relay.finished([&] { finished = true; });
    });
    m_relay.serveUntil([&] { return finished; });
}

void BatchPipeline::Run::startNext()
{
    while (!m_stopping && !m_fatal && m_inFlight.size() < m_depth && m_next < int(m_run.items.size()))
        m_inFlight.push_back(start(m_run.items.at(m_next++)));
}

std::shared_ptr<Slot> BatchPipeline::Run::start(const store::JournalItem& item)
{
    auto slot = std::make_shared<Slot>();
    slot->item = item;
    // Read and build, then this signer's XMLDSig, on the database thread: the worker then has rendering and the PDF
    // signature left, and never waits for the packet.
    std::optional<Result<SignedSection>> signedPacket;
    onDatabaseThread([&] {
        auto prepared = m_signer.prepare(item.sectionId);
        if (!prepared)
            signedPacket.emplace(std::unexpected(prepared.error()));
        else if (auto* skip = std::get_if<SectionSignOutcome>(&*prepared))
            slot->outcome = *skip;
        else
            signedPacket.emplace(SectionSigner::signPacket(std::get<PreparedSection>(std::move(*prepared)), m_relay,
                                                           m_pipeline.m_options));
    });
    if (slot->outcome || !*signedPacket) {
        if (signedPacket)
            slot->result = std::move(*signedPacket);
        slot->done = true;
        return slot;
    }
    slot->result = std::move(*signedPacket);
    m_pool.start([slot, &relay = m_relay, options = m_pipeline.m_options]() {
        auto finished = SectionSigner::finishDocument(*slot->result, relay, options);
        relay.finished([&] {
            if (!finished)
                slot->result = std::unexpected(finished.error());
            slot->done = true;
        });
    });
    return slot;
}

void BatchPipeline::Run::stopOnCancel()
{
    if (m_stopping || !m_run.cancel.isCancelled())
        return;
    m_run.report.cancelled = true;
    m_stopping = true;
    m_relay.refuse(Error {ErrorCode::Cancelled, QString(), QStringLiteral("batch cancelled")});
}

Result<SectionSignOutcome> BatchPipeline::Run::settle(const Slot& slot)
{
    if (slot.outcome)
        return *slot.outcome;
    if (!slot.result)
        return std::unexpected(slot.result.error());
    // The section and its journal entry commit together.
    std::optional<Result<SectionSignOutcome>> stored;
    onDatabaseThread([&] {
        stored.emplace(m_signer.store(*slot.result, [&]() -> Status {
            return m_run.journal.record(m_run.report.batchId, slot.item.seq, store::JournalItemState::Signed);
        }));
    });
    return std::move(*stored);
}

BatchItemResult BatchPipeline::Run::account(const store::JournalItem& item, const Result<SectionSignOutcome>& outcome)
{
    BatchReport& report = m_run.report;
    BatchItemResult result;
    result.sectionId = item.sectionId;
    if (!outcome) {
        result.kind = BatchItemResult::Kind::Failed;
        result.reason = describe(outcome.error());
        report.failed << result;
        // A token error leaves the item pending: it is retried when the same token is back. Sections already in
        // the workers hit the same error, and stay pending too.
        if (isTokenError(outcome.error()) || isTimestampError(outcome.error()))
            stop(outcome.error());
        else
            recordOrFail(item, store::JournalItemState::Failed, outcome.error().detail);
        return result;
    }
    result.studentId = outcome->studentId;
    result.lookupCode = outcome->lookupCode;
    if (outcome->kind == SectionSignOutcome::Kind::Signed) {
        result.kind = BatchItemResult::Kind::Signed;
        result.completed = outcome->completed;
        report.signedItems << result;
        addTimings(m_pipeline.m_timings, outcome->timings);
    } else {
        result.kind = BatchItemResult::Kind::Skipped;
        result.reason = outcome->reason;
        recordOrFail(item, store::JournalItemState::Skipped, outcome->reasonTag);
        report.skipped << result;
    }
    return result;
}

void BatchPipeline::Run::stop(const Error& why)
{
    m_run.report.stoppedBy = why;
    m_stopping = true;
    m_relay.refuse(why);
}

void BatchPipeline::Run::recordOrFail(const store::JournalItem& item, store::JournalItemState state,
                                      const QString& reason)
{
    if (auto s = m_run.journal.record(m_run.report.batchId, item.seq, state, reason); !s)
        m_fatal = s.error();
}

void BatchPipeline::Run::reportProgress(const BatchItemResult& result)
{
    ++m_done;
    const int total = int(m_run.items.size());
    const double secs = double(m_run.clock.nsecsElapsed()) / 1e9;
    BatchProgress p;
    p.done = m_done;
    p.total = total;
    p.studentId = result.studentId;
    p.perSecond = secs > 0 ? m_done / secs : 0;
    p.secondsLeft = p.perSecond > 0 ? (total - m_done) / p.perSecond : 0;
    m_run.sink.itemFinished(result, p);
}

} // namespace hocba::lifecycle

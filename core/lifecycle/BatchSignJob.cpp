// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/BatchSignJob.h"

#include "lifecycle/AuditCheckpoints.h"
#include "verify/SignatureReport.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "util/Digest.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QWaitCondition>

#include <algorithm>
#include <deque>
#include <memory>

namespace hocba::lifecycle {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

struct Item
{
    int seq = 0;
    Id sectionId = 0;
};

Result<QList<Item>> pendingItems(store::Database& db, qint64 batchId)
{
    // Failed items are tried again: a failure may have been passing (disk full, a render error fixed since).
    auto st = db.prepare(QStringLiteral("SELECT seq, section_id FROM sign_batch_item WHERE batch_id = ?1 "
                                        "AND state IN ('pending', 'failed') ORDER BY seq"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, batchId);
    QList<Item> items;
    while (true) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        items << Item {int(st->int64(0)), st->int64(1)};
    }
    return items;
}

Status setItem(store::Database& db, qint64 batchId, int seq, const QString& state, const QString& reason)
{
    auto st = db.cached(
        QStringLiteral("UPDATE sign_batch_item SET state = ?1, reason = ?2 WHERE batch_id = ?3 AND seq = ?4"));
    if (!st)
        return std::unexpected(st.error());
    return (*st)->bind(1, state).bind(2, reason).bind(3, batchId).bind(4, seq).exec();
}

/** One section on its way through the pipeline. Fields are written by one side and read after `done`. */
struct Slot
{
    Item item;
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

/**
 * Signer for the workers: every token call is carried out by the thread that runs the batch, which owns the token
 * session (TokenService: session objects are used on their own thread only), one call at a time, in arrival order.
 */
class TokenRelay final : public signing::Signer
{
public:
    explicit TokenRelay(signing::Signer& owner)
        : m_owner(owner)
        , m_certificate(owner.certificate())
        , m_chain(owner.chain())
        , m_keyType(owner.keyType())
    { }

    QByteArray certificate() const override { return m_certificate; }
    QList<QByteArray> chain() const override { return m_chain; }
    signing::KeyType keyType() const override { return m_keyType; }

    /** Worker side: waits until the owner thread has made the call. */
    Result<QByteArray> signSha256(const QByteArray& data) override
    {
        Request request {&data, std::unexpected(Error {}), false};
        QMutexLocker lock(&m_mutex);
        if (m_refusal)
            return std::unexpected(*m_refusal);
        m_requests.push_back(&request);
        m_wake.wakeAll();
        while (!request.answered)
            m_wake.wait(&m_mutex);
        return std::move(request.result);
    }

    /** Worker side: publishes a result (under the lock) and wakes the owner. */
    void finished(const std::function<void()>& publish)
    {
        QMutexLocker lock(&m_mutex);
        publish();
        m_wake.wakeAll();
    }

    /** Owner side: the time spent inside the token's calls so far. */
    qint64 tokenNs() const { return m_tokenNs; }

    /** From now on, calls are answered with `why` without reaching the token (the batch is stopping). */
    void refuse(const Error& why)
    {
        QMutexLocker lock(&m_mutex);
        m_refusal = why;
    }

    /** Owner side: makes the workers' token calls until `ready` holds (checked under the lock). */
    void serveUntil(const std::function<bool()>& ready)
    {
        QMutexLocker lock(&m_mutex);
        for (;;) {
            while (!m_requests.empty()) {
                Request* r = m_requests.front();
                m_requests.pop_front();
                Result<QByteArray> signature = std::unexpected(m_refusal.value_or(Error {}));
                if (!m_refusal) {
                    lock.unlock();
                    QElapsedTimer inToken;
                    inToken.start();
                    signature = m_owner.signSha256(*r->data);
                    m_tokenNs += inToken.nsecsElapsed();
                    lock.relock();
                }
                r->result = std::move(signature);
                r->answered = true;
                m_wake.wakeAll();
            }
            if (ready())
                return;
            m_wake.wait(&m_mutex);
        }
    }

private:
    struct Request
    {
        const QByteArray* data;
        Result<QByteArray> result;
        bool answered;
    };
    signing::Signer& m_owner;
    const QByteArray m_certificate;
    const QList<QByteArray> m_chain;
    const signing::KeyType m_keyType;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Request*> m_requests;
    std::optional<Error> m_refusal;
    qint64 m_tokenNs = 0; ///< written on the owner thread only
};

/** Closes the batch when nothing is left pending (failed items count as done: the report lists them). */
Status closeIfDone(store::Database& db, BatchReport& report)
{
    auto count
        = db.prepare(QStringLiteral("SELECT count(*) FROM sign_batch_item WHERE batch_id = ?1 AND state = 'pending'"));
    if (!count)
        return std::unexpected(count.error());
    count->bind(1, report.batchId);
    if (auto row = count->step(); !row)
        return std::unexpected(row.error());
    report.pending = int(count->int64(0));
    if (report.pending > 0)
        return {};
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto st = db.prepare(QStringLiteral("UPDATE sign_batch SET state = 'finished', finished_at = ?1 WHERE id = ?2"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, nowIso()).bind(2, report.batchId).exec(); !s)
        return s;
    if (auto s = store::AuditLog(db).append(QStringLiteral("sign_batch.finish"), QStringLiteral("sign_batch"),
                                            QString::number(report.batchId), {}, std::nullopt,
                                            QStringLiteral("signed=%1 skipped=%2 failed=%3")
                                                .arg(report.signedItems.size())
                                                .arg(report.skipped.size())
                                                .arg(report.failed.size()));
        !s)
        return s;
    if (auto s = tx.commit(); !s)
        return s;
    report.finished = true;
    return {};
}

/** Signs the audit chain's head; a failure becomes a warning, since the signed sections are stored already. */
void addCheckpoint(store::Database& db, signing::Signer& signer, signing::SignerRole role, BatchReport& report)
{
    auto checkpoint = makeAuditCheckpoint(db, signer, role);
    if (checkpoint) {
        report.checkpointId = checkpoint->id;
        return;
    }
    report.warnings << QCoreApplication::translate(
                           "hocba::lifecycle::BatchSignJob",
                           "The signed records are stored, but the audit log's checkpoint could not be signed (%1). "
                           "Until one is made, \"audit verify\" reports these records as not covered: sign again "
                           "with the same token to make it.")
                           .arg(checkpoint.error().message);
}

} // namespace

bool isTokenError(const Error& error)
{
    switch (error.code) {
    case ErrorCode::TokenError:
    case ErrorCode::TokenNotFound:
    case ErrorCode::TokenRemoved:
    case ErrorCode::PinIncorrect:
    case ErrorCode::PinLocked:
    case ErrorCode::PinCancelled:
        return true;
    default:
        return false;
    }
}

BatchSignJob::BatchSignJob(store::Database& db, signing::Signer& signer, SectionSignOptions options)
    : m_db(db)
    , m_signer(signer)
    , m_options(std::move(options))
{ }

BatchSignJob::~BatchSignJob() = default;

Result<std::optional<OpenBatch>> BatchSignJob::openBatch(store::Database& db, signing::SignerRole role)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT b.id, b.certificate_sha256, (SELECT count(*) FROM sign_batch_item i WHERE i.batch_id = b.id AND "
        "i.state IN ('pending', 'failed')) FROM sign_batch b WHERE b.state = 'open' AND b.role = ?1 "
        "ORDER BY b.id DESC LIMIT 1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, signing::roleCode(role));
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<OpenBatch> {};
    return std::optional(OpenBatch {st->int64(0), role, st->text(1), int(st->int64(2))});
}

Status BatchSignJob::abandon(store::Database& db, qint64 batchId)
{
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto st = db.prepare(
        QStringLiteral("UPDATE sign_batch SET state = 'abandoned', finished_at = ?1 WHERE id = ?2 AND state = 'open'"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, nowIso()).bind(2, batchId).exec(); !s)
        return s;
    if (auto s = store::AuditLog(db).append(QStringLiteral("sign_batch.abandon"), QStringLiteral("sign_batch"),
                                            QString::number(batchId));
        !s)
        return s;
    return tx.commit();
}

Result<BatchReport> BatchSignJob::run(const QList<Id>& sectionIds, ProgressSink& sink, const CancellationToken& cancel)
{
    QElapsedTimer clock;
    clock.start();
    m_timings = {};
    BatchReport report;
    const QString fingerprint = QString::fromLatin1(digest::sha256(m_signer.certificate()).toHex());

    // Journal: resume the open batch of this role, or start one. Either way the item list is written before any
    // signing starts, so a crash at any later point leaves a batch to resume.
    {
        auto open = openBatch(m_db, m_options.role);
        if (!open)
            return std::unexpected(open.error());
        store::Transaction tx(m_db);
        if (!tx.began())
            return std::unexpected(tx.began().error());
        if (*open) {
            if ((*open)->certificateSha256 != fingerprint)
                return fail(ErrorCode::CertificateInvalid,
                            QCoreApplication::translate(
                                "hocba::lifecycle::BatchSignJob",
                                "An unfinished signing batch was started with another certificate. Plug in that "
                                "token to continue it, or abandon the unfinished batch first."),
                            QStringLiteral("batch-certificate-mismatch batch=%1").arg((*open)->id));
            report.batchId = (*open)->id;
            report.resumed = true;
        } else {
            auto st
                = m_db.prepare(QStringLiteral("INSERT INTO sign_batch (created_at, actor, role, certificate_sha256) "
                                              "VALUES (?1, ?2, ?3, ?4)"));
            if (!st)
                return std::unexpected(st.error());
            if (auto s = st->bind(1, nowIso())
                             .bind(2, m_db.actor())
                             .bind(3, signing::roleCode(m_options.role))
                             .bind(4, fingerprint)
                             .exec();
                !s)
                return std::unexpected(s.error());
            report.batchId = m_db.lastInsertId();
            if (auto s = store::AuditLog(m_db).append(QStringLiteral("sign_batch.start"), QStringLiteral("sign_batch"),
                                                      QString::number(report.batchId),
                                                      signing::roleCode(m_options.role), std::nullopt, fingerprint);
                !s)
                return std::unexpected(s.error());
        }
        auto known = m_db.prepare(
            QStringLiteral("SELECT section_id, seq FROM sign_batch_item WHERE batch_id = ?1 ORDER BY seq"));
        if (!known)
            return std::unexpected(known.error());
        known->bind(1, report.batchId);
        QSet<Id> have;
        int seq = 0;
        while (true) {
            auto row = known->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            have.insert(known->int64(0));
            seq = int(known->int64(1));
        }
        auto add = m_db.prepare(
            QStringLiteral("INSERT INTO sign_batch_item (batch_id, seq, section_id) VALUES (?1, ?2, ?3)"));
        if (!add)
            return std::unexpected(add.error());
        for (Id id : sectionIds) {
            if (have.contains(id))
                continue;
            have.insert(id);
            add->reset();
            if (auto s = add->bind(1, report.batchId).bind(2, ++seq).bind(3, id).exec(); !s)
                return std::unexpected(s.error());
        }
        if (auto s = tx.commit(); !s)
            return std::unexpected(s.error());
    }

    auto items = pendingItems(m_db, report.batchId);
    if (!items)
        return std::unexpected(items.error());
    const int total = int(items->size());
    sink.started(total, report.resumed);

    // The pipeline: this thread owns the database connection and the token session, so it reads each section
    // (prepare), makes every token call and stores each result; workers build the signatures and render the PDFs
    // meanwhile. Results are stored in the journal's order, each in its own transaction, as before.
    SectionSigner signer(m_db, m_signer, m_options);
    TokenRelay relay(m_signer);
    // Reading and storing run on a helper thread while this one answers the workers' token calls at once (a worker
    // waiting for its token call is a worker not rendering). The connection is still used by one thread at a time,
    // which SQLite's multi-thread mode allows: this thread does not touch it until the helper is done.
    QThreadPool databaseThread;
    databaseThread.setMaxThreadCount(1);
    auto onDatabaseThread = [&](const std::function<void()>& work) {
        bool finished = false;
        databaseThread.start([&] {
            work();
            relay.finished([&] { finished = true; });
        });
        relay.serveUntil([&] { return finished; });
    };
    QThreadPool pool;
    pool.setMaxThreadCount(workerCount(m_workers));
    // Rendering fills every core; below normal priority it leaves the window (and the token) responsive.
    pool.setThreadPriority(QThread::LowPriority);
    const std::size_t depth
        = std::size_t(pool.maxThreadCount()) + 1; // one more prepared than workers, so none waits for it
    std::deque<std::shared_ptr<Slot>> inFlight;
    int next = 0;
    // A token error or a cancel: nothing new starts, and sections still in the pipeline are not stored (they stay
    // pending), so the batch stops right after the last section it reported.
    bool stopping = false;
    std::optional<Error> fatal; // the journal or store failed: finish what runs, then report it

    auto startNext = [&]() {
        while (!stopping && !fatal && inFlight.size() < depth && next < total) {
            auto slot = std::make_shared<Slot>();
            slot->item = items->at(next++);
            // Read and build, then this signer's XMLDSig, on the database thread: the worker then has rendering and
            // the PDF signature left, and never waits for the packet.
            std::optional<Result<SignedSection>> signedPacket;
            onDatabaseThread([&] {
                auto prepared = signer.prepare(slot->item.sectionId);
                if (!prepared)
                    signedPacket.emplace(std::unexpected(prepared.error()));
                else if (auto* skip = std::get_if<SectionSignOutcome>(&*prepared))
                    slot->outcome = *skip;
                else
                    signedPacket.emplace(
                        SectionSigner::signPacket(std::get<PreparedSection>(std::move(*prepared)), relay, m_options));
            });
            if (slot->outcome || !*signedPacket) {
                if (signedPacket)
                    slot->result = std::move(*signedPacket);
                slot->done = true;
            } else {
                slot->result = std::move(*signedPacket);
                pool.start([slot, &relay, options = m_options]() {
                    auto finished = SectionSigner::finishDocument(*slot->result, relay, options);
                    relay.finished([&] {
                        if (!finished)
                            slot->result = std::unexpected(finished.error());
                        slot->done = true;
                    });
                });
            }
            inFlight.push_back(std::move(slot));
        }
    };

    int done = 0;
    startNext();
    while (!inFlight.empty()) {
        std::shared_ptr<Slot> slot = inFlight.front();
        inFlight.pop_front();
        if (!stopping && cancel.isCancelled()) {
            report.cancelled = true;
            stopping = true;
            relay.refuse(Error {ErrorCode::Cancelled, QString(), QStringLiteral("batch cancelled")});
        }
        relay.serveUntil([&] { return slot->done; });
        if (stopping)
            continue;
        startNext(); // keep the workers busy while this one is stored

        const Item item = slot->item;
        BatchItemResult result;
        result.sectionId = item.sectionId;
        if (fatal && !slot->outcome && slot->result)
            continue; // the store is failing: the item stays pending
        std::optional<Result<SectionSignOutcome>> settled;
        if (slot->outcome)
            settled.emplace(*slot->outcome);
        else if (!slot->result)
            settled.emplace(std::unexpected(slot->result.error()));
        else
            onDatabaseThread([&] {
                settled.emplace(signer.store(*slot->result, [&]() -> Status {
                    return setItem(m_db, report.batchId, item.seq, QStringLiteral("signed"), QStringLiteral(""));
                }));
            });
        const Result<SectionSignOutcome> outcome = std::move(*settled);
        if (outcome) {
            result.studentId = outcome->studentId;
            result.lookupCode = outcome->lookupCode;
            if (outcome->kind == SectionSignOutcome::Kind::Signed) {
                result.kind = BatchItemResult::Kind::Signed;
                result.completed = outcome->completed;
                report.signedItems << result;
                const auto& t = outcome->timings;
                m_timings.buildNs += t.buildNs;
                m_timings.xmlSignNs += t.xmlSignNs;
                m_timings.renderNs += t.renderNs;
                m_timings.pdfSignNs += t.pdfSignNs;
                m_timings.storeNs += t.storeNs;
                m_timings.tokenNs += t.tokenNs;
                m_timings.totalNs += t.totalNs;
            } else {
                result.kind = BatchItemResult::Kind::Skipped;
                result.reason = outcome->reason;
                if (auto s = setItem(m_db, report.batchId, item.seq, QStringLiteral("skipped"), outcome->reasonTag); !s)
                    fatal = s.error();
                report.skipped << result;
            }
        } else if (isTokenError(outcome.error())) {
            // The item stays pending: it is retried when the same token is back. Sections already in the workers
            // hit the same error, and stay pending too.
            result.kind = BatchItemResult::Kind::Failed;
            result.reason = describe(outcome.error());
            report.failed << result;
            report.stoppedBy = outcome.error();
            stopping = true;
            relay.refuse(outcome.error());
        } else {
            result.kind = BatchItemResult::Kind::Failed;
            result.reason = describe(outcome.error());
            report.failed << result;
            if (auto s = setItem(m_db, report.batchId, item.seq, QStringLiteral("failed"), outcome.error().detail); !s)
                fatal = s.error();
        }
        ++done;
        const double secs = double(clock.nsecsElapsed()) / 1e9;
        BatchProgress p;
        p.done = done;
        p.total = total;
        p.studentId = result.studentId;
        p.perSecond = secs > 0 ? done / secs : 0;
        p.secondsLeft = p.perSecond > 0 ? (total - done) / p.perSecond : 0;
        sink.itemFinished(result, p);
    }
    pool.waitForDone();
    // The workers' token time includes waiting for this thread; what the token itself took is the relay's figure.
    m_timings.tokenWaitNs = std::max<qint64>(0, m_timings.tokenNs - relay.tokenNs());
    m_timings.tokenNs = relay.tokenNs();
    // The checkpoint comes last, so it covers the batch's own entries. A run that signed something makes one even
    // when it stops early; a run that ended normally makes one even with nothing signed (signing again is how a
    // failed checkpoint is made up for).
    const bool wantCheckpoint = !report.signedItems.isEmpty() || (!report.cancelled && !report.stoppedBy && !fatal);
    const Status closed = fatal ? Status(std::unexpected(*fatal)) : closeIfDone(m_db, report);
    if (wantCheckpoint)
        addCheckpoint(m_db, m_signer, m_options.role, report);
    if (!closed)
        return std::unexpected(closed.error());
    report.seconds = double(clock.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace hocba::lifecycle

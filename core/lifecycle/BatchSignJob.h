// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/SectionSigner.h"
#include "util/CancellationToken.h"
#include "util/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** Where a batch is (STYLE.md C7). Names stay out of it: logs get the student's database id only. */
struct BatchProgress
{
    int done = 0; ///< items finished in this run (signed, skipped or failed)
    int total = 0; ///< items this run works on
    Id studentId = 0; ///< the student of the item just finished
    double perSecond = 0; ///< items per second so far in this run
    double secondsLeft = 0; ///< at that rate
};

/** One item of the end report. */
struct BatchItemResult
{
    enum class Kind { Signed, Skipped, Failed };
    Kind kind = Kind::Failed;
    Id sectionId = 0;
    Id studentId = 0;
    QString lookupCode;
    QString reason; ///< translated, for skipped and failed
    bool completed = false; ///< signed and the section is now `signed`
};

/**
 * Receives a batch's progress. The CLI prints lines; the desktop dialog's sink re-emits queued signals to the GUI
 * thread. Called on the thread that runs the job.
 */
class ProgressSink
{
public:
    virtual ~ProgressSink() = default;
    virtual void started(int total, bool resumed)
    {
        Q_UNUSED(total);
        Q_UNUSED(resumed);
    }
    virtual void itemFinished(const BatchItemResult& item, const BatchProgress& progress) = 0;
};

struct BatchReport
{
    qint64 batchId = 0;
    bool resumed = false; ///< continued a batch an earlier run left open
    bool cancelled = false;
    bool finished = false; ///< nothing pending any more: the journal closed the batch
    std::optional<Error> stoppedBy; ///< the token error that stopped the batch (removed token, PIN, …)
    QList<BatchItemResult> signedItems;
    QList<BatchItemResult> skipped;
    QList<BatchItemResult> failed;
    int pending = 0; ///< items left for a later run
    double seconds = 0;
    qint64 checkpointId = 0; ///< the audit checkpoint this run made (0: none; see BatchSignJob)
    QStringList warnings; ///< translated: what went wrong without losing a signed record (a failed checkpoint)
};

/** An unfinished batch in the journal. */
struct OpenBatch
{
    qint64 id = 0;
    signing::SignerRole role = signing::SignerRole::Principal;
    QString certificateSha256;
    int pending = 0;
};

/**
 * Signs many year sections with one logged-in signer (ARCHITECTURE.md §6): each section commits on its own together
 * with its journal entry (tables sign_batch, sign_batch_item), so a crash, a cancel or a pulled token loses at most
 * the sections in flight. The next run for the same role resumes the open batch, but only with the same certificate
 * (fingerprint compared); a different certificate is refused until that batch is abandoned.
 * Sections go through a pipeline: while workers sign and render a few sections, this thread reads the next ones and
 * stores finished ones, in journal order. Cancel stops new sections from starting; those already started are
 * finished and stored. A token error (removed, PIN, C_Sign failed) stops the batch the same way and leaves the rest
 * pending; any other error fails that one section and the batch goes on.
 * At the end of a run that signed anything (cancelled or stopped too), or that ended normally, the same signer signs
 * the audit chain's head (makeAuditCheckpoint, docs/audit.md). A checkpoint that fails loses no signed record: the
 * report carries a warning.
 * `actor` must hold the right to sign in the options' role (rightToSignAs) for every section, resumed ones too: a
 * refusal comes before the journal or anything else is written.
 * When the options name no timestamper and the school has a time-stamping authority set (TsaSettings), the run asks
 * that one (HttpTimestamper, one connection for the run) for a signature time-stamp on every PDF signature (B-T); a
 * TSA that does not answer stops the run like a pulled token, unless the school allows signing without (level B).
 * A plain class: the CLI runs it directly; the desktop runs it on the TokenService thread. Either way every token
 * call is made on that thread (the workers hand theirs over).
 */
class BatchSignJob
{
public:
    BatchSignJob(store::Database& db, signing::Signer& signer, SectionSignOptions options, Actor actor);
    ~BatchSignJob();

    /** The open batch of a role, if any. */
    static Result<std::optional<OpenBatch>> openBatch(store::Database& db, signing::SignerRole role);
    /** Closes an open batch without signing the rest (its pending sections stay `ready`). */
    static Status abandon(store::Database& db, qint64 batchId);

    /**
     * Signs `sectionIds` (in order) — or, when a batch of this role is open, resumes it (sections of `sectionIds`
     * it does not hold yet are added at its end). Errors: the journal cannot be written, or the open batch belongs to
     * another certificate (CertificateInvalid, detail "batch-certificate-mismatch").
     */
    Result<BatchReport> run(const QList<Id>& sectionIds, ProgressSink& sink, const CancellationToken& cancel);

    /**
     * Worker threads for rendering and the PDF signatures (0: one per core). Token calls stay on the thread that
     * calls run(); reading, the packet signatures and storing run on one helper thread.
     */
    void setWorkers(int workers) { m_workers = workers; }

    /** Timings of the sections signed in the last run, summed (benchmarks). */
    const SectionSignTimings& timings() const { return m_timings; }

private:
    store::Database& m_db;
    signing::Signer& m_signer;
    SectionSignOptions m_options;
    Actor m_actor;
    SectionSignTimings m_timings;
    int m_workers = 0;
};

/** True for errors that mean the token (or its PIN) is not usable: the batch must stop, not skip ahead. */
bool isTokenError(const Error& error);
/**
 * True for a time-stamping authority that did not answer or answered unusably (SectionSignOptions::timestamper), and
 * for OCSP/CRL services that did not answer (RevocationFetcher): the batch stops the same way as for a pulled token,
 * its sections left pending for a run once the server is back.
 */
bool isTimestampError(const Error& error);

} // namespace hocba::lifecycle

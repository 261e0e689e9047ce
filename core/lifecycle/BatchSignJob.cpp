// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/BatchSignJob.h"

#include "lifecycle/TrustAnchors.h"
#include "lifecycle/TsaSettings.h"

#include "lifecycle/AuditCheckpoints.h"
#include "lifecycle/BatchPipeline.h"
#include "lifecycle/PrintSettings.h"
#include "store/BatchJournal.h"
#include "store/Database.h"
#include "store/StudentRepository.h"
#include "util/Digest.h"
#include "verify/SignatureReport.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace hocba::lifecycle {

namespace {

/**
 * Resumes the role's open batch, adding the sections it lacks, or starts one; either way the item list is written
 * before any signing starts, so a crash at any later point leaves a batch to resume. The report gets the batch's id.
 */
Status startOrResume(store::BatchJournal& journal, const QString& roleCode, const QString& fingerprint,
                     const QList<Id>& sectionIds, BatchReport& report)
{
    auto open = journal.openBatch(roleCode);
    if (!open)
        return std::unexpected(open.error());
    if (!*open) {
        auto started = journal.start(roleCode, fingerprint, sectionIds);
        if (!started)
            return std::unexpected(started.error());
        report.batchId = *started;
        return {};
    }
    if ((*open)->certificateSha256 != fingerprint)
        return fail(ErrorCode::CertificateInvalid,
                    QCoreApplication::translate("hocba::lifecycle::BatchSignJob",
                                                "An unfinished signing batch was started with another certificate. "
                                                "Plug in that token to continue it, or abandon the unfinished batch "
                                                "first."),
                    QStringLiteral("batch-certificate-mismatch batch=%1").arg((*open)->id));
    report.batchId = (*open)->id;
    report.resumed = true;
    return journal.extend(report.batchId, sectionIds);
}

/** Closes the batch when nothing is left pending (failed items count as done: the report lists them). */
Status closeIfDone(store::BatchJournal& journal, BatchReport& report)
{
    auto pending = journal.pendingCount(report.batchId);
    if (!pending)
        return std::unexpected(pending.error());
    report.pending = *pending;
    if (report.pending > 0)
        return {};
    if (auto s = journal.finish(report.batchId, int(report.signedItems.size()), int(report.skipped.size()),
                                int(report.failed.size()));
        !s)
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

/** The homeroom teacher signs only their classes' sections: each one is checked, and those of a batch resumed. */
Status requireSigning(store::Database& db, const Actor& actor, signing::SignerRole role, const QList<Id>& sectionIds)
{
    const Right right = rightToSignAs(role);
    if (right != Right::WriteHomeroom || actor.isUnrestricted())
        return permit(db, actor, right);
    QList<Id> all = sectionIds;
    store::BatchJournal journal(db);
    auto open = journal.openBatch(signing::roleCode(role));
    if (!open)
        return std::unexpected(open.error());
    if (*open) {
        auto items = journal.unfinishedItems((*open)->id);
        if (!items)
            return std::unexpected(items.error());
        for (const auto& item : *items)
            all.append(item.sectionId);
    }
    store::StudentRepository repo(db);
    for (Id id : all) {
        auto section = repo.section(id);
        if (!section)
            return std::unexpected(section.error());
        if (!*section)
            continue;
        const RightScope scope = RightScope::inClass((*section)->schoolYear, (*section)->classId.value_or(0));
        if (auto ok = permit(db, actor, right, scope); !ok)
            return ok;
    }
    return {};
}

} // namespace

bool isTimestampError(const Error& error)
{
    // The revocation services (OCSP/CRL, RevocationFetcher) too: when they do not answer, every later section would
    // wait out the same timeouts, so the batch stops and resumes later as for the TSA.
    return error.code == ErrorCode::Network
        && (error.detail.startsWith(QLatin1String("tsa:")) || error.detail.startsWith(QLatin1String("revocation:")));
}

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

BatchSignJob::BatchSignJob(store::Database& db, signing::Signer& signer, SectionSignOptions options, Actor actor)
    : m_db(db)
    , m_signer(signer)
    , m_options(std::move(options))
    , m_actor(std::move(actor))
{ }

BatchSignJob::~BatchSignJob() = default;

Result<std::optional<OpenBatch>> BatchSignJob::openBatch(store::Database& db, signing::SignerRole role)
{
    auto open = store::BatchJournal(db).openBatch(signing::roleCode(role));
    if (!open)
        return std::unexpected(open.error());
    if (!*open)
        return std::optional<OpenBatch> {};
    return std::optional(OpenBatch {(*open)->id, role, (*open)->certificateSha256, (*open)->unfinished});
}

Status BatchSignJob::abandon(store::Database& db, qint64 batchId)
{
    return store::BatchJournal(db).abandon(batchId);
}

Result<BatchReport> BatchSignJob::run(const QList<Id>& sectionIds, ProgressSink& sink, const CancellationToken& cancel)
{
    QElapsedTimer clock;
    clock.start();
    m_timings = {};
    BatchReport report;
    if (auto ok = requireSigning(m_db, m_actor, m_options.role, sectionIds); !ok)
        return std::unexpected(ok.error());
    // The school's lookup portal and seal go into every PDF this batch renders (issue 13).
    if (auto s = applyPrintSettings(m_db, m_options.render); !s)
        return std::unexpected(s.error());
    store::BatchJournal journal(m_db);
    const QString fingerprint = QString::fromLatin1(digest::sha256(m_signer.certificate()).toHex());
    if (auto s = startOrResume(journal, signing::roleCode(m_options.role), fingerprint, sectionIds, report); !s)
        return std::unexpected(s.error());
    auto items = journal.unfinishedItems(report.batchId);
    if (!items)
        return std::unexpected(items.error());
    sink.started(int(items->size()), report.resumed);

    // The school's time-stamping authority, when one is set and the caller gave none: PAdES B-T for this run.
    SectionSignOptions options = m_options;
    std::unique_ptr<signing::Timestamper> schoolTsa;
    if (!options.timestamper) {
        auto tsa = tsaSettings(m_db);
        if (!tsa)
            return std::unexpected(tsa.error());
        if (*tsa) {
            schoolTsa = makeTimestamper(**tsa);
            options.timestamper = schoolTsa.get();
            options.timestampOptional = (*tsa)->allowWithout;
        }
    }
    // B-LT: the school's trust anchors complete a chain the token carries without its issuers, for the OCSP/CRL
    // requests made after each PDF signature.
    if (options.addRevocationData && options.revocationIssuers.isEmpty()) {
        auto anchors = TrustAnchors::load(m_db);
        if (!anchors)
            return std::unexpected(anchors.error());
        options.revocationIssuers = anchors->anchorsDer();
    }
    BatchPipeline pipeline(m_db, m_signer, options, m_workers);
    const Status piped = pipeline.run(PipelineRun {*items, journal, report, sink, cancel, clock});
    m_timings = pipeline.timings();
    // The checkpoint comes last, so it covers the batch's own entries. A run that signed something makes one even
    // when it stops early; a run that ended normally makes one even with nothing signed (signing again is how a
    // failed checkpoint is made up for).
    const bool wantCheckpoint = !report.signedItems.isEmpty() || (!report.cancelled && !report.stoppedBy && piped);
    const Status closed = piped ? closeIfDone(journal, report) : piped;
    if (wantCheckpoint)
        addCheckpoint(m_db, m_signer, m_options.role, report);
    if (!closed)
        return std::unexpected(closed.error());
    report.seconds = double(clock.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace hocba::lifecycle

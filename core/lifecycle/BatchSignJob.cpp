// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/BatchSignJob.h"

#include "signing/SignatureReport.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSet>

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
    const QString fingerprint
        = QString::fromLatin1(QCryptographicHash::hash(m_signer.certificate(), QCryptographicHash::Sha256).toHex());

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

    SectionSigner signer(m_db, m_signer, m_options);
    int done = 0;
    int index = 0;
    for (; index < total; ++index) {
        if (cancel.isCancelled()) {
            report.cancelled = true;
            break;
        }
        const Item item = items->at(index);
        BatchItemResult result;
        result.sectionId = item.sectionId;
        auto outcome = signer.sign(item.sectionId, [&]() -> Status {
            return setItem(m_db, report.batchId, item.seq, QStringLiteral("signed"), QStringLiteral(""));
        });
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
                    return std::unexpected(s.error());
                report.skipped << result;
            }
        } else {
            result.kind = BatchItemResult::Kind::Failed;
            result.reason = describe(outcome.error());
            report.failed << result;
            if (isTokenError(outcome.error())) {
                // The item stays pending: it is retried when the same token is back.
                report.stoppedBy = outcome.error();
                ++done;
                BatchProgress p {done, total, result.studentId, 0, 0};
                sink.itemFinished(result, p);
                ++index;
                break;
            }
            if (auto s = setItem(m_db, report.batchId, item.seq, QStringLiteral("failed"), outcome.error().detail); !s)
                return std::unexpected(s.error());
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

    // Failed items count as done for closing the batch (the report lists them); only untouched ones keep it open.
    int untouched = 0;
    {
        auto st = m_db.prepare(
            QStringLiteral("SELECT count(*) FROM sign_batch_item WHERE batch_id = ?1 AND state = 'pending'"));
        if (!st)
            return std::unexpected(st.error());
        st->bind(1, report.batchId);
        if (auto row = st->step(); !row)
            return std::unexpected(row.error());
        untouched = int(st->int64(0));
    }
    report.pending = untouched;
    if (untouched == 0) {
        store::Transaction tx(m_db);
        if (!tx.began())
            return std::unexpected(tx.began().error());
        auto st
            = m_db.prepare(QStringLiteral("UPDATE sign_batch SET state = 'finished', finished_at = ?1 WHERE id = ?2"));
        if (!st)
            return std::unexpected(st.error());
        if (auto s = st->bind(1, nowIso()).bind(2, report.batchId).exec(); !s)
            return std::unexpected(s.error());
        if (auto s = store::AuditLog(m_db).append(QStringLiteral("sign_batch.finish"), QStringLiteral("sign_batch"),
                                                  QString::number(report.batchId), {}, std::nullopt,
                                                  QStringLiteral("signed=%1 skipped=%2 failed=%3")
                                                      .arg(report.signedItems.size())
                                                      .arg(report.skipped.size())
                                                      .arg(report.failed.size()));
            !s)
            return std::unexpected(s.error());
        if (auto s = tx.commit(); !s)
            return std::unexpected(s.error());
        report.finished = true;
    }
    report.seconds = double(clock.nsecsElapsed()) / 1e9;
    return report;
}

} // namespace hocba::lifecycle

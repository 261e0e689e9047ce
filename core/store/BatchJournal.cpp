// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/BatchJournal.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SqlUtil.h"

#include <QDateTime>
#include <QSet>

namespace hocba::store {

namespace {

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString stateCode(JournalItemState state)
{
    switch (state) {
    case JournalItemState::Signed:
        return QStringLiteral("signed");
    case JournalItemState::Skipped:
        return QStringLiteral("skipped");
    case JournalItemState::Failed:
        break;
    }
    return QStringLiteral("failed");
}

} // namespace

BatchJournal::BatchJournal(Database& db)
    : m_db(db)
{ }

Result<std::optional<JournalBatch>> BatchJournal::openBatch(const QString& roleCode)
{
    auto st = m_db.prepare(QStringLiteral(
        "SELECT b.id, b.certificate_sha256, (SELECT count(*) FROM sign_batch_item i WHERE i.batch_id = b.id AND "
        "i.state IN ('pending', 'failed')) FROM sign_batch b WHERE b.state = 'open' AND b.role = ?1 "
        "ORDER BY b.id DESC LIMIT 1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, roleCode);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<JournalBatch> {};
    return std::optional(JournalBatch {st->int64(0), st->text(1), int(st->int64(2))});
}

Result<qint64> BatchJournal::start(const QString& roleCode, const QString& certificateSha256,
                                   const QList<Id>& sectionIds)
{
    // The item list is written with the batch, before any signing starts: a crash at any later point leaves a batch
    // to resume.
    Transaction tx(m_db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    auto st = m_db.prepare(QStringLiteral("INSERT INTO sign_batch (created_at, actor, role, certificate_sha256) "
                                          "VALUES (?1, ?2, ?3, ?4)"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, nowIso()).bind(2, m_db.actor()).bind(3, roleCode).bind(4, certificateSha256).exec(); !s)
        return std::unexpected(s.error());
    const qint64 batchId = m_db.lastInsertId();
    if (auto s = AuditLog(m_db).append(QStringLiteral("sign_batch.start"), QStringLiteral("sign_batch"),
                                       QString::number(batchId), roleCode, std::nullopt, certificateSha256);
        !s)
        return std::unexpected(s.error());
    if (auto s = appendItems(batchId, sectionIds); !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return batchId;
}

Status BatchJournal::extend(qint64 batchId, const QList<Id>& sectionIds)
{
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began();
    if (auto s = appendItems(batchId, sectionIds); !s)
        return s;
    return tx.commit();
}

Status BatchJournal::appendItems(qint64 batchId, const QList<Id>& sectionIds)
{
    auto known = queryList<JournalItem>(
        m_db, QStringLiteral("SELECT seq, section_id FROM sign_batch_item WHERE batch_id = ?1 ORDER BY seq"),
        [](Statement& st) {
            return JournalItem {int(st.int64(0)), st.int64(1)};
        },
        {batchId});
    if (!known)
        return std::unexpected(known.error());
    QSet<Id> have;
    for (const JournalItem& item : *known)
        have.insert(item.sectionId);
    int seq = known->isEmpty() ? 0 : known->last().seq;
    auto add
        = m_db.prepare(QStringLiteral("INSERT INTO sign_batch_item (batch_id, seq, section_id) VALUES (?1, ?2, ?3)"));
    if (!add)
        return std::unexpected(add.error());
    for (Id id : sectionIds) {
        if (have.contains(id))
            continue;
        have.insert(id);
        add->reset();
        if (auto s = add->bind(1, batchId).bind(2, ++seq).bind(3, id).exec(); !s)
            return s;
    }
    return {};
}

Result<QList<JournalItem>> BatchJournal::unfinishedItems(qint64 batchId)
{
    return queryList<JournalItem>(m_db,
                                  QStringLiteral("SELECT seq, section_id FROM sign_batch_item WHERE batch_id = ?1 "
                                                 "AND state IN ('pending', 'failed') ORDER BY seq"),
                                  [](Statement& st) {
                                      return JournalItem {int(st.int64(0)), st.int64(1)};
                                  },
                                  {batchId});
}

Status BatchJournal::record(qint64 batchId, int seq, JournalItemState state, const QString& reason)
{
    auto st = m_db.cached(
        QStringLiteral("UPDATE sign_batch_item SET state = ?1, reason = ?2 WHERE batch_id = ?3 AND seq = ?4"));
    if (!st)
        return std::unexpected(st.error());
    return (*st)->bind(1, stateCode(state)).bind(2, reason).bind(3, batchId).bind(4, seq).exec();
}

Result<int> BatchJournal::pendingCount(qint64 batchId)
{
    auto count = m_db.prepare(
        QStringLiteral("SELECT count(*) FROM sign_batch_item WHERE batch_id = ?1 AND state = 'pending'"));
    if (!count)
        return std::unexpected(count.error());
    count->bind(1, batchId);
    if (auto row = count->step(); !row)
        return std::unexpected(row.error());
    return int(count->int64(0));
}

Status BatchJournal::finish(qint64 batchId, int signedCount, int skippedCount, int failedCount)
{
    return close(QStringLiteral("UPDATE sign_batch SET state = 'finished', finished_at = ?1 WHERE id = ?2"), batchId,
                 QStringLiteral("sign_batch.finish"),
                 QStringLiteral("signed=%1 skipped=%2 failed=%3").arg(signedCount).arg(skippedCount).arg(failedCount));
}

Status BatchJournal::abandon(qint64 batchId)
{
    // Abandoning a batch that another run closed meanwhile changes nothing, but is still on record.
    return close(
        QStringLiteral("UPDATE sign_batch SET state = 'abandoned', finished_at = ?1 WHERE id = ?2 AND state = 'open'"),
        batchId, QStringLiteral("sign_batch.abandon"), std::nullopt);
}

Status BatchJournal::close(const QString& updateSql, qint64 batchId, const QString& action,
                           const std::optional<QString>& summary)
{
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began();
    auto st = m_db.prepare(updateSql);
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, nowIso()).bind(2, batchId).exec(); !s)
        return s;
    if (auto s = AuditLog(m_db).append(action, QStringLiteral("sign_batch"), QString::number(batchId), {}, std::nullopt,
                                       summary);
        !s)
        return s;
    return tx.commit();
}

} // namespace hocba::store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QList>
#include <QString>

#include <optional>

namespace hocba::store {

class Database;

/** An open batch as the journal holds it. */
struct JournalBatch
{
    qint64 id = 0;
    QString certificateSha256; ///< lower-case hex SHA-256 of the certificate that started it
    int unfinished = 0; ///< items pending or failed: what a resumed run works on
};

/** One section of a batch, at its place in the batch's order. */
struct JournalItem
{
    int seq = 0;
    Id sectionId = 0;
};

/** What became of one item (sign_batch_item.state). */
enum class JournalItemState { Signed, Skipped, Failed };

/**
 * The signing batches' journal (tables sign_batch, sign_batch_item; docs/signing.md §2): which sections a batch
 * signs, in which order, and what became of each, so a run that crashed, was cancelled or lost its token is resumed
 * where it stopped. Roles are given by their code ("principal", …), certificates by their SHA-256 in hex.
 * Starting, finishing and abandoning a batch write their audit entry in the same transaction.
 */
class BatchJournal
{
public:
    explicit BatchJournal(Database& db);

    /** The newest open batch of a role, if any. */
    Result<std::optional<JournalBatch>> openBatch(const QString& roleCode);
    /** Opens a batch for `roleCode` and `certificateSha256` holding `sectionIds` in order; gives its id. */
    Result<qint64> start(const QString& roleCode, const QString& certificateSha256, const QList<Id>& sectionIds);
    /** Appends to a batch the sections of `sectionIds` it does not hold yet, in order. */
    Status extend(qint64 batchId, const QList<Id>& sectionIds);
    /**
     * The items a run of the batch works on, in order: pending ones and failed ones (a failure may have been
     * passing: disk full, a render error fixed since).
     */
    Result<QList<JournalItem>> unfinishedItems(qint64 batchId);
    /** Records an item's outcome; `reason` is a stable tag or detail, not translated. */
    Status record(qint64 batchId, int seq, JournalItemState state, const QString& reason = QStringLiteral(""));
    /** How many items are still pending (failed ones do not count: the run that failed them reported them). */
    Result<int> pendingCount(qint64 batchId);
    /** Closes a batch whose work is done; the counts go into the audit entry. */
    Status finish(qint64 batchId, int signedCount, int skippedCount, int failedCount);
    /** Closes an open batch without signing the rest (its pending sections stay `ready`). */
    Status abandon(qint64 batchId);

private:
    Status appendItems(qint64 batchId, const QList<Id>& sectionIds);
    Status close(const QString& updateSql, qint64 batchId, const QString& action,
                 const std::optional<QString>& summary);

    Database& m_db;
};

} // namespace hocba::store

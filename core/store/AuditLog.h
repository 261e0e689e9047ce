// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace hocba::store {

class Database;

/** One change: who, when, what (entity, field) and the old and new value. */
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action; ///< "student.update", "section.state", "assessment.set", "school.save", …
    QString entity; ///< table-level name: "student", "year_section", …
    QString entityId; ///< the row id as text
    QString field; ///< the changed field, empty for whole-row actions
    std::optional<QString> oldValue;
    std::optional<QString> newValue;
    QString prevHash; ///< hex SHA-256 of the previous entry ("0"×64 for the first)
    QString hash; ///< hex SHA-256 of this entry including prevHash
};

/** The chain's newest entry. */
struct AuditHead
{
    qint64 id = 0; ///< 0 when the log is empty
    QString hash; ///< the genesis hash when the log is empty
};

/** What `verify` found. */
struct AuditVerification
{
    qint64 entries = 0;
    bool ok = true;
    qint64 firstBadId = 0; ///< the first entry that does not fit the chain (0 when ok)
    QString problem; ///< translated explanation of what is wrong with it
};

/**
 * The append-only, hash-chained audit log. Each entry's hash covers the previous entry's hash, so editing,
 * deleting or reordering entries behind the program's back breaks the chain at that point. Appends must happen
 * inside the caller's write transaction, so the log and the change it describes commit together.
 */
class AuditLog
{
public:
    explicit AuditLog(Database& db);

    /** Appends one entry (actor: the connection's actor; time: now, UTC). */
    Status append(const QString& action, const QString& entity, const QString& entityId, const QString& field = {},
                  const std::optional<QString>& oldValue = std::nullopt,
                  const std::optional<QString>& newValue = std::nullopt);

    /** The newest entry's id and hash: what the next entry chains to, and what a checkpoint signs. */
    Result<AuditHead> head();

    /** Walks the whole chain. A database error is an Error; a broken chain is a result with ok == false. */
    Result<AuditVerification> verify();

    /** The hash of an entry as stored fields give it (exposed for tests). */
    static QString computeHash(const AuditEntry& entry);

    static QString genesisHash() { return QString(64, QLatin1Char('0')); }

private:
    Database& m_db;
};

} // namespace hocba::store

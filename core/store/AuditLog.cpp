// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/AuditLog.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace hocba::store {

namespace {

QJsonValue optionalJson(const std::optional<QString>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

AuditLog::AuditLog(Database& db)
    : m_db(db)
{ }

QString AuditLog::computeHash(const AuditEntry& e)
{
    // A JSON array is an unambiguous serialisation: no field can run into the next, and NULL differs from "".
    const QJsonArray fields {
        e.prevHash, QString::number(e.id),    isoTime(e.at),           e.actor, e.action, e.entity, e.entityId,
        e.field,    optionalJson(e.oldValue), optionalJson(e.newValue)};
    const QByteArray bytes = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Result<AuditHead> AuditLog::head()
{
    auto last = m_db.cached(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
    if (!last)
        return std::unexpected(last.error());
    auto row = (*last)->step();
    if (!row)
        return std::unexpected(row.error());
    AuditHead h = *row ? AuditHead {(*last)->int64(0), (*last)->text(1)} : AuditHead {0, genesisHash()};
    (*last)->reset();
    return h;
}

Status AuditLog::append(const QString& action, const QString& entity, const QString& entityId, const QString& field,
                        const std::optional<QString>& oldValue, const std::optional<QString>& newValue)
{
    auto last = head();
    if (!last)
        return std::unexpected(last.error());
    AuditEntry e;
    e.prevHash = last->hash;
    // AUTOINCREMENT never reuses an id: the next id is max(seq)+1, which the hash must cover.
    auto seq = m_db.cached(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"));
    if (!seq)
        return std::unexpected(seq.error());
    auto seqRow = (*seq)->step();
    if (!seqRow)
        return std::unexpected(seqRow.error());
    e.id = (*seqRow ? (*seq)->int64(0) : 0) + 1;
    (*seq)->reset();
    e.at = QDateTime::currentDateTimeUtc();
    e.actor = m_db.actor();
    e.action = action;
    e.entity = entity;
    // NOT NULL columns: an absent id or field is stored as "".
    e.entityId = entityId.isNull() ? QStringLiteral("") : entityId;
    e.field = field.isNull() ? QStringLiteral("") : field;
    e.oldValue = oldValue;
    e.newValue = newValue;
    e.hash = computeHash(e);

    auto cachedInsert
        = m_db.cached(QStringLiteral("INSERT INTO audit_log (id, at, actor, action, entity, entity_id, field, "
                                     "old_value, new_value, prev_hash, hash) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
    if (!cachedInsert)
        return std::unexpected(cachedInsert.error());
    Statement* insert = *cachedInsert;
    insert->bind(1, e.id).bind(2, isoTime(e.at)).bind(3, e.actor).bind(4, e.action).bind(5, e.entity);
    insert->bind(6, e.entityId).bind(7, e.field);
    // std::nullopt is NULL; a present but empty value is "" (the hash tells them apart too).
    if (oldValue)
        insert->bind(8, oldValue->isNull() ? QStringLiteral("") : *oldValue);
    else
        insert->bindNull(8);
    if (newValue)
        insert->bind(9, newValue->isNull() ? QStringLiteral("") : *newValue);
    else
        insert->bindNull(9);
    insert->bind(10, e.prevHash).bind(11, e.hash);
    return insert->exec();
}

Result<AuditVerification> AuditLog::verify()
{
    auto st = m_db.prepare(QStringLiteral("SELECT id, at, actor, action, entity, entity_id, field, old_value, "
                                          "new_value, prev_hash, hash FROM audit_log ORDER BY id"));
    if (!st)
        return std::unexpected(st.error());
    AuditVerification v;
    QString expectedPrev = genesisHash();
    qint64 expectedId = 1;
    const auto broken = [&](qint64 id, QString why) {
        v.ok = false;
        v.firstBadId = id;
        v.problem = std::move(why);
        return v;
    };
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        AuditEntry e;
        e.id = st->int64(0);
        e.at = QDateTime::fromString(st->text(1), Qt::ISODateWithMs);
        e.actor = st->text(2);
        e.action = st->text(3);
        e.entity = st->text(4);
        e.entityId = st->text(5);
        e.field = st->text(6);
        if (!st->isNull(7))
            e.oldValue = st->text(7);
        if (!st->isNull(8))
            e.newValue = st->text(8);
        e.prevHash = st->text(9);
        e.hash = st->text(10);
        ++v.entries;
        if (e.id != expectedId)
            return broken(expectedId,
                          QCoreApplication::translate("hocba::store::AuditLog", "Entry %1 is missing: it was deleted.")
                              .arg(expectedId));
        if (e.prevHash != expectedPrev)
            return broken(
                e.id,
                QCoreApplication::translate("hocba::store::AuditLog",
                                            "Entry %1 does not follow the entry before it: entries were removed or "
                                            "reordered.")
                    .arg(e.id));
        if (computeHash(e) != e.hash)
            return broken(
                e.id,
                QCoreApplication::translate("hocba::store::AuditLog", "Entry %1 was changed after it was written.")
                    .arg(e.id));
        expectedPrev = e.hash;
        ++expectedId;
    }
    // Removing the newest entries leaves a chain that is whole but short; AUTOINCREMENT remembers the highest id.
    auto seq = m_db.prepare(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'"));
    if (!seq)
        return std::unexpected(seq.error());
    auto seqRow = seq->step();
    if (!seqRow)
        return std::unexpected(seqRow.error());
    const qint64 highest = *seqRow ? seq->int64(0) : 0;
    if (highest > expectedId - 1)
        return broken(expectedId,
                      QCoreApplication::translate("hocba::store::AuditLog",
                                                  "Entry %1 is missing: the newest entries were deleted.")
                          .arg(expectedId));
    return v;
}

} // namespace hocba::store

// SPDX-License-Identifier: GPL-3.0-or-later
// STAND-IN, deleted at the merge: the corrections helper implements queueDepartmentRequest and departmentRequests
// (lifecycle/Corrections.h) with migration 0011's outbox. This one keeps the requests in its own small table so the
// transfer code and its tests build and run meanwhile.
#include "lifecycle/Corrections.h"

#include "store/Database.h"

namespace hocba::lifecycle {

namespace {

Status ensureTable(store::Database& db)
{
    return db.exec(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS standin_department_request (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        "lookup_code TEXT NOT NULL, school_year INTEGER NOT NULL, signed_xml BLOB NOT NULL UNIQUE, "
        "versions_json BLOB NOT NULL, queued_at TEXT NOT NULL)"));
}

} // namespace

Status queueDepartmentRequest(store::Database& db, DepartmentRequest::Kind kind, const QString& lookupCode,
                              int schoolYearStart, const QByteArray& signedXml, const QByteArray& versionsJson)
{
    if (auto s = ensureTable(db); !s)
        return s;
    auto st = db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO standin_department_request (kind, lookup_code, school_year, signed_xml, versions_json, "
        "queued_at) VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, kind == DepartmentRequest::Kind::Transfer ? QStringLiteral("transfer") : QStringLiteral("revoke"))
        .bind(2, lookupCode)
        .bind(3, qint64(schoolYearStart))
        .bind(4, signedXml)
        .bind(5, versionsJson.isNull() ? QByteArray("") : versionsJson);
    return st->exec();
}

Result<QList<DepartmentRequest>> departmentRequests(store::Database& db)
{
    if (auto s = ensureTable(db); !s)
        return std::unexpected(s.error());
    auto st = db.prepare(QStringLiteral("SELECT id, kind, lookup_code, school_year, signed_xml, versions_json, "
                                        "queued_at FROM standin_department_request ORDER BY id"));
    if (!st)
        return std::unexpected(st.error());
    QList<DepartmentRequest> list;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        DepartmentRequest r;
        r.id = st->int64(0);
        r.kind = st->text(1) == QLatin1String("transfer") ? DepartmentRequest::Kind::Transfer
                                                          : DepartmentRequest::Kind::Revoke;
        r.lookupCode = st->text(2);
        r.schoolYearStart = int(st->int64(3));
        r.signedXml = st->blob(4);
        r.versionsJson = st->blob(5);
        r.queuedAt = QDateTime::fromString(st->text(6), Qt::ISODate);
        list.append(r);
    }
    return list;
}

} // namespace hocba::lifecycle

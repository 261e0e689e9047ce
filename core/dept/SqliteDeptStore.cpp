// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/SqliteDeptStore.h"

#include "dept/RequestRules.h"
#include "dept/SqliteDb.h"
#include "dept/StoreErrors.h"

#include <QCryptographicHash>

#include <mutex>

namespace hocba::dept {

using sqlite::Connection;
using sqlite::Statement;

namespace {

const QString kAdmin = QStringLiteral("admin");

QDateTime nowUtc()
{
    QDateTime now = QDateTime::currentDateTimeUtc();
    return now.addMSecs(-now.time().msec());
}

std::unexpected<Error> failed(const Statement& s, const char* what)
{
    return std::unexpected(s.error(QString::fromLatin1(what)));
}

Status appendAuditIn(Connection& db, const AuditEvent& event)
{
    Statement last(db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
    QString prev(64, QLatin1Char('0'));
    if (last.next())
        prev = last.text(0);
    else if (last.failed())
        return failed(last, "audit last");
    const QString at = sqlite::isoTime(nowUtc());
    Statement insert(db,
                     "INSERT INTO audit (at, actor, action, entity, entity_id, detail, prev_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, at).bind(2, event.actor).bind(3, event.action).bind(4, event.entity).bind(5, event.entityId);
    insert.bind(6, event.detail).bind(7, prev).bind(8, auditEntryHash(prev, at, event));
    return insert.run();
}

/** The one writer connection and the mutex every write takes. Shared with the sessions, which may outlive a store. */
struct Writer
{
    std::mutex mutex;
    std::unique_ptr<Connection> db;

    /** Runs `work` in one BEGIN IMMEDIATE transaction: committed when it succeeds, rolled back when it fails. */
    template <class T, class F> Result<T> transact(F&& work)
    {
        std::lock_guard lock(mutex);
        if (auto ok = db->exec("BEGIN IMMEDIATE"); !ok)
            return std::unexpected(ok.error());
        Result<T> result = work(*db);
        if (!result) {
            (void)db->exec("ROLLBACK");
            return result;
        }
        if (auto ok = db->exec("COMMIT"); !ok) {
            (void)db->exec("ROLLBACK");
            return std::unexpected(ok.error());
        }
        return result;
    }
    /** A write of one row plus its audit entry. */
    Status write(const char* sql, const std::function<void(Statement&)>& bind, const AuditEvent& event)
    {
        return transact<void>([&](Connection& c) -> Status {
            Statement s(c, sql);
            bind(s);
            if (auto ok = s.run(); !ok)
                return ok;
            return appendAuditIn(c, event);
        });
    }
};

RecordStatus recordStatusFrom(const Statement& s, int first)
{
    // Columns from `first`: lookup_code, school_year_start, current_version, state, current_digest, window_id,
    // received_at, locked_at.
    RecordStatus r;
    r.lookupCode = s.text(first);
    r.schoolYearStart = int(s.integer(first + 1));
    r.version = int(s.integer(first + 2));
    r.state = recordStateFromCode(s.text(first + 3)).value_or(RecordState::Submitted);
    r.digest = s.text(first + 4);
    r.windowId = s.text(first + 5);
    r.receivedAt = s.time(first + 6);
    r.lockedAt = s.time(first + 7);
    r.revokedAt = s.time(first + 8);
    return r;
}
#define HEAD_COLUMNS                                                                                                   \
    "h.lookup_code, h.school_year_start, h.current_version, h.state, h.current_digest, h.window_id, h.received_at, "   \
    "h.locked_at, h.revoked_at"
constexpr int kHeadColumnCount = 9;

Window windowFrom(const Statement& s)
{
    // Columns: id, school_year_start, august, deadline, state, locked_at.
    Window w;
    w.id = s.text(0);
    w.schoolYearStart = int(s.integer(1));
    w.august = s.integer(2) != 0;
    w.deadline = QDate::fromString(s.text(3), Qt::ISODate);
    w.state = s.text(4) == QLatin1String("locked") ? WindowState::Locked : WindowState::Open;
    w.lockedAt = s.time(5);
    return w;
}
#define WINDOW_COLUMNS "id, school_year_start, august, deadline, state, locked_at"

Result<std::optional<School>> schoolWhere(Connection& db, const char* sql, const std::function<void(Statement&)>& bind)
{
    Statement s(db, sql);
    bind(s);
    if (s.next())
        return School {s.integer(0), s.text(1), s.text(2)};
    if (s.failed())
        return failed(s, "school");
    return std::nullopt;
}

struct HeadRow
{
    QString state;
    int version = 0;
};

/** The school that manages the record (the first to report it, until a transfer moves it); nullopt when unknown. */
Result<std::optional<Id>> managerOf(Connection& db, const QString& lookupCode)
{
    Statement m(db, "SELECT school_id FROM record_managers WHERE lookup_code = ?");
    m.bind(1, lookupCode);
    if (m.next())
        return std::optional<Id>(m.integer(0));
    if (m.failed())
        return failed(m, "manager");
    return std::optional<Id>();
}

/** A record is managed by one school: another school's submit is refused. */
Result<bool> heldByOtherSchool(Connection& db, const QString& lookupCode, Id schoolId)
{
    auto manager = managerOf(db, lookupCode);
    if (!manager)
        return std::unexpected(manager.error());
    return manager->has_value() && **manager != schoolId;
}

/** Whether the certificate signed, as principal, a packet this school submitted. */
Result<bool> isPrincipalOf(Connection& db, Id schoolId, const QString& certSha256)
{
    Statement c(db, "SELECT 1 FROM principal_certs WHERE school_id = ? AND cert_sha256 = ?");
    c.bind(1, schoolId).bind(2, certSha256);
    if (c.next())
        return true;
    if (c.failed())
        return failed(c, "principal cert");
    return false;
}

/** Decides a submit that is not a duplicate: nullopt when it may go ahead, else the refusal. */
Result<std::optional<SubmitStatus>> refusal(Connection& db, const NewSubmission& sub, std::optional<HeadRow>& head)
{
    auto other = heldByOtherSchool(db, sub.lookupCode, sub.schoolId);
    if (!other)
        return std::unexpected(other.error());
    if (*other)
        return SubmitStatus::OtherSchool;
    Statement h(db, "SELECT state, current_version FROM record_heads WHERE lookup_code = ? AND school_year_start = ?");
    h.bind(1, sub.lookupCode).bind(2, qint64(sub.schoolYearStart));
    if (h.next())
        head = HeadRow {h.text(0), int(h.integer(1))};
    else if (h.failed())
        return failed(h, "head");
    if (head && (head->state == QLatin1String("locked") || head->state == QLatin1String("history")))
        return SubmitStatus::Locked;
    if (head && sub.version <= head->version)
        return SubmitStatus::VersionNotNewer;
    Statement w(db, "SELECT state FROM windows WHERE id = ?");
    w.bind(1, sub.windowId);
    if (!w.next()) {
        if (w.failed())
            return failed(w, "window");
        return SubmitStatus::WindowClosed;
    }
    if (w.text(0) != QLatin1String("open"))
        return SubmitStatus::WindowClosed;
    return std::nullopt;
}

Result<QString> schoolCodeIn(Connection& db, Id schoolId)
{
    Statement s(db, "SELECT code FROM schools WHERE id = ?");
    s.bind(1, schoolId);
    if (s.next())
        return s.text(0);
    if (s.failed())
        return failed(s, "school code");
    return std::unexpected(storeerror::schoolNotRegistered(schoolId));
}

Status storeSubmission(Connection& db, const NewSubmission& sub, bool headExists, const SignedReceipt& receipt)
{
    Statement head(db,
                   headExists ? "UPDATE record_heads SET current_version = ?2, current_digest = ?3, window_id = ?4, "
                                "received_at = ?5, state = 'submitted', locked_at = NULL, revoked_at = NULL "
                                "WHERE lookup_code = ?1 AND school_year_start = ?7"
                              : "INSERT INTO record_heads (lookup_code, current_version, current_digest, "
                                "window_id, received_at, school_id, school_year_start, state) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'submitted')");
    head.bind(1, sub.lookupCode).bind(2, qint64(sub.version)).bind(3, sub.digest).bind(4, sub.windowId);
    head.bind(5, sub.receivedAt).bind(7, qint64(sub.schoolYearStart));
    if (!headExists)
        head.bind(6, sub.schoolId);
    if (auto ok = head.run(); !ok)
        return ok;
    Statement p(db,
                "INSERT INTO packets (lookup_code, version, digest, school_id, window_id, received_at, packet_xml, "
                "pdf, lookup_json, upload_receipt, upload_receipt_sig, school_year_start) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    p.bind(1, sub.lookupCode).bind(2, qint64(sub.version)).bind(3, sub.digest).bind(4, sub.schoolId);
    p.bind(5, sub.windowId).bind(6, sub.receivedAt).bind(7, sub.packetXml).bind(8, sub.pdf).bind(9, sub.lookupJson);
    p.bind(10, receipt.canonical).bind(11, receipt.signature).bind(12, qint64(sub.schoolYearStart));
    if (auto ok = p.run(); !ok)
        return ok;
    Statement manager(db, "INSERT OR IGNORE INTO record_managers (lookup_code, school_id, since) VALUES (?, ?, ?)");
    manager.bind(1, sub.lookupCode).bind(2, sub.schoolId).bind(3, sub.receivedAt);
    if (auto ok = manager.run(); !ok)
        return ok;
    for (const QString& cert : sub.principalCertSha256) {
        Statement c(db,
                    "INSERT OR IGNORE INTO principal_certs (school_id, cert_sha256, first_digest, first_seen_at) "
                    "VALUES (?, ?, ?, ?)");
        c.bind(1, sub.schoolId).bind(2, cert).bind(3, sub.digest).bind(4, sub.receivedAt);
        if (auto ok = c.run(); !ok)
            return ok;
    }
    return {};
}

Result<SubmitOutcome> submitIn(Connection& db, const NewSubmission& sub, const ReceiptSigning& sign)
{
    Statement dup(db, "SELECT upload_receipt, upload_receipt_sig FROM packets WHERE digest = ?");
    dup.bind(1, sub.digest);
    if (dup.next())
        return SubmitOutcome {SubmitStatus::Duplicate, {dup.blob(0), dup.blob(1)}};
    if (dup.failed())
        return failed(dup, "duplicate");
    std::optional<HeadRow> head;
    auto refused = refusal(db, sub, head);
    if (!refused)
        return std::unexpected(refused.error());
    if (*refused)
        return SubmitOutcome {**refused, {}};
    auto schoolCode = schoolCodeIn(db, sub.schoolId);
    if (!schoolCode)
        return std::unexpected(schoolCode.error());
    signing::Receipt receipt {signing::Receipt::Kind::Upload,
                              sub.lookupCode,
                              sub.version,
                              sub.digest,
                              *schoolCode,
                              sub.windowId,
                              sub.receivedAt.toUTC(),
                              {}};
    auto signedReceipt = sign(receipt);
    if (!signedReceipt)
        return std::unexpected(signedReceipt.error());
    if (auto ok = storeSubmission(db, sub, head.has_value(), *signedReceipt); !ok)
        return std::unexpected(ok.error());
    if (auto ok = appendAuditIn(db, rules::submitAudit(*schoolCode, sub)); !ok)
        return std::unexpected(ok.error());
    return SubmitOutcome {SubmitStatus::Accepted, *signedReceipt};
}

Result<RevokeOutcome> revokeIn(Connection& db, const NewRevocation& r, const ReceiptSigning& sign)
{
    Statement dup(db, "SELECT version, revoked_at, receipt, receipt_sig FROM revocations WHERE digest = ?");
    dup.bind(1, r.digest);
    if (dup.next())
        return RevokeOutcome {RequestStatus::Duplicate, {dup.blob(2), dup.blob(3)}, int(dup.integer(0)), dup.time(1)};
    if (dup.failed())
        return failed(dup, "revoke duplicate");
    Statement h(db,
                "SELECT state, current_version, window_id FROM record_heads WHERE lookup_code = ? "
                "AND school_year_start = ?");
    h.bind(1, r.lookupCode).bind(2, qint64(r.schoolYearStart));
    rules::RevokeFacts facts;
    QString windowId;
    if (h.next()) {
        facts.headState = recordStateFromCode(h.text(0));
        facts.currentVersion = int(h.integer(1));
        windowId = h.text(2);
    } else if (h.failed()) {
        return failed(h, "revoke head");
    }
    auto manager = managerOf(db, r.lookupCode);
    if (!manager)
        return std::unexpected(manager.error());
    facts.manager = *manager;
    auto principal = isPrincipalOf(db, r.schoolId, r.signerCertSha256);
    if (!principal)
        return std::unexpected(principal.error());
    facts.signerIsPrincipal = *principal;
    if (const auto refused = rules::revokeRefusal(r, facts))
        return RevokeOutcome {*refused, {}, 0, {}};
    const int current = facts.currentVersion;
    auto schoolCode = schoolCodeIn(db, r.schoolId);
    if (!schoolCode)
        return std::unexpected(schoolCode.error());
    const QDateTime at = r.receivedAt.toUTC();
    auto receipt
        = sign({signing::Receipt::Kind::Revoke, r.lookupCode, current, r.digest, *schoolCode, windowId, at, {}});
    if (!receipt)
        return std::unexpected(receipt.error());
    Statement head(db,
                   "UPDATE record_heads SET state = 'revoked', revoked_at = ? WHERE lookup_code = ? "
                   "AND school_year_start = ?");
    head.bind(1, at).bind(2, r.lookupCode).bind(3, qint64(r.schoolYearStart));
    if (auto ok = head.run(); !ok)
        return std::unexpected(ok.error());
    Statement insert(db,
                     "INSERT INTO revocations (lookup_code, school_year_start, version, digest, school_id, "
                     "request_xml, revoked_at, receipt, receipt_sig) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, r.lookupCode).bind(2, qint64(r.schoolYearStart)).bind(3, qint64(current)).bind(4, r.digest);
    insert.bind(5, r.schoolId).bind(6, r.requestXml).bind(7, at).bind(8, receipt->canonical);
    insert.bind(9, receipt->signature);
    if (auto ok = insert.run(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = appendAuditIn(db, rules::revokeAudit(*schoolCode, r, current)); !ok)
        return std::unexpected(ok.error());
    return RevokeOutcome {RequestStatus::Accepted, *receipt, current, at};
}

/** Stores the versions of a record from another province and makes each year's head (state history). */
Status storeHistoryIn(Connection& db, Id transferId, const NewTransfer& t, Id toSchoolId)
{
    QList<const HistoryVersion*> stored;
    for (const HistoryVersion& v : t.history) {
        Statement insert(
            db,
            "INSERT OR IGNORE INTO history_versions (transfer_id, lookup_code, school_year_start, version, "
            "digest, school_code, school_name, received_at, packet_xml, pdf, lookup_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, transferId).bind(2, t.lookupCode).bind(3, qint64(v.schoolYearStart)).bind(4, qint64(v.version));
        insert.bind(5, v.digest).bind(6, v.schoolCode).bind(7, v.schoolName).bind(8, t.receivedAt);
        insert.bind(9, v.packetXml).bind(10, v.pdf).bind(11, v.lookupJson);
        if (auto ok = insert.run(); !ok)
            return ok;
        if (db.changes() > 0)
            stored.append(&v);
    }
    for (const HistoryVersion* v : rules::historyHeads(stored)) {
        Statement head(
            db,
            "INSERT INTO record_heads (lookup_code, school_year_start, school_id, window_id, "
            "current_version, current_digest, state, received_at) VALUES (?, ?, ?, NULL, ?, ?, 'history', ?)");
        head.bind(1, t.lookupCode).bind(2, qint64(v->schoolYearStart)).bind(3, toSchoolId);
        head.bind(4, qint64(v->version)).bind(5, v->digest).bind(6, t.receivedAt);
        if (auto ok = head.run(); !ok)
            return ok;
    }
    return {};
}

Result<TransferOutcome> transferIn(Connection& db, const NewTransfer& t, const ReceiptSigning& sign)
{
    Statement dup(db,
                  "SELECT t.receipt, t.receipt_sig, t.transferred_at, s.id, s.code, s.name FROM transfers t "
                  "JOIN schools s ON s.id = t.to_school_id WHERE t.digest = ?");
    dup.bind(1, t.digest);
    if (dup.next())
        return TransferOutcome {RequestStatus::Duplicate,
                                {dup.blob(0), dup.blob(1)},
                                School {dup.integer(3), dup.text(4), dup.text(5)},
                                dup.time(2)};
    if (dup.failed())
        return failed(dup, "transfer duplicate");
    auto to = schoolWhere(db, "SELECT id, code, name FROM schools WHERE code = ?",
                          [&](Statement& s) { s.bind(1, t.toSchoolCode); });
    if (!to)
        return std::unexpected(to.error());
    rules::TransferFacts facts;
    facts.toSchoolRegistered = to->has_value();
    auto senderCode = schoolCodeIn(db, t.senderSchoolId);
    if (!senderCode)
        return std::unexpected(senderCode.error());
    facts.senderCode = *senderCode;
    auto manager = managerOf(db, t.lookupCode);
    if (!manager)
        return std::unexpected(manager.error());
    if (*manager) {
        auto managerCode = schoolCodeIn(db, **manager);
        if (!managerCode)
            return std::unexpected(managerCode.error());
        facts.managerCode = *managerCode;
    }
    auto from = schoolWhere(db, "SELECT id, code, name FROM schools WHERE code = ?",
                            [&](Statement& s) { s.bind(1, t.fromSchoolCode); });
    if (!from)
        return std::unexpected(from.error());
    if (*from) {
        auto principal = isPrincipalOf(db, (*from)->id, t.signerCertSha256);
        if (!principal)
            return std::unexpected(principal.error());
        facts.signerIsPrincipal = *principal;
    }
    if (const auto refused = rules::transferRefusal(t, facts))
        return TransferOutcome {*refused, {}, {}, {}};
    const QDateTime at = t.receivedAt.toUTC();
    auto receipt = sign({signing::Receipt::Kind::Transfer, t.lookupCode, 0, t.digest, (*to)->code, {}, at, {}});
    if (!receipt)
        return std::unexpected(receipt.error());
    Statement insert(db,
                     "INSERT INTO transfers (lookup_code, digest, from_school_code, from_school_name, to_school_id, "
                     "sender_school_id, transfer_date, statement_xml, transferred_at, receipt, receipt_sig) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, t.lookupCode).bind(2, t.digest).bind(3, t.fromSchoolCode).bind(4, t.fromSchoolName);
    insert.bind(5, (*to)->id).bind(6, t.senderSchoolId).bind(7, t.transferDate.toString(Qt::ISODate));
    insert.bind(8, t.statementXml).bind(9, at).bind(10, receipt->canonical).bind(11, receipt->signature);
    if (auto ok = insert.run(); !ok)
        return std::unexpected(ok.error());
    const Id transferId = db.lastInsertId();
    Statement move(db,
                   *manager ? "UPDATE record_managers SET school_id = ?2, since = ?3 WHERE lookup_code = ?1"
                            : "INSERT INTO record_managers (lookup_code, school_id, since) VALUES (?1, ?2, ?3)");
    move.bind(1, t.lookupCode).bind(2, (*to)->id).bind(3, at);
    if (auto ok = move.run(); !ok)
        return std::unexpected(ok.error());
    if (!*manager)
        if (auto ok = storeHistoryIn(db, transferId, t, (*to)->id); !ok)
            return std::unexpected(ok.error());
    if (auto ok = appendAuditIn(db, rules::transferAudit(*senderCode, t, *manager ? 0 : t.history.size())); !ok)
        return std::unexpected(ok.error());
    return TransferOutcome {RequestStatus::Accepted, *receipt, **to, at};
}

/** Locks the window itself if still open; the effective date of every record it locks (the stored one if locked). */
Result<QDateTime> closeWindowIn(Connection& db, const QString& windowId, const QDateTime& effectiveAt,
                                const QString& actor)
{
    Statement w(db, "SELECT state, locked_at FROM windows WHERE id = ?");
    w.bind(1, windowId);
    if (!w.next()) {
        if (w.failed())
            return failed(w, "window");
        return std::unexpected(storeerror::noWindow(windowId));
    }
    if (w.text(0) == QLatin1String("locked"))
        return w.isNull(1) ? effectiveAt.toUTC() : w.time(1); // added already locked without a date: this call's
    Statement lock(db, "UPDATE windows SET state = 'locked', locked_at = ? WHERE id = ?");
    lock.bind(1, effectiveAt.toUTC()).bind(2, windowId);
    if (auto ok = lock.run(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = appendAuditIn(
            db,
            {actor, QStringLiteral("lock_window"), QStringLiteral("window"), windowId, sqlite::isoTime(effectiveAt)});
        !ok)
        return std::unexpected(ok.error());
    return effectiveAt.toUTC();
}

struct ToLock
{
    QString lookupCode;
    int schoolYearStart = 0;
    int version = 0;
    QString digest;
    QString schoolCode;
    Id schoolId = 0;
};

Status lockOne(Connection& db, const ToLock& r, const QString& windowId, const QDateTime& at,
               const ReceiptSigning& sign)
{
    auto receipt
        = sign({signing::Receipt::Kind::Lock, r.lookupCode, r.version, r.digest, r.schoolCode, windowId, at, {}});
    if (!receipt)
        return std::unexpected(receipt.error());
    Statement head(db,
                   "UPDATE record_heads SET state = 'locked', locked_at = ? WHERE lookup_code = ? "
                   "AND school_year_start = ?");
    head.bind(1, at).bind(2, r.lookupCode).bind(3, qint64(r.schoolYearStart));
    if (auto ok = head.run(); !ok)
        return ok;
    Statement insert(db,
                     "INSERT INTO lock_receipts (lookup_code, version, school_id, window_id, locked_at, receipt, "
                     "receipt_sig, school_year_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, r.lookupCode).bind(2, qint64(r.version)).bind(3, r.schoolId).bind(4, windowId).bind(5, at);
    insert.bind(6, receipt->canonical).bind(7, receipt->signature).bind(8, qint64(r.schoolYearStart));
    return insert.run();
}

/** One batch of lockWindow in the caller's transaction; how many it locked (0: the window is done). */
Result<qint64> lockBatchIn(Connection& db, const QString& windowId, const QDateTime& at, const ReceiptSigning& sign,
                           const QString& actor)
{
    Statement select(db,
                     "SELECT h.lookup_code, h.school_year_start, h.current_version, h.current_digest, s.code, "
                     "h.school_id FROM record_heads h JOIN schools s ON s.id = h.school_id "
                     "WHERE h.window_id = ? AND h.state = 'submitted' ORDER BY h.lookup_code, h.school_year_start "
                     "LIMIT ?");
    select.bind(1, windowId).bind(2, qint64(kSqliteLockBatch));
    QList<ToLock> batch;
    while (select.next())
        batch.append({select.text(0), int(select.integer(1)), int(select.integer(2)), select.text(3), select.text(4),
                      select.integer(5)});
    if (select.failed())
        return failed(select, "lock batch");
    for (const ToLock& r : batch)
        if (auto ok = lockOne(db, r, windowId, at, sign); !ok)
            return std::unexpected(ok.error());
    if (!batch.isEmpty())
        if (auto ok = appendAuditIn(db,
                                    {actor, QStringLiteral("lock_batch"), QStringLiteral("window"), windowId,
                                     QString::number(batch.size())});
            !ok)
            return std::unexpected(ok.error());
    return qint64(batch.size());
}

} // namespace

namespace {

class SqliteDeptSession final : public DeptSession
{
public:
    SqliteDeptSession(std::shared_ptr<Writer> writer, std::unique_ptr<Connection> reader)
        : m_writer(std::move(writer))
        , m_reader(std::move(reader))
    { }

    Result<School> addSchool(const QString& code, const QString& name) override
    {
        return m_writer->transact<School>([&](Connection& db) -> Result<School> {
            Statement s(db, "INSERT INTO schools (code, name, created_at) VALUES (?, ?, ?)");
            s.bind(1, code).bind(2, name).bind(3, nowUtc());
            if (auto ok = s.run(); !ok)
                return std::unexpected(ok.error());
            const School school {db.lastInsertId(), code, name};
            if (auto ok = appendAuditIn(db, {kAdmin, QStringLiteral("school_add"), QStringLiteral("school"), code, {}});
                !ok)
                return std::unexpected(ok.error());
            return school;
        });
    }

    Result<std::optional<School>> schoolByCode(const QString& code) override
    {
        return schoolWhere(*m_reader, "SELECT id, code, name FROM schools WHERE code = ?",
                           [&](Statement& s) { s.bind(1, code); });
    }

    Status addCredential(Id schoolId, const QByteArray& tokenSha256) override
    {
        return m_writer->transact<void>([&](Connection& db) -> Status {
            auto code = schoolCodeIn(db, schoolId);
            if (!code)
                return std::unexpected(code.error());
            Statement s(db, "INSERT INTO school_credentials (token_sha256, school_id, created_at) VALUES (?, ?, ?)");
            s.bind(1, tokenSha256).bind(2, schoolId).bind(3, nowUtc());
            if (auto ok = s.run(); !ok)
                return ok;
            return appendAuditIn(db, {kAdmin, QStringLiteral("credential_add"), QStringLiteral("school"), *code, {}});
        });
    }

    Result<int> revokeCredentials(Id schoolId) override
    {
        return m_writer->transact<int>([&](Connection& db) -> Result<int> {
            Statement s(db, "UPDATE school_credentials SET revoked_at = ? WHERE school_id = ? AND revoked_at IS NULL");
            s.bind(1, nowUtc()).bind(2, schoolId);
            if (auto ok = s.run(); !ok)
                return std::unexpected(ok.error());
            const int revoked = int(db.changes());
            if (revoked == 0)
                return 0;
            auto code = schoolCodeIn(db, schoolId);
            if (!code)
                return std::unexpected(code.error());
            if (auto ok = appendAuditIn(db,
                                        {kAdmin, QStringLiteral("credential_revoke"), QStringLiteral("school"), *code,
                                         QString::number(revoked)});
                !ok)
                return std::unexpected(ok.error());
            return revoked;
        });
    }

    Result<std::optional<School>> schoolForCredential(const QByteArray& tokenSha256) override
    {
        return schoolWhere(*m_reader,
                           "SELECT s.id, s.code, s.name FROM school_credentials c JOIN schools s ON s.id = c.school_id "
                           "WHERE c.token_sha256 = ? AND c.revoked_at IS NULL",
                           [&](Statement& s) { s.bind(1, tokenSha256); });
    }

    Status addTrustAnchor(const QByteArray& der, const QString& label) override
    {
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex());
        return m_writer->transact<void>([&](Connection& db) -> Status {
            Statement s(db, "INSERT OR IGNORE INTO trust_anchors (sha256, der, label, added_at) VALUES (?, ?, ?, ?)");
            s.bind(1, sha).bind(2, der).bind(3, label).bind(4, nowUtc());
            if (auto ok = s.run(); !ok || db.changes() == 0)
                return ok;
            return appendAuditIn(db, {kAdmin, QStringLiteral("trust_add"), QStringLiteral("trust_anchor"), sha, {}});
        });
    }

    Result<QList<QByteArray>> trustAnchors() override
    {
        Statement s(*m_reader, "SELECT der FROM trust_anchors ORDER BY added_at, sha256");
        QList<QByteArray> anchors;
        while (s.next())
            anchors.append(s.blob(0));
        if (s.failed())
            return failed(s, "trust anchors");
        return anchors;
    }

    Result<signing::BaselineLevel> minimumLevel() override
    {
        Statement s(*m_reader, "SELECT min_level FROM upload_policy WHERE id = 1");
        if (!s.next()) {
            if (s.failed())
                return failed(s, "upload policy");
            return signing::BaselineLevel::B;
        }
        return policyLevelFromCode(s.text(0)).value_or(signing::BaselineLevel::B);
    }

    Status setMinimumLevel(signing::BaselineLevel level) override
    {
        if (!policyLevelFromCode(signing::levelCode(level)))
            return fail(ErrorCode::InvalidInput, QStringLiteral("unsupported policy level"));
        return m_writer->transact<void>([&](Connection& db) -> Status {
            QString before = QStringLiteral("B");
            {
                Statement old(db, "SELECT min_level FROM upload_policy WHERE id = 1");
                if (old.next())
                    before = old.text(0);
                else if (old.failed())
                    return failed(old, "upload policy");
            }
            const QString after = signing::levelCode(level);
            if (before == after)
                return {};
            Statement s(db,
                        "INSERT INTO upload_policy (id, min_level, updated_at) VALUES (1, ?, ?) "
                        "ON CONFLICT (id) DO UPDATE SET min_level = excluded.min_level, "
                        "updated_at = excluded.updated_at");
            s.bind(1, after).bind(2, nowUtc());
            if (auto ok = s.run(); !ok)
                return ok;
            return appendAuditIn(db,
                                 {kAdmin, QStringLiteral("policy_set"), QStringLiteral("upload_policy"),
                                  QStringLiteral("min_level"), before + QStringLiteral(" -> ") + after});
        });
    }

    Status addWindow(const Window& w) override
    {
        return m_writer->write(
            "INSERT INTO windows (id, school_year_start, august, deadline, state, locked_at) VALUES (?, ?, ?, ?, ?, ?)",
            [&](Statement& s) {
                s.bind(1, w.id).bind(2, qint64(w.schoolYearStart)).bind(3, qint64(w.august ? 1 : 0));
                s.bind(4, w.deadline.toString(Qt::ISODate));
                s.bind(5, w.state == WindowState::Locked ? QStringLiteral("locked") : QStringLiteral("open"));
                s.bind(6, w.state == WindowState::Locked ? w.lockedAt : QDateTime());
            },
            {kAdmin, QStringLiteral("window_add"), QStringLiteral("window"), w.id, w.deadline.toString(Qt::ISODate)});
    }

    Result<QList<Window>> windows() override
    {
        return windowsWhere("SELECT " WINDOW_COLUMNS " FROM windows ORDER BY id", {});
    }

    Result<std::optional<Window>> window(const QString& id) override
    {
        auto list
            = windowsWhere("SELECT " WINDOW_COLUMNS " FROM windows WHERE id = ?", [&](Statement& s) { s.bind(1, id); });
        if (!list)
            return std::unexpected(list.error());
        return list->isEmpty() ? std::nullopt : std::optional<Window>(list->first());
    }

    Result<std::optional<Window>> openWindowFor(int schoolYearStart, bool august) override
    {
        auto list = windowsWhere("SELECT " WINDOW_COLUMNS
                                 " FROM windows WHERE school_year_start = ? AND august = ? AND state = 'open'",
                                 [&](Statement& s) { s.bind(1, qint64(schoolYearStart)).bind(2, qint64(august)); });
        if (!list)
            return std::unexpected(list.error());
        return list->isEmpty() ? std::nullopt : std::optional<Window>(list->first());
    }

    Result<SubmitOutcome> submit(const NewSubmission& submission, const ReceiptSigning& sign) override
    {
        return m_writer->transact<SubmitOutcome>([&](Connection& db) { return submitIn(db, submission, sign); });
    }

    Result<RevokeOutcome> revoke(const NewRevocation& revocation, const ReceiptSigning& sign) override
    {
        return m_writer->transact<RevokeOutcome>([&](Connection& db) { return revokeIn(db, revocation, sign); });
    }

    Result<TransferOutcome> transfer(const NewTransfer& transfer, const ReceiptSigning& sign) override
    {
        return m_writer->transact<TransferOutcome>([&](Connection& db) { return transferIn(db, transfer, sign); });
    }

    Result<QList<TransferRow>> transfers(const QString& lookupCode) override;
    Result<QList<RecordStatus>> status(Id schoolId, const QStringList& codes) override;
    Result<Page<SignedReceipt>> lockReceipts(Id schoolId, const QString& windowId, const QString& after,
                                             int limit) override;
    Result<QList<LookupRow>> lookup(const QString& lookupCode) override;
    Result<QByteArray> signedPdf(const QString& lookupCode, int schoolYearStart) override;
    Result<qint64> lockWindow(const QString& windowId, const QDateTime& effectiveAt, const ReceiptSigning& sign,
                              const QString& actor) override;
    Status exportLocked(const QString& windowId, const std::function<bool(const ExportItem&)>& sink) override;
    Result<QList<WindowCounts>> counts() override;

    Status appendAudit(const AuditEvent& event) override
    {
        return m_writer->transact<void>([&](Connection& db) { return appendAuditIn(db, event); });
    }

    Result<qint64> verifyAudit() override;

private:
    Result<QList<LookupRow>> lookupIn(const QString& lookupCode);
    Result<QList<Window>> windowsWhere(const char* sql, const std::function<void(Statement&)>& bind)
    {
        Statement s(*m_reader, sql);
        if (bind)
            bind(s);
        QList<Window> list;
        while (s.next())
            list.append(windowFrom(s));
        if (s.failed())
            return failed(s, "windows");
        return list;
    }

    std::shared_ptr<Writer> m_writer;
    std::unique_ptr<Connection> m_reader;
};

} // namespace

Result<QList<RecordStatus>> SqliteDeptSession::status(Id schoolId, const QStringList& codes)
{
    Statement s(*m_reader,
                "SELECT " HEAD_COLUMNS " FROM record_heads h WHERE h.lookup_code = ? AND h.school_id = ? "
                "ORDER BY h.school_year_start");
    QList<RecordStatus> list;
    for (const QString& code : codes) {
        s.reset();
        s.bind(1, code).bind(2, schoolId);
        while (s.next())
            list.append(recordStatusFrom(s, 0));
        if (s.failed())
            return failed(s, "status");
    }
    s.reset();
    return list;
}

Result<Page<SignedReceipt>> SqliteDeptSession::lockReceipts(Id schoolId, const QString& windowId, const QString& after,
                                                            int limit)
{
    const auto afterId = receiptsCursor(after, limit);
    if (!afterId)
        return std::unexpected(afterId.error());
    Statement s(*m_reader,
                "SELECT id, receipt, receipt_sig FROM lock_receipts WHERE school_id = ?1 "
                "AND (?2 = '' OR window_id = ?2) AND id > ?3 ORDER BY id LIMIT ?4");
    s.bind(1, schoolId).bind(2, windowId).bind(3, *afterId).bind(4, qint64(limit) + 1);
    Page<SignedReceipt> page;
    qint64 lastId = 0;
    while (s.next()) {
        if (page.items.size() == limit) {
            page.next = QString::number(lastId);
            break;
        }
        lastId = s.integer(0);
        page.items.append({s.blob(1), s.blob(2)});
    }
    if (s.failed())
        return failed(s, "lock receipts");
    return page;
}

Result<QList<LookupRow>> SqliteDeptSession::lookup(const QString& lookupCode)
{
    // One read transaction: the heads and the versions are one snapshot.
    if (auto ok = m_reader->exec("BEGIN"); !ok)
        return std::unexpected(ok.error());
    auto years = lookupIn(lookupCode);
    (void)m_reader->exec("COMMIT");
    return years;
}

Result<QList<LookupRow>> SqliteDeptSession::lookupIn(const QString& lookupCode)
{
    Statement s(*m_reader,
                "SELECT " HEAD_COLUMNS ", s.id, s.code, s.name, coalesce(p.lookup_json, hv.lookup_json), "
                "hv.school_code, hv.school_name FROM record_heads h JOIN schools s ON s.id = h.school_id "
                "LEFT JOIN packets p ON p.digest = h.current_digest "
                "LEFT JOIN history_versions hv ON hv.digest = h.current_digest "
                "WHERE h.lookup_code = ? ORDER BY h.school_year_start");
    s.bind(1, lookupCode);
    constexpr int c = kHeadColumnCount;
    QList<LookupRow> years;
    while (s.next()) {
        LookupRow row {recordStatusFrom(s, 0), School {s.integer(c), s.text(c + 1), s.text(c + 2)}, s.blob(c + 3), {}};
        if (row.status.state == RecordState::History)
            row.school = School {0, s.text(c + 4), s.text(c + 5)};
        years.append(row);
    }
    if (s.failed())
        return failed(s, "lookup");
    s.reset();
    Statement v(*m_reader,
                "SELECT school_year_start, version, digest, received_at, (SELECT min(q.received_at) FROM packets q "
                "WHERE q.lookup_code = p.lookup_code AND q.school_year_start = p.school_year_start "
                "AND q.version > p.version) FROM packets p WHERE p.lookup_code = ?1 "
                "UNION ALL SELECT school_year_start, version, digest, received_at, (SELECT min(q.received_at) "
                "FROM history_versions q WHERE q.lookup_code = p.lookup_code "
                "AND q.school_year_start = p.school_year_start AND q.version > p.version) "
                "FROM history_versions p WHERE p.lookup_code = ?1 ORDER BY 1, 2");
    v.bind(1, lookupCode);
    while (v.next()) {
        const int year = int(v.integer(0));
        for (LookupRow& row : years)
            if (row.status.schoolYearStart == year)
                row.versions.append({int(v.integer(1)), v.text(2), v.time(3), v.time(4)});
    }
    if (v.failed())
        return failed(v, "versions");
    return years;
}

Result<QList<TransferRow>> SqliteDeptSession::transfers(const QString& lookupCode)
{
    Statement s(*m_reader,
                "SELECT t.from_school_name, s.name, t.transfer_date, t.transferred_at FROM transfers t "
                "JOIN schools s ON s.id = t.to_school_id WHERE t.lookup_code = ? ORDER BY t.id");
    s.bind(1, lookupCode);
    QList<TransferRow> list;
    while (s.next())
        list.append({s.text(0), s.text(1), QDate::fromString(s.text(2), Qt::ISODate), s.time(3)});
    if (s.failed())
        return failed(s, "transfers");
    return list;
}

Result<QByteArray> SqliteDeptSession::signedPdf(const QString& lookupCode, int schoolYearStart)
{
    Statement s(*m_reader,
                "SELECT coalesce(p.pdf, hv.pdf) FROM record_heads h LEFT JOIN packets p ON p.digest = h.current_digest "
                "LEFT JOIN history_versions hv ON hv.digest = h.current_digest "
                "WHERE h.lookup_code = ?1 AND (?2 = 0 OR h.school_year_start = ?2) "
                "ORDER BY h.school_year_start DESC LIMIT 1");
    s.bind(1, lookupCode).bind(2, qint64(schoolYearStart));
    if (s.next())
        return s.blob(0);
    if (s.failed())
        return failed(s, "pdf");
    return QByteArray();
}

Result<qint64> SqliteDeptSession::lockWindow(const QString& windowId, const QDateTime& effectiveAt,
                                             const ReceiptSigning& sign, const QString& actor)
{
    // The window closes first, in its own transaction: from then on no submit gets in, and the records are locked in
    // batches with the window's stored effective date, whichever call finishes them.
    auto at = m_writer->transact<QDateTime>(
        [&](Connection& db) { return closeWindowIn(db, windowId, effectiveAt, actor); });
    if (!at)
        return std::unexpected(at.error());
    qint64 total = 0;
    for (;;) {
        auto locked
            = m_writer->transact<qint64>([&](Connection& db) { return lockBatchIn(db, windowId, *at, sign, actor); });
        if (!locked)
            return std::unexpected(locked.error());
        if (*locked == 0)
            return total;
        total += *locked;
    }
}

Status SqliteDeptSession::exportLocked(const QString& windowId, const std::function<bool(const ExportItem&)>& sink)
{
    // One read transaction: the export is one snapshot even while schools of other windows keep uploading.
    if (auto ok = m_reader->exec("BEGIN"); !ok)
        return ok;
    Statement s(*m_reader,
                "SELECT " HEAD_COLUMNS ", s.code, p.packet_xml, p.pdf, l.receipt, l.receipt_sig "
                "FROM record_heads h JOIN schools s ON s.id = h.school_id "
                "JOIN packets p ON p.digest = h.current_digest "
                "JOIN lock_receipts l ON l.lookup_code = h.lookup_code "
                "AND l.school_year_start = h.school_year_start AND l.version = h.current_version "
                "WHERE h.window_id = ? AND h.state = 'locked' ORDER BY h.lookup_code, h.school_year_start");
    s.bind(1, windowId);
    constexpr int c = kHeadColumnCount;
    while (s.next()) {
        const ExportItem item {
            recordStatusFrom(s, 0), s.text(c), s.blob(c + 1), s.blob(c + 2), {s.blob(c + 3), s.blob(c + 4)}};
        if (!sink(item))
            break;
    }
    const std::optional<Error> readError = s.failed() ? std::optional(s.error(QStringLiteral("export"))) : std::nullopt;
    s.reset();
    (void)m_reader->exec("COMMIT");
    if (readError)
        return std::unexpected(*readError);
    return {};
}

Result<QList<WindowCounts>> SqliteDeptSession::counts()
{
    Statement s(*m_reader,
                "SELECT " WINDOW_COLUMNS ", "
                "(SELECT count(*) FROM record_heads h WHERE h.window_id = w.id AND h.state = 'submitted'), "
                "(SELECT count(*) FROM record_heads h WHERE h.window_id = w.id AND h.state = 'locked'), "
                "(SELECT count(DISTINCT h.school_id) FROM record_heads h WHERE h.window_id = w.id) "
                "FROM windows w ORDER BY w.id");
    QList<WindowCounts> list;
    while (s.next())
        list.append({windowFrom(s), s.integer(6), s.integer(7), s.integer(8)});
    if (s.failed())
        return failed(s, "counts");
    return list;
}

Result<qint64> SqliteDeptSession::verifyAudit()
{
    Statement s(*m_reader,
                "SELECT id, at, actor, action, entity, entity_id, detail, prev_hash, hash FROM audit "
                "ORDER BY id");
    QString prev(64, QLatin1Char('0'));
    qint64 count = 0;
    while (s.next()) {
        const AuditEvent event {s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)};
        if (s.text(7) != prev || auditEntryHash(prev, s.text(1), event) != s.text(8))
            return std::unexpected(storeerror::auditChainBroken(s.integer(0)));
        prev = s.text(8);
        ++count;
    }
    if (s.failed())
        return failed(s, "audit");
    return count;
}

namespace {

class SqliteDeptStore final : public DeptStore
{
public:
    SqliteDeptStore(QString path, std::shared_ptr<Writer> writer)
        : m_path(std::move(path))
        , m_writer(std::move(writer))
    { }

    Result<std::unique_ptr<DeptSession>> openSession() override
    {
        auto reader = Connection::open(m_path, Connection::Mode::Reader);
        if (!reader)
            return std::unexpected(reader.error());
        return std::make_unique<SqliteDeptSession>(m_writer, std::move(*reader));
    }
    QString engine() const override { return QStringLiteral("sqlite"); }

private:
    QString m_path;
    std::shared_ptr<Writer> m_writer;
};

} // namespace

Result<std::unique_ptr<DeptStore>> openSqliteDeptStore(const QString& path)
{
    auto db = Connection::open(path, Connection::Mode::Writer);
    if (!db)
        return std::unexpected(db.error());
    if (auto ok = (*db)->migrate(); !ok)
        return std::unexpected(ok.error());
    auto writer = std::make_shared<Writer>();
    writer->db = std::move(*db);
    return std::make_unique<SqliteDeptStore>(path, std::move(writer));
}

} // namespace hocba::dept

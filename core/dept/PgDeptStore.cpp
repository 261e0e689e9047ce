// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/PgDeptStore.h"

#include "dept/PgConnection.h"
#include "dept/RequestRules.h"
#include "dept/StoreErrors.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <libpq-fe.h>

namespace hocba::dept {

using pg::Param;
using pg::Rows;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hocba::dept::PgDeptStore", text);
}

// Advisory lock keys: one chain of audit entries, one migration run at a time ("hocba" and "hocbm" in ASCII).
constexpr qint64 kAuditLockKey = 0x686f636261;
constexpr qint64 kMigrationLockKey = 0x686f63626d;
// With a hash of the lookup code: the submits, revokes and transfers of one record are decided one after the other,
// whatever their year.
constexpr qint64 kSubmitLockKey = 0x686f6362;
// Receipts go to the server in statements of this many rows, so a 50,000-row batch is not one huge parameter.
constexpr int kLockChunkRows = 2000;

#define STATUS_COLUMNS                                                                                                 \
    "h.lookup_code, h.school_year_start, h.current_version, h.state, h.current_digest, h.window_id, h.received_at, "   \
    "h.locked_at, h.revoked_at"
constexpr int kStatusColumnCount = 9;

RecordStatus readStatus(const Rows& rows, int row, int first = 0)
{
    RecordStatus s;
    s.lookupCode = rows.text(row, first);
    s.schoolYearStart = int(rows.integer(row, first + 1));
    s.version = int(rows.integer(row, first + 2));
    s.state = recordStateFromCode(rows.text(row, first + 3)).value_or(RecordState::Submitted);
    s.digest = rows.text(row, first + 4);
    s.windowId = rows.text(row, first + 5);
    s.receivedAt = rows.time(row, first + 6);
    s.lockedAt = rows.time(row, first + 7);
    s.revokedAt = rows.time(row, first + 8);
    return s;
}

#define WINDOW_COLUMNS "id, school_year_start, august, deadline, state, locked_at"

Window readWindow(const Rows& rows, int row)
{
    Window w;
    w.id = rows.text(row, 0);
    w.schoolYearStart = int(rows.integer(row, 1));
    w.august = rows.boolean(row, 2);
    w.deadline = rows.date(row, 3);
    w.state = rows.text(row, 4) == QLatin1String("locked") ? WindowState::Locked : WindowState::Open;
    w.lockedAt = rows.time(row, 5);
    return w;
}

School readSchool(const Rows& rows, int row, int first = 0)
{
    return School {rows.integer(row, first), rows.text(row, first + 1), rows.text(row, first + 2)};
}

Result<std::optional<Window>> firstOf(const Result<QList<Window>>& windows)
{
    if (!windows)
        return std::unexpected(windows.error());
    if (windows->isEmpty())
        return std::optional<Window>();
    return std::optional<Window>(windows->first());
}

QString isoSeconds(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

class PgSession;

class PgStore final : public DeptStore
{
public:
    PgStore(QByteArray conninfo, PgStoreOptions options)
        : m_conninfo(std::move(conninfo))
        , m_options(options)
    { }
    Result<std::unique_ptr<DeptSession>> openSession() override;
    QString engine() const override { return QStringLiteral("postgresql"); }

private:
    const QByteArray m_conninfo;
    const PgStoreOptions m_options;
};

class PgSession final : public DeptSession
{
public:
    PgSession(std::unique_ptr<pg::Connection> conn, PgStoreOptions options)
        : m_db(std::move(conn))
        , m_options(options)
    { }

    Result<School> addSchool(const QString& code, const QString& name) override;
    Result<std::optional<School>> schoolByCode(const QString& code) override;
    Status addCredential(Id schoolId, const QByteArray& tokenSha256) override;
    Result<int> revokeCredentials(Id schoolId) override;
    Result<std::optional<School>> schoolForCredential(const QByteArray& tokenSha256) override;
    Status addTrustAnchor(const QByteArray& der, const QString& label) override;
    Result<QList<QByteArray>> trustAnchors() override;
    Result<signing::BaselineLevel> minimumLevel() override;
    Status setMinimumLevel(signing::BaselineLevel level) override;
    Status addWindow(const Window& window) override;
    Result<QList<Window>> windows() override;
    Result<std::optional<Window>> window(const QString& id) override;
    Result<std::optional<Window>> openWindowFor(int schoolYearStart, bool august) override;
    Result<SubmitOutcome> submit(const NewSubmission& submission, const ReceiptSigning& sign) override;
    Result<QList<RecordStatus>> status(Id schoolId, const QStringList& codes) override;
    Result<Page<SignedReceipt>> lockReceipts(Id schoolId, const QString& windowId, const QString& after,
                                             int limit) override;
    Result<RevokeOutcome> revoke(const NewRevocation& revocation, const ReceiptSigning& sign) override;
    Result<TransferOutcome> transfer(const NewTransfer& transfer, const ReceiptSigning& sign) override;
    Result<QList<TransferRow>> transfers(const QString& lookupCode) override;
    Result<QList<LookupRow>> lookup(const QString& lookupCode) override;
    Result<QByteArray> signedPdf(const QString& lookupCode, int schoolYearStart) override;
    Result<qint64> lockWindow(const QString& windowId, const QDateTime& effectiveAt, const ReceiptSigning& sign,
                              const QString& actor) override;
    Status exportLocked(const QString& windowId, const std::function<bool(const ExportItem&)>& sink) override;
    Result<QList<WindowCounts>> counts() override;
    Status appendAudit(const AuditEvent& event) override;
    Result<qint64> verifyAudit() override;

private:
    /** Appends to the chain inside the caller's transaction; the advisory lock keeps one chain across sessions. */
    Status appendAuditInTransaction(const AuditEvent& event);
    Result<QList<Window>> windowsWhere(const char* name, const char* query, const QList<Param>& params = {});
    Result<std::optional<SubmitOutcome>> storeSubmission(const NewSubmission& s, const ReceiptSigning& sign);
    Result<SubmitOutcome> refusal(const NewSubmission& s);
    Result<std::optional<SubmitOutcome>> duplicateOf(const QString& digest);
    /** Takes the lookup code's advisory lock for the rest of the transaction. */
    Status lockCode(const QString& lookupCode);
    /** `body` in one transaction that holds the lookup code's advisory lock. */
    template <class T> Result<T> underCodeLock(const QString& lookupCode, const std::function<Result<T>()>& body)
    {
        return m_db->transaction<T>([&]() -> Result<T> {
            if (auto locked = lockCode(lookupCode); !locked)
                return std::unexpected(locked.error());
            return body();
        });
    }
    Result<QString> schoolCodeOf(Id schoolId);
    /** The school that manages the record (the first to report it, until a transfer moves it); nullopt if unknown. */
    Result<std::optional<School>> managerOf(const QString& lookupCode);
    Result<bool> isPrincipalOf(Id schoolId, const QString& certSha256);
    Result<RevokeOutcome> revokeInTransaction(const NewRevocation& r, const ReceiptSigning& sign);
    Result<TransferOutcome> transferInTransaction(const NewTransfer& t, const ReceiptSigning& sign);
    /** Stores the versions of a record unknown here and makes each year's head from its latest (state history). */
    Status storeHistory(Id transferId, const NewTransfer& t, Id toSchoolId);
    /** Locks the window itself if still open; returns the effective date its heads get. */
    Result<QDateTime> closeWindow(const QString& windowId, const QDateTime& effectiveAt, const QString& actor);
    Result<qint64> lockBatch(const QString& windowId, const QDateTime& lockedAt, const ReceiptSigning& sign,
                             const QString& actor);
    Status storeLockReceipts(const QString& windowId, const QDateTime& lockedAt, const Rows& heads, int from, int to,
                             const QList<SignedReceipt>& receipts);
    Status readCursor(const char* query, const QList<Param>& params, int fetchRows,
                      const std::function<bool(const Rows&, int)>& row);

    std::unique_ptr<pg::Connection> m_db;
    PgStoreOptions m_options;
};

Result<std::unique_ptr<DeptSession>> PgStore::openSession()
{
    auto conn = pg::Connection::open(m_conninfo);
    if (!conn)
        return std::unexpected(conn.error());
    return std::unique_ptr<DeptSession>(std::make_unique<PgSession>(std::move(*conn), m_options));
}

// --- audit

Status PgSession::appendAuditInTransaction(const AuditEvent& event)
{
    if (auto locked
        = m_db->exec("audit_lock", "SELECT pg_advisory_xact_lock($1::bigint)", {Param::integer(kAuditLockKey)});
        !locked)
        return std::unexpected(locked.error());
    auto last = m_db->exec("audit_last", "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    if (!last)
        return std::unexpected(last.error());
    const qint64 id = last->size() ? last->integer(0, 0) + 1 : 1;
    const QString prev = last->size() ? last->text(0, 1) : QString(64, QLatin1Char('0'));
    // Taken under the lock, so the times along the chain never go backwards.
    const QString at = isoSeconds(QDateTime::currentDateTimeUtc());
    auto inserted
        = m_db->exec("audit_insert",
                     "INSERT INTO audit (id, at, actor, action, entity, entity_id, detail, prev_hash, hash) "
                     "VALUES ($1::bigint, $2::timestamptz, $3::text, $4::text, $5::text, $6::text, "
                     "$7::text, $8::text, $9::text)",
                     {Param::integer(id), Param::text(at), Param::text(event.actor), Param::text(event.action),
                      Param::text(event.entity), Param::text(event.entityId), Param::text(event.detail),
                      Param::text(prev), Param::text(auditEntryHash(prev, at, event))});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Status PgSession::appendAudit(const AuditEvent& event)
{
    return m_db->transaction<void>([&]() { return appendAuditInTransaction(event); });
}

Result<qint64> PgSession::verifyAudit()
{
    qint64 entries = 0;
    QString expectedPrev(64, QLatin1Char('0'));
    std::optional<Error> broken;
    const auto check = [&](const Rows& rows, int r) {
        const qint64 id = rows.integer(r, 0);
        const AuditEvent event {rows.text(r, 2), rows.text(r, 3), rows.text(r, 4), rows.text(r, 5), rows.text(r, 6)};
        // A gap in the ids (the appender numbers them) is a deleted entry; the hashes show edits and reordering.
        if (id != entries + 1 || rows.text(r, 7) != expectedPrev
            || auditEntryHash(expectedPrev, isoSeconds(rows.time(r, 1)), event) != rows.text(r, 8)) {
            broken = storeerror::auditChainBroken(qMin(id, entries + 1));
            return false;
        }
        expectedPrev = rows.text(r, 8);
        ++entries;
        return true;
    };
    if (auto read = readCursor("SELECT id, at, actor, action, entity, "
                               "entity_id, detail, prev_hash, hash FROM audit ORDER BY id",
                               {}, 10000, check);
        !read)
        return std::unexpected(read.error());
    if (broken)
        return std::unexpected(*broken);
    return entries;
}

/**
 * Runs `query` through a cursor in a read-only REPEATABLE READ transaction and hands every row to
 * `row` until it returns false: one snapshot however long the reading takes, without holding all rows in memory.
 * The transaction is this session's, so `row` must not use this session (another one is fine).
 */
Status PgSession::readCursor(const char* query, const QList<Param>& params, int fetchRows,
                             const std::function<bool(const Rows&, int)>& row)
{
    const QByteArray declare = QByteArray("DECLARE hocba_read NO SCROLL CURSOR FOR ") + query;
    const QByteArray fetch = "FETCH " + QByteArray::number(qMax(1, fetchRows)) + " FROM hocba_read";
    return m_db->transaction<void>(
        [&]() -> Status {
            if (auto declared = m_db->execOnce(declare.constData(), params); !declared)
                return std::unexpected(declared.error());
            for (;;) {
                auto rows = m_db->execOnce(fetch.constData());
                if (!rows)
                    return std::unexpected(rows.error());
                for (int r = 0; r < rows->size(); ++r)
                    if (!row(*rows, r))
                        return {};
                if (rows->size() < fetchRows)
                    return {};
            }
        },
        "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

// --- schools, credentials, trust anchors, windows

Result<School> PgSession::addSchool(const QString& code, const QString& name)
{
    return m_db->transaction<School>([&]() -> Result<School> {
        auto rows = m_db->exec("school_add",
                               "INSERT INTO schools (code, name) VALUES ($1::text, $2::text) "
                               "ON CONFLICT (code) DO NOTHING RETURNING id",
                               {Param::text(code), Param::text(name)});
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->size() == 0)
            return fail(ErrorCode::DbConstraint, tr("A school with the code %1 is registered already.").arg(code));
        if (auto logged = appendAuditInTransaction(
                {QStringLiteral("admin"), QStringLiteral("school_add"), QStringLiteral("school"), code, {}});
            !logged)
            return std::unexpected(logged.error());
        return School {rows->integer(0, 0), code, name};
    });
}

Result<std::optional<School>> PgSession::schoolByCode(const QString& code)
{
    auto rows
        = m_db->exec("school_by_code", "SELECT id, code, name FROM schools WHERE code = $1::text", {Param::text(code)});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() == 0)
        return std::optional<School>();
    return std::optional<School>(readSchool(*rows, 0));
}

Status PgSession::addCredential(Id schoolId, const QByteArray& tokenSha256)
{
    return m_db->transaction<void>([&]() -> Status {
        auto rows = m_db->exec("credential_add",
                               "INSERT INTO school_credentials (token_sha256, school_id) "
                               "SELECT $1::bytea, id FROM schools WHERE id = $2::bigint RETURNING "
                               "(SELECT code FROM schools WHERE id = $2::bigint)",
                               {Param::bytes(tokenSha256), Param::integer(schoolId)});
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->size() == 0)
            return std::unexpected(storeerror::schoolNotRegistered(schoolId));
        return appendAuditInTransaction({QStringLiteral("admin"),
                                         QStringLiteral("credential_add"),
                                         QStringLiteral("school"),
                                         rows->text(0, 0),
                                         {}});
    });
}

Result<int> PgSession::revokeCredentials(Id schoolId)
{
    return m_db->transaction<int>([&]() -> Result<int> {
        auto rows = m_db->exec("credential_revoke",
                               "UPDATE school_credentials SET revoked_at = now() "
                               "WHERE school_id = $1::bigint AND revoked_at IS NULL RETURNING "
                               "(SELECT code FROM schools WHERE id = $1::bigint)",
                               {Param::integer(schoolId)});
        if (!rows)
            return std::unexpected(rows.error());
        const int revoked = rows->size();
        if (revoked > 0)
            if (auto logged
                = appendAuditInTransaction({QStringLiteral("admin"), QStringLiteral("credential_revoke"),
                                            QStringLiteral("school"), rows->text(0, 0), QString::number(revoked)});
                !logged)
                return std::unexpected(logged.error());
        return revoked;
    });
}

Result<std::optional<School>> PgSession::schoolForCredential(const QByteArray& tokenSha256)
{
    auto rows = m_db->exec("school_for_credential",
                           "SELECT s.id, s.code, s.name FROM school_credentials c JOIN schools s ON s.id = c.school_id "
                           "WHERE c.token_sha256 = $1::bytea AND c.revoked_at IS NULL",
                           {Param::bytes(tokenSha256)});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() == 0)
        return std::optional<School>();
    return std::optional<School>(readSchool(*rows, 0));
}

Status PgSession::addTrustAnchor(const QByteArray& der, const QString& label)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex());
    return m_db->transaction<void>([&]() -> Status {
        auto rows = m_db->exec("trust_add",
                               "INSERT INTO trust_anchors (sha256, der, label) VALUES ($1::text, $2::bytea, $3::text) "
                               "ON CONFLICT (sha256) DO NOTHING RETURNING sha256",
                               {Param::text(sha), Param::bytes(der), Param::text(label)});
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->size() == 0)
            return {};
        return appendAuditInTransaction(
            {QStringLiteral("admin"), QStringLiteral("trust_add"), QStringLiteral("trust_anchor"), sha, label});
    });
}

Result<QList<QByteArray>> PgSession::trustAnchors()
{
    auto rows = m_db->exec("trust_list", "SELECT der FROM trust_anchors ORDER BY added_at, sha256");
    if (!rows)
        return std::unexpected(rows.error());
    QList<QByteArray> anchors;
    for (int r = 0; r < rows->size(); ++r)
        anchors.append(rows->bytes(r, 0));
    return anchors;
}

Result<signing::BaselineLevel> PgSession::minimumLevel()
{
    auto rows = m_db->exec("policy_get", "SELECT min_level FROM upload_policy WHERE id = 1");
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() == 0)
        return signing::BaselineLevel::B;
    return policyLevelFromCode(rows->text(0, 0)).value_or(signing::BaselineLevel::B);
}

Status PgSession::setMinimumLevel(signing::BaselineLevel level)
{
    if (!policyLevelFromCode(signing::levelCode(level)))
        return fail(ErrorCode::InvalidInput, QStringLiteral("unsupported policy level"));
    const QString after = signing::levelCode(level);
    return m_db->transaction<void>([&]() -> Status {
        auto old = m_db->exec("policy_lock", "SELECT min_level FROM upload_policy WHERE id = 1 FOR UPDATE");
        if (!old)
            return std::unexpected(old.error());
        const QString before = old->size() ? old->text(0, 0) : QStringLiteral("B");
        if (before == after)
            return {};
        auto set = m_db->exec("policy_set",
                              "INSERT INTO upload_policy (id, min_level) VALUES (1, $1::text) ON CONFLICT (id) "
                              "DO UPDATE SET min_level = excluded.min_level, updated_at = clock_timestamp()",
                              {Param::text(after)});
        if (!set)
            return std::unexpected(set.error());
        return appendAuditInTransaction({QStringLiteral("admin"), QStringLiteral("policy_set"),
                                         QStringLiteral("upload_policy"), QStringLiteral("min_level"),
                                         before + QStringLiteral(" -> ") + after});
    });
}

Status PgSession::addWindow(const Window& w)
{
    return m_db->transaction<void>([&]() -> Status {
        auto rows = m_db->exec(
            "window_add",
            "INSERT INTO windows (id, school_year_start, august, deadline, state, locked_at) "
            "VALUES ($1::text, $2::integer, $3::boolean, $4::date, $5::text, $6::timestamptz) ON CONFLICT DO NOTHING "
            "RETURNING id",
            {Param::text(w.id), Param::integer(w.schoolYearStart), Param::boolean(w.august), Param::date(w.deadline),
             Param::text(w.state == WindowState::Locked ? QStringLiteral("locked") : QStringLiteral("open")),
             Param::time(w.lockedAt)});
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->size() == 0)
            return fail(
                ErrorCode::DbConstraint,
                tr("The window %1 exists already, or another window has the same school year and month.").arg(w.id));
        return appendAuditInTransaction({QStringLiteral("admin"), QStringLiteral("window_add"),
                                         QStringLiteral("window"), w.id, w.deadline.toString(Qt::ISODate)});
    });
}

Result<QList<Window>> PgSession::windowsWhere(const char* name, const char* query, const QList<Param>& params)
{
    auto rows = m_db->exec(name, query, params);
    if (!rows)
        return std::unexpected(rows.error());
    QList<Window> list;
    for (int r = 0; r < rows->size(); ++r)
        list.append(readWindow(*rows, r));
    return list;
}

Result<QList<Window>> PgSession::windows()
{
    return windowsWhere("window_list", "SELECT " WINDOW_COLUMNS " FROM windows ORDER BY id");
}

Result<std::optional<Window>> PgSession::window(const QString& id)
{
    return firstOf(
        windowsWhere("window_get", "SELECT " WINDOW_COLUMNS " FROM windows WHERE id = $1::text", {Param::text(id)}));
}

Result<std::optional<Window>> PgSession::openWindowFor(int schoolYearStart, bool august)
{
    return firstOf(windowsWhere("window_open_for",
                                "SELECT " WINDOW_COLUMNS " FROM windows WHERE school_year_start = $1::integer AND "
                                "august = $2::boolean AND state = 'open'",
                                {Param::integer(schoolYearStart), Param::boolean(august)}));
}

// --- submit

Result<SubmitOutcome> PgSession::submit(const NewSubmission& s, const ReceiptSigning& sign)
{
    return underCodeLock<SubmitOutcome>(s.lookupCode, [&]() -> Result<SubmitOutcome> {
        auto duplicate = duplicateOf(s.digest);
        if (!duplicate)
            return std::unexpected(duplicate.error());
        if (*duplicate)
            return **duplicate;
        auto manager = managerOf(s.lookupCode);
        if (!manager)
            return std::unexpected(manager.error());
        if (*manager && (*manager)->id != s.schoolId)
            return SubmitOutcome {SubmitStatus::OtherSchool, {}};
        auto stored = storeSubmission(s, sign);
        if (!stored)
            return std::unexpected(stored.error());
        if (*stored)
            return **stored;
        return refusal(s);
    });
}

Result<std::optional<SubmitOutcome>> PgSession::duplicateOf(const QString& digest)
{
    auto rows = m_db->exec("packet_by_digest",
                           "SELECT upload_receipt, upload_receipt_sig FROM packets WHERE digest = $1::text",
                           {Param::text(digest)});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() == 0)
        return std::optional<SubmitOutcome>();
    return std::optional<SubmitOutcome>(
        SubmitOutcome {SubmitStatus::Duplicate, SignedReceipt {rows->bytes(0, 0), rows->bytes(0, 1)}});
}

Result<QString> PgSession::schoolCodeOf(Id schoolId)
{
    auto rows = m_db->exec("school_code", "SELECT code FROM schools WHERE id = $1::bigint", {Param::integer(schoolId)});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() == 0)
        return std::unexpected(storeerror::schoolNotRegistered(schoolId));
    return rows->text(0, 0);
}

Status PgSession::lockCode(const QString& lookupCode)
{
    auto locked = m_db->exec("code_lock", "SELECT pg_advisory_xact_lock($1::integer, hashtext($2::text))",
                             {Param::integer(kSubmitLockKey), Param::text(lookupCode)});
    if (!locked)
        return std::unexpected(locked.error());
    return {};
}

Result<std::optional<School>> PgSession::managerOf(const QString& lookupCode)
{
    auto rows = m_db->exec("manager_of",
                           "SELECT s.id, s.code, s.name FROM record_managers m JOIN schools s ON s.id = m.school_id "
                           "WHERE m.lookup_code = $1::text",
                           {Param::text(lookupCode)});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() == 0)
        return std::optional<School>();
    return std::optional<School>(readSchool(*rows, 0));
}

Result<bool> PgSession::isPrincipalOf(Id schoolId, const QString& certSha256)
{
    auto rows = m_db->exec("principal_of",
                           "SELECT 1 FROM principal_certs WHERE school_id = $1::bigint AND cert_sha256 = $2::text",
                           {Param::integer(schoolId), Param::text(certSha256)});
    if (!rows)
        return std::unexpected(rows.error());
    return rows->size() > 0;
}

/**
 * One statement (ENDPOINT.md §8): the window must be open (FOR SHARE, so lockWindow waits for submits in flight and
 * they see it locked after), the head of the packet's school year is inserted or moved forward only when it is not
 * locked (or history) and older, and the packet goes in only when the head did. No row back: refused, and refusal()
 * says why. The caller holds the lookup code's advisory lock and has checked the other-school rule under it. An
 * accepted packet makes its school the record's manager if it had none, and notes its principals' certificates.
 */
Result<std::optional<SubmitOutcome>> PgSession::storeSubmission(const NewSubmission& s, const ReceiptSigning& sign)
{
    auto schoolCode = schoolCodeOf(s.schoolId);
    if (!schoolCode)
        return std::unexpected(schoolCode.error());
    auto receipt = sign(signing::Receipt {
        signing::Receipt::Kind::Upload, s.lookupCode, s.version, s.digest, *schoolCode, s.windowId, s.receivedAt, {}});
    if (!receipt)
        return std::unexpected(receipt.error());
    auto rows = m_db->exec(
        "submit_upsert",
        "WITH open_window AS (SELECT id FROM windows WHERE id = $3::text AND state = 'open' FOR SHARE), "
        "head AS (INSERT INTO record_heads AS h (lookup_code, school_year_start, school_id, window_id, "
        "current_version, current_digest, state, received_at) SELECT $1::text, $12::integer, $2::bigint, id, "
        "$4::integer, $5::text, 'submitted', $6::timestamptz FROM open_window "
        "ON CONFLICT (lookup_code, school_year_start) DO UPDATE SET window_id = excluded.window_id, "
        "current_version = excluded.current_version, current_digest = excluded.current_digest, state = 'submitted', "
        "received_at = excluded.received_at, locked_at = NULL, revoked_at = NULL "
        "WHERE h.state NOT IN ('locked', 'history') "
        "AND h.current_version < excluded.current_version RETURNING lookup_code) "
        "INSERT INTO packets (lookup_code, school_year_start, version, digest, school_id, window_id, received_at, "
        "packet_xml, pdf, lookup_json, upload_receipt, upload_receipt_sig) SELECT lookup_code, $12::integer, "
        "$4::integer, $5::text, $2::bigint, $3::text, $6::timestamptz, $7::bytea, $8::bytea, $9::bytea, $10::bytea, "
        "$11::bytea FROM head RETURNING id",
        {Param::text(s.lookupCode), Param::integer(s.schoolId), Param::text(s.windowId), Param::integer(s.version),
         Param::text(s.digest), Param::time(s.receivedAt), Param::bytes(s.packetXml), Param::bytes(s.pdf),
         Param::bytes(s.lookupJson), Param::bytes(receipt->canonical), Param::bytes(receipt->signature),
         Param::integer(s.schoolYearStart)});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() == 0)
        return std::optional<SubmitOutcome>();
    if (auto managed = m_db->exec("submit_manager",
                                  "INSERT INTO record_managers (lookup_code, school_id, since) "
                                  "VALUES ($1::text, $2::bigint, $3::timestamptz) ON CONFLICT DO NOTHING",
                                  {Param::text(s.lookupCode), Param::integer(s.schoolId), Param::time(s.receivedAt)});
        !managed)
        return std::unexpected(managed.error());
    if (!s.principalCertSha256.isEmpty())
        if (auto noted = m_db->exec("submit_principals",
                                    "INSERT INTO principal_certs (school_id, cert_sha256, first_digest, first_seen_at) "
                                    "SELECT $1::bigint, c, $3::text, $4::timestamptz FROM unnest($2::text[]) AS c "
                                    "ON CONFLICT DO NOTHING",
                                    {Param::integer(s.schoolId), Param::textArray(s.principalCertSha256),
                                     Param::text(s.digest), Param::time(s.receivedAt)});
            !noted)
            return std::unexpected(noted.error());
    if (auto logged = appendAuditInTransaction(rules::submitAudit(*schoolCode, s)); !logged)
        return std::unexpected(logged.error());
    return std::optional<SubmitOutcome>(SubmitOutcome {SubmitStatus::Accepted, *receipt});
}

/** Why storeSubmission stored nothing, in the order schema.md gives; the same digest may have won meanwhile. */
Result<SubmitOutcome> PgSession::refusal(const NewSubmission& s)
{
    auto duplicate = duplicateOf(s.digest);
    if (!duplicate)
        return std::unexpected(duplicate.error());
    if (*duplicate)
        return **duplicate;
    auto head = m_db->exec("submit_head",
                           "SELECT state, current_version FROM record_heads WHERE lookup_code = $1::text "
                           "AND school_year_start = $2::integer",
                           {Param::text(s.lookupCode), Param::integer(s.schoolYearStart)});
    if (!head)
        return std::unexpected(head.error());
    if (head->size() > 0) {
        if (head->text(0, 0) == QLatin1String("locked") || head->text(0, 0) == QLatin1String("history"))
            return SubmitOutcome {SubmitStatus::Locked, {}};
        if (s.version <= head->integer(0, 1))
            return SubmitOutcome {SubmitStatus::VersionNotNewer, {}};
    }
    return SubmitOutcome {SubmitStatus::WindowClosed, {}};
}

// --- revoke and transfer

Result<RevokeOutcome> PgSession::revoke(const NewRevocation& r, const ReceiptSigning& sign)
{
    return underCodeLock<RevokeOutcome>(r.lookupCode, [&]() { return revokeInTransaction(r, sign); });
}

Result<RevokeOutcome> PgSession::revokeInTransaction(const NewRevocation& r, const ReceiptSigning& sign)
{
    auto dup = m_db->exec("revoke_by_digest",
                          "SELECT version, revoked_at, receipt, receipt_sig FROM revocations WHERE digest = $1::text",
                          {Param::text(r.digest)});
    if (!dup)
        return std::unexpected(dup.error());
    if (dup->size() > 0)
        return RevokeOutcome {RequestStatus::Duplicate, SignedReceipt {dup->bytes(0, 2), dup->bytes(0, 3)},
                              int(dup->integer(0, 0)), dup->time(0, 1)};
    auto head = m_db->exec("revoke_head",
                           "SELECT state, current_version, window_id FROM record_heads WHERE lookup_code = $1::text "
                           "AND school_year_start = $2::integer FOR UPDATE",
                           {Param::text(r.lookupCode), Param::integer(r.schoolYearStart)});
    if (!head)
        return std::unexpected(head.error());
    rules::RevokeFacts facts;
    if (head->size() > 0) {
        facts.headState = recordStateFromCode(head->text(0, 0));
        facts.currentVersion = int(head->integer(0, 1));
    }
    auto manager = managerOf(r.lookupCode);
    if (!manager)
        return std::unexpected(manager.error());
    if (*manager)
        facts.manager = (*manager)->id;
    auto principal = isPrincipalOf(r.schoolId, r.signerCertSha256);
    if (!principal)
        return std::unexpected(principal.error());
    facts.signerIsPrincipal = *principal;
    if (const auto refused = rules::revokeRefusal(r, facts))
        return RevokeOutcome {*refused, {}, 0, {}};
    auto schoolCode = schoolCodeOf(r.schoolId);
    if (!schoolCode)
        return std::unexpected(schoolCode.error());
    const int current = facts.currentVersion;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(r.receivedAt.toSecsSinceEpoch(), Qt::UTC);
    auto receipt = sign(
        {signing::Receipt::Kind::Revoke, r.lookupCode, current, r.digest, *schoolCode, head->text(0, 2), at, {}});
    if (!receipt)
        return std::unexpected(receipt.error());
    if (auto updated = m_db->exec("revoke_head_update",
                                  "UPDATE record_heads SET state = 'revoked', revoked_at = $3::timestamptz "
                                  "WHERE lookup_code = $1::text AND school_year_start = $2::integer",
                                  {Param::text(r.lookupCode), Param::integer(r.schoolYearStart), Param::time(at)});
        !updated)
        return std::unexpected(updated.error());
    if (auto inserted = m_db->exec(
            "revoke_insert",
            "INSERT INTO revocations (lookup_code, school_year_start, version, digest, school_id, request_xml, "
            "revoked_at, receipt, receipt_sig) VALUES ($1::text, $2::integer, $3::integer, $4::text, $5::bigint, "
            "$6::bytea, $7::timestamptz, $8::bytea, $9::bytea)",
            {Param::text(r.lookupCode), Param::integer(r.schoolYearStart), Param::integer(current),
             Param::text(r.digest), Param::integer(r.schoolId), Param::bytes(r.requestXml), Param::time(at),
             Param::bytes(receipt->canonical), Param::bytes(receipt->signature)});
        !inserted)
        return std::unexpected(inserted.error());
    if (auto logged = appendAuditInTransaction(rules::revokeAudit(*schoolCode, r, current)); !logged)
        return std::unexpected(logged.error());
    return RevokeOutcome {RequestStatus::Accepted, *receipt, current, at};
}

Result<TransferOutcome> PgSession::transfer(const NewTransfer& t, const ReceiptSigning& sign)
{
    return underCodeLock<TransferOutcome>(t.lookupCode, [&]() { return transferInTransaction(t, sign); });
}

Result<TransferOutcome> PgSession::transferInTransaction(const NewTransfer& t, const ReceiptSigning& sign)
{
    auto dup = m_db->exec("transfer_by_digest",
                          "SELECT t.receipt, t.receipt_sig, t.transferred_at, s.id, s.code, s.name FROM transfers t "
                          "JOIN schools s ON s.id = t.to_school_id WHERE t.digest = $1::text",
                          {Param::text(t.digest)});
    if (!dup)
        return std::unexpected(dup.error());
    if (dup->size() > 0)
        return TransferOutcome {RequestStatus::Duplicate, SignedReceipt {dup->bytes(0, 0), dup->bytes(0, 1)},
                                readSchool(*dup, 0, 3), dup->time(0, 2)};
    auto to = schoolByCode(t.toSchoolCode);
    if (!to)
        return std::unexpected(to.error());
    rules::TransferFacts facts;
    facts.toSchoolRegistered = to->has_value();
    auto senderCode = schoolCodeOf(t.senderSchoolId);
    if (!senderCode)
        return std::unexpected(senderCode.error());
    facts.senderCode = *senderCode;
    auto manager = managerOf(t.lookupCode);
    if (!manager)
        return std::unexpected(manager.error());
    if (*manager)
        facts.managerCode = (*manager)->code;
    auto from = schoolByCode(t.fromSchoolCode);
    if (!from)
        return std::unexpected(from.error());
    if (*from) {
        auto principal = isPrincipalOf((*from)->id, t.signerCertSha256);
        if (!principal)
            return std::unexpected(principal.error());
        facts.signerIsPrincipal = *principal;
    }
    if (const auto refused = rules::transferRefusal(t, facts))
        return TransferOutcome {*refused, {}, {}, {}};
    const School toSchool = **to;
    const QDateTime at = QDateTime::fromSecsSinceEpoch(t.receivedAt.toSecsSinceEpoch(), Qt::UTC);
    auto receipt = sign({signing::Receipt::Kind::Transfer, t.lookupCode, 0, t.digest, toSchool.code, {}, at, {}});
    if (!receipt)
        return std::unexpected(receipt.error());
    auto inserted = m_db->exec(
        "transfer_insert",
        "INSERT INTO transfers (lookup_code, digest, from_school_code, from_school_name, to_school_id, "
        "sender_school_id, transfer_date, statement_xml, transferred_at, receipt, receipt_sig) VALUES ($1::text, "
        "$2::text, $3::text, $4::text, $5::bigint, $6::bigint, $7::date, $8::bytea, $9::timestamptz, $10::bytea, "
        "$11::bytea) RETURNING id",
        {Param::text(t.lookupCode), Param::text(t.digest), Param::text(t.fromSchoolCode), Param::text(t.fromSchoolName),
         Param::integer(toSchool.id), Param::integer(t.senderSchoolId), Param::date(t.transferDate),
         Param::bytes(t.statementXml), Param::time(at), Param::bytes(receipt->canonical),
         Param::bytes(receipt->signature)});
    if (!inserted)
        return std::unexpected(inserted.error());
    if (auto moved = m_db->exec("transfer_manager",
                                "INSERT INTO record_managers (lookup_code, school_id, since) "
                                "VALUES ($1::text, $2::bigint, $3::timestamptz) ON CONFLICT (lookup_code) "
                                "DO UPDATE SET school_id = excluded.school_id, since = excluded.since",
                                {Param::text(t.lookupCode), Param::integer(toSchool.id), Param::time(at)});
        !moved)
        return std::unexpected(moved.error());
    if (!*manager)
        if (auto stored = storeHistory(inserted->integer(0, 0), t, toSchool.id); !stored)
            return std::unexpected(stored.error());
    if (auto logged
        = appendAuditInTransaction(rules::transferAudit(facts.senderCode, t, *manager ? 0 : t.history.size()));
        !logged)
        return std::unexpected(logged.error());
    return TransferOutcome {RequestStatus::Accepted, *receipt, toSchool, at};
}

Status PgSession::storeHistory(Id transferId, const NewTransfer& t, Id toSchoolId)
{
    QList<const HistoryVersion*> stored;
    for (const HistoryVersion& v : t.history) {
        auto rows = m_db->exec(
            "history_insert",
            "INSERT INTO history_versions (transfer_id, lookup_code, school_year_start, version, digest, school_code, "
            "school_name, received_at, packet_xml, pdf, lookup_json) VALUES ($1::bigint, $2::text, $3::integer, "
            "$4::integer, $5::text, $6::text, $7::text, $8::timestamptz, $9::bytea, $10::bytea, $11::bytea) "
            "ON CONFLICT DO NOTHING RETURNING id",
            {Param::integer(transferId), Param::text(t.lookupCode), Param::integer(v.schoolYearStart),
             Param::integer(v.version), Param::text(v.digest), Param::text(v.schoolCode), Param::text(v.schoolName),
             Param::time(t.receivedAt), Param::bytes(v.packetXml), Param::bytes(v.pdf), Param::bytes(v.lookupJson)});
        if (!rows)
            return std::unexpected(rows.error());
        if (rows->size() > 0)
            stored.append(&v);
    }
    for (const HistoryVersion* v : rules::historyHeads(stored))
        if (auto head = m_db->exec(
                "history_head",
                "INSERT INTO record_heads (lookup_code, school_year_start, school_id, window_id, current_version, "
                "current_digest, state, received_at) VALUES ($1::text, $2::integer, $3::bigint, NULL, $4::integer, "
                "$5::text, 'history', $6::timestamptz)",
                {Param::text(t.lookupCode), Param::integer(v->schoolYearStart), Param::integer(toSchoolId),
                 Param::integer(v->version), Param::text(v->digest), Param::time(t.receivedAt)});
            !head)
            return std::unexpected(head.error());
    return {};
}

Result<QList<TransferRow>> PgSession::transfers(const QString& lookupCode)
{
    auto rows = m_db->exec("transfers",
                           "SELECT t.from_school_name, s.name, t.transfer_date, t.transferred_at FROM transfers t "
                           "JOIN schools s ON s.id = t.to_school_id WHERE t.lookup_code = $1::text ORDER BY t.id",
                           {Param::text(lookupCode)});
    if (!rows)
        return std::unexpected(rows.error());
    QList<TransferRow> list;
    for (int r = 0; r < rows->size(); ++r)
        list.append(TransferRow {rows->text(r, 0), rows->text(r, 1), rows->date(r, 2), rows->time(r, 3)});
    return list;
}

// --- what schools and the public read

Result<QList<RecordStatus>> PgSession::status(Id schoolId, const QStringList& codes)
{
    auto rows = m_db->exec("status",
                           "SELECT " STATUS_COLUMNS " FROM record_heads h WHERE h.school_id = $1::bigint "
                           "AND h.lookup_code = ANY($2::text[]) ORDER BY h.school_year_start",
                           {Param::integer(schoolId), Param::textArray(codes)});
    if (!rows)
        return std::unexpected(rows.error());
    QHash<QString, QList<RecordStatus>> byCode;
    for (int r = 0; r < rows->size(); ++r) {
        RecordStatus st = readStatus(*rows, r);
        byCode[st.lookupCode].append(st);
    }
    QList<RecordStatus> ordered; // in the order asked, each code's years in order
    for (const QString& code : codes)
        ordered += byCode.take(code);
    return ordered;
}

Result<Page<SignedReceipt>> PgSession::lockReceipts(Id schoolId, const QString& windowId, const QString& after,
                                                    int limit)
{
    const auto afterId = receiptsCursor(after, limit);
    if (!afterId)
        return std::unexpected(afterId.error());
    const int pageSize = limit;
    // One row more than the page shows whether another page follows.
    auto rows = m_db->exec("lock_receipts",
                           "SELECT id, receipt, receipt_sig FROM lock_receipts WHERE school_id = $1::bigint "
                           "AND ($2::text = '' OR window_id = $2::text) AND id > $3::bigint ORDER BY id "
                           "LIMIT $4::integer",
                           {Param::integer(schoolId), Param::text(windowId), Param::integer(*afterId),
                            Param::integer(qint64(pageSize) + 1)});
    if (!rows)
        return std::unexpected(rows.error());
    Page<SignedReceipt> page;
    for (int r = 0; r < qMin(rows->size(), pageSize); ++r)
        page.items.append(SignedReceipt {rows->bytes(r, 1), rows->bytes(r, 2)});
    if (rows->size() > pageSize)
        page.next = QString::number(rows->integer(pageSize - 1, 0));
    return page;
}

Result<QList<LookupRow>> PgSession::lookup(const QString& lookupCode)
{
    // One snapshot: the heads and the versions are read in one REPEATABLE READ transaction.
    return m_db->transaction<QList<LookupRow>>(
        [&]() -> Result<QList<LookupRow>> {
            auto rows = m_db->exec(
                "lookup",
                "SELECT " STATUS_COLUMNS ", s.id, s.code, s.name, coalesce(p.lookup_json, hv.lookup_json), "
                "hv.school_code, hv.school_name FROM record_heads h JOIN schools s ON s.id = h.school_id "
                "LEFT JOIN packets p ON p.digest = h.current_digest "
                "LEFT JOIN history_versions hv ON hv.digest = h.current_digest "
                "WHERE h.lookup_code = $1::text ORDER BY h.school_year_start",
                {Param::text(lookupCode)});
            if (!rows)
                return std::unexpected(rows.error());
            constexpr int c = kStatusColumnCount;
            QList<LookupRow> years;
            for (int r = 0; r < rows->size(); ++r) {
                LookupRow row {readStatus(*rows, r), readSchool(*rows, r, c), rows->bytes(r, c + 3), {}};
                if (row.status.state == RecordState::History)
                    row.school = School {0, rows->text(r, c + 4), rows->text(r, c + 5)};
                years.append(row);
            }
            // A version is replaced when the next version of its year arrived.
            auto versions = m_db->exec(
                "lookup_versions",
                "SELECT school_year_start, version, digest, received_at, lead(received_at) OVER "
                "(PARTITION BY school_year_start ORDER BY version) FROM (SELECT school_year_start, version, digest, "
                "received_at FROM packets WHERE lookup_code = $1::text UNION ALL SELECT school_year_start, version, "
                "digest, received_at FROM history_versions WHERE lookup_code = $1::text) v "
                "ORDER BY school_year_start, version",
                {Param::text(lookupCode)});
            if (!versions)
                return std::unexpected(versions.error());
            for (int r = 0; r < versions->size(); ++r)
                for (LookupRow& row : years)
                    if (row.status.schoolYearStart == int(versions->integer(r, 0)))
                        row.versions.append(VersionRow {int(versions->integer(r, 1)), versions->text(r, 2),
                                                        versions->time(r, 3), versions->time(r, 4)});
            return years;
        },
        "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

Result<QByteArray> PgSession::signedPdf(const QString& lookupCode, int schoolYearStart)
{
    auto rows = m_db->exec("signed_pdf",
                           "SELECT coalesce(p.pdf, hv.pdf) FROM record_heads h "
                           "LEFT JOIN packets p ON p.digest = h.current_digest "
                           "LEFT JOIN history_versions hv ON hv.digest = h.current_digest "
                           "WHERE h.lookup_code = $1::text AND ($2::integer = 0 OR h.school_year_start = $2::integer) "
                           "ORDER BY h.school_year_start DESC LIMIT 1",
                           {Param::text(lookupCode), Param::integer(schoolYearStart)});
    if (!rows)
        return std::unexpected(rows.error());
    return rows->size() ? rows->bytes(0, 0) : QByteArray();
}

// --- the lock, the export, the counts

Result<qint64> PgSession::lockWindow(const QString& windowId, const QDateTime& effectiveAt, const ReceiptSigning& sign,
                                     const QString& actor)
{
    auto lockedAt = m_db->transaction<QDateTime>([&]() { return closeWindow(windowId, effectiveAt, actor); });
    if (!lockedAt)
        return std::unexpected(lockedAt.error());
    qint64 total = 0;
    for (;;) {
        auto locked = m_db->transaction<qint64>([&]() { return lockBatch(windowId, *lockedAt, sign, actor); });
        if (!locked)
            return std::unexpected(locked.error());
        total += *locked;
        if (*locked < m_options.lockBatchRows)
            return total;
    }
}

Result<QDateTime> PgSession::closeWindow(const QString& windowId, const QDateTime& effectiveAt, const QString& actor)
{
    auto rows = m_db->exec("window_for_lock", "SELECT state, locked_at FROM windows WHERE id = $1::text FOR UPDATE",
                           {Param::text(windowId)});
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->size() == 0)
        return std::unexpected(storeerror::noWindow(windowId));
    // A window locked before (a lock cut short) keeps its date: every record of it gets the same effective date.
    if (rows->text(0, 0) == QLatin1String("locked"))
        return rows->time(0, 1);
    const QDateTime at = QDateTime::fromSecsSinceEpoch(effectiveAt.toSecsSinceEpoch(), Qt::UTC);
    if (auto updated = m_db->exec(
            "window_lock", "UPDATE windows SET state = 'locked', locked_at = $2::timestamptz WHERE id = $1::text",
            {Param::text(windowId), Param::time(at)});
        !updated)
        return std::unexpected(updated.error());
    if (auto logged = appendAuditInTransaction(
            {actor, QStringLiteral("lock_window"), QStringLiteral("window"), windowId, isoSeconds(at)});
        !logged)
        return std::unexpected(logged.error());
    return at;
}

Result<qint64> PgSession::lockBatch(const QString& windowId, const QDateTime& lockedAt, const ReceiptSigning& sign,
                                    const QString& actor)
{
    auto heads = m_db->exec("lock_take",
                            "SELECT h.lookup_code, h.current_version, h.current_digest, h.school_id, s.code, "
                            "h.school_year_start FROM record_heads h JOIN schools s ON s.id = h.school_id "
                            "WHERE h.window_id = $1::text AND h.state = 'submitted' "
                            "ORDER BY h.lookup_code, h.school_year_start LIMIT $2::integer FOR UPDATE OF h",
                            {Param::text(windowId), Param::integer(m_options.lockBatchRows)});
    if (!heads)
        return std::unexpected(heads.error());
    const int count = heads->size();
    for (int from = 0; from < count; from += kLockChunkRows) {
        const int to = qMin(count, from + kLockChunkRows);
        QList<SignedReceipt> receipts;
        receipts.reserve(to - from);
        for (int r = from; r < to; ++r) {
            auto receipt = sign(signing::Receipt {signing::Receipt::Kind::Lock,
                                                  heads->text(r, 0),
                                                  int(heads->integer(r, 1)),
                                                  heads->text(r, 2),
                                                  heads->text(r, 4),
                                                  windowId,
                                                  lockedAt,
                                                  {}});
            if (!receipt)
                return std::unexpected(receipt.error());
            receipts.append(*receipt);
        }
        if (auto stored = storeLockReceipts(windowId, lockedAt, *heads, from, to, receipts); !stored)
            return std::unexpected(stored.error());
    }
    if (count > 0)
        if (auto logged = appendAuditInTransaction(
                {actor, QStringLiteral("lock_batch"), QStringLiteral("window"), windowId, QString::number(count)});
            !logged)
            return std::unexpected(logged.error());
    return qint64(count);
}

Status PgSession::storeLockReceipts(const QString& windowId, const QDateTime& lockedAt, const Rows& heads, int from,
                                    int to, const QList<SignedReceipt>& receipts)
{
    QStringList codes, canonical, signatures;
    QList<qint64> versions, schools, years;
    for (int r = from; r < to; ++r) {
        codes.append(heads.text(r, 0));
        versions.append(heads.integer(r, 1));
        schools.append(heads.integer(r, 3));
        years.append(heads.integer(r, 5));
        canonical.append(QString::fromLatin1(receipts[r - from].canonical.toHex()));
        signatures.append(QString::fromLatin1(receipts[r - from].signature.toHex()));
    }
    if (auto updated = m_db->exec("lock_heads",
                                  "UPDATE record_heads h SET state = 'locked', locked_at = $2::timestamptz "
                                  "FROM unnest($1::text[], $3::integer[]) AS u(code, year) "
                                  "WHERE h.lookup_code = u.code AND h.school_year_start = u.year",
                                  {Param::textArray(codes), Param::time(lockedAt), Param::integerArray(years)});
        !updated)
        return std::unexpected(updated.error());
    auto inserted = m_db->exec(
        "lock_receipts_insert",
        "INSERT INTO lock_receipts (lookup_code, school_year_start, version, school_id, window_id, locked_at, "
        "receipt, receipt_sig) SELECT u.code, u.year, u.version, u.school, $4::text, $5::timestamptz, "
        "decode(u.receipt, 'hex'), decode(u.sig, 'hex') "
        "FROM unnest($1::text[], $2::integer[], $3::bigint[], $6::text[], $7::text[], $8::integer[]) "
        "WITH ORDINALITY AS u(code, version, school, receipt, sig, year, n) ORDER BY u.n",
        {Param::textArray(codes), Param::integerArray(versions), Param::integerArray(schools), Param::text(windowId),
         Param::time(lockedAt), Param::textArray(canonical), Param::textArray(signatures), Param::integerArray(years)});
    if (!inserted)
        return std::unexpected(inserted.error());
    return {};
}

Status PgSession::exportLocked(const QString& windowId, const std::function<bool(const ExportItem&)>& sink)
{
    const char* const query = "SELECT " STATUS_COLUMNS ", s.code, p.packet_xml, p.pdf, "
                              "r.receipt, r.receipt_sig FROM record_heads h JOIN schools s ON s.id = h.school_id "
                              "JOIN packets p ON p.digest = h.current_digest "
                              "JOIN lock_receipts r ON r.lookup_code = h.lookup_code "
                              "AND r.school_year_start = h.school_year_start AND r.version = h.current_version "
                              "WHERE h.window_id = $1::text AND h.state = 'locked' "
                              "ORDER BY h.lookup_code, h.school_year_start";
    constexpr int c = kStatusColumnCount;
    return readCursor(query, {Param::text(windowId)}, m_options.exportFetchRows, [&](const Rows& rows, int r) {
        return sink(ExportItem {readStatus(rows, r), rows.text(r, c), rows.bytes(r, c + 1), rows.bytes(r, c + 2),
                                SignedReceipt {rows.bytes(r, c + 3), rows.bytes(r, c + 4)}});
    });
}

Result<QList<WindowCounts>> PgSession::counts()
{
    auto rows = m_db->exec("counts",
                           "SELECT w.id, w.school_year_start, w.august, w.deadline, w.state, w.locked_at, "
                           "count(h.lookup_code) FILTER (WHERE h.state = 'submitted'), "
                           "count(h.lookup_code) FILTER (WHERE h.state = 'locked'), count(DISTINCT h.school_id) "
                           "FROM windows w LEFT JOIN record_heads h ON h.window_id = w.id GROUP BY w.id ORDER BY w.id");
    if (!rows)
        return std::unexpected(rows.error());
    QList<WindowCounts> list;
    for (int r = 0; r < rows->size(); ++r)
        list.append(WindowCounts {readWindow(*rows, r), rows->integer(r, 6), rows->integer(r, 7), rows->integer(r, 8)});
    return list;
}

// --- migrations

struct Migration
{
    int version = 0;
    QString name;
    QByteArray sql;
};

Result<QList<Migration>> bundledMigrations()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/sql/dept/pg"));
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::DbMigrationFailed, tr("The program's database scripts are missing."), name);
        list.append(Migration {match.captured(1).toInt(), name, file.readAll()});
    }
    if (list.isEmpty())
        return fail(ErrorCode::DbMigrationFailed, tr("The program's database scripts are missing."),
                    QStringLiteral(":/sql/dept/pg is empty"));
    return list;
}

/** One transaction under an advisory lock, so servers started together migrate once. */
Status migrate(pg::Connection& db)
{
    auto migrations = bundledMigrations();
    if (!migrations)
        return std::unexpected(migrations.error());
    return db.transaction<void>([&]() -> Status {
        if (auto locked = db.execOnce("SELECT pg_advisory_xact_lock($1::bigint)", {Param::integer(kMigrationLockKey)});
            !locked)
            return std::unexpected(locked.error());
        if (auto made = db.script("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                                  "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            !made)
            return made;
        auto current = db.execOnce("SELECT coalesce(max(version), 0) FROM schema_version");
        if (!current)
            return std::unexpected(current.error());
        const qint64 have = current->integer(0, 0);
        if (have > migrations->last().version)
            return fail(ErrorCode::DbTooNew,
                        tr("The Department's database was made by a newer version of hocba-dept. Install that "
                           "version or newer."),
                        QStringLiteral("schema version %1").arg(have));
        for (const Migration& m : *migrations) {
            if (m.version <= have)
                continue;
            if (auto ran = db.script(m.sql); !ran)
                return fail(ErrorCode::DbMigrationFailed,
                            tr("The Department's database could not be brought up to date; nothing was changed."),
                            m.name + QStringLiteral(": ") + ran.error().detail);
            if (auto noted = db.execOnce("INSERT INTO schema_version (version, name) VALUES ($1::integer, $2::text)",
                                         {Param::integer(m.version), Param::text(m.name)});
                !noted)
                return std::unexpected(noted.error());
        }
        return {};
    });
}

} // namespace

Result<std::unique_ptr<DeptStore>> openPgDeptStore(const QString& conninfo, const PgStoreOptions& options)
{
    const QByteArray info = conninfo.trimmed().toUtf8();
    char* parseError = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(info.constData(), &parseError);
    if (!parsed) {
        const QString detail = QString::fromUtf8(parseError ? parseError : "out of memory").trimmed();
        PQfreemem(parseError);
        return fail(ErrorCode::DbOpenFailed,
                    tr("The PostgreSQL database address cannot be read. Write it as postgresql://user@host/database "
                       "or as host=… dbname=…"),
                    detail);
    }
    PQconninfoFree(parsed);
    auto conn = pg::Connection::open(info);
    if (!conn)
        return std::unexpected(conn.error());
    if (auto migrated = migrate(**conn); !migrated)
        return std::unexpected(migrated.error());
    PgStoreOptions checked = options;
    checked.lockBatchRows = qMax(1, options.lockBatchRows);
    checked.exportFetchRows = qMax(1, options.exportFetchRows);
    return std::unique_ptr<DeptStore>(std::make_unique<PgStore>(info, checked));
}

} // namespace hocba::dept

// SPDX-License-Identifier: GPL-3.0-or-later
// What only the PostgreSQL store has to show: concurrent sessions, binary bytea, batched locks, one audit chain,
// the export's snapshot, the immutability triggers. Each run works in a database of its own on the HOCBA_TEST_PG
// cluster (scripts/pg-test-cluster.sh), so it can run next to other tests; skipped when HOCBA_TEST_PG is unset.
#include "dept/PgDeptStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTest>
#include <QUrlQuery>

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <thread>

using namespace hocba;
using namespace hocba::dept;

namespace {

/** A connection for what the store must not offer: creating databases, tampering, checking triggers. */
class RawPg
{
public:
    explicit RawPg(const QString& conninfo)
        : m_conn(PQconnectdb(conninfo.toUtf8().constData()))
    { }
    ~RawPg() { PQfinish(m_conn); }
    bool ok() const { return PQstatus(m_conn) == CONNECTION_OK; }
    /** The SQLSTATE of the statement's failure, empty when it succeeded. */
    QByteArray run(const QByteArray& sql)
    {
        PGresult* r = PQexec(m_conn, sql.constData());
        const ExecStatusType st = PQresultStatus(r);
        QByteArray state;
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
            const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            state = s ? QByteArray(s) : QByteArray("?????");
        }
        PQclear(r);
        return state;
    }
    QString scalar(const QByteArray& sql)
    {
        PGresult* r = PQexec(m_conn, sql.constData());
        const QString value = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0
            ? QString::fromUtf8(PQgetvalue(r, 0, 0))
            : QStringLiteral("<error>");
        PQclear(r);
        return value;
    }

private:
    PGconn* m_conn;
};

/** The keyword conninfo of `base` with another database. */
QString withDatabase(const QString& base, const QString& dbname)
{
    PQconninfoOption* options = PQconninfoParse(base.toUtf8().constData(), nullptr);
    QStringList parts;
    for (PQconninfoOption* o = options; o && o->keyword; ++o)
        if (o->val && QByteArrayView(o->keyword) != "dbname")
            parts << QStringLiteral("%1='%2'").arg(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    PQconninfoFree(options);
    return (parts << QStringLiteral("dbname=%1").arg(dbname)).join(QLatin1Char(' '));
}

/** A signer whose signature holds a NUL byte, as DER does. */
Result<SignedReceipt> fakeSign(const signing::Receipt& r)
{
    const QByteArray canonical = r.canonicalBytes();
    return SignedReceipt {
        canonical, QByteArray("\x30\x00sig", 5) + QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)};
}

QString codeFor(const QString& seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex());
}

NewSubmission submission(const QString& seed, int version, const School& school, const QString& windowId,
                         const QString& variant = {})
{
    NewSubmission s;
    s.lookupCode = codeFor(seed);
    s.schoolYearStart = windowId.left(4).toInt(); // the year of openWindow()'s ids
    s.version = version;
    s.schoolId = school.id;
    s.windowId = windowId;
    s.digest = QString::fromLatin1(
        QCryptographicHash::hash((seed + QString::number(version) + variant).toUtf8(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    s.packetXml = QByteArray("<packet>\0\x01\xff", 12) + seed.toUtf8();
    s.pdf = QByteArray("%PDF\0\0\xfe", 7) + s.digest.toLatin1();
    s.receivedAt = QDateTime(QDate(2026, 6, 1), QTime(8, 0, 5), Qt::UTC);
    s.lookupJson = QByteArray("{\"k\":\"\0\"}", 9);
    return s;
}

Window openWindow(int year, bool august = false)
{
    return Window {
        QStringLiteral("%1-%2-%3").arg(year).arg(year + 1).arg(august ? QStringLiteral("08") : QStringLiteral("06")),
        year,
        august,
        QDate(year + 1, august ? 8 : 6, august ? 15 : 30),
        WindowState::Open,
        {}};
}

/** Runs `work(session, i)` on `threads` sessions at once (each thread opens its own). */
template <class T>
QList<Result<T>> inParallel(DeptStore& store, int threads, const std::function<Result<T>(DeptSession&, int)>& work)
{
    QList<Result<T>> results(threads, std::unexpected(Error {ErrorCode::Internal, QStringLiteral("not run"), {}}));
    std::latch start(threads);
    std::vector<std::thread> pool;
    for (int i = 0; i < threads; ++i)
        pool.emplace_back([&, i]() {
            auto session = store.openSession();
            start.arrive_and_wait();
            results[i] = session ? work(**session, i) : std::unexpected(session.error());
        });
    for (auto& t : pool)
        t.join();
    return results;
}

} // namespace

class TestPgDeptStore : public QObject
{
    Q_OBJECT

private:
    QString m_admin; ///< HOCBA_TEST_PG
    QStringList m_databases; ///< made by this run, dropped at its end
    QString m_conninfo;
    std::unique_ptr<DeptStore> m_store;
    std::unique_ptr<DeptSession> m_session;
    School m_schoolA, m_schoolB;

    QString newDatabase()
    {
        const QString name
            = QStringLiteral("hocba_pgstore_%1_%2").arg(QCoreApplication::applicationPid()).arg(m_databases.size());
        RawPg admin(m_admin);
        if (!admin.ok() || !admin.run("CREATE DATABASE " + name.toLatin1()).isEmpty())
            return {};
        m_databases << name;
        return withDatabase(m_admin, name);
    }

    QList<SubmitOutcome> submitMany(DeptSession& session, const QString& prefix, int n, const School& school,
                                    const QString& windowId)
    {
        QList<SubmitOutcome> outcomes;
        for (int i = 0; i < n; ++i) {
            auto out = session.submit(submission(prefix + QString::number(i), 1, school, windowId), fakeSign);
            if (!out)
                qWarning() << describe(out.error());
            outcomes << (out ? *out : SubmitOutcome {SubmitStatus::WindowClosed, {}});
        }
        return outcomes;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void migrationsRunOnceAndRefuseANewerSchema();
    void conninfoAsUrlAndKeywords();
    void byteaKeepsEveryByte();
    void submitOutcomes();
    void concurrentSubmitsOfOneCodeAcceptOne();
    void twoSchoolsAtOnceInTwoYearsOfOneCodeAcceptOne();
    void lockWindowInBatches();
    void aLockCutShortIsFinishedAndTheExportIsOneSnapshot();
    void auditIsOneChainUnderConcurrentSessions();
    void triggersRefuseChanges();
    void aDroppedConnectionIsMadeAgain();
    void textWithANulIsRefused();
    void figures();
};

void TestPgDeptStore::initTestCase()
{
    m_admin = qEnvironmentVariable("HOCBA_TEST_PG");
    if (m_admin.isEmpty())
        QSKIP("HOCBA_TEST_PG is not set (scripts/pg-test-cluster.sh start DIR prints one)");
    m_conninfo = newDatabase();
    QVERIFY2(!m_conninfo.isEmpty(), "cannot create a test database on HOCBA_TEST_PG");
    auto store = openPgDeptStore(m_conninfo, PgStoreOptions {500, 4});
    QVERIFY2(store, qPrintable(store ? QString() : describe(store.error())));
    m_store = std::move(*store);
    QCOMPARE(m_store->engine(), QStringLiteral("postgresql"));
    auto session = m_store->openSession();
    QVERIFY(session);
    m_session = std::move(*session);
    auto a = m_session->addSchool(QStringLiteral("79000101"), QStringLiteral("Trường Tiểu học Â"));
    auto b = m_session->addSchool(QStringLiteral("79000102"), QStringLiteral("Trường Tiểu học B"));
    QVERIFY(a && b);
    m_schoolA = *a;
    m_schoolB = *b;
}

void TestPgDeptStore::cleanupTestCase()
{
    m_session.reset();
    m_store.reset();
    RawPg admin(m_admin);
    for (const QString& name : std::as_const(m_databases))
        admin.run("DROP DATABASE IF EXISTS " + name.toLatin1() + " WITH (FORCE)");
}

void TestPgDeptStore::migrationsRunOnceAndRefuseANewerSchema()
{
    QVERIFY(openPgDeptStore(m_conninfo)); // again: nothing to do (0001, 0002 and 0003 ran once each)
    RawPg raw(m_conninfo);
    QCOMPARE(raw.scalar("SELECT count(*) FROM schema_version"), QStringLiteral("3"));

    const QString other = newDatabase();
    QVERIFY(openPgDeptStore(other));
    RawPg(other).run("INSERT INTO schema_version (version, name) VALUES (9999, '9999_future.sql')");
    auto newer = openPgDeptStore(other);
    QVERIFY(!newer);
    QCOMPARE(newer.error().code, ErrorCode::DbTooNew);
}

void TestPgDeptStore::conninfoAsUrlAndKeywords()
{
    PQconninfoOption* options = PQconninfoParse(m_conninfo.toUtf8().constData(), nullptr);
    QUrlQuery query;
    QString dbname;
    for (PQconninfoOption* o = options; o && o->keyword; ++o) {
        if (!o->val)
            continue;
        if (QByteArrayView(o->keyword) == "dbname")
            dbname = QString::fromUtf8(o->val);
        else
            query.addQueryItem(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    }
    PQconninfoFree(options);
    const QString url = QStringLiteral("postgresql:///%1?%2").arg(dbname, query.toString(QUrl::FullyEncoded));
    auto byUrl = openPgDeptStore(url);
    QVERIFY2(byUrl, qPrintable(byUrl ? url : describe(byUrl.error())));
    auto session = (*byUrl)->openSession();
    QVERIFY(session);
    auto school = (*session)->schoolByCode(m_schoolA.code);
    QVERIFY(school && *school);
    QCOMPARE((*school)->name, m_schoolA.name);

    auto garbled = openPgDeptStore(QStringLiteral("host=/tmp dbname"));
    QVERIFY(!garbled);
    QCOMPARE(garbled.error().code, ErrorCode::DbOpenFailed);
    auto nobody = openPgDeptStore(withDatabase(m_admin, QStringLiteral("hocba_no_such_database")));
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, ErrorCode::DbOpenFailed);
}

void TestPgDeptStore::byteaKeepsEveryByte()
{
    const Window w = openWindow(2040);
    QVERIFY(m_session->addWindow(w));
    const NewSubmission s = submission(QStringLiteral("bytes"), 1, m_schoolA, w.id);
    auto accepted = m_session->submit(s, fakeSign);
    QVERIFY(accepted);
    QCOMPARE(accepted->status, SubmitStatus::Accepted);
    QVERIFY(accepted->receipt.signature.contains('\0'));

    auto rows = m_session->lookup(s.lookupCode);
    QVERIFY(rows && rows->size() == 1);
    QCOMPARE(rows->first().lookupJson, s.lookupJson);
    QCOMPARE(rows->first().school.code, m_schoolA.code);
    QCOMPARE(rows->first().status.receivedAt, s.receivedAt);
    QCOMPARE(m_session->signedPdf(s.lookupCode, 0).value_or(QByteArray()), s.pdf);
    auto again = m_session->submit(s, fakeSign);
    QVERIFY(again);
    QCOMPARE(again->status, SubmitStatus::Duplicate);
    QCOMPARE(again->receipt.canonical, accepted->receipt.canonical);
    QCOMPARE(again->receipt.signature, accepted->receipt.signature);

    const QByteArray der("\x30\x82\x00\x00\x00\xff", 6);
    QVERIFY(m_session->addTrustAnchor(der, QStringLiteral("CA")));
    QVERIFY(m_session->addTrustAnchor(der, QStringLiteral("CA again"))); // idempotent
    QCOMPARE(m_session->trustAnchors().value_or(QList<QByteArray>()), QList<QByteArray>({der}));
    const QByteArray token = QCryptographicHash::hash("token\0x", QCryptographicHash::Sha256);
    QVERIFY(m_session->addCredential(m_schoolB.id, token));
    auto found = m_session->schoolForCredential(token);
    QVERIFY(found && *found);
    QCOMPARE((*found)->id, m_schoolB.id);
    QCOMPARE(m_session->revokeCredentials(m_schoolB.id).value_or(-1), 1);
    QVERIFY(!m_session->schoolForCredential(token).value_or(std::nullopt));
}

void TestPgDeptStore::submitOutcomes()
{
    const Window w = openWindow(2041);
    QVERIFY(m_session->addWindow(w));
    const auto status = [&](const NewSubmission& s) {
        auto out = m_session->submit(s, fakeSign);
        return out ? out->status : SubmitStatus::WindowClosed;
    };
    const NewSubmission v1 = submission(QStringLiteral("rec"), 1, m_schoolA, w.id);
    QCOMPARE(status(v1), SubmitStatus::Accepted);
    QCOMPARE(status(submission(QStringLiteral("rec"), 1, m_schoolA, w.id, QStringLiteral("other"))),
             SubmitStatus::VersionNotNewer);
    QCOMPARE(status(submission(QStringLiteral("rec"), 2, m_schoolB, w.id)), SubmitStatus::OtherSchool);
    const NewSubmission v2 = submission(QStringLiteral("rec"), 2, m_schoolA, w.id);
    QCOMPARE(status(v2), SubmitStatus::Accepted);
    auto heads = m_session->status(m_schoolA.id, {v1.lookupCode, codeFor(QStringLiteral("unknown"))});
    QVERIFY(heads);
    QCOMPARE(heads->size(), 1);
    QCOMPARE(heads->first().version, 2);
    QCOMPARE(heads->first().digest, v2.digest);
    QVERIFY(m_session->status(m_schoolB.id, {v1.lookupCode}).value_or(QList<RecordStatus>({{}})).isEmpty());

    const QDateTime at = lockInstant(w.deadline);
    QCOMPARE(m_session->lockWindow(w.id, at, fakeSign).value_or(-1), 1);
    QCOMPARE(status(submission(QStringLiteral("rec"), 3, m_schoolA, w.id)), SubmitStatus::Locked);
    QCOMPARE(status(v2), SubmitStatus::Duplicate);
    QCOMPARE(status(submission(QStringLiteral("late"), 1, m_schoolA, w.id)), SubmitStatus::WindowClosed);
    auto rows = m_session->lookup(v1.lookupCode);
    QVERIFY(rows && rows->size() == 1);
    QCOMPARE(rows->first().status.state, RecordState::Locked);
    QCOMPARE(rows->first().status.lockedAt, at);
    QVERIFY(m_session->lookup(codeFor(QStringLiteral("late"))).value_or(QList<LookupRow>({{}})).isEmpty());
}

void TestPgDeptStore::concurrentSubmitsOfOneCodeAcceptOne()
{
    const Window w = openWindow(2042);
    QVERIFY(m_session->addWindow(w));
    for (int round = 0; round < 10; ++round) {
        const QString seed = QStringLiteral("race%1").arg(round);
        // The same packet four times, then four different packets of one version.
        for (bool samePacket : {true, false}) {
            const int version = samePacket ? 1 : 2;
            auto results = inParallel<SubmitOutcome>(*m_store, 4, [&](DeptSession& s, int i) {
                return s.submit(submission(seed, version, m_schoolA, w.id, samePacket ? QString() : QString::number(i)),
                                fakeSign);
            });
            int accepted = 0, other = 0;
            QByteArray receipt;
            for (const auto& r : results) {
                QVERIFY2(r, qPrintable(r ? QString() : describe(r.error())));
                if (r->status == SubmitStatus::Accepted) {
                    ++accepted;
                    receipt = r->receipt.canonical;
                } else if (r->status == (samePacket ? SubmitStatus::Duplicate : SubmitStatus::VersionNotNewer))
                    ++other;
            }
            QCOMPARE(accepted, 1);
            QCOMPARE(other, 3);
            for (const auto& r : results)
                if (samePacket)
                    QCOMPARE(r->receipt.canonical, receipt);
        }
    }
    RawPg raw(m_conninfo);
    QCOMPARE(raw.scalar("SELECT count(*) FROM packets WHERE window_id = '" + w.id.toLatin1() + "'"),
             QStringLiteral("20"));
    QVERIFY(m_session->verifyAudit());
}

void TestPgDeptStore::twoSchoolsAtOnceInTwoYearsOfOneCodeAcceptOne()
{
    // The heads of two years are different rows: only the code's advisory lock keeps the other-school rule.
    const Window first = openWindow(2050);
    const Window second = openWindow(2051);
    QVERIFY(m_session->addWindow(first) && m_session->addWindow(second));
    for (int round = 0; round < 20; ++round) {
        const QString seed = QStringLiteral("school-race%1").arg(round);
        auto results = inParallel<SubmitOutcome>(*m_store, 2, [&](DeptSession& s, int i) {
            return s.submit(
                submission(seed, 1, i ? m_schoolB : m_schoolA, i ? second.id : first.id, QString::number(i)), fakeSign);
        });
        QList<SubmitStatus> statuses;
        for (const auto& r : results) {
            QVERIFY2(r, qPrintable(r ? QString() : describe(r.error())));
            statuses << r->status;
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<SubmitStatus> {SubmitStatus::Accepted, SubmitStatus::OtherSchool}));
    }
    RawPg raw(m_conninfo);
    QCOMPARE(raw.scalar("SELECT count(DISTINCT school_id) FROM record_heads GROUP BY lookup_code "
                        "ORDER BY 1 DESC LIMIT 1"),
             QStringLiteral("1"));
}

void TestPgDeptStore::lockWindowInBatches()
{
    const Window w = openWindow(2043);
    QVERIFY(m_session->addWindow(w));
    for (const auto& out : submitMany(*m_session, QStringLiteral("batchA"), 1800, m_schoolA, w.id))
        QCOMPARE(out.status, SubmitStatus::Accepted);
    for (const auto& out : submitMany(*m_session, QStringLiteral("batchB"), 1200, m_schoolB, w.id))
        QCOMPARE(out.status, SubmitStatus::Accepted);
    const QDateTime at = lockInstant(w.deadline);
    QCOMPARE(m_session->lockWindow(w.id, at, fakeSign).value_or(-1), 3000);
    QCOMPARE(m_session->lockWindow(w.id, at.addDays(1), fakeSign).value_or(-1), 0); // idempotent
    RawPg raw(m_conninfo);
    QCOMPARE(raw.scalar("SELECT count(*) || '/' || coalesce(sum(detail::int), 0) FROM audit WHERE action = "
                        "'lock_batch' AND entity_id = '"
                        + w.id.toLatin1() + "'"),
             QStringLiteral("6/3000")); // 500 per transaction
    auto counts = m_session->counts();
    QVERIFY(counts);
    const auto mine
        = std::find_if(counts->cbegin(), counts->cend(), [&](const WindowCounts& c) { return c.window.id == w.id; });
    QVERIFY(mine != counts->cend());
    QCOMPARE(mine->locked, 3000);
    QCOMPARE(mine->submitted, 0);
    QCOMPARE(mine->schools, 2);
    QCOMPARE(mine->window.state, WindowState::Locked);
    QCOMPARE(mine->window.lockedAt, at);

    // School A's receipts, 1000 a page; every one a lock receipt of this window at the lock's date.
    QString after;
    int pages = 0, receipts = 0;
    do {
        auto page = m_session->lockReceipts(m_schoolA.id, w.id, after, 1000);
        QVERIFY(page);
        ++pages;
        receipts += page->items.size();
        for (const SignedReceipt& r : page->items) {
            const auto parsed = signing::Receipt::fromCanonicalBytes(r.canonical);
            QVERIFY(parsed);
            QCOMPARE(parsed->kind, signing::Receipt::Kind::Lock);
            QCOMPARE(parsed->at, at);
            QCOMPARE(parsed->schoolCode, m_schoolA.code);
            QCOMPARE(r.signature, fakeSign(*parsed)->signature);
        }
        after = page->next;
    } while (!after.isEmpty());
    QCOMPARE(pages, 2);
    QCOMPARE(receipts, 1800);
    QVERIFY(!m_session->lockReceipts(m_schoolA.id, w.id, QStringLiteral("x1"), 10));
}

void TestPgDeptStore::aLockCutShortIsFinishedAndTheExportIsOneSnapshot()
{
    auto smallBatches = openPgDeptStore(m_conninfo, PgStoreOptions {10, 4});
    QVERIFY(smallBatches);
    auto session = (*smallBatches)->openSession();
    QVERIFY(session);
    const Window w = openWindow(2044);
    QVERIFY((*session)->addWindow(w));
    submitMany(**session, QStringLiteral("cut"), 30, m_schoolA, w.id);
    // The signer fails on the 11th receipt: the first batch of 10 is stored, the second rolls back (a crash).
    int signatures = 0;
    const ReceiptSigning failing = [&](const signing::Receipt& r) -> Result<SignedReceipt> {
        if (++signatures > 10)
            return fail(ErrorCode::Io, QStringLiteral("key gone"));
        return fakeSign(r);
    };
    const QDateTime first = lockInstant(w.deadline);
    QVERIFY(!(*session)->lockWindow(w.id, first, failing));

    // While the export reads (4 rows a fetch), another session finishes the lock: the export still sees 10.
    int exported = 0;
    bool finished = false;
    QVERIFY((*session)->exportLocked(w.id, [&](const ExportItem& item) {
        if (exported++ == 0)
            finished = m_session->lockWindow(w.id, first.addDays(3), fakeSign).value_or(-1) == 20;
        return item.status.state == RecordState::Locked && item.lockReceipt.signature.contains('\0');
    }));
    QVERIFY(finished);
    QCOMPARE(exported, 10);

    // Every record has the first lock's date, not the later call's.
    QList<ExportItem> all;
    QVERIFY((*session)->exportLocked(w.id, [&](const ExportItem& item) {
        all << item;
        return true;
    }));
    QCOMPARE(all.size(), 30);
    for (const ExportItem& item : std::as_const(all)) {
        QCOMPARE(item.status.lockedAt, first);
        QCOMPARE(item.schoolCode, m_schoolA.code);
        const NewSubmission sent = submission(QString::fromUtf8(item.packetXml.mid(12)), 1, m_schoolA, w.id);
        QCOMPARE(item.status.lookupCode, sent.lookupCode);
        QCOMPARE(item.packetXml, sent.packetXml);
        QCOMPARE(item.pdf, sent.pdf);
        QCOMPARE(signing::Receipt::fromCanonicalBytes(item.lockReceipt.canonical)->at, first);
    }
    int stoppedAfter = 0;
    QVERIFY((*session)->exportLocked(w.id, [&](const ExportItem&) { return ++stoppedAfter < 5; }));
    QCOMPARE(stoppedAfter, 5);
}

void TestPgDeptStore::auditIsOneChainUnderConcurrentSessions()
{
    const QString conninfo = newDatabase();
    auto store = openPgDeptStore(conninfo);
    QVERIFY(store);
    const Window w = openWindow(2045);
    School school;
    {
        auto session = (*store)->openSession();
        QVERIFY(session);
        auto added = (*session)->addSchool(QStringLiteral("79000103"), QStringLiteral("C"));
        QVERIFY(added && (*session)->addWindow(w));
        school = *added;
    }
    // Four sessions at once, each alternating submits and plain entries.
    auto results = inParallel<int>(**store, 4, [&](DeptSession& s, int t) -> Result<int> {
        for (int i = 0; i < 50; ++i) {
            auto out = s.submit(submission(QStringLiteral("chain%1-%2").arg(t).arg(i), 1, school, w.id), fakeSign);
            if (!out)
                return std::unexpected(out.error());
            if (auto logged = s.appendAudit({QStringLiteral("admin"), QStringLiteral("test"), QStringLiteral("t"),
                                             QString::number(t), QString::number(i)});
                !logged)
                return std::unexpected(logged.error());
        }
        return 50;
    });
    for (const auto& r : results)
        QVERIFY2(r, qPrintable(r ? QString() : describe(r.error())));
    auto session = (*store)->openSession();
    QVERIFY(session);
    auto verified = (*session)->verifyAudit();
    QVERIFY2(verified, qPrintable(verified ? QString() : describe(verified.error())));
    QCOMPARE(*verified, 2 + 4 * 50 * 2);

    // Someone with the database's owner rights edits entry 7: the chain names it.
    RawPg raw(conninfo);
    QVERIFY(raw.run("ALTER TABLE audit DISABLE TRIGGER audit_immutable; UPDATE audit SET detail = 'x' WHERE id = 7; "
                    "ALTER TABLE audit ENABLE TRIGGER audit_immutable")
                .isEmpty());
    auto broken = (*session)->verifyAudit();
    QVERIFY(!broken);
    QCOMPARE(broken.error().code, ErrorCode::AuditChainBroken);
    QVERIFY(broken.error().message.contains(QLatin1String("7")));
}

void TestPgDeptStore::triggersRefuseChanges()
{
    RawPg raw(m_conninfo);
    QCOMPARE(raw.run("UPDATE packets SET pdf = '' WHERE id = (SELECT min(id) FROM packets)"), QByteArray("HBL01"));
    QCOMPARE(raw.run("DELETE FROM lock_receipts"), QByteArray("HBL01"));
    QCOMPARE(raw.run("DELETE FROM audit WHERE id = 1"), QByteArray("HBL01"));
    QCOMPARE(raw.run("TRUNCATE audit"), QByteArray("HBL01"));
    QCOMPARE(raw.run("UPDATE record_heads SET current_version = 99 WHERE state = 'locked'"), QByteArray("HBL01"));
    QCOMPARE(raw.run("DELETE FROM record_heads WHERE state = 'submitted'"), QByteArray("HBL01"));
    QCOMPARE(raw.run("UPDATE windows SET state = 'open' WHERE state = 'locked'"), QByteArray("HBL01"));
    // A submitted head and an open window may still change (that is how submit and lockWindow work).
    QCOMPARE(raw.run("UPDATE record_heads SET received_at = received_at WHERE state = 'submitted'"), QByteArray());
    QVERIFY(m_session->verifyAudit());
}

void TestPgDeptStore::aDroppedConnectionIsMadeAgain()
{
    QVERIFY(m_session->schoolByCode(m_schoolA.code));
    RawPg raw(m_conninfo);
    QCOMPARE(raw.scalar("SELECT count(pg_terminate_backend(pid)) > 0 FROM pg_stat_activity WHERE datname = "
                        "current_database() AND application_name = 'hocba-dept'"),
             QStringLiteral("t"));
    // A read, then a write: both on a new connection, with the statements prepared again.
    auto school = m_session->schoolByCode(m_schoolA.code);
    QVERIFY2(school, qPrintable(school ? QString() : describe(school.error())));
    QVERIFY(*school);
    QCOMPARE((*school)->id, m_schoolA.id);
    QVERIFY(m_session->appendAudit(
        {QStringLiteral("admin"), QStringLiteral("test"), QStringLiteral("t"), QStringLiteral("reconnect"), {}}));
    QVERIFY(m_session->verifyAudit());
}

void TestPgDeptStore::textWithANulIsRefused()
{
    RawPg raw(m_conninfo);
    const QString before = raw.scalar("SELECT count(*) FROM audit");
    auto refused = m_session->appendAudit({QStringLiteral("admin"),
                                           QStringLiteral("test"),
                                           QStringLiteral("t"),
                                           QStringLiteral("a") + QChar(0) + QStringLiteral("b"),
                                           {}});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
    QCOMPARE(raw.scalar("SELECT count(*) FROM audit"), before);
    QVERIFY(m_session->verifyAudit());
}

void TestPgDeptStore::figures()
{
    // Printed, not asserted on speed: submits/s on 1 and 2 sessions, and a lock of every one of them.
    auto store = openPgDeptStore(m_conninfo);
    QVERIFY(store);
    const Window w = openWindow(2046);
    QVERIFY(m_session->addWindow(w));
    const int n = qEnvironmentVariableIntValue("HOCBA_PG_FIGURES_N") > 0
        ? qEnvironmentVariableIntValue("HOCBA_PG_FIGURES_N")
        : 1000;
    for (int sessions : {1, 2}) {
        QElapsedTimer timer;
        timer.start();
        auto results = inParallel<int>(**store, sessions, [&](DeptSession& s, int t) -> Result<int> {
            int accepted = 0;
            for (const auto& out :
                 submitMany(s, QStringLiteral("fig%1-%2-").arg(sessions).arg(t), n / sessions, m_schoolA, w.id))
                accepted += out.status == SubmitStatus::Accepted ? 1 : 0;
            return accepted;
        });
        const double seconds = timer.nsecsElapsed() / 1e9;
        int accepted = 0;
        for (const auto& r : results)
            accepted += r.value_or(0);
        QCOMPARE(accepted, n / sessions * sessions);
        qInfo("PostgreSQL submits, %d session(s): %d in %.2f s = %.0f/s", sessions, accepted, seconds,
              accepted / seconds);
    }
    auto session = (*store)->openSession();
    QVERIFY(session);
    QElapsedTimer timer;
    timer.start();
    const qint64 locked = (*session)->lockWindow(w.id, lockInstant(w.deadline), fakeSign).value_or(-1);
    qInfo("PostgreSQL lockWindow: %lld records in %.2f s", locked, timer.nsecsElapsed() / 1e9);
    QCOMPARE(locked, 2 * (n / 2) + n);
}

QTEST_GUILESS_MAIN(TestPgDeptStore)
#include "TestPgDeptStore.moc"

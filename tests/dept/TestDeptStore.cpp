// SPDX-License-Identifier: GPL-3.0-or-later
// The Department's storage, engine-neutral: every test runs once per row of initTestCase_data ("sqlite", and
// "postgresql" from HOCBA_TEST_PG, skipped when unset). Packets are plain bytes: the store does not verify them.
#include "dept/DataFolder.h"
#include "dept/DeptStore.h"
#include "packet/PacketDigest.h"
#include "verify/Receipt.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <thread>

using namespace hocba;
using namespace hocba::dept;

namespace {

const QDateTime kReceived(QDate(2026, 6, 20), QTime(3, 4, 5), Qt::UTC);

QString codeFor(const QString& seed)
{
    return QString::fromLatin1(QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Md5).toHex());
}

/** Runs SQL outside the program, as someone with the database file or a psql prompt would; false when refused. */
bool rawExec(const QString& url, const QString& sql)
{
    if (url.startsWith(QLatin1String("sqlite:"))) {
        sqlite3* db = nullptr;
        bool ok = sqlite3_open_v2(QFile::encodeName(url.mid(7)).constData(), &db, SQLITE_OPEN_READWRITE, nullptr)
            == SQLITE_OK;
        sqlite3_busy_timeout(db, 5000);
        ok = ok && sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
        sqlite3_close(db);
        return ok;
    }
    PGconn* conn = PQconnectdb(url.toUtf8().constData());
    PGresult* res = PQexec(conn, sql.toUtf8().constData());
    const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;
    PQclear(res);
    PQfinish(conn);
    return ok;
}

/** The rows of a query run outside the program, each row's columns joined by '|'. */
QStringList rawRows(const QString& url, const QString& sql)
{
    QStringList rows;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(QFile::encodeName(url.mid(7)).constData(), &db, SQLITE_OPEN_READONLY, nullptr)
            == SQLITE_OK) {
            sqlite3_busy_timeout(db, 5000);
            const auto collect = [](void* out, int columns, char** values, char**) {
                QStringList row;
                for (int c = 0; c < columns; ++c)
                    row << QString::fromUtf8(values[c] ? values[c] : "");
                static_cast<QStringList*>(out)->append(row.join(u'|'));
                return 0;
            };
            sqlite3_exec(db, sql.toUtf8().constData(), collect, &rows, nullptr);
        }
        sqlite3_close(db);
        return rows;
    }
    PGconn* conn = PQconnectdb(url.toUtf8().constData());
    PGresult* res = PQexec(conn, sql.toUtf8().constData());
    for (int r = 0; PQresultStatus(res) == PGRES_TUPLES_OK && r < PQntuples(res); ++r) {
        QStringList row;
        for (int c = 0; c < PQnfields(res); ++c)
            row << QString::fromUtf8(PQgetvalue(res, r, c));
        rows << row.join(u'|');
    }
    PQclear(res);
    PQfinish(conn);
    return rows;
}

} // namespace

class TestDeptStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    DataFolder m_folder;
    ReceiptSigning m_sign;
    QByteArray m_certDer;
    std::unique_ptr<QTemporaryDir> m_dbDir;
    QString m_url;
    std::unique_ptr<DeptStore> m_store;
    std::unique_ptr<DeptSession> m_session;
    School m_a;
    School m_b;
    Window m_june;
    Window m_august;

    Window m_earlier; ///< the year before m_june's; added by the tests of records with several years

    NewSubmission submission(const QString& code, int version, const School& school, const QString& windowId = {},
                             int schoolYearStart = 2025)
    {
        NewSubmission s;
        s.lookupCode = codeFor(code);
        s.schoolYearStart = schoolYearStart;
        s.version = version;
        s.schoolId = school.id;
        s.windowId = windowId.isEmpty() ? m_june.id : windowId;
        s.packetXml = QStringLiteral("<Packet code='%1' year='%2' version='%3'/>")
                          .arg(code)
                          .arg(schoolYearStart)
                          .arg(version)
                          .toUtf8();
        s.digest = packet::packetDigest(s.packetXml);
        s.pdf = "%PDF-1.7 " + s.packetXml;
        s.receivedAt = kReceived;
        s.lookupJson = QStringLiteral(R"({"version":%1})").arg(version).toUtf8();
        return s;
    }
    /** Another packet of the same code, year and version: a new digest. */
    static NewSubmission changed(NewSubmission s)
    {
        s.packetXml += " changed";
        s.digest = packet::packetDigest(s.packetXml);
        return s;
    }
    /** A submission of the year before m_june's (2024-2025), into m_earlier, which this adds. */
    NewSubmission earlier(const QString& code, int version, const School& school)
    {
        if (!m_session->window(m_earlier.id).value_or(std::nullopt))
            if (auto added = m_session->addWindow(m_earlier); !added)
                qWarning() << describe(added.error());
        return submission(code, version, school, m_earlier.id, 2024);
    }
    QStringList auditRows(const QString& action)
    {
        return rawRows(
            m_url, QStringLiteral("SELECT actor, entity_id FROM audit WHERE action = '%1' ORDER BY id").arg(action));
    }
    SubmitStatus submit(const NewSubmission& s, SignedReceipt* receipt = nullptr)
    {
        auto outcome = m_session->submit(s, m_sign);
        if (!outcome) {
            qWarning() << describe(outcome.error());
            return SubmitStatus::WindowClosed;
        }
        if (receipt)
            *receipt = outcome->receipt;
        return outcome->status;
    }
    signing::Receipt verified(const SignedReceipt& r)
    {
        auto receipt = signing::verifyReceipt(r.canonical, r.signature, m_certDer);
        if (!receipt)
            qWarning() << describe(receipt.error());
        return receipt.value_or(signing::Receipt {});
    }
    qint64 lockJune(const QDateTime& at = lockInstant(QDate(2026, 6, 30)))
    {
        auto locked = m_session->lockWindow(m_june.id, at, m_sign);
        if (!locked)
            qWarning() << describe(locked.error());
        return locked.value_or(-1);
    }
    QList<RecordStatus> statusOf(const School& school, const QStringList& codes)
    {
        QStringList lookupCodes;
        for (const QString& c : codes)
            lookupCodes << codeFor(c);
        return m_session->status(school.id, lookupCodes).value_or(QList<RecordStatus> {});
    }

private Q_SLOTS:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void submitAccepted();
    void submitDuplicateGivesTheOriginalReceipt();
    void submitVersionNotNewer();
    void submitOtherSchool();
    void submitLockedAndWindowClosed();
    void nextYearAfterTheLockIsAccepted();
    void versionsRestartEveryYear();
    void otherSchoolInAnotherYear();
    void lookupListsEveryYear();
    void statusPerYear();
    void lockAuditNamesItsActor();
    void lockReceiptsRefusesABadPage();
    void receiptsVerifyWithOpensslCli();
    void lockWindowSetsTheEffectiveDate();
    void lockWindowFinishesAfterASignerFailure();
    void lockReceiptsPaging();
    void statusOnlyOwnCodes();
    void lookupAndPdf();
    void exportLocked();
    void credentials();
    void trustAnchors();
    void uploadPolicy();
    void counts();
    void auditChainAndTampering();
    void triggersRefuseRawChanges();
    void twoThreadsSubmitAtOnce();
    void revokeAndTransfer();
    void transferFromAnotherProvinceKeepsHistory();
};

void TestDeptStore::initTestCase_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << qEnvironmentVariable("HOCBA_TEST_PG");
}

void TestDeptStore::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    auto folder = DataFolder::init(m_tmp.filePath(QStringLiteral("dept")), QStringLiteral("Sở GD&ĐT Thử nghiệm"));
    QVERIFY2(folder, folder ? "" : qPrintable(describe(folder.error())));
    m_folder = *folder;
    auto sign = m_folder.receiptSigner();
    QVERIFY(sign);
    m_sign = *sign;
    const auto certs = QSslCertificate::fromPath(m_folder.certificatePath());
    QCOMPARE(certs.size(), 1);
    m_certDer = certs.first().toDer();
}

void TestDeptStore::init()
{
    QFETCH_GLOBAL(QString, url);
    if (url.isEmpty())
        QSKIP("HOCBA_TEST_PG is not set: the PostgreSQL row is skipped");
    if (url == QLatin1String("sqlite")) {
        m_dbDir = std::make_unique<QTemporaryDir>();
        m_url = QStringLiteral("sqlite:") + m_dbDir->filePath(QStringLiteral("dept.db"));
    } else {
        // Every test starts from an empty schema: HOCBA_TEST_PG must name a database used by nothing else.
        m_url = url;
        QVERIFY(rawExec(m_url, QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")));
    }
    auto store = DeptStore::open(m_url);
    QVERIFY2(store, store ? "" : qPrintable(describe(store.error())));
    m_store = std::move(*store);
    auto session = m_store->openSession();
    QVERIFY(session);
    m_session = std::move(*session);
    auto a = m_session->addSchool(QStringLiteral("79000001"), QStringLiteral("THCS Thử A"));
    auto b = m_session->addSchool(QStringLiteral("79000002"), QStringLiteral("THCS Thử B"));
    QVERIFY(a && b);
    m_a = *a;
    m_b = *b;
    m_june = {QStringLiteral("2025-2026-06"), 2025, false, QDate(2026, 6, 30), WindowState::Open, {}};
    m_august = {QStringLiteral("2025-2026-08"), 2025, true, QDate(2026, 8, 15), WindowState::Open, {}};
    m_earlier = {QStringLiteral("2024-2025-06"), 2024, false, QDate(2025, 6, 30), WindowState::Open, {}};
    QVERIFY(m_session->addWindow(m_june));
    QVERIFY(m_session->addWindow(m_august));
}

void TestDeptStore::cleanup()
{
    m_session.reset();
    m_store.reset();
    m_dbDir.reset();
}

void TestDeptStore::submitAccepted()
{
    const NewSubmission s = submission(QStringLiteral("r1"), 1, m_a);
    SignedReceipt receipt;
    QCOMPARE(submit(s, &receipt), SubmitStatus::Accepted);
    const signing::Receipt r = verified(receipt);
    QCOMPARE(r.kind, signing::Receipt::Kind::Upload);
    QCOMPARE(r.lookupCode, s.lookupCode);
    QCOMPARE(r.version, 1);
    QCOMPARE(r.packetDigest, s.digest);
    QCOMPARE(r.schoolCode, m_a.code);
    QCOMPARE(r.windowId, m_june.id);
    QCOMPARE(r.at, kReceived);
    QCOMPARE(r.department, QStringLiteral("Sở GD&ĐT Thử nghiệm"));
    const auto heads = statusOf(m_a, {QStringLiteral("r1")});
    QCOMPARE(heads.size(), 1);
    QCOMPARE(heads[0].state, RecordState::Submitted);
    QCOMPARE(heads[0].digest, s.digest);
    QCOMPARE(heads[0].receivedAt, kReceived);
    QVERIFY(!heads[0].lockedAt.isValid());
    // A newer version moves the head.
    const NewSubmission v2 = submission(QStringLiteral("r1"), 2, m_a);
    QCOMPARE(submit(v2), SubmitStatus::Accepted);
    QCOMPARE(statusOf(m_a, {QStringLiteral("r1")}).value(0).version, 2);
}

void TestDeptStore::submitDuplicateGivesTheOriginalReceipt()
{
    const NewSubmission s = submission(QStringLiteral("r1"), 1, m_a);
    SignedReceipt original;
    QCOMPARE(submit(s, &original), SubmitStatus::Accepted);
    NewSubmission again = s;
    again.receivedAt = kReceived.addSecs(60);
    SignedReceipt second;
    QCOMPARE(submit(again, &second), SubmitStatus::Duplicate);
    QCOMPARE(second.canonical, original.canonical);
    QCOMPARE(second.signature, original.signature);
    QCOMPARE(lockJune(), 1);
    SignedReceipt afterLock;
    QCOMPARE(submit(again, &afterLock), SubmitStatus::Duplicate);
    QCOMPARE(afterLock.canonical, original.canonical);
}

void TestDeptStore::submitVersionNotNewer()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 2, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::VersionNotNewer);
    QCOMPARE(submit(changed(submission(QStringLiteral("r1"), 2, m_a))), SubmitStatus::VersionNotNewer);
    QCOMPARE(statusOf(m_a, {QStringLiteral("r1")}).value(0).digest, submission(QStringLiteral("r1"), 2, m_a).digest);
}

void TestDeptStore::submitOtherSchool()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    NewSubmission theirs = submission(QStringLiteral("r1"), 2, m_b);
    QCOMPARE(submit(theirs), SubmitStatus::OtherSchool);
    QCOMPARE(statusOf(m_a, {QStringLiteral("r1")}).value(0).version, 1);
}

void TestDeptStore::submitLockedAndWindowClosed()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(lockJune(), 1);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 2, m_a)), SubmitStatus::Locked);
    QCOMPARE(submit(submission(QStringLiteral("r2"), 1, m_a)), SubmitStatus::WindowClosed);
    QVERIFY(statusOf(m_a, {QStringLiteral("r2")}).isEmpty());
    QVERIFY(!m_session->openWindowFor(2025, false).value_or(Window {}).has_value());
    QCOMPARE(m_session->openWindowFor(2025, true).value_or(std::nullopt).value_or(Window {}).id, m_august.id);
}

void TestDeptStore::nextYearAfterTheLockIsAccepted()
{
    QCOMPARE(submit(earlier(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(m_session->lockWindow(m_earlier.id, lockInstant(m_earlier.deadline), m_sign).value_or(-1), 1);
    QCOMPARE(submit(earlier(QStringLiteral("r1"), 2, m_a)), SubmitStatus::Locked);
    SignedReceipt receipt;
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a), &receipt), SubmitStatus::Accepted);
    QCOMPARE(verified(receipt).windowId, m_june.id);
    // The lock of this year leaves the locked year before as it was.
    QCOMPARE(lockJune(), 1);
    const auto heads = statusOf(m_a, {QStringLiteral("r1")});
    QCOMPARE(heads.size(), 2);
    QCOMPARE(heads[0].lockedAt, lockInstant(m_earlier.deadline));
    QCOMPARE(heads[1].lockedAt, lockInstant(m_june.deadline));
    const auto page = m_session->lockReceipts(m_a.id, {}, {}, 10).value_or(Page<SignedReceipt> {});
    QCOMPARE(page.items.size(), 2);
    QCOMPARE(verified(page.items[0]).windowId, m_earlier.id);
    QCOMPARE(verified(page.items[1]).windowId, m_june.id);
}

void TestDeptStore::versionsRestartEveryYear()
{
    QCOMPARE(submit(earlier(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(earlier(QStringLiteral("r1"), 2, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 2, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(earlier(QStringLiteral("r1"), 2, m_a)), SubmitStatus::Duplicate);
    QCOMPARE(submit(changed(submission(QStringLiteral("r1"), 2, m_a))), SubmitStatus::VersionNotNewer);
    QCOMPARE(submit(changed(earlier(QStringLiteral("r1"), 1, m_a))), SubmitStatus::VersionNotNewer);
    const auto heads = statusOf(m_a, {QStringLiteral("r1")});
    QCOMPARE(heads.size(), 2);
    QCOMPARE(heads[0].version, 2);
    QCOMPARE(heads[1].version, 2);
    QCOMPARE(heads[1].digest, submission(QStringLiteral("r1"), 2, m_a).digest);
}

void TestDeptStore::otherSchoolInAnotherYear()
{
    QCOMPARE(submit(earlier(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    const qint64 auditBefore = m_session->verifyAudit().value_or(-1);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_b)), SubmitStatus::OtherSchool);
    QCOMPARE(submit(earlier(QStringLiteral("r2"), 1, m_b)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r2"), 1, m_a)), SubmitStatus::OtherSchool);
    QCOMPARE(m_session->verifyAudit().value_or(-1), auditBefore + 1); // the refusals wrote nothing
    QVERIFY(statusOf(m_b, {QStringLiteral("r1")}).isEmpty());
    QVERIFY(statusOf(m_a, {QStringLiteral("r2")}).isEmpty());
    QCOMPARE(m_session->lookup(codeFor(QStringLiteral("r1"))).value_or(QList<LookupRow> {}).size(), 1);
}

void TestDeptStore::lookupListsEveryYear()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 2, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(earlier(QStringLiteral("r1"), 3, m_a)), SubmitStatus::Accepted);
    const auto years = m_session->lookup(codeFor(QStringLiteral("r1"))).value_or(QList<LookupRow> {});
    QCOMPARE(years.size(), 2);
    QCOMPARE(years[0].status.schoolYearStart, 2024);
    QCOMPARE(years[0].status.version, 3);
    QCOMPARE(years[0].status.windowId, m_earlier.id);
    QCOMPARE(years[0].lookupJson, QByteArray(R"({"version":3})"));
    QCOMPARE(years[1].status.schoolYearStart, 2025);
    QCOMPARE(years[1].status.version, 2);
    QCOMPARE(years[1].school.code, m_a.code);
    const QString code = codeFor(QStringLiteral("r1"));
    QCOMPARE(m_session->signedPdf(code, 0).value_or(QByteArray()), submission(QStringLiteral("r1"), 2, m_a).pdf);
    QCOMPARE(m_session->signedPdf(code, 2025).value_or(QByteArray()), submission(QStringLiteral("r1"), 2, m_a).pdf);
    QCOMPARE(m_session->signedPdf(code, 2024).value_or(QByteArray()), earlier(QStringLiteral("r1"), 3, m_a).pdf);
    QVERIFY(m_session->signedPdf(code, 2023).value_or("x").isEmpty());
}

void TestDeptStore::statusPerYear()
{
    QCOMPARE(submit(earlier(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 4, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r2"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(m_session->lockWindow(m_earlier.id, lockInstant(m_earlier.deadline), m_sign).value_or(-1), 1);
    // In the order asked, then by year.
    const auto heads = statusOf(m_a, {QStringLiteral("r2"), QStringLiteral("r1")});
    QCOMPARE(heads.size(), 3);
    QCOMPARE(heads[0].lookupCode, codeFor(QStringLiteral("r2")));
    QCOMPARE(heads[1].schoolYearStart, 2024);
    QCOMPARE(heads[1].state, RecordState::Locked);
    QCOMPARE(heads[1].version, 1);
    QCOMPARE(heads[2].schoolYearStart, 2025);
    QCOMPARE(heads[2].state, RecordState::Submitted);
    QCOMPARE(heads[2].version, 4);
    QCOMPARE(heads[2].windowId, m_june.id);
}

void TestDeptStore::lockAuditNamesItsActor()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(earlier(QStringLiteral("r2"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(m_session->lockWindow(m_june.id, lockInstant(m_june.deadline), m_sign, QStringLiteral("scheduler"))
                 .value_or(-1),
             1);
    QCOMPARE(m_session->lockWindow(m_earlier.id, lockInstant(m_earlier.deadline), m_sign).value_or(-1), 1);
    QCOMPARE(auditRows(QStringLiteral("lock_window")),
             (QStringList {QStringLiteral("scheduler|") + m_june.id, QStringLiteral("admin|") + m_earlier.id}));
    QCOMPARE(auditRows(QStringLiteral("lock_batch")),
             (QStringList {QStringLiteral("scheduler|") + m_june.id, QStringLiteral("admin|") + m_earlier.id}));
    // Credentials are logged by the school's code, never its row id.
    QVERIFY(m_session->addCredential(m_b.id, credentialDigest(newCredentialToken())));
    QCOMPARE(m_session->revokeCredentials(m_b.id).value_or(-1), 1);
    QCOMPARE(m_session->revokeCredentials(m_b.id).value_or(-1), 0);
    QCOMPARE(auditRows(QStringLiteral("credential_add")), QStringList {QStringLiteral("admin|") + m_b.code});
    QCOMPARE(auditRows(QStringLiteral("credential_revoke")), QStringList {QStringLiteral("admin|") + m_b.code});
}

void TestDeptStore::lockReceiptsRefusesABadPage()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(lockJune(), 1);
    QCOMPARE(m_session->lockReceipts(m_a.id, {}, {}, 1).value_or(Page<SignedReceipt> {}).items.size(), 1);
    for (int limit : {0, -1}) {
        const auto page = m_session->lockReceipts(m_a.id, {}, {}, limit);
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::InvalidInput);
    }
    for (const QString& cursor : {QStringLiteral("x1"), QStringLiteral("-1")}) {
        const auto page = m_session->lockReceipts(m_a.id, {}, cursor, 10);
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::InvalidInput);
    }
}

void TestDeptStore::receiptsVerifyWithOpensslCli()
{
    SignedReceipt receipt;
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a), &receipt), SubmitStatus::Accepted);
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("receipt.json"));
    const QString sig = dir.filePath(QStringLiteral("receipt.sig"));
    for (auto [path, bytes] : {std::pair {json, receipt.canonical}, std::pair {sig, receipt.signature}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
    }
    const QStringList args {QStringLiteral("cms"),
                            QStringLiteral("-verify"),
                            QStringLiteral("-binary"),
                            QStringLiteral("-inform"),
                            QStringLiteral("DER"),
                            QStringLiteral("-in"),
                            sig,
                            QStringLiteral("-content"),
                            json,
                            QStringLiteral("-CAfile"),
                            m_folder.certificatePath(),
                            QStringLiteral("-purpose"),
                            QStringLiteral("any"),
                            QStringLiteral("-out"),
                            QStringLiteral("/dev/null")};
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), args);
    QVERIFY(openssl.waitForFinished(30000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    // The same check refuses a changed receipt, so it is not a check that always passes.
    QFile f(json);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(receipt.canonical.replace("\"version\":1", "\"version\":7")) > 0);
    f.close();
    openssl.start(QStringLiteral("openssl"), args);
    QVERIFY(openssl.waitForFinished(30000));
    QVERIFY(openssl.exitCode() != 0);
}

void TestDeptStore::lockWindowSetsTheEffectiveDate()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r2"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r3"), 1, m_b)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("aug"), 1, m_a, m_august.id)), SubmitStatus::Accepted);
    const QDateTime effective = lockInstant(m_june.deadline);
    QCOMPARE(effective, QDateTime(QDate(2026, 6, 30), QTime(16, 59, 59), Qt::UTC));
    QCOMPARE(lockJune(effective), 3);
    const Window june = m_session->window(m_june.id).value_or(std::nullopt).value_or(Window {});
    QCOMPARE(june.state, WindowState::Locked);
    QCOMPARE(june.lockedAt, effective);
    for (const RecordStatus& head : statusOf(m_a, {QStringLiteral("r1"), QStringLiteral("r2")})) {
        QCOMPARE(head.state, RecordState::Locked);
        QCOMPARE(head.lockedAt, effective);
    }
    QCOMPARE(statusOf(m_a, {QStringLiteral("aug")}).value(0).state, RecordState::Submitted);
    // Idempotent: a second call (even with another date) locks nothing and keeps the first effective date.
    QCOMPARE(lockJune(effective.addDays(3)), 0);
    QCOMPARE(m_session->window(m_june.id).value_or(std::nullopt).value_or(Window {}).lockedAt, effective);
    const auto page = m_session->lockReceipts(m_b.id, m_june.id, {}, 10);
    QVERIFY(page);
    QCOMPARE(page->items.size(), 1);
    const signing::Receipt r = verified(page->items[0]);
    QCOMPARE(r.kind, signing::Receipt::Kind::Lock);
    QCOMPARE(r.lookupCode, codeFor(QStringLiteral("r3")));
    QCOMPARE(r.schoolCode, m_b.code);
    QCOMPARE(r.at, effective);
}

void TestDeptStore::lockWindowFinishesAfterASignerFailure()
{
    for (int i = 0; i < 6; ++i)
        QCOMPARE(submit(submission(QStringLiteral("r%1").arg(i), 1, i % 2 ? m_a : m_b)), SubmitStatus::Accepted);
    const QDateTime effective = lockInstant(m_june.deadline);
    auto signedSoFar = std::make_shared<std::atomic<int>>(0);
    const ReceiptSigning failsAfterTwo = [this, signedSoFar](const signing::Receipt& r) -> Result<SignedReceipt> {
        if (++*signedSoFar > 2)
            return fail(ErrorCode::Internal, QStringLiteral("signer gone"));
        return m_sign(r);
    };
    QVERIFY(!m_session->lockWindow(m_june.id, effective, failsAfterTwo));
    const Window june = m_session->window(m_june.id).value_or(std::nullopt).value_or(Window {});
    QCOMPARE(june.state, WindowState::Locked);
    QCOMPARE(june.lockedAt, effective);
    QCOMPARE(submit(submission(QStringLiteral("late"), 1, m_a)), SubmitStatus::WindowClosed);
    const auto before = m_session->counts().value_or(QList<WindowCounts> {});
    QCOMPARE(before.size(), 2);
    const qint64 lockedBefore = before[0].locked;
    QVERIFY(lockedBefore < 6);
    // The next call finishes the window with its stored effective date, not the one it is given.
    QCOMPARE(lockJune(effective.addDays(2)), 6 - lockedBefore);
    QStringList all;
    for (int i = 0; i < 6; ++i)
        all << QStringLiteral("r%1").arg(i);
    const auto heads = statusOf(m_a, all) + statusOf(m_b, all);
    QCOMPARE(heads.size(), 6);
    for (const RecordStatus& head : heads) {
        QCOMPARE(head.state, RecordState::Locked);
        QCOMPARE(head.lockedAt, effective);
    }
    for (const School& school : {m_a, m_b}) {
        const auto page = m_session->lockReceipts(school.id, {}, {}, 100);
        QVERIFY(page);
        QCOMPARE(page->items.size(), 3);
        for (const SignedReceipt& receipt : page->items)
            QCOMPARE(verified(receipt).at, effective);
    }
}

void TestDeptStore::lockReceiptsPaging()
{
    for (int i = 0; i < 5; ++i)
        QCOMPARE(submit(submission(QStringLiteral("a%1").arg(i), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("b0"), 1, m_b)), SubmitStatus::Accepted);
    QCOMPARE(lockJune(), 6);
    QSet<QString> seen;
    QString cursor;
    QList<int> sizes;
    do {
        const auto page = m_session->lockReceipts(m_a.id, m_june.id, cursor, 2);
        QVERIFY(page);
        sizes << int(page->items.size());
        for (const SignedReceipt& r : page->items) {
            const signing::Receipt receipt = verified(r);
            QCOMPARE(receipt.schoolCode, m_a.code);
            seen.insert(receipt.lookupCode);
        }
        cursor = page->next;
    } while (!cursor.isEmpty() && sizes.size() < 10);
    QCOMPARE(sizes, (QList<int> {2, 2, 1}));
    QCOMPARE(seen.size(), 5);
    QCOMPARE(m_session->lockReceipts(m_a.id, m_august.id, {}, 10).value_or(Page<SignedReceipt> {}).items.size(), 0);
    QCOMPARE(m_session->lockReceipts(m_b.id, {}, {}, 10).value_or(Page<SignedReceipt> {}).items.size(), 1);
}

void TestDeptStore::statusOnlyOwnCodes()
{
    QCOMPARE(submit(submission(QStringLiteral("mine"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("theirs"), 1, m_b)), SubmitStatus::Accepted);
    const auto heads = statusOf(m_a, {QStringLiteral("mine"), QStringLiteral("theirs"), QStringLiteral("unknown")});
    QCOMPARE(heads.size(), 1);
    QCOMPARE(heads[0].lookupCode, codeFor(QStringLiteral("mine")));
    QCOMPARE(heads[0].windowId, m_june.id);
}

void TestDeptStore::lookupAndPdf()
{
    const auto unknown = m_session->lookup(codeFor(QStringLiteral("r1")));
    QVERIFY(unknown && unknown->isEmpty());
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 2, m_a)), SubmitStatus::Accepted);
    const auto rows = m_session->lookup(codeFor(QStringLiteral("r1")));
    QVERIFY(rows && rows->size() == 1);
    const LookupRow& row = rows->first();
    QCOMPARE(row.status.version, 2);
    QCOMPARE(row.status.schoolYearStart, 2025);
    QCOMPARE(row.status.state, RecordState::Submitted);
    QCOMPARE(row.school.code, m_a.code);
    QCOMPARE(row.school.name, m_a.name);
    QCOMPARE(row.lookupJson, QByteArray(R"({"version":2})"));
    QCOMPARE(m_session->signedPdf(codeFor(QStringLiteral("r1")), 0).value_or(QByteArray()),
             submission(QStringLiteral("r1"), 2, m_a).pdf);
    QVERIFY(m_session->signedPdf(codeFor(QStringLiteral("none")), 0).value_or("x").isEmpty());
}

void TestDeptStore::exportLocked()
{
    for (int i = 0; i < 3; ++i)
        QCOMPARE(submit(submission(QStringLiteral("r%1").arg(i), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("aug"), 1, m_b, m_august.id)), SubmitStatus::Accepted);
    QCOMPARE(lockJune(), 3);
    QList<ExportItem> items;
    QVERIFY(m_session->exportLocked(m_june.id, [&](const ExportItem& item) {
        items << item;
        return true;
    }));
    QCOMPARE(items.size(), 3);
    for (const ExportItem& item : items) {
        QCOMPARE(item.schoolCode, m_a.code);
        QCOMPARE(item.status.state, RecordState::Locked);
        QCOMPARE(packet::packetDigest(item.packetXml), item.status.digest);
        QVERIFY(item.pdf.startsWith("%PDF"));
        const signing::Receipt r = verified(item.lockReceipt);
        QCOMPARE(r.lookupCode, item.status.lookupCode);
        QCOMPARE(r.kind, signing::Receipt::Kind::Lock);
    }
    int seen = 0;
    QVERIFY(m_session->exportLocked(m_june.id, [&](const ExportItem&) { return ++seen < 1; }));
    QCOMPARE(seen, 1);
    seen = 0;
    QVERIFY(m_session->exportLocked(m_august.id, [&](const ExportItem&) { return ++seen > 0; }));
    QCOMPARE(seen, 0); // submitted, not locked: nothing to export
}

void TestDeptStore::credentials()
{
    const QString token = newCredentialToken();
    QCOMPARE(token.size(), 64);
    QVERIFY(m_session->addCredential(m_a.id, credentialDigest(token)));
    QCOMPARE(m_session->schoolForCredential(credentialDigest(token)).value_or(std::nullopt).value_or(School {}).code,
             m_a.code);
    QVERIFY(!m_session->schoolForCredential(credentialDigest(newCredentialToken())).value_or(School {}).has_value());
    QCOMPARE(m_session->revokeCredentials(m_b.id).value_or(-1), 0);
    QCOMPARE(m_session->revokeCredentials(m_a.id).value_or(-1), 1);
    QVERIFY(!m_session->schoolForCredential(credentialDigest(token)).value_or(School {}).has_value());
    QCOMPARE(m_session->schoolByCode(m_b.code).value_or(std::nullopt).value_or(School {}).id, m_b.id);
    QVERIFY(!m_session->schoolByCode(QStringLiteral("none")).value_or(School {}).has_value());
    const auto again = m_session->addSchool(m_a.code, QStringLiteral("again"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::DbConstraint);
}

void TestDeptStore::trustAnchors()
{
    QVERIFY(m_session->addTrustAnchor(m_certDer, QStringLiteral("one")));
    QVERIFY(m_session->addTrustAnchor(m_certDer, QStringLiteral("one again")));
    QVERIFY(m_session->addTrustAnchor("another", QStringLiteral("two")));
    const auto anchors = m_session->trustAnchors().value_or(QList<QByteArray> {});
    QCOMPARE(anchors.size(), 2);
    QVERIFY(anchors.contains(m_certDer));
    QVERIFY(anchors.contains("another"));
}

void TestDeptStore::uploadPolicy()
{
    QCOMPARE(m_session->minimumLevel().value_or(signing::BaselineLevel::LTA), signing::BaselineLevel::B); // never set
    const qint64 entries = m_session->verifyAudit().value_or(-1);
    QVERIFY(m_session->setMinimumLevel(signing::BaselineLevel::T));
    QVERIFY(m_session->setMinimumLevel(signing::BaselineLevel::T)); // unchanged: nothing written or logged
    QCOMPARE(m_session->verifyAudit().value_or(-1), entries + 1);
    auto lta = m_session->setMinimumLevel(signing::BaselineLevel::LTA);
    QVERIFY(!lta);
    QCOMPARE(lta.error().code, ErrorCode::InvalidInput);
    auto other = m_store->openSession(); // another worker's session reads what this one set
    QVERIFY(other);
    QCOMPARE((*other)->minimumLevel().value_or(signing::BaselineLevel::B), signing::BaselineLevel::T);
    QVERIFY((*other)->setMinimumLevel(signing::BaselineLevel::LT));
    QCOMPARE(m_session->minimumLevel().value_or(signing::BaselineLevel::B), signing::BaselineLevel::LT);
    QVERIFY(m_session->setMinimumLevel(signing::BaselineLevel::B));
    QCOMPARE(m_session->minimumLevel().value_or(signing::BaselineLevel::LTA), signing::BaselineLevel::B);
    QCOMPARE(m_session->verifyAudit().value_or(-1), entries + 3);
}

void TestDeptStore::counts()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r2"), 1, m_b)), SubmitStatus::Accepted);
    QCOMPARE(submit(submission(QStringLiteral("r3"), 1, m_b)), SubmitStatus::Accepted);
    auto before = m_session->counts().value_or(QList<WindowCounts> {});
    QCOMPARE(before.size(), 2);
    QCOMPARE(before[0].window.id, m_june.id);
    QCOMPARE(before[0].window.deadline, m_june.deadline);
    QCOMPARE(before[0].submitted, 3);
    QCOMPARE(before[0].locked, 0);
    QCOMPARE(before[0].schools, 2);
    QCOMPARE(before[1].window.id, m_august.id);
    QVERIFY(before[1].window.august);
    QCOMPARE(before[1].submitted + before[1].locked + before[1].schools, 0);
    QCOMPARE(lockJune(), 3);
    const auto after = m_session->counts().value_or(QList<WindowCounts> {});
    QCOMPARE(after.value(0).submitted, 0);
    QCOMPARE(after.value(0).locked, 3);
    QCOMPARE(after.value(0).window.state, WindowState::Locked);
}

void TestDeptStore::auditChainAndTampering()
{
    // Each write is one audit entry (a lock at least one); the counts need no knowledge of what init() logged.
    const qint64 before = m_session->verifyAudit().value_or(-1);
    QVERIFY(before > 0);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QVERIFY(m_session->appendAudit({QStringLiteral("admin"), QStringLiteral("note"), QStringLiteral("window"),
                                    m_june.id, QStringLiteral("checked")}));
    QCOMPARE(m_session->verifyAudit().value_or(-1), before + 2);
    QCOMPARE(lockJune(), 1);
    const auto entries = m_session->verifyAudit();
    QVERIFY2(entries, entries ? "" : qPrintable(describe(entries.error())));
    QVERIFY(*entries > before + 2);
    const QString edit
        = QStringLiteral("UPDATE audit SET detail = 'edited' WHERE id = (SELECT min(id) + 2 FROM audit);");
    if (m_url.startsWith(QLatin1String("sqlite:"))) {
        // Someone with the file and the sqlite3 shell: drop the trigger, then edit an entry.
        QProcess shell;
        shell.start(QStringLiteral("sqlite3"), {m_url.mid(7), QStringLiteral("DROP TRIGGER audit_no_update; ") + edit});
        QVERIFY(shell.waitForFinished(30000));
        QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());
    } else {
        QVERIFY(rawExec(m_url, QStringLiteral("ALTER TABLE audit DISABLE TRIGGER USER; ") + edit));
    }
    const auto broken = m_session->verifyAudit();
    QVERIFY(!broken);
    QCOMPARE(broken.error().code, ErrorCode::AuditChainBroken);
}

void TestDeptStore::triggersRefuseRawChanges()
{
    QCOMPARE(submit(submission(QStringLiteral("r1"), 1, m_a)), SubmitStatus::Accepted);
    QCOMPARE(lockJune(), 1);
    const qint64 auditBefore = m_session->verifyAudit().value_or(-1);
    for (const char* sql :
         {"UPDATE packets SET version = 9", "DELETE FROM packets", "UPDATE lock_receipts SET version = 9",
          "DELETE FROM lock_receipts", "UPDATE record_heads SET current_version = 9", "DELETE FROM record_heads",
          "UPDATE audit SET detail = 'x'", "DELETE FROM audit", "UPDATE windows SET state = 'open'"})
        QVERIFY2(!rawExec(m_url, QString::fromLatin1(sql)), sql);
    // The same route can write where nothing forbids it, so the refusals above are the triggers'.
    QVERIFY(rawExec(m_url, QStringLiteral("UPDATE schools SET name = 'renamed' WHERE code = '79000001'")));
    QCOMPARE(m_session->verifyAudit().value_or(-1), auditBefore); // the refused statements wrote nothing
    QCOMPARE(statusOf(m_a, {QStringLiteral("r1")}).value(0).version, 1);
}

void TestDeptStore::twoThreadsSubmitAtOnce()
{
    constexpr int kEach = 25;
    std::atomic<int> accepted = 0;
    auto work = [&](const School& school, const QString& prefix) {
        auto session = m_store->openSession();
        if (!session)
            return;
        for (int i = 0; i < kEach; ++i) {
            auto outcome = (*session)->submit(submission(prefix + QString::number(i), 1, school), m_sign);
            if (outcome && outcome->status == SubmitStatus::Accepted)
                ++accepted;
        }
    };
    const qint64 auditBefore = m_session->verifyAudit().value_or(-1);
    std::thread first(work, m_a, QStringLiteral("a"));
    std::thread second(work, m_b, QStringLiteral("b"));
    first.join();
    second.join();
    QCOMPARE(accepted.load(), 2 * kEach);
    const auto counts = m_session->counts().value_or(QList<WindowCounts> {});
    QCOMPARE(counts.value(0).submitted, 2 * kEach);
    QCOMPARE(m_session->verifyAudit().value_or(-1), auditBefore + 2 * kEach);
}

void TestDeptStore::revokeAndTransfer()
{
    const QString cert(64, QLatin1Char('c'));
    NewSubmission v1 = submission(QStringLiteral("r1"), 1, m_a);
    v1.principalCertSha256 = {cert};
    QCOMPARE(submit(v1), SubmitStatus::Accepted);
    NewRevocation r {v1.lookupCode,     2025,     1, m_a.id, packet::packetDigest(QByteArray("<r/>")), "<r/>",
                     QString(64, u'd'), kReceived};
    QCOMPARE(m_session->revoke(r, m_sign)->status, RequestStatus::SignerNotPrincipal);
    r.signerCertSha256 = cert;
    r.schoolId = m_b.id; // school B revokes A's record, even with A's principal's certificate
    QCOMPARE(m_session->revoke(r, m_sign)->status, RequestStatus::OtherSchool);
    r.schoolId = m_a.id;
    r.schoolYearStart = 2024;
    QCOMPARE(m_session->revoke(r, m_sign)->status, RequestStatus::NotFound);
    r.schoolYearStart = 2025;
    r.version = 2;
    QCOMPARE(m_session->revoke(r, m_sign)->status, RequestStatus::VersionNotNewer);
    r.version = 1;
    auto revoked = m_session->revoke(r, m_sign);
    QCOMPARE(revoked->status, RequestStatus::Accepted);
    QCOMPARE(verified(revoked->receipt).kind, signing::Receipt::Kind::Revoke);
    QCOMPARE(revoked->revokedAt, kReceived);
    auto replayed = m_session->revoke(r, m_sign);
    QCOMPARE(replayed->status, RequestStatus::Duplicate);
    QCOMPARE(replayed->receipt.canonical, revoked->receipt.canonical);
    QCOMPARE(replayed->receipt.signature, revoked->receipt.signature);
    NewRevocation again = r; // another request for the version revoked already
    again.digest = packet::packetDigest(QByteArray("<r again/>"));
    QCOMPARE(m_session->revoke(again, m_sign)->status, RequestStatus::VersionNotNewer);
    QCOMPARE(statusOf(m_a, {QStringLiteral("r1")}).value(0).state, RecordState::Revoked);
    QCOMPARE(statusOf(m_a, {QStringLiteral("r1")}).value(0).revokedAt, kReceived);
    NewSubmission v2 = submission(QStringLiteral("r1"), 2, m_a);
    v2.receivedAt = kReceived.addSecs(60);
    QCOMPARE(submit(v2), SubmitStatus::Accepted); // a revoked year replaced
    QCOMPARE(statusOf(m_a, {QStringLiteral("r1")}).value(0).revokedAt, QDateTime());
    const auto rows = m_session->lookup(v1.lookupCode);
    QCOMPARE(rows->value(0).status.state, RecordState::Submitted);
    QCOMPARE(rows->value(0).versions.size(), 2);
    QCOMPARE(rows->value(0).versions.value(0).replacedAt, v2.receivedAt);
    QVERIFY(!rows->value(0).versions.value(1).replacedAt.isValid());

    NewTransfer t {v1.lookupCode,
                   m_a.code,
                   m_a.name,
                   m_b.code,
                   m_a.id,
                   QDate(2026, 8, 1),
                   packet::packetDigest(QByteArray("<t/>")),
                   "<t/>",
                   QString(64, u'e'), // a valid signature, but not of a principal who signed A's packets
                   kReceived,
                   {}};
    QCOMPARE(m_session->transfer(t, m_sign)->status, RequestStatus::SignerNotPrincipal);
    NewTransfer toNowhere = t;
    toNowhere.toSchoolCode = QStringLiteral("79999999");
    QCOMPARE(m_session->transfer(toNowhere, m_sign)->status, RequestStatus::NotFound);
    t.signerCertSha256 = cert;
    auto moved = m_session->transfer(t, m_sign);
    QCOMPARE(moved->status, RequestStatus::Accepted);
    QCOMPARE(moved->toSchool.code, m_b.code);
    QCOMPARE(verified(moved->receipt).version, 0);
    auto movedAgain = m_session->transfer(t, m_sign);
    QCOMPARE(movedAgain->status, RequestStatus::Duplicate);
    QCOMPARE(movedAgain->receipt.canonical, moved->receipt.canonical);
    NewTransfer back = t; // A, no longer managing the record, hands it on again
    back.digest = packet::packetDigest(QByteArray("<t again/>"));
    QCOMPARE(m_session->transfer(back, m_sign)->status, RequestStatus::OtherSchool);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 3, m_a)), SubmitStatus::OtherSchool);
    NewRevocation byOldSchool = r;
    byOldSchool.version = 2;
    byOldSchool.digest = packet::packetDigest(QByteArray("<r old school/>"));
    QCOMPARE(m_session->revoke(byOldSchool, m_sign)->status, RequestStatus::OtherSchool);
    QCOMPARE(submit(submission(QStringLiteral("r1"), 3, m_b)), SubmitStatus::Accepted);
    const auto moves = m_session->transfers(v1.lookupCode);
    QCOMPARE(moves->size(), 1);
    QCOMPARE(moves->value(0).fromSchoolName, m_a.name);
    QCOMPARE(moves->value(0).toSchoolName, m_b.name);
    QCOMPARE(moves->value(0).transferDate, QDate(2026, 8, 1));

    // After the lock nothing is revoked; the refusal comes before the signer is even looked at.
    NewSubmission l1 = submission(QStringLiteral("locked"), 1, m_a);
    l1.principalCertSha256 = {cert};
    QCOMPARE(submit(l1), SubmitStatus::Accepted);
    QVERIFY(lockJune() > 0);
    NewRevocation late {l1.lookupCode, 2025, 1,        m_a.id, packet::packetDigest(QByteArray("<late/>")),
                        "<late/>",     cert, kReceived};
    QCOMPARE(m_session->revoke(late, m_sign)->status, RequestStatus::Locked);
    QCOMPARE(statusOf(m_a, {QStringLiteral("locked")}).value(0).state, RecordState::Locked);
    QCOMPARE(auditRows(QStringLiteral("revoke")).size(), 1);
    QCOMPARE(auditRows(QStringLiteral("transfer")),
             QStringList {QStringLiteral("school:%1|%2").arg(m_a.code, v1.lookupCode)});
    QVERIFY(m_session->verifyAudit());
}

void TestDeptStore::transferFromAnotherProvinceKeepsHistory()
{
    // A record unknown here arrives with two years (2023: v1, v2; 2024: v1) signed by a school of another province.
    const QString code = codeFor(QStringLiteral("moved"));
    NewTransfer t {code,
                   QStringLiteral("01000009"),
                   QStringLiteral("THCS Tỉnh Khác"),
                   m_b.code,
                   m_b.id,
                   QDate(2025, 8, 20),
                   packet::packetDigest(QByteArray("<t province/>")),
                   "<t province/>",
                   QString(64, u'f'),
                   kReceived,
                   {}};
    for (const auto& [year, version] : {std::pair {2023, 1}, std::pair {2023, 2}, std::pair {2024, 1}}) {
        const QByteArray xml = QStringLiteral("<Packet year='%1' version='%2'/>").arg(year).arg(version).toUtf8();
        t.history.append({year, version, packet::packetDigest(xml), t.fromSchoolCode, t.fromSchoolName, xml,
                          "%PDF " + xml, QStringLiteral(R"({"version":%1})").arg(version).toUtf8()});
    }
    auto moved = m_session->transfer(t, m_sign);
    QCOMPARE(moved->status, RequestStatus::Accepted);
    const auto years = m_session->lookup(code).value_or(QList<LookupRow> {});
    QCOMPARE(years.size(), 2);
    QCOMPARE(years.value(0).status.state, RecordState::History);
    QCOMPARE(years.value(0).status.version, 2);
    QCOMPARE(years.value(0).school.name, t.fromSchoolName);
    QCOMPARE(years.value(0).versions.size(), 2);
    QVERIFY(years.value(0).versions.value(0).replacedAt.isValid());
    QCOMPARE(years.value(1).status.schoolYearStart, 2024);
    QCOMPARE(years.value(1).lookupJson, QByteArray(R"({"version":1})"));
    QCOMPARE(m_session->signedPdf(code, 2023).value_or(QByteArray()), t.history.value(1).pdf);
    // A history year never changes here: neither the new school's submit nor its revoke touches it.
    NewSubmission over = submission(QStringLiteral("moved"), 3, m_b, m_earlier.id, 2024);
    if (!m_session->window(m_earlier.id).value_or(std::nullopt))
        QVERIFY(m_session->addWindow(m_earlier));
    QCOMPARE(submit(over), SubmitStatus::Locked);
    QCOMPARE(submit(submission(QStringLiteral("moved"), 1, m_b)), SubmitStatus::Accepted); // a new year is B's
    QCOMPARE(submit(submission(QStringLiteral("moved"), 2, m_a)), SubmitStatus::OtherSchool);
    QVERIFY(m_session->verifyAudit());
    QCOMPARE(rawRows(m_url, QStringLiteral("SELECT count(*) FROM history_versions")),
             QStringList {QStringLiteral("3")});
}

QTEST_GUILESS_MAIN(TestDeptStore)
#include "TestDeptStore.moc"

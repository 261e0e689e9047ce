// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12 end to end on loopback: the real hocba-dept (init, schools, trust, window, serve) and the real hocba-cli
// (endpoint, outbox, upload, receipts, lookup) on a school file with signed demo records, once per storage engine
// (SQLite always; PostgreSQL when HOCBA_TEST_PG names a cluster, in a database of its own); and the public lookup
// page as headless Chromium shows it. Every wait is bounded.
#include "../signing/TestPki.h"
#include "DeptProcess.h"
#include "SigningFixture.h"

#include "lifecycle/SignedDocuments.h"
#include "packet/PacketReader.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>

#include <libpq-fe.h>

#include <memory>

using namespace hocba;
using namespace hocba::test;

namespace {

constexpr int kRecords = 6;
const QString kOtherSchool = QStringLiteral("79999999");

/** One signed section as exported files. */
struct Exported
{
    QString packetPath;
    QString pdfPath;
    packet::Packet parsed;
};

QJsonObject jsonOf(const DeptRun& r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QString describeRun(const DeptRun& r)
{
    return QStringLiteral("exit %1\n%2\n%3").arg(r.code).arg(r.out.left(3000), r.err.left(3000));
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** Runs one statement on a libpq connection string; empty on success, else the server's message. */
QString pgExec(const QString& conninfo, const QString& sql)
{
    PGconn* conn = PQconnectdb(conninfo.toUtf8().constData());
    QString error;
    if (PQstatus(conn) != CONNECTION_OK) {
        error = QString::fromUtf8(PQerrorMessage(conn));
    } else {
        PGresult* result = PQexec(conn, sql.toUtf8().constData());
        if (PQresultStatus(result) != PGRES_COMMAND_OK)
            error = QString::fromUtf8(PQresultErrorMessage(result));
        PQclear(result);
    }
    PQfinish(conn);
    return error;
}

/** How many receipts of `kind` (upload | lock) the school file keeps, one per section at most; -1 on error. */
qint64 schoolReceipts(const QString& school, const QString& kind)
{
    auto db = store::Database::openExisting(school);
    if (!db)
        return -1;
    auto st = (*db)->prepare(QStringLiteral("SELECT count(*) FROM department_receipt WHERE kind = ?1"));
    if (!st || !st->bind(1, kind).step().value_or(false))
        return -1;
    return st->int64(0);
}

/** The Vietnamese calendar date of an instant, as the printed record and the lookup page write it. */
QString vietnamDay(const QDateTime& utc)
{
    return utc.toTimeZone(QTimeZone(7 * 3600)).date().toString(QStringLiteral("dd/MM/yyyy"));
}

} // namespace

class TestDeptEndToEnd : public QObject
{
    Q_OBJECT

    TestPki m_pki;
    TestPki m_stranger; ///< a CA the Department does not trust
    SchoolTemplate m_template;
    QTemporaryDir m_dir;
    QString m_school; ///< the school file with kRecords signed sections, copied for each run
    QList<Exported> m_records; ///< those sections, exported
    Exported m_resigned; ///< the first section signed again in another copy: same code and version, new digest
    Exported m_late; ///< a section nobody uploads before the lock
    Exported m_foreign; ///< a section signed with a certificate of the stranger CA
    QString m_pgAdmin;
    QStringList m_pgDatabases;

    /** The Department of one run: its data folder, database, credentials and running server. */
    struct Department
    {
        QString data;
        QString database; ///< empty: the folder's SQLite file
        QString credential; ///< file of the school's credential
        QString otherCredential; ///< of another school
        QString windowId;
        std::unique_ptr<DeptServer> server;
        QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server->port); }
        ~Department()
        {
            if (server)
                server->terminate(); // a test that failed part-way leaves no server behind
        }
    };

    bool signSections(const QString& path, const QList<int>& which, signing::Signer& signer, const QString& tag,
                      QList<Exported>& out);
    QString newDatabase(const QString& engine);
    bool setUp(Department& d, const QString& engine);
    bool startServer(Department& d, quint16 port = 0);
    DeptRun dept(const Department& d, const QStringList& args);
    DeptRun cli(const QStringList& args) { return runProgram(QStringLiteral("hocba-cli"), args); }
    DeptRun uploadFile(const Department& d, const Exported& record, const QString& credential);
    QJsonObject departmentStatus(const Department& d);
    QJsonArray outbox(const QString& school);
    void killedMidUploadThenRunAgain(Department& d, const QString& school);
    void refusals(const Department& d);
    void policyRefusesWhatHasNoTimestamp(Department& d);
    void lockThenReceipts(const Department& d, const QString& school);
    QString browse(const QString& url, const QString& screenshot = {});

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void endToEnd_data();
    void endToEnd();
    void lookupPageInABrowser();
};

bool TestDeptEndToEnd::signSections(const QString& path, const QList<int>& which, signing::Signer& signer,
                                    const QString& tag, QList<Exported>& out)
{
    auto db = store::Database::openExisting(path);
    if (!db || !confirmAcknowledged(**db, m_template.year))
        return false;
    const QList<Id> ready = readySections(**db, m_template.year);
    QList<Id> ids;
    for (int i : which)
        ids << ready.value(i, -1);
    auto report = signBatch(**db, signer, ids);
    if (!report || int(report->signedItems.size()) != ids.size())
        return false;
    for (Id id : ids) {
        auto doc = lifecycle::SignedDocuments(**db).completed(id, 1);
        if (!doc || !*doc || (*doc)->pdf.isEmpty())
            return false;
        auto parsed = packet::readPacket((*doc)->packetXml);
        const QString base = m_dir.filePath(QStringLiteral("%1-%2").arg(tag).arg(out.size()));
        if (!parsed || !writeFile(base + ".xml", (*doc)->packetXml) || !writeFile(base + ".pdf", (*doc)->pdf))
            return false;
        out.append({base + ".xml", base + ".pdf", *parsed});
    }
    return true;
}

void TestDeptEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_pki.create());
    QVERIFY(m_stranger.create());
    QVERIFY(m_template.create(kRecords + 2, 21, m_pki.caDer()));
    auto signer = m_pki.signer(false);
    m_school = m_template.copyPath();
    QList<int> first;
    for (int i = 0; i < kRecords; ++i)
        first << i;
    QVERIFY(signSections(m_school, first, *signer, QStringLiteral("record"), m_records));
    // The signing time is in whole seconds: a copy signed a second later makes a different packet of the same code.
    const qint64 signedAt = QDateTime::currentSecsSinceEpoch();
    while (QDateTime::currentSecsSinceEpoch() == signedAt)
        QThread::msleep(50);
    QList<Exported> more;
    QVERIFY(signSections(m_template.copyPath(), {0, kRecords}, *signer, QStringLiteral("more"), more));
    m_resigned = more.value(0);
    m_late = more.value(1);
    QCOMPARE(m_resigned.parsed.lookupCode, m_records.first().parsed.lookupCode);
    QVERIFY(readFile(m_resigned.packetPath) != readFile(m_records.first().packetPath));
    QList<Exported> foreign;
    QVERIFY(signSections(m_template.copyPath(), {kRecords + 1}, *m_stranger.signer(false), QStringLiteral("foreign"),
                         foreign));
    m_foreign = foreign.value(0);
    // What the lookup must never show is really in the packets.
    QVERIFY(!m_records.first().parsed.student.personalId.isEmpty());
    QVERIFY(!m_records.first().parsed.student.moetCode.isEmpty());
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("ca.der")), m_pki.caDer()));
}

void TestDeptEndToEnd::cleanupTestCase()
{
    for (const QString& name : std::as_const(m_pgDatabases))
        pgExec(m_pgAdmin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
}

/** Empty for SQLite; for PostgreSQL a new database on the HOCBA_TEST_PG cluster (dropped at the end). */
QString TestDeptEndToEnd::newDatabase(const QString& engine)
{
    if (engine != QLatin1String("postgresql"))
        return {};
    const QString name
        = QStringLiteral("hocba_e2e_%1_%2").arg(QCoreApplication::applicationPid()).arg(m_pgDatabases.size());
    if (const QString error = pgExec(m_pgAdmin, QStringLiteral("CREATE DATABASE ") + name); !error.isEmpty()) {
        qWarning("CREATE DATABASE: %s", qPrintable(error));
        return {};
    }
    m_pgDatabases << name;
    // In a libpq connection string the last value of a keyword counts.
    return m_pgAdmin + QStringLiteral(" dbname=") + name;
}

DeptRun TestDeptEndToEnd::dept(const Department& d, const QStringList& args)
{
    QStringList all = args + QStringList {QStringLiteral("--data"), d.data};
    if (!d.database.isEmpty())
        all << QStringLiteral("--database") << d.database;
    return runDept(all);
}

bool TestDeptEndToEnd::startServer(Department& d, quint16 port)
{
    d.server = std::make_unique<DeptServer>();
    QStringList args {QStringLiteral("--data"),    d.data,
                      QStringLiteral("--listen"),  QStringLiteral("127.0.0.1:%1").arg(port),
                      QStringLiteral("--workers"), QStringLiteral("2")};
    if (!d.database.isEmpty())
        args << QStringLiteral("--database") << d.database;
    // In Vietnamese, as the public and the schools see it.
    return d.server->start(args, QStringLiteral("vi"));
}

/** hocba-dept init, two schools, the test CA trusted, the year's June window open for 30 days, and its server. */
bool TestDeptEndToEnd::setUp(Department& d, const QString& engine)
{
    const QString run = m_dir.filePath(engine);
    d.data = run + QStringLiteral("/data");
    d.credential = run + QStringLiteral("/school.credential");
    d.otherCredential = run + QStringLiteral("/other.credential");
    d.windowId = m_template.year.toString() + QStringLiteral("-06");
    const School& school = m_records.first().parsed.school;
    const QList<QStringList> steps {
        {QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Sở GDĐT Thử nghiệm")},
        {QStringLiteral("school"), QStringLiteral("add"), QStringLiteral("--code"), school.moetCode,
         QStringLiteral("--name"), school.name, QStringLiteral("--credential-out"), d.credential},
        {QStringLiteral("school"), QStringLiteral("add"), QStringLiteral("--code"), kOtherSchool,
         QStringLiteral("--name"), QStringLiteral("Trường THCS Khác"), QStringLiteral("--credential-out"),
         d.otherCredential},
        {QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--cert"),
         m_dir.filePath(QStringLiteral("ca.der"))},
        {QStringLiteral("window"), QStringLiteral("add"), QStringLiteral("--id"), d.windowId, QStringLiteral("--year"),
         m_template.year.toString(), QStringLiteral("--deadline"),
         QDate::currentDate().addDays(30).toString(Qt::ISODate)},
    };
    if (!QDir().mkpath(run))
        return false;
    for (const QStringList& step : steps)
        if (const DeptRun r = dept(d, step); r.code != 0) {
            qWarning("hocba-dept %s: %s", qPrintable(step.join(' ')), qPrintable(describeRun(r)));
            return false;
        }
    return startServer(d);
}

DeptRun TestDeptEndToEnd::uploadFile(const Department& d, const Exported& record, const QString& credential)
{
    return cli({QStringLiteral("upload"), QStringLiteral("--url"), d.url(), QStringLiteral("--credential-file"),
                credential, QStringLiteral("--packet"), record.packetPath, QStringLiteral("--pdf"), record.pdfPath,
                QStringLiteral("--department-cert"), d.data + QStringLiteral("/department-cert.pem"),
                QStringLiteral("--tries"), QStringLiteral("1"), QStringLiteral("--json")});
}

/** The window's counts as `hocba-dept status --json` gives them. */
QJsonObject TestDeptEndToEnd::departmentStatus(const Department& d)
{
    const DeptRun r = dept(d, {QStringLiteral("status"), QStringLiteral("--json")});
    if (r.code != 0)
        qWarning("status: %s", qPrintable(describeRun(r)));
    return jsonOf(r).value(QStringLiteral("windows")).toArray().first().toObject();
}

QJsonArray TestDeptEndToEnd::outbox(const QString& school)
{
    return jsonOf(cli({QStringLiteral("outbox"), QStringLiteral("--db"), school, QStringLiteral("--json")}))
        .value(QStringLiteral("outbox"))
        .toArray();
}

/**
 * The server is killed (SIGKILL) once it has stored the batch's first record; the school's upload ends without the
 * rest; after a restart the upload is run again and every record is at the Department exactly once.
 */
void TestDeptEndToEnd::killedMidUploadThenRunAgain(Department& d, const QString& school)
{
    QProcess upload;
    upload.start(executable(QStringLiteral("hocba-cli")),
                 {QStringLiteral("upload"), QStringLiteral("--db"), school, QStringLiteral("--all"),
                  QStringLiteral("--tries"), QStringLiteral("1"), QStringLiteral("--json")});
    QByteArray log;
    QElapsedTimer clock;
    clock.start();
    const QRegularExpression stored(QStringLiteral("POST \\S*records 201"));
    while (!stored.match(QString::fromUtf8(log)).hasMatch() && clock.elapsed() < 30000
           && upload.state() != QProcess::NotRunning) {
        log += d.server->waitForLog(100);
    }
    d.server->kill();
    QVERIFY2(upload.waitForFinished(60000), "the upload did not end after the server was killed");
    const QJsonObject first = QJsonDocument::fromJson(upload.readAllStandardOutput()).object();
    QVERIFY2(first.value(QStringLiteral("submitted")).toInt() < kRecords,
             "the batch was done before the server was killed: the test proved nothing");
    QVERIFY(upload.exitCode() != 0);

    const quint16 port = d.server->port;
    QVERIFY(startServer(d, port)); // the same address, which the school file keeps
    const DeptRun again = cli({QStringLiteral("upload"), QStringLiteral("--db"), school, QStringLiteral("--all"),
                               QStringLiteral("--tries"), QStringLiteral("2"), QStringLiteral("--json")});
    QVERIFY2(again.code == 0, qPrintable(describeRun(again)));
    const QJsonArray entries = outbox(school);
    QCOMPARE(entries.size(), kRecords);
    for (const QJsonValue& e : entries)
        QCOMPARE(e[QStringLiteral("state")].toString(), QStringLiteral("submitted"));
    QCOMPARE(departmentStatus(d).value(QStringLiteral("submitted")).toInt(), kRecords);
    QCOMPARE(schoolReceipts(school, QStringLiteral("upload")), qint64(kRecords));

    // Again: nothing is pending, nothing is sent, nothing is stored twice.
    const DeptRun nothing = cli({QStringLiteral("upload"), QStringLiteral("--db"), school, QStringLiteral("--json")});
    QVERIFY2(nothing.code == 0, qPrintable(describeRun(nothing)));
    QCOMPARE(jsonOf(nothing).value(QStringLiteral("items")).toArray().size(), 0);
    const DeptRun same = uploadFile(d, m_records.first(), d.credential);
    QVERIFY2(same.code == 0, qPrintable(describeRun(same)));
    const QJsonObject item = jsonOf(same).value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(item.value(QStringLiteral("outcome")).toString(), QStringLiteral("already_there"));
    QCOMPARE(item.value(QStringLiteral("http_status")).toInt(), 200);
    QCOMPARE(departmentStatus(d).value(QStringLiteral("submitted")).toInt(), kRecords);
}

/** Refusals that store nothing: another school's credential, a tampered packet, an untrusted CA, an old version. */
void TestDeptEndToEnd::refusals(const Department& d)
{
    const auto expectRefused = [](const DeptRun& r, int http, const QString& error) {
        const QJsonObject item = jsonOf(r).value(QStringLiteral("items")).toArray().first().toObject();
        QVERIFY2(r.code == 1 && item.value(QStringLiteral("http_status")).toInt() == http
                     && item.value(QStringLiteral("error")).toString() == error,
                 qPrintable(describeRun(r)));
        QVERIFY(!item.value(QStringLiteral("message")).toString().isEmpty());
    };
    expectRefused(uploadFile(d, m_records.first(), d.otherCredential), 403, QStringLiteral("other_school"));

    // A changed year average in the signed packet; the PDF still carries the genuine one.
    Exported tampered = m_records.first();
    QString xml = QString::fromUtf8(readFile(tampered.packetPath));
    static const QRegularExpression score(QStringLiteral("(<YearAverage>)(\\d+(\\.\\d)?)(</YearAverage>)"));
    const QRegularExpressionMatch m = score.match(xml);
    QVERIFY2(m.hasMatch(), "no year average in the packet");
    xml.replace(m.capturedStart(2), m.capturedLength(2), m.captured(2) == QLatin1String("10") ? "9" : "10");
    tampered.packetPath = m_dir.filePath(QStringLiteral("tampered.xml"));
    QVERIFY(writeFile(tampered.packetPath, xml.toUtf8()));
    expectRefused(uploadFile(d, tampered, d.credential), 422, QStringLiteral("invalid_packet"));

    expectRefused(uploadFile(d, m_foreign, d.credential), 422, QStringLiteral("untrusted_signature"));
    expectRefused(uploadFile(d, m_resigned, d.credential), 409, QStringLiteral("version_not_newer"));
    QCOMPARE(departmentStatus(d).value(QStringLiteral("submitted")).toInt(), kRecords);
}

/**
 * Issue 16: with `hocba-dept policy --min-level T` a new record signed without a time-stamp is refused with the
 * message the school office reads (exit 1), and a record the Department already has still gets its receipt. The
 * policy is set back to B for what follows.
 */
void TestDeptEndToEnd::policyRefusesWhatHasNoTimestamp(Department& d)
{
    // A running server reads the policy with its anchors once a minute; a restarted one at once.
    const auto restart = [&] {
        const quint16 port = d.server->port;
        return d.server->terminate() == 0 && startServer(d, port);
    };
    DeptRun r = dept(d, {QStringLiteral("policy"), QStringLiteral("--min-level"), QStringLiteral("T")});
    QVERIFY2(r.code == 0, qPrintable(describeRun(r)));
    QVERIFY(restart());
    r = uploadFile(d, m_late, d.credential);
    const QJsonObject item = jsonOf(r).value(QStringLiteral("items")).toArray().first().toObject();
    QVERIFY2(r.code == 1 && item.value(QStringLiteral("http_status")).toInt() == 422
                 && item.value(QStringLiteral("error")).toString() == QLatin1String("level_required"),
             qPrintable(describeRun(r)));
    QVERIFY2(item.value(QStringLiteral("message")).toString().contains(QStringLiteral("hocba-cli tsa set")),
             qPrintable(describeRun(r)));
    r = uploadFile(d, m_records.first(), d.credential); // already at the Department: its receipt, as before
    QVERIFY2(r.code == 0, qPrintable(describeRun(r)));
    QCOMPARE(departmentStatus(d).value(QStringLiteral("submitted")).toInt(), kRecords);
    r = dept(d, {QStringLiteral("policy"), QStringLiteral("--min-level"), QStringLiteral("B")});
    QVERIFY2(r.code == 0, qPrintable(describeRun(r)));
    QVERIFY(restart());
}

/** window lock → receipts → the school's records locked with the effective date → lookup says so. */
void TestDeptEndToEnd::lockThenReceipts(const Department& d, const QString& school)
{
    const QDateTime before = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    const DeptRun lock
        = dept(d, {QStringLiteral("window"), QStringLiteral("lock"), QStringLiteral("--id"), d.windowId});
    QVERIFY2(lock.code == 0, qPrintable(describeRun(lock)));
    const QJsonObject window = departmentStatus(d);
    QCOMPARE(window.value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
    QCOMPARE(window.value(QStringLiteral("locked")).toInt(), kRecords);
    const QDateTime lockedAt = QDateTime::fromString(window.value(QStringLiteral("locked_at")).toString(), Qt::ISODate);
    QVERIFY(lockedAt >= before && lockedAt <= QDateTime::currentDateTimeUtc());

    const DeptRun receipts
        = cli({QStringLiteral("receipts"), QStringLiteral("--db"), school, QStringLiteral("--json")});
    QVERIFY2(receipts.code == 0, qPrintable(describeRun(receipts)));
    QCOMPARE(jsonOf(receipts).value(QStringLiteral("locked")).toInt(), kRecords);
    QCOMPARE(jsonOf(receipts).value(QStringLiteral("rejected")).toInt(), 0);
    QCOMPARE(schoolReceipts(school, QStringLiteral("lock")), qint64(kRecords));
    for (const QJsonValue& e : outbox(school)) {
        QCOMPARE(e[QStringLiteral("state")].toString(), QStringLiteral("locked"));
        QCOMPARE(QDateTime::fromString(e[QStringLiteral("locked_at")].toString(), Qt::ISODate), lockedAt);
    }

    const QString code = m_records.last().parsed.lookupCode;
    const DeptRun lookup
        = cli({QStringLiteral("lookup"), code, QStringLiteral("--url"), d.url(), QStringLiteral("--json")});
    QVERIFY2(lookup.code == 0, qPrintable(describeRun(lookup)));
    QCOMPARE(jsonOf(lookup).value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
    QCOMPARE(QDateTime::fromString(jsonOf(lookup).value(QStringLiteral("locked_at")).toString(), Qt::ISODate),
             lockedAt);
    const DeptRun shown = cli({QStringLiteral("lookup"), code, QStringLiteral("--url"), d.url()});
    // The school's program writes dates in the computer's own time zone (Vietnam's, at a school).
    const QString lockDay = lockedAt.toLocalTime().date().toString(QStringLiteral("dd/MM/yyyy"));
    QVERIFY2(shown.code == 0 && shown.out.contains(QStringLiteral("Locked on: ") + lockDay),
             qPrintable(describeRun(shown)));

    // After the lock the window is closed: to a new record and to another version of a locked one.
    const QJsonObject late
        = jsonOf(uploadFile(d, m_late, d.credential)).value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(late.value(QStringLiteral("http_status")).toInt(), 409);
    QCOMPARE(late.value(QStringLiteral("error")).toString(), QStringLiteral("window_closed"));
    const QJsonObject old
        = jsonOf(uploadFile(d, m_resigned, d.credential)).value(QStringLiteral("items")).toArray().first().toObject();
    QCOMPARE(old.value(QStringLiteral("http_status")).toInt(), 409);
    QCOMPARE(old.value(QStringLiteral("error")).toString(), QStringLiteral("window_closed"));
    QCOMPARE(departmentStatus(d).value(QStringLiteral("locked")).toInt(), kRecords);
}

void TestDeptEndToEnd::endToEnd_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TestDeptEndToEnd::endToEnd()
{
    QFETCH(QString, engine);
    m_pgAdmin = qEnvironmentVariable("HOCBA_TEST_PG");
    if (engine == QLatin1String("postgresql") && m_pgAdmin.isEmpty())
        QSKIP("HOCBA_TEST_PG is not set (scripts/pg-test-cluster.sh start DIR prints one): PostgreSQL is skipped");
    QElapsedTimer clock;
    clock.start();
    Department d;
    d.database = newDatabase(engine);
    QVERIFY(engine == QLatin1String("sqlite") || !d.database.isEmpty());
    QVERIFY(setUp(d, engine));

    const QString school = m_dir.filePath(engine + QStringLiteral("-school.db"));
    QVERIFY(QFile::copy(m_school, school));
    const DeptRun set = cli({QStringLiteral("endpoint"), QStringLiteral("set"), QStringLiteral("--db"), school,
                             QStringLiteral("--url"), d.url(), QStringLiteral("--credential-file"), d.credential,
                             QStringLiteral("--department-cert"), d.data + QStringLiteral("/department-cert.pem")});
    QVERIFY2(set.code == 0, qPrintable(describeRun(set)));
    const QJsonArray pending = outbox(school);
    QCOMPARE(pending.size(), kRecords);
    for (const QJsonValue& e : pending)
        QCOMPARE(e[QStringLiteral("state")].toString(), QStringLiteral("pending"));

    killedMidUploadThenRunAgain(d, school);
    if (QTest::currentTestFailed())
        return;
    refusals(d);
    if (QTest::currentTestFailed())
        return;
    policyRefusesWhatHasNoTimestamp(d);
    if (QTest::currentTestFailed())
        return;
    lockThenReceipts(d, school);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(d.server->terminate(), 0);
    // The server's log of the uploads, refusals, lock and lookups: routes and status codes, never a name, an ID
    // number, a credential or a whole lookup code.
    const QString log = QString::fromUtf8(d.server->errors());
    QVERIFY2(log.contains(QStringLiteral("/api/v1/lookup")), qPrintable(log.left(2000)));
    QFile credential(d.credential);
    QVERIFY(credential.open(QIODevice::ReadOnly));
    QStringList secrets {QString::fromLatin1(credential.readAll().trimmed())};
    for (const Exported& r : m_records)
        secrets << r.parsed.student.fullName << r.parsed.student.personalId << r.parsed.student.moetCode
                << r.parsed.lookupCode;
    for (const QString& secret : std::as_const(secrets))
        if (!secret.isEmpty())
            QVERIFY2(!log.contains(secret), "the server's log holds personal data, a credential or a lookup code");
    qInfo("%s: %lld ms", qPrintable(engine), clock.elapsed());
}

/** The page's DOM as headless Chromium builds it (and a screenshot when asked); empty when Chromium failed. */
QString TestDeptEndToEnd::browse(const QString& url, const QString& screenshot)
{
    QTemporaryDir profile;
    QStringList args {QStringLiteral("--headless"),
                      QStringLiteral("--no-sandbox"),
                      QStringLiteral("--disable-gpu"),
                      QStringLiteral("--disable-quic"),
                      QStringLiteral("--no-first-run"),
                      QStringLiteral("--disable-background-networking"),
                      QStringLiteral("--disable-component-update"),
                      QStringLiteral("--disable-sync"),
                      QStringLiteral("--user-data-dir=") + profile.path()};
    if (screenshot.isEmpty())
        args << QStringLiteral("--dump-dom");
    else
        args << QStringLiteral("--screenshot=") + screenshot << QStringLiteral("--window-size=1000,1400");
    QProcess chromium;
    chromium.start(QStringLiteral("/usr/bin/chromium"), args << url);
    if (!chromium.waitForFinished(60000)) {
        chromium.kill();
        chromium.waitForFinished(5000);
        qWarning("chromium did not finish within 60 s");
        return {};
    }
    if (chromium.exitCode() != 0)
        qWarning("chromium: %s", chromium.readAllStandardError().right(2000).constData());
    return QString::fromUtf8(chromium.readAllStandardOutput());
}

/** The public page of a locked record in a real browser: Vietnamese, the state and date, no identifiers. */
void TestDeptEndToEnd::lookupPageInABrowser()
{
    if (!QFile::exists(QStringLiteral("/usr/bin/chromium")))
        QSKIP("/usr/bin/chromium is not installed (Debian package chromium): the lookup page is not checked");
    Department d;
    QVERIFY(setUp(d, QStringLiteral("browser")));
    const Exported& record = m_records.first();
    const DeptRun sent = uploadFile(d, record, d.credential);
    QVERIFY2(sent.code == 0, qPrintable(describeRun(sent)));
    QCOMPARE(dept(d, {QStringLiteral("window"), QStringLiteral("lock"), QStringLiteral("--id"), d.windowId}).code, 0);
    const QDateTime lockedAt
        = QDateTime::fromString(departmentStatus(d).value(QStringLiteral("locked_at")).toString(), Qt::ISODate);
    QVERIFY(lockedAt.isValid());

    const QString page = d.url() + QStringLiteral("/tra-cuu/") + record.parsed.lookupCode;
    const QString dom = browse(page);
    QVERIFY2(dom.contains(QStringLiteral("</html>")), qPrintable(dom.left(2000)));
    QVERIFY2(!dom.contains(QStringLiteral("Digital school record lookup")),
             "the page is in English: the server's Vietnamese lacks the page's words (merge translations/pending/*.tsv "
             "into translations/hocba_vi.ts with scripts/merge-translations.py)");
    const QString screenshot = QCoreApplication::applicationDirPath() + QStringLiteral("/lookup-page.png");
    QFile::remove(screenshot);
    browse(page, screenshot);
    QVERIFY2(QFile::exists(screenshot), "no screenshot");

    for (const QString& text :
         {QStringLiteral("Tra cứu học bạ số"), QStringLiteral("Đã khoá"), QStringLiteral("Ngày khoá (có hiệu lực)"),
          vietnamDay(lockedAt), record.parsed.school.name.toHtmlEscaped(), record.parsed.student.fullName,
          QStringLiteral("Môn học"), QStringLiteral("Toán"), QStringLiteral("Ngữ văn"), QStringLiteral("Tải bản mềm")})
        QVERIFY2(dom.contains(text), qPrintable(QStringLiteral("\"%1\" is not on the page:\n%2").arg(text, dom)));
    QVERIFY(dom.count(QStringLiteral("<tr>")) >= 8); // the results, one row a subject
    for (const QString& secret : {record.parsed.student.personalId, record.parsed.student.moetCode,
                                  QString::fromUtf8(readFile(d.credential)).trimmed(),
                                  QString::fromUtf8(readFile(d.otherCredential)).trimmed()})
        QVERIFY2(!secret.isEmpty() && !dom.contains(secret), "the page shows an identifier or a credential");
    QVERIFY(!dom.contains(QStringLiteral("<script"), Qt::CaseInsensitive));

    const QString unknownPage = d.url() + QStringLiteral("/tra-cuu/") + QString(32, QLatin1Char('e'));
    const QString unknown = browse(unknownPage);
    browse(unknownPage, QCoreApplication::applicationDirPath() + QStringLiteral("/lookup-page-unknown.png"));
    QVERIFY2(unknown.contains(QStringLiteral("Không tìm thấy học bạ với mã tra cứu này.")), qPrintable(unknown));
    QCOMPARE(d.server->terminate(), 0);
}

QTEST_MAIN(TestDeptEndToEnd) // signing renders the book: fonts need a QGuiApplication
#include "TestDeptEndToEnd.moc"

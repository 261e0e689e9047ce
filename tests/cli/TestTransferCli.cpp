// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli revoke and transfer out|in (issue 15) with a throw-away SoftHSM2 token and the real hocba-cli binary: a
// wrong PIN writes nothing, a locked year is refused with the lock named, a package goes from school A to school B
// (another trust store), and B refuses an untrusted, a tampered or an unconfirmed import with its file unchanged. The
// upload then reports the revoke and the transfer to a fake Department and keeps its signed receipts.
#include "../server/DeptProcess.h"
#include "CliRunner.h"
#include "FakeDepartment.h"
#include "SigningFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/Corrections.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::test;

namespace {

const QString kSoftHsm = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const QString kSchoolB = QStringLiteral("0100999902");

QString describeRun(const DeptRun& r)
{
    return QStringLiteral("exit %1\n%2\n%3").arg(r.code).arg(r.out.left(3000), r.err.left(3000));
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** One value of a query on a school file (empty on error). */
QString queryOne(const QString& school, const QString& sql)
{
    auto db = store::Database::openExisting(school);
    return db ? scalar(**db, sql) : QString();
}

DeptRun hocbaCli(const QStringList& args)
{
    return runProgram(QStringLiteral("hocba-cli"), args);
}

} // namespace

class TestTransferCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    SchoolTemplate m_templateA; ///< four signed records, trusting the token's CA
    SchoolTemplate m_templateB; ///< trusting another CA only
    QString m_pin;
    QString m_wrongPin;
    int m_outDirs = 0;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QStringList token(const QString& pinFile) const
    {
        return {QStringLiteral("--module"),   kSoftHsm,
                QStringLiteral("--token"),    QStringLiteral("HocbaTest"),
                QStringLiteral("--cert"),     QStringLiteral("01"),
                QStringLiteral("--role"),     QStringLiteral("principal"),
                QStringLiteral("--pin-file"), pinFile};
    }
    /** The MOET code of the student of the n-th signed section (0-based, by id). */
    QString studentCode(const QString& school, int n)
    {
        return queryOne(school,
                        QStringLiteral("SELECT st.moet_code FROM year_section s JOIN record r ON r.id = "
                                       "s.record_id JOIN student st ON st.id = r.student_id WHERE s.state IN "
                                       "('signed', 'submitted') ORDER BY s.id LIMIT 1 OFFSET %1")
                            .arg(n));
    }
    QString signedSection(const QString& school, int n)
    {
        return queryOne(school,
                        QStringLiteral("SELECT id FROM year_section WHERE state = 'signed' ORDER BY id LIMIT 1 "
                                       "OFFSET %1")
                            .arg(n));
    }
    /** transfer out of `student` to school B into a new folder; the package's path, or empty. */
    QString transferOut(const QString& school, const QString& student)
    {
        const QString out = path(QStringLiteral("packages-%1").arg(++m_outDirs));
        const DeptRun r
            = hocbaCli(QStringList {QStringLiteral("transfer"), QStringLiteral("out"), QStringLiteral("--db"), school,
                                    QStringLiteral("--student"), student, QStringLiteral("--to-school"), kSchoolB,
                                    QStringLiteral("--to-name"), QStringLiteral("Trường THCS Chu Văn An"),
                                    QStringLiteral("--date"), QStringLiteral("15/01/2026"), QStringLiteral("--reason"),
                                    QStringLiteral("Gia đình chuyển nơi ở"), QStringLiteral("--out"), out}
                       + token(m_pin));
        if (r.code != 0) {
            qWarning("transfer out: %s", qPrintable(describeRun(r)));
            return {};
        }
        const QStringList made = QDir(out).entryList({QStringLiteral("*.hocba-transfer.zip")});
        if (made.size() != 1 || !r.out.contains(QDir(out).filePath(made.first()))
            || !r.out.contains(QStringLiteral("transferred away"))) {
            qWarning("transfer out said: %s", qPrintable(r.out));
            return {};
        }
        return QDir(out).filePath(made.first());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QFile::exists(kSoftHsm) || QStandardPaths::findExecutable(QStringLiteral("pkcs11-tool")).isEmpty())
            QSKIP("softhsm2/opensc not installed (scripts/setup.sh installs them)");
        QProcess make;
        make.setProcessChannelMode(QProcess::MergedChannels);
        make.start(QStringLiteral("bash"),
                   {qEnvironmentVariable("HOCBA_SOURCE_DIR") + QStringLiteral("/tests/token/make-test-token.sh"),
                    m_dir.path()});
        QVERIFY(make.waitForFinished(120000));
        QVERIFY2(make.exitCode() == 0, make.readAll().constData());
        qputenv("SOFTHSM2_CONF", QFile::encodeName(path(QStringLiteral("softhsm2.conf"))));
        m_pin = writeSecretFile(path(QStringLiteral("pin")), "123456\n");
        m_wrongPin = writeSecretFile(path(QStringLiteral("wrong-pin")), "999999\n");
        QVERIFY(!m_pin.isEmpty() && !m_wrongPin.isEmpty());

        // School A: its year confirmed, then signed by `hocba-cli sign` with the token (the shared token login).
        QVERIFY(m_templateA.create(4, 41, readFile(path(QStringLiteral("ca.pem")))));
        {
            auto db = store::Database::openExisting(m_templateA.path());
            QVERIFY(db);
            QVERIFY(confirmAcknowledged(**db, m_templateA.year));
        }
        const DeptRun sign
            = hocbaCli(QStringList {QStringLiteral("sign"), QStringLiteral("--db"), m_templateA.path()} + token(m_pin));
        QVERIFY2(sign.code == 0, qPrintable(describeRun(sign)));
        QCOMPARE(queryOne(m_templateA.path(),
                          QStringLiteral("SELECT count(*) FROM year_section WHERE state = "
                                         "'signed'")),
                 QStringLiteral("4"));
        // School B: another MOET code, and a trust store without A's CA until a test adds it.
        QVERIFY(m_templateB.create(2, 42, readFile(path(QStringLiteral("untrusted_ca.pem")))));
        auto db = store::Database::openExisting(m_templateB.path());
        QVERIFY(db);
        QVERIFY((*db)->exec(QStringLiteral("UPDATE school SET moet_code = '%1'").arg(kSchoolB)));
    }

    void revokeNeedsTheRightPin()
    {
        const QString school = m_templateA.copyPath();
        const QString section = signedSection(school, 0);
        QVERIFY(!section.isEmpty());
        const QStringList revoke {QStringLiteral("revoke"),
                                  QStringLiteral("--db"),
                                  school,
                                  QStringLiteral("--section"),
                                  section,
                                  QStringLiteral("--reason"),
                                  QStringLiteral("Lập nhầm cho học sinh khác")};
        const QByteArray before = fileDigest(school);
        DeptRun r = hocbaCli(revoke + token(m_wrongPin));
        QCOMPARE(r.code, int(ExitToken));
        QCOMPARE(fileDigest(school), before);

        r = hocbaCli(revoke + token(m_pin));
        QVERIFY2(r.code == 0, qPrintable(describeRun(r)));
        QCOMPARE(queryOne(school, QStringLiteral("SELECT state FROM year_section WHERE id = %1").arg(section)),
                 QStringLiteral("revoked"));
        QCOMPARE(queryOne(school, QStringLiteral("SELECT kind || ' ' || state FROM department_request")),
                 QStringLiteral("revoke pending"));
        QCOMPARE(queryOne(school, QStringLiteral("SELECT count(*) FROM department_request")), QStringLiteral("1"));
        // Revoked once: a second revoke is refused, and the request is not queued twice.
        r = hocbaCli(revoke + token(m_pin));
        QVERIFY(r.code != 0);
        QCOMPARE(queryOne(school, QStringLiteral("SELECT count(*) FROM department_request")), QStringLiteral("1"));
    }

    void revokeAfterTheLockRefused()
    {
        const QString school = m_templateA.copyPath();
        const QString section = signedSection(school, 1);
        {
            auto db = store::Database::openExisting(school);
            QVERIFY(db);
            QVERIFY((*db)->exec(QStringLiteral("UPDATE year_section SET state = 'locked' WHERE id = %1").arg(section)));
        }
        const QByteArray before = fileDigest(school);
        // The lock is found before the PIN is asked for: the wrong PIN is never tried.
        const DeptRun r = hocbaCli(QStringList {QStringLiteral("revoke"), QStringLiteral("--db"), school,
                                                QStringLiteral("--section"), section, QStringLiteral("--reason"),
                                                QStringLiteral("Sai")}
                                   + token(m_wrongPin));
        QCOMPARE(r.code, int(ExitDatabase)); // ErrorCode::RecordLocked
        QVERIFY2(r.err.contains(QStringLiteral("locked")), qPrintable(describeRun(r)));
        QCOMPARE(fileDigest(school), before);
    }

    void transferOutThenIn()
    {
        const QString schoolA = m_templateA.copyPath();
        const QString student = studentCode(schoolA, 2);
        QVERIFY(!student.isEmpty());
        const QString package = transferOut(schoolA, student);
        QVERIFY(!package.isEmpty());
        const QString lookupCode = QFileInfo(package).fileName().section(QLatin1Char('.'), 0, 0);
        QVERIFY(!queryOne(schoolA,
                          QStringLiteral("SELECT transferred_at FROM record WHERE lookup_code = '%1'").arg(lookupCode))
                     .isEmpty());
        QCOMPARE(queryOne(schoolA, QStringLiteral("SELECT kind || ' ' || state FROM department_request")),
                 QStringLiteral("transfer pending"));
        // Transferred away: a second package is refused.
        QVERIFY(transferOut(schoolA, student).isEmpty());

        const QString schoolB = m_templateB.copyPath();
        const QStringList in {QStringLiteral("transfer"), QStringLiteral("in"), QStringLiteral("--db"), schoolB,
                              QStringLiteral("--file")};
        const QStringList yes {QStringLiteral("--yes")};
        QByteArray before = fileDigest(schoolB);

        // B does not trust A's CA yet: refused with the reason, nothing written.
        DeptRun r = hocbaCli(in + QStringList {package} + yes);
        QCOMPARE(r.code, int(ExitFailed));
        QVERIFY2(r.out.contains(QStringLiteral("not trusted")), qPrintable(describeRun(r)));
        QCOMPARE(fileDigest(schoolB), before);

        r = hocbaCli({QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--db"), schoolB,
                      QStringLiteral("--cert"), path(QStringLiteral("ca.pem"))});
        QVERIFY2(r.code == 0, qPrintable(describeRun(r)));
        before = fileDigest(schoolB);

        // One mark in a signed packet changed (one byte), the zip made again: refused, nothing written.
        const QString packetName = QStringLiteral("years/%1/v1/packet.xml").arg(m_templateA.year.toString());
        QByteArray packetXml = unzipOne(package, packetName);
        const auto found = QRegularExpression(QStringLiteral("<(Final|Midterm|Regular)>[0-9]"))
                               .match(QString::fromLatin1(packetXml)); // Latin-1: offsets stay byte offsets
        QVERIFY(found.hasMatch());
        const qsizetype mark = found.capturedEnd() - 1;
        packetXml[mark] = packetXml[mark] == '9' ? '8' : '9';
        const QString tampered = path(QStringLiteral("tampered.hocba-transfer.zip"));
        QVERIFY(rezip(package, tampered, {{packetName, packetXml}}));
        r = hocbaCli(in + QStringList {tampered} + yes);
        QCOMPARE(r.code, int(ExitFailed));
        QVERIFY2(r.out.contains(QStringLiteral("REFUSED")) && r.out.contains(QStringLiteral("changed or replaced")),
                 qPrintable(describeRun(r)));
        QCOMPARE(fileDigest(schoolB), before);

        // Without --yes and without a terminal: shown, not imported.
        r = hocbaCli(in + QStringList {package});
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY2(r.out.contains(lookupCode) && r.out.contains(QStringLiteral("15/01/2026")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("Nothing was imported")), qPrintable(r.err));
        QCOMPARE(fileDigest(schoolB), before);

        r = hocbaCli(in + QStringList {package, QStringLiteral("--yes"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(describeRun(r)));
        const QJsonObject arrived = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(arrived.value(QStringLiteral("imported")).toBool(), true);
        QCOMPARE(arrived.value(QStringLiteral("lookup_code")).toString(), lookupCode);
        QCOMPARE(arrived.value(QStringLiteral("versions")).toArray().size(), 1);
        QCOMPARE(arrived.value(QStringLiteral("transfer_date")).toString(), QStringLiteral("2026-01-15"));
        QCOMPARE(queryOne(schoolB,
                          QStringLiteral("SELECT count(*) FROM received_section rs JOIN record r ON r.id = "
                                         "rs.record_id WHERE r.lookup_code = '%1'")
                              .arg(lookupCode)),
                 QStringLiteral("1"));
        // The same package twice: the lookup code is here already.
        before = fileDigest(schoolB);
        r = hocbaCli(in + QStringList {package} + yes);
        QVERIFY(r.code != 0);
        QCOMPARE(fileDigest(schoolB), before);
    }

    /** upload after revoke and transfer out: both requests sent, each with the Department's signed receipt. */
    void uploadSendsTheRequests()
    {
        const QString school = m_templateA.copyPath();
        const QString leaving = studentCode(school, 3);
        const DeptRun revoke = hocbaCli(QStringList {QStringLiteral("revoke"), QStringLiteral("--db"), school,
                                                     QStringLiteral("--section"), signedSection(school, 0),
                                                     QStringLiteral("--reason"), QStringLiteral("Lập nhầm")}
                                        + token(m_pin));
        QVERIFY2(revoke.code == 0, qPrintable(describeRun(revoke)));
        QVERIFY(!transferOut(school, leaving).isEmpty());

        FakeDepartment fake;
        QVERIFY(fake.start());
        CliRun r = runCliInProcess({QStringLiteral("endpoint"), QStringLiteral("set"), QStringLiteral("--db"), school,
                                    QStringLiteral("--url"), fake.baseUrl(), QStringLiteral("--credential-file"),
                                    fake.writeCredential(FakeDepartment::credential()),
                                    QStringLiteral("--department-cert"), fake.certPemPath()});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        r = runCliInProcess(
            {QStringLiteral("upload"), QStringLiteral("--db"), school, QStringLiteral("--tries"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QCOMPARE(fake.revokes(), 1);
        QCOMPARE(fake.transfers(), 1);
        auto db = store::Database::openExisting(school);
        QVERIFY(db);
        auto requests = lifecycle::departmentRequests(**db);
        QVERIFY(requests);
        QCOMPARE(requests->size(), 2);
        for (const lifecycle::DepartmentRequest& q : *requests)
            QVERIFY2(q.state == lifecycle::DepartmentRequest::State::Sent, qPrintable(q.lastError));
        QCOMPARE(scalar(**db,
                        QStringLiteral("SELECT count(*) FROM department_request WHERE receipt_canonical IS NOT "
                                       "NULL")),
                 QStringLiteral("2"));
    }
};

QTEST_MAIN(TestTransferCli) // signing renders the book: fonts need a QGuiApplication
#include "TestTransferCli.moc"

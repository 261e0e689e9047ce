// SPDX-License-Identifier: GPL-3.0-or-later
// The admin commands of the real hocba-dept on a data folder; records for the export are put in through the store.
#include "DeptProcess.h"

#include "TsaFixture.h"
#include "dept/DataFolder.h"
#include "dept/DeptStore.h"
#include "util/Digest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace hocba;
using namespace hocba::test;

namespace {

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

/** A self-signed certificate made by the openssl CLI; `ca` adds basicConstraints CA:TRUE. */
bool makeCertificate(const QString& dir, const QString& name, bool ca)
{
    QProcess openssl;
    QStringList args {QStringLiteral("req"),
                      QStringLiteral("-x509"),
                      QStringLiteral("-newkey"),
                      QStringLiteral("ec"),
                      QStringLiteral("-pkeyopt"),
                      QStringLiteral("ec_paramgen_curve:P-256"),
                      QStringLiteral("-nodes"),
                      QStringLiteral("-keyout"),
                      dir + QLatin1Char('/') + name + ".key",
                      QStringLiteral("-out"),
                      dir + QLatin1Char('/') + name + ".pem",
                      QStringLiteral("-days"),
                      QStringLiteral("30"),
                      QStringLiteral("-subj"),
                      QStringLiteral("/CN=") + name,
                      QStringLiteral("-addext"),
                      ca ? QStringLiteral("basicConstraints=critical,CA:TRUE")
                         : QStringLiteral("basicConstraints=critical,CA:FALSE")};
    openssl.start(QStringLiteral("openssl"), args);
    return openssl.waitForFinished(20000) && openssl.exitCode() == 0;
}

} // namespace

class TestDeptCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    DeptRun dept(const QString& command, const QStringList& args)
    {
        return runDept(QStringList {command} + args + QStringList {QStringLiteral("--data"), data()});
    }

    /** `count` records of school 79000001 in the open window 2099-2100-06, put in through the store. */
    void submitRecords(int count)
    {
        auto folder = dept::DataFolder::open(data());
        QVERIFY(folder);
        auto signer = folder->receiptSigner();
        QVERIFY(signer);
        auto store = dept::DeptStore::open(folder->databasePath());
        QVERIFY(store);
        auto session = (*store)->openSession();
        QVERIFY(session);
        auto school = (*session)->schoolByCode(QStringLiteral("79000001"));
        QVERIFY(school && *school);
        for (int i = 0; i < count; ++i) {
            dept::NewSubmission s;
            s.lookupCode = QStringLiteral("%1").arg(i, 32, 10, QLatin1Char('a'));
            s.version = 1;
            s.schoolId = (*school)->id;
            s.windowId = QStringLiteral("2099-2100-06");
            s.packetXml = "<Packet n=\"" + QByteArray::number(i) + "\"/>";
            s.digest = QString::fromLatin1(
                digest::sha256(s.packetXml).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
            s.pdf = "%PDF-1.7 " + QByteArray::number(i);
            s.receivedAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
            s.lookupJson = "{}";
            auto outcome = (*session)->submit(s, *signer);
            QVERIFY2(outcome, outcome ? "" : qPrintable(outcome.error().message));
            QCOMPARE(outcome->status, dept::SubmitStatus::Accepted);
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void initMakesThePrivateFolder()
    {
        DeptRun r = runDept({QStringLiteral("init"), QStringLiteral("--data"), data(), QStringLiteral("--name"),
                             QStringLiteral("Sở GDĐT Hà Nội")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QFileInfo(data()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther), 0);
        const QFileInfo key(data() + QStringLiteral("/department-key.pem"));
        QVERIFY(key.exists());
        QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther), 0);
        QVERIFY(
            readText(data() + QStringLiteral("/department-cert.pem")).contains(QStringLiteral("BEGIN CERTIFICATE")));
        QVERIFY(r.out.contains(QStringLiteral("department-cert.pem")));

        r = runDept({QStringLiteral("init"), QStringLiteral("--data"), data(), QStringLiteral("--name"),
                     QStringLiteral("Sở khác")});
        QVERIFY(r.code != 0);
        r = runDept({QStringLiteral("init"), QStringLiteral("--data"), m_dir.filePath(QStringLiteral("other"))});
        QCOMPARE(r.code, 2); // no --name
        r = runDept({QStringLiteral("status"), QStringLiteral("--data"), m_dir.filePath(QStringLiteral("nothing"))});
        QVERIFY(r.code != 0);
        QVERIFY(r.err.contains(QStringLiteral("hocba-dept init")));
    }

    void schoolCredentialIsWrittenOnce()
    {
        const QString credential = m_dir.filePath(QStringLiteral("school-a.credential"));
        DeptRun r = dept(QStringLiteral("school"),
                         {QStringLiteral("add"), QStringLiteral("--code"), QStringLiteral("79000001"),
                          QStringLiteral("--name"), QStringLiteral("THCS Lê Lợi"), QStringLiteral("--credential-out"),
                          credential});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFileInfo info(credential);
        QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), 0);
        const QString token = readText(credential).trimmed();
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(token).hasMatch());
        QVERIFY(!r.out.contains(token)); // the token is in the file only

        // The store keeps its hash, and the credential names the school.
        {
            auto folder = dept::DataFolder::open(data());
            QVERIFY(folder);
            auto store = dept::DeptStore::open(folder->databasePath());
            QVERIFY(store);
            auto session = (*store)->openSession();
            QVERIFY(session);
            auto school = (*session)->schoolForCredential(dept::credentialDigest(token));
            QVERIFY(school && *school);
            QCOMPARE((*school)->code, QStringLiteral("79000001"));
        }

        // Never over an existing file, and the file stays as it was.
        const QByteArray before = fileDigest(credential);
        r = dept(QStringLiteral("school"),
                 {QStringLiteral("add"), QStringLiteral("--code"), QStringLiteral("79000002"), QStringLiteral("--name"),
                  QStringLiteral("THCS B"), QStringLiteral("--credential-out"), credential});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("exists already")));
        QCOMPARE(fileDigest(credential), before);
        // A school code only once.
        r = dept(QStringLiteral("school"),
                 {QStringLiteral("add"), QStringLiteral("--code"), QStringLiteral("79000001"), QStringLiteral("--name"),
                  QStringLiteral("X"), QStringLiteral("--credential-out"), m_dir.filePath(QStringLiteral("x"))});
        QCOMPARE(r.code, 1);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x"))));

        r = dept(QStringLiteral("school"),
                 {QStringLiteral("revoke-credential"), QStringLiteral("--code"), QStringLiteral("79000001")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("1 credential")));
        const QString renewed = m_dir.filePath(QStringLiteral("school-a.2.credential"));
        r = dept(QStringLiteral("school"),
                 {QStringLiteral("new-credential"), QStringLiteral("--code"), QStringLiteral("79000001"),
                  QStringLiteral("--credential-out"), renewed});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(readText(renewed).trimmed() != token);
        r = dept(QStringLiteral("school"),
                 {QStringLiteral("revoke-credential"), QStringLiteral("--code"), QStringLiteral("00000000")});
        QCOMPARE(r.code, 1);
    }

    void trustTakesOnlyCaCertificates()
    {
        QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("root-ca"), true));
        QVERIFY(makeCertificate(m_dir.path(), QStringLiteral("leaf"), false));
        DeptRun r
            = dept(QStringLiteral("trust"),
                   {QStringLiteral("add"), QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("root-ca.pem"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("root-ca")));
        r = dept(QStringLiteral("trust"),
                 {QStringLiteral("add"), QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("leaf.pem"))});
        QVERIFY(r.code != 0);
        auto folder = dept::DataFolder::open(data());
        auto store = dept::DeptStore::open(folder->databasePath());
        auto session = (*store)->openSession();
        auto anchors = (*session)->trustAnchors();
        QVERIFY(anchors);
        QCOMPARE(anchors->size(), 1);
    }

    void tsaRootAndPolicy()
    {
        // A TSA's root CA is a trust anchor like any other: what time-stamps must chain to under policy T.
        test::TsaFixture tsa;
        QVERIFY(tsa.create());
        DeptRun r = dept(QStringLiteral("trust"), {QStringLiteral("add"), QStringLiteral("--cert"), tsa.rootPemPath()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The TSA's own certificate is not a CA: refused.
        r = dept(QStringLiteral("trust"), {QStringLiteral("add"), QStringLiteral("--cert"), tsa.tsaCertPemPath()});
        QVERIFY(r.code != 0);

        r = dept(QStringLiteral("policy"), {QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("min_level")).toString(), QStringLiteral("B"));
        QCOMPARE(o.value(QStringLiteral("trust_anchors")).toInt(), 2);
        r = dept(QStringLiteral("policy"), {});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("B: records are accepted")), qPrintable(r.out));

        r = dept(QStringLiteral("policy"), {QStringLiteral("--min-level"), QStringLiteral("t")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("T: every signature")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("keep their receipts")));
        QVERIFY(!r.err.contains(QStringLiteral("Sở GDĐT"))); // the log line names levels only
        r = dept(QStringLiteral("policy"), {QStringLiteral("--json")});
        o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("min_level")).toString(), QStringLiteral("T"));

        // Usage: a level that is not B, T or LT (LTA included), a stray word, no data folder.
        for (const QStringList& bad :
             {QStringList {QStringLiteral("--min-level"), QStringLiteral("LTA")},
              QStringList {QStringLiteral("--min-level"), QStringLiteral("X")},
              QStringList {QStringLiteral("set"), QStringLiteral("--min-level"), QStringLiteral("T")}}) {
            r = dept(QStringLiteral("policy"), bad);
            QVERIFY2(r.code == 2, qPrintable(bad.join(u' ') + r.err));
            QVERIFY(!r.err.isEmpty());
        }
        r = runDept({QStringLiteral("policy"), QStringLiteral("--min-level"), QStringLiteral("T")});
        QCOMPARE(r.code, 2);
        r = runDept({QStringLiteral("policy"), QStringLiteral("--data"), m_dir.filePath(QStringLiteral("nothing")),
                     QStringLiteral("--min-level"), QStringLiteral("T")});
        QVERIFY(r.code != 0);
        QVERIFY(r.err.contains(QStringLiteral("hocba-dept init")));
        // Still T; the change is in the audit chain, without personal data.
        auto folder = dept::DataFolder::open(data());
        auto store = dept::DeptStore::open(folder->databasePath());
        auto session = (*store)->openSession();
        QCOMPARE((*session)->minimumLevel().value_or(signing::BaselineLevel::B), signing::BaselineLevel::T);
        QVERIFY((*session)->verifyAudit());
        QVERIFY((*session)->setMinimumLevel(signing::BaselineLevel::B)); // the tests after this one upload at B
    }

    void windowsAndStatus()
    {
        DeptRun r = dept(QStringLiteral("window"),
                         {QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("2099-2100-06"),
                          QStringLiteral("--year"), QStringLiteral("2099-2100"), QStringLiteral("--deadline"),
                          QStringLiteral("2100-06-30")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = dept(QStringLiteral("window"),
                 {QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("bad"), QStringLiteral("--year"),
                  QStringLiteral("2099-2101"), QStringLiteral("--deadline"), QStringLiteral("2100-06-30")});
        QCOMPARE(r.code, 2);
        r = dept(QStringLiteral("window"),
                 {QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("a b"), QStringLiteral("--year"),
                  QStringLiteral("2099-2100"), QStringLiteral("--deadline"), QStringLiteral("2100-06-30")});
        QCOMPARE(r.code, 2);
        r = dept(QStringLiteral("status"), {QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("department")).toString(), QStringLiteral("Sở GDĐT Hà Nội"));
        QCOMPARE(status.value(QStringLiteral("min_level")).toString(), QStringLiteral("B"));
        const QJsonArray windows = status.value(QStringLiteral("windows")).toArray();
        QCOMPARE(windows.size(), 1);
        QCOMPARE(windows.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(windows.at(0).toObject().value(QStringLiteral("school_year")).toString(), QStringLiteral("2099-2100"));
    }

    void lockAndExport()
    {
        submitRecords(2); // straight through the store: the API and its verification are dept-api's tests
        QVERIFY(!QTest::currentTestFailed());
        const QString out = m_dir.filePath(QStringLiteral("export"));
        DeptRun r = dept(QStringLiteral("export"),
                         {QStringLiteral("--window"), QStringLiteral("2099-2100-06"), QStringLiteral("--out"), out});
        QCOMPARE(r.code, 1); // not locked yet
        QVERIFY(!QFileInfo::exists(out));

        r = dept(QStringLiteral("window"),
                 {QStringLiteral("lock"), QStringLiteral("--id"), QStringLiteral("2099-2100-06")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral(": 2 record(s) locked")), qPrintable(r.out));
        r = dept(QStringLiteral("status"), {QStringLiteral("--json")});
        const QJsonObject window = QJsonDocument::fromJson(r.out.toUtf8())["windows"].toArray().at(0).toObject();
        QCOMPARE(window.value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
        QCOMPARE(window.value(QStringLiteral("locked")).toInt(), 2);

        r = dept(QStringLiteral("export"),
                 {QStringLiteral("--window"), QStringLiteral("2099-2100-06"), QStringLiteral("--out"), out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject manifest
            = QJsonDocument::fromJson(readText(out + QStringLiteral("/manifest.json")).toUtf8()).object();
        QCOMPARE(manifest.value(QStringLiteral("window")).toString(), QStringLiteral("2099-2100-06"));
        const QJsonArray records = manifest.value(QStringLiteral("records")).toArray();
        QCOMPARE(records.size(), 2);
        QStringList names {QStringLiteral("manifest.json")};
        for (const QJsonValue& v : records) {
            const QJsonObject record = v.toObject();
            QCOMPARE(record.value(QStringLiteral("school")).toString(), QStringLiteral("79000001"));
            QVERIFY(!record.value(QStringLiteral("locked_at")).toString().isEmpty());
            const QString base = record.value(QStringLiteral("lookup_code")).toString() + QStringLiteral("-v1");
            const QJsonArray files = record.value(QStringLiteral("files")).toArray();
            QCOMPARE(files.size(), 4);
            for (const QJsonValue& f : files) {
                const QString name = f[QStringLiteral("name")].toString();
                QVERIFY(name.startsWith(base));
                QCOMPARE(f[QStringLiteral("sha256")].toString(),
                         QString::fromLatin1(fileDigest(out + QLatin1Char('/') + name).toHex()));
                names << name;
            }
        }
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), names.size());
        // The lock receipt is the Department's, over the record: it names the lock.
        const QString receipt = readText(out + QLatin1Char('/') + names.at(3));
        QVERIFY2(receipt.contains(QStringLiteral("\"kind\":\"lock\"")), qPrintable(receipt));

        r = dept(QStringLiteral("export"),
                 {QStringLiteral("--window"), QStringLiteral("2099-2100-06"), QStringLiteral("--out"), out});
        QCOMPARE(r.code, 1); // not into a folder that holds something
        QVERIFY(r.err.contains(QStringLiteral("not empty")));
    }

    void helpAndUsage()
    {
        DeptRun r = runDept({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char* command : {"init", "serve", "school", "trust", "policy", "window", "export", "status"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
        r = runDept({QStringLiteral("serve"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("--tls-cert")));
        QVERIFY(!r.out.contains(QStringLiteral("request-timeout"))); // a test option, not for operators
        QCOMPARE(runDept({QStringLiteral("nonsense")}).code, 2);
        QCOMPARE(runDept({}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestDeptCli)
#include "TestDeptCli.moc"

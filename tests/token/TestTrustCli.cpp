// SPDX-License-Identifier: GPL-3.0-or-later
// `hocba-cli trust add/list` round trip through the school's data file, and `token list` on a SoftHSM2 token.
#include "CliRunner.h"
#include "Command.h"
#include "StoreFixture.h"

#include "lifecycle/TrustAnchors.h"
#include "store/AuditLog.h"
#include "verify/CertificatePolicy.h"
#include "verify/TrustStore.h"

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

using Run = test::CliRun;

Run runCli(const QStringList& args)
{
    return test::runCliInProcess(args);
}

} // namespace

class TestTrustCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    bool m_haveToken = false;

    QString path(const QString& n) const { return m_dir.filePath(n); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QFile::exists(QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"))
            || QStandardPaths::findExecutable(QStringLiteral("pkcs11-tool")).isEmpty())
            QSKIP("softhsm2/opensc not installed (scripts/setup.sh installs them)");
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("bash"),
                {QDir(QString::fromLocal8Bit(qgetenv("HOCBA_SOURCE_DIR")))
                     .filePath(QStringLiteral("tests/token/make-test-token.sh")),
                 m_dir.path()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        qputenv("SOFTHSM2_CONF", QFile::encodeName(path(QStringLiteral("softhsm2.conf"))));
        m_haveToken = true;
    }

    void trustAddListRoundTrip()
    {
        const QString db = path(QStringLiteral("school.db"));
        {
            auto created = test::openTestDatabase(db);
            QVERIFY(created);
            QCOMPARE(*created->userVersion(), store::Database::latestVersion());
        }
        Run empty = runCli({QStringLiteral("trust"), QStringLiteral("list"), QStringLiteral("--db"), db});
        QCOMPARE(empty.code, 0);
        QVERIFY(empty.out.contains(QStringLiteral("trust add")));

        Run add = runCli({QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--db"), db,
                          QStringLiteral("--cert"), path(QStringLiteral("ca.pem")), QStringLiteral("--by"),
                          QStringLiteral("Hiệu trưởng")});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        QVERIFY(add.out.contains(QStringLiteral("Hocba Test Root CA")));

        Run again = runCli({QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--db"), db,
                            QStringLiteral("--cert"), path(QStringLiteral("ca.pem"))});
        QCOMPARE(again.code, int(ExitFailed)); // already there
        Run leaf = runCli({QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--db"), db,
                           QStringLiteral("--cert"), path(QStringLiteral("signer_rsa.pem"))});
        QCOMPARE(leaf.code, int(ExitFailed)); // not a CA

        Run list = runCli(
            {QStringLiteral("trust"), QStringLiteral("list"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(list.code, 0);
        const QJsonArray anchors
            = QJsonDocument::fromJson(list.out.toUtf8()).object().value(QStringLiteral("anchors")).toArray();
        QCOMPARE(anchors.size(), 1);
        const QJsonObject a = anchors[0].toObject();
        QCOMPARE(a.value(QStringLiteral("commonName")).toString(), QStringLiteral("Hocba Test Root CA"));
        QCOMPARE(a.value(QStringLiteral("addedBy")).toString(), QStringLiteral("Hiệu trưởng"));
        QCOMPARE(a.value(QStringLiteral("sha256")).toString().size(), 64);

        // Stored in the file: another "PC" opening it trusts the same anchor, and the policy uses it.
        auto reopened = test::openTestDatabase(db);
        QVERIFY(reopened);
        auto store = lifecycle::TrustAnchors::load(*reopened);
        QVERIFY(store);
        QCOMPARE(store->anchors().size(), 1);
        const signing::CertificatePolicy policy(*store);
        QVERIFY(policy.check(
            signing::CertificateInfo::fromPemOrDer(test::fileBytes(path(QStringLiteral("signer_rsa.pem"))))->der));
        // Anchors are never edited in place, and their addition is in the audit log.
        QVERIFY(!reopened->exec(QStringLiteral("UPDATE trust_anchor SET subject = 'x'")));
        auto verified = store::AuditLog(*reopened).verify();
        QVERIFY(verified && verified->ok);
        auto st = reopened->prepare(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'trust_anchor'"));
        QVERIFY(st && *st->step());
        QCOMPARE(st->int64(0), 1);
    }

    void tokenListShowsCertificates()
    {
        if (!m_haveToken)
            QSKIP("no test token");
        Run r = runCli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--module"),
                        QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonArray tokens
            = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("tokens")).toArray();
        QCOMPARE(tokens.size(), 1);
        const QJsonObject t = tokens[0].toObject();
        QCOMPARE(t.value(QStringLiteral("label")).toString(), QStringLiteral("HocbaTest"));
        QStringList holders;
        for (const auto& c : t.value(QStringLiteral("certificates")).toArray())
            holders << c.toObject().value(QStringLiteral("holder")).toString();
        QVERIFY(holders.contains(QStringLiteral("Nguyễn Thị Hồng Nhung")));
        QVERIFY(holders.contains(QStringLiteral("Trần Văn Đức")));

        Run text = runCli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--module"),
                           QStringLiteral("/usr/lib/softhsm/libsofthsm2.so")});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(QStringLiteral("Nguyễn Thị Hồng Nhung – Trường THCS Hoa Sen")));
        Run bad = runCli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--module"),
                          QStringLiteral("/nonexistent.so")});
        QCOMPARE(bad.code, int(ExitToken));
    }
};

QTEST_GUILESS_MAIN(TestTrustCli)
#include "TestTrustCli.moc"

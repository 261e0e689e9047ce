// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli endpoint, outbox, upload, receipts and lookup end to end against a fake Department on loopback, with
// --json answers and the exit codes docs/upload.md names.
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "FakeDepartment.h"
#include "SigningFixture.h"
#include "StoreFixture.h"

#include "store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hocba;

namespace {

constexpr int kSigned = 2;

QJsonObject jsonOf(const test::CliRun& r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QString describeRun(const test::CliRun& r)
{
    return QStringLiteral("exit %1\n%2\n%3").arg(r.code).arg(r.out, r.err);
}

} // namespace

class TestUploadCli : public QObject
{
    Q_OBJECT
    test::TestPki m_pki;
    test::SchoolTemplate m_template;
    std::unique_ptr<test::FakeDepartment> m_fake;
    QString m_db;

    test::CliRun run(QStringList args) { return test::runCliInProcess(args); }

    QStringList endpointSet(const QString& url)
    {
        return {QStringLiteral("endpoint"),
                QStringLiteral("set"),
                QStringLiteral("--db"),
                m_db,
                QStringLiteral("--url"),
                url,
                QStringLiteral("--credential-file"),
                m_fake->writeCredential(test::FakeDepartment::credential()),
                QStringLiteral("--department-cert"),
                m_fake->certPemPath(),
                QStringLiteral("--json")};
    }

    QStringList upload() const
    {
        return {QStringLiteral("upload"), QStringLiteral("--db"),    m_db,
                QStringLiteral("--all"),  QStringLiteral("--tries"), QStringLiteral("1"),
                QStringLiteral("--json")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_template.create(8, 5, m_pki.caDer()));
        auto signer = m_pki.signer(false);
        QVERIFY(test::signFirstSections(m_template.path(), m_template.year, *signer, kSigned));
    }

    void init()
    {
        m_fake = std::make_unique<test::FakeDepartment>();
        QVERIFY(m_fake->start());
        m_db = m_template.copyPath();
        QVERIFY(!m_db.isEmpty());
        const test::CliRun set = run(endpointSet(m_fake->baseUrl()));
        QVERIFY2(set.code == 0, qPrintable(describeRun(set)));
        QCOMPARE(jsonOf(set).value(QStringLiteral("url")).toString(), m_fake->baseUrl());
    }

    void endpointShowKeepsTheCredentialSecret()
    {
        const test::CliRun show
            = run({QStringLiteral("endpoint"), QStringLiteral("show"), QStringLiteral("--db"), m_db});
        QCOMPARE(show.code, 0);
        QVERIFY(show.out.contains(m_fake->baseUrl()));
        QVERIFY(!show.out.contains(test::FakeDepartment::credential()));
        const test::CliRun plain = run(endpointSet(QStringLiteral("http://sogd.example.vn")));
        QCOMPARE(plain.code, int(ExitFailed));
        QVERIFY(!plain.err.contains(test::FakeDepartment::credential()));
    }

    void uploadThenReceiptsThenLookup()
    {
        const test::CliRun outbox
            = run({QStringLiteral("outbox"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QCOMPARE(outbox.code, 0);
        const QJsonArray entries = jsonOf(outbox).value(QStringLiteral("outbox")).toArray();
        QCOMPARE(entries.size(), kSigned);
        QCOMPARE(entries.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));

        const test::CliRun sent = run(upload());
        QVERIFY2(sent.code == 0, qPrintable(describeRun(sent)));
        const QJsonObject report = jsonOf(sent);
        QCOMPARE(report.value(QStringLiteral("submitted")).toInt(), kSigned);
        QCOMPARE(report.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("outcome")),
                 QStringLiteral("submitted"));

        m_fake->lockAll(QDateTime(QDate(2026, 6, 30), QTime(16, 59, 59), Qt::UTC));
        const test::CliRun receipts
            = run({QStringLiteral("receipts"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        QVERIFY2(receipts.code == 0, qPrintable(describeRun(receipts)));
        QCOMPARE(jsonOf(receipts).value(QStringLiteral("locked")).toInt(), kSigned);
        const test::CliRun after
            = run({QStringLiteral("outbox"), QStringLiteral("--db"), m_db, QStringLiteral("--json")});
        const QJsonObject first = jsonOf(after).value(QStringLiteral("outbox")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
        QCOMPARE(first.value(QStringLiteral("locked_at")).toString(), QStringLiteral("2026-06-30T16:59:59Z"));

        const QString code = first.value(QStringLiteral("lookup_code")).toString();
        m_fake->setLookup(code,
                          QStringLiteral(R"({"lookup_code":"%1","state":"locked","version":1,)"
                                         R"("school":{"code":"01000999","name":"Trường Thử"},)"
                                         R"("received_at":"2026-06-20T03:04:05Z",)"
                                         R"("locked_at":"2026-06-30T16:59:59Z","content":{}})")
                              .arg(code)
                              .toUtf8());
        // As the QR code holds it: the code is taken out of the link.
        const test::CliRun lookup
            = run({QStringLiteral("lookup"), QStringLiteral("https://tracuu.example.vn/?ma=%1&nam=2025&v=1").arg(code),
                   QStringLiteral("--url"), m_fake->baseUrl(), QStringLiteral("--json")});
        QVERIFY2(lookup.code == 0, qPrintable(describeRun(lookup)));
        QCOMPARE(jsonOf(lookup).value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
        QCOMPARE(jsonOf(lookup).value(QStringLiteral("locked_at")).toString(), QStringLiteral("2026-06-30T16:59:59Z"));
        const test::CliRun unknown = run(
            {QStringLiteral("lookup"), QString(32, QLatin1Char('e')), QStringLiteral("--url"), m_fake->baseUrl()});
        QVERIFY(unknown.code != 0);
        QVERIFY(!unknown.err.isEmpty());
    }

    void refusedExitsOneAndNoAnswerExitsFive()
    {
        m_fake->script(QStringLiteral("POST /api/v1/records"),
                       {{409, QByteArrayLiteral(R"({"error":"locked","message":"Học bạ đã khoá."})")}});
        const test::CliRun refused = run(upload());
        QCOMPARE(refused.code, int(ExitFailed));
        const QJsonObject item = jsonOf(refused).value(QStringLiteral("items")).toArray().first().toObject();
        QCOMPARE(item.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
        QCOMPARE(item.value(QStringLiteral("message")).toString(), QStringLiteral("Học bạ đã khoá."));
        QCOMPARE(item.value(QStringLiteral("http_status")).toInt(), 409);

        m_fake->setDrop(test::FakeDepartment::Drop::BeforeStoring);
        const test::CliRun offline = run(upload());
        QCOMPARE(offline.code, int(ExitNetwork));
        QCOMPARE(jsonOf(offline).value(QStringLiteral("failed")).toInt(), 1);
    }

    void uploadOneExportedRecord()
    {
        QTemporaryDir dir;
        QString packetPath = dir.filePath(QStringLiteral("record.xml"));
        QString pdfPath = dir.filePath(QStringLiteral("record.pdf"));
        {
            auto db = store::Database::openExisting(m_db);
            QVERIFY(db);
            auto st = (*db)->prepare(QStringLiteral("SELECT packet_xml, pdf FROM signed_document WHERE pdf IS NOT NULL "
                                                    "ORDER BY id LIMIT 1"));
            QVERIFY(st && *st->step());
            QFile packet(packetPath), pdf(pdfPath);
            QVERIFY(packet.open(QIODevice::WriteOnly) && pdf.open(QIODevice::WriteOnly));
            packet.write(st->blob(0));
            pdf.write(st->blob(1));
        }
        const QStringList args {QStringLiteral("upload"),
                                QStringLiteral("--url"),
                                m_fake->baseUrl(),
                                QStringLiteral("--credential-file"),
                                m_fake->writeCredential(test::FakeDepartment::credential()),
                                QStringLiteral("--packet"),
                                packetPath,
                                QStringLiteral("--pdf"),
                                pdfPath,
                                QStringLiteral("--department-cert"),
                                m_fake->certPemPath(),
                                QStringLiteral("--json")};
        const test::CliRun first = run(args);
        QVERIFY2(first.code == 0, qPrintable(describeRun(first)));
        QCOMPARE(
            jsonOf(first).value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("outcome")),
            QStringLiteral("submitted"));
        const test::CliRun again = run(args);
        QCOMPARE(again.code, 0);
        QCOMPARE(
            jsonOf(again).value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("outcome")),
            QStringLiteral("already_there"));
        QCOMPARE(m_fake->stored(), 1);

        QVERIFY(m_fake->signWithImpostor());
        const test::CliRun forged = run(args);
        QCOMPARE(forged.code, int(ExitFailed));
        QCOMPARE(jsonOf(forged).value(QStringLiteral("refused")).toInt(), 1);
    }
};

QTEST_MAIN(TestUploadCli) // signing renders the book: fonts need a QGuiApplication
#include "TestUploadCli.moc"

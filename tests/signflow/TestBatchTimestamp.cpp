// SPDX-License-Identifier: GPL-3.0-or-later
// The school's time-stamping authority (TsaSettings, migration 19) and the signing batch with a loopback TSA: B-T
// records, a TSA that does not answer stops the batch cleanly and a later run finishes, first failures are retried,
// and "allow without" signs at level B instead. Prints (never asserts) the batch's time with and without the TSA.
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "OcspFixture.h"
#include "SigningFixture.h"
#include "StoreFixture.h"
#include "TsaFixture.h"

#include "lifecycle/BatchSignJob.h"
#include "lifecycle/HttpTimestamper.h"
#include "lifecycle/SignedDocuments.h"
#include "lifecycle/TrustAnchors.h"
#include "lifecycle/TsaSettings.h"
#include "store/Database.h"
#include "verify/DocumentVerifier.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hocba;

namespace {

struct QuietSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};

} // namespace

class TestBatchTimestamp : public QObject
{
    Q_OBJECT

    test::TestPki m_pki;
    test::TsaFixture m_tsa;
    test::SchoolTemplate m_school;
    static constexpr int kSections = 8;

    QByteArray readFile(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    std::unique_ptr<store::Database> school()
    {
        auto db = m_school.openCopy();
        if (db && !test::confirmAcknowledged(*db, m_school.year))
            return {};
        return db;
    }
    QList<Id> sections(store::Database& db) { return test::readySections(db, m_school.year).mid(0, kSections); }

    Result<lifecycle::BatchReport> run(store::Database& db, signing::Timestamper* tsa, bool optional = false,
                                       const QList<Id>& ids = {})
    {
        auto signer = m_pki.signer(false);
        lifecycle::SectionSignOptions o;
        o.timestamper = tsa;
        o.timestampOptional = optional;
        lifecycle::BatchSignJob job(db, *signer, o, lifecycle::Actor::unrestricted());
        QuietSink sink;
        CancellationToken cancel;
        return job.run(ids.isEmpty() ? sections(db) : ids, sink, cancel);
    }

    /**
     * Every completed section's PDF verified against the school's anchors (the TSA root among them): its levels, or
     * with `packet` those of the packet embedded in it (XAdES).
     */
    QList<signing::BaselineLevel> levels(store::Database& db, const QList<Id>& ids, bool packet = false)
    {
        QList<signing::BaselineLevel> out;
        auto anchors = lifecycle::TrustAnchors::load(db);
        if (!anchors)
            return out;
        for (Id id : ids) {
            auto doc = lifecycle::SignedDocuments(db).completed(id, 1);
            if (!doc || !*doc)
                continue;
            auto v = signing::verifyDocument((*doc)->pdf, anchors->anchorsDer());
            if (!v || !v->ok()) {
                qWarning() << (v ? v->report.toText() : v.error().message);
                continue;
            }
            if (packet && !v->embedded)
                continue;
            out << (packet ? v->embedded->signatures.last().level : v->report.signatures.last().level);
        }
        return out;
    }

    lifecycle::HttpTimestamper::Options quick(const test::LoopbackTsa& server)
    {
        lifecycle::HttpTimestamper::Options o;
        o.url = QUrl(server.url());
        o.timeoutMs = 500;
        o.attempts = 2;
        o.backoffMs = 50;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_tsa.create());
        QVERIFY(m_school.create(20, 11, m_pki.caDer()));
    }

    void settings()
    {
        auto db = m_school.openCopy();
        QVERIFY(db);
        auto none = lifecycle::tsaSettings(*db);
        QVERIFY(none && !*none);
        const auto actor = lifecycle::Actor::unrestricted();
        QVERIFY(!lifecycle::setTsa(*db, actor, QStringLiteral("ftp://tsa.example.vn"), m_tsa.rootDer(), false));
        // The TSA's own certificate is not a CA: refused as a trust anchor.
        QVERIFY(
            !lifecycle::setTsa(*db, actor, QStringLiteral("https://tsa.example.vn/tsa"), m_tsa.tsaCertDer(), false));
        auto set = lifecycle::setTsa(*db, actor, QStringLiteral("https://tsa.example.vn/tsa"),
                                     readFile(m_tsa.rootPemPath()), true);
        QVERIFY2(set, set ? "" : qPrintable(describe(set.error())));
        auto read = lifecycle::tsaSettings(*db);
        QVERIFY(read && *read);
        QCOMPARE((*read)->url, QStringLiteral("https://tsa.example.vn/tsa"));
        QCOMPARE((*read)->trust.der, m_tsa.rootDer());
        QVERIFY((*read)->allowWithout);
        auto anchors = lifecycle::TrustAnchors::load(*db);
        QVERIFY(anchors && anchors->anchorsDer().contains(m_tsa.rootDer()));
        QCOMPARE(lifecycle::TrustAnchors::school(*db)->size(), 1); // the test CA only: the TSA root is apart
        QVERIFY(lifecycle::clearTsa(*db, actor));
        QVERIFY(lifecycle::tsaSettings(*db) && !*lifecycle::tsaSettings(*db));
        // What it time-stamped must still verify: its root stays, now as one of the school's own anchors.
        QVERIFY(lifecycle::TrustAnchors::load(*db)->anchorsDer().contains(m_tsa.rootDer()));
        QCOMPARE(lifecycle::TrustAnchors::school(*db)->size(), 2);
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'tsa_settings'")),
                 QStringLiteral("2"));
        QVERIFY(lifecycle::clearTsa(*db, actor)); // none set: nothing to do
    }

    void cliSetShowClear()
    {
        const QString path = m_school.copyPath();
        QVERIFY(!path.isEmpty());
        using test::runCliInProcess;
        auto r = runCliInProcess({"tsa", "show", "--db", path});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("No time-stamping server")), qPrintable(r.out + r.err));
        r = runCliInProcess({"tsa", "set", "--db", path, "--url", "ftp://x", "--trust", m_tsa.rootPemPath()});
        QVERIFY(r.code != 0);
        r = runCliInProcess({"tsa", "set", "--db", path, "--url", "http://tsa.example.vn/tsr"});
        QCOMPARE(r.code, 2);
        r = runCliInProcess({"tsa", "set", "--db", path, "--url", "http://tsa.example.vn/tsr", "--trust",
                             m_tsa.rootPemPath(), "--allow-without"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("http://tsa.example.vn/tsr")), qPrintable(r.out));
        r = runCliInProcess({"tsa", "show", "--db", path, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("url")).toString(), QStringLiteral("http://tsa.example.vn/tsr"));
        QCOMPARE(o.value(QStringLiteral("allowWithout")).toBool(), true);
        r = runCliInProcess({"tsa", "clear", "--db", path});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("No time-stamping server")));
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'tsa_settings'")),
                 QStringLiteral("2"));
    }

    void batchMakesBtRecords()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        auto db = school();
        QVERIFY(db);
        QVERIFY(lifecycle::setTsa(*db, lifecycle::Actor::unrestricted(), server.url(), m_tsa.rootDer(), false));
        const QList<Id> ids = sections(*db);
        QCOMPARE(ids.size(), kSections);
        QElapsedTimer t;
        t.start();
        // No timestamper given: the batch asks the school's TSA from the settings.
        auto report = run(*db, nullptr);
        const qint64 withTsa = t.elapsed();
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QVERIFY(report->finished);
        QCOMPARE(report->signedItems.size(), kSections);
        QCOMPARE(server.requests(), 2 * kSections); // one token for the packet's signature, one for the PDF's
        const auto got = levels(*db, ids);
        QCOMPARE(got, QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::T));
        QCOMPARE(levels(*db, ids, true), QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::T));

        // The same batch without the TSA, same run: the figure (printed, never asserted).
        auto plain = school();
        QVERIFY(plain);
        t.restart();
        auto b = run(*plain, nullptr);
        const qint64 without = t.elapsed();
        QVERIFY(b && b->finished);
        QCOMPARE(levels(*plain, ids), QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::B));
        QCOMPARE(levels(*plain, ids, true), QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::B));
        qDebug("batch of %d sections: %lld ms with the loopback TSA (%d connection(s)), %lld ms without", kSections,
               withTsa, server.connections(), without);
    }

    void hangingTsaStopsBatchAndRerunFinishes()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        server.setHang(true);
        auto db = school();
        QVERIFY(db);
        QVERIFY(lifecycle::setTsa(*db, lifecycle::Actor::unrestricted(), server.url(), m_tsa.rootDer(), false));
        lifecycle::HttpTimestamper tsa(quick(server));
        const QList<Id> ids = sections(*db);
        auto report = run(*db, &tsa);
        QVERIFY(report);
        QVERIFY(report->stoppedBy);
        QVERIFY(lifecycle::isTimestampError(*report->stoppedBy));
        QVERIFY2(report->stoppedBy->message.contains(QStringLiteral("did not answer")),
                 qPrintable(report->stoppedBy->message));
        QVERIFY(!report->finished);
        QCOMPARE(report->signedItems.size(), 0);
        QVERIFY(report->pending > 0);
        // Nothing half-stored: no signed section, no signed document.
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM signed_document")), QStringLiteral("0"));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'")),
                 QStringLiteral("0"));
        // The TSA is back: the next run resumes the batch and finishes it, at level T.
        server.setHang(false);
        auto again = run(*db, &tsa, false, ids);
        QVERIFY2(again, again ? "" : qPrintable(describe(again.error())));
        QVERIFY(again->resumed);
        QVERIFY(again->finished);
        QCOMPARE(again->signedItems.size(), kSections);
        QCOMPARE(levels(*db, ids), QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::T));
    }

    void firstFailuresRetried()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        server.failNext(1);
        auto db = school();
        QVERIFY(db);
        lifecycle::HttpTimestamper tsa(quick(server));
        auto report = run(*db, &tsa);
        QVERIFY(report && report->finished);
        QCOMPARE(report->signedItems.size(), kSections);
        QCOMPARE(server.requests(), 2 * kSections + 1); // two signatures a section, and the first request failed once
    }

    void allowedWithoutSignsAtLevelB()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        server.setHang(true);
        auto db = school();
        QVERIFY(db);
        auto o = quick(server);
        o.timeoutMs = 200;
        o.attempts = 1;
        lifecycle::HttpTimestamper tsa(o);
        const QList<Id> ids = sections(*db);
        auto report = run(*db, &tsa, true);
        QVERIFY(report);
        QVERIFY(!report->stoppedBy);
        QVERIFY(report->finished);
        QCOMPARE(report->signedItems.size(), kSections);
        QCOMPARE(levels(*db, ids), QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::B));
    }

    // B-LT in the batch: the packet (XAdES) and the PDF (/DSS) each carry the answers for the signer's chain and for
    // the chain of the TSA that stamped them, fetched at signing time, and verify offline at level LT.
    void ltBatchCoversTheSignerAndTheTsaChains()
    {
        test::OcspFixture ca;
        QVERIFY(ca.create());
        QVERIFY(ca.issueTimestampingAuthority(QStringLiteral("catsa")));
        QVERIFY(m_tsa.addSection(QStringLiteral("catsa"), ca.path(QStringLiteral("catsa.pem")),
                                 ca.path(QStringLiteral("catsa.key")), ca.path(QStringLiteral("catsa-chain.pem"))));
        auto stamper = m_tsa.timestamper(QStringLiteral("catsa"));

        auto db = school();
        QVERIFY(db);
        QVERIFY(lifecycle::TrustAnchors::add(*db, lifecycle::Actor::unrestricted(), ca.rootDer()));
        const QList<Id> ids = sections(*db).mid(0, 2);
        auto signer = ca.signer();
        lifecycle::SectionSignOptions o;
        o.timestamper = stamper.get();
        lifecycle::BatchSignJob job(*db, *signer, o, lifecycle::Actor::unrestricted());
        QuietSink sink;
        CancellationToken cancel;
        auto report = job.run(ids, sink, cancel);
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QVERIFY2(report->finished, report->stoppedBy ? qPrintable(describe(*report->stoppedBy)) : "not finished");
        QCOMPARE(report->signedItems.size(), ids.size());

        QVERIFY(ca.setDown(true)); // offline from here
        QCOMPARE(levels(*db, ids), QList<signing::BaselineLevel>(ids.size(), signing::BaselineLevel::LT));
        QCOMPARE(levels(*db, ids, true), QList<signing::BaselineLevel>(ids.size(), signing::BaselineLevel::LT));
        // The stored packet carries its own answers: the signer's, its issuing CA's and the TSA's (the issuing CA's
        // answer serves both chains and is there once).
        auto doc = lifecycle::SignedDocuments(*db).completed(ids.first(), 1);
        QVERIFY(doc && *doc);
        QCOMPARE((*doc)->packetXml.count("<xades:EncapsulatedOCSPValue>"), 3);
        QVERIFY(ca.setDown(false));
    }
};

QTEST_MAIN(TestBatchTimestamp)
#include "TestBatchTimestamp.moc"

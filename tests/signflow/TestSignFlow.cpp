// SPDX-License-Identifier: GPL-3.0-or-later
// The signing pipeline on a demo school with a software key: confirm, batch signing with faults injected (token
// removed after N signatures, cancel), resume rules, the store's triggers, verification and tamper detection.
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "SigningFixture.h"
#include "StoreFixture.h"

#include "lifecycle/BatchSignJob.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/SignPolicy.h"
#include "lifecycle/SignedDocuments.h"
#include "store/Database.h"
#include "token/PdfSigner.h"
#include "verify/DocumentVerifier.h"

#include <QFile>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace hocba;

namespace {

/** Fails with TokenRemoved after `budget` signatures, like a token pulled out mid-batch. */
class FaultySigner final : public signing::Signer
{
public:
    FaultySigner(signing::Signer& inner, int budget)
        : m_inner(inner)
        , budget(budget)
    { }
    QByteArray certificate() const override { return m_inner.certificate(); }
    QList<QByteArray> chain() const override { return m_inner.chain(); }
    signing::KeyType keyType() const override { return m_inner.keyType(); }
    Result<QByteArray> signSha256(const QByteArray& data) override
    {
        if (budget-- <= 0)
            return fail(ErrorCode::TokenRemoved, QStringLiteral("token removed"), QStringLiteral("CKR_DEVICE_REMOVED"));
        return m_inner.signSha256(data);
    }
    signing::Signer& m_inner;
    int budget;
};

/** Records the thread of every token call (they must all come from the thread that runs the batch). */
class ThreadCheckingSigner final : public signing::Signer
{
public:
    explicit ThreadCheckingSigner(signing::Signer& inner)
        : m_inner(inner)
    { }
    QByteArray certificate() const override { return m_inner.certificate(); }
    QList<QByteArray> chain() const override { return m_inner.chain(); }
    signing::KeyType keyType() const override { return m_inner.keyType(); }
    Result<QByteArray> signSha256(const QByteArray& data) override
    {
        threads.insert(QThread::currentThread());
        ++calls;
        return m_inner.signSha256(data);
    }
    signing::Signer& m_inner;
    QSet<QThread*> threads;
    int calls = 0;
};

struct CountingSink : lifecycle::ProgressSink
{
    int items = 0;
    int cancelAfter = -1;
    CancellationToken* cancel = nullptr;
    QList<Id> studentIds;
    void itemFinished(const lifecycle::BatchItemResult& item, const lifecycle::BatchProgress& p) override
    {
        ++items;
        studentIds << item.studentId;
        QVERIFY(p.done <= p.total);
        if (cancel && items == cancelAfter)
            cancel->cancel();
    }
};

using test::scalar;

} // namespace

class TestSignFlow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestPki m_pki;
    test::SchoolTemplate m_school;
    SchoolYear m_year;
    QString m_class;

    /** A fresh copy of the confirmed demo school. */
    std::unique_ptr<store::Database> freshSchool() { return m_school.openCopy(); }
    QList<Id> classSections(store::Database& db) { return test::readySections(db, m_year, m_class); }
    int count(store::Database& db, const QString& sql) { return scalar(db, sql).toInt(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pki.create());
        QVERIFY(m_school.create(60, 7, m_pki.caDer()));
        m_year = m_school.year;
        auto db = store::Database::openOrCreate(m_school.path());
        QVERIFY(db);
        m_class = scalar(**db,
                         QStringLiteral("SELECT name FROM class WHERE school_year = %1 ORDER BY grade, name "
                                        "LIMIT 1")
                             .arg(m_year.startYear));
        QVERIFY(!m_class.isEmpty());
        lifecycle::ConfirmOptions co;
        co.year = m_year;
        co.className = m_class;
        auto strict = lifecycle::confirmSections(**db, lifecycle::Actor::unrestricted(), co);
        QVERIFY(strict);
        co.acknowledgeWarnings = true;
        co.acknowledgedBy = QStringLiteral("GVCN test");
        auto report = lifecycle::confirmSections(**db, lifecycle::Actor::unrestricted(), co);
        QVERIFY(report);
        qInfo("confirm: %lld confirmed strictly, then %lld with warnings acknowledged, %lld left with errors",
              qlonglong(strict->confirmed.size()), qlonglong(report->confirmed.size()),
              qlonglong(report->notConfirmed.size()));
        for (const auto& item : report->notConfirmed)
            QVERIFY(hasErrors(item.findings));
        QVERIFY(count(**db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'ready'")) >= 5);
        if (!report->confirmed.isEmpty() && !report->confirmed.first().findings.isEmpty())
            QVERIFY(count(**db,
                          QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'section.acknowledge' "
                                         "AND new_value = 'GVCN test'"))
                    > 0);
    }

    void signClassVerifyAndTamper()
    {
        auto db = freshSchool();
        QVERIFY(db);
        auto signer = m_pki.signer(false);
        const QList<Id> ids = classSections(*db);
        QVERIFY(ids.size() >= 5);
        lifecycle::BatchSignJob job(*db, *signer, {}, lifecycle::Actor::unrestricted());
        CountingSink sink;
        CancellationToken cancel;
        auto report = job.run(ids, sink, cancel);
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        for (const auto& f : report->failed)
            qWarning("failed: %s", qPrintable(f.reason));
        QCOMPARE(report->signedItems.size(), ids.size());
        QVERIFY(report->finished);
        QCOMPARE(sink.items, int(ids.size()));
        const auto& t = job.timings();
        qInfo("signed %lld sections: %.1f ms/section total, render %.1f ms, token %.1f ms, store %.2f ms",
              qlonglong(ids.size()), t.totalNs / 1e6 / ids.size(), t.renderNs / 1e6 / ids.size(),
              t.tokenNs / 1e6 / ids.size(), t.storeNs / 1e6 / ids.size());

        lifecycle::SignedDocuments docs(*db);
        auto doc = docs.completed(ids.first(), 1);
        QVERIFY(doc && *doc);
        const QList<QByteArray> anchors {m_pki.caDer()};
        auto pdf = signing::verifyDocument((*doc)->pdf, anchors);
        QVERIFY(pdf);
        QVERIFY2(pdf->ok(), qPrintable(pdf->problems.join(u'\n') + pdf->report.toText()));
        QCOMPARE(pdf->report.signatures.first().role, signing::SignerRole::Principal);
        auto xml = signing::verifyDocument((*doc)->packetXml, anchors);
        QVERIFY(xml && xml->ok());
        QCOMPARE(xml->packetDigest, (*doc)->packetDigest);

        // Untrusted without the anchor.
        auto untrusted = signing::verifyDocument((*doc)->pdf, {});
        QVERIFY(untrusted && !untrusted->ok());

        // Tamper: one more byte after the PDF's signature; a changed score in the packet.
        auto appended = signing::verifyDocument((*doc)->pdf + "\n", anchors);
        QVERIFY(appended && !appended->ok());
        QByteArray changed = (*doc)->packetXml;
        const qsizetype at = changed.indexOf("<Score>");
        if (at > 0) {
            const qsizetype v = at + 7;
            changed[v] = changed[v] == '9' ? '8' : '9';
        } else {
            // No numeric score in this grade's packet: change the school's name instead.
            changed.replace("Trường", "Truong");
        }
        QVERIFY(changed != (*doc)->packetXml);
        auto tampered = signing::verifyDocument(changed, anchors);
        QVERIFY(!tampered || !tampered->ok());

        // The store: no update, no delete, no second copy; signed sections stay signed.
        QVERIFY(!db->exec(QStringLiteral("UPDATE signed_document SET signer_name = 'x'")));
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM signed_document")));
        QVERIFY(!db->exec(QStringLiteral("UPDATE year_section SET state = 'ready' WHERE id = %1").arg(ids.first())));
        QVERIFY(!db->exec(QStringLiteral("UPDATE sign_policy SET required = 0 WHERE role = 'principal'")));
        // Signing again skips with a reason.
        CountingSink again;
        lifecycle::BatchSignJob second(*db, *signer, {}, lifecycle::Actor::unrestricted());
        auto rerun = second.run(ids, again, cancel);
        QVERIFY(rerun);
        QCOMPARE(rerun->signedItems.size(), 0);
        QCOMPARE(rerun->skipped.size(), ids.size());
    }

    // The batch overlaps sections: workers sign and render while the batch thread reads and stores. Whatever the
    // number of workers, every token call is made on the batch thread (it owns the token session), results are
    // reported and stored in journal order, and every stored document verifies.
    void pipelineWithWorkers_data()
    {
        QTest::addColumn<int>("workers");
        QTest::newRow("1 worker") << 1;
        QTest::newRow("3 workers") << 3;
    }
    void pipelineWithWorkers()
    {
        QFETCH(int, workers);
        auto db = freshSchool();
        QVERIFY(db);
        auto key = m_pki.signer(false);
        ThreadCheckingSigner signer(*key);
        const QList<Id> ids = classSections(*db);
        lifecycle::BatchSignJob job(*db, signer, {}, lifecycle::Actor::unrestricted());
        job.setWorkers(workers);
        CountingSink sink;
        CancellationToken cancel;
        auto report = job.run(ids, sink, cancel);
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QCOMPARE(report->signedItems.size(), ids.size());
        QCOMPARE(signer.calls, 2 * int(ids.size()) + 1); // the packet and the PDF of each, and the audit checkpoint
        QCOMPARE(signer.threads, QSet<QThread*> {QThread::currentThread()});
        QList<Id> reported;
        for (const auto& item : report->signedItems)
            reported << item.sectionId;
        QCOMPARE(reported, ids);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM sign_batch_item WHERE state = 'signed'")),
                 int(ids.size()));
        // Stored in journal order: signed_document ids follow the batch items' order.
        auto order = db->prepare(QStringLiteral(
            "SELECT d.section_id FROM signed_document d JOIN sign_batch_item i ON i.section_id = d.section_id "
            "ORDER BY d.id"));
        QVERIFY(order);
        QList<Id> stored;
        while (order->step().value_or(false))
            stored << order->int64(0);
        QCOMPARE(stored, ids);
        lifecycle::SignedDocuments docs(*db);
        for (Id id : ids) {
            auto doc = docs.completed(id, 1);
            QVERIFY(doc && *doc);
            auto verdict = signing::verifyDocument((*doc)->pdf, {m_pki.caDer()});
            QVERIFY(verdict);
            QVERIFY2(verdict->ok(), qPrintable(verdict->problems.join(u'\n')));
        }
    }

    void paperAndDraftNeverSigned()
    {
        auto db = freshSchool();
        QVERIFY(db);
        auto signer = m_pki.signer(true);
        const Id paper
            = scalar(*db, QStringLiteral("SELECT id FROM year_section WHERE source = 'paper' LIMIT 1")).toLongLong();
        const Id draft = scalar(*db,
                                QStringLiteral("SELECT id FROM year_section WHERE state = 'draft' AND source = "
                                               "'digital' LIMIT 1"))
                             .toLongLong();
        QVERIFY(paper > 0 && draft > 0);
        lifecycle::BatchSignJob job(*db, *signer, {}, lifecycle::Actor::unrestricted());
        CountingSink sink;
        CancellationToken cancel;
        auto report = job.run({paper, draft}, sink, cancel);
        QVERIFY(report);
        QCOMPARE(report->skipped.size(), 2);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM signed_document")), 0);
        // Directly, too: the trigger refuses artifacts for a section that is not ready.
        QVERIFY(!db->exec(QStringLiteral("INSERT INTO signed_document (section_id, version, seq, role, packet_xml, "
                                         "packet_digest, certificate, certificate_sha256, signer_name, signed_at) "
                                         "VALUES (%1, 1, 1, 'principal', x'00', '%2', x'00', '%3', 'x', 'now')")
                              .arg(draft)
                              .arg(QString(43, u'a'), QString(64, u'a'))));
    }

    void tokenRemovedMidBatchResumesOnlyWithSameCertificate()
    {
        auto db = freshSchool();
        QVERIFY(db);
        auto good = m_pki.signer(false);
        const QList<Id> ids = classSections(*db);
        // Two token operations per section: removed at the 8th. The batch signs the next packets while earlier
        // PDFs render, so which sections had both operations by then depends on timing: at least two.
        FaultySigner faulty(*good, 7);
        lifecycle::BatchSignJob job(*db, faulty, {}, lifecycle::Actor::unrestricted());
        job.setWorkers(1);
        CountingSink sink;
        CancellationToken cancel;
        auto report = job.run(ids, sink, cancel);
        QVERIFY(report);
        QVERIFY(report->stoppedBy);
        QCOMPARE(report->stoppedBy->code, ErrorCode::TokenRemoved);
        const int signedCount = int(report->signedItems.size());
        QVERIFY2(signedCount >= 2 && signedCount <= 3, qPrintable(QString::number(signedCount)));
        QCOMPARE(report->failed.size(), 1);
        QVERIFY(!report->finished);
        // The checkpoint needs the token too: it fails, and that costs no signed record, only a warning.
        QCOMPARE(report->checkpointId, qint64(0));
        QCOMPARE(report->warnings.size(), 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'")), signedCount);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM signed_document")), signedCount);
        for (int i = 0; i < signedCount; ++i)
            QCOMPARE(report->signedItems.at(i).sectionId, ids[i]); // in journal order, none skipped
        for (int i = signedCount; i < ids.size(); ++i)
            QCOMPARE(scalar(*db, QStringLiteral("SELECT state FROM year_section WHERE id = %1").arg(ids[i])),
                     QStringLiteral("ready"));

        // Another certificate (the EC key) may not continue this batch.
        auto other = m_pki.signer(true);
        lifecycle::BatchSignJob wrong(*db, *other, {}, lifecycle::Actor::unrestricted());
        auto refused = wrong.run(ids, sink, cancel);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::CertificateInvalid);
        QVERIFY(refused.error().detail.startsWith(QLatin1String("batch-certificate-mismatch")));

        // The same certificate is back: the batch resumes and finishes.
        lifecycle::BatchSignJob resume(*db, *good, {}, lifecycle::Actor::unrestricted());
        CountingSink sink2;
        auto finished = resume.run(ids, sink2, cancel);
        QVERIFY(finished);
        QVERIFY(finished->resumed);
        QVERIFY(finished->finished);
        QVERIFY(finished->checkpointId > 0);
        QVERIFY(finished->warnings.isEmpty());
        QCOMPARE(finished->signedItems.size(), ids.size() - signedCount);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'")),
                 int(ids.size()));
    }

    // A cancel stops right after the section it was given on, even with sections still in the workers: those are
    // thrown away (nothing stored), and the resumed batch signs them.
    void cancelledBatchResumes_data()
    {
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("cancelAfter");
        QTest::newRow("1 worker, after 2") << 1 << 2;
        QTest::newRow("3 workers, after 1") << 3 << 1;
    }
    void cancelledBatchResumes()
    {
        QFETCH(int, workers);
        QFETCH(int, cancelAfter);
        auto db = freshSchool();
        QVERIFY(db);
        auto signer = m_pki.signer(false);
        const QList<Id> ids = classSections(*db);
        CancellationToken cancel;
        CountingSink sink;
        sink.cancel = &cancel;
        sink.cancelAfter = cancelAfter;
        lifecycle::BatchSignJob job(*db, *signer, {}, lifecycle::Actor::unrestricted());
        job.setWorkers(workers);
        auto report = job.run(ids, sink, cancel);
        QVERIFY(report);
        QVERIFY(report->cancelled);
        QCOMPARE(report->signedItems.size(), cancelAfter);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM signed_document")), cancelAfter);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'")), cancelAfter);
        QCOMPARE(report->pending, int(ids.size()) - cancelAfter);
        QVERIFY(report->checkpointId > 0); // a cancelled batch that signed something still signs the chain's head
        CancellationToken fresh;
        CountingSink sink2;
        lifecycle::BatchSignJob job2(*db, *signer, {}, lifecycle::Actor::unrestricted());
        job2.setWorkers(workers);
        auto rest = job2.run(ids, sink2, fresh);
        QVERIFY(rest && rest->resumed && rest->finished);
        QCOMPARE(rest->signedItems.size(), ids.size() - cancelAfter);
    }

    // One signer completes a record: SectionSigner::signPacket adds its XMLDSig as the packet's last signature, then
    // finishDocument signs the PDF with the same signer. A PDF signed by another certificate of the same trusted CA
    // around that packet is not a valid record, though each signature on its own verifies.
    void pdfSignedByAnotherThanThePacketsCompletingSigner()
    {
        auto db = freshSchool();
        QVERIFY(db);
        auto principal = m_pki.signer(false);
        const QList<Id> ids = classSections(*db).mid(0, 1);
        lifecycle::BatchSignJob job(*db, *principal, {}, lifecycle::Actor::unrestricted());
        CountingSink sink;
        CancellationToken cancel;
        auto report = job.run(ids, sink, cancel);
        QVERIFY(report && report->signedItems.size() == 1);
        auto doc = lifecycle::SignedDocuments(*db).completed(ids.first(), 1);
        QVERIFY(doc && *doc);
        const QByteArray genuine = (*doc)->pdf;

        // The rendered PDF is the genuine one without its last revision (the packet and the PAdES signature).
        const qsizetype lastEof = genuine.lastIndexOf("%%EOF");
        const qsizetype renderedEof = genuine.lastIndexOf("%%EOF", lastEof - 1);
        QVERIFY(renderedEof > 0);
        const QByteArray rendered = genuine.left(renderedEof + 5) + '\n';
        auto other = m_pki.signer(true);
        signing::PdfSignOptions po;
        po.packet
            = signing::PdfPacketAttachment {.packetXml = (*doc)->packetXml, .renderedDigest = (*doc)->packetDigest};
        auto forged = signing::PdfSigner::sign(rendered, *other, po);
        QVERIFY(forged);

        const QList<QByteArray> anchors {m_pki.caDer()};
        auto v = signing::verifyDocument(*forged, anchors);
        QVERIFY(v);
        QVERIFY2(v->report.ok(), qPrintable(v->report.toText())); // the PDF signature on its own
        QVERIFY(v->embedded && v->embedded->ok()); // the packet on its own
        QCOMPARE(v->renderedDigest, v->packetDigest);
        QVERIFY(!v->ok());
        QVERIFY2(v->problems.join(u' ').contains(QLatin1String("same certificate")),
                 qPrintable(v->problems.join(u' ')));
        auto still = signing::verifyDocument(genuine, anchors);
        QVERIFY(still && still->ok());

        QFile out(m_dir.filePath(QStringLiteral("other-signer.pdf")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(*forged);
        out.close();
        auto cli = test::runCliInProcess({QStringLiteral("verify"), QStringLiteral("--trust"),
                                          m_pki.path(QStringLiteral("ca.pem")), out.fileName()});
        QVERIFY2(cli.code == 1 && cli.out.contains(QLatin1String("INVALID")), qPrintable(cli.out + cli.err));
        QVERIFY(cli.out.contains(QLatin1String("same certificate")));
    }

    void policyWithHomeroomNeedsBothSigners()
    {
        auto db = freshSchool();
        QVERIFY(db);
        QVERIFY(lifecycle::SignPolicy::setRequired(*db, lifecycle::Actor::unrestricted(), signing::SignerRole::Homeroom,
                                                   true));
        auto roles = lifecycle::SignPolicy::requiredRoles(*db);
        QVERIFY(roles && roles->size() == 2);
        const QList<Id> ids = classSections(*db).mid(0, 2);
        auto teacher = m_pki.signer(true);
        auto principal = m_pki.signer(false);
        CancellationToken cancel;
        CountingSink sink;
        lifecycle::SectionSignOptions homeroom;
        homeroom.role = signing::SignerRole::Homeroom;
        lifecycle::BatchSignJob first(*db, *teacher, homeroom, lifecycle::Actor::unrestricted());
        auto r1 = first.run(ids, sink, cancel);
        QVERIFY(r1 && r1->signedItems.size() == 2 && !r1->signedItems.first().completed);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM signed_document WHERE pdf IS NULL")), 2);
        lifecycle::BatchSignJob second(*db, *principal, {}, lifecycle::Actor::unrestricted());
        auto r2 = second.run(ids, sink, cancel);
        QVERIFY(r2 && r2->signedItems.size() == 2 && r2->signedItems.first().completed);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = 'signed'")), 2);
        auto doc = lifecycle::SignedDocuments(*db).completed(ids.first(), 1);
        QVERIFY(doc && *doc);
        auto v = signing::verifyDocument((*doc)->pdf, {m_pki.caDer()});
        QVERIFY(v && v->ok());
        QCOMPARE(v->embedded->signatures.size(), 2);
        QCOMPARE(v->embedded->signatures[0].role, signing::SignerRole::Homeroom);
        QCOMPARE(v->embedded->signatures[1].role, signing::SignerRole::Principal);
    }
};

QTEST_MAIN(TestSignFlow)
#include "TestSignFlow.moc"

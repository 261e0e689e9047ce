// SPDX-License-Identifier: GPL-3.0-or-later
// Archive time-stamps for the stored records (lifecycle/ArchiveTimestamps, migration 20, `hocba-cli extend`): records
// signed at B-LT under a short-lived TSA certificate are due; extend makes them B-LTA (checked with the verifier, the
// school file check, pdfsig and qpdf --check) and the reminder goes to 0; a TSA that hangs stops the run cleanly and
// a re-run resumes; the database refuses an extension that is not the current PDF with bytes appended. Prints (never
// asserts) the time of extend beside the time of signing the same records.
#include "CliRunner.h"
#include "OcspFixture.h"
#include "SigningFixture.h"
#include "StoreFixture.h"
#include "TsaFixture.h"

#include "ArchiveStamping.h"
#include "MessageBox.h"
#include "VerifyWidget.h"

#include "lifecycle/ArchiveTimestamps.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/HttpTimestamper.h"
#include "lifecycle/SignedDocuments.h"
#include "lifecycle/TrustAnchors.h"
#include "lifecycle/TsaSettings.h"
#include "store/Database.h"
#include "verify/DocumentVerifier.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

using namespace hocba;

namespace {

struct QuietSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};

} // namespace

class TestArchiveExtend : public QObject
{
    Q_OBJECT

    test::OcspFixture m_ca;
    test::TsaFixture m_tsa;
    test::SchoolTemplate m_school;
    static constexpr int kSections = 6;
    static constexpr int kShortDays = 30; ///< the TSA certificate the records are signed under

    /** A copy of the school whose first kSections sections are signed at B-LT with the loopback TSA; its path. */
    QString signedSchool(test::LoopbackTsa& server, qint64* signMs = nullptr)
    {
        if (!m_tsa.renewTsaCertificate(kShortDays))
            return {};
        const QString path = m_school.copyPath();
        auto db = store::Database::openExisting(path);
        if (!db || !test::confirmAcknowledged(**db, m_school.year))
            return {};
        if (!lifecycle::setTsa(**db, lifecycle::Actor::unrestricted(), server.url(), m_tsa.rootDer(), false))
            return {};
        const QList<Id> ids = test::readySections(**db, m_school.year).mid(0, kSections);
        auto signer = m_ca.signer();
        QElapsedTimer t;
        t.start();
        lifecycle::SectionSignOptions o;
        lifecycle::BatchSignJob job(**db, *signer, o, lifecycle::Actor::unrestricted());
        QuietSink sink;
        CancellationToken cancel;
        auto report = job.run(ids, sink, cancel);
        if (signMs)
            *signMs = t.elapsed();
        if (!report || !report->finished || report->signedItems.size() != kSections) {
            qWarning() << (report ? QStringLiteral("not finished") : describe(report.error()));
            return {};
        }
        return path;
    }

    /** The levels of the stored PDFs (the latest extension of each), verified with the school's anchors. */
    QList<signing::BaselineLevel> levels(store::Database& db)
    {
        QList<signing::BaselineLevel> out;
        auto anchors = lifecycle::TrustAnchors::load(db);
        auto st = db.prepare(QStringLiteral("SELECT section_id, version FROM signed_document WHERE pdf IS NOT NULL"));
        while (anchors && st && st->step().value_or(false)) {
            auto doc = lifecycle::SignedDocuments(db).completed(st->int64(0), int(st->int64(1)));
            if (!doc || !*doc)
                continue;
            auto v = signing::verifyDocument((*doc)->pdf, anchors->anchorsDer());
            if (!v || !v->ok()) {
                qWarning() << (v ? v->report.toText() + v->problems.join(' ') : v.error().message);
                continue;
            }
            out << v->report.signatures.last().level;
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
        QVERIFY(m_ca.create());
        QVERIFY(m_tsa.create(kShortDays));
        QVERIFY(m_school.create(20, 11, m_ca.rootDer()));
    }

    void dueRecordsBecomeLta()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        qint64 signMs = 0;
        const QString path = signedSchool(server, &signMs);
        QVERIFY(!path.isEmpty());
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QCOMPARE(levels(**db), QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::LT));

        // Due: the TSA certificate of their time-stamps expires in 30 days.
        QElapsedTimer check;
        check.start();
        auto reminder = lifecycle::archiveReminder(**db);
        qDebug("reminder over %d signed records not yet extended: %lld ms", kSections, check.elapsed());
        QVERIFY2(reminder, reminder ? "" : qPrintable(describe(reminder.error())));
        QCOMPARE(reminder->due, kSections);
        QCOMPARE(reminder->timestamped, kSections);
        QVERIFY(qAbs(reminder->earliestExpiry.daysTo(QDateTime::currentDateTimeUtc().addDays(kShortDays))) <= 1);
        auto none = lifecycle::archiveReminder(**db, 10);
        QVERIFY(none && none->due == 0);

        // The CLI says what is due without changing anything.
        auto r = test::runCliInProcess({"extend", "--db", path});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("%1 signed records need an archive time-stamp").arg(kSections)),
                 qPrintable(r.out + r.err));
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT count(*) FROM signed_document_extension")),
                 QStringLiteral("0"));

        // The provider renews its TSA certificate; extend adds archive time-stamps under the new one.
        QVERIFY(m_tsa.renewTsaCertificate(1000));
        QElapsedTimer t;
        t.start();
        r = test::runCliInProcess({"extend", "--db", path, "--within", "180", "--json"});
        const qint64 extendMs = t.elapsed();
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("due")).toInt(), kSections);
        QCOMPARE(o.value(QStringLiteral("extended")).toInt(), kSections);
        qDebug("%d records: signing %lld ms, extend (validation data + archive time-stamp, loopback TSA) %lld ms",
               kSections, signMs, extendMs);

        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT count(*) FROM signed_document_extension")),
                 QString::number(kSections));
        QCOMPARE(levels(**db), QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::LTA));
        auto after = lifecycle::archiveReminder(**db);
        QVERIFY(after && after->due == 0);
        // Audited without personal data.
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = "
                                             "'record.archive_timestamp'")),
                 QString::number(kSections));
        // Nothing more to do: a second run extends nothing.
        r = test::runCliInProcess({"extend", "--db", path, "--within", "180"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("0 of 0")), qPrintable(r.out));

        // The readers get the extended file: the school file check passes on every section, and independent tools
        // accept one of the PDFs.
        r = test::runCliInProcess({"audit", "verify", "--db", path});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        auto doc = lifecycle::SignedDocuments(**db).completed(
            test::scalar(**db, QStringLiteral("SELECT section_id FROM signed_document WHERE pdf IS NOT NULL LIMIT 1"))
                .toLongLong(),
            1);
        QVERIFY(doc && *doc);
        QVERIFY((*doc)->pdf.contains("/DocTimeStamp"));
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("lta.pdf"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write((*doc)->pdf) == (*doc)->pdf.size());
        f.close();
        QProcess qpdf;
        qpdf.start(QStringLiteral("qpdf"), {QStringLiteral("--check"), file});
        QVERIFY(qpdf.waitForFinished(60000));
        QCOMPARE(qpdf.exitCode(), 0);
        QProcess pdfsig;
        pdfsig.start(QStringLiteral("pdfsig"), {file});
        QVERIFY(pdfsig.waitForFinished(60000));
        const QString out = QString::fromUtf8(pdfsig.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("hocba-archive-"))
                     && out.contains(QStringLiteral("Total document signed")),
                 qPrintable(out));
        // verify prints the level and the archive time.
        r = test::runCliInProcess({"verify", file, "--db", path});
        QVERIFY2(r.out.contains(QStringLiteral("B-LTA")) && r.out.contains(QStringLiteral("Archive time:")),
                 qPrintable(r.out + r.err));
        r = test::runCliInProcess({"verify", file, "--db", path, "--json"});
        const QJsonObject entry = QJsonDocument::fromJson(r.out.toUtf8())
                                      .object()
                                      .value(QStringLiteral("files"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(entry.value(QStringLiteral("signatures")).toArray().at(0).toObject().value(QStringLiteral("level")),
                 QJsonValue(QStringLiteral("LTA")));
        QVERIFY(entry.value(QStringLiteral("archiveTimestamps")).toArray().at(0).toObject().value("ok").toBool());
        // The desktop's check screen: valid.
        auto anchors = lifecycle::TrustAnchors::load(**db);
        QVERIFY(anchors);
        const auto verdict = ui::verdictFor(file, signing::verifyDocument((*doc)->pdf, anchors->anchorsDer()));
        QCOMPARE(verdict.kind, ui::FileVerdict::Kind::Valid);
        // …and a forged copy: the archive time-stamp's token flipped.
        QByteArray forged = (*doc)->pdf;
        const qsizetype at = forged.lastIndexOf("/Contents <") + 200;
        forged[at] = forged[at] == 'A' ? 'B' : 'A';
        const auto bad = ui::verdictFor(file, signing::verifyDocument(forged, anchors->anchorsDer()));
        QVERIFY2(bad.kind != ui::FileVerdict::Kind::Valid, qPrintable(bad.verdict));
    }

    void hangingTsaStopsAndRerunResumes()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        const QString path = signedSchool(server);
        QVERIFY(!path.isEmpty());
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QVERIFY(m_tsa.renewTsaCertificate(1000));
        lifecycle::HttpTimestamper tsa(quick(server));
        lifecycle::ExtendOptions o;
        o.timestamper = &tsa;
        o.all = true;
        int calls = 0;
        o.progress = [&](int, int, const QString&, bool extended) {
            if (++calls == 2 && extended)
                server.setHang(true); // the TSA stops answering after two records
        };
        auto report = lifecycle::extendArchiveTimestamps(**db, lifecycle::Actor::unrestricted(), o);
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QVERIFY(report->stopped);
        QVERIFY(lifecycle::isTimestampError(*report->stopped));
        QCOMPARE(report->extended, 2);
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT count(*) FROM signed_document_extension")),
                 QStringLiteral("2"));
        // Back again: the next run (records due within 180 days) does the rest only.
        server.setHang(false);
        o.all = false;
        o.progress = {};
        auto again = lifecycle::extendArchiveTimestamps(**db, lifecycle::Actor::unrestricted(), o);
        QVERIFY(again && !again->stopped);
        QCOMPARE(again->due, kSections - 2);
        QCOMPARE(again->extended, kSections - 2);
        QCOMPARE(
            test::scalar(**db, QStringLiteral("SELECT count(DISTINCT document_id) FROM signed_document_extension")),
            QString::number(kSections));
    }

    // The desktop: the reminder after opening, and the menu's run on a worker thread with its report.
    void desktopReminderAndExtend()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        const QString path = signedSchool(server);
        QVERIFY(!path.isEmpty());
        ui::MessageBox::setAutoAnswer(true);
        QWidget window;
        ui::ArchiveStamping archive(path, lifecycle::Actor::unrestricted(), &window);
        QSignalSpy reminder(&archive, &ui::ArchiveStamping::reminder);
        QSignalSpy status(&archive, &ui::ArchiveStamping::statusMessage);
        archive.checkReminder();
        QVERIFY(reminder.wait(60000));
        QCOMPARE(reminder.last().at(0).toInt(), kSections);
        QCOMPARE(status.size(), 1);
        QVERIFY2(status.last().at(0).toString().contains(QStringLiteral("Extend archive time-stamps")),
                 qPrintable(status.last().at(0).toString()));
        QVERIFY(m_tsa.renewTsaCertificate(1000));
        archive.extend();
        QVERIFY(archive.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!archive.isBusy(), 120000);
        QVERIFY2(archive.lastReportText().contains(QStringLiteral("%1 of %1").arg(kSections)),
                 qPrintable(archive.lastReportText()));
        // It checks again afterwards: nothing is due.
        QTRY_COMPARE_WITH_TIMEOUT(reminder.size(), 2, 60000);
        QCOMPARE(reminder.last().at(0).toInt(), 0);
        ui::MessageBox::setAutoAnswer(false);
    }

    // A signer's certificate revoked after the signature's time-stamp does not stop the archive time-stamp: the answer
    // is judged at the signature's time, and the record becomes LTA with the "revoked later" answer in its /DSS.
    void revokedAfterSigningStillExtends()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        const QString path = signedSchool(server);
        QVERIFY(!path.isEmpty());
        QTest::qWait(1100);
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), QDateTime::currentDateTimeUtc()));
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QVERIFY(m_tsa.renewTsaCertificate(1000));
        lifecycle::HttpTimestamper tsa(quick(server));
        lifecycle::ExtendOptions o;
        o.timestamper = &tsa;
        auto report = lifecycle::extendArchiveTimestamps(**db, lifecycle::Actor::unrestricted(), o);
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), QDateTime())); // valid again for the other tests
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QVERIFY2(report->failed.isEmpty(), qPrintable(report->failed.value(0).message));
        QCOMPARE(report->extended, kSections);
        QCOMPARE(levels(**db), QList<signing::BaselineLevel>(kSections, signing::BaselineLevel::LTA));
    }

    void teacherMayNotExtend()
    {
        auto db = m_school.openCopy();
        QVERIFY(db);
        User teacher;
        teacher.id = 7;
        teacher.login = QStringLiteral("gv.toan");
        teacher.role = Role::SubjectTeacher;
        auto report = lifecycle::extendArchiveTimestamps(*db, lifecycle::Actor::forAccount(teacher, {}), {});
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::PermissionDenied);
    }

    void noTsaConfiguredIsAClearError()
    {
        auto db = m_school.openCopy();
        QVERIFY(db);
        auto report = lifecycle::extendArchiveTimestamps(*db, lifecycle::Actor::unrestricted(), {});
        QVERIFY(!report);
        QVERIFY2(report.error().message.contains(QStringLiteral("No time-stamping server is set")),
                 qPrintable(report.error().message));
    }

    void databaseRefusesARewrittenPdf()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        const QString path = signedSchool(server);
        QVERIFY(!path.isEmpty());
        QString out;
        const QString doc = QStringLiteral("(SELECT min(id) FROM signed_document WHERE pdf IS NOT NULL)");
        // The current PDF with bytes appended: accepted (this is what an extension is).
        QCOMPARE(
            test::runSqlite3(path,
                             QStringLiteral("INSERT INTO signed_document_extension (document_id, pdf, added_at, "
                                            "archive_tsa_not_after) SELECT id, CAST(pdf || X'0A2525454F460A' AS BLOB), "
                                            "'x', "
                                            "'y' FROM signed_document WHERE id = %1;")
                                 .arg(doc),
                             &out),
            0);
        // One byte of the signed part changed, then bytes appended: refused by the trigger.
        const int refused = test::runSqlite3(
            path,
            QStringLiteral(
                "INSERT INTO signed_document_extension (document_id, pdf, added_at, archive_tsa_not_after) "
                "SELECT id, CAST(substr(pdf, 1, 100) || X'20' || substr(pdf, 102) || X'0A0A' AS BLOB), 'x', 'y' FROM "
                "signed_document WHERE id = %1;")
                .arg(doc),
            &out);
        QVERIFY(refused != 0);
        QVERIFY2(out.contains(QStringLiteral("hocba:extension_not_append")), qPrintable(out));
        // The signed PDF instead of the current extension (a rollback), a shorter one, and text: refused.
        for (const QString& pdf : {QStringLiteral("CAST(pdf || X'0A' AS BLOB)"), QStringLiteral("substr(pdf, 1, 1000)"),
                                   QStringLiteral("CAST(pdf AS TEXT) || 'x'")}) {
            QVERIFY(test::runSqlite3(path,
                                     QStringLiteral("INSERT INTO signed_document_extension (document_id, pdf, "
                                                    "added_at, archive_tsa_not_after) SELECT id, %1, 'x', 'y' FROM "
                                                    "signed_document WHERE id = %2;")
                                         .arg(pdf, doc),
                                     &out)
                    != 0);
        }
        // With the trigger dropped the shell can store one: `audit verify` (the school file check) names it.
        QCOMPARE(test::runSqlite3(path,
                                  QStringLiteral("DROP TRIGGER signed_document_extension_appends; INSERT INTO "
                                                 "signed_document_extension (document_id, pdf, added_at, "
                                                 "archive_tsa_not_after) SELECT id, CAST(substr(pdf, 1, 100) || "
                                                 "X'20' || substr(pdf, 102) || X'0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A' AS "
                                                 "BLOB), 'x', 'y' FROM signed_document WHERE id = %1;")
                                      .arg(doc),
                                  &out),
                 0);
        auto r = test::runCliInProcess({"audit", "verify", "--db", path});
        QVERIFY(r.code != 0);
        QVERIFY2(r.out.contains(QStringLiteral("not the PDF before it")), qPrintable(r.out + r.err));
        // No UPDATE, no DELETE.
        QVERIFY(test::runSqlite3(path, QStringLiteral("UPDATE signed_document_extension SET pdf = X'00';"), &out) != 0);
        QVERIFY(test::runSqlite3(path, QStringLiteral("DELETE FROM signed_document_extension;"), &out) != 0);
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT count(*) FROM signed_document_extension")),
                 QStringLiteral("2"));
    }
};

QTEST_MAIN(TestArchiveExtend)
#include "TestArchiveExtend.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The school's side of reporting (issue 12): signing fills the outbox, the upload marks sections submitted only with a
// receipt signed by the pinned Department certificate and for exactly the packet sent, nothing is lost or sent twice
// when the connection drops or the server fails, lock receipts lock, and the lookup reads the public answer.
#include "../signing/TestPki.h"
#include "FakeDepartment.h"
#include "SigningFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/Accounts.h"
#include "lifecycle/Department.h"
#include "lifecycle/RecordDocuments.h"
#include "lifecycle/Session.h"
#include "render/RecordRenderer.h"
#include "store/Database.h"
#include "util/Text.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using lifecycle::Actor;
using lifecycle::OutboxEntry;
using lifecycle::UploadItemResult;

namespace {

constexpr int kSigned = 3;

int count(store::Database& db, const QString& sql)
{
    return test::scalar(db, sql).toInt();
}

int inState(store::Database& db, const QString& state)
{
    return count(db, QStringLiteral("SELECT count(*) FROM year_section WHERE state = '%1'").arg(state));
}

lifecycle::UploadRequest fast(int attempts = 4)
{
    lifecycle::UploadRequest r;
    r.maxAttempts = attempts;
    r.firstBackoffMs = 10;
    return r;
}

} // namespace

class TestDepartment : public QObject
{
    Q_OBJECT
    test::TestPki m_pki;
    test::SchoolTemplate m_template;
    std::unique_ptr<test::FakeDepartment> m_fake;

    /** A copy of the signed school, reporting to this test's fake Department. */
    std::unique_ptr<store::Database> school()
    {
        auto db = m_template.openCopy();
        if (!db)
            return nullptr;
        const auto set = lifecycle::setEndpoint(*db, Actor::unrestricted(), m_fake->baseUrl(),
                                                m_fake->writeCredential(test::FakeDepartment::credential()),
                                                m_fake->certPemPath());
        if (!set) {
            qWarning("endpoint: %s", qPrintable(describe(set.error())));
            return nullptr;
        }
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_template.create(12, 7, m_pki.caDer()));
        auto signer = m_pki.signer(false);
        QVERIFY(test::signFirstSections(m_template.path(), m_template.year, *signer, kSigned));
    }

    void init()
    {
        m_fake = std::make_unique<test::FakeDepartment>();
        QVERIFY(m_fake->start());
    }

    void signingFillsTheOutbox()
    {
        auto db = school();
        QVERIFY(db);
        auto entries = lifecycle::outbox(*db);
        QVERIFY(entries);
        QCOMPARE(entries->size(), kSigned);
        for (const OutboxEntry& e : *entries) {
            QCOMPARE(e.state, OutboxEntry::State::Pending);
            QCOMPARE(e.lookupCode.size(), 32);
            QVERIFY(!e.className.isEmpty());
            QCOMPARE(e.schoolYear, m_template.year.toString());
        }
        // The digest queued is the completing signature's.
        QCOMPARE(count(*db,
                       QStringLiteral("SELECT count(*) FROM department_outbox o JOIN signed_document d ON "
                                      "d.section_id = o.section_id AND d.version = o.version AND d.pdf IS NOT "
                                      "NULL AND d.packet_digest = o.packet_digest")),
                 kSigned);
        auto oneClass = lifecycle::outbox(*db, entries->first().className);
        QVERIFY(oneClass && !oneClass->isEmpty());
        auto none = lifecycle::outbox(*db, QStringLiteral("no-such-class"));
        QVERIFY(none && none->isEmpty());
        // The outbox cannot be emptied behind the program's back.
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM department_outbox")));
    }

    void uploadSubmitsOnceWithTheReceipt()
    {
        auto db = school();
        QVERIFY(db);
        int progressCalls = 0;
        int lastTotal = 0;
        auto report = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast(), nullptr, [&](int, int total) {
            ++progressCalls;
            lastTotal = total;
        });
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QCOMPARE(report->submitted(), kSigned);
        QCOMPARE(progressCalls, kSigned);
        QCOMPARE(lastTotal, kSigned);
        QCOMPARE(inState(*db, QStringLiteral("submitted")), kSigned);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_receipt WHERE kind = 'upload'")), kSigned);
        QCOMPARE(count(*db,
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'section.state' AND "
                                      "new_value = 'submitted'")),
                 kSigned);
        auto entries = lifecycle::outbox(*db);
        QVERIFY(entries);
        for (const OutboxEntry& e : *entries) {
            QCOMPARE(e.state, OutboxEntry::State::Submitted);
            QVERIFY(e.submittedAt.isValid());
            QCOMPARE(e.attempts, 1);
        }
        const QByteArray auth = m_fake->received().first().authorization;
        QCOMPARE(auth, "Bearer " + test::FakeDepartment::credential().toLatin1());
        // The credential is in no audit entry.
        QCOMPARE(count(*db,
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE coalesce(new_value, '') LIKE '%%1%'")
                           .arg(test::FakeDepartment::credential())),
                 0);

        auto again = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast());
        QVERIFY(again);
        QVERIFY(again->items.isEmpty());
        QCOMPARE(m_fake->count(QStringLiteral("POST /api/v1/records")), kSigned);
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM department_receipt")));
        QVERIFY(!db->exec(QStringLiteral("UPDATE department_receipt SET at = ''")));
    }

    void anUploadTheServerAlreadyHasIsMarkedOnce()
    {
        // A crash after the Department stored the records but before the school marked them: the same signed file,
        // sent again, gets the original receipts (200) and is marked once.
        auto first = school();
        QVERIFY(first);
        QVERIFY(lifecycle::uploadOutbox(*first, Actor::unrestricted(), fast()));
        auto second = school();
        QVERIFY(second);
        auto report = lifecycle::uploadOutbox(*second, Actor::unrestricted(), fast());
        QVERIFY(report);
        QCOMPARE(report->items.size(), kSigned);
        for (const auto& item : report->items)
            QCOMPARE(item.outcome, UploadItemResult::Outcome::AlreadyThere);
        QCOMPARE(m_fake->stored(), kSigned);
        QCOMPARE(inState(*second, QStringLiteral("submitted")), kSigned);
        QCOMPARE(count(*second, QStringLiteral("SELECT count(*) FROM department_receipt")), kSigned);
    }

    void aDroppedConnectionLosesNothing_data()
    {
        QTest::addColumn<int>("drop");
        QTest::addColumn<int>("rerunOutcome");
        QTest::newRow("before storing") << int(test::FakeDepartment::Drop::BeforeStoring)
                                        << int(UploadItemResult::Outcome::Submitted);
        QTest::newRow("after storing") << int(test::FakeDepartment::Drop::AfterStoring)
                                       << int(UploadItemResult::Outcome::AlreadyThere);
    }
    void aDroppedConnectionLosesNothing()
    {
        QFETCH(int, drop);
        QFETCH(int, rerunOutcome);
        auto db = school();
        QVERIFY(db);
        m_fake->setDrop(test::FakeDepartment::Drop(drop));
        auto report = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast(2));
        QVERIFY(report);
        QCOMPARE(report->failed(), kSigned);
        QCOMPARE(report->items.first().httpStatus, 0);
        QVERIFY(!report->items.first().message.isEmpty());
        auto entries = lifecycle::outbox(*db);
        QVERIFY(entries);
        for (const OutboxEntry& e : *entries) {
            QCOMPARE(e.state, OutboxEntry::State::Pending);
            QCOMPARE(e.attempts, 2);
            QVERIFY(!e.lastError.isEmpty());
        }
        QCOMPARE(inState(*db, QStringLiteral("signed")), kSigned);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_receipt")), 0);

        m_fake->setDrop(test::FakeDepartment::Drop::None);
        auto rerun = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast(1));
        QVERIFY(rerun);
        QCOMPARE(rerun->items.size(), kSigned);
        for (const auto& item : rerun->items)
            QCOMPARE(int(item.outcome), rerunOutcome);
        QCOMPARE(m_fake->stored(), kSigned);
        QCOMPARE(inState(*db, QStringLiteral("submitted")), kSigned);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_receipt")), kSigned);
        auto third = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast(1));
        QVERIFY(third && third->items.isEmpty());
    }

    void serverErrorsAreRetried()
    {
        auto db = school();
        QVERIFY(db);
        m_fake->script(QStringLiteral("POST /api/v1/records"), {{500, {}}, {500, {}}});
        auto report = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast());
        QVERIFY(report);
        QCOMPARE(report->submitted(), kSigned);
        QCOMPARE(m_fake->count(QStringLiteral("POST /api/v1/records")), kSigned + 2);
        auto entries = lifecycle::outbox(*db);
        QVERIFY(entries);
        QCOMPARE(count(*db, QStringLiteral("SELECT max(attempts) FROM department_outbox")), 3);
    }

    void aRateLimitWaitsAsTheServerAsks()
    {
        auto db = school();
        QVERIFY(db);
        m_fake->script(QStringLiteral("POST /api/v1/records"),
                       {{429, QByteArrayLiteral(R"({"error":"rate_limited","message":"Chậm lại."})"), false, 1}});
        QElapsedTimer timer;
        timer.start();
        auto report = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast());
        QVERIFY(report);
        QCOMPARE(report->submitted(), kSigned);
        QVERIFY2(timer.elapsed() >= 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_fake->count(QStringLiteral("POST /api/v1/records")), kSigned + 1);
    }

    void refusalsStayPendingWithTheServersMessage_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("409") << 409 << QStringLiteral("window_closed");
        QTest::newRow("422") << 422 << QStringLiteral("invalid_packet");
        // The Department's policy demands time-stamps (docs/api.md "Department policy"): a refusal like the others.
        QTest::newRow("422 policy") << 422 << QStringLiteral("level_required");
    }
    void refusalsStayPendingWithTheServersMessage()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        auto db = school();
        QVERIFY(db);
        const QString message = QStringLiteral("Đợt nộp của năm học này đã đóng.");
        const QByteArray body
            = QJsonDocument(QJsonObject {{QStringLiteral("error"), code}, {QStringLiteral("message"), message}})
                  .toJson();
        m_fake->script(QStringLiteral("POST /api/v1/records"), {{status, body}});
        auto report = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast());
        QVERIFY(report);
        QCOMPARE(report->refused(), 1);
        const UploadItemResult& item = report->items.first();
        QCOMPARE(item.httpStatus, status);
        QCOMPARE(item.errorCode, code);
        QCOMPARE(item.message, message);
        // Not retried: the Department said no.
        QCOMPARE(m_fake->count(QStringLiteral("POST /api/v1/records")), kSigned);
        auto entries = lifecycle::outbox(*db);
        QVERIFY(entries);
        QCOMPARE(entries->first().state, OutboxEntry::State::Pending);
        QCOMPARE(entries->first().lastError, message);
    }

    void aReceiptFromAnotherKeyMarksNothing()
    {
        auto db = school();
        QVERIFY(db);
        QVERIFY(m_fake->signWithImpostor());
        auto report = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast());
        QVERIFY(report);
        QCOMPARE(report->refused(), kSigned);
        QCOMPARE(report->items.first().errorCode, QStringLiteral("bad_receipt"));
        QVERIFY(!report->items.first().message.isEmpty());
        QCOMPARE(inState(*db, QStringLiteral("signed")), kSigned);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_receipt")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_outbox WHERE state = 'pending'")), kSigned);
    }

    void aReceiptForAnotherDigestMarksNothing()
    {
        auto db = school();
        QVERIFY(db);
        m_fake->setReceiptDigestOverride(QString(43, QLatin1Char('A')));
        auto report = lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast());
        QVERIFY(report);
        QCOMPARE(report->refused(), kSigned);
        QCOMPARE(inState(*db, QStringLiteral("signed")), kSigned);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_receipt")), 0);
    }

    void lockReceiptsLockWithTheEffectiveDate()
    {
        auto db = school();
        QVERIFY(db);
        QVERIFY(lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast()));
        const QDateTime at(QDate(2026, 6, 30), QTime(16, 59, 59), Qt::UTC);
        m_fake->lockAll(at);
        m_fake->setPageSize(2);
        auto report = lifecycle::fetchReceipts(*db, Actor::unrestricted());
        QVERIFY2(report, report ? "" : qPrintable(describe(report.error())));
        QCOMPARE(report->fetched, kSigned);
        QCOMPARE(report->locked, kSigned);
        QCOMPARE(report->rejected, 0);
        QCOMPARE(m_fake->count(QStringLiteral("GET /api/v1/receipts")), 2);
        QCOMPARE(inState(*db, QStringLiteral("locked")), kSigned);
        auto entries = lifecycle::outbox(*db);
        QVERIFY(entries);
        for (const OutboxEntry& e : *entries) {
            QCOMPARE(e.state, OutboxEntry::State::Locked);
            QCOMPARE(e.lockedAt, at);
        }
        QCOMPARE(count(*db,
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'section.state' AND "
                                      "new_value = 'locked'")),
                 kSigned);
        QCOMPARE(count(*db,
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'department.receipt' AND "
                                      "field = 'lock'")),
                 kSigned);
        auto again = lifecycle::fetchReceipts(*db, Actor::unrestricted());
        QVERIFY(again);
        QCOMPARE(again->locked, 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM department_receipt WHERE kind = 'lock'")), kSigned);

        // A school file that never saw its upload receipts (same signed records) goes signed → submitted → locked.
        auto other = school();
        QVERIFY(other);
        auto fromSigned = lifecycle::fetchReceipts(*other, Actor::unrestricted());
        QVERIFY(fromSigned);
        QCOMPARE(fromSigned->locked, kSigned);
        QCOMPARE(inState(*other, QStringLiteral("locked")), kSigned);
    }

    /**
     * A copy printed after the lock says so under the year, with the effective date of the stored lock receipt, checked
     * again at printing: a receipt edited behind the program's back prints no lock at all.
     */
    void aCopyPrintedAfterTheLockSaysSo()
    {
        auto db = school();
        QVERIFY(db);
        QVERIFY(lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast()));
        // 30/06 16:59:59 UTC is the last second of 30/06 in Vietnam.
        m_fake->lockAll(QDateTime(QDate(2026, 6, 30), QTime(16, 59, 59), Qt::UTC));
        QVERIFY(lifecycle::fetchReceipts(*db, Actor::unrestricted()));
        const qint64 section = count(*db,
                                     QStringLiteral("SELECT min(section_id) FROM department_receipt "
                                                    "WHERE kind = 'lock'"));
        auto record = lifecycle::recordOfSection(*db, section);
        QVERIFY(record);
        auto input = lifecycle::renderInputForRecord(*db, *record);
        QVERIFY2(input, input ? "" : qPrintable(describe(input.error())));
        QCOMPARE(input->lockedAt.size(), input->years.size());
        QCOMPARE(input->lockedAt.last(), QDateTime(QDate(2026, 6, 30), QTime(16, 59, 59), Qt::UTC));
        auto pdf = render::renderRecordPdf(*input);
        QVERIFY(pdf);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("copy.pdf"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(*pdf) == pdf->size());
        out.close();
        const QString text
            = test::runTool(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), path, QStringLiteral("-")}).output;
        QVERIFY2(text.contains(QStringLiteral("khoá sổ, có hiệu lực từ ngày 30/06/2026")), qPrintable(text.right(400)));

        // The stored receipt's date changed with the sqlite3 shell (its append-only trigger dropped first).
        db.reset();
        auto forged = school();
        QVERIFY(forged);
        QVERIFY(lifecycle::uploadOutbox(*forged, Actor::unrestricted(), fast()));
        QVERIFY(lifecycle::fetchReceipts(*forged, Actor::unrestricted()));
        const QString forgedPath = forged->path();
        forged.reset();
        QCOMPARE(test::runSqlite3(forgedPath,
                                  QStringLiteral("DROP TRIGGER department_receipt_no_update; UPDATE department_receipt "
                                                 "SET canonical = CAST(replace(CAST(canonical AS TEXT), '2026-06-30', "
                                                 "'2026-05-31') AS BLOB) WHERE kind = 'lock';")),
                 0);
        auto reopened = test::openTestDatabase(forgedPath);
        QVERIFY(reopened);
        auto forgedInput = lifecycle::renderInputForRecord(*reopened, *record);
        QVERIFY(forgedInput);
        QVERIFY(!forgedInput->lockedAt.last().isValid());
    }

    void lockReceiptsFromAnotherKeyAreRejected()
    {
        auto db = school();
        QVERIFY(db);
        QVERIFY(lifecycle::uploadOutbox(*db, Actor::unrestricted(), fast()));
        QVERIFY(m_fake->signWithImpostor());
        m_fake->lockAll(QDateTime::currentDateTimeUtc());
        auto report = lifecycle::fetchReceipts(*db, Actor::unrestricted());
        QVERIFY(report);
        QCOMPARE(report->rejected, kSigned);
        QCOMPARE(report->locked, 0);
        QCOMPARE(inState(*db, QStringLiteral("submitted")), kSigned);
    }

    void lookupReadsTheAnswer()
    {
        const QString code = QStringLiteral("0123456789abcdef0123456789abcdef");
        m_fake->setLookup(code,
                          QByteArrayLiteral(R"({"lookup_code":"0123456789abcdef0123456789abcdef","state":"locked",)"
                                            R"("version":2,"school":{"code":"01000999","name":"Trường THCS Thử"},)"
                                            R"("window":"2025-2026-06","received_at":"2026-06-20T03:04:05Z",)"
                                            R"("locked_at":"2026-06-30T16:59:59Z","content":{"class":"6A1"}})"));
        auto answer = lifecycle::lookupCode(m_fake->baseUrl(), code);
        QVERIFY2(answer, answer ? "" : qPrintable(describe(answer.error())));
        QCOMPARE(answer->state, QStringLiteral("locked"));
        QCOMPARE(answer->version, 2);
        QCOMPARE(answer->schoolName, QStringLiteral("Trường THCS Thử"));
        QCOMPARE(answer->receivedAt, QDateTime(QDate(2026, 6, 20), QTime(3, 4, 5), Qt::UTC));
        QCOMPARE(answer->lockedAt, QDateTime(QDate(2026, 6, 30), QTime(16, 59, 59), Qt::UTC));
        QCOMPARE(answer->contentJson, QByteArrayLiteral(R"({"class":"6A1"})"));
        QVERIFY(m_fake->received().last().authorization.isEmpty());

        auto unknown = lifecycle::lookupCode(m_fake->baseUrl(), QString(32, QLatin1Char('f')));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
        const int asked = int(m_fake->received().size());
        auto malformed = lifecycle::lookupCode(m_fake->baseUrl(), QStringLiteral("0123"));
        QVERIFY(!malformed);
        QCOMPARE(malformed.error().code, ErrorCode::InvalidInput);
        QCOMPARE(int(m_fake->received().size()), asked);
    }

    void lookupCodeFromText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        const QString code = QStringLiteral("0123456789abcdef0123456789abcdef");
        QTest::newRow("bare") << code << code;
        QTest::newRow("upper, spaces") << QStringLiteral("  0123 4567 89AB CDEF 0123 4567 89ab cdef ") << code;
        QTest::newRow("dashes") << QStringLiteral("01234567-89ab-cdef-0123-456789abcdef") << code;
        QTest::newRow("qr") << QStringLiteral("https://tracuu.example.vn/hocba?ma=%1&nam=2025&v=1&h=abc").arg(code)
                            << code;
        QTest::newRow("page link") << QStringLiteral("https://tracuu.example.vn/tra-cuu/%1").arg(code) << code;
        QTest::newRow("link without scheme") << QStringLiteral("tracuu.example.vn/tra-cuu/%1").arg(code) << code;
        QTest::newRow("qr without scheme") << QStringLiteral("tracuu.example.vn/?ma=%1&nam=2025").arg(code) << code;
        QTest::newRow("short") << QStringLiteral("0123456789abcdef") << QString();
        QTest::newRow("not hex") << QStringLiteral("0123456789abcdef0123456789abcdeg") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("qr without code") << QStringLiteral("https://tracuu.example.vn/hocba?nam=2025") << QString();
    }
    void lookupCodeFromText()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QCOMPARE(lifecycle::lookupCodeFromText(text), code);
    }

    /** A printed QR code's link keeps its paper copy; a link with a part that is not as printed keeps only the code. */
    void lookupLinkKeepsThePaperCopy()
    {
        const QString code = QStringLiteral("0123456789abcdef0123456789abcdef");
        const QString digest = QStringLiteral("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde");
        QCOMPARE(digest.size(), 43);
        const lifecycle::LookupLink qr = lifecycle::lookupLinkFromText(
            QStringLiteral("https://tracuu.example.vn/?ma=%1&nam=2025&v=2&h=%2").arg(code, digest));
        QCOMPARE(qr.code, code);
        QCOMPARE(qr.paper.schoolYearStart, 2025);
        QCOMPARE(qr.paper.version, 2);
        QCOMPARE(qr.paper.digest, digest);
        const lifecycle::LookupLink page = lifecycle::lookupLinkFromText(
            QStringLiteral("tracuu.example.vn/tra-cuu/%1?nam=2025&v=1&h=%2").arg(code, digest));
        QCOMPARE(page.code, code);
        QCOMPARE(page.paper.version, 1);
        QCOMPARE(page.paper.digest, digest);
        // No version: still a paper copy to check; a bad version is left out, not guessed.
        QCOMPARE(lifecycle::lookupLinkFromText(
                     QStringLiteral("https://x.vn/tra-cuu?ma=%1&nam=2025&v=abc&h=%2").arg(code, digest))
                     .paper.version,
                 0);
        for (const QString& bad : {QStringLiteral("https://x.vn/?ma=%1&nam=2025&h=short").arg(code),
                                   QStringLiteral("https://x.vn/?ma=%1&nam=25&h=%2").arg(code, digest),
                                   QStringLiteral("https://x.vn/?ma=%1&h=%2").arg(code, digest),
                                   QStringLiteral("https://x.vn/?ma=%1&nam=2025&h=%2%3").arg(code, digest, digest)}) {
            const lifecycle::LookupLink link = lifecycle::lookupLinkFromText(bad);
            QCOMPARE(link.code, code);
            QVERIFY2(link.paper.digest.isEmpty(), qPrintable(bad));
        }
        QVERIFY(lifecycle::lookupLinkFromText(code).paper.digest.isEmpty());
        QVERIFY(lifecycle::lookupLinkFromText(QStringLiteral("https://x.vn/?nam=2025&h=%1").arg(digest))
                    .paper.digest.isEmpty()); // no code, no paper copy
    }

    /** The lookup sends the paper copy and reads the versions, the revocation, the transfers and the check. */
    void lookupReadsHistoryAndCheck()
    {
        const QString code = QStringLiteral("0123456789abcdef0123456789abcdef");
        const QString digest = QStringLiteral("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde");
        m_fake->setLookup(
            code,
            QStringLiteral(
                R"({"lookup_code":"%1","state":"revoked","version":2,"school":{"name":"Trường THCS Mới"},)"
                R"("received_at":"2026-06-10T03:00:00Z","revoked_at":"2026-06-20T03:00:00Z",)"
                R"("years":[{"school_year":"2025-2026","state":"revoked","version":2,)"
                R"("received_at":"2026-06-10T03:00:00Z","revoked_at":"2026-06-20T03:00:00Z","versions":[)"
                R"({"version":1,"received_at":"2026-05-01T03:00:00Z","replaced_at":"2026-06-10T03:00:00Z"},)"
                R"({"version":2,"received_at":"2026-06-10T03:00:00Z","replaced_at":null}]}],)"
                R"("transfers":[{"from_school":"Trường THCS Cũ","to_school":"Trường THCS Mới","date":"2026-06-15",)"
                R"("received_at":"2026-06-16T03:00:00Z"}],)"
                R"("checked":{"school_year":"2025-2026","version":1,"matches":true,"current":false,)"
                R"("current_version":2,"replaced_at":"2026-06-10T03:00:00Z","revoked_at":"2026-06-20T03:00:00Z"}})")
                .arg(code)
                .toUtf8());
        auto answer = lifecycle::lookupCode(m_fake->baseUrl(), code, {2025, 1, digest});
        QVERIFY2(answer, answer ? "" : qPrintable(describe(answer.error())));
        const QString asked = m_fake->received().last().path;
        QVERIFY2(asked.contains(QStringLiteral("nam=2025")) && asked.contains(QStringLiteral("v=1"))
                     && asked.contains(QStringLiteral("h=") + digest),
                 qPrintable(asked));
        QCOMPARE(answer->revokedAt, QDateTime(QDate(2026, 6, 20), QTime(3, 0), Qt::UTC));
        QCOMPARE(answer->years.size(), 1);
        QCOMPARE(answer->years.first().versions.size(), 2);
        QCOMPARE(answer->years.first().versions.first().replacedAt,
                 QDateTime(QDate(2026, 6, 10), QTime(3, 0), Qt::UTC));
        QVERIFY(!answer->years.first().versions.last().replacedAt.isValid());
        QCOMPARE(answer->transfers.size(), 1);
        QCOMPARE(answer->transfers.first().date, QDate(2026, 6, 15));
        QVERIFY(answer->checked && answer->checked->matches && !answer->checked->current);

        const auto day
            = [](int m, int d) { return text::shownDate(QDateTime(QDate(2026, m, d), QTime(3, 0), Qt::UTC)); };
        QStringList rows;
        for (const auto& [term, value] : lifecycle::lookupHistoryRows(*answer))
            rows << term + QStringLiteral(": ") + value;
        QVERIFY2(rows.contains(QStringLiteral("School year 2025-2026: Revoked on %1").arg(day(6, 20))),
                 qPrintable(rows.join(u'\n')));
        QVERIFY(rows.contains(QStringLiteral("School year 2025-2026: Version 1 — replaced on %1").arg(day(6, 10))));
        QVERIFY(rows.contains(
            QStringLiteral("Transfer: Transferred from Trường THCS Cũ to Trường THCS Mới on 15/06/2026")));
        QVERIFY(lifecycle::paperCheckSentence(*answer->checked)
                    .startsWith(QStringLiteral("This paper copy is version 1; the school revoked")));
        lifecycle::LookupCheck check = *answer->checked;
        check.revokedAt = {};
        QCOMPARE(lifecycle::paperCheckSentence(check),
                 QStringLiteral("This paper copy is version 1, replaced by version 2 on %1; use the new copy.")
                     .arg(day(6, 10)));
        check.matches = false;
        QVERIFY(lifecycle::paperCheckSentence(check).startsWith(QStringLiteral("No version matches this paper copy")));
        check = {QStringLiteral("2025-2026"), 2, true, true, 2, {}, {}};
        QCOMPARE(lifecycle::paperCheckSentence(check), QStringLiteral("This paper copy matches the current version."));

        // Without a paper copy nothing is sent but the code.
        QVERIFY(lifecycle::lookupCode(m_fake->baseUrl(), code));
        QVERIFY(!m_fake->received().last().path.contains(u'?'));
    }

    void endpointRefusesUnsafeSettings()
    {
        auto db = m_template.openCopy();
        QVERIFY(db);
        const QString credential = m_fake->writeCredential(test::FakeDepartment::credential());
        auto plain = lifecycle::setEndpoint(*db, Actor::unrestricted(), QStringLiteral("http://sogd.example.vn"),
                                            credential, m_fake->certPemPath());
        QVERIFY(!plain);
        QCOMPARE(plain.error().code, ErrorCode::InvalidInput);
        for (const QString& ok : {QStringLiteral("http://localhost:8080"), QStringLiteral("http://127.0.0.2"),
                                  QStringLiteral("http://[::1]:8443"), QStringLiteral("https://sogd.example.vn/")})
            QVERIFY2(lifecycle::setEndpoint(*db, Actor::unrestricted(), ok, credential, m_fake->certPemPath()),
                     qPrintable(ok));
        auto settings = lifecycle::endpointSettings(*db);
        QVERIFY(settings && *settings);
        QCOMPARE((*settings)->url, QStringLiteral("https://sogd.example.vn"));
        QCOMPARE((*settings)->departmentCertDer, m_fake->certDer());
        QCOMPARE((*settings)->departmentName, QStringLiteral("Sở GDĐT Thử"));

        const QString bad = m_fake->writeCredential(QStringLiteral("not-a-credential"));
        auto badCredential = lifecycle::setEndpoint(*db, Actor::unrestricted(), QStringLiteral("https://x.vn"), bad,
                                                    m_fake->certPemPath());
        QVERIFY(!badCredential);
        QCOMPARE(badCredential.error().code, ErrorCode::InvalidInput);
        QVERIFY(!badCredential.error().message.contains(QStringLiteral("not-a-credential")));
        auto badCert = lifecycle::setEndpoint(*db, Actor::unrestricted(), QStringLiteral("https://x.vn"), credential,
                                              credential);
        QVERIFY(!badCert);
        QCOMPARE(lifecycle::endpointSettings(*db).value()->url, QStringLiteral("https://sogd.example.vn"));
        QCOMPARE(count(*db,
                       QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'department.endpoint' AND "
                                      "new_value LIKE '%aaaa%'")),
                 0);
    }

    void aSubjectTeacherCannotUpload()
    {
        QString path;
        {
            auto db = school();
            QVERIFY(db);
            path = db->path();
            const QByteArray password = QByteArrayLiteral("mat-khau-chung-1");
            const auto cost = lifecycle::Accounts::HashCost::Minimum;
            QVERIFY(lifecycle::Accounts::add(*db, Actor::unrestricted(), QStringLiteral("quan.tri"),
                                             QStringLiteral("Quản trị"), Role::Admin, password, cost));
            auto admin = lifecycle::logIn(*db, QStringLiteral("quan.tri"), password);
            QVERIFY(admin);
            QVERIFY(lifecycle::Accounts::add(*db, *admin, QStringLiteral("gv.toan"), QStringLiteral("GV Toán"),
                                             Role::SubjectTeacher, password, cost));
            QVERIFY(lifecycle::Accounts::add(*db, *admin, QStringLiteral("van.thu"), QStringLiteral("Văn thư"),
                                             Role::Clerk, password, cost));
        }
        const QByteArray before = test::fileDigest(path);
        {
            auto db = store::Database::openExisting(path);
            QVERIFY(db);
            auto teacher = lifecycle::logIn(**db, QStringLiteral("gv.toan"), QByteArrayLiteral("mat-khau-chung-1"));
            QVERIFY(teacher);
            auto refused = lifecycle::uploadOutbox(**db, *teacher, fast());
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
            auto receipts = lifecycle::fetchReceipts(**db, *teacher);
            QVERIFY(!receipts);
            QCOMPARE(receipts.error().code, ErrorCode::PermissionDenied);
        }
        QCOMPARE(test::fileDigest(path), before);
        QCOMPARE(m_fake->received().size(), 0);
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        auto clerk = lifecycle::logIn(**db, QStringLiteral("van.thu"), QByteArrayLiteral("mat-khau-chung-1"));
        QVERIFY(clerk);
        auto report = lifecycle::uploadOutbox(**db, *clerk, fast());
        QVERIFY(report);
        QCOMPARE(report->submitted(), kSigned);
    }
};

QTEST_MAIN(TestDepartment) // signing renders the book: fonts need a QGuiApplication
#include "TestDepartment.moc"

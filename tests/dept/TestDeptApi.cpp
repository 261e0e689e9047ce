// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 12: the Department API v1 (docs/api.md) in process, through DeptApi::handle, on a real SQLite store, with
// packets and PDFs signed by a demo school; and its lookup view, lookup page and rate limiter as units.
#include "../packet/SamplePacket.h"
#include "../signing/TestPki.h"
#include "SigningFixture.h"

#include "dept/DataFolder.h"
#include "dept/DeptApi.h"
#include "dept/LookupPage.h"
#include "dept/LookupView.h"
#include "dept/RateLimiter.h"
#include "domain/PrintedText.h"
#include "lifecycle/SignedDocuments.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "util/Translations.h"
#include "verify/Receipt.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <QTranslator>

#include "packet/SignedRequest.h"
#include "token/XmlSigner.h"
#include "verify/RequestVerifier.h"
#include <thread>
#include <vector>

using namespace hocba;
using namespace hocba::dept;

namespace {

/** One signed year section as the school uploads it. */
struct SignedRecord
{
    QByteArray packet;
    QByteArray pdf;
    packet::Packet parsed;
};

/** A Department set up for one test: its data folder and store, the school, a second school and the API. */
struct Department
{
    QTemporaryDir dir;
    DataFolder folder;
    std::unique_ptr<DeptStore> store;
    std::unique_ptr<DeptSession> admin;
    std::unique_ptr<DeptApi> api;
    dept::School school;
    dept::School otherSchool;
    QString token;
    QString otherToken;
    Window window;
    QByteArray certificateDer;
};

constexpr char kHostileSchoolName[] = "Trường THCS <script>alert(1)</script> & \"Đống Đa\"";

QJsonObject jsonOf(const ApiResponse& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray header(const ApiResponse& r, const QByteArray& name)
{
    for (const auto& [k, v] : r.headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

QByteArray uploadBody(const QByteArray& packet, const QByteArray& pdf)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("packet"), QString::fromLatin1(packet.toBase64())},
                                      {QStringLiteral("pdf"), QString::fromLatin1(pdf.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

ApiRequest get(const QString& path, const QList<QPair<QString, QString>>& query = {}, const QString& token = {})
{
    ApiRequest r;
    r.method = "GET";
    r.path = path;
    r.query = query;
    if (!token.isEmpty())
        r.authorization = "Bearer " + token.toLatin1();
    r.peer = QHostAddress(QStringLiteral("192.0.2.10"));
    return r;
}

ApiRequest submitRequest(const QString& token, const QByteArray& body)
{
    ApiRequest r = get(QStringLiteral("/api/v1/records"), {}, token);
    r.method = "POST";
    r.contentType = "application/json";
    r.body = body;
    return r;
}

ApiRequest submitRequest(const QString& token, const SignedRecord& record)
{
    return submitRequest(token, uploadBody(record.packet, record.pdf));
}

#define EXPECT_ERROR(response, httpStatus, errorCode)                                                                  \
    do {                                                                                                               \
        const ApiResponse& r_ = (response);                                                                            \
        QVERIFY2(r_.status == (httpStatus), r_.body.constData());                                                      \
        QCOMPARE(jsonOf(r_).value(QStringLiteral("error")).toString(), QStringLiteral(errorCode));                     \
        QVERIFY(!jsonOf(r_).value(QStringLiteral("message")).toString().isEmpty());                                    \
    } while (false)

} // namespace

class TestDeptApi : public QObject
{
    Q_OBJECT

    test::TestPki m_pki;
    test::SchoolTemplate m_school;
    QList<SignedRecord> m_records; ///< three sections of the school, signed in one copy of its file
    SignedRecord m_resigned; ///< the first section signed again in another copy: same code and version, new digest

    bool signCopy(int count, QList<SignedRecord>& out);
    static bool signCopy(test::SchoolTemplate& from, const test::TestPki& pki, int count, QList<SignedRecord>& out);
    std::unique_ptr<Department> department(const QByteArray& anchorDer, const ApiLimits& limits = {});

private Q_SLOTS:
    void initTestCase();

    // units without a store
    void rateLimiterTakesBurstThenRate();
    void rateLimiterStaysBounded();
    void lookupViewLeavesIdentifiersOut();
    void lookupViewOfAPrimaryRecord();
    void lookupPageEscapesAndSpeaksVietnamese();

    // through handle() on a real store
    void submitThenSameAgain();
    void credentialsAreChecked();
    void otherSchoolsPacketIsRefused();
    void tamperedPacketIsRefused();
    void untrustedCaIsRefused();
    void pdfOfAnotherPacketIsRefused();
    void versionNotNewerIsRefused();
    void noWindowIsRefused();
    void lockAtTheDeadline();
    void revokeAndTransferRoutes();
    void transferFromAnotherProvinceBringsHistory();
    void bodyChecks();
    void badQueriesAndCodes();
    void lookupsAreRateLimited();
    void lookupShowsContentWithoutIdentifiers();
    void lookupOfARecordWithTwoYears();
    void lookupPageNoticesAndTransfers();
    void lookupListsVersionsAndChecksPaperCopies();
    void workerThreadsShareTheApi();
};

bool TestDeptApi::signCopy(int count, QList<SignedRecord>& out)
{
    return signCopy(m_school, m_pki, count, out);
}

bool TestDeptApi::signCopy(test::SchoolTemplate& from, const test::TestPki& pki, int count, QList<SignedRecord>& out)
{
    auto db = store::Database::openOrCreate(from.copyPath());
    if (!db || !test::confirmAcknowledged(**db, from.year))
        return false;
    const QList<Id> ready = test::readySections(**db, from.year).mid(0, count);
    auto signer = pki.signer(false);
    auto report = test::signBatch(**db, *signer, ready);
    if (!report || ready.size() != count)
        return false;
    for (Id id : ready) {
        auto doc = lifecycle::SignedDocuments(**db).completed(id, 1);
        if (!doc || !*doc || (*doc)->pdf.isEmpty())
            return false;
        auto parsed = packet::readPacket((*doc)->packetXml);
        if (!parsed)
            return false;
        out.append({(*doc)->packetXml, (*doc)->pdf, *parsed});
    }
    return true;
}

void TestDeptApi::initTestCase()
{
    installTranslations(*QCoreApplication::instance(), QStringLiteral("vi"));
    QVERIFY(m_pki.create());
    QVERIFY(m_school.create(6, 12, m_pki.caDer()));
    QVERIFY(signCopy(3, m_records));
    // The signing time is in whole seconds: the second copy signs in a later one, so its packet differs.
    const qint64 signedAt = QDateTime::currentSecsSinceEpoch();
    while (QDateTime::currentSecsSinceEpoch() == signedAt)
        QThread::msleep(50);
    QList<SignedRecord> again;
    QVERIFY(signCopy(1, again));
    m_resigned = again.first();
    QCOMPARE(m_resigned.parsed.lookupCode, m_records.first().parsed.lookupCode);
    QVERIFY(m_resigned.packet != m_records.first().packet);
    // What the lookup must never show is really in the packets.
    QVERIFY(!m_records.first().parsed.student.personalId.isEmpty());
    QVERIFY(!m_records.first().parsed.student.moetCode.isEmpty());
}

std::unique_ptr<Department> TestDeptApi::department(const QByteArray& anchorDer, const ApiLimits& limits)
{
    auto d = std::make_unique<Department>();
    auto folder = DataFolder::init(d->dir.filePath(QStringLiteral("dept")), QStringLiteral("Sở GDĐT Hà Nội"));
    if (!folder)
        return nullptr;
    d->folder = *folder;
    auto store = DeptStore::open(d->folder.databasePath());
    auto signer = d->folder.receiptSigner();
    if (!store || !signer)
        return nullptr;
    d->store = std::move(*store);
    auto admin = d->store->openSession();
    if (!admin)
        return nullptr;
    d->admin = std::move(*admin);
    const QString code = m_records.first().parsed.school.moetCode;
    auto school = d->admin->addSchool(code, QString::fromUtf8(kHostileSchoolName));
    auto other = d->admin->addSchool(QStringLiteral("01999999"), QStringLiteral("Trường THCS Khác"));
    if (!school || !other)
        return nullptr;
    d->school = *school;
    d->otherSchool = *other;
    d->token = newCredentialToken();
    d->otherToken = newCredentialToken();
    d->window = Window {m_school.year.toString() + QStringLiteral("-06"),
                        m_school.year.startYear,
                        false,
                        QDate::currentDate().addDays(30),
                        WindowState::Open,
                        {}};
    if (!d->admin->addCredential(d->school.id, credentialDigest(d->token))
        || !d->admin->addCredential(d->otherSchool.id, credentialDigest(d->otherToken))
        || !d->admin->addTrustAnchor(anchorDer, QStringLiteral("CA")) || !d->admin->addWindow(d->window))
        return nullptr;
    QFile cert(d->folder.certificatePath());
    if (!cert.open(QIODevice::ReadOnly))
        return nullptr;
    d->certificateDer = QSslCertificate(cert.readAll(), QSsl::Pem).toDer();
    d->api = std::make_unique<DeptApi>(*d->store, QStringLiteral("Sở GDĐT Hà Nội"), *signer, limits);
    return d;
}

void TestDeptApi::rateLimiterTakesBurstThenRate()
{
    RateLimiter limiter(2, 3);
    const auto t0 = RateLimiter::Clock::now();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limiter.take(QStringLiteral("a"), t0), 0);
    QCOMPARE(limiter.take(QStringLiteral("a"), t0), 1); // half a second to the next token: rounded up
    QCOMPARE(limiter.take(QStringLiteral("b"), t0), 0); // another key has its own bucket
    QCOMPARE(limiter.take(QStringLiteral("a"), t0 + std::chrono::milliseconds(600)), 0);
    QVERIFY(limiter.take(QStringLiteral("a"), t0 + std::chrono::milliseconds(600)) > 0);
    RateLimiter slow(0.1, 1);
    QCOMPARE(slow.take(QStringLiteral("a"), t0), 0);
    QCOMPARE(slow.take(QStringLiteral("a"), t0), 10);
}

void TestDeptApi::rateLimiterStaysBounded()
{
    RateLimiter limiter(1, 2, 100);
    const auto t0 = RateLimiter::Clock::now();
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(limiter.take(QString::number(i), t0), 0);
    QVERIFY(limiter.size() <= 100);
    // Refilled buckets make room first; a bucket still limiting survives a sweep of idle ones.
    RateLimiter refill(1, 1, 3);
    QCOMPARE(refill.take(QStringLiteral("idle1"), t0), 0);
    QCOMPARE(refill.take(QStringLiteral("idle2"), t0), 0);
    const auto later = t0 + std::chrono::seconds(5);
    QCOMPARE(refill.take(QStringLiteral("busy"), later), 0);
    QCOMPARE(refill.take(QStringLiteral("new"), later), 0);
    QCOMPARE(refill.size(), qsizetype(2));
    QVERIFY(refill.take(QStringLiteral("busy"), later) > 0);
}

void TestDeptApi::lookupViewLeavesIdentifiersOut()
{
    packet::Packet p = test::samplePacket();
    p.student.personalId = QStringLiteral("001212345678");
    p.student.moetCode = QStringLiteral("7912345678");
    p.student.address = QStringLiteral("12 Phố Huế");
    p.student.fatherName = QStringLiteral("Lê Văn Cha");
    p.student.motherName = QStringLiteral("Trần Thị Mẹ");
    p.results->thcsOutcome.subjects.first().retestScore.reset();
    p.results->thcsOutcome.subjects.first().yearAverage = 79;
    p.results->thcsOutcome.conductYear = ThcsLevel::Good;
    const QByteArray json = lookupContentJson(p);
    for (const QString& secret : {p.student.personalId, p.student.moetCode, p.student.ethnicity, p.student.address,
                                  p.student.fatherName, p.student.motherName})
        QVERIFY2(!json.contains(secret.toUtf8()), qPrintable(secret));
    const QJsonObject c = QJsonDocument::fromJson(json).object();
    QCOMPARE(c.value(QStringLiteral("student_name")).toString(), p.student.fullName);
    QCOMPARE(c.value(QStringLiteral("birth_date")).toString(), QStringLiteral("31/01/2012"));
    QCOMPARE(c.value(QStringLiteral("school_year")).toString(), QStringLiteral("2025-2026"));
    QCOMPARE(c.value(QStringLiteral("grade")).toInt(), 7);
    QCOMPARE(c.value(QStringLiteral("class")).toString(), QStringLiteral("7A2"));
    const QJsonObject toan = c.value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(toan.value(QStringLiteral("subject")).toString(), QStringLiteral("Toán"));
    QCOMPARE(toan.value(QStringLiteral("score")).toString(), QStringLiteral("7,9")); // decimal comma
    QCOMPARE(toan.value(QStringLiteral("comment")).toString(), p.inputs.subjects.first().hk1.comment.value());
    QCOMPARE(c.value(QStringLiteral("conduct")).toString(), QStringLiteral("Tốt"));
    const QJsonObject outcome = c.value(QStringLiteral("outcome")).toObject();
    QCOMPARE(outcome.value(QStringLiteral("learning")).toString(), QStringLiteral("Khá"));
    QCOMPARE(outcome.value(QStringLiteral("promotion")).toString(), QStringLiteral("Được lên lớp 8"));
    QVERIFY(!c.contains(QStringLiteral("qualities"))); // a TT22 record has none
}

void TestDeptApi::lookupViewOfAPrimaryRecord()
{
    packet::Packet p = test::samplePacket();
    p.level = SchoolLevel::Primary;
    p.grade = 3;
    p.inputs = {};
    p.inputs.grade = 3;
    SubjectEntry tiengViet;
    tiengViet.code = QStringLiteral("tieng_viet");
    tiengViet.level = QStringLiteral("t");
    tiengViet.score = QStringLiteral("9.5");
    SubjectEntry toan;
    toan.code = QStringLiteral("toan");
    toan.level = QStringLiteral("H");
    toan.comment = QStringLiteral("Làm tính cẩn thận");
    p.inputs.subjects = {toan, tiengViet}; // entered out of the record's order
    p.inputs.qualities.insert(QStringLiteral("cham_chi"), QStringLiteral("D"));
    EvaluationOutput out;
    out.primaryOutcome.result = PrimaryResult::Good;
    out.primaryOutcome.completedGrade = true;
    p.results = out;
    const QJsonObject c = QJsonDocument::fromJson(lookupContentJson(p)).object();
    const QJsonArray results = c.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0][QStringLiteral("subject")].toString(), QStringLiteral("Tiếng Việt"));
    QCOMPARE(results[0][QStringLiteral("level")].toString(), QStringLiteral("T"));
    QCOMPARE(results[0][QStringLiteral("score")].toString(), QStringLiteral("9,5"));
    QCOMPARE(results[1][QStringLiteral("subject")].toString(), QStringLiteral("Toán"));
    QVERIFY(!results[1].toObject().contains(QStringLiteral("score")));
    QCOMPARE(results[1][QStringLiteral("comment")].toString(), QStringLiteral("Làm tính cẩn thận"));
    const QJsonArray qualities = c.value(QStringLiteral("qualities")).toArray();
    QCOMPARE(qualities.size(), 1);
    QCOMPARE(qualities[0][QStringLiteral("name")].toString(), QStringLiteral("Chăm chỉ"));
    QCOMPARE(qualities[0][QStringLiteral("level")].toString(), QStringLiteral("Đ"));
    const QJsonObject outcome = c.value(QStringLiteral("outcome")).toObject();
    QCOMPARE(outcome.value(QStringLiteral("result")).toString(), QStringLiteral("Hoàn thành tốt"));
    QCOMPARE(outcome.value(QStringLiteral("completion")).toString(), QStringLiteral("Hoàn thành chương trình lớp 3"));
    QVERIFY(!c.contains(QStringLiteral("conduct")));
}

void TestDeptApi::lookupPageEscapesAndSpeaksVietnamese()
{
    LookupRow row;
    row.status.lookupCode = QStringLiteral("0123456789abcdef0123456789abcdef");
    row.status.schoolYearStart = 2025;
    row.status.version = 2;
    row.status.state = RecordState::Locked;
    row.status.receivedAt = QDateTime(QDate(2026, 6, 20), QTime(3, 4, 5), Qt::UTC);
    row.status.lockedAt = lockInstant(QDate(2026, 6, 30));
    row.school = {1, QStringLiteral("66000123"), QString::fromUtf8(kHostileSchoolName)};
    row.lookupJson = lookupContentJson(test::samplePacket());
    const QString html = QString::fromUtf8(lookupPageHtml(QStringLiteral("Sở GDĐT <b>"), {row}));
    QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QLatin1String("<b>")));
    QVERIFY(
        html.contains(QStringLiteral("Trường THCS &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Đống Đa&quot;")));
    QVERIFY(html.contains(QStringLiteral("Tiến bộ &lt;rõ&gt; &amp; &quot;đều&quot;"))); // a teacher's comment too
    QVERIFY(html.contains(QStringLiteral("Đã khoá")));
    QVERIFY(html.contains(QLatin1String("30/06/2026"))); // the effective date, Vietnam time
    QVERIFY(html.contains(QLatin1String("/api/v1/lookup/0123456789abcdef0123456789abcdef/pdf?year=2025")));
    QVERIFY(html.contains(QStringLiteral("Tải bản mềm (PDF có chữ ký số)")));
    QVERIFY(html.contains(QLatin1String("<meta charset=\"utf-8\">")));

    row.status.state = RecordState::Submitted;
    QVERIFY(QString::fromUtf8(lookupPageHtml({}, {row})).contains(QStringLiteral("Đã nộp, chưa khoá")));
    row.status.state = RecordState::Revoked;
    const QString revoked = QString::fromUtf8(lookupPageHtml({}, {row}));
    QVERIFY(revoked.contains(QStringLiteral("Đã thu hồi")));
    QVERIFY(!revoked.contains(QLatin1String("/pdf"))); // no soft copy of a revoked version
    QVERIFY(!revoked.contains(QStringLiteral("Lê Văn Tùng")));
    QVERIFY(
        QString::fromUtf8(lookupNotFoundHtml({})).contains(QStringLiteral("Không tìm thấy học bạ với mã tra cứu này")));
}

void TestDeptApi::submitThenSameAgain()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const SignedRecord& record = m_records.first();
    const ApiResponse first = d->api->handle(submitRequest(d->token, record));
    QVERIFY2(first.status == 201, first.body.constData());
    const QJsonObject a = jsonOf(first);
    QCOMPARE(a.value(QStringLiteral("lookup_code")).toString(), record.parsed.lookupCode);
    QCOMPARE(a.value(QStringLiteral("version")).toInt(), record.parsed.version);
    QCOMPARE(a.value(QStringLiteral("digest")).toString(), packet::packetDigest(record.packet));
    QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));
    QCOMPARE(a.value(QStringLiteral("window")).toString(), d->window.id);
    const QByteArray canonical = QByteArray::fromBase64(a.value(QStringLiteral("receipt")).toString().toLatin1());
    const QByteArray signature
        = QByteArray::fromBase64(a.value(QStringLiteral("receipt_signature")).toString().toLatin1());
    auto receipt = signing::verifyReceipt(canonical, signature, d->certificateDer);
    QVERIFY2(receipt, receipt ? "" : qPrintable(receipt.error().message));
    QCOMPARE(receipt->kind, signing::Receipt::Kind::Upload);
    QCOMPARE(receipt->schoolCode, d->school.code);
    QCOMPARE(receipt->at.toString(Qt::ISODate), a.value(QStringLiteral("received_at")).toString());

    const ApiResponse again = d->api->handle(submitRequest(d->token, record));
    QVERIFY2(again.status == 200, again.body.constData());
    QCOMPARE(jsonOf(again).value(QStringLiteral("receipt")), a.value(QStringLiteral("receipt"))); // the original

    const ApiResponse states = d->api->handle(
        get(QStringLiteral("/api/v1/records"),
            {{QStringLiteral("codes"), record.parsed.lookupCode + u',' + m_records[1].parsed.lookupCode}}, d->token));
    QCOMPARE(states.status, 200);
    const QJsonArray heads = jsonOf(states).value(QStringLiteral("records")).toArray();
    QCOMPARE(heads.size(), 1); // the code never submitted is left out
    QCOMPARE(heads.first()[QStringLiteral("state")].toString(), QStringLiteral("submitted"));
    QVERIFY(heads.first()[QStringLiteral("locked_at")].isNull());
    // Another school asking about this code learns nothing.
    const ApiResponse foreign = d->api->handle(
        get(QStringLiteral("/api/v1/records"), {{QStringLiteral("codes"), record.parsed.lookupCode}}, d->otherToken));
    QCOMPARE(jsonOf(foreign).value(QStringLiteral("records")).toArray().size(), 0);
}

void TestDeptApi::credentialsAreChecked()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const SignedRecord& record = m_records.first();
    EXPECT_ERROR(d->api->handle(submitRequest(QString(), record)), 401, "unauthorized");
    EXPECT_ERROR(d->api->handle(submitRequest(newCredentialToken(), record)), 401, "unauthorized");
    ApiRequest malformed = submitRequest(d->token, record);
    malformed.authorization = "Basic " + d->token.toLatin1();
    EXPECT_ERROR(d->api->handle(malformed), 401, "unauthorized");
    EXPECT_ERROR(d->api->handle(get(QStringLiteral("/api/v1/receipts"))), 401, "unauthorized");
    QCOMPARE(d->admin->revokeCredentials(d->school.id).value_or(0), 1);
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, record)), 401, "unauthorized");
    EXPECT_ERROR(d->api->handle(get(QStringLiteral("/api/v1/records"), {}, d->token)), 401, "unauthorized");
    QVERIFY(
        d->admin->lookup(record.parsed.lookupCode).value_or(QList<LookupRow>({{}})).isEmpty()); // nothing was stored
}

void TestDeptApi::otherSchoolsPacketIsRefused()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    EXPECT_ERROR(d->api->handle(submitRequest(d->otherToken, m_records.first())), 403, "other_school");
    QVERIFY(d->admin->lookup(m_records.first().parsed.lookupCode).value_or(QList<LookupRow>({{}})).isEmpty());
}

void TestDeptApi::tamperedPacketIsRefused()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const SignedRecord& record = m_records.first();
    // A changed score in the signed packet; the PDF still carries the genuine one.
    static const QRegularExpression score(QStringLiteral("(<YearAverage>)(\\d+(\\.\\d)?)(</YearAverage>)"));
    QString xml = QString::fromUtf8(record.packet);
    const QRegularExpressionMatch m = score.match(xml);
    QVERIFY2(m.hasMatch(), "no year average in the packet");
    xml.replace(m.capturedStart(2), m.capturedLength(2), m.captured(2) == QLatin1String("10") ? "9" : "10");
    const QByteArray tampered = xml.toUtf8();
    const ApiResponse changed = d->api->handle(submitRequest(d->token, uploadBody(tampered, record.pdf)));
    EXPECT_ERROR(changed, 422, "invalid_packet");
    QVERIFY(jsonOf(changed)
                .value(QStringLiteral("message"))
                .toString()
                .startsWith(QStringLiteral("Học bạ không được tiếp nhận: ")));
    // Both files tampered alike cannot be made, but the packet alone is refused too, naming why.
    const ApiResponse alone = d->api->handle(submitRequest(d->token, uploadBody(tampered, tampered)));
    EXPECT_ERROR(alone, 422, "invalid_packet");
    QVERIFY(d->admin->lookup(record.parsed.lookupCode).value_or(QList<LookupRow>({{}})).isEmpty());
}

void TestDeptApi::untrustedCaIsRefused()
{
    test::TestPki stranger;
    QVERIFY(stranger.create());
    auto d = department(stranger.caDer());
    QVERIFY(d);
    const ApiResponse r = d->api->handle(submitRequest(d->token, m_records.first()));
    EXPECT_ERROR(r, 422, "untrusted_signature");
    QVERIFY(d->admin->lookup(m_records.first().parsed.lookupCode).value_or(QList<LookupRow>({{}})).isEmpty());
}

void TestDeptApi::pdfOfAnotherPacketIsRefused()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const ApiResponse r = d->api->handle(submitRequest(d->token, uploadBody(m_records[0].packet, m_records[1].pdf)));
    EXPECT_ERROR(r, 422, "invalid_packet");
    // The files swapped are refused as well.
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, uploadBody(m_records[0].pdf, m_records[0].packet))), 422,
                 "invalid_packet");
}

void TestDeptApi::versionNotNewerIsRefused()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    QCOMPARE(d->api->handle(submitRequest(d->token, m_records.first())).status, 201);
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, m_resigned)), 409, "version_not_newer");
}

void TestDeptApi::noWindowIsRefused()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    // The window open is for the next school year, not the packet's.
    Window next = d->window;
    next.id = SchoolYear {m_school.year.startYear + 1}.toString() + QStringLiteral("-06");
    next.schoolYearStart = m_school.year.startYear + 1;
    QVERIFY(d->admin->addWindow(next));
    QVERIFY(d->admin->lockWindow(d->window.id, lockInstant(d->window.deadline), d->folder.receiptSigner().value()));
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, m_records.first())), 409, "window_closed");
}

void TestDeptApi::lockAtTheDeadline()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const SignedRecord& record = m_records.first();
    QCOMPARE(d->api->handle(submitRequest(d->token, record)).status, 201);
    const QDateTime deadline = lockInstant(d->window.deadline);
    const qint64 auditBefore = d->admin->verifyAudit().value_or(-1);
    QCOMPARE(d->api->lockDueWindows(deadline.addSecs(-1)).value_or(-1), qint64(0));
    QCOMPARE(d->api->lockDueWindows(deadline.addSecs(3600)).value_or(-1), qint64(1));
    QCOMPARE(d->api->lockDueWindows(deadline.addSecs(7200)).value_or(-1), qint64(0)); // already locked
    // The lock itself names the scheduler (TestDeptStore reads the actor): its window and its one batch, no more.
    QCOMPARE(d->admin->verifyAudit().value_or(-1), auditBefore + 2);

    // A new packet after the lock is refused; the same packet again gets its original receipt back.
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, m_records[1])), 409, "window_closed");
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, m_resigned)), 409, "window_closed");
    const ApiResponse same = d->api->handle(submitRequest(d->token, record));
    QVERIFY2(same.status == 200, same.body.constData());
    QCOMPARE(jsonOf(same).value(QStringLiteral("state")).toString(), QStringLiteral("locked"));

    const ApiResponse receipts
        = d->api->handle(get(QStringLiteral("/api/v1/receipts"), {{QStringLiteral("window"), d->window.id}}, d->token));
    QVERIFY2(receipts.status == 200, receipts.body.constData());
    const QJsonArray items = jsonOf(receipts).value(QStringLiteral("receipts")).toArray();
    QCOMPARE(items.size(), 1);
    QVERIFY(jsonOf(receipts).value(QStringLiteral("next")).isNull());
    auto lock = signing::verifyReceipt(
        QByteArray::fromBase64(items.first()[QStringLiteral("receipt")].toString().toLatin1()),
        QByteArray::fromBase64(items.first()[QStringLiteral("receipt_signature")].toString().toLatin1()),
        d->certificateDer);
    QVERIFY(lock);
    QCOMPARE(lock->kind, signing::Receipt::Kind::Lock);
    QCOMPARE(lock->at, deadline); // the effective date is the deadline, not when the job ran
    QCOMPARE(jsonOf(d->api->handle(get(QStringLiteral("/api/v1/receipts"), {}, d->otherToken)))
                 .value(QStringLiteral("receipts"))
                 .toArray()
                 .size(),
             0);

    const QJsonObject looked
        = jsonOf(d->api->handle(get(QStringLiteral("/api/v1/lookup/") + record.parsed.lookupCode)));
    QCOMPARE(looked.value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
    QCOMPARE(looked.value(QStringLiteral("locked_at")).toString(), deadline.toString(Qt::ISODate));
    const ApiResponse page = d->api->handle(get(QStringLiteral("/tra-cuu/") + record.parsed.lookupCode));
    QCOMPARE(page.status, 200);
    QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("Đã khoá")));
    QVERIFY(page.body.contains(vietnamDate(deadline).toString(QStringLiteral("dd/MM/yyyy")).toLatin1()));
}

namespace {

QByteArray signRequest(const QByteArray& xml, signing::Signer& signer)
{
    signing::XmlSignOptions o;
    o.role = signing::SignerRole::Principal;
    o.layout = signing::requestSignatureLayout();
    return signing::XmlSigner::sign(xml, signer, o).value_or(QByteArray());
}

ApiRequest postRequest(const QString& token, const QString& path, const char* field, const QByteArray& xml)
{
    ApiRequest r
        = submitRequest(token,
                        QJsonDocument(QJsonObject {{QLatin1String(field), QString::fromLatin1(xml.toBase64())}})
                            .toJson(QJsonDocument::Compact));
    r.path = path;
    return r;
}

/** A statement that the pupil of `record` moves from `fromCode` to the Department's other school, listing nothing. */
packet::TransferStatement transferStatement(const SignedRecord& record, const Department& d, const QString& fromCode,
                                            const QString& fromName, const QString& fromProvince)
{
    packet::TransferStatement st;
    st.lookupCode = record.parsed.lookupCode;
    st.level = record.parsed.level;
    st.studentName = record.parsed.student.fullName;
    st.birthDate = record.parsed.student.birthDate;
    st.fromSchoolCode = fromCode;
    st.fromSchoolName = fromName;
    st.fromProvince = fromProvince;
    st.toSchoolCode = d.otherSchool.code;
    st.toSchoolName = d.otherSchool.name;
    st.transferDate = QDate::currentDate();
    st.madeAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    return st;
}

} // namespace

/**
 * A pupil from another province: the record is unknown here, and the new school's transfer brings its signed versions
 * of two school years. A forged version (a changed packet, or a fresh key under a CA this Department does not trust)
 * refuses the whole statement with nothing stored; the genuine ones become the years' heads in state history.
 */
void TestDeptApi::transferFromAnotherProvinceBringsHistory()
{
    // The same pupils a year earlier: the same seed gives the same lookup codes.
    test::SchoolTemplate lastYear;
    QVERIFY(lastYear.create(6, 12, m_pki.caDer(), SchoolYear {m_school.year.startYear - 1}));
    QList<SignedRecord> earlier;
    QVERIFY(signCopy(lastYear, m_pki, 1, earlier));
    const SignedRecord& thisYear = m_records.first();
    QCOMPARE(earlier.first().parsed.lookupCode, thisYear.parsed.lookupCode);
    QCOMPARE(earlier.first().parsed.schoolYear.startYear + 1, thisYear.parsed.schoolYear.startYear);
    test::TestPki stranger;
    QVERIFY(stranger.create());
    test::SchoolTemplate strangerSchool;
    QVERIFY(strangerSchool.create(6, 12, stranger.caDer(), SchoolYear {m_school.year.startYear - 1}));
    QList<SignedRecord> untrusted;
    QVERIFY(signCopy(strangerSchool, stranger, 1, untrusted));
    QCOMPARE(untrusted.first().parsed.lookupCode, thisYear.parsed.lookupCode);

    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const QString code = thisYear.parsed.lookupCode;
    // From a school of another province, not registered here.
    packet::TransferStatement st = transferStatement(
        thisYear, *d, QStringLiteral("01000009"), QStringLiteral("Trường THCS Tỉnh Khác"), QStringLiteral("Tỉnh Khác"));
    for (const SignedRecord* r : {&std::as_const(earlier).first(), &thisYear})
        st.items.append({r->parsed.schoolYear.startYear, r->parsed.grade, r->parsed.version, r->parsed.school.moetCode,
                         QStringLiteral("current"), packet::packetDigest(r->packet),
                         QString::fromLatin1(QCryptographicHash::hash(r->pdf, QCryptographicHash::Sha256).toHex())});
    auto signer = m_pki.signer(false);
    const QByteArray statement = signRequest(packet::writeTransferStatement(st), *signer);
    QVERIFY(!statement.isEmpty());
    const QString path = QStringLiteral("/api/v1/records/") + code + QStringLiteral("/transfer");
    const auto transferOf = [&](const QList<std::pair<QByteArray, QByteArray>>& versions) {
        QJsonArray list;
        for (const auto& [packet, pdf] : versions)
            list.append(QJsonDocument::fromJson(uploadBody(packet, pdf)).object());
        ApiRequest r = postRequest(d->otherToken, path, "statement", statement);
        QJsonObject body = QJsonDocument::fromJson(r.body).object();
        body.insert(QStringLiteral("versions"), list);
        r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return d->api->handle(r);
    };
    const auto nothingStored = [&]() {
        return d->admin->lookup(code).value_or(QList<LookupRow> {{}}).isEmpty()
            && d->admin->transfers(code).value_or(QList<TransferRow> {{}}).isEmpty();
    };

    // A changed mark: the packet no longer the one its PDF carries (and not the digest the statement lists).
    QByteArray changed = earlier.first().packet;
    const qsizetype at = changed.indexOf("><");
    QVERIFY(at > 0);
    changed.insert(at + 1, "<!-- 10 -->");
    EXPECT_ERROR(transferOf({{changed, earlier.first().pdf}, {thisYear.packet, thisYear.pdf}}), 422, "invalid_packet");
    QVERIFY(nothingStored());
    // The same pupil's year signed with a fresh key under a CA this Department does not trust.
    EXPECT_ERROR(transferOf({{untrusted.first().packet, untrusted.first().pdf}, {thisYear.packet, thisYear.pdf}}), 422,
                 "untrusted_signature");
    QVERIFY(nothingStored());
    // A genuine version of another pupil is not one the statement lists.
    EXPECT_ERROR(transferOf({{m_records[1].packet, m_records[1].pdf}}), 422, "invalid_request");
    QVERIFY(nothingStored());

    const ApiResponse moved
        = transferOf({{earlier.first().packet, earlier.first().pdf}, {thisYear.packet, thisYear.pdf}});
    QVERIFY2(moved.status == 201, moved.body.constData());
    const auto years = d->admin->lookup(code).value_or(QList<LookupRow> {});
    QCOMPARE(years.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const SignedRecord& r = i == 0 ? earlier.first() : thisYear;
        QCOMPARE(years[i].status.schoolYearStart, r.parsed.schoolYear.startYear);
        QCOMPARE(years[i].status.state, RecordState::History);
        QCOMPARE(years[i].status.digest, packet::packetDigest(r.packet));
        QCOMPARE(years[i].school.name, r.parsed.school.name);
        QCOMPARE(years[i].versions.size(), 1);
    }
    QCOMPARE(d->admin->signedPdf(code, thisYear.parsed.schoolYear.startYear).value_or(QByteArray()), thisYear.pdf);
    // A history year never changes here: the school that signed it, registered here, cannot upload over it.
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, thisYear)), 403, "other_school");
    QCOMPARE(d->api->handle(postRequest(d->otherToken, path, "statement", statement)).status, 200);
}

/** POST /records/{code}/revoke and /transfer: forgeries and wrong senders refused, then accepted with receipts. */
void TestDeptApi::revokeAndTransferRoutes()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(d->api->handle(submitRequest(d->token, m_records[i])).status, 201);
    auto signer = m_pki.signer(false);
    test::TestPki stranger;
    QVERIFY(stranger.create());
    auto strangerSigner = stranger.signer(false);

    const auto revokeXml = [&](const SignedRecord& rec, int version) {
        packet::RevokeRequest r;
        r.lookupCode = rec.parsed.lookupCode;
        r.schoolYearStart = rec.parsed.schoolYear.startYear;
        r.version = version;
        r.schoolCode = d->school.code;
        r.schoolName = d->school.name;
        r.reason = QStringLiteral("Lập nhầm học bạ");
        r.requestedAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        return packet::writeRevokeRequest(r);
    };
    const QString code0 = m_records[0].parsed.lookupCode;
    const QString path0 = QStringLiteral("/api/v1/records/") + code0 + QStringLiteral("/revoke");
    const QByteArray good = signRequest(revokeXml(m_records[0], 1), *signer);
    QVERIFY(!good.isEmpty());

    // A fresh key under a CA the Department does not trust; another school's credential; another code's address;
    // a version the Department does not have; an edit after signing.
    EXPECT_ERROR(d->api->handle(
                     postRequest(d->token, path0, "request", signRequest(revokeXml(m_records[0], 1), *strangerSigner))),
                 422, "untrusted_signature");
    EXPECT_ERROR(d->api->handle(postRequest(d->otherToken, path0, "request", good)), 403, "other_school");
    EXPECT_ERROR(
        d->api->handle(postRequest(
            d->token, QStringLiteral("/api/v1/records/") + m_records[1].parsed.lookupCode + QStringLiteral("/revoke"),
            "request", good)),
        422, "invalid_request");
    EXPECT_ERROR(
        d->api->handle(postRequest(d->token, path0, "request", signRequest(revokeXml(m_records[0], 2), *signer))), 409,
        "version_not_newer");
    QByteArray edited = good;
    edited.replace("Lập nhầm", "Lập sai");
    QVERIFY(edited != good);
    EXPECT_ERROR(d->api->handle(postRequest(d->token, path0, "request", edited)), 422, "invalid_request");
    EXPECT_ERROR(d->api->handle(postRequest(d->token, path0, "request", "not xml")), 422, "invalid_request");

    const ApiResponse revoked = d->api->handle(postRequest(d->token, path0, "request", good));
    QVERIFY2(revoked.status == 201, revoked.body.constData());
    QCOMPARE(jsonOf(revoked).value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));
    auto receipt = signing::verifyReceipt(
        QByteArray::fromBase64(jsonOf(revoked).value(QStringLiteral("receipt")).toString().toLatin1()),
        QByteArray::fromBase64(jsonOf(revoked).value(QStringLiteral("receipt_signature")).toString().toLatin1()),
        d->certificateDer);
    QVERIFY(receipt);
    QCOMPARE(receipt->kind, signing::Receipt::Kind::Revoke);
    QCOMPARE(receipt->packetDigest, packet::packetDigest(good));
    QCOMPARE(d->api->handle(postRequest(d->token, path0, "request", good)).status, 200); // the same again
    const ApiResponse states
        = d->api->handle(get(QStringLiteral("/api/v1/records"), {{QStringLiteral("codes"), code0}}, d->token));
    QCOMPARE(jsonOf(states).value(QStringLiteral("records")).toArray().first()[QStringLiteral("state")].toString(),
             QStringLiteral("revoked"));

    // The record of m_records[1] moves to the other school; then its old school may not revoke it.
    packet::TransferStatement st
        = transferStatement(m_records[1], *d, d->school.code, QStringLiteral("Trường cũ"), QStringLiteral("Hà Nội"));
    st.items.append({m_records[1].parsed.schoolYear.startYear, m_records[1].parsed.grade, 1, d->school.code,
                     QStringLiteral("current"), packet::packetDigest(m_records[1].packet), QString(64, u'a')});
    const QByteArray statement = signRequest(packet::writeTransferStatement(st), *signer);
    const QString path1 = QStringLiteral("/api/v1/records/") + st.lookupCode + QStringLiteral("/transfer");
    const ApiResponse moved = d->api->handle(postRequest(d->otherToken, path1, "statement", statement));
    QVERIFY2(moved.status == 201, moved.body.constData());
    auto transferReceipt = signing::verifyReceipt(
        QByteArray::fromBase64(jsonOf(moved).value(QStringLiteral("receipt")).toString().toLatin1()),
        QByteArray::fromBase64(jsonOf(moved).value(QStringLiteral("receipt_signature")).toString().toLatin1()),
        d->certificateDer);
    QVERIFY(transferReceipt);
    QCOMPARE(transferReceipt->kind, signing::Receipt::Kind::Transfer);
    QCOMPARE(transferReceipt->version, 0);
    QCOMPARE(transferReceipt->schoolCode, d->otherSchool.code);
    QCOMPARE(d->api->handle(postRequest(d->token, path1, "statement", statement)).status, 200); // the old school's copy
    EXPECT_ERROR(d->api->handle(postRequest(
                     d->token, QStringLiteral("/api/v1/records/") + st.lookupCode + QStringLiteral("/revoke"),
                     "request", signRequest(revokeXml(m_records[1], 1), *signer))),
                 403, "other_school");

    // After the lock nothing is revoked.
    QVERIFY(d->api->lockDueWindows(lockInstant(d->window.deadline).addSecs(3600)).value_or(-1) > 0);
    EXPECT_ERROR(
        d->api->handle(postRequest(
            d->token, QStringLiteral("/api/v1/records/") + m_records[2].parsed.lookupCode + QStringLiteral("/revoke"),
            "request", signRequest(revokeXml(m_records[2], 1), *signer))),
        409, "locked");
}

void TestDeptApi::bodyChecks()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    ApiRequest plain = submitRequest(d->token, m_records.first());
    plain.contentType = "text/plain";
    EXPECT_ERROR(d->api->handle(plain), 415, "unsupported_media_type");
    plain.contentType = "application/json; charset=utf-8";
    QCOMPARE(d->api->handle(plain).status, 201);
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, QByteArray(1024 * 1024 + 1, ' '))), 413, "too_large");
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, QByteArray("{\"packet\": "))), 400, "bad_request");
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, QByteArray("[1, 2]"))), 400, "bad_request");
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, QByteArray("{\"packet\": \"QUJD\"}"))), 400, "bad_request");
    EXPECT_ERROR(
        d->api->handle(submitRequest(d->token, QByteArray("{\"packet\": \"not base64!\", \"pdf\": \"QUJD\"}"))), 400,
        "bad_request");
    EXPECT_ERROR(d->api->handle(submitRequest(d->token, QByteArray("{\"packet\": \"QUJD\", \"pdf\": \"\"}"))), 400,
                 "bad_request");
}

void TestDeptApi::badQueriesAndCodes()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const QString code = m_records.first().parsed.lookupCode;
    for (const QString& bad :
         {code.toUpper(), code.left(31), code + u'0', QStringLiteral("<script>alert(1)"), code.left(31) + u'g'}) {
        EXPECT_ERROR(d->api->handle(get(QStringLiteral("/api/v1/lookup/") + bad)), 400, "bad_request");
        const ApiResponse page = d->api->handle(get(QStringLiteral("/tra-cuu/") + bad));
        QCOMPARE(page.status, 400);
        QVERIFY(page.contentType.startsWith("text/html"));
        QVERIFY(!page.body.contains("<script>")); // the code typed is not echoed
    }
    EXPECT_ERROR(d->api->handle(get(QStringLiteral("/api/v1/lookup/") + code)), 404, "not_found");
    EXPECT_ERROR(d->api->handle(get(QStringLiteral("/api/v1/lookup/") + code + QStringLiteral("/pdf"))), 404,
                 "not_found");
    const ApiResponse unknown = d->api->handle(get(QStringLiteral("/tra-cuu/") + code));
    QCOMPARE(unknown.status, 404);
    QVERIFY(QString::fromUtf8(unknown.body).contains(QStringLiteral("Không tìm thấy học bạ với mã tra cứu này")));
    EXPECT_ERROR(d->api->handle(get(QStringLiteral("/api/v1/nothing"))), 404, "not_found");
    ApiRequest wrongMethod = get(QStringLiteral("/api/v1/lookup/") + code);
    wrongMethod.method = "DELETE";
    EXPECT_ERROR(d->api->handle(wrongMethod), 404, "not_found");

    const auto records = QStringLiteral("/api/v1/records");
    EXPECT_ERROR(d->api->handle(get(records, {{QStringLiteral("codes"), QStringLiteral("xyz")}}, d->token)), 400,
                 "bad_request");
    QStringList many;
    for (int i = 0; i < 501; ++i)
        many << code;
    EXPECT_ERROR(d->api->handle(get(records, {{QStringLiteral("codes"), many.join(u',')}}, d->token)), 400,
                 "bad_request");
    many.removeLast();
    QCOMPARE(d->api->handle(get(records, {{QStringLiteral("codes"), many.join(u',')}}, d->token)).status, 200);
    const auto receipts = QStringLiteral("/api/v1/receipts");
    for (const QString& limit : {QStringLiteral("0"), QStringLiteral("1001"), QStringLiteral("ten")})
        EXPECT_ERROR(d->api->handle(get(receipts, {{QStringLiteral("limit"), limit}}, d->token)), 400, "bad_request");
    QCOMPARE(d->api->handle(get(receipts, {{QStringLiteral("limit"), QStringLiteral("1000")}}, d->token)).status, 200);
}

void TestDeptApi::lookupsAreRateLimited()
{
    ApiLimits limits;
    limits.lookupBurstPerAddress = 3;
    limits.lookupsPerSecondPerAddress = 0.01;
    auto d = department(m_pki.caDer(), limits);
    QVERIFY(d);
    const QString path = QStringLiteral("/api/v1/lookup/") + m_records.first().parsed.lookupCode;
    for (int i = 0; i < 3; ++i)
        QCOMPARE(d->api->handle(get(path)).status, 404);
    const ApiResponse limited = d->api->handle(get(path));
    EXPECT_ERROR(limited, 429, "rate_limited");
    QCOMPARE(header(limited, "Retry-After"), QByteArray("100"));
    // The page shares the address's bucket; another address has its own.
    QCOMPARE(d->api->handle(get(QStringLiteral("/tra-cuu/") + m_records.first().parsed.lookupCode)).status, 429);
    ApiRequest elsewhere = get(path);
    elsewhere.peer = QHostAddress(QStringLiteral("2001:db8::1"));
    QCOMPARE(d->api->handle(elsewhere).status, 404);
}

void TestDeptApi::lookupShowsContentWithoutIdentifiers()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const SignedRecord& record = m_records.first();
    QCOMPARE(d->api->handle(submitRequest(d->token, record)).status, 201);
    const Student& student = record.parsed.student;

    const ApiResponse lookup = d->api->handle(get(QStringLiteral("/api/v1/lookup/") + record.parsed.lookupCode));
    QVERIFY2(lookup.status == 200, lookup.body.constData());
    const QJsonObject o = jsonOf(lookup);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));
    QCOMPARE(o.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(o[QStringLiteral("school")][QStringLiteral("code")].toString(), d->school.code);
    QVERIFY(o.value(QStringLiteral("locked_at")).isNull());
    const QJsonObject content = o.value(QStringLiteral("content")).toObject();
    QCOMPARE(content.value(QStringLiteral("student_name")).toString(), student.fullName);
    QCOMPARE(content.value(QStringLiteral("birth_date")).toString(),
             student.birthDate.toString(QStringLiteral("dd/MM/yyyy")));
    QCOMPARE(content.value(QStringLiteral("class")).toString(), record.parsed.className);
    QVERIFY(!content.value(QStringLiteral("results")).toArray().isEmpty());

    const ApiResponse page = d->api->handle(get(QStringLiteral("/tra-cuu/") + record.parsed.lookupCode));
    QCOMPARE(page.status, 200);
    QCOMPARE(page.contentType, QByteArray("text/html; charset=utf-8"));
    QCOMPARE(header(page, "Content-Security-Policy"), QByteArray("default-src 'none'; style-src 'unsafe-inline'"));
    QCOMPARE(header(page, "Referrer-Policy"), QByteArray("no-referrer"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.contains(QStringLiteral("Đã nộp, chưa khoá")));
    QVERIFY(html.contains(student.fullName.toHtmlEscaped()));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;"))); // the school's name, escaped
    QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));

    for (const QString& secret : {student.personalId, student.moetCode}) {
        QVERIFY(!secret.isEmpty());
        QVERIFY2(!lookup.body.contains(secret.toUtf8()), "an identifier in the lookup JSON");
        QVERIFY2(!page.body.contains(secret.toUtf8()), "an identifier on the lookup page");
    }
    for (const QString& secret : {student.address, student.fatherName, student.motherName})
        if (!secret.isEmpty()) {
            QVERIFY(!lookup.body.contains(secret.toUtf8()));
            QVERIFY(!html.contains(secret.toHtmlEscaped()));
        }

    const ApiResponse pdf
        = d->api->handle(get(QStringLiteral("/api/v1/lookup/") + record.parsed.lookupCode + QStringLiteral("/pdf")));
    QCOMPARE(pdf.status, 200);
    QCOMPARE(pdf.contentType, QByteArray("application/pdf"));
    QCOMPARE(pdf.body, record.pdf);
}

/**
 * The signed year comes through the API; the year before of the same record is put in the store directly (the demo
 * school has one year to sign, and the store does not check what it is given), as a locked year of its own.
 */
void TestDeptApi::lookupOfARecordWithTwoYears()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    const SignedRecord& record = m_records.first();
    const QString code = record.parsed.lookupCode;
    const int year = m_school.year.startYear;
    const Window before {SchoolYear {year - 1}.toString() + QStringLiteral("-06"),
                         year - 1,
                         false,
                         QDate(year, 6, 30),
                         WindowState::Open,
                         {}};
    QVERIFY(d->admin->addWindow(before));
    packet::Packet older = record.parsed;
    older.schoolYear = SchoolYear {year - 1};
    older.grade -= 1;
    NewSubmission first {code,
                         year - 1,
                         3,
                         d->school.id,
                         before.id,
                         QStringLiteral("older-digest"),
                         "<older/>",
                         "%PDF older",
                         QDateTime(QDate(year, 6, 1), QTime(2, 0), Qt::UTC),
                         lookupContentJson(older),
                         {}};
    const ReceiptSigning sign = d->folder.receiptSigner().value();
    QCOMPARE(d->admin->submit(first, sign).value_or(SubmitOutcome {SubmitStatus::WindowClosed, {}}).status,
             SubmitStatus::Accepted);
    QCOMPARE(d->admin->lockWindow(before.id, lockInstant(before.deadline), sign).value_or(-1), 1);
    // Year 1 is locked: year 2 of the same record is a record year of its own, version 1.
    QCOMPARE(d->api->handle(submitRequest(d->token, record)).status, 201);

    const ApiResponse lookup = d->api->handle(get(QStringLiteral("/api/v1/lookup/") + code));
    QVERIFY2(lookup.status == 200, lookup.body.constData());
    const QJsonObject o = jsonOf(lookup);
    // The top level is the latest year, as before records had several years.
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));
    QCOMPARE(o.value(QStringLiteral("version")).toInt(), record.parsed.version);
    QCOMPARE(o.value(QStringLiteral("window")).toString(), d->window.id);
    QVERIFY(o.value(QStringLiteral("locked_at")).isNull());
    QCOMPARE(o[QStringLiteral("content")][QStringLiteral("school_year")].toString(), m_school.year.toString());
    const QJsonArray years = o.value(QStringLiteral("years")).toArray();
    QCOMPARE(years.size(), 2);
    const QJsonObject y1 = years[0].toObject();
    QCOMPARE(y1.value(QStringLiteral("school_year")).toString(), before.id.left(9));
    QCOMPARE(y1.value(QStringLiteral("grade")).toInt(), record.parsed.grade - 1);
    QCOMPARE(y1.value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
    QCOMPARE(y1.value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(y1.value(QStringLiteral("window")).toString(), before.id);
    QCOMPARE(y1.value(QStringLiteral("digest")).toString(), QStringLiteral("older-digest"));
    QCOMPARE(y1.value(QStringLiteral("locked_at")).toString(), QStringLiteral("%1-06-30T16:59:59Z").arg(year));
    QCOMPARE(y1[QStringLiteral("content")][QStringLiteral("grade")].toInt(), record.parsed.grade - 1);
    const QJsonObject y2 = years[1].toObject();
    QCOMPARE(y2.value(QStringLiteral("school_year")).toString(), m_school.year.toString());
    QCOMPARE(y2.value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));
    QCOMPARE(y2.value(QStringLiteral("digest")).toString(), packet::packetDigest(record.packet));

    const QString pdfPath = QStringLiteral("/api/v1/lookup/") + code + QStringLiteral("/pdf");
    QCOMPARE(d->api->handle(get(pdfPath)).body, record.pdf);
    QCOMPARE(d->api->handle(get(pdfPath, {{QStringLiteral("year"), QString::number(year)}})).body, record.pdf);
    const ApiResponse olderPdf = d->api->handle(get(pdfPath, {{QStringLiteral("year"), QString::number(year - 1)}}));
    QCOMPARE(olderPdf.status, 200);
    QCOMPARE(olderPdf.body, QByteArray("%PDF older"));
    EXPECT_ERROR(d->api->handle(get(pdfPath, {{QStringLiteral("year"), QString::number(year - 5)}})), 404, "not_found");
    EXPECT_ERROR(d->api->handle(get(pdfPath, {{QStringLiteral("year"), QStringLiteral("2025-2026")}})), 400,
                 "bad_request");

    const ApiResponse states
        = d->api->handle(get(QStringLiteral("/api/v1/records"), {{QStringLiteral("codes"), code}}, d->token));
    QCOMPARE(states.status, 200);
    const QJsonArray rows = jsonOf(states).value(QStringLiteral("records")).toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0][QStringLiteral("school_year")].toString(), before.id.left(9));
    QCOMPARE(rows[1][QStringLiteral("school_year")].toString(), m_school.year.toString());

    // The page: every year, the latest first, each with its state, its lock date and its own PDF.
    const QString html = QString::fromUtf8(d->api->handle(get(QStringLiteral("/tra-cuu/") + code)).body);
    const qsizetype latest = html.indexOf(m_school.year.toString());
    const qsizetype earlier = html.indexOf(before.id.left(9));
    QVERIFY(latest > 0 && earlier > latest);
    QVERIFY(html.indexOf(QStringLiteral("Đã nộp, chưa khoá"), latest) < earlier);
    QVERIFY(html.indexOf(QStringLiteral("Đã khoá"), earlier) > earlier);
    QVERIFY(html.indexOf(QStringLiteral("30/06/%1").arg(year), earlier) > earlier);
    QVERIFY(html.indexOf(pdfPath + QStringLiteral("?year=%1").arg(year), latest) < earlier);
    QVERIFY(html.indexOf(pdfPath + QStringLiteral("?year=%1").arg(year - 1), earlier) > earlier);
}

/** The page's notice for a paper copy and its transfers, as a unit, from rows made by hand. */
void TestDeptApi::lookupPageNoticesAndTransfers()
{
    const QDateTime v1At(QDate(2026, 5, 20), QTime(3, 0), Qt::UTC);
    const QDateTime v2At(QDate(2026, 6, 10), QTime(20, 0), Qt::UTC); // 11/06/2026 in Vietnam
    LookupRow row;
    row.status.lookupCode = QStringLiteral("0123456789abcdef0123456789abcdef");
    row.status.schoolYearStart = 2025;
    row.status.version = 2;
    row.status.digest = packet::packetDigest("v2");
    row.status.receivedAt = v2At;
    row.school = {1, QStringLiteral("66000123"), QString::fromUtf8(kHostileSchoolName)};
    row.lookupJson = lookupContentJson(test::samplePacket());
    row.versions = {{1, packet::packetDigest("v1"), v1At, v2At}, {2, row.status.digest, v2At, {}}};
    const QList<TransferRow> transfers {{QString::fromUtf8(kHostileSchoolName), QStringLiteral("Trường THCS Mới"),
                                         QDate(2026, 6, 15), v2At.addDays(5)}};
    const auto pageFor = [&](const PaperCopy& paper) {
        return QString::fromUtf8(lookupPageHtml({}, {row}, transfers, checkPaperCopy({row}, paper)));
    };

    const QString replaced = pageFor({2025, 1, packet::packetDigest("v1")});
    QVERIFY2(replaced.contains(QStringLiteral("Bản giấy này là phiên bản 1, đã được thay thế bởi phiên bản 2 ngày "
                                              "11/06/2026; hãy dùng bản mới.")),
             qPrintable(replaced));
    QVERIFY(replaced.contains(QStringLiteral("Phiên bản hiện hành: 2 (nhận ngày 11/06/2026)")));
    QVERIFY(replaced.contains(QStringLiteral("Phiên bản 1 — đã được thay thế ngày 11/06/2026")));
    QVERIFY(replaced.contains(QStringLiteral("Chuyển từ Trường THCS &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                                             "&quot;Đống Đa&quot; sang Trường THCS Mới ngày 15/06/2026")));
    QVERIFY(!replaced.contains(QLatin1String("<script"), Qt::CaseInsensitive));
    // The notice comes before everything else of the record.
    QVERIFY(replaced.indexOf(QStringLiteral("Bản giấy này")) < replaced.indexOf(QStringLiteral("Mã tra cứu")));

    QVERIFY(
        pageFor({2025, 2, row.status.digest}).contains(QStringLiteral("Bản giấy này khớp với phiên bản hiện hành")));
    const QString forged = pageFor({2025, 2, packet::packetDigest("edited")});
    QVERIFY(forged.contains(
        QStringLiteral("Không tìm thấy phiên bản nào khớp với bản giấy này: bản giấy có thể đã bị sửa")));
    QVERIFY(!forged.contains(QStringLiteral("khớp với phiên bản hiện hành")));
    // The right digest under another school year is not a match either.
    QVERIFY(pageFor({2024, 1, packet::packetDigest("v1")}).contains(QStringLiteral("Không tìm thấy phiên bản nào")));
    QVERIFY(!QString::fromUtf8(lookupPageHtml({}, {row})).contains(QStringLiteral("Bản giấy này")));

    row.status.state = RecordState::Revoked;
    row.status.revokedAt = QDateTime(QDate(2026, 6, 20), QTime(1, 0), Qt::UTC);
    const QString revoked = pageFor({2025, 2, row.status.digest});
    QVERIFY(revoked.contains(QStringLiteral("Đã thu hồi ngày 20/06/2026")));
    QVERIFY(revoked.contains(QStringLiteral("Bản giấy này là phiên bản 2; nhà trường đã thu hồi")));
    QVERIFY(!revoked.contains(QStringLiteral("Phiên bản hiện hành")));
    QVERIFY(!revoked.contains(QStringLiteral("Lê Văn Tùng")));
    const PaperCheck check = checkPaperCopy({row}, {2025, 0, row.status.digest});
    QVERIFY(check.matches && !check.current);
    QCOMPARE(check.version, 2);
    QCOMPARE(check.revokedAt, row.status.revokedAt);
}

/**
 * v1 through the API, v2, a revocation and a transfer through the store: the lookup JSON and page list the versions
 * with their dates, the revocation and the transfer, and check a paper copy by the QR code's nam, v and h.
 */
void TestDeptApi::lookupListsVersionsAndChecksPaperCopies()
{
    const QString principalCert(64, u'c'); // as a certificate's hex SHA-256
    ApiLimits manyLookups;
    manyLookups.lookupBurstPerAddress = 1000;
    auto d = department(m_pki.caDer(), manyLookups);
    QVERIFY(d);
    const SignedRecord& record = m_records.first();
    const QString code = record.parsed.lookupCode;
    const int year = record.parsed.schoolYear.startYear;
    const QString v1Digest = packet::packetDigest(record.packet);
    QCOMPARE(d->api->handle(submitRequest(d->token, record)).status, 201);
    QCOMPARE(d->api->handle(submitRequest(d->token, m_records[1])).status, 201);
    const ReceiptSigning sign = d->folder.receiptSigner().value();
    const QDateTime v2At = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 86400, Qt::UTC);
    const QString v2Digest = packet::packetDigest("<v2/>");
    NewSubmission v2 {code,           year,    2,         d->school.id, d->window.id,
                      v2Digest,       "<v2/>", "%PDF v2", v2At,         lookupContentJson(record.parsed),
                      {principalCert}};
    QCOMPARE(d->admin->submit(v2, sign).value_or(SubmitOutcome {SubmitStatus::WindowClosed, {}}).status,
             SubmitStatus::Accepted);

    const auto lookup = [&](const QList<QPair<QString, QString>>& query = {}) {
        return d->api->handle(get(QStringLiteral("/api/v1/lookup/") + code, query));
    };
    const auto paper = [&](const QString& digest, int version) {
        return QList<QPair<QString, QString>> {{QStringLiteral("nam"), QString::number(year)},
                                               {QStringLiteral("v"), QString::number(version)},
                                               {QStringLiteral("h"), digest}};
    };
    QJsonObject o = jsonOf(lookup());
    QCOMPARE(o.value(QStringLiteral("version")).toInt(), 2);
    QVERIFY(o.value(QStringLiteral("revoked_at")).isNull());
    QVERIFY(!o.contains(QStringLiteral("checked")));
    QCOMPARE(o.value(QStringLiteral("transfers")).toArray().size(), 0);
    QJsonObject y = o.value(QStringLiteral("years")).toArray().first().toObject();
    const QJsonArray versions = y.value(QStringLiteral("versions")).toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0][QStringLiteral("version")].toInt(), 1);
    QCOMPARE(versions[0][QStringLiteral("digest")].toString(), v1Digest);
    QCOMPARE(versions[0][QStringLiteral("replaced_at")].toString(), v2At.toString(Qt::ISODate));
    QCOMPARE(versions[1][QStringLiteral("version")].toInt(), 2);
    QCOMPARE(versions[1][QStringLiteral("received_at")].toString(), v2At.toString(Qt::ISODate));
    QVERIFY(versions[1][QStringLiteral("replaced_at")].isNull());

    // The paper copy of v1: received, but replaced by v2.
    QJsonObject checked = jsonOf(lookup(paper(v1Digest, 1))).value(QStringLiteral("checked")).toObject();
    QCOMPARE(checked.value(QStringLiteral("school_year")).toString(), record.parsed.schoolYear.toString());
    QCOMPARE(checked.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(checked.value(QStringLiteral("matches")).toBool(), true);
    QCOMPARE(checked.value(QStringLiteral("current")).toBool(), false);
    QCOMPARE(checked.value(QStringLiteral("current_version")).toInt(), 2);
    QCOMPARE(checked.value(QStringLiteral("replaced_at")).toString(), v2At.toString(Qt::ISODate));
    checked = jsonOf(lookup(paper(v2Digest, 2))).value(QStringLiteral("checked")).toObject();
    QVERIFY(checked.value(QStringLiteral("matches")).toBool() && checked.value(QStringLiteral("current")).toBool());
    QVERIFY(checked.value(QStringLiteral("replaced_at")).isNull());
    // A paper copy edited and printed with its own QR code: a digest the Department never received.
    checked = jsonOf(lookup(paper(packet::packetDigest("edited"), 2))).value(QStringLiteral("checked")).toObject();
    QCOMPARE(checked.value(QStringLiteral("matches")).toBool(), false);
    QCOMPARE(checked.value(QStringLiteral("current")).toBool(), false);
    QCOMPARE(checked.value(QStringLiteral("version")).toInt(), 2);
    // v2's digest claimed as v1 or under another year proves nothing more than it is.
    QCOMPARE(jsonOf(lookup(paper(v2Digest, 1)))[QStringLiteral("checked")][QStringLiteral("version")].toInt(), 2);
    QList<QPair<QString, QString>> otherYear = paper(v2Digest, 2);
    otherYear[0].second = QString::number(year - 1);
    QCOMPARE(jsonOf(lookup(otherYear))[QStringLiteral("checked")][QStringLiteral("matches")].toBool(), false);
    QVERIFY(jsonOf(lookup(otherYear))[QStringLiteral("checked")][QStringLiteral("current_version")].isNull());

    // Hostile queries: refused plainly, as JSON and as the page, never echoed.
    const QString hostileDigest = QStringLiteral("<script>") + QString(100000, u'A');
    const QList<QList<QPair<QString, QString>>> hostile {
        {{QStringLiteral("h"), v1Digest}},
        {{QStringLiteral("nam"), QString::number(year)}},
        {{QStringLiteral("nam"), QStringLiteral("2025-2026")}, {QStringLiteral("h"), v1Digest}},
        {{QStringLiteral("nam"), QStringLiteral("99999999999999999999")}, {QStringLiteral("h"), v1Digest}},
        {{QStringLiteral("nam"), QString::number(year)},
         {QStringLiteral("v"), QStringLiteral("-1")},
         {QStringLiteral("h"), v1Digest}},
        {{QStringLiteral("nam"), QString::number(year)},
         {QStringLiteral("v"), QStringLiteral("1e9")},
         {QStringLiteral("h"), v1Digest}},
        {{QStringLiteral("nam"), QString::number(year)}, {QStringLiteral("h"), v1Digest + u'='}},
        {{QStringLiteral("nam"), QString::number(year)}, {QStringLiteral("h"), v1Digest.left(42) + u'+'}},
        {{QStringLiteral("nam"), QString::number(year)}, {QStringLiteral("h"), hostileDigest}},
    };
    for (const auto& query : hostile) {
        EXPECT_ERROR(lookup(query), 400, "bad_request");
        const ApiResponse page = d->api->handle(get(QStringLiteral("/tra-cuu/") + code, query));
        QCOMPARE(page.status, 400);
        QVERIFY(page.contentType.startsWith("text/html"));
        QCOMPARE(header(page, "Content-Security-Policy"), QByteArray(kLookupPageCsp));
        QVERIFY(!page.body.contains("<script>"));
        QVERIFY(!page.body.contains("AAAAAAAAAA"));
        QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("không kiểm tra được bản giấy")));
    }

    // The printed QR code's own address reaches the page: <portal>?ma=…&nam=…&v=…&h=…
    for (const QString& path : {QStringLiteral("/tra-cuu"), QStringLiteral("/tra-cuu/"), QStringLiteral("/")}) {
        QList<QPair<QString, QString>> query = paper(v1Digest, 1);
        query.prepend({QStringLiteral("ma"), code});
        const ApiResponse page = d->api->handle(get(path, query));
        QVERIFY2(page.status == 200, page.body.constData());
        QCOMPARE(header(page, "Content-Security-Policy"), QByteArray(kLookupPageCsp));
        QCOMPARE(header(page, "Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(header(page, "Cache-Control"), QByteArray("no-store"));
        const QString html = QString::fromUtf8(page.body);
        QVERIFY2(html.contains(QStringLiteral("Bản giấy này là phiên bản 1, đã được thay thế bởi phiên bản 2 ngày %1")
                                   .arg(printedDate(vietnamDate(v2At)))),
                 qPrintable(path));
        QVERIFY(html.contains(QStringLiteral("Phiên bản hiện hành: 2")));
        QVERIFY(html.contains(
            QStringLiteral("Phiên bản 1 — đã được thay thế ngày %1").arg(printedDate(vietnamDate(v2At)))));
    }
    QCOMPARE(d->api->handle(get(QStringLiteral("/tra-cuu"), {{QStringLiteral("ma"), QStringLiteral("<b>")}})).status,
             400);
    QCOMPARE(d->api->handle(get(QStringLiteral("/tra-cuu"))).status, 400);
    EXPECT_ERROR(d->api->handle(get(QStringLiteral("/"))), 404, "not_found");
    QVERIFY(QString::fromUtf8(d->api->handle(get(QStringLiteral("/tra-cuu/") + code, paper(v2Digest, 2))).body)
                .contains(QStringLiteral("Bản giấy này khớp với phiên bản hiện hành")));
    QVERIFY(QString::fromUtf8(
                d->api->handle(get(QStringLiteral("/tra-cuu/") + code, paper(packet::packetDigest("x"), 2))).body)
                .contains(QStringLiteral("Không tìm thấy phiên bản nào khớp với bản giấy này")));

    // Revoked: the date at the top and in the year, the paper copy told so; then a transfer of another record.
    const QDateTime revokedAt = v2At.addSecs(3600);
    NewRevocation revocation {code,        year,          2,        d->school.id, packet::packetDigest("<revoke/>"),
                              "<revoke/>", principalCert, revokedAt};
    QCOMPARE(d->admin->revoke(revocation, sign).value_or(RevokeOutcome {RequestStatus::NotFound, {}, 0, {}}).status,
             RequestStatus::Accepted);
    o = jsonOf(lookup(paper(v2Digest, 2)));
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));
    QCOMPARE(o.value(QStringLiteral("revoked_at")).toString(), revokedAt.toString(Qt::ISODate));
    y = o.value(QStringLiteral("years")).toArray().first().toObject();
    QCOMPARE(y.value(QStringLiteral("revoked_at")).toString(), revokedAt.toString(Qt::ISODate));
    QVERIFY(!y.contains(QStringLiteral("content")));
    checked = o.value(QStringLiteral("checked")).toObject();
    QVERIFY(checked.value(QStringLiteral("matches")).toBool());
    QVERIFY(!checked.value(QStringLiteral("current")).toBool());
    QCOMPARE(checked.value(QStringLiteral("revoked_at")).toString(), revokedAt.toString(Qt::ISODate));
    const QString revokedPage
        = QString::fromUtf8(d->api->handle(get(QStringLiteral("/tra-cuu/") + code, paper(v2Digest, 2))).body);
    QVERIFY(revokedPage.contains(QStringLiteral("Đã thu hồi ngày %1").arg(printedDate(vietnamDate(revokedAt)))));
    QVERIFY(revokedPage.contains(QStringLiteral("nhà trường đã thu hồi học bạ năm học này")));
    QVERIFY(!revokedPage.contains(QStringLiteral("khớp với phiên bản hiện hành")));

    const QString code1 = m_records[1].parsed.lookupCode;
    NewTransfer t;
    t.lookupCode = code1;
    t.fromSchoolCode = d->school.code;
    t.fromSchoolName = d->school.name;
    t.toSchoolCode = d->otherSchool.code;
    t.senderSchoolId = d->school.id;
    t.transferDate = QDate(2026, 6, 15);
    t.digest = packet::packetDigest("<transfer/>");
    t.statementXml = "<transfer/>";
    t.signerCertSha256 = principalCert;
    t.receivedAt = revokedAt;
    QCOMPARE(d->admin->transfer(t, sign).value_or(TransferOutcome {RequestStatus::NotFound, {}, {}, {}}).status,
             RequestStatus::Accepted);
    const QJsonArray moves = jsonOf(d->api->handle(get(QStringLiteral("/api/v1/lookup/") + code1)))
                                 .value(QStringLiteral("transfers"))
                                 .toArray();
    QCOMPARE(moves.size(), 1);
    QCOMPARE(moves[0][QStringLiteral("from_school")].toString(), QString::fromUtf8(kHostileSchoolName));
    QCOMPARE(moves[0][QStringLiteral("to_school")].toString(), d->otherSchool.name);
    QCOMPARE(moves[0][QStringLiteral("date")].toString(), QStringLiteral("2026-06-15"));
    QCOMPARE(moves[0][QStringLiteral("received_at")].toString(), revokedAt.toString(Qt::ISODate));
    const QString movedPage = QString::fromUtf8(d->api->handle(get(QStringLiteral("/tra-cuu/") + code1)).body);
    QVERIFY2(movedPage.contains(QStringLiteral("Chuyển từ Trường THCS &lt;script&gt;")), qPrintable(movedPage));
    QVERIFY(movedPage.contains(QStringLiteral("sang Trường THCS Khác ngày 15/06/2026")));
    QVERIFY(!movedPage.contains(QLatin1String("<script"), Qt::CaseInsensitive));
}

void TestDeptApi::workerThreadsShareTheApi()
{
    auto d = department(m_pki.caDer());
    QVERIFY(d);
    // Four worker threads, as the front end runs them: each its own session; every record stored once.
    constexpr int kThreads = 4;
    QList<QList<int>> statuses(kThreads);
    std::vector<std::thread> workers;
    for (int t = 0; t < kThreads; ++t)
        workers.emplace_back([&, t] {
            for (const SignedRecord& record : m_records) {
                statuses[t] << d->api->handle(submitRequest(d->token, record)).status;
                statuses[t] << d->api->handle(get(QStringLiteral("/api/v1/lookup/") + record.parsed.lookupCode)).status;
            }
        });
    for (std::thread& w : workers)
        w.join();
    int created = 0;
    for (const QList<int>& list : statuses)
        for (int i = 0; i < list.size(); i += 2) {
            QVERIFY2(list[i] == 201 || list[i] == 200, qPrintable(QString::number(list[i])));
            created += list[i] == 201;
            QCOMPARE(list[i + 1], 200); // stored before the thread looked
        }
    QCOMPARE(created, int(m_records.size()));
    QVERIFY(d->admin->verifyAudit());
}

// A QGuiApplication: the school side renders the PDFs the tests upload.
QTEST_MAIN(TestDeptApi)
#include "TestDeptApi.moc"

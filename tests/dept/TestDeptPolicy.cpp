// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16: the Department's upload policy (`hocba-dept policy --min-level B|T|LT`) enforced by DeptApi on a real
// SQLite store, with records signed by a demo school without a time-stamp, with one from a loopback TSA the
// Department trusts (tests/support/TsaFixture), with one from a TSA it does not trust, and with a token copied from
// another record.
#include "../signing/TestPki.h"
#include "SigningFixture.h"
#include "TsaFixture.h"

#include "dept/DataFolder.h"
#include "dept/DeptApi.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SignedDocuments.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <openssl/cms.h>

using namespace hocba;
using namespace hocba::dept;

namespace {

struct SignedRecord
{
    QByteArray packet;
    QByteArray pdf;
    packet::Packet parsed;
};

struct QuietSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};

/** A Department with the school, the test CA and the TSA's root as anchors, an open window and the API. */
struct Department
{
    QTemporaryDir dir;
    DataFolder folder;
    std::unique_ptr<DeptStore> store;
    std::unique_ptr<DeptSession> admin;
    std::unique_ptr<DeptApi> api;
    ReceiptSigning sign;
    dept::School school;
    QString token;
    Window window;

    /** A new API on the same store: what a server started after a policy change sees at once. */
    void restartApi() { api = std::make_unique<DeptApi>(*store, QStringLiteral("Sở GDĐT Hà Nội"), sign); }
};

QJsonObject jsonOf(const ApiResponse& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

ApiRequest submitRequest(const QString& token, const SignedRecord& record)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/v1/records");
    r.authorization = "Bearer " + token.toLatin1();
    r.contentType = "application/json";
    r.peer = QHostAddress(QStringLiteral("192.0.2.10"));
    r.body = QJsonDocument(QJsonObject {{QStringLiteral("packet"), QString::fromLatin1(record.packet.toBase64())},
                                        {QStringLiteral("pdf"), QString::fromLatin1(record.pdf.toBase64())}})
                 .toJson(QJsonDocument::Compact);
    return r;
}

/** The signature time-stamp token in the CMS of a PDF's last signature (DER), found by its /ByteRange. */
QByteArray lastToken(const QByteArray& pdf)
{
    static const QRegularExpression re(QStringLiteral(R"(/ByteRange \[0 (\d+) (\d+) (\d+)\])"));
    auto it = re.globalMatch(QString::fromLatin1(pdf));
    QRegularExpressionMatch m;
    while (it.hasNext())
        m = it.next();
    if (!m.hasMatch())
        return {};
    const qsizetype b = m.captured(1).toLongLong(), c = m.captured(2).toLongLong();
    const QByteArray der = QByteArray::fromHex(pdf.mid(b + 1, c - b - 2));
    auto p = reinterpret_cast<const unsigned char*>(der.constData());
    CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &p, der.size());
    QByteArray token;
    if (!cms)
        return token;
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
    const int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    if (idx >= 0) {
        ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, idx), 0);
        token = QByteArray(reinterpret_cast<const char*>(t->value.sequence->data), t->value.sequence->length);
    }
    CMS_ContentInfo_free(cms);
    return token;
}

} // namespace

class TestDeptPolicy : public QObject
{
    Q_OBJECT

    test::TestPki m_pki;
    test::TsaFixture m_tsa;
    test::SchoolTemplate m_school;
    QList<SignedRecord> m_plain; ///< level B: no time-stamp
    QList<SignedRecord> m_stamped; ///< level T: the trusted TSA (two records, for the copied token)
    SignedRecord m_strange; ///< time-stamped by a TSA under a root the Department does not have

    /** Signs the first `count` sections of a new copy of the school, with `timestamper` (none: level B). */
    bool signCopy(int count, signing::Timestamper* timestamper, QList<SignedRecord>& out)
    {
        auto db = store::Database::openOrCreate(m_school.copyPath());
        if (!db || !test::confirmAcknowledged(**db, m_school.year))
            return false;
        const QList<Id> ready = test::readySections(**db, m_school.year).mid(0, count);
        auto signer = m_pki.signer(false);
        lifecycle::SectionSignOptions options;
        options.timestamper = timestamper;
        lifecycle::BatchSignJob job(**db, *signer, options, lifecycle::Actor::unrestricted());
        QuietSink sink;
        CancellationToken cancel;
        auto report = job.run(ready, sink, cancel);
        if (!report || ready.size() != count || report->signedItems.size() != count) {
            qWarning() << (report ? QStringLiteral("not all signed") : describe(report.error()));
            return false;
        }
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

    /** A new Department; `level` is set by its store when given (else never set: B). */
    std::unique_ptr<Department> department(std::optional<signing::BaselineLevel> level = std::nullopt)
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
        d->sign = *signer;
        auto admin = d->store->openSession();
        if (!admin)
            return nullptr;
        d->admin = std::move(*admin);
        auto school = d->admin->addSchool(m_plain.first().parsed.school.moetCode, QStringLiteral("THCS Thử"));
        if (!school)
            return nullptr;
        d->school = *school;
        d->token = newCredentialToken();
        d->window = Window {m_school.year.toString() + QStringLiteral("-06"),
                            m_school.year.startYear,
                            false,
                            QDate::currentDate().addDays(30),
                            WindowState::Open,
                            {}};
        if (!d->admin->addCredential(d->school.id, credentialDigest(d->token))
            || !d->admin->addTrustAnchor(m_pki.caDer(), QStringLiteral("CA"))
            || !d->admin->addTrustAnchor(m_tsa.rootDer(), QStringLiteral("TSA root"))
            || !d->admin->addWindow(d->window))
            return nullptr;
        if (level && !d->admin->setMinimumLevel(*level))
            return nullptr;
        d->restartApi();
        return d;
    }

    /** Nothing of the record at the Department. */
    static bool nothingStored(Department& d, const SignedRecord& r)
    {
        auto rows = d.admin->lookup(r.parsed.lookupCode);
        return rows && rows->isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_tsa.create());
        QVERIFY(m_school.create(4, 16, m_pki.caDer()));
        QVERIFY(signCopy(1, nullptr, m_plain));
        auto trusted = m_tsa.timestamper();
        QVERIFY(signCopy(2, trusted.get(), m_stamped));
        auto untrusted = m_tsa.timestamper(QStringLiteral("untrusted"));
        QList<SignedRecord> strange;
        QVERIFY(signCopy(1, untrusted.get(), strange));
        m_strange = strange.first();
        // The same pupil in each copy: one lookup code, different packets.
        QCOMPARE(m_stamped.first().parsed.lookupCode, m_plain.first().parsed.lookupCode);
        QVERIFY(m_stamped.first().packet != m_plain.first().packet);
    }

    void storeKeepsThePolicy()
    {
        auto d = department();
        QVERIFY(d);
        QCOMPARE(d->admin->minimumLevel().value_or(signing::BaselineLevel::LTA), signing::BaselineLevel::B);
        QVERIFY(d->admin->setMinimumLevel(signing::BaselineLevel::T));
        QVERIFY(d->admin->setMinimumLevel(signing::BaselineLevel::T)); // the same again: no new audit entry
        QVERIFY(!d->admin->setMinimumLevel(signing::BaselineLevel::LTA));
        QCOMPARE(d->admin->minimumLevel().value_or(signing::BaselineLevel::B), signing::BaselineLevel::T);
        QVERIFY(d->admin->verifyAudit());
    }

    void policyTRefusesARecordWithoutTimestamp()
    {
        auto d = department(signing::BaselineLevel::T);
        QVERIFY(d);
        const SignedRecord& plain = m_plain.first();
        const ApiResponse r = d->api->handle(submitRequest(d->token, plain));
        QVERIFY2(r.status == 422, r.body.constData());
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("error")).toString(), QStringLiteral("level_required"));
        QCOMPARE(o.value(QStringLiteral("required_level")).toString(), QStringLiteral("T"));
        QCOMPARE(o.value(QStringLiteral("level")).toString(), QStringLiteral("B"));
        const QString message = o.value(QStringLiteral("message")).toString();
        // What the school office can do about it: set its TSA, correct the record, send the new version.
        QVERIFY2(message.contains(QStringLiteral("hocba-cli tsa set")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("time-stamp")) && message.contains(QStringLiteral("Correct after")),
                 qPrintable(message));
        QVERIFY(nothingStored(*d, plain));
        QCOMPARE(d->admin->counts()->first().submitted, 0);
    }

    void policyTAcceptsATrustedTimestamp()
    {
        auto d = department(signing::BaselineLevel::T);
        QVERIFY(d);
        const ApiResponse r = d->api->handle(submitRequest(d->token, m_stamped.first()));
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(jsonOf(r).value(QStringLiteral("digest")).toString(), packet::packetDigest(m_stamped.first().packet));
    }

    void untrustedTsaIsRefusedWhateverThePolicy()
    {
        for (auto level : {signing::BaselineLevel::B, signing::BaselineLevel::T}) {
            auto d = department(level);
            QVERIFY(d);
            const ApiResponse r = d->api->handle(submitRequest(d->token, m_strange));
            QVERIFY2(r.status == 422, r.body.constData());
            QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_timestamp"));
            QVERIFY(!jsonOf(r).value(QStringLiteral("message")).toString().isEmpty());
            QVERIFY(nothingStored(*d, m_strange));
        }
    }

    void policyBAcceptsBoth()
    {
        for (const SignedRecord* record : {&m_plain.first(), &m_stamped.first()}) {
            auto d = department(); // never set: B
            QVERIFY(d);
            const ApiResponse r = d->api->handle(submitRequest(d->token, *record));
            QVERIFY2(r.status == 201, r.body.constData());
        }
        auto d = department(signing::BaselineLevel::B);
        QVERIFY(d);
        QCOMPARE(d->api->handle(submitRequest(d->token, m_plain.first())).status, 201);
    }

    void policyLtWantsRevocationData()
    {
        // The loopback TSA's records carry no revocation data (the test CA names no OCSP responder or CRL): level T.
        auto d = department(signing::BaselineLevel::LT);
        QVERIFY(d);
        const ApiResponse r = d->api->handle(submitRequest(d->token, m_stamped.first()));
        QVERIFY2(r.status == 422, r.body.constData());
        QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toString(), QStringLiteral("level_required"));
        QCOMPARE(jsonOf(r).value(QStringLiteral("required_level")).toString(), QStringLiteral("LT"));
        QCOMPARE(jsonOf(r).value(QStringLiteral("level")).toString(), QStringLiteral("T"));
        QVERIFY(nothingStored(*d, m_stamped.first()));
    }

    void copiedTimestampIsRefused()
    {
        // An attacker moves the time-stamp token of one record's PDF signature into another record's: the token does
        // not cover this signature's value, whatever TSA issued it.
        const QByteArray donor = lastToken(m_stamped.at(0).pdf).toHex().toUpper();
        const QByteArray victim = lastToken(m_stamped.at(1).pdf).toHex().toUpper();
        QVERIFY(!donor.isEmpty() && !victim.isEmpty());
        QVERIFY(donor != victim);
        if (donor.size() != victim.size())
            QSKIP("the two tokens differ in length (DER lengths of their times or serials)");
        SignedRecord forged = m_stamped.at(1);
        const qsizetype at = forged.pdf.indexOf(victim);
        QVERIFY(at > 0);
        forged.pdf.replace(at, victim.size(), donor);
        for (auto level : {signing::BaselineLevel::T, signing::BaselineLevel::B}) {
            auto d = department(level);
            QVERIFY(d);
            const ApiResponse r = d->api->handle(submitRequest(d->token, forged));
            QVERIFY2(r.status == 422, r.body.constData());
            QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toString(), QStringLiteral("invalid_timestamp"));
            QVERIFY(nothingStored(*d, forged));
            // The genuine record is accepted.
            QCOMPARE(d->api->handle(submitRequest(d->token, m_stamped.at(1))).status, 201);
        }
    }

    void storeRefusalsComeFirst()
    {
        // The T record is at the Department; then the policy becomes T. The unstamped packet of the same code and
        // version is not something the Department would take anyway: the answer says so, not the policy.
        auto d = department();
        QVERIFY(d);
        QCOMPARE(d->api->handle(submitRequest(d->token, m_stamped.first())).status, 201);
        QVERIFY(d->admin->setMinimumLevel(signing::BaselineLevel::T));
        d->restartApi();
        const ApiResponse r = d->api->handle(submitRequest(d->token, m_plain.first()));
        QVERIFY2(r.status == 409, r.body.constData());
        QCOMPARE(jsonOf(r).value(QStringLiteral("error")).toString(), QStringLiteral("version_not_newer"));
        // Once the window is locked: the answer of any packet new to the Department after it (window_closed).
        QVERIFY(d->admin->lockWindow(d->window.id, lockInstant(d->window.deadline), d->sign));
        const ApiResponse locked = d->api->handle(submitRequest(d->token, m_plain.first()));
        QVERIFY2(locked.status == 409, locked.body.constData());
        QCOMPARE(jsonOf(locked).value(QStringLiteral("error")).toString(), QStringLiteral("window_closed"));
    }

    void uploadCostPrinted()
    {
        // Prints (never asserts) what a time-stamp costs the Department per upload: the same packet sent again is
        // verified in full before the store answers it as a duplicate.
        constexpr int kRounds = 20;
        for (const auto& [level, record] : {std::pair {signing::BaselineLevel::B, &m_plain.first()},
                                            std::pair {signing::BaselineLevel::T, &m_stamped.first()}}) {
            auto d = department(level);
            QVERIFY(d);
            QCOMPARE(d->api->handle(submitRequest(d->token, *record)).status, 201);
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < kRounds; ++i)
                QCOMPARE(d->api->handle(submitRequest(d->token, *record)).status, 200);
            qInfo("policy %s, record at level %s: %.1f ms per upload (%d uploads, each verified in full)",
                  qPrintable(signing::levelCode(level)), qPrintable(signing::levelCode(level)),
                  double(t.elapsed()) / kRounds, kRounds);
        }
    }

    void acceptedRecordsKeepReceiptAndLock()
    {
        auto d = department();
        QVERIFY(d);
        const SignedRecord& plain = m_plain.first();
        const ApiResponse first = d->api->handle(submitRequest(d->token, plain));
        QVERIFY2(first.status == 201, first.body.constData());
        QVERIFY(d->admin->setMinimumLevel(signing::BaselineLevel::T));
        d->restartApi();
        // The school lost the answer and sends the same packet again: its original receipt, not a policy refusal.
        const ApiResponse again = d->api->handle(submitRequest(d->token, plain));
        QVERIFY2(again.status == 200, again.body.constData());
        QCOMPARE(jsonOf(again).value(QStringLiteral("receipt")), jsonOf(first).value(QStringLiteral("receipt")));
        // The lock takes it as before and gives its lock receipt.
        QCOMPARE(d->admin->lockWindow(d->window.id, lockInstant(d->window.deadline), d->sign).value_or(-1), 1);
        auto page = d->admin->lockReceipts(d->school.id, d->window.id, {}, 10);
        QVERIFY(page);
        QCOMPARE(page->items.size(), 1);
        auto receipt = signing::Receipt::fromCanonicalBytes(page->items.first().canonical);
        QVERIFY(receipt);
        QCOMPARE(receipt->packetDigest, packet::packetDigest(plain.packet));
        // After the lock the same packet still gets its receipt back.
        QCOMPARE(d->api->handle(submitRequest(d->token, plain)).status, 200);
    }
};

// A QGuiApplication: the school side renders the PDFs the tests upload.
QTEST_MAIN(TestDeptPolicy)
#include "TestDeptPolicy.moc"

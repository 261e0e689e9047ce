// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15 end to end on loopback, with the real hocba-dept and hocba-cli (SQLite: the store's tests cover both
// engines): a signed record reopened, signed again and uploaded replaces version 1 at the Department; a record revoked
// before the lock; a pupil transferred from school A to school B, two school files with different trust stores and
// two schools registered at one Department, after which A may no longer submit for that code; after the lock a reopen
// is refused by the school file and a signed revoke request by the Department (409).
// The lookup shows each step: v2 current and v1 replaced (the v1 paper copy's QR link says so, through the page and
// `hocba-cli lookup`), the revocation's date, the transfer (the server speaks English here; TestDeptApi reads the
// page's Vietnamese). The transfer runs through lifecycle here, as the desktop does; tests/cli/TestTransferCli runs
// `hocba-cli transfer` and `revoke`.
#include "../signing/TestPki.h"
#include "DeptProcess.h"
#include "SigningFixture.h"

#include "domain/PrintedText.h"
#include "lifecycle/Actor.h"
#include "lifecycle/Corrections.h"
#include "lifecycle/RecordDocuments.h"
#include "lifecycle/SignedDocuments.h"
#include "lifecycle/Transfer.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "packet/SignedRequest.h"
#include "render/QrCode.h"
#include "render/RecordRenderer.h"
#include "store/Database.h"
#include "token/XmlSigner.h"
#include "util/Digest.h"
#include "util/Text.h"
#include "verify/RequestVerifier.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace hocba;
using namespace hocba::test;

namespace {

const QString kSchoolB = QStringLiteral("0100999902");
const QString kSchoolBName = QStringLiteral("Trường THCS Chu Văn An");

struct Http
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/** One request on loopback, 20 s at most. */
Http http(const QString& method, const QString& url, const QString& credential = {}, const QByteArray& body = {})
{
    QNetworkAccessManager manager;
    QNetworkRequest request {QUrl(url)};
    if (!credential.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + credential.toLatin1());
    if (method == QLatin1String("POST"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = method == QLatin1String("POST") ? manager.post(request, body) : manager.get(request);
    QEventLoop loop;
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Http out;
    if (reply->isFinished()) {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
    }
    reply->deleteLater();
    return out;
}

QString describeRun(const DeptRun& r)
{
    return QStringLiteral("exit %1\n%2\n%3").arg(r.code).arg(r.out.left(3000), r.err.left(3000));
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** One value of a one-row query on a school file (empty when there is no row or on error). */
QString queryOne(const QString& school, const QString& sql, const QVariantList& binds = {})
{
    auto db = store::Database::openExisting(school);
    if (!db)
        return {};
    auto st = (*db)->prepare(sql);
    if (!st)
        return {};
    for (int i = 0; i < binds.size(); ++i)
        st->bind(i + 1, binds[i].toString());
    if (!st->step().value_or(false))
        return {};
    return st->text(0);
}

/** Runs one statement on a school file behind the program's back; the SQLite error, or empty. */
QString rawSql(const QString& school, const QString& sql)
{
    auto db = store::Database::openExisting(school);
    if (!db)
        return QStringLiteral("cannot open");
    auto r = (*db)->exec(sql);
    return r ? QString() : r.error().detail;
}

} // namespace

class TestCorrectionsEndToEnd : public QObject
{
    Q_OBJECT

    TestPki m_pkiA; ///< school A's principal
    TestPki m_pkiB; ///< school B's principal
    SchoolTemplate m_templateA;
    SchoolTemplate m_templateB;
    QTemporaryDir m_dir;
    QString m_data;
    QString m_credentialA;
    QString m_credentialB;
    QString m_windowId;
    std::unique_ptr<DeptServer> m_server;
    QString m_schoolA;
    QString m_schoolB;
    QList<Id> m_sections; ///< school A's signed sections: [0] reopened, [1] revoked, [2] transferred
    QList<QString> m_codes; ///< their lookup codes
    QByteArray m_resignedPacket; ///< section [2] signed in another copy of A: same code and version, new digest
    QByteArray m_resignedPdf;
    QByteArray m_v1Packet; ///< section [0] as first signed: the packet its v1 paper copy's QR code names

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server->port); }
    DeptRun dept(const QStringList& args) { return runDept(args + QStringList {QStringLiteral("--data"), m_data}); }
    DeptRun cli(const QStringList& args) { return runProgram(QStringLiteral("hocba-cli"), args); }
    QString credential(const QString& file) const { return QString::fromLatin1(readFile(file)).trimmed(); }
    QJsonObject lookup(const QString& code, const QString& query = {})
    {
        const Http r = http(QStringLiteral("GET"),
                            url() + QStringLiteral("/api/v1/lookup/") + code
                                + (query.isEmpty() ? QString() : QStringLiteral("?") + query));
        if (r.status != 200)
            qWarning("lookup: %d %s", r.status, r.body.left(500).constData());
        return r.json();
    }
    QJsonObject upload(const QString& school)
    {
        const DeptRun r = cli({QStringLiteral("upload"), QStringLiteral("--db"), school, QStringLiteral("--tries"),
                               QStringLiteral("1"), QStringLiteral("--json")});
        if (r.code != 0)
            qWarning("upload: %s", qPrintable(describeRun(r)));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    Result<QByteArray> signedRevoke(const QString& code, int version, const QString& reason);

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reopenSignUploadReplaces();
    void revokeBeforeTheLock();
    void transferBetweenTwoSchools();
    void afterTheLockNothingChanges();

private:
    void bookOfTheReceivedRecord();
};

void TestCorrectionsEndToEnd::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_pkiA.create());
    QVERIFY(m_pkiB.create());
    QVERIFY(m_templateA.create(4, 31, m_pkiA.caDer()));
    QVERIFY(m_templateB.create(2, 32, m_pkiB.caDer()));
    QCOMPARE(m_templateA.year, m_templateB.year);

    // School A: three signed records.
    m_schoolA = m_templateA.copyPath();
    {
        auto db = store::Database::openExisting(m_schoolA);
        QVERIFY(db);
        QVERIFY(confirmAcknowledged(**db, m_templateA.year));
        m_sections = readySections(**db, m_templateA.year).mid(0, 3);
        QCOMPARE(m_sections.size(), 3);
        auto report = signBatch(**db, *m_pkiA.signer(false), m_sections);
        QVERIFY(report && report->signedItems.size() == 3);
        for (Id id : std::as_const(m_sections)) {
            auto doc = lifecycle::SignedDocuments(**db).completed(id, 1);
            QVERIFY(doc && *doc);
            auto parsed = packet::readPacket((*doc)->packetXml);
            QVERIFY(parsed);
            m_codes << parsed->lookupCode;
            if (m_v1Packet.isEmpty())
                m_v1Packet = (*doc)->packetXml;
        }
    }
    // The signing time is in whole seconds: a copy signed a second later makes a different packet of the same code.
    const qint64 signedAt = QDateTime::currentSecsSinceEpoch();
    while (QDateTime::currentSecsSinceEpoch() == signedAt)
        QThread::msleep(50);
    {
        auto db = store::Database::openExisting(m_templateA.copyPath());
        QVERIFY(db);
        QVERIFY(confirmAcknowledged(**db, m_templateA.year));
        const Id again = readySections(**db, m_templateA.year).value(2);
        auto report = signBatch(**db, *m_pkiA.signer(false), {again});
        QVERIFY(report && report->signedItems.size() == 1);
        auto doc = lifecycle::SignedDocuments(**db).completed(again, 1);
        QVERIFY(doc && *doc);
        m_resignedPacket = (*doc)->packetXml;
        m_resignedPdf = (*doc)->pdf;
        QCOMPARE(packet::readPacket(m_resignedPacket).value().lookupCode, m_codes[2]);
    }
    // School B: another MOET code (the demo schools share one), its own CA, and school A's CA added to its trust store
    // so that it can check what A signed.
    m_schoolB = m_templateB.copyPath();
    QCOMPARE(rawSql(m_schoolB,
                    QStringLiteral("UPDATE school SET moet_code = '%1', name = '%2'").arg(kSchoolB, kSchoolBName)),
             QString());
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("caA.der")), m_pkiA.caDer()));
    QVERIFY(writeFile(m_dir.filePath(QStringLiteral("caB.der")), m_pkiB.caDer()));
    const DeptRun trust = cli({QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--db"), m_schoolB,
                               QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("caA.der"))});
    QVERIFY2(trust.code == 0, qPrintable(describeRun(trust)));

    // One Department, both schools registered, both CAs trusted, the year's June window open.
    m_data = m_dir.filePath(QStringLiteral("dept"));
    m_credentialA = m_dir.filePath(QStringLiteral("a.credential"));
    m_credentialB = m_dir.filePath(QStringLiteral("b.credential"));
    m_windowId = m_templateA.year.toString() + QStringLiteral("-06");
    const QString schoolAName = queryOne(m_schoolA, QStringLiteral("SELECT name FROM school"));
    const QString schoolACode = queryOne(m_schoolA, QStringLiteral("SELECT moet_code FROM school"));
    QVERIFY(!schoolACode.isEmpty() && schoolACode != kSchoolB);
    const QList<QStringList> steps {
        {QStringLiteral("init"), QStringLiteral("--name"), QStringLiteral("Sở GDĐT Thử nghiệm")},
        {QStringLiteral("school"), QStringLiteral("add"), QStringLiteral("--code"), schoolACode,
         QStringLiteral("--name"), schoolAName, QStringLiteral("--credential-out"), m_credentialA},
        {QStringLiteral("school"), QStringLiteral("add"), QStringLiteral("--code"), kSchoolB, QStringLiteral("--name"),
         kSchoolBName, QStringLiteral("--credential-out"), m_credentialB},
        {QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--cert"),
         m_dir.filePath(QStringLiteral("caA.der"))},
        {QStringLiteral("trust"), QStringLiteral("add"), QStringLiteral("--cert"),
         m_dir.filePath(QStringLiteral("caB.der"))},
        {QStringLiteral("window"), QStringLiteral("add"), QStringLiteral("--id"), m_windowId, QStringLiteral("--year"),
         m_templateA.year.toString(), QStringLiteral("--deadline"),
         QDate::currentDate().addDays(30).toString(Qt::ISODate)},
    };
    for (const QStringList& step : steps) {
        const DeptRun r = dept(step);
        QVERIFY2(r.code == 0, qPrintable(step.join(' ') + QLatin1Char('\n') + describeRun(r)));
    }
    m_server = std::make_unique<DeptServer>();
    QVERIFY(m_server->start({QStringLiteral("--data"), m_data, QStringLiteral("--listen"),
                             QStringLiteral("127.0.0.1:0"), QStringLiteral("--workers"), QStringLiteral("2")}));
    for (const auto& [school, file] : {std::pair {m_schoolA, m_credentialA}, std::pair {m_schoolB, m_credentialB}}) {
        const DeptRun set = cli({QStringLiteral("endpoint"), QStringLiteral("set"), QStringLiteral("--db"), school,
                                 QStringLiteral("--url"), url(), QStringLiteral("--credential-file"), file,
                                 QStringLiteral("--department-cert"), m_data + QStringLiteral("/department-cert.pem")});
        QVERIFY2(set.code == 0, qPrintable(describeRun(set)));
    }
    const QJsonObject first = upload(m_schoolA);
    QCOMPARE(first.value(QStringLiteral("submitted")).toInt(), 3);
}

void TestCorrectionsEndToEnd::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->terminate(), 0);
}

/** reopen (CLI) → v2 draft → confirm, sign → upload: the Department's head is v2, v1 listed as replaced. */
void TestCorrectionsEndToEnd::reopenSignUploadReplaces()
{
    const Id v1 = m_sections[0];
    const DeptRun reopen
        = cli({QStringLiteral("reopen"), QStringLiteral("--db"), m_schoolA, QStringLiteral("--section"),
               QString::number(v1), QStringLiteral("--reason"), QStringLiteral("Nhập sai điểm Toán")});
    QVERIFY2(reopen.code == 0, qPrintable(describeRun(reopen)));
    Id v2 = 0;
    {
        auto db = store::Database::openExisting(m_schoolA);
        QVERIFY(db);
        auto versions = lifecycle::sectionVersions(**db, v1);
        QVERIFY2(versions, qPrintable(versions ? QString() : versions.error().message));
        QCOMPARE(versions->size(), 2);
        QCOMPARE(versions->at(1).version, 2);
        QCOMPARE(versions->at(1).state, SectionState::Draft);
        QCOMPARE(versions->at(1).reopenReason, QStringLiteral("Nhập sai điểm Toán"));
        v2 = versions->at(1).sectionId;
        // Until v2 is signed, v1 stays the valid version.
        QCOMPARE(versions->at(0).state, SectionState::Submitted);
        QVERIFY(confirmAcknowledged(**db, m_templateA.year));
        QVERIFY(readySections(**db, m_templateA.year).contains(v2));
        auto report = signBatch(**db, *m_pkiA.signer(false), {v2});
        QVERIFY(report && report->signedItems.size() == 1);
        versions = lifecycle::sectionVersions(**db, v2);
        QVERIFY(versions);
        QCOMPARE(versions->at(0).state, SectionState::Superseded);
        QCOMPARE(versions->at(1).state, SectionState::Signed);
    }
    const QJsonObject sent = upload(m_schoolA);
    QCOMPARE(sent.value(QStringLiteral("submitted")).toInt(), 1);

    const QJsonObject answer = lookup(m_codes[0]);
    QCOMPARE(answer.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(answer.value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));
    const QJsonArray versions = answer[QStringLiteral("years")][0][QStringLiteral("versions")].toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0][QStringLiteral("version")].toInt(), 1);
    QCOMPARE(versions[0][QStringLiteral("digest")].toString(), packet::packetDigest(m_v1Packet));
    const QDateTime replacedAt
        = QDateTime::fromString(versions[0][QStringLiteral("replaced_at")].toString(), Qt::ISODate);
    QVERIFY(replacedAt.isValid());
    QCOMPARE(versions[1][QStringLiteral("received_at")].toString(), replacedAt.toString(Qt::ISODate));
    QVERIFY(versions[1][QStringLiteral("replaced_at")].isNull());

    // The v1 paper copy's QR code, as printed: the API, the page it opens and `hocba-cli lookup` say it was replaced.
    const SchoolYear year = m_templateA.year;
    const QString qr
        = render::lookupUrl(url() + QStringLiteral("/tra-cuu"), m_codes[0], year, 1, digest::sha256(m_v1Packet));
    const QJsonObject checked = lookup(m_codes[0], qr.section(u'?', 1)).value(QStringLiteral("checked")).toObject();
    QVERIFY(checked.value(QStringLiteral("matches")).toBool());
    QVERIFY(!checked.value(QStringLiteral("current")).toBool());
    QCOMPARE(checked.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(checked.value(QStringLiteral("current_version")).toInt(), 2);
    QCOMPARE(checked.value(QStringLiteral("replaced_at")).toString(), replacedAt.toString(Qt::ISODate));
    const Http page = http(QStringLiteral("GET"), qr);
    QCOMPARE(page.status, 200);
    QVERIFY2(QString::fromUtf8(page.body).contains(
                 QStringLiteral("This paper copy is version 1, replaced by version 2 on %1; use the new copy.")
                     .arg(printedDate(vietnamDate(replacedAt)))),
             page.body.constData());
    const DeptRun cliLookup
        = cli({QStringLiteral("lookup"), qr, QStringLiteral("--url"), url(), QStringLiteral("--json")});
    QVERIFY2(cliLookup.code == 0, qPrintable(describeRun(cliLookup)));
    const QJsonObject cliAnswer = QJsonDocument::fromJson(cliLookup.out.toUtf8()).object();
    QCOMPARE(cliAnswer[QStringLiteral("checked")][QStringLiteral("matches")].toBool(), true);
    QCOMPARE(cliAnswer[QStringLiteral("checked")][QStringLiteral("current")].toBool(), false);
    QCOMPARE(cliAnswer[QStringLiteral("checked")][QStringLiteral("current_version")].toInt(), 2);
    QCOMPARE(cliAnswer[QStringLiteral("years")][0][QStringLiteral("versions")].toArray().size(), 2);
    const DeptRun cliText = cli({QStringLiteral("lookup"), qr, QStringLiteral("--url"), url()});
    QVERIFY2(cliText.code == 0, qPrintable(describeRun(cliText)));
    for (const QString& line :
         {QStringLiteral("This paper copy is version 1, replaced by version 2 on %1").arg(text::shownDate(replacedAt)),
          QStringLiteral("Version 1 — replaced on %1").arg(text::shownDate(replacedAt)),
          QStringLiteral("Current version: 2 (received on %1)").arg(text::shownDate(replacedAt))})
        QVERIFY2(cliText.out.contains(line), qPrintable(line + QLatin1Char('\n') + cliText.out));
}

/** A principal-signed revoke request goes through the outbox; the lookup says the record was revoked. */
void TestCorrectionsEndToEnd::revokeBeforeTheLock()
{
    {
        auto db = store::Database::openExisting(m_schoolA);
        QVERIFY(db);
        auto xml = lifecycle::revokeSection(**db, lifecycle::Actor::unrestricted(), m_sections[1],
                                            QStringLiteral("Lập nhầm cho học sinh khác"), *m_pkiA.signer(false));
        QVERIFY2(xml, qPrintable(xml ? QString() : xml.error().message));
        auto checked = signing::verifyRevokeRequest(*xml, {m_pkiA.caDer()});
        QVERIFY(checked && checked->ok());
        QCOMPARE(checked->request.lookupCode, m_codes[1]);
    }
    QCOMPARE(queryOne(m_schoolA, QStringLiteral("SELECT state FROM year_section WHERE id = ?1"),
                      {QString::number(m_sections[1])}),
             QStringLiteral("revoked"));
    upload(m_schoolA);
    {
        auto db = store::Database::openExisting(m_schoolA);
        QVERIFY(db);
        auto requests = lifecycle::departmentRequests(**db);
        QVERIFY(requests && requests->size() == 1);
        QCOMPARE(requests->first().state, lifecycle::DepartmentRequest::State::Sent);
    }
    const QJsonObject answer = lookup(m_codes[1]);
    QCOMPARE(answer.value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));
    const QDateTime revokedAt
        = QDateTime::fromString(answer.value(QStringLiteral("revoked_at")).toString(), Qt::ISODate);
    QVERIFY(revokedAt.isValid() && revokedAt.secsTo(QDateTime::currentDateTimeUtc()) < 600);
    QCOMPARE(answer[QStringLiteral("years")][0][QStringLiteral("revoked_at")].toString(),
             revokedAt.toString(Qt::ISODate));
    const Http page = http(QStringLiteral("GET"), url() + QStringLiteral("/tra-cuu/") + m_codes[1]);
    QVERIFY(QString::fromUtf8(page.body).contains(
        QStringLiteral("Revoked on %1").arg(printedDate(vietnamDate(revokedAt)))));
}

/** A → package → B, checked by B against its own trust store; the Department moves the record; A gets 403. */
void TestCorrectionsEndToEnd::transferBetweenTwoSchools()
{
    const QString studentCode
        = queryOne(m_schoolA,
                   QStringLiteral("SELECT st.moet_code FROM year_section s JOIN record r ON r.id = s.record_id "
                                  "JOIN student st ON st.id = r.student_id WHERE s.id = ?1"),
                   {QString::number(m_sections[2])});
    QVERIFY(!studentCode.isEmpty());
    const QString out = m_dir.filePath(QStringLiteral("packages"));
    QVERIFY(QDir().mkpath(out));
    QString package;
    {
        auto db = store::Database::openExisting(m_schoolA);
        QVERIFY(db);
        lifecycle::TransferOutRequest request;
        request.studentCode = studentCode;
        request.toSchoolCode = kSchoolB;
        request.toSchoolName = kSchoolBName;
        request.reason = QStringLiteral("Gia đình chuyển nơi ở");
        request.outDir = out;
        auto made = lifecycle::transferOut(**db, lifecycle::Actor::unrestricted(), request, *m_pkiA.signer(false));
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        QCOMPARE(made->lookupCode, m_codes[2]);
        package = made->packagePath;
    }
    QVERIFY(QFile::exists(package));
    // The old school reports the transfer with its next upload.
    upload(m_schoolA);
    {
        auto db = store::Database::openExisting(m_schoolA);
        QVERIFY(db);
        auto requests = lifecycle::departmentRequests(**db);
        QVERIFY(requests && requests->size() == 2); // the revoke, then the transfer
        for (const lifecycle::DepartmentRequest& r : *requests)
            QVERIFY2(r.state == lifecycle::DepartmentRequest::State::Sent, qPrintable(r.lastError));
    }

    // Tampered packages are refused by the new school with nothing written: a changed mark, a removed year, a
    // statement for another school (signed by A's principal), a statement signed with a key of a CA B does not trust.
    {
        const QString year = m_templateA.year.toString();
        const QString packetName = QStringLiteral("years/%1/v1/packet.xml").arg(year);
        const QByteArray statementXml = unzipOne(package, QStringLiteral("statement.xml"));
        QByteArray packetXml = unzipOne(package, packetName);
        QVERIFY(!statementXml.isEmpty() && !packetXml.isEmpty());
        static const QRegularExpression score(QStringLiteral("(<YearAverage>)(\\d+(\\.\\d)?)(</YearAverage>)"));
        const QRegularExpressionMatch m = score.match(QString::fromUtf8(packetXml));
        QVERIFY2(m.hasMatch(), "no year average in the packet");
        QString changedPacket = QString::fromUtf8(packetXml);
        changedPacket.replace(m.capturedStart(2), m.capturedLength(2),
                              m.captured(2) == QLatin1String("10") ? QStringLiteral("9") : QStringLiteral("10"));
        auto statement = packet::readTransferStatement(statementXml);
        QVERIFY(statement);
        const auto signStatement = [](packet::TransferStatement st, signing::Signer& signer) {
            signing::XmlSignOptions o;
            o.role = signing::SignerRole::Principal;
            o.layout = signing::requestSignatureLayout();
            return signing::XmlSigner::sign(packet::writeTransferStatement(st), signer, o).value_or(QByteArray());
        };
        packet::TransferStatement elsewhere = *statement;
        elsewhere.toSchoolCode = QStringLiteral("0100777703");
        TestPki stranger;
        QVERIFY(stranger.create());
        const QList<std::pair<const char*, QMap<QString, QByteArray>>> cases {
            {"a changed mark", {{packetName, changedPacket.toUtf8()}}},
            {"a removed year",
             {{packetName, QByteArray()}, {QStringLiteral("years/%1/v1/record.pdf").arg(year), QByteArray()}}},
            {"a statement for another school",
             {{QStringLiteral("statement.xml"), signStatement(elsewhere, *m_pkiA.signer(false))}}},
            {"a foreign certificate",
             {{QStringLiteral("statement.xml"), signStatement(*statement, *stranger.signer(false))}}},
        };
        const QByteArray before = readFile(m_schoolB);
        for (const auto& [what, changes] : cases) {
            const QString bad = m_dir.filePath(QStringLiteral("bad.hocba-transfer.zip"));
            QFile::remove(bad);
            QVERIFY2(rezip(package, bad, changes), what);
            auto db = store::Database::openExisting(m_schoolB);
            QVERIFY(db);
            auto refused = lifecycle::transferIn(**db, lifecycle::Actor::unrestricted(), bad);
            QVERIFY2(!refused, what);
            QVERIFY2(!refused.error().message.isEmpty(), what);
            qInfo("%s: %s", what, qPrintable(refused.error().message));
        }
        QVERIFY2(readFile(m_schoolB) == before, "a refused package changed the new school's file");
    }

    // The new school checks and imports the package under the same lookup code, then reports it too (the same
    // statement again: nothing changes at the Department).
    {
        auto db = store::Database::openExisting(m_schoolB);
        QVERIFY(db);
        auto in = lifecycle::transferIn(**db, lifecycle::Actor::unrestricted(), package);
        QVERIFY2(in, qPrintable(in ? QString() : in.error().message + QLatin1Char('\n') + in.error().detail));
        QCOMPARE(in->lookupCode, m_codes[2]);
    }
    QCOMPARE(queryOne(m_schoolB, QStringLiteral("SELECT count(*) FROM record WHERE lookup_code = ?1"), {m_codes[2]}),
             QStringLiteral("1"));
    bookOfTheReceivedRecord();
    upload(m_schoolB);
    {
        auto db = store::Database::openExisting(m_schoolB);
        QVERIFY(db);
        auto requests = lifecycle::departmentRequests(**db);
        QVERIFY(requests && requests->size() == 1);
        QVERIFY2(requests->first().state == lifecycle::DepartmentRequest::State::Sent,
                 qPrintable(requests->first().lastError));
    }

    // The old school's record is read-only whatever program writes, and A may no longer submit for that code.
    QVERIFY(!rawSql(m_schoolA,
                    QStringLiteral("UPDATE record SET transferred_at = NULL, transferred_to_code = NULL "
                                   "WHERE lookup_code = '%1'")
                        .arg(m_codes[2]))
                 .isEmpty());
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("packet"), QString::fromLatin1(m_resignedPacket.toBase64())},
                                     {QStringLiteral("pdf"), QString::fromLatin1(m_resignedPdf.toBase64())}})
              .toJson(QJsonDocument::Compact);
    const Http again
        = http(QStringLiteral("POST"), url() + QStringLiteral("/api/v1/records"), credential(m_credentialA), body);
    QCOMPARE(again.status, 403);
    QCOMPARE(again.json().value(QStringLiteral("error")).toString(), QStringLiteral("other_school"));

    // The lookup names the move once, however many times it was reported.
    const QJsonArray moves = lookup(m_codes[2]).value(QStringLiteral("transfers")).toArray();
    QCOMPARE(moves.size(), 1);
    QCOMPARE(moves[0][QStringLiteral("from_school")].toString(),
             queryOne(m_schoolA, QStringLiteral("SELECT name FROM school")));
    QCOMPARE(moves[0][QStringLiteral("to_school")].toString(), kSchoolBName);
    QVERIFY(QDate::fromString(moves[0][QStringLiteral("date")].toString(), Qt::ISODate).isValid());
    QVERIFY(QString::fromUtf8(http(QStringLiteral("GET"), url() + QStringLiteral("/tra-cuu/") + m_codes[2]).body)
                .contains(QStringLiteral(" to %1 on ").arg(kSchoolBName)));
}

/**
 * School B's printed book of the record it received: A's year as received (the pages of A's signed PDF, their text
 * unchanged, after a page that names A), A in the study history; and when A's PDF in B's file is swapped behind the
 * program's back for another genuine A-signed PDF of the same pupil and year, the book is refused.
 */
void TestCorrectionsEndToEnd::bookOfTheReceivedRecord()
{
    const QString schoolA = queryOne(m_schoolA, QStringLiteral("SELECT name FROM school"));
    const QString recordId
        = queryOne(m_schoolB, QStringLiteral("SELECT id FROM record WHERE lookup_code = ?1"), {m_codes[2]});
    QVERIFY(!schoolA.isEmpty() && !recordId.isEmpty());
    // -raw: in drawing order, so a table cell's wrapped lines stay together.
    auto pdfText = [](const QString& pdf, int page = 0, const QString& mode = QStringLiteral("-layout")) {
        QStringList args {mode};
        if (page > 0)
            args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
        QProcess p;
        p.start(QStringLiteral("pdftotext"), args << pdf << QStringLiteral("-"));
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    QByteArray receivedPdf;
    {
        auto db = store::Database::openExisting(m_schoolB);
        QVERIFY(db);
        auto input = lifecycle::renderInputForRecord(**db, recordId.toLongLong());
        QVERIFY2(input, qPrintable(input ? QString() : input.error().message));
        QVERIFY(input->years.isEmpty()); // received without a class: no year of B's own yet
        QCOMPARE(input->received.size(), 1);
        receivedPdf = input->received.first().signedPdf;
        auto book = render::renderRecordPdf(*input);
        QVERIFY2(book, qPrintable(book ? QString() : book.error().message));
        const QString bookPath = m_dir.filePath(QStringLiteral("book-b.pdf"));
        const QString originalPath = m_dir.filePath(QStringLiteral("received-a.pdf"));
        for (const auto& [path, bytes] : {std::pair {bookPath, *book}, std::pair {originalPath, receivedPdf}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        }
        const QString original = pdfText(originalPath);
        QVERIFY(original.count(QLatin1Char('\f')) >= 2);
        QVERIFY2(pdfText(bookPath).contains(original), "the received pages are not in the book unchanged");
        // The pages before the received year's: cover, instructions, information and study history (docs/layout.md).
        int divider = 0, historyPage = 0;
        for (int page = 1; page <= 6; ++page) {
            const QString t = pdfText(bookPath, page).simplified();
            if (!divider && t.contains(QStringLiteral("nhận từ %1, do %1 ký số").arg(schoolA)))
                divider = page;
            if (!historyPage && t.contains(QStringLiteral("QUÁ TRÌNH HỌC TẬP")))
                historyPage = page;
        }
        QVERIFY(divider > historyPage && historyPage > 0);
        const QString history = pdfText(bookPath, historyPage, QStringLiteral("-raw")).simplified();
        QVERIFY2(history.contains(schoolA), qPrintable(schoolA + QLatin1Char('\n') + history));
        // The book never shows A's signature, which could only be reported broken outside A's own file.
        auto signatures = [](const QString& pdf) {
            QProcess p;
            p.start(QStringLiteral("pdfsig"), {pdf});
            p.waitForFinished(60000);
            return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        };
        QVERIFY(signatures(originalPath).contains(QStringLiteral("Signature #1")));
        const QString inBook = signatures(bookPath);
        QVERIFY2(!inBook.contains(QStringLiteral("Signature #")), qPrintable(inBook));
    }
    const QString year = m_templateA.year.toString();
    QCOMPARE(receivedPdf,
             unzipOne(m_dir.filePath(QStringLiteral("packages/%1.hocba-transfer.zip").arg(m_codes[2])),
                      QStringLiteral("years/%1/v1/record.pdf").arg(year)));

    // A genuine A-signed PDF of the same pupil, year and version, but of another packet than the one received.
    const QString sha
        = QString::fromLatin1(QCryptographicHash::hash(m_resignedPdf, QCryptographicHash::Sha256).toHex());
    const QString backup = m_dir.filePath(QStringLiteral("school-b-before-swap.hocba"));
    QFile::remove(backup);
    QVERIFY(QFile::copy(m_schoolB, backup));
    QCOMPARE(rawSql(m_schoolB,
                    QStringLiteral("DROP TRIGGER received_section_no_update; UPDATE received_section SET pdf = X'%1', "
                                   "pdf_sha256 = '%2'")
                        .arg(QString::fromLatin1(m_resignedPdf.toHex()), sha)),
             QString());
    {
        auto db = store::Database::openExisting(m_schoolB);
        QVERIFY(db);
        auto refused = lifecycle::renderInputForRecord(**db, recordId.toLongLong());
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(schoolA), qPrintable(refused.error().message));
    }
    QVERIFY(QFile::remove(m_schoolB));
    QVERIFY(QFile::copy(backup, m_schoolB));
}

Result<QByteArray> TestCorrectionsEndToEnd::signedRevoke(const QString& code, int version, const QString& reason)
{
    packet::RevokeRequest r;
    r.lookupCode = code;
    r.schoolYearStart = m_templateA.year.startYear;
    r.version = version;
    r.schoolCode = queryOne(m_schoolA, QStringLiteral("SELECT moet_code FROM school"));
    r.schoolName = queryOne(m_schoolA, QStringLiteral("SELECT name FROM school"));
    r.reason = reason;
    r.requestedAt = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    signing::XmlSignOptions o;
    o.role = signing::SignerRole::Principal;
    o.layout = signing::requestSignatureLayout();
    return signing::XmlSigner::sign(packet::writeRevokeRequest(r), *m_pkiA.signer(false), o);
}

/** window lock → receipts: the school file refuses a reopen and a revoke, the Department a signed revoke (409). */
void TestCorrectionsEndToEnd::afterTheLockNothingChanges()
{
    const DeptRun lock = dept({QStringLiteral("window"), QStringLiteral("lock"), QStringLiteral("--id"), m_windowId});
    QVERIFY2(lock.code == 0, qPrintable(describeRun(lock)));
    const DeptRun receipts
        = cli({QStringLiteral("receipts"), QStringLiteral("--db"), m_schoolA, QStringLiteral("--json")});
    QVERIFY2(receipts.code == 0, qPrintable(describeRun(receipts)));

    Id current = 0;
    {
        auto db = store::Database::openExisting(m_schoolA);
        QVERIFY(db);
        auto versions = lifecycle::sectionVersions(**db, m_sections[0]);
        QVERIFY(versions && versions->size() == 2);
        QCOMPARE(versions->at(1).state, SectionState::Locked);
        current = versions->at(1).sectionId;
    }
    const DeptRun reopen
        = cli({QStringLiteral("reopen"), QStringLiteral("--db"), m_schoolA, QStringLiteral("--section"),
               QString::number(current), QStringLiteral("--reason"), QStringLiteral("Sửa lần nữa")});
    QVERIFY2(reopen.code != 0 && reopen.err.contains(QStringLiteral("lock"), Qt::CaseInsensitive),
             qPrintable(describeRun(reopen)));
    {
        auto db = store::Database::openExisting(m_schoolA);
        QVERIFY(db);
        auto revoked = lifecycle::revokeSection(**db, lifecycle::Actor::unrestricted(), current,
                                                QStringLiteral("Thu hồi sau khi khoá"), *m_pkiA.signer(false));
        QVERIFY(!revoked);
        auto versions = lifecycle::sectionVersions(**db, current);
        QVERIFY(versions && versions->size() == 2); // nothing new
        auto requests = lifecycle::departmentRequests(**db);
        QVERIFY(requests && requests->size() == 2); // only the earlier revoke and transfer
    }
    // Behind the program's back: the trigger keeps the locked section.
    QVERIFY(!rawSql(m_schoolA, QStringLiteral("UPDATE year_section SET state = 'revoked' WHERE id = %1").arg(current))
                 .isEmpty());

    // A revoke request the principal signs outside the program: the Department refuses it after the lock.
    auto xml = signedRevoke(m_codes[0], 2, QStringLiteral("Thu hồi sau khi khoá"));
    QVERIFY(xml);
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("request"), QString::fromLatin1(xml->toBase64())}})
              .toJson(QJsonDocument::Compact);
    const Http refused = http(QStringLiteral("POST"),
                              url() + QStringLiteral("/api/v1/records/") + m_codes[0] + QStringLiteral("/revoke"),
                              credential(m_credentialA), body);
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.json().value(QStringLiteral("error")).toString(), QStringLiteral("locked"));
    const QJsonObject answer = lookup(m_codes[0]);
    QCOMPARE(answer.value(QStringLiteral("state")).toString(), QStringLiteral("locked"));
    QCOMPARE(answer.value(QStringLiteral("version")).toInt(), 2);
}

QTEST_MAIN(TestCorrectionsEndToEnd) // signing renders the book: fonts need a QGuiApplication
#include "TestCorrectionsEndToEnd.moc"

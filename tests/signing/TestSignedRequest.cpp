// SPDX-License-Identifier: GPL-3.0-or-later
// The signed revoke request and transfer statement (packet/SignedRequest.h, verify/RequestVerifier.h): their XML both
// ways, the reader against malformed and hostile input, and the signature check against what an attacker would make
// (a fresh key under the principal's name, another role, a second signature, an edit after signing); xmlsec1 checks
// the same signatures independently.
#include "LegacyXmlSigner.h"
#include "TestPki.h"

#include "packet/SignedRequest.h"
#include "token/SoftwareSigner.h"
#include "token/XmlSigner.h"
#include "verify/RequestVerifier.h"

#include <QFile>
#include <QtTest>

using namespace hocba;
using namespace hocba::signing;
using hocba::test::runTool;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

packet::RevokeRequest sampleRevoke()
{
    packet::RevokeRequest r;
    r.lookupCode = QStringLiteral("0123456789abcdef0123456789abcdef");
    r.schoolYearStart = 2025;
    r.version = 2;
    r.schoolCode = QStringLiteral("79000101");
    r.schoolName = QStringLiteral("Trường THCS Nguyễn Du");
    r.reason = QStringLiteral("Lập nhầm học bạ cho học sinh khác & phải thu hồi <gấp>");
    r.requestedAt = QDateTime(QDate(2026, 6, 20), QTime(8, 15), Qt::UTC);
    return r;
}

packet::TransferStatement sampleStatement()
{
    packet::TransferStatement s;
    s.lookupCode = QStringLiteral("fedcba9876543210fedcba9876543210");
    s.level = SchoolLevel::Thcs;
    s.studentName = QStringLiteral("Nguyễn Thị Ánh Dương");
    s.birthDate = QDate(2012, 3, 14);
    s.studentMoetCode = QStringLiteral("7900012345");
    s.fromSchoolCode = QStringLiteral("79000101");
    s.fromSchoolName = QStringLiteral("Trường THCS Nguyễn Du");
    s.fromProvince = QStringLiteral("Hồ Chí Minh");
    s.toSchoolCode = QStringLiteral("01000202");
    s.toSchoolName = QStringLiteral("Trường THCS Chu Văn An");
    s.transferDate = QDate(2026, 8, 20);
    s.reason = QStringLiteral("Gia đình chuyển nơi ở");
    s.madeAt = QDateTime(QDate(2026, 8, 20), QTime(2, 0), Qt::UTC);
    for (int v = 1; v <= 2; ++v)
        s.items.append(
            {2025, 7, v, QStringLiteral("79000101"), v == 1 ? QStringLiteral("superseded") : QStringLiteral("current"),
             QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN-_%1").arg(v), QString(64, QLatin1Char('a' + v))});
    return s;
}

} // namespace

class TestSignedRequest : public QObject
{
    Q_OBJECT

    test::TestPki m_pki;
    QDateTime m_when;

    QByteArray sign(const QByteArray& xml, Signer& signer, SignerRole role = SignerRole::Principal)
    {
        XmlSignOptions o;
        o.role = role;
        o.signingTime = m_when;
        o.layout = requestSignatureLayout();
        auto r = XmlSigner::sign(xml, signer, o);
        if (!r)
            qWarning() << r.error().message << r.error().detail;
        return r.value_or(QByteArray());
    }

    bool xmlsec1Accepts(const QByteArray& xml, const QString& rootName)
    {
        const QString file = m_pki.path(QStringLiteral("request.xml"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(xml);
        f.close();
        const auto r = runTool(QStringLiteral("xmlsec1"),
                               {"--verify", "--id-attr:Id", QStringLiteral("urn:hocba:request:1:Data"), "--trusted-pem",
                                m_pki.path(QStringLiteral("ca.pem")), file});
        if (r.exitCode != 0)
            qInfo().noquote() << rootName << r.output;
        return r.exitCode == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        m_when = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    }

    void revokeRoundTrip()
    {
        const packet::RevokeRequest r = sampleRevoke();
        const QByteArray xml = packet::writeRevokeRequest(r);
        QVERIFY(xml.contains("<RevokeRequest formatVersion=\"1\" xmlns=\"urn:hocba:request:1\">")
                || xml.contains("<RevokeRequest xmlns=\"urn:hocba:request:1\" formatVersion=\"1\">"));
        QVERIFY(xml.contains("<Data Id=\"data\">"));
        auto back = packet::readRevokeRequest(xml);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(*back, r);
        QCOMPARE(packet::writeRevokeRequest(*back), xml); // one form for one content
    }

    void statementRoundTrip()
    {
        packet::TransferStatement s = sampleStatement();
        auto back = packet::readTransferStatement(packet::writeTransferStatement(s));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(*back, s);
        s.studentMoetCode.clear(); // optional fields stay optional
        s.reason.clear();
        back = packet::readTransferStatement(packet::writeTransferStatement(s));
        QVERIFY(back);
        QCOMPARE(*back, s);
    }

    void readerRefuses_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<bool>("statement");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("wrong root") << QByteArray("<RevokeRequest ") << QByteArray("<Revoke ") << false
                                    << QStringLiteral("RevokeRequest");
        QTest::newRow("wrong namespace") << QByteArray("urn:hocba:request:1") << QByteArray("urn:hocba:packet:1")
                                         << false << QStringLiteral("urn:hocba:request:1");
        QTest::newRow("future format") << QByteArray("formatVersion=\"1\"") << QByteArray("formatVersion=\"2\"")
                                       << false << QStringLiteral("format");
        QTest::newRow("code not hex") << QByteArray("0123456789abcdef0123456789abcdef")
                                      << QByteArray("0123456789ABCDEF0123456789abcdef") << false
                                      << QStringLiteral("32");
        QTest::newRow("missing reason") << QByteArray("Reason>") << QByteArray("Other>") << false
                                        << QStringLiteral("<Other>");
        QTest::newRow("bad year") << QByteArray("2025-2026") << QByteArray("2025-2027") << false
                                  << QStringLiteral("2025-2026");
        QTest::newRow("version zero") << QByteArray("<Version>2</Version>") << QByteArray("<Version>0</Version>")
                                      << false << QStringLiteral("Version");
        QTest::newRow("local time") << QByteArray("08:15:00Z") << QByteArray("08:15:00+07:00") << false
                                    << QStringLiteral("UTC");
        QTest::newRow("doctype") << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                                 << QByteArray("<!DOCTYPE r [<!ENTITY a \"b\">]>\n") << false
                                 << QStringLiteral("DOCTYPE");
        QTest::newRow("unknown element") << QByteArray("</Items>") << QByteArray("</Items><Ignored></Ignored>") << true
                                         << QStringLiteral("Ignored");
        QTest::newRow("bad state") << QByteArray("<State>current</State>") << QByteArray("<State>forged</State>")
                                   << true << QStringLiteral("current");
        QTest::newRow("bad digest") << QByteArray("<PdfSha256>bbbb") << QByteArray("<PdfSha256>BBBB") << true
                                    << QStringLiteral("64");
        QTest::newRow("second data") << QByteArray("<DSCKS>") << QByteArray("<Data Id=\"data\"></Data><DSCKS>") << true
                                     << QStringLiteral("Data");
    }

    void readerRefuses()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(bool, statement);
        QFETCH(QString, fragment);
        QByteArray xml = statement ? packet::writeTransferStatement(sampleStatement())
                                   : packet::writeRevokeRequest(sampleRevoke());
        QVERIFY2(xml.contains(from), xml.constData());
        xml.replace(from, to);
        const Error e = statement ? packet::readTransferStatement(xml).error() : packet::readRevokeRequest(xml).error();
        QCOMPARE(e.code, ErrorCode::InvalidInput);
        QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
    }

    void emptyItemListRefused()
    {
        packet::TransferStatement s = sampleStatement();
        s.items.clear();
        auto r = packet::readTransferStatement(packet::writeTransferStatement(s));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    }

    void principalSignatureVerifies()
    {
        auto signer = m_pki.signer(false);
        const QByteArray revoke = sign(packet::writeRevokeRequest(sampleRevoke()), *signer);
        QVERIFY(!revoke.isEmpty());
        auto checked = verifyRevokeRequest(revoke, {m_pki.caDer()});
        QVERIFY(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(QLatin1Char('\n')) + checked->report.toText()));
        QCOMPARE(checked->request, sampleRevoke());
        QVERIFY(!checked->signerCertificateDer().isEmpty());
        QVERIFY(xmlsec1Accepts(revoke, QStringLiteral("revoke")));

        auto ec = m_pki.signer(true);
        const QByteArray statement = sign(packet::writeTransferStatement(sampleStatement()), *ec);
        auto st = verifyTransferStatement(statement, {m_pki.caDer()});
        QVERIFY(st);
        QVERIFY2(st->ok(), qPrintable(st->problems.join(QLatin1Char('\n')) + st->report.toText()));
        QCOMPARE(st->request, sampleStatement());
        QVERIFY(xmlsec1Accepts(statement, QStringLiteral("statement")));
    }

    // Issue 16: requests are signed as XAdES now; one signed the way it was before still verifies, role and all.
    void requestSignedBeforeXadesVerifies()
    {
        auto signer = m_pki.signer(false);
        const QByteArray xades = sign(packet::writeRevokeRequest(sampleRevoke()), *signer);
        QVERIFY(xades.contains("<xades:ClaimedRole>principal</xades:ClaimedRole>"));
        XmlSignOptions o;
        o.signingTime = m_when;
        o.layout = requestSignatureLayout();
        const QByteArray old
            = test::signLegacyXml(packet::writeRevokeRequest(sampleRevoke()), *signer, o).value_or(QByteArray());
        QVERIFY(old.contains("<SignerRole xmlns=\"urn:hocba:request:1\">principal</SignerRole>"));
        for (const QByteArray& xml : {xades, old}) {
            auto checked = verifyRevokeRequest(xml, {m_pki.caDer()});
            QVERIFY(checked);
            QVERIFY2(checked->ok(), qPrintable(checked->problems.join(u'\n') + checked->report.toText()));
            QCOMPARE(checked->report.signatures.first().signingTime, m_when);
        }
        o.role = SignerRole::Seal;
        auto seal = verifyRevokeRequest(
            test::signLegacyXml(packet::writeRevokeRequest(sampleRevoke()), *signer, o).value_or(QByteArray()),
            {m_pki.caDer()});
        QVERIFY(seal && seal->report.ok() && !seal->ok());
    }

    void unsignedIsNotOk()
    {
        auto checked = verifyRevokeRequest(packet::writeRevokeRequest(sampleRevoke()), {m_pki.caDer()});
        QVERIFY(checked);
        QVERIFY(!checked->ok());
        QVERIFY(checked->signerCertificateDer().isEmpty());
        QVERIFY(!checked->problems.isEmpty());
    }

    void otherRoleRefused()
    {
        auto signer = m_pki.signer(false);
        auto checked = verifyRevokeRequest(
            sign(packet::writeRevokeRequest(sampleRevoke()), *signer, SignerRole::Homeroom), {m_pki.caDer()});
        QVERIFY(checked);
        QVERIFY(checked->report.ok()); // a valid signature…
        QVERIFY(!checked->ok()); // …by someone who may not ask for this
        QVERIFY(
            checked->problems.join(QLatin1Char(' ')).contains(QStringLiteral("principal"))
            || checked->problems.join(QLatin1Char(' ')).contains(QStringLiteral("hiệu trưởng"), Qt::CaseInsensitive));
    }

    void secondSignatureRefused()
    {
        auto rsa = m_pki.signer(false);
        auto ec = m_pki.signer(true);
        const QByteArray once = sign(packet::writeRevokeRequest(sampleRevoke()), *rsa);
        const QByteArray twice = sign(once, *ec);
        QVERIFY(!twice.isEmpty());
        auto checked = verifyRevokeRequest(twice, {m_pki.caDer()});
        QVERIFY(checked);
        QCOMPARE(checked->report.signatures.size(), 2);
        QVERIFY(!checked->ok());
    }

    void editAfterSigningRefused()
    {
        auto signer = m_pki.signer(false);
        QByteArray signedXml = sign(packet::writeRevokeRequest(sampleRevoke()), *signer);
        QVERIFY(signedXml.contains("<Version>2</Version>"));
        signedXml.replace("<Version>2</Version>", "<Version>3</Version>");
        auto checked = verifyRevokeRequest(signedXml, {m_pki.caDer()});
        QVERIFY(checked);
        QCOMPARE(checked->request.version, 3); // read as written…
        QVERIFY(!checked->ok()); // …but not as signed
        QVERIFY(!checked->report.signatures.first().integrityOk);
    }

    /** The attacker's usual move: a fresh key in a self-made certificate with the principal's name. */
    void freshKeyUnderPrincipalsNameRefused()
    {
        QVERIFY(m_pki.issue(
            QStringLiteral("impostor"), QStringLiteral("/C=VN/O=Trường THPT Thử Nghiệm/CN=Nguyễn Văn Ký (RSA)"),
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,nonRepudiation,digitalSignature\n", true));
        auto impostor
            = SoftwareSigner::fromPem(readFile(m_pki.path("impostor.key")), readFile(m_pki.path("impostor.pem")));
        QVERIFY(impostor);
        const QByteArray forged = sign(packet::writeTransferStatement(sampleStatement()), **impostor);
        auto checked = verifyTransferStatement(forged, {m_pki.caDer()});
        QVERIFY(checked);
        QCOMPARE(checked->report.signatures.size(), 1);
        QVERIFY(checked->report.signatures.first().integrityOk);
        QVERIFY(!checked->report.signatures.first().certificateTrusted);
        QVERIFY(!checked->ok());
        QVERIFY(!xmlsec1Accepts(forged, QStringLiteral("forged")));
    }

    void packetIsNotARequest()
    {
        const QByteArray notRequest = "<?xml version=\"1.0\"?>\n<RecordPacket xmlns=\"urn:hocba:packet:1\" "
                                      "formatVersion=\"1\"><Data Id=\"data\"/><Signatures/></RecordPacket>\n";
        auto r = verifyRevokeRequest(notRequest, {m_pki.caDer()});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        QVERIFY(!verifyTransferStatement(packet::writeRevokeRequest(sampleRevoke()), {m_pki.caDer()}));
    }
};

QTEST_GUILESS_MAIN(TestSignedRequest)
#include "TestSignedRequest.moc"

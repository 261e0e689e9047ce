// SPDX-License-Identifier: GPL-3.0-or-later
// XMLDSig over the packet: our signer + verifier, cross-checked with the xmlsec1 command line.
#include "TestPki.h"

#include "signing/XmlSigner.h"
#include "signing/XmlVerifier.h"

#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

using namespace hocba;
using namespace hocba::signing;
using hocba::test::runTool;

// Not a raw string literal: moc misparses the quotes inside one and emits nothing.
static const QByteArray kPacket
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<HocBa xmlns=\"urn:hocba:packet:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      "  <!-- mẫu thử -->\n"
      "  <DuLieu Id=\"data\">\n"
      "    <HocSinh xml:lang=\"vi\"><HoTen>Nguyễn Thị Ánh Dương</HoTen>\n"
      "      <Diem Mon=\"Toán\">8.5</Diem><Diem Mon='Tiếng Việt'>9.0</Diem>\n"
      "      <NhanXet>Chăm chỉ &amp; tiến bộ &lt;rõ&gt;</NhanXet><Trong/>\n"
      "    </HocSinh>\n"
      "  </DuLieu>\n"
      "  <DSCKS/>\n"
      "</HocBa>\n";

class TestXmlSignature : public QObject
{
    Q_OBJECT

    test::TestPki m_pki;
    // Certificates are issued at test time, so the signing time must be "now" to lie within their validity.
    QDateTime m_when; ///< set after the PKI exists (certificates are valid from their creation second)

    QByteArray sign(const QByteArray& xml, bool ec, SignerRole role)
    {
        auto signer = m_pki.signer(ec);
        XmlSignOptions o;
        o.role = role;
        o.signingTime = m_when;
        auto r = XmlSigner::sign(xml, *signer, o);
        if (!r)
            qWarning() << r.error().message << r.error().detail;
        return r.value_or(QByteArray());
    }

    /** xmlsec1 on one signature (by Id); returns true if it says OK. */
    bool xmlsec1(const QByteArray& xml, const QString& sigId, bool trusted = true)
    {
        QFile f(m_pki.path(QStringLiteral("packet.xml")));
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(xml);
        f.close();
        QStringList args {"--verify",
                          "--id-attr:Id",
                          "urn:hocba:packet:1:DuLieu",
                          "--id-attr:Id",
                          "http://www.w3.org/2000/09/xmldsig#:Signature",
                          "--node-id",
                          sigId};
        if (trusted)
            args << "--trusted-pem" << m_pki.path(QStringLiteral("ca.pem"));
        args << f.fileName();
        auto r = runTool(QStringLiteral("xmlsec1"), args);
        if (r.exitCode != 0 && qEnvironmentVariableIsSet("HOCBA_TEST_VERBOSE"))
            qInfo().noquote() << r.output;
        return r.exitCode == 0 && r.output.contains(QLatin1String("OK"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        m_when = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    }

    void signAndVerify_data()
    {
        QTest::addColumn<bool>("ec");
        QTest::newRow("RSA-2048") << false;
        QTest::newRow("EC P-256") << true;
    }
    void signAndVerify()
    {
        QFETCH(bool, ec);
        const QByteArray signedXml = sign(kPacket, ec, SignerRole::Principal);
        QVERIFY(!signedXml.isEmpty());
        QVERIFY(signedXml.contains("Nguyễn Thị Ánh Dương"));
        auto report = XmlVerifier::verify(signedXml, {m_pki.caDer()});
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 1);
        const auto& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(QLatin1Char(';'))));
        QCOMPARE(s.role, SignerRole::Principal);
        QCOMPARE(s.signingTime, m_when);
        QVERIFY(s.signerName.startsWith(QStringLiteral("Nguyễn Văn Ký")) || s.signerName.startsWith("Trần Thị Ấn"));
        QVERIFY(s.certificate.subject.contains(QStringLiteral("Trường THPT Thử Nghiệm")));
        QVERIFY(!s.certificate.serialHex.isEmpty());
        QVERIFY(xmlsec1(signedXml, s.id));
        QVERIFY(!xmlsec1(signedXml, s.id, false)); // unknown CA
        qInfo().noquote() << report->toText();
    }

    // Trust is judged at the signing time, not now (see TestPdfSignature for the reason).
    void trustIsJudgedAtTheSigningTime()
    {
        const QDateTime now = m_when;
        m_when = QDateTime(QDate(2015, 6, 1), QTime(8, 0), Qt::UTC);
        const QByteArray xml = sign(kPacket, false, SignerRole::Principal);
        m_when = now;
        auto report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(s.integrityOk);
        QVERIFY(!s.certificateTrusted);
        QVERIFY(!s.validAtSigningTime);
    }

    void threeSignersKeepEarlierValid()
    {
        QByteArray xml = sign(kPacket, false, SignerRole::Homeroom);
        xml = sign(xml, true, SignerRole::Principal);
        xml = sign(xml, false, SignerRole::Seal);
        auto report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 3);
        QVERIFY(report->ok());
        QCOMPARE(report->signatures[0].role, SignerRole::Homeroom);
        QCOMPARE(report->signatures[2].role, SignerRole::Seal);
        for (const auto& s : report->signatures)
            QVERIFY2(xmlsec1(xml, s.id), qPrintable(s.id));
        QVERIFY(xml.contains("<HieuTruong>") && xml.contains("<GVCN>") && xml.contains("<DonVi>"));
    }

    void tamperedScoreDetected()
    {
        const QByteArray signedXml = sign(kPacket, false, SignerRole::Principal);
        QByteArray bad = signedXml;
        bad.replace(">8.5<", ">9.5<");
        QVERIFY(bad != signedXml);
        auto report = XmlVerifier::verify(bad, {m_pki.caDer()});
        QVERIFY(report);
        QVERIFY(!report->ok());
        QVERIFY(!report->signatures.first().integrityOk);
        QVERIFY(!report->signatures.first().problems.isEmpty());
        QVERIFY(!xmlsec1(bad, QStringLiteral("sig-principal")));
    }

    void tamperedSigningTimeDetected()
    {
        QByteArray bad = sign(kPacket, true, SignerRole::Principal);
        bad.replace(m_when.toString(Qt::ISODate).toUtf8(), m_when.addDays(1).toString(Qt::ISODate).toUtf8());
        auto report = XmlVerifier::verify(bad, {m_pki.caDer()});
        QVERIFY(report && !report->ok() && !report->signatures.first().integrityOk);
        QVERIFY(!xmlsec1(bad, QStringLiteral("sig-principal")));
    }

    void untrustedCertificateReported()
    {
        auto report = XmlVerifier::verify(sign(kPacket, false, SignerRole::Principal), {});
        QVERIFY(report);
        QVERIFY(report->signatures.first().integrityOk);
        QVERIFY(!report->signatures.first().certificateTrusted);
        QVERIFY(!report->ok());
    }

    void rejectsPacketWithoutContainer()
    {
        auto signer = m_pki.signer(false);
        QVERIFY(!XmlSigner::sign("<a xmlns='urn:hocba:packet:1'><DuLieu Id='data'/></a>", *signer, {}));
        QVERIFY(!XmlSigner::sign("not xml", *signer, {}));
    }

    void verificationRate()
    {
        const QByteArray xml = sign(kPacket, false, SignerRole::Principal);
        QElapsedTimer t;
        t.start();
        int n = 0;
        while (t.elapsed() < 500) {
            QVERIFY(XmlVerifier::verify(xml, {m_pki.caDer()})->ok());
            ++n;
        }
        qInfo("XML verification: %.0f packets/s (RSA-2048, one signature)", n * 1000.0 / double(t.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestXmlSignature)
#include "TestXmlSignature.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// XMLDSig over the packet: our signer + verifier, cross-checked with the xmlsec1 command line.
#include "LegacyXmlSigner.h"
#include "TestPki.h"
#include "TsaFixture.h"

#include "../packet/SamplePacket.h"
#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"
#include "token/XmlSigner.h"
#include "verify/DocumentVerifier.h"
#include "verify/XmlVerifier.h"

#include "token/SoftwareSigner.h"
#include "token/TokenTypes.h"

#include <QDir>
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

static QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class TestXmlSignature : public QObject
{
    Q_OBJECT

    test::TestPki m_pki;
    test::TsaFixture m_tsa;
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

    QByteArray signStamped(const QByteArray& xml, const QDateTime& when, const QString& section = QStringLiteral("tsa"))
    {
        auto signer = m_pki.signer(false);
        auto stamper = m_tsa.timestamper(section);
        XmlSignOptions o;
        o.signingTime = when;
        o.timestamper = stamper.get();
        auto r = XmlSigner::sign(xml, *signer, o);
        if (!r)
            qWarning() << r.error().message << r.error().detail;
        return r.value_or(QByteArray());
    }

    static QByteArray between(const QByteArray& xml, const QByteArray& open, const QByteArray& close)
    {
        const qsizetype from = xml.indexOf(open);
        return from < 0 ? QByteArray() : xml.mid(from + open.size(), xml.indexOf(close, from) - from - open.size());
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
                          "--id-attr:Id",
                          "http://uri.etsi.org/01903/v1.3.2#:SignedProperties",
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

    /** The signed packet with its SignedInfo edited by `edit`, then signed again with the real signer's key. */
    QByteArray resignedWith(const std::function<void(QByteArray&)>& edit)
    {
        QByteArray tmpl = sign(kPacket, false, SignerRole::Principal);
        tmpl.replace(tmpl.indexOf("<X509Data>"), tmpl.indexOf("</X509Data>") + 11 - tmpl.indexOf("<X509Data>"),
                     "<X509Data/>");
        edit(tmpl);
        return m_pki.xmlsecSign(tmpl, m_pki.path(QStringLiteral("rsa.key")) + QLatin1Char(',') + m_pki.path("rsa.pem"),
                                QStringLiteral("urn:hocba:packet:1:DuLieu"));
    }

    /** Refused by the parser, quickly, before any signature work. */
    void expectRefused(const QByteArray& xml, const QString& fragment)
    {
        QElapsedTimer t;
        t.start();
        auto report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(!report, "hostile XML was examined");
        QCOMPARE(report.error().code, ErrorCode::InvalidInput);
        QVERIFY2(report.error().message.contains(fragment), qPrintable(report.error().message));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_tsa.create());
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

    // Issue 16: XAdES baseline B, checked field by field and with openssl on the signing certificate's identifiers.
    void xadesBaselineB()
    {
        const QByteArray xml = sign(kPacket, false, SignerRole::Principal);
        for (const char* part :
             {"<xades:QualifyingProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" "
              "Target=\"#sig-principal\">",
              "<xades:SignedProperties Id=\"sig-principal-signedprops\">",
              "Type=\"http://uri.etsi.org/01903#SignedProperties\" URI=\"#sig-principal-signedprops\"",
              "<xades:SignerRoleV2><xades:ClaimedRoles><xades:ClaimedRole>principal</xades:ClaimedRole>",
              "<xades:DataObjectFormat ObjectReference=\"#sig-principal-ref-data\"><xades:MimeType>text/xml<",
              "<Reference Id=\"sig-principal-ref-data\" URI=\"#data\">"})
            QVERIFY2(xml.contains(part), part);
        QVERIFY(xml.contains("<xades:SigningTime>" + m_when.toString(Qt::ISODate).toUtf8() + "</xades:SigningTime>"));
        QVERIFY(!xml.contains("<SignatureProperties") && !xml.contains("UnsignedProperties"));
        static const QRegularExpression certDigest(
            QStringLiteral("<xades:CertDigest><DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>"
                           "<DigestValue>([^<]+)</DigestValue></xades:CertDigest><xades:IssuerSerialV2>([^<]+)<"));
        const auto m = certDigest.match(QString::fromUtf8(xml));
        QVERIFY(m.hasMatch());
        const auto der
            = runTool(QStringLiteral("openssl"),
                      {"x509", "-in", m_pki.path("rsa.pem"), "-outform", "DER", "-out", m_pki.path("rsa.der")});
        QCOMPARE(der.exitCode, 0);
        const QByteArray certDer = readFile(m_pki.path("rsa.der"));
        QCOMPARE(QByteArray::fromBase64(m.captured(1).toLatin1()),
                 QCryptographicHash::hash(certDer, QCryptographicHash::Sha256));
        // IssuerSerialV2: a DER IssuerSerial that openssl reads as the CA's name and the certificate's serial.
        QFile is(m_pki.path(QStringLiteral("issuer-serial.der")));
        QVERIFY(is.open(QIODevice::WriteOnly));
        is.write(QByteArray::fromBase64(m.captured(2).toLatin1()));
        is.close();
        const auto parsed = runTool(QStringLiteral("openssl"), {"asn1parse", "-inform", "DER", "-in", is.fileName()});
        QCOMPARE(parsed.exitCode, 0);
        QVERIFY2(parsed.output.contains(QLatin1String("cont [ 4 ]")) && parsed.output.contains("Test Root CA"),
                 qPrintable(parsed.output));
        const auto serial
            = runTool(QStringLiteral("openssl"), {"x509", "-in", m_pki.path("rsa.pem"), "-noout", "-serial"});
        QVERIFY(parsed.output.contains(QLatin1String("INTEGER           :")
                                       + serial.output.trimmed().section(QLatin1Char('='), 1).toUpper()));
        auto report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY(report && report->ok());
        QCOMPARE(report->signatures.first().level, BaselineLevel::B);
        QVERIFY(!report->signatures.first().trustedTime);
        QVERIFY(xmlsec1(xml, QStringLiteral("sig-principal")));
    }

    // Packets signed before issue 16 (ds:SignatureProperties) stay verifiable, alone and beside a XAdES signature.
    void oldFormPacketsStillVerify()
    {
        auto signer = m_pki.signer(false);
        XmlSignOptions o;
        o.signingTime = m_when;
        o.role = SignerRole::Homeroom;
        const QByteArray old = test::signLegacyXml(kPacket, *signer, o).value_or(QByteArray());
        QVERIFY(old.contains("<SignatureProperties Id=\"sig-homeroom-props\">") && !old.contains("xades"));
        auto report = XmlVerifier::verify(old, {m_pki.caDer()});
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 1);
        QVERIFY2(report->ok(), qPrintable(report->toText()));
        QCOMPARE(report->signatures.first().role, SignerRole::Homeroom);
        QCOMPARE(report->signatures.first().signingTime, m_when);
        QCOMPARE(report->signatures.first().level, BaselineLevel::B);
        QVERIFY(xmlsec1(old, QStringLiteral("sig-homeroom")));
        // The principal signs the old packet now, in XAdES: both signatures hold.
        const QByteArray both = sign(old, true, SignerRole::Principal);
        report = XmlVerifier::verify(both, {m_pki.caDer()});
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 2);
        QVERIFY2(report->ok(), qPrintable(report->toText()));
        QCOMPARE(report->signatures[1].role, SignerRole::Principal);
        QVERIFY(xmlsec1(both, QStringLiteral("sig-homeroom")) && xmlsec1(both, QStringLiteral("sig-principal")));
        // The old form is still checked: an edited SigningTime breaks it.
        QByteArray bad = old;
        bad.replace(m_when.toString(Qt::ISODate).toUtf8(), m_when.addDays(-1).toString(Qt::ISODate).toUtf8());
        QVERIFY(!XmlVerifier::verify(bad, {m_pki.caDer()})->ok());
    }

    // Another certificate of the CA for the same key put into KeyInfo: the signature value still verifies with it,
    // but SigningCertificateV2 names the certificate that signed.
    void swappedCertificateIsRefused()
    {
        QVERIFY(runTool(QStringLiteral("openssl"),
                        {"x509", "-req", "-in", "rsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                         "-days", "730", "-sha256", "-extfile", "ext.cnf", "-out", "rsa-again.pem"},
                        m_pki.path(QString()))
                    .exitCode
                == 0);
        auto again = CertificateInfo::fromPemOrDer(readFile(m_pki.path("rsa-again.pem")));
        QVERIFY(again);
        const QByteArray xml = sign(kPacket, false, SignerRole::Principal);
        const qsizetype at = xml.indexOf("<X509Certificate>") + 17;
        QByteArray swapped = xml;
        swapped.replace(at, xml.indexOf("</X509Certificate>") - at, again->der.toBase64());
        QVERIFY(swapped != xml);
        auto report = XmlVerifier::verify(swapped, {m_pki.caDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(s.integrityOk); // the same key: the signature value is fine ...
        QVERIFY(!s.certificateTrusted); // ... but not with this certificate
        QVERIFY(!report->ok());
        QVERIFY2(s.problems.join(u' ').contains(QStringLiteral("replaced")), qPrintable(s.problems.join(u';')));
        QCOMPARE(s.certificate.der, again->der);
        // The unswapped packet is fine, so the check is what refuses it.
        QVERIFY(XmlVerifier::verify(xml, {m_pki.caDer()})->ok());
        // A SigningCertificateV2 edited to name the other certificate breaks the signature itself.
        QByteArray edited = xml;
        const QByteArray realDigest
            = QCryptographicHash::hash(m_pki.signer(false)->certificate(), QCryptographicHash::Sha256).toBase64();
        QVERIFY(edited.contains(realDigest));
        edited.replace(realDigest, QCryptographicHash::hash(again->der, QCryptographicHash::Sha256).toBase64());
        QVERIFY(!XmlVerifier::verify(edited, {m_pki.caDer()})->signatures.first().integrityOk);
    }

    // Unsigned properties hold only what XmlSigner writes there.
    void unknownUnsignedPropertiesAreRefused()
    {
        QByteArray xml = sign(kPacket, false, SignerRole::Principal);
        xml.replace("</xades:SignedProperties>",
                    "</xades:SignedProperties><xades:UnsignedProperties><xades:UnsignedSignatureProperties>"
                    "<xades:CounterSignature/></xades:UnsignedSignatureProperties></xades:UnsignedProperties>");
        auto report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY(report && !report->ok());
        QVERIFY(!report->signatures.first().integrityOk);
        QVERIFY(report->signatures.first().problems.first().contains(QStringLiteral("laid out")));
        // One time-stamp per signature: a second copy (thousands would each cost a CMS check) is refused.
        QByteArray stamped = signStamped(kPacket, m_when);
        const QByteArray stamp = "<xades:SignatureTimeStamp>"
            + between(stamped, "<xades:SignatureTimeStamp Id=\"sig-principal-ts\">",
                      "</xades:UnsignedSignatureProperties>");
        QVERIFY(stamp.endsWith("</xades:SignatureTimeStamp>"));
        QVERIFY(XmlVerifier::verify(stamped, {m_pki.caDer(), m_tsa.rootDer()})->ok());
        stamped.replace("</xades:UnsignedSignatureProperties>", stamp + "</xades:UnsignedSignatureProperties>");
        report = XmlVerifier::verify(stamped, {m_pki.caDer(), m_tsa.rootDer()});
        QVERIFY(report && !report->ok());
        QVERIFY(report->signatures.first().problems.first().contains(QStringLiteral("laid out")));
    }

    // B-T: a SignatureTimeStamp over the SignatureValue, verified offline here and by openssl ts -verify.
    void timestampedPacketVerifiesOffline()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
        const int issued = m_tsa.tokensIssued();
        const QByteArray xml = signStamped(kPacket, m_when);
        QVERIFY(!xml.isEmpty());
        QCOMPARE(m_tsa.tokensIssued(), issued + 1);
        QVERIFY(xml.contains("<xades:UnsignedProperties><xades:UnsignedSignatureProperties>"
                             "<xades:SignatureTimeStamp Id=\"sig-principal-ts\"><CanonicalizationMethod "
                             "Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/><xades:EncapsulatedTimeStamp>"));
        auto report = XmlVerifier::verify(xml, {m_pki.caDer(), m_tsa.rootDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(u';')));
        QVERIFY(s.problems.isEmpty());
        QCOMPARE(s.level, BaselineLevel::T);
        QVERIFY(s.trustedTime);
        QVERIFY(*s.trustedTime >= before && *s.trustedTime <= QDateTime::currentDateTimeUtc().addSecs(1));
        QVERIFY(!s.timestampAuthority.isEmpty());
        QCOMPARE(s.judgedTime(), *s.trustedTime);
        QVERIFY(xmlsec1(xml, s.id)); // the unsigned properties are outside SignedInfo

        // openssl: the token is over SHA-256 of the exclusive C14N of ds:SignatureValue, written out by hand here.
        const QByteArray c14n = "<SignatureValue xmlns=\"http://www.w3.org/2000/09/xmldsig#\">"
            + between(xml, "<SignatureValue>", "</SignatureValue>") + "</SignatureValue>";
        const QByteArray digest = QCryptographicHash::hash(c14n, QCryptographicHash::Sha256).toHex();
        QFile token(m_tsa.path(QStringLiteral("xades-token.der")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write(
            QByteArray::fromBase64(between(xml, "<xades:EncapsulatedTimeStamp>", "</xades:EncapsulatedTimeStamp>")));
        token.close();
        QString out;
        QCOMPARE(m_tsa.openssl({"ts", "-verify", "-token_in", "-in", token.fileName(), "-digest",
                                QString::fromLatin1(digest), "-CAfile", "tsa-root.pem"},
                               &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("Verification: OK")), qPrintable(out));
        QVERIFY(m_tsa.openssl(
                    {"ts", "-verify", "-token_in", "-in", token.fileName(), "-digest",
                     QString::fromLatin1(QCryptographicHash::hash(c14n + "x", QCryptographicHash::Sha256).toHex()),
                     "-CAfile", "tsa-root.pem"})
                != 0);

        // Without the TSA's root among the anchors the time-stamp is not relied on, and the signature fails as a PDF's.
        report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY(report);
        QCOMPARE(report->signatures.first().level, BaselineLevel::B);
        QVERIFY(!report->signatures.first().trustedTime);
        QVERIFY(!report->signatures.first().timestampOk);
        QVERIFY(!report->signatures.first().ok());
        QVERIFY2(report->signatures.first().problems.join(u' ').contains(QStringLiteral("not trusted")),
                 qPrintable(report->signatures.first().problems.join(u';')));
    }

    // A record packet with a B-T signature passes the reader, the schema and verifyDocument (hocba-cli verify).
    void timestampedRecordPacketReadsAndVerifies()
    {
        packet::Packet p = test::samplePacket();
        p.draft = false;
        p.results->findings.clear();
        auto signer = m_pki.signer(true);
        auto stamper = m_tsa.timestamper();
        XmlSignOptions o;
        o.signingTime = m_when;
        o.timestamper = stamper.get();
        o.layout.containerName = QStringLiteral("Signatures"); // as SectionSigner signs packets
        o.layout.wrapPerRole = false;
        const QByteArray signedXml = XmlSigner::sign(packet::writePacket(p).value(), *signer, o).value_or(QByteArray());
        QVERIFY(signedXml.contains("EncapsulatedTimeStamp"));
        auto checked = verifyDocument(signedXml, {m_pki.caDer(), m_tsa.rootDer()});
        QVERIFY(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(u' ')));
        QVERIFY(checked->packetValid);
        QCOMPARE(checked->report.signatures.first().level, BaselineLevel::T);
        QVERIFY(packet::readPacket(signedXml));
    }

    // Issue 16: a SigningTime set back before the certificate existed, with a later time-stamp: the time-stamp's
    // time is reported and judged; without the time-stamp the same claim is refused (trustIsJudgedAtTheSigningTime).
    void backdatedSigningTimeIsReportedWithTheTimestamp()
    {
        const QDateTime backdated(QDate(2015, 6, 1), QTime(8, 0), Qt::UTC);
        const QByteArray xml = signStamped(kPacket, backdated);
        auto report = XmlVerifier::verify(xml, {m_pki.caDer(), m_tsa.rootDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QCOMPARE(s.signingTime, backdated);
        QVERIFY(s.trustedTime && s.trustedTime->date().year() > 2015);
        QCOMPARE(s.judgedTime(), *s.trustedTime);
        QCOMPARE(s.level, BaselineLevel::T);
        QVERIFY2(s.ok(), qPrintable(s.problems.join(u';')));
        QVERIFY(s.validAtSigningTime);
        // The same packet without the TSA's root: judged at the claimed 2015 time, before the certificate existed.
        report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY(report && !report->signatures.first().ok());
        QVERIFY(!report->signatures.first().validAtSigningTime);
    }

    // A genuine token, but for another signature: not this signature's time.
    void timestampOfAnotherSignatureIsNotUsed()
    {
        const QByteArray a = signStamped(kPacket, m_when);
        const QByteArray b = signStamped(kPacket, m_when.addSecs(-60));
        const QByteArray tokenA = between(a, "<xades:EncapsulatedTimeStamp>", "</xades:EncapsulatedTimeStamp>");
        const QByteArray tokenB = between(b, "<xades:EncapsulatedTimeStamp>", "</xades:EncapsulatedTimeStamp>");
        QVERIFY(!tokenA.isEmpty() && tokenA != tokenB);
        QByteArray moved = b;
        moved.replace(tokenB, tokenA);
        auto report = XmlVerifier::verify(moved, {m_pki.caDer(), m_tsa.rootDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(s.integrityOk);
        QVERIFY(!s.trustedTime);
        QCOMPARE(s.level, BaselineLevel::B);
        QVERIFY(!s.ok());
        QVERIFY2(s.problems.join(u' ').contains(QStringLiteral("another signature")), qPrintable(s.problems.join(';')));
        // A token from a TSA under another root: not trusted either.
        const QByteArray other = signStamped(kPacket, m_when, QStringLiteral("untrusted"));
        report = XmlVerifier::verify(other, {m_pki.caDer(), m_tsa.rootDer()});
        QVERIFY(report && !report->signatures.first().trustedTime);
    }

    // A TSA that gives nothing fails the signing: no packet half-stamped.
    void timestampFailureFailsTheSigning()
    {
        struct Refusing : Timestamper
        {
            Result<QByteArray> timestamp(const QByteArray&) override
            {
                return fail(ErrorCode::Network, QStringLiteral("no answer"));
            }
        } refusing;
        auto signer = m_pki.signer(false);
        XmlSignOptions o;
        o.signingTime = m_when;
        o.timestamper = &refusing;
        auto r = XmlSigner::sign(kPacket, *signer, o);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
    }

    // Trust is judged at the signing time, not now (see TestPdfSignature for the reason).
    /** A record packet of format 1 (before issue 13) and one of 1.1 with its new fields both sign and verify. */
    void packetsOfBothFormatVersionsVerify()
    {
        packet::Packet p = test::samplePacket();
        p.draft = false;
        p.results->findings.clear();
        const QByteArray v11 = packet::writePacket(p).value();
        QByteArray v1 = v11;
        v1.replace("formatVersion=\"1.1\"", "formatVersion=\"1\"");
        QVERIFY(v1 != v11);
        p.correctedPlaces = 2;
        // The appearance of the signer below (TestPki's RSA certificate), as the signer of a section records it.
        p.principalSignature
            = packet::SignatureAppearance {QStringLiteral("Nguyễn Văn Ký (RSA)"), QStringLiteral("Hiệu trưởng"),
                                           QStringLiteral("Test Root CA"), m_when};
        p.inputs.certificates << QStringLiteral("Chứng chỉ tiếng Anh A2");
        const QByteArray v11Full = packet::writePacket(p).value();
        auto signer = m_pki.signer(false);
        XmlSignOptions o;
        o.signingTime = m_when;
        o.layout.containerName = QStringLiteral("Signatures"); // as SectionSigner signs packets
        o.layout.wrapPerRole = false;
        for (const QByteArray& unsignedXml : {v1, v11, v11Full}) {
            const QByteArray signedXml = XmlSigner::sign(unsignedXml, *signer, o).value_or(QByteArray());
            QVERIFY(!signedXml.isEmpty());
            auto checked = verifyDocument(signedXml, {m_pki.caDer()});
            QVERIFY(checked);
            QVERIFY2(checked->ok(), qPrintable(checked->problems.join(u' ')));
            QVERIFY(checked->packetValid);
            auto read = packet::readPacket(signedXml);
            QVERIFY2(read, qPrintable(read ? QString() : describe(read.error())));
            QCOMPARE(read->correctedPlaces.has_value(), unsignedXml == v11Full);
            // The new fields are inside the signed data: changing one breaks the signature.
            if (unsignedXml == v11Full) {
                QByteArray forged = signedXml;
                forged.replace("<CorrectedPlaces>2</CorrectedPlaces>", "<CorrectedPlaces>0</CorrectedPlaces>");
                QVERIFY(forged != signedXml);
                QVERIFY(!verifyDocument(forged, {m_pki.caDer()})->ok());
            }
        }
    }

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

    // Issue 9: the data changed, re-signed with a fresh key carried as KeyValue, the real certificate put back.
    void forgedWithFreshKeyIsInvalid_data()
    {
        QTest::addColumn<bool>("keepKeyValue");
        QTest::newRow("KeyValue and the real certificate") << true;
        QTest::newRow("only the real certificate") << false;
    }
    void forgedWithFreshKeyIsInvalid()
    {
        QFETCH(bool, keepKeyValue);
        QByteArray changed = sign(kPacket, false, SignerRole::Principal);
        changed.replace(">8.5<", ">9.5<");
        const QByteArray forged
            = m_pki.forgeWithFreshKey(changed, QStringLiteral("urn:hocba:packet:1:DuLieu"), keepKeyValue);
        QVERIFY(forged.contains(">9.5<") && forged.contains("<X509Certificate>"));
        QCOMPARE(forged.contains("<KeyValue>"), keepKeyValue);
        auto report = XmlVerifier::verify(forged, {m_pki.caDer()});
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 1);
        const auto& s = report->signatures.first();
        QVERIFY(!report->ok());
        QVERIFY(!s.integrityOk);
        QVERIFY(!s.certificateTrusted);
        QVERIFY(!s.problems.isEmpty());
        // Nobody is named: the certificate in the file is not the key that signed.
        QVERIFY2(!s.signerName.contains(QStringLiteral("Nguyễn Văn Ký")), qPrintable(s.signerName));
        QVERIFY(report->toText().contains(QStringLiteral("NOT valid")));
    }

    // Only the anchors given: OpenSSL's default locations and its environment variables are never read.
    void systemTrustLocationsAreIgnored()
    {
        QVERIFY(m_pki.issue(QStringLiteral("other-ca"), QStringLiteral("/CN=Other Root"),
                            "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n", true));
        QFile otherPem(m_pki.path(QStringLiteral("other-ca.pem")));
        QVERIFY(otherPem.open(QIODevice::ReadOnly));
        auto other = CertificateInfo::fromPemOrDer(otherPem.readAll());
        QVERIFY(other);
        const QString hashDir = m_pki.path(QStringLiteral("certs"));
        QVERIFY(QDir().mkpath(hashDir));
        const auto hash = runTool(QStringLiteral("openssl"), {"x509", "-hash", "-noout", "-in", m_pki.path("ca.pem")});
        QVERIFY(QFile::copy(m_pki.path("ca.pem"), hashDir + QLatin1Char('/') + hash.output.trimmed() + ".0"));
        qputenv("SSL_CERT_FILE", m_pki.path(QStringLiteral("ca.pem")).toLocal8Bit());
        qputenv("SSL_CERT_DIR", hashDir.toLocal8Bit());
        auto report = XmlVerifier::verify(sign(kPacket, false, SignerRole::Principal), {other->der});
        qunsetenv("SSL_CERT_FILE");
        qunsetenv("SSL_CERT_DIR");
        QVERIFY(report);
        QVERIFY(report->signatures.first().integrityOk);
        QVERIFY(!report->signatures.first().certificateTrusted);
        QVERIFY(!report->ok());
    }

    // A self-signed certificate that claims to be the Minister's, with non-repudiation: intact, named, not trusted.
    void selfSignedMinisterIsNotTrusted()
    {
        QVERIFY(m_pki.issue(QStringLiteral("minister"),
                            QStringLiteral("/C=VN/O=Bộ Giáo dục và Đào tạo/CN=Bộ trưởng Bộ Giáo dục và Đào tạo"),
                            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,nonRepudiation,digitalSignature\n",
                            true));
        auto signer
            = SoftwareSigner::fromPem(readFile(m_pki.path("minister.key")), readFile(m_pki.path("minister.pem")));
        QVERIFY(signer);
        XmlSignOptions o;
        o.signingTime = m_when;
        auto xml = XmlSigner::sign(kPacket, **signer, o);
        QVERIFY(xml);
        auto report = XmlVerifier::verify(*xml, {m_pki.caDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(s.integrityOk);
        QVERIFY(!s.certificateTrusted);
        QVERIFY(!report->ok());
        QCOMPARE(s.signerName, QStringLiteral("Bộ trưởng Bộ Giáo dục và Đào tạo"));
    }

    // Signing requires non-repudiation (CertificatePolicy); so does verification.
    void signerWithoutNonRepudiationIsNotOk()
    {
        QVERIFY(m_pki.issue(QStringLiteral("no-nr"), QStringLiteral("/C=VN/O=Trường THPT Thử Nghiệm/CN=Lê Văn Thiếu"),
                            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"));
        auto signer = SoftwareSigner::fromPem(readFile(m_pki.path("no-nr.key")), readFile(m_pki.path("no-nr.pem")));
        QVERIFY(signer);
        XmlSignOptions o;
        o.signingTime = m_when;
        auto xml = XmlSigner::sign(kPacket, **signer, o);
        QVERIFY(xml);
        auto report = XmlVerifier::verify(*xml, {m_pki.caDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(s.integrityOk);
        QVERIFY(!s.ok());
        QVERIFY(!s.certificateTrusted);
        QVERIFY2(s.problems.join(' ').contains(QStringLiteral("non-repudiation")), qPrintable(s.problems.join(';')));
    }

    // Signatures made with the real key but not as XmlSigner writes them: each could leave the marks unsigned.
    void onlyOurLayoutIsAccepted_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        const QByteArray envelopedExc
            = QByteArrayLiteral("<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                                "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>");
        QTest::newRow("XPath leaving out the marks")
            << envelopedExc
            << QByteArray("<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                          "<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">"
                          "<XPath>not(ancestor-or-self::*[local-name()='Diem'])</XPath></Transform>"
                          "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>");
        QTest::newRow("inclusive C14N")
            << envelopedExc
            << QByteArray("<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                          "<Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>");
        QTest::newRow("extra reference")
            << QByteArray("</SignedInfo>")
            << QByteArray("<Reference URI=\"#data\"><Transforms>"
                          "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>"
                          "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><DigestValue/>"
                          "</Reference></SignedInfo>");
        QTest::newRow("reference to another element")
            << QByteArray("URI=\"#data\"") << QByteArray("URI=\"#sig-principal-signedprops\"");
    }
    void onlyOurLayoutIsAccepted()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QByteArray xml = resignedWith([&](QByteArray& t) {
            QVERIFY(t.contains(from));
            t.replace(from, to);
        });
        QVERIFY(!xml.isEmpty());
        QVERIFY(xmlsec1(xml, QStringLiteral("sig-principal"))); // a valid signature for xmlsec1 ...
        QElapsedTimer t;
        t.start();
        auto report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY(t.elapsed() < 1000);
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(!s.integrityOk); // ... but not one we accept
        QVERIFY(!report->ok());
        QVERIFY(!s.problems.isEmpty());
        QVERIFY(s.signerName.isEmpty());
        const bool aboutReferences = QTest::currentDataTag() == QLatin1String("extra reference")
            || QTest::currentDataTag() == QLatin1String("reference to another element");
        QCOMPARE(s.problems.first().contains(QStringLiteral("must cover exactly")), aboutReferences);
        if (QTest::currentDataTag() == QLatin1String("XPath leaving out the marks")) {
            xml.replace(">8.5<", ">1.0<");
            QVERIFY(xmlsec1(xml, QStringLiteral("sig-principal"))); // the changed mark is not signed
            QVERIFY(!XmlVerifier::verify(xml, {m_pki.caDer()})->ok());
        }
    }

    // An XPath transform that takes minutes is never run (the signature need not even be valid to cost that time).
    void expensiveXPathIsNotRun()
    {
        QByteArray xml = sign(kPacket, false, SignerRole::Principal);
        QByteArray filler;
        for (int i = 0; i < 100; ++i)
            filler += "<Trong/>";
        xml.replace("<Trong/>", filler);
        xml.replace("<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>",
                    "<Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">"
                    "<XPath>count(//*[count(//*[count(//*) &gt; 0]) &gt; 0]) &gt; 0</XPath></Transform>"
                    "<Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/></Transforms>");
        QVERIFY(xml.contains("REC-xpath"));
        QElapsedTimer t;
        t.start();
        auto report = XmlVerifier::verify(xml, {m_pki.caDer()});
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(report && !report->ok());
    }

    void hostileXmlIsRefusedBeforeAnything()
    {
        const QByteArray good = sign(kPacket, false, SignerRole::Principal);
        const QString when = m_when.toString(Qt::ISODate);
        // An internal entity expanded 20,000 times in SigningTime (24 s and 6 GB before).
        QByteArray bomb = good;
        QByteArray decl = "<!DOCTYPE HocBa [<!ENTITY a \"" + QByteArray(1000, 'x') + "\"><!ENTITY b \""
            + QByteArray("&a;").repeated(100) + "\">]>\n";
        bomb.insert(bomb.indexOf("<HocBa"), decl);
        bomb.replace(when.toUtf8() + "</xades:SigningTime>", QByteArray("&b;").repeated(200) + "</xades:SigningTime>");
        QVERIFY(bomb.contains("&b;&b;</xades:SigningTime>"));
        expectRefused(bomb, QStringLiteral("DOCTYPE"));
        QByteArray doctype = good;
        doctype.insert(doctype.indexOf("<HocBa"), "<!DOCTYPE HocBa>\n");
        expectRefused(doctype, QStringLiteral("DOCTYPE"));
        QByteArray attributes;
        for (int i = 0; i < 100000; ++i)
            attributes += " a" + QByteArray::number(i) + "=\"1\"";
        QByteArray manyAttributes = good;
        manyAttributes.replace("<DuLieu Id=\"data\"", "<DuLieu Id=\"data\"" + attributes);
        expectRefused(manyAttributes, QStringLiteral("attributes"));
        QByteArray big = good;
        big.replace("<Trong/>", "<Trong>" + QByteArray(5 * 1024 * 1024, 'a') + "</Trong>");
        expectRefused(big, QStringLiteral("MiB"));
        QByteArray deep = good;
        deep.replace("<Trong/>", QByteArray("<a>").repeated(100) + QByteArray("</a>").repeated(100));
        expectRefused(deep, QStringLiteral("levels"));
        QByteArray many = good;
        many.replace("<Trong/>", QByteArray("<a/>").repeated(60000));
        expectRefused(many, QStringLiteral("elements"));
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
        // B-T: the same with the time-stamp token's CMS and TSA chain checked too.
        const QByteArray stamped = signStamped(kPacket, m_when);
        t.restart();
        n = 0;
        while (t.elapsed() < 500) {
            QVERIFY(XmlVerifier::verify(stamped, {m_pki.caDer(), m_tsa.rootDer()})->signatures.first().trustedTime);
            ++n;
        }
        qInfo("XML verification: %.0f packets/s (RSA-2048, one signature with a time-stamp)",
              n * 1000.0 / double(t.elapsed()));
        // The legacy form, for comparison.
        auto signer = m_pki.signer(false);
        XmlSignOptions o;
        o.signingTime = m_when;
        const QByteArray old = test::signLegacyXml(kPacket, *signer, o).value_or(QByteArray());
        t.restart();
        n = 0;
        while (t.elapsed() < 500) {
            QVERIFY(XmlVerifier::verify(old, {m_pki.caDer()})->ok());
            ++n;
        }
        qInfo("XML verification: %.0f packets/s (RSA-2048, one signature of the form before XAdES)",
              n * 1000.0 / double(t.elapsed()));
        qInfo("Signature sizes: %lld bytes (old form), %lld (XAdES B), %lld (XAdES B-T)",
              qint64(old.size() - kPacket.size()), qint64(xml.size() - kPacket.size()),
              qint64(stamped.size() - kPacket.size()));
    }
};

QTEST_GUILESS_MAIN(TestXmlSignature)
#include "TestXmlSignature.moc"

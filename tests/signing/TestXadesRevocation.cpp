// SPDX-License-Identifier: GPL-3.0-or-later
// XAdES B-LT packet signatures: CertificateValues and RevocationValues from a signing::ValidationData, checked offline
// with checkRevocation at the time-stamp's time. OCSP from OcspFixture (openssl ocsp -index on loopback), time-stamps
// from TsaFixture (openssl ts -reply).
#include "OcspFixture.h"
#include "TsaFixture.h"

#include "lifecycle/RevocationFetcher.h"
#include "token/XmlSigner.h"
#include "verify/Revocation.h"
#include "verify/XmlVerifier.h"

#include <QFile>
#include <QProcess>
#include <QtTest>

using namespace hocba;
using namespace hocba::signing;

// Not a raw string literal: moc misparses the quotes inside one.
static const QByteArray kPacket = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                  "<HocBa xmlns=\"urn:hocba:packet:1\">\n"
                                  "  <DuLieu Id=\"data\"><HoTen>Nguyễn Thị Ánh Dương</HoTen><Diem>8.5</Diem></DuLieu>\n"
                                  "  <DSCKS/>\n"
                                  "</HocBa>\n";

class TestXadesRevocation : public QObject
{
    Q_OBJECT

    test::OcspFixture m_ca;
    test::TsaFixture m_tsa;

    QList<QByteArray> chain() const
    {
        return {m_ca.der(QStringLiteral("signer")), m_ca.der(QStringLiteral("int")), m_ca.rootDer()};
    }
    QList<QByteArray> anchors() const { return {m_ca.rootDer(), m_tsa.rootDer()}; }

    /** A signature (time-stamped unless told otherwise), then `data` added to it as XmlSigner::addValidationData does;
     *  `data` is asked for after signing, so that it speaks about the signing time. */
    QByteArray sign(const std::function<ValidationData()>& data, bool stamped = true)
    {
        auto signer = m_ca.signer();
        auto stamper = m_tsa.timestamper();
        XmlSignOptions o;
        o.timestamper = stamped ? stamper.get() : nullptr;
        auto r = XmlSigner::sign(kPacket, *signer, o);
        if (r && data)
            r = XmlSigner::addValidationData(*r, data());
        if (!r)
            qWarning() << r.error().message << r.error().detail;
        return r.value_or(QByteArray());
    }

    ValidationData fetched()
    {
        auto data = lifecycle::fetchValidationData(chain());
        if (!data)
            qWarning() << data.error().message << data.error().detail;
        return data.value_or(ValidationData());
    }

    /** The intermediate's delegated responder's answer about `name`, made with the openssl command line. */
    QByteArray signerResponse(const QString& name = QStringLiteral("signer"))
    {
        const QString dir = m_ca.path({});
        QFile::remove(m_ca.path(QStringLiteral("resp.der")));
        for (const QStringList& args :
             {QStringList {"ocsp", "-issuer", "int.pem", "-cert", name + QStringLiteral(".pem"), "-no_nonce", "-reqout",
                           "req.der"},
              QStringList {"ocsp", "-index", "int-index.txt", "-CA", "int.pem", "-rsigner", "responder.pem", "-rkey",
                           "responder.key", "-reqin", "req.der", "-respout", "resp.der"}}) {
            QProcess p;
            p.setWorkingDirectory(dir);
            p.start(QStringLiteral("openssl"), args);
            if (!p.waitForFinished(60000) || p.exitCode() != 0)
                return {};
        }
        QFile f(m_ca.path(QStringLiteral("resp.der")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /** Validation data with `signerResponse` for the signer and the root's fetched answer for the intermediate. */
    ValidationData dataWith(const QByteArray& signerResponse)
    {
        auto intData = lifecycle::fetchValidationData({m_ca.der(QStringLiteral("int")), m_ca.rootDer()});
        if (!intData)
            return {};
        return {chain() << m_ca.der(QStringLiteral("responder")), intData->ocspResponses << signerResponse, {}};
    }

    /** A packet time-stamped by "catsa", the TSA the OCSP CA issued (its certificate names the responder). */
    QByteArray signedByCaTsa()
    {
        auto signer = m_ca.signer();
        auto stamper = m_tsa.timestamper(QStringLiteral("catsa"));
        XmlSignOptions o;
        o.timestamper = stamper.get();
        return XmlSigner::sign(kPacket, *signer, o).value_or(QByteArray());
    }
    QList<QByteArray> caTsaChain() const
    {
        return {m_ca.der(QStringLiteral("catsa")), m_ca.der(QStringLiteral("int")), m_ca.rootDer()};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_ca.create());
        QVERIFY(m_tsa.create());
        QVERIFY(m_ca.issueTimestampingAuthority(QStringLiteral("catsa")));
        QVERIFY(m_tsa.addSection(QStringLiteral("catsa"), m_ca.path(QStringLiteral("catsa.pem")),
                                 m_ca.path(QStringLiteral("catsa.key")), m_ca.path(QStringLiteral("catsa-chain.pem"))));
    }

    // The TSA's own chain is judged like the signer's when it names a revocation service.
    void tsaChainNeedsItsAnswersForLt()
    {
        const QByteArray xml = signedByCaTsa();
        QVERIFY(!xml.isEmpty());
        // Answers for the signer's chain only: the TSA's chain is not covered, so the level stays T.
        auto onlySigner = XmlSigner::addValidationData(xml, fetched());
        QVERIFY(onlySigner);
        auto report = XmlVerifier::verify(*onlySigner, anchors());
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->signatures.first().problems.join(u';')));
        QCOMPARE(report->signatures.first().level, BaselineLevel::T);
        QVERIFY(!report->signatures.first().revocationChecked);
        QVERIFY2(report->signatures.first().revocationNote.contains(QStringLiteral("time-stamping authority")),
                 qPrintable(report->signatures.first().revocationNote));
        // With the TSA chain's answers too: LT, offline.
        ValidationData both = fetched();
        auto tsaData = lifecycle::fetchValidationData(caTsaChain());
        QVERIFY(tsaData);
        both.certificates += tsaData->certificates;
        both.ocspResponses += tsaData->ocspResponses;
        auto withBoth = XmlSigner::addValidationData(xml, both);
        QVERIFY(withBoth);
        QVERIFY(m_ca.setDown(true));
        report = XmlVerifier::verify(*withBoth, anchors());
        QVERIFY(m_ca.setDown(false));
        QVERIFY(report && report->ok());
        QVERIFY(report->signatures.first().revocationChecked);
        QCOMPARE(report->signatures.first().level, BaselineLevel::LT);
    }

    // A time-stamp from a TSA whose certificate was already revoked proves nothing: the signature fails.
    void tsaRevokedBeforeItsTimestampFailsTheSignature()
    {
        const QDateTime revokedAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        QVERIFY(m_ca.revoke(QStringLiteral("catsa"), revokedAt));
        const QByteArray xml = signedByCaTsa();
        ValidationData data = fetched();
        data.certificates << m_ca.der(QStringLiteral("catsa")) << m_ca.der(QStringLiteral("responder"));
        data.ocspResponses << signerResponse(QStringLiteral("catsa"));
        QVERIFY(m_ca.revoke(QStringLiteral("catsa"), {}));
        auto withData = XmlSigner::addValidationData(xml, data);
        QVERIFY(withData);
        auto report = XmlVerifier::verify(*withData, anchors());
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(s.integrityOk && !s.revoked);
        QVERIFY(!s.timestampOk);
        QVERIFY(!s.ok() && !report->ok());
        QVERIFY2(s.problems.join(u' ').contains(QStringLiteral("time-stamping authority")),
                 qPrintable(s.problems.join(u';')));
        // Revoked after the time-stamp: it stays good.
        QVERIFY(m_ca.revoke(QStringLiteral("catsa"), QDateTime::currentDateTimeUtc().addSecs(3600)));
        const QByteArray later = signedByCaTsa();
        data = fetched(); // answers issued after this signature's time-stamp, as a verifier needs them
        data.certificates << m_ca.der(QStringLiteral("catsa")) << m_ca.der(QStringLiteral("responder"));
        data.ocspResponses << signerResponse(QStringLiteral("catsa"));
        QVERIFY(m_ca.revoke(QStringLiteral("catsa"), {}));
        report = XmlVerifier::verify(XmlSigner::addValidationData(later, data).value_or(QByteArray()), anchors());
        QVERIFY(report && report->ok());
        QCOMPARE(report->signatures.first().level, BaselineLevel::LT);
    }

    void ltPacketVerifiesOffline()
    {
        const QByteArray xml = sign([&] { return fetched(); });
        for (const char* part :
             {"<xades:UnsignedSignatureProperties><xades:SignatureTimeStamp",
              "</xades:SignatureTimeStamp><xades:CertificateValues><xades:EncapsulatedX509Certificate>",
              "<xades:RevocationValues><xades:OCSPValues><xades:EncapsulatedOCSPValue>"})
            QVERIFY2(xml.contains(part), part);
        QVERIFY(m_ca.setDown(true)); // offline: nothing but the packet
        auto report = XmlVerifier::verify(xml, anchors());
        QVERIFY(m_ca.setDown(false));
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(u';')));
        QVERIFY(s.revocationChecked);
        QVERIFY(!s.revoked);
        QCOMPARE(s.level, BaselineLevel::LT);
        QVERIFY(s.trustedTime);
        QVERIFY(!s.revocationNote.isEmpty());
        // Without a time-stamp the data is checked at the claimed time; the level stays B.
        report = XmlVerifier::verify(sign([&] { return fetched(); }, false), anchors());
        QVERIFY(report && report->ok());
        QVERIFY(report->signatures.first().revocationChecked);
        QCOMPARE(report->signatures.first().level, BaselineLevel::B);
        // Without the data: T.
        report = XmlVerifier::verify(sign({}), anchors());
        QVERIFY(report && report->ok());
        QCOMPARE(report->signatures.first().level, BaselineLevel::T);
        QVERIFY(!report->signatures.first().revocationChecked);
        // Once only, and only on a XAdES signature.
        QVERIFY(!XmlSigner::addValidationData(xml, fetched()));
        QVERIFY(!XmlSigner::addValidationData(kPacket, fetched()));
    }

    void revokedBeforeTheTimestampIsInvalid()
    {
        const QDateTime revokedAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), revokedAt));
        auto report = XmlVerifier::verify(sign([&] { return dataWith(signerResponse()); }), anchors());
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), {}));
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(s.integrityOk && s.trustedTime);
        QVERIFY(s.revoked);
        QCOMPARE(s.revokedAt, QDateTime::fromSecsSinceEpoch(revokedAt.toSecsSinceEpoch(), Qt::UTC));
        QVERIFY(!s.ok());
        QVERIFY(!report->ok());
        QVERIFY2(s.problems.join(u' ').contains(QStringLiteral("was revoked")), qPrintable(s.problems.join(u';')));
        QCOMPARE(s.level, BaselineLevel::T); // not LT: the data says revoked
    }

    void revokedAfterTheTimestampStaysValid()
    {
        // Revoked an hour after the time-stamp (the responder writes a future revocation time as given).
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), QDateTime::currentDateTimeUtc().addSecs(3600)));
        auto report = XmlVerifier::verify(sign([&] { return dataWith(signerResponse()); }), anchors());
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), {}));
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(u';')));
        QVERIFY(s.revocationChecked && !s.revoked);
        QCOMPARE(s.level, BaselineLevel::LT);
    }

    // The validation data is unsigned: it can be changed, but only to something the issuer signed, and not unbounded.
    void validationDataHoldsOnlyWhatIsWritten()
    {
        QByteArray xml = sign([&] { return fetched(); });
        QVERIFY(xml.contains("EncapsulatedOCSPValue"));
        QByteArray swollen = xml;
        const qsizetype from = xml.indexOf("<xades:EncapsulatedX509Certificate>");
        const QByteArray one = xml.mid(from, xml.indexOf("</xades:EncapsulatedX509Certificate>", from) + 36 - from);
        QVERIFY(one.endsWith("</xades:EncapsulatedX509Certificate>"));
        swollen.insert(from, one.repeated(40));
        auto report = XmlVerifier::verify(swollen, anchors());
        QVERIFY(report && !report->ok());
        QVERIFY(report->signatures.first().problems.first().contains(QStringLiteral("laid out")));
        QByteArray other = xml;
        other.replace("<xades:OCSPValues>", "<xades:OtherValues>");
        other.replace("</xades:OCSPValues>", "</xades:OtherValues>");
        report = XmlVerifier::verify(other, anchors());
        QVERIFY(report && !report->ok());
    }
};

QTEST_GUILESS_MAIN(TestXadesRevocation)
#include "TestXadesRevocation.moc"

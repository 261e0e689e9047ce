// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3161 time-stamp tokens (verify/Timestamp.h) against a throw-away TSA made with openssl (TsaFixture).
#include "TsaFixture.h"
#include "verify/Timestamp.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTest>

using namespace hocba;
using namespace hocba::signing;

class TestTimestamp : public QObject
{
    Q_OBJECT

    test::TsaFixture m_tsa;
    QByteArray m_digest;
    QByteArray m_token;

    QByteArray read(const QString& name) const
    {
        QFile f(m_tsa.path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool write(const QString& name, const QByteArray& data) const
    {
        QFile f(m_tsa.path(name));
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    }
    /** The token's TSTInfo re-signed as a CMS by `cert`/`key` (openssl cms), with `extraCerts` (PEM) carried. */
    QByteArray resigned(const QString& cert, const QString& key, bool withSignerCert, const QString& extraCerts = {})
    {
        if (!write(QStringLiteral("token.der"), m_token))
            return {};
        QString out;
        if (m_tsa.openssl(
                {"cms", "-verify", "-noverify", "-inform", "DER", "-in", "token.der", "-binary", "-out", "tstinfo.der"},
                &out)
            != 0) {
            qWarning() << out;
            return {};
        }
        QStringList args {"cms",
                          "-sign",
                          "-binary",
                          "-nodetach",
                          "-outform",
                          "DER",
                          "-in",
                          "tstinfo.der",
                          "-econtent_type",
                          "1.2.840.113549.1.9.16.1.4",
                          "-signer",
                          cert,
                          "-inkey",
                          key,
                          "-md",
                          "sha256",
                          "-nosmimecap",
                          "-cades",
                          "-out",
                          "forged.der"};
        if (!withSignerCert)
            args << "-nocerts";
        if (!extraCerts.isEmpty())
            args << "-certfile" << extraCerts;
        if (m_tsa.openssl(args, &out) != 0) {
            qWarning() << out;
            return {};
        }
        return read(QStringLiteral("forged.der"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tsa.create());
        m_digest = QCryptographicHash::hash("chữ ký của hiệu trưởng", QCryptographicHash::Sha256);
        auto token = m_tsa.timestamper()->timestamp(m_digest);
        QVERIFY2(token.has_value(), token ? "" : qPrintable(token.error().detail));
        m_token = *token;
    }

    void tokenVerifies()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
        auto info = verifyTimestampToken(m_token, m_digest, {m_tsa.rootDer()});
        QVERIFY2(info.has_value(), info ? "" : qPrintable(info.error().detail));
        QVERIFY(info->genTime >= before && info->genTime <= QDateTime::currentDateTimeUtc().addSecs(5));
        QCOMPARE(info->tsaCertificate.commonName, QStringLiteral("tsa TSA"));
        QCOMPARE(info->policyOid, QStringLiteral("1.2.3.4.1"));
        QCOMPARE(info->tokenDer, m_token);
    }

    void requestAndResponseChecks()
    {
        auto request = makeTimestampRequest(m_digest);
        QVERIFY(request.has_value());
        QVERIFY(!request->nonce.isEmpty());
        QVERIFY(!makeTimestampRequest("short").has_value());
        const QByteArray response = m_tsa.reply(request->der);
        QVERIFY(!response.isEmpty());
        QVERIFY(tokenFromTimestampResponse(response, *request, m_digest).has_value());
        // A reply for another digest, or to another request (nonce), is refused.
        const QByteArray other = QCryptographicHash::hash("khác", QCryptographicHash::Sha256);
        QVERIFY(!tokenFromTimestampResponse(response, *request, other).has_value());
        auto second = makeTimestampRequest(m_digest);
        QVERIFY(second.has_value() && second->nonce != request->nonce);
        QVERIFY(!tokenFromTimestampResponse(response, *second, m_digest).has_value());
        QVERIFY(!tokenFromTimestampResponse("not a response", *request, m_digest).has_value());
    }

    void wrongDigestRefused()
    {
        const QByteArray other = QCryptographicHash::hash("chữ ký khác", QCryptographicHash::Sha256);
        auto info = verifyTimestampToken(m_token, other, {m_tsa.rootDer()});
        QVERIFY(!info.has_value());
        QVERIFY(info.error().message.contains(QStringLiteral("another signature")));
    }

    void untrustedTsaRefused()
    {
        // The token is fine, but its TSA's root is not among the anchors.
        auto info = verifyTimestampToken(m_token, m_digest, {});
        QVERIFY(!info.has_value());
        QVERIFY2(info.error().message.contains(QStringLiteral("not trusted")), qPrintable(info.error().message));
        // A TSA under another root.
        auto token = m_tsa.timestamper(QStringLiteral("untrusted"))->timestamp(m_digest);
        QVERIFY(token.has_value());
        auto other = verifyTimestampToken(*token, m_digest, {m_tsa.rootDer()});
        QVERIFY(!other.has_value());
        QVERIFY(other.error().message.contains(QStringLiteral("not trusted")));
    }

    void freshKeyWithCopiedCertificateRefused()
    {
        // An impostor: a fresh key in a certificate with the real TSA's issuer and serial (under a self-made root of
        // the real root's name), signing with the real TSA certificate carried in the token instead of its own.
        QString out;
        QVERIFY2(m_tsa.makeImpostor(&out), qPrintable(out));
        const QByteArray forged
            = resigned(QStringLiteral("fake.pem"), QStringLiteral("fake.key"), false, m_tsa.tsaCertPemPath());
        QVERIFY(!forged.isEmpty());
        auto info = verifyTimestampToken(forged, m_digest, {m_tsa.rootDer()});
        QVERIFY(!info.has_value());
        QVERIFY2(info.error().message.contains(QStringLiteral("not genuine")), qPrintable(info.error().detail));
        // The same forgery carrying its own certificate: that one does not chain to the trusted root.
        const QByteArray own = resigned(QStringLiteral("fake.pem"), QStringLiteral("fake.key"), true);
        QVERIFY(!own.isEmpty());
        QVERIFY(!verifyTimestampToken(own, m_digest, {m_tsa.rootDer()}).has_value());
    }

    void certificateWithoutTimestampingRefused()
    {
        QVERIFY(write(QStringLiteral("noeku.cnf"),
                      "[v3]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                      "extendedKeyUsage=timeStamping\n"));
        for (const QStringList& args :
             {QStringList {"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "noeku.key", "-subj",
                           "/CN=Not critical", "-out", "noeku.csr"},
              QStringList {"x509", "-req", "-in", "noeku.csr", "-CA", "tsa-root.pem", "-CAkey", "tsa-root.key",
                           "-CAcreateserial", "-days", "30", "-extfile", "noeku.cnf", "-extensions", "v3", "-out",
                           "noeku.pem"}}) {
            QString out;
            QVERIFY2(m_tsa.openssl(args, &out) == 0, qPrintable(out));
        }
        const QByteArray forged = resigned(QStringLiteral("noeku.pem"), QStringLiteral("noeku.key"), true);
        QVERIFY(!forged.isEmpty());
        auto info = verifyTimestampToken(forged, m_digest, {m_tsa.rootDer()});
        QVERIFY(!info.has_value());
        QVERIFY2(info.error().message.contains(QStringLiteral("not a time-stamping certificate")),
                 qPrintable(info.error().message));
        QVERIFY(!verifyTimestampToken("garbage", m_digest, {m_tsa.rootDer()}).has_value());
    }

    void opensslAcceptsToken()
    {
        QVERIFY(write(QStringLiteral("accepted.der"), m_token));
        QVERIFY(write(QStringLiteral("digest.hex"), m_digest.toHex()));
        QString out;
        const int rc = m_tsa.openssl({"ts", "-verify", "-token_in", "-in", "accepted.der", "-digest",
                                      QString::fromLatin1(m_digest.toHex()), "-CAfile", "tsa-root.pem"},
                                     &out);
        QVERIFY2(rc == 0 && out.contains(QStringLiteral("Verification: OK")), qPrintable(out));
        // And refuses it for another digest (the check can fail).
        const QByteArray other = QCryptographicHash::hash("x", QCryptographicHash::Sha256).toHex();
        QVERIFY(m_tsa.openssl({"ts", "-verify", "-token_in", "-in", "accepted.der", "-digest",
                               QString::fromLatin1(other), "-CAfile", "tsa-root.pem"})
                != 0);
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "TestTimestamp.moc"

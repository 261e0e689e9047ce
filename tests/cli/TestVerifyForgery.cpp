// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 9 end to end through verifyDocument and `hocba-cli verify`: a packet forged with a fresh key, OpenSSL's
// default trust locations, a self-signed "minister", a non-CA certificate given to --trust, and hostile XML.
#include "../packet/SamplePacket.h"
#include "../signing/TestPki.h"
#include "CliRunner.h"

#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"
#include "token/SoftwareSigner.h"
#include "token/XmlSigner.h"
#include "verify/DocumentVerifier.h"
#include "verify/TrustStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace hocba;
using hocba::test::runCliInProcess;
using hocba::test::runTool;

class TestVerifyForgery : public QObject
{
    Q_OBJECT

    test::TestPki m_pki;
    QDateTime m_when; ///< m_signed's SigningTime
    QByteArray m_packet; ///< unsigned
    QByteArray m_signed; ///< signed by the test CA's RSA signer as principal

    /** Signed now: certificates made during the test are valid from their creation second on. */
    QByteArray signWith(signing::Signer& signer)
    {
        signing::XmlSignOptions o;
        o.signingTime = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        o.layout.containerName = QStringLiteral("Signatures");
        o.layout.wrapPerRole = false;
        auto r = signing::XmlSigner::sign(m_packet, signer, o);
        if (!r)
            qWarning() << r.error().message;
        return r.value_or(QByteArray());
    }

    QString write(const QString& name, const QByteArray& bytes)
    {
        QFile f(m_pki.path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return f.fileName();
    }

    static QJsonObject firstSignature(const test::CliRun& run)
    {
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        return root.value(QStringLiteral("files"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("signatures"))
            .toArray()
            .at(0)
            .toObject();
    }

    void expectRefused(const QByteArray& bytes, const QString& fragment)
    {
        QElapsedTimer t;
        t.start();
        auto v = signing::verifyDocument(bytes, {m_pki.caDer()});
        QVERIFY2(!v, "hostile packet was examined");
        QVERIFY2(v.error().message.contains(fragment), qPrintable(v.error().message));
        auto schema = packet::validatePacket(bytes);
        QVERIFY(!schema);
        QVERIFY2(schema.error().message.contains(fragment), qPrintable(schema.error().message));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        const auto run = runCliInProcess({"verify", "--trust", m_pki.path("ca.pem"), write("hostile.xml", bytes)});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(QStringLiteral("INVALID")) && run.out.contains(fragment), qPrintable(run.out));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        auto bytes = packet::writePacket(test::samplePacket());
        QVERIFY(bytes);
        m_packet = *bytes;
        auto signer = m_pki.signer(false);
        m_signed = signWith(*signer);
        QVERIFY(!m_signed.isEmpty());
        static const QRegularExpression time(QStringLiteral("<xades:SigningTime>([^<]+)</xades:SigningTime>"));
        m_when = QDateTime::fromString(time.match(QString::fromUtf8(m_signed)).captured(1), Qt::ISODate);
        QVERIFY(m_when.isValid());
        QVERIFY(!write(QStringLiteral("signed.xml"), m_signed).isEmpty());
        // Nothing is verified here: see systemTrustLocationsAreIgnored.
    }

    // First: OpenSSL reads SSL_CERT_FILE when a store asks for its default locations, and the old verifier built
    // (and kept) its stores on first use, so nothing may be verified in this process before the variables are set.
    void systemTrustLocationsAreIgnored()
    {
        const QString hashDir = m_pki.path(QStringLiteral("certs"));
        QVERIFY(QDir().mkpath(hashDir));
        const auto hash = runTool(QStringLiteral("openssl"), {"x509", "-hash", "-noout", "-in", m_pki.path("ca.pem")});
        QVERIFY(QFile::copy(m_pki.path("ca.pem"), hashDir + QLatin1Char('/') + hash.output.trimmed() + ".0"));
        qputenv("SSL_CERT_FILE", m_pki.path(QStringLiteral("ca.pem")).toLocal8Bit());
        qputenv("SSL_CERT_DIR", hashDir.toLocal8Bit());
        const auto run = runCliInProcess({"verify", "--json", m_pki.path("signed.xml")});
        auto v = signing::verifyDocument(m_signed, {});
        qunsetenv("SSL_CERT_FILE");
        qunsetenv("SSL_CERT_DIR");
        QCOMPARE(run.code, 1);
        QCOMPARE(firstSignature(run).value(QStringLiteral("integrity")).toBool(), true);
        QCOMPARE(firstSignature(run).value(QStringLiteral("trusted")).toBool(), false);
        QVERIFY(v && !v->ok());
    }

    void forgedPacketIsInvalid()
    {
        auto original = signing::verifyDocument(m_signed, {m_pki.caDer()});
        QVERIFY(original && original->ok());
        const auto good = runCliInProcess({"verify", "--trust", m_pki.path("ca.pem"), m_pki.path("signed.xml")});
        QVERIFY2(good.code == 0, qPrintable(good.out + good.err));

        QByteArray changed = m_signed;
        changed.replace("<Final>8,25</Final>", "<Final>9,25</Final>");
        QVERIFY(changed != m_signed);
        const QByteArray forged = m_pki.forgeWithFreshKey(changed, QStringLiteral("urn:hocba:packet:1:Data"));
        QVERIFY(forged.contains("<KeyValue>") && forged.contains("<Final>9,25</Final>"));
        auto v = signing::verifyDocument(forged, {m_pki.caDer()});
        QVERIFY(v);
        QVERIFY(v->packetValid);
        QVERIFY(!v->ok());
        QVERIFY(!v->report.signatures.at(0).integrityOk);

        const QString file = write(QStringLiteral("forged.xml"), forged);
        auto run = runCliInProcess({"verify", "--trust", m_pki.path("ca.pem"), file});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(QStringLiteral("INVALID")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("Nguyễn Văn Ký")), qPrintable(run.out));
        run = runCliInProcess({"verify", "--json", file});
        QCOMPARE(run.code, 1);
        QCOMPARE(firstSignature(run).value(QStringLiteral("trusted")).toBool(), false);
        QCOMPARE(firstSignature(run).value(QStringLiteral("ok")).toBool(), false);
    }

    // A genuine signed Data hidden among the signatures (the schema lets XMLDSig elements hold anything), the Data
    // everyone reads changed and renamed: the signature verifies over the hidden copy.
    void genuineDataHiddenAmongTheSignatures()
    {
        const qsizetype from = m_signed.indexOf("<Data ");
        const qsizetype to = m_signed.indexOf("</Data>") + 7;
        QByteArray genuine = m_signed.mid(from, to - from);
        genuine.replace("<Data ", "<Data xmlns=\"urn:hocba:packet:1\" ");
        QByteArray forged = m_signed;
        forged.replace("</Signatures>",
                       "<Hidden xmlns=\"http://www.w3.org/2000/09/xmldsig#\">" + genuine + "</Hidden></Signatures>");
        forged.replace("<Data Id=\"data\"", "<Data Id=\"shown\"");
        forged.replace(forged.indexOf("<Final>8,25</Final>"), 19, "<Final>9,25</Final>"); // the shown Data only
        QVERIFY(forged.contains("<Final>8,25</Final>") && forged.contains("<Final>9,25</Final>"));
        QVERIFY(packet::validatePacket(forged));
        auto v = signing::verifyDocument(forged, {m_pki.caDer()});
        QVERIFY(!v || !v->ok());
        const auto run = runCliInProcess({"verify", "--trust", m_pki.path("ca.pem"), write("hidden.xml", forged)});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(QStringLiteral("INVALID")), qPrintable(run.out));
    }

    // A self-signed certificate claiming to be the Minister's is trusted only when the user names it with --trust,
    // and then only if it is a CA certificate: a signer's own certificate is refused as an anchor.
    void selfSignedMinister()
    {
        const QString subject = QStringLiteral("/C=VN/O=Bộ Giáo dục và Đào tạo/CN=Bộ trưởng Bộ Giáo dục và Đào tạo");
        QVERIFY(m_pki.issue(QStringLiteral("minister"), subject,
                            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,nonRepudiation,digitalSignature\n",
                            true));
        QFile key(m_pki.path("minister.key")), cert(m_pki.path("minister.pem"));
        QVERIFY(key.open(QIODevice::ReadOnly) && cert.open(QIODevice::ReadOnly));
        auto signer = signing::SoftwareSigner::fromPem(key.readAll(), cert.readAll());
        QVERIFY(signer);
        const QString file = write(QStringLiteral("minister.xml"), signWith(**signer));

        auto run = runCliInProcess({"verify", "--json", "--trust", m_pki.path("ca.pem"), file});
        QCOMPARE(run.code, 1);
        QCOMPARE(firstSignature(run).value(QStringLiteral("integrity")).toBool(), true);
        QCOMPARE(firstSignature(run).value(QStringLiteral("trusted")).toBool(), false);
        QCOMPARE(firstSignature(run).value(QStringLiteral("signer")).toString(),
                 QStringLiteral("Bộ trưởng Bộ Giáo dục và Đào tạo"));

        run = runCliInProcess({"verify", "--trust", m_pki.path("minister.pem"), file});
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains(QStringLiteral("is not a certification authority certificate")), qPrintable(run.err));
        QVERIFY(!run.out.contains(QStringLiteral("VALID")));
        signing::TrustStore anchors;
        QVERIFY(cert.seek(0));
        QVERIFY(!anchors.addCertificate(cert.readAll()));
        QVERIFY(anchors.isEmpty());

        // Named explicitly as a CA by the person checking, it is their anchor.
        QVERIFY(m_pki.issue(QStringLiteral("minister-ca"), subject,
                            "basicConstraints=critical,CA:TRUE\n"
                            "keyUsage=critical,nonRepudiation,digitalSignature,keyCertSign\n",
                            true));
        QFile caKey(m_pki.path("minister-ca.key")), caCert(m_pki.path("minister-ca.pem"));
        QVERIFY(caKey.open(QIODevice::ReadOnly) && caCert.open(QIODevice::ReadOnly));
        auto caSigner = signing::SoftwareSigner::fromPem(caKey.readAll(), caCert.readAll());
        QVERIFY(caSigner);
        const QString caFile = write(QStringLiteral("minister-ca.xml"), signWith(**caSigner));
        QCOMPARE(runCliInProcess({"verify", "--trust", m_pki.path("ca.pem"), caFile}).code, 1);
        run = runCliInProcess({"verify", "--trust", caCert.fileName(), caFile});
        QVERIFY2(run.code == 0, qPrintable(run.out + run.err));
    }

    // The parser's limits against a real packet with three signatures: far apart, so no school's packet is refused.
    void limitsLeaveRoomForRealPackets()
    {
        QByteArray xml = m_packet;
        for (auto [ec, role] :
             {std::pair {false, signing::SignerRole::Homeroom}, std::pair {true, signing::SignerRole::Principal},
              std::pair {false, signing::SignerRole::Seal}}) {
            auto signer = m_pki.signer(ec);
            signing::XmlSignOptions o;
            o.role = role;
            o.layout.containerName = QStringLiteral("Signatures");
            o.layout.wrapPerRole = false;
            auto r = signing::XmlSigner::sign(xml, *signer, o);
            QVERIFY(r);
            xml = *r;
        }
        QXmlStreamReader reader(xml);
        int depth = 0, maxDepth = 0, elements = 0, maxAttributes = 0;
        while (!reader.atEnd()) {
            const auto token = reader.readNext();
            if (token == QXmlStreamReader::StartElement) {
                ++elements;
                maxDepth = std::max(maxDepth, ++depth);
                maxAttributes
                    = std::max(maxAttributes, int(reader.attributes().size() + reader.namespaceDeclarations().size()));
            } else if (token == QXmlStreamReader::EndElement)
                --depth;
        }
        QVERIFY(!reader.hasError());
        qInfo("Signed packet, 3 signatures: %lld bytes, %d elements, depth %d, at most %d attributes", xml.size(),
              elements, maxDepth, maxAttributes);
        QVERIFY(xml.size() * 16 < packet::kMaxXmlBytes);
        QVERIFY(elements * 16 < packet::kMaxXmlElements);
        QVERIFY(maxDepth * 4 < packet::kMaxXmlDepth);
        QVERIFY(maxAttributes * 4 < packet::kMaxXmlAttributes);
        auto v = signing::verifyDocument(xml, {m_pki.caDer()});
        QVERIFY(v && v->ok());
    }

    void hostileXmlIsRefused()
    {
        QByteArray bomb = m_signed;
        const QByteArray decl = "<!DOCTYPE RecordPacket [<!ENTITY a \"" + QByteArray(1000, 'x') + "\"><!ENTITY b \""
            + QByteArray("&a;").repeated(100) + "\">]>\n";
        bomb.insert(bomb.indexOf("<RecordPacket"), decl);
        bomb.replace(m_when.toString(Qt::ISODate).toUtf8() + "</xades:SigningTime>",
                     QByteArray("&b;").repeated(200) + "</xades:SigningTime>");
        QVERIFY(bomb.contains("&b;&b;</xades:SigningTime>"));
        expectRefused(bomb, QStringLiteral("DOCTYPE"));

        QByteArray attributes;
        for (int i = 0; i < 100000; ++i)
            attributes += " a" + QByteArray::number(i) + "=\"1\"";
        QByteArray manyAttributes = m_signed;
        manyAttributes.replace("<Data ", "<Data" + attributes + " ");
        expectRefused(manyAttributes, QStringLiteral("attributes"));

        QByteArray big = m_signed;
        big.replace("</Signatures>", "<!--" + QByteArray(5 * 1024 * 1024, 'a') + "--></Signatures>");
        expectRefused(big, QStringLiteral("MiB"));

        QByteArray deep = m_signed;
        deep.replace("</Signatures>",
                     QByteArray("<a>").repeated(100) + QByteArray("</a>").repeated(100) + "</Signatures>");
        expectRefused(deep, QStringLiteral("levels"));
    }

    void hugeFileIsRefusedBeforeReading()
    {
        // A sparse file: 1 GiB on paper, no disk space; reading it whole would take a GiB of memory.
        const QString path = write("huge.pdf", "%PDF-1.7\n");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite) && f.resize(qint64(1) << 30));
        f.close();
        QElapsedTimer t;
        t.start();
        const auto v = signing::verifyDocumentFile(path, {m_pki.caDer()});
        QVERIFY(!v);
        QCOMPARE(v.error().code, ErrorCode::InvalidInput);
        QVERIFY2(v.error().message.contains(QStringLiteral("64 MiB")), qPrintable(v.error().message));
        const auto run = runCliInProcess({"verify", "--trust", m_pki.path("ca.pem"), path});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.out.contains(QStringLiteral("INVALID")) && run.out.contains(QStringLiteral("64 MiB")),
                 qPrintable(run.out));
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));

        const auto missing = signing::verifyDocumentFile(path + QStringLiteral(".none"), {m_pki.caDer()});
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
    }
};

QTEST_GUILESS_MAIN(TestVerifyForgery)
#include "TestVerifyForgery.moc"

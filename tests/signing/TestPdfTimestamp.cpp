// SPDX-License-Identifier: GPL-3.0-or-later
// PAdES B-T: a signature time-stamp (RFC 3161) in the PDF signature's CMS, verified by our verifier, pdfsig and
// `openssl ts -verify`; the certificate judged at the time-stamp's time instead of the claimed /M.
#include "TestPki.h"
#include "TsaFixture.h"

#include "token/PdfSigner.h"
#include "token/SoftwareSigner.h"
#include "verify/PdfVerifier.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QThread>
#include <QtTest>

#include <openssl/cms.h>
#include <openssl/evp.h>

using namespace hocba;
using namespace hocba::signing;
using hocba::test::runTool;

static QByteArray makePdf()
{
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    QPdfWriter w(&buf);
    w.setPageSize(QPageSize(QPageSize::A4));
    w.setResolution(150);
    QPainter p(&w);
    p.setFont(QFont(QStringLiteral("Serif"), 12));
    p.drawText(100, 100, QStringLiteral("HỌC BẠ SỐ – dấu thời gian"));
    p.end();
    return bytes;
}

static QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/** The CMS of the last signature in `pdf` (DER), by its /ByteRange. */
static QByteArray lastCms(const QByteArray& pdf)
{
    static const QRegularExpression re(QStringLiteral(R"(/ByteRange \[0 (\d+) (\d+) (\d+)\])"));
    auto it = re.globalMatch(QString::fromLatin1(pdf));
    QRegularExpressionMatch m;
    while (it.hasNext())
        m = it.next();
    if (!m.hasMatch())
        return {};
    const qsizetype b = m.captured(1).toLongLong(), c = m.captured(2).toLongLong();
    return QByteArray::fromHex(pdf.mid(b + 1, c - b - 2));
}

/** The signature time-stamp token of a CMS and the SHA-256 of the signature value it must cover. */
static std::pair<QByteArray, QByteArray> tokenOf(const QByteArray& cmsDer)
{
    auto p = reinterpret_cast<const unsigned char*>(cmsDer.constData());
    CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &p, cmsDer.size());
    std::pair<QByteArray, QByteArray> out;
    if (!cms)
        return out;
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
    const int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
    if (idx >= 0) {
        ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, idx), 0);
        out.first = QByteArray(reinterpret_cast<const char*>(t->value.sequence->data), t->value.sequence->length);
        const ASN1_OCTET_STRING* sig = CMS_SignerInfo_get0_signature(si);
        unsigned char md[32];
        EVP_Digest(ASN1_STRING_get0_data(sig), size_t(ASN1_STRING_length(sig)), md, nullptr, EVP_sha256(), nullptr);
        out.second = QByteArray(reinterpret_cast<const char*>(md), 32);
    }
    CMS_ContentInfo_free(cms);
    return out;
}

class TestPdfTimestamp : public QObject
{
    Q_OBJECT

    test::TestPki m_pki;
    test::TsaFixture m_tsa;
    QByteArray m_pdf;

    QString write(const QByteArray& data, const QString& name)
    {
        QFile f(m_pki.path(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
        return f.fileName();
    }

    /**
     * A signer whose certificate (under the test CA) is valid from `notBefore` to `notAfter` (openssl ca, which takes
     * exact dates). Null on failure.
     */
    std::unique_ptr<SoftwareSigner> signerValid(const QString& name, const QDateTime& notBefore,
                                                const QDateTime& notAfter)
    {
        const QString config = QStringLiteral("[ca]\ndefault_ca=d\n[d]\ndatabase=%1/index.txt\nnew_certs_dir=%1\n"
                                              "serial=%1/ca-serial\ndefault_md=sha256\npolicy=p\nunique_subject=no\n"
                                              "copy_extensions=none\n[p]\ncommonName=supplied\n[v3]\n"
                                              "basicConstraints=critical,CA:FALSE\n"
                                              "keyUsage=critical,nonRepudiation,digitalSignature\n")
                                   .arg(m_pki.path(QString()));
        write(config.toUtf8(), QStringLiteral("ca.cnf"));
        if (!QFile::exists(m_pki.path(QStringLiteral("index.txt")))) {
            write({}, QStringLiteral("index.txt"));
            write("1000\n", QStringLiteral("ca-serial"));
        }
        const auto asn1 = [](const QDateTime& t) { return t.toUTC().toString(QStringLiteral("yyyyMMddHHmmss'Z'")); };
        for (const QStringList& args :
             {QStringList {"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-subj",
                           "/CN=" + name, "-out", name + ".csr"},
              QStringList {"ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-startdate",
                           asn1(notBefore), "-enddate", asn1(notAfter), "-extensions", "v3", "-notext", "-in",
                           name + ".csr", "-out", name + ".pem"}}) {
            auto r = runTool(QStringLiteral("openssl"), args, m_pki.path(QString()));
            if (r.exitCode != 0) {
                qWarning() << r.output;
                return {};
            }
        }
        auto s = SoftwareSigner::fromPem(readFile(m_pki.path(name + ".key")), readFile(m_pki.path(name + ".pem")));
        return s ? std::move(*s) : nullptr;
    }

    QByteArray sign(Signer& signer, const QDateTime& when, Timestamper* timestamper)
    {
        PdfSignOptions o;
        o.signingTime = when;
        o.timestamper = timestamper;
        auto r = PdfSigner::sign(m_pdf, signer, o);
        if (!r)
            qWarning() << r.error().message << r.error().detail;
        return r.value_or(QByteArray());
    }

    QList<QByteArray> anchors() const { return {m_pki.caDer(), m_tsa.rootDer()}; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_pki.create());
        QVERIFY(m_tsa.create());
        m_pdf = makePdf();
        QVERIFY(!m_pdf.isEmpty());
    }

    void timestampedPdfVerifies()
    {
        auto signer = m_pki.signer(false);
        auto timestamper = m_tsa.timestamper();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        PdfSignStats stats;
        PdfSignOptions o;
        o.signingTime = now;
        o.timestamper = timestamper.get();
        auto pdf = PdfSigner::sign(m_pdf, *signer, o, &stats);
        QVERIFY2(pdf.has_value(), pdf ? "" : qPrintable(pdf.error().detail));
        QVERIFY(stats.tsaNs > 0);
        auto report = PdfVerifier::verify(*pdf, anchors());
        QVERIFY(report.has_value());
        QCOMPARE(report->signatures.size(), 1);
        const SignatureCheck& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(';')));
        QCOMPARE(s.level, BaselineLevel::T);
        QVERIFY(s.trustedTime.has_value());
        QVERIFY(qAbs(s.trustedTime->secsTo(now)) <= 10);
        QCOMPARE(s.timestampAuthority, QStringLiteral("tsa TSA"));
        const QString text = report->toText();
        QVERIFY2(text.contains(QStringLiteral("Trusted time:")) && text.contains(QStringLiteral("B-T")),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("only what the signer's computer claimed")));

        // The same file with only the school's CA trusted: the TSA is unknown, so the signature is not ok.
        auto untrusted = PdfVerifier::verify(*pdf, {m_pki.caDer()});
        QVERIFY(untrusted.has_value());
        QVERIFY(!untrusted->ok());
        QVERIFY(!untrusted->signatures.first().trustedTime.has_value());
        QVERIFY2(untrusted->signatures.first().problems.join(' ').contains(QStringLiteral("time-stamp")),
                 qPrintable(untrusted->signatures.first().problems.join(' ')));

        // pdfsig still accepts it.
        const QString out
            = runTool(QStringLiteral("pdfsig"), {"-nssdir", m_pki.nssDir(), write(*pdf, QStringLiteral("bt.pdf"))})
                  .output;
        QVERIFY2(out.contains("Signature Validation: Signature is Valid."), qPrintable(out));
        QVERIFY2(out.contains("Total document signed"), qPrintable(out));

        // The token, taken out of the CMS, verifies with openssl ts over SHA-256 of the signature value.
        const auto [token, digest] = tokenOf(lastCms(*pdf));
        QVERIFY(!token.isEmpty());
        auto ts = runTool(QStringLiteral("openssl"),
                          {"ts", "-verify", "-token_in", "-in", write(token, QStringLiteral("token.der")), "-digest",
                           QString::fromLatin1(digest.toHex()), "-CAfile", m_tsa.rootPemPath()});
        QVERIFY2(ts.exitCode == 0 && ts.output.contains(QStringLiteral("Verification: OK")), qPrintable(ts.output));
        auto check = runTool("qpdf", {"--check", write(*pdf, "c.pdf")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.output));
    }

    void withoutTimestampIsLevelB()
    {
        auto signer = m_pki.signer(true);
        const QByteArray pdf = sign(*signer, QDateTime::currentDateTimeUtc(), nullptr);
        QVERIFY(!pdf.isEmpty());
        auto report = PdfVerifier::verify(pdf, anchors());
        QVERIFY(report.has_value() && report->ok());
        QCOMPARE(report->signatures.first().level, BaselineLevel::B);
        QVERIFY(report->toText().contains(QStringLiteral("only what the signer's computer claimed")));
    }

    void backdatedTimeReportedWithTimestampTime()
    {
        // /M claims last month (before the certificate even existed); the time-stamp proves today.
        auto signer = m_pki.signer(false);
        auto timestamper = m_tsa.timestamper();
        const QDateTime claimed = QDateTime::currentDateTimeUtc().addDays(-30);
        const QByteArray pdf = sign(*signer, claimed, timestamper.get());
        QVERIFY(!pdf.isEmpty());
        auto report = PdfVerifier::verify(pdf, anchors());
        QVERIFY(report.has_value());
        const SignatureCheck& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(';')));
        QCOMPARE(s.signingTime, claimed.addMSecs(-claimed.time().msec()));
        QVERIFY(s.trustedTime && qAbs(s.trustedTime->secsTo(QDateTime::currentDateTimeUtc())) <= 10);
        QCOMPARE(s.judgedTime(), *s.trustedTime);
        QVERIFY(report->toText().contains(QStringLiteral("Trusted time:")));
    }

    void expiredSinceStillVerifiesThanksToTimestamp()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime notAfter = now.addSecs(4);
        auto signer = signerValid(QStringLiteral("short"), now.addSecs(-60), notAfter);
        QVERIFY(signer);
        auto timestamper = m_tsa.timestamper();
        const QByteArray stamped = sign(*signer, QDateTime::currentDateTimeUtc(), timestamper.get());
        QVERIFY(!stamped.isEmpty());
        // Wait until the certificate has expired.
        while (QDateTime::currentDateTimeUtc() <= notAfter.addSecs(1))
            QThread::msleep(200);
        auto report = PdfVerifier::verify(stamped, anchors());
        QVERIFY(report.has_value());
        const SignatureCheck& s = report->signatures.first();
        QVERIFY(s.certificate.notAfter < QDateTime::currentDateTimeUtc());
        QVERIFY2(s.ok(), qPrintable(s.problems.join(';')));
        QCOMPARE(s.level, BaselineLevel::T);
    }

    void attackerWithExpiredCertificate()
    {
        // A certificate that expired yesterday; the attacker claims a time when it was valid.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto signer = signerValid(QStringLiteral("expired"), now.addDays(-3), now.addDays(-1));
        QVERIFY(signer);
        const QDateTime backdated = now.addDays(-2);
        // Without a time-stamp the claim cannot be disproved: the report says so (level B, the plain sentence).
        const QByteArray plain = sign(*signer, backdated, nullptr);
        QVERIFY(!plain.isEmpty());
        auto b = PdfVerifier::verify(plain, anchors());
        QVERIFY(b.has_value());
        QCOMPARE(b->signatures.first().level, BaselineLevel::B);
        QVERIFY(!b->signatures.first().trustedTime);
        QVERIFY(b->toText().contains(QStringLiteral("only what the signer's computer claimed")));
        // With a time-stamp the certificate is judged today, and fails.
        auto timestamper = m_tsa.timestamper();
        const QByteArray stamped = sign(*signer, backdated, timestamper.get());
        QVERIFY(!stamped.isEmpty());
        auto t = PdfVerifier::verify(stamped, anchors());
        QVERIFY(t.has_value());
        const SignatureCheck& s = t->signatures.first();
        QVERIFY(!s.ok());
        QVERIFY(s.trustedTime.has_value());
        QVERIFY(!s.validAtSigningTime);
        QVERIFY2(s.problems.join(' ').contains(QStringLiteral("time proven by the time-stamp")),
                 qPrintable(s.problems.join(' ')));
    }

    void tamperedTokenRefused()
    {
        // A token made for another signature, swapped into this one's CMS, is a problem: not ok, no trusted time.
        auto signer = m_pki.signer(false);
        auto timestamper = m_tsa.timestamper();
        const QByteArray first = sign(*signer, QDateTime::currentDateTimeUtc(), timestamper.get());
        const QByteArray second = sign(*signer, QDateTime::currentDateTimeUtc().addSecs(1), timestamper.get());
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const QByteArray tokenA = tokenOf(lastCms(first)).first;
        const QByteArray tokenB = tokenOf(lastCms(second)).first;
        QCOMPARE(tokenA.size(), tokenB.size());
        // Same length: replace the token bytes in the hex /Contents (outside the signed range).
        QByteArray swapped = second;
        const QByteArray hexB = tokenB.toHex().toUpper();
        const qsizetype at = swapped.indexOf(hexB);
        QVERIFY(at > 0);
        swapped.replace(at, hexB.size(), tokenA.toHex().toUpper());
        auto report = PdfVerifier::verify(swapped, anchors());
        QVERIFY(report.has_value());
        const SignatureCheck& s = report->signatures.first();
        QVERIFY(s.integrityOk);
        QVERIFY(!s.ok());
        QVERIFY(!s.trustedTime.has_value());
        QVERIFY(s.problems.join(' ').contains(QStringLiteral("another signature")));
    }
};

QTEST_MAIN(TestPdfTimestamp)
#include "TestPdfTimestamp.moc"

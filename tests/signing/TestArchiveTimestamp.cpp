// SPDX-License-Identifier: GPL-3.0-or-later
// PAdES B-LTA: a document time-stamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161) added by PdfSigner over a B-LT
// PDF, verified by PdfVerifier, pdfsig, qpdf --check and `openssl ts -verify -data`; forged document time-stamps (a
// token of another document, a fresh key under a copied TSA certificate, an untrusted TSA, bytes edited after it)
// are reported invalid.
#include "OcspFixture.h"
#include "TestPki.h"
#include "TestSupport.h"
#include "TsaFixture.h"

#include "lifecycle/RevocationFetcher.h"
#include "token/PdfSigner.h"
#include "verify/PdfVerifier.h"
#include "verify/Timestamp.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace hocba;
using namespace hocba::signing;

namespace {

using test::readBytes;
using test::runTool;

QByteArray makePdf()
{
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    QPdfWriter w(&buf);
    w.setPageSize(QPageSize(QPageSize::A4));
    QPainter p(&w);
    p.drawText(100, 100, QStringLiteral("HỌC BẠ SỐ – B-LTA"));
    p.end();
    return bytes;
}

/** The last /ByteRange [0 b c d] of `pdf`. */
std::array<qsizetype, 3> lastRange(const QByteArray& pdf)
{
    static const QRegularExpression re(QStringLiteral(R"(/ByteRange \[0 (\d+) (\d+) (\d+)\s*\])"));
    auto it = re.globalMatch(QString::fromLatin1(pdf));
    QRegularExpressionMatch m;
    while (it.hasNext())
        m = it.next();
    if (!m.hasMatch())
        return {0, 0, 0};
    return {m.captured(1).toLongLong(), m.captured(2).toLongLong(), m.captured(3).toLongLong()};
}

/** Gives the token another timestamper issues for a fixed digest, whatever it is asked for. */
class WrongDigestTimestamper : public Timestamper
{
public:
    WrongDigestTimestamper(Timestamper& real, QByteArray digest)
        : m_real(real)
        , m_digest(std::move(digest))
    { }
    Result<QByteArray> timestamp(const QByteArray&) override { return m_real.timestamp(m_digest); }

private:
    Timestamper& m_real;
    QByteArray m_digest;
};

/** Asks the real TSA, then re-signs the token's TSTInfo with a fresh key, carrying the real TSA's certificate. */
class ImpostorTimestamper : public Timestamper
{
public:
    ImpostorTimestamper(Timestamper& real, const test::TsaFixture& tsa)
        : m_real(real)
        , m_tsa(tsa)
    { }
    Result<QByteArray> timestamp(const QByteArray& digest) override
    {
        auto token = m_real.timestamp(digest);
        if (!token)
            return token;
        QFile f(m_tsa.path(QStringLiteral("real-token.der")));
        if (!f.open(QIODevice::WriteOnly) || f.write(*token) != token->size())
            return fail(ErrorCode::Io, QStringLiteral("write"));
        f.close();
        QString out;
        if (m_tsa.openssl({"cms", "-verify", "-noverify", "-inform", "DER", "-in", "real-token.der", "-binary", "-out",
                           "tstinfo.der"},
                          &out)
                != 0
            || m_tsa.openssl({"cms",
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
                              "fake.pem",
                              "-inkey",
                              "fake.key",
                              "-md",
                              "sha256",
                              "-nosmimecap",
                              "-cades",
                              "-nocerts",
                              "-certfile",
                              m_tsa.tsaCertPemPath(),
                              "-out",
                              "forged.der"},
                             &out)
                != 0)
            return fail(ErrorCode::Internal, QStringLiteral("openssl"), out);
        return readBytes(m_tsa.path(QStringLiteral("forged.der")));
    }

private:
    Timestamper& m_real;
    const test::TsaFixture& m_tsa;
};

} // namespace

class TestArchiveTimestamp : public QObject
{
    Q_OBJECT

    test::OcspFixture m_ca;
    test::TsaFixture m_tsa;
    QByteArray m_lt; ///< signed, time-stamped, with the signer's and the TSA's validation data: B-LT

    QList<QByteArray> anchors() const { return {m_ca.rootDer(), m_tsa.rootDer()}; }

    QString write(const QByteArray& data, const QString& name)
    {
        QFile f(m_ca.path(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
        return f.fileName();
    }

    QByteArray archived(const QByteArray& pdf, Timestamper& tsa)
    {
        auto out = PdfSigner::addDocumentTimestamp(pdf, tsa);
        if (!out)
            qWarning() << out.error().message << out.error().detail;
        return out.value_or(QByteArray());
    }

    /** A revision appended after everything that rewrites the catalog with an extra key (an edit after signing). */
    static QByteArray withEditedCatalog(const QByteArray& pdf)
    {
        const qsizetype catalogAt = pdf.lastIndexOf("/Type /Catalog");
        const qsizetype objStart = pdf.lastIndexOf(" obj", catalogAt);
        const qsizetype lineStart = pdf.lastIndexOf('\n', objStart) + 1;
        const QByteArray objNum = pdf.mid(lineStart, objStart - lineStart);
        const qsizetype end = pdf.indexOf("endobj", catalogAt);
        QByteArray body = pdf.mid(objStart + 4, end - objStart - 4);
        body.replace("/Type /Catalog", "/Type /Catalog /OpenAction [0 /Fit]");
        const qsizetype prevXref = pdf.mid(pdf.lastIndexOf("startxref") + 9).trimmed().split('\n').first().toLongLong();
        const qsizetype size = pdf.mid(pdf.lastIndexOf("/Size ") + 6).split(' ').first().toLongLong();
        QByteArray tampered = pdf;
        const qsizetype at = tampered.size();
        tampered += objNum + " obj" + body + "endobj\n";
        const qsizetype xref = tampered.size();
        tampered += "xref\n" + objNum.split(' ').first() + " 1\n" + QByteArray::number(at).rightJustified(10, '0')
            + " 00000 n\r\ntrailer\n<< /Size " + QByteArray::number(size) + " /Root " + objNum.split(' ').first()
            + " 0 R /Prev " + QByteArray::number(prevXref) + " >>\nstartxref\n" + QByteArray::number(xref)
            + "\n%%EOF\n";
        return tampered;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_ca.create());
        QVERIFY(m_tsa.create());
        auto signer = m_ca.signer();
        QVERIFY(signer);
        auto tsa = m_tsa.timestamper();
        PdfSignOptions o;
        o.timestamper = tsa.get();
        auto pdf = PdfSigner::sign(makePdf(), *signer, o);
        QVERIFY(pdf);
        auto data = lifecycle::fetchValidationData(
            {m_ca.der(QStringLiteral("signer")), m_ca.der(QStringLiteral("int")), m_ca.rootDer()});
        QVERIFY(data);
        data->certificates << m_tsa.tsaCertDer() << m_tsa.rootDer();
        auto lt = PdfSigner::addValidationData(*pdf, *data);
        QVERIFY(lt);
        m_lt = *lt;
        auto report = PdfVerifier::verify(m_lt, anchors());
        QVERIFY(report && report->ok());
        QCOMPARE(report->signatures.first().level, BaselineLevel::LT);
        QCOMPARE(report->signatures.first().timestampCertificate.commonName, QStringLiteral("tsa TSA"));
    }

    void archivedIsLevelLTA()
    {
        auto tsa = m_tsa.timestamper();
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
        const QByteArray lta = archived(m_lt, *tsa);
        QVERIFY(!lta.isEmpty());
        QVERIFY(lta.startsWith(m_lt)); // an incremental update: the signed bytes stay
        QVERIFY(lta.contains("/Type /DocTimeStamp") && lta.contains("/SubFilter /ETSI.RFC3161"));
        auto report = PdfVerifier::verify(lta, anchors());
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->toText()));
        QCOMPARE(report->signatures.size(), 1);
        const auto& s = report->signatures.first();
        QCOMPARE(s.level, BaselineLevel::LTA);
        QVERIFY(!s.changedAfterSigning);
        QVERIFY(s.archiveTime.has_value());
        QCOMPARE(report->archiveTimestamps.size(), 1);
        const auto& a = report->archiveTimestamps.first();
        QVERIFY2(a.ok, qPrintable(a.problems.join(';')));
        QVERIFY(a.time >= before && a.time <= QDateTime::currentDateTimeUtc().addSecs(5));
        QCOMPARE(a.authority, QStringLiteral("tsa TSA"));
        QVERIFY(a.authorityCertificate.notAfter > QDateTime::currentDateTimeUtc().addDays(300));
        QCOMPARE(report->lastArchiveTimestamp(), &a);
        const QString text = report->toText();
        QVERIFY2(text.contains(QStringLiteral("B-LTA")) && text.contains(QStringLiteral("Archive time:")),
                 qPrintable(text));

        // Independent tools: pdfsig lists the document time-stamp, qpdf finds the file sound.
        const QString file = write(lta, QStringLiteral("lta.pdf"));
        const auto sig = runTool("pdfsig", {file});
        // pdfsig (poppler 22.12) lists the document time-stamp as a second signature by the TSA over the whole file; it
        // does not validate the RFC 3161 type ("Unable to validate this type of signature"): openssl ts does, below.
        const QString second = sig.output.section(QStringLiteral("Signature #2:"), 1);
        QVERIFY2(second.contains("Field Name: hocba-archive-") && second.contains("Common Name: tsa TSA")
                     && second.contains("Total document signed"),
                 qPrintable(sig.output));
        QVERIFY2(sig.output.section(QStringLiteral("Signature #2:"), 0, 0)
                     .contains("Signature Validation: Signature is Valid."),
                 qPrintable(sig.output));
        const auto check = runTool("qpdf", {"--check", file});
        QVERIFY2(check.exitCode == 0, qPrintable(check.output));

        // openssl ts -verify over the byte ranges, with the token taken out of /Contents.
        const auto [b, c, d] = lastRange(lta);
        QCOMPARE(c + d, lta.size());
        const QByteArray covered = lta.left(b) + lta.mid(c, d);
        QByteArray token = QByteArray::fromHex(lta.mid(b + 1, c - b - 2));
        while (token.endsWith('\0'))
            token.chop(1);
        const auto ts
            = runTool("openssl",
                      {"ts", "-verify", "-data", write(covered, QStringLiteral("covered.bin")), "-in",
                       write(token, QStringLiteral("doc-token.der")), "-token_in", "-CAfile", m_tsa.rootPemPath()});
        QVERIFY2(ts.exitCode == 0 && ts.output.contains("Verification: OK"), qPrintable(ts.output));
        // …and openssl refuses it over other bytes.
        const auto other
            = runTool("openssl",
                      {"ts", "-verify", "-data", write(covered + "x", QStringLiteral("x.bin")), "-in",
                       m_ca.path(QStringLiteral("doc-token.der")), "-token_in", "-CAfile", m_tsa.rootPemPath()});
        QVERIFY(other.exitCode != 0);
    }

    // Validation data added after the document time-stamp (for the next one), and a second archive time-stamp.
    void dssAfterItAndASecondOneStayValid()
    {
        auto tsa = m_tsa.timestamper();
        const QByteArray lta = archived(m_lt, *tsa);
        QVERIFY(!lta.isEmpty());
        auto more = PdfSigner::addValidationData(lta, {{m_ca.der(QStringLiteral("responder"))}, {}, {}});
        QVERIFY(more && more->size() > lta.size());
        auto report = PdfVerifier::verify(*more, anchors());
        QVERIFY(report);
        QVERIFY2(report->ok(), qPrintable(report->toText()));
        QCOMPARE(report->signatures.first().level, BaselineLevel::LTA);
        const QByteArray twice = archived(*more, *tsa);
        QVERIFY(!twice.isEmpty());
        auto second = PdfVerifier::verify(twice, anchors());
        QVERIFY(second);
        QVERIFY2(second->ok(), qPrintable(second->toText()));
        QCOMPARE(second->archiveTimestamps.size(), 2);
        QCOMPARE(second->lastArchiveTimestamp(), &second->archiveTimestamps.last());
        QCOMPARE(second->signatures.first().level, BaselineLevel::LTA);
        QCOMPARE(runTool("qpdf", {"--check", write(twice, QStringLiteral("twice.pdf"))}).exitCode, 0);
    }

    // ETSI EN 319 142-1: B-LTA builds on B-LT. A B-T signature under a document time-stamp stays T.
    void timestampedWithoutValidationDataStaysT()
    {
        auto signer = m_ca.signer();
        auto tsa = m_tsa.timestamper();
        PdfSignOptions o;
        o.timestamper = tsa.get();
        auto pdf = PdfSigner::sign(makePdf(), *signer, o);
        QVERIFY(pdf);
        const QByteArray withArchive = archived(*pdf, *tsa);
        auto report = PdfVerifier::verify(withArchive, anchors());
        QVERIFY(report && report->ok());
        QCOMPARE(report->signatures.first().level, BaselineLevel::T);
        QVERIFY(report->signatures.first().archiveTime.has_value());
        QVERIFY(report->toText().contains(QStringLiteral("lacks the trusted time-stamp or revocation data")));
    }

    void tokenOfAnotherDocumentIsInvalid()
    {
        auto real = m_tsa.timestamper();
        WrongDigestTimestamper wrong(*real, QCryptographicHash::hash("một tài liệu khác", QCryptographicHash::Sha256));
        const QByteArray forged = archived(m_lt, wrong);
        QVERIFY(!forged.isEmpty());
        auto report = PdfVerifier::verify(forged, anchors());
        QVERIFY(report);
        QVERIFY(!report->ok());
        QCOMPARE(report->archiveTimestamps.size(), 1);
        QVERIFY(!report->archiveTimestamps.first().ok);
        QVERIFY(report->archiveTimestamps.first().problems.join(' ').contains(QStringLiteral("archive time-stamp")));
        QCOMPARE(report->signatures.first().level, BaselineLevel::LT); // not LTA
        QVERIFY(!report->signatures.first().archiveTime);
        QVERIFY(report->toText().contains(QStringLiteral("NOT valid")));
    }

    void freshKeyWithCopiedCertificateIsInvalid()
    {
        QString out;
        QVERIFY2(m_tsa.makeImpostor(&out), qPrintable(out));
        auto real = m_tsa.timestamper();
        ImpostorTimestamper impostor(*real, m_tsa);
        const QByteArray forged = archived(m_lt, impostor);
        QVERIFY(!forged.isEmpty());
        auto report = PdfVerifier::verify(forged, anchors());
        QVERIFY(report);
        QVERIFY(!report->ok());
        QVERIFY(!report->archiveTimestamps.first().ok);
        QCOMPARE(report->signatures.first().level, BaselineLevel::LT);
    }

    void untrustedTsaIsInvalid()
    {
        auto other = m_tsa.timestamper(QStringLiteral("untrusted"));
        const QByteArray pdf = archived(m_lt, *other);
        QVERIFY(!pdf.isEmpty());
        auto report = PdfVerifier::verify(pdf, anchors());
        QVERIFY(report && !report->ok());
        QVERIFY(!report->archiveTimestamps.first().ok);
    }

    void bytesEditedAfterItAreDetected()
    {
        auto tsa = m_tsa.timestamper();
        const QByteArray lta = archived(m_lt, *tsa);
        QVERIFY(!lta.isEmpty());
        // A revision after the archive time-stamp that changes the catalog: both the signature and the archive
        // time-stamp say the document changed.
        auto edited = PdfVerifier::verify(withEditedCatalog(lta), anchors());
        QVERIFY(edited);
        QVERIFY(!edited->ok());
        QVERIFY(edited->signatures.first().changedAfterSigning);
        QVERIFY(!edited->archiveTimestamps.first().ok);
        QVERIFY(edited->archiveTimestamps.first().problems.join(' ').contains(QStringLiteral("changed after")));
        // Bytes that are no revision.
        auto stray = PdfVerifier::verify(lta + "x", anchors());
        QVERIFY(stray && !stray->ok());
        // A byte inside the range the archive time-stamp covers (the /DSS, which the signature does not cover).
        QByteArray inside = lta;
        const qsizetype dssCert = inside.lastIndexOf("stream\n", lastRange(lta)[0]);
        QVERIFY(dssCert > m_lt.lastIndexOf("/ByteRange"));
        inside[dssCert + 20] = char(inside[dssCert + 20] ^ 0x01);
        auto flipped = PdfVerifier::verify(inside, anchors());
        QVERIFY(flipped);
        QVERIFY(!flipped->ok());
        QVERIFY(!flipped->archiveTimestamps.first().ok);
        // A document time-stamp field whose value is relabelled as a signature is no longer an archive time-stamp
        // and its token is no CMS signature of the document: not valid.
        QByteArray relabelled = lta;
        relabelled.replace("/Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161",
                           "/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached  ");
        auto asSignature = PdfVerifier::verify(relabelled, anchors());
        QVERIFY(asSignature && !asSignature->ok());
    }

    void failingTsaReturnsNothing()
    {
        test::TsaFixture broken; // never created: every request fails
        auto tsa = broken.timestamper();
        auto out = PdfSigner::addDocumentTimestamp(m_lt, *tsa);
        QVERIFY(!out.has_value());
    }
};

QTEST_MAIN(TestArchiveTimestamp)
#include "TestArchiveTimestamp.moc"

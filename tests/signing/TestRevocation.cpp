// SPDX-License-Identifier: GPL-3.0-or-later
// PAdES B-LT: OCSP responses and CRLs fetched from loopback responders (openssl ocsp -index, OcspFixture), embedded
// in the PDF's /DSS by incremental update, and checked offline by PdfVerifier at the judged time (/M until
// signatures carry timestamps). Cross-checked with pdfsig and qpdf --check; forged and misdirected responses are
// produced with openssl ocsp itself.
#include "OcspFixture.h"
#include "TestPki.h"
#include "TestSupport.h"
#include "TsaFixture.h"

#include "lifecycle/RevocationFetcher.h"
#include "token/PdfSigner.h"
#include "verify/PdfVerifier.h"
#include "verify/Revocation.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
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
    p.drawText(100, 100, QStringLiteral("HỌC BẠ SỐ – B-LT"));
    p.end();
    return bytes;
}

} // namespace

class TestRevocation : public QObject
{
    Q_OBJECT

    test::OcspFixture m_ca;
    test::TsaFixture m_tsa;
    QDateTime m_when;
    QByteArray m_signed; ///< a PDF signed by the fixture's signer at m_when, without validation data

    QList<QByteArray> chain() const
    {
        return {m_ca.der(QStringLiteral("signer")), m_ca.der(QStringLiteral("int")), m_ca.rootDer()};
    }

    QString write(const QByteArray& data, const QString& name)
    {
        QFile f(m_ca.path(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
        return f.fileName();
    }

    /** The signed PDF with freshly fetched validation data; empty (and a warning) on failure. */
    QByteArray withFetchedData()
    {
        auto data = lifecycle::fetchValidationData(chain());
        if (!data) {
            qWarning() << data.error().message << data.error().detail;
            return {};
        }
        auto pdf = PdfSigner::addValidationData(m_signed, *data);
        if (!pdf) {
            qWarning() << pdf.error().message << pdf.error().detail;
            return {};
        }
        return *pdf;
    }

    /** An OCSP request for the signer's certificate (openssl ocsp -reqout), for hand-made responses. */
    bool writeRequest()
    {
        return runTool("openssl",
                       {"ocsp", "-issuer", "int.pem", "-cert", "signer.pem", "-no_nonce", "-reqout", "req.der"},
                       m_ca.path({}))
                   .exitCode
            == 0;
    }

    /** A response to req.der from the intermediate's index, signed by `signerBase`.pem/.key. */
    QByteArray respond(const QString& signerBase, const QStringList& extra = {})
    {
        QFile::remove(m_ca.path("resp.der"));
        auto r
            = runTool("openssl",
                      QStringList {"ocsp", "-index", "int-index.txt", "-CA", "int.pem", "-rsigner", signerBase + ".pem",
                                   "-rkey", signerBase + ".key", "-reqin", "req.der", "-respout", "resp.der"}
                          + extra,
                      m_ca.path({}));
        if (r.exitCode != 0)
            qWarning() << r.output;
        return readBytes(m_ca.path("resp.der"));
    }

    RevocationStatus statusOfSigner(const QByteArray& response)
    {
        ValidationData data {chain() << m_ca.der(QStringLiteral("responder")), {response}, {}};
        return checkRevocation(m_ca.der(QStringLiteral("signer")), m_ca.der(QStringLiteral("int")), data, m_when);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_ca.create());
        m_when = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        auto signer = m_ca.signer();
        QVERIFY(signer);
        PdfSignOptions o;
        o.signingTime = m_when;
        auto pdf = PdfSigner::sign(makePdf(), *signer, o);
        QVERIFY(pdf);
        m_signed = *pdf;
        QVERIFY(m_tsa.create());
    }

    void chainNamesItsServices()
    {
        QVERIFY(lifecycle::chainHasRevocationUrls(chain()));
        QVERIFY(!lifecycle::chainHasRevocationUrls({m_ca.rootDer()}));
    }

    void dssVerifiesOffline()
    {
        QElapsedTimer timer;
        timer.start();
        auto data = lifecycle::fetchValidationData(chain());
        const qint64 fetchMs = timer.elapsed();
        QVERIFY2(data, qPrintable(data ? QString() : data.error().message + data.error().detail));
        qInfo("fetch: 2 OCSP responses on loopback in %lld ms", fetchMs); // a figure, never asserted
        QCOMPARE(data->ocspResponses.size(), 2); // signer (delegated responder) and intermediate (root itself)
        QVERIFY(data->crls.isEmpty());
        QCOMPARE(data->certificates.size(), 3);

        auto pdf = PdfSigner::addValidationData(m_signed, *data);
        QVERIFY(pdf);
        QVERIFY(pdf->startsWith(m_signed)); // incremental
        auto report = PdfVerifier::verify(*pdf, {m_ca.rootDer()});
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 1);
        const auto& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(';')));
        QVERIFY(s.revocationChecked);
        QVERIFY(!s.revoked);
        QVERIFY(!s.changedAfterSigning);
        QCOMPARE(s.level, BaselineLevel::B); // no timestamp: B, whatever the revocation data
        QVERIFY(report->toText().contains(QStringLiteral("Revocation: not revoked")));

        // Without the /DSS nothing is claimed.
        auto plain = PdfVerifier::verify(m_signed, {m_ca.rootDer()});
        QVERIFY(plain && plain->signatures.first().ok());
        QVERIFY(!plain->signatures.first().revocationChecked);

        const QString file = write(*pdf, QStringLiteral("blt.pdf"));
        const auto check = runTool("qpdf", {"--check", file}, {});
        QVERIFY2(check.exitCode == 0 && check.output.contains("No syntax or stream encoding errors"),
                 qPrintable(check.output));
        const auto sig = runTool("pdfsig", {file}, {});
        QVERIFY2(sig.output.contains("Signature Validation: Signature is Valid."), qPrintable(sig.output));
        // The DSS is really there, with streams qpdf can read.
        const auto json = runTool("qpdf", {"--json=2", "--json-key=qpdf", file}, {});
        QVERIFY(json.output.contains("/DSS"));
        QVERIFY(json.output.contains("/OCSPs"));
    }

    void dssMergesWithoutDuplicates()
    {
        auto data = lifecycle::fetchValidationData(chain());
        QVERIFY(data);
        auto once = PdfSigner::addValidationData(m_signed, *data);
        QVERIFY(once);
        auto again = PdfSigner::addValidationData(*once, {data->certificates, {}, {}});
        QVERIFY(again);
        QCOMPARE(*again, *once); // nothing new: unchanged
        // A CRL added later merges with the OCSP responses already there.
        const QByteArray crl = readBytes(m_ca.path("int.crl"));
        QVERIFY(!crl.isEmpty());
        auto merged = PdfSigner::addValidationData(*once, {{}, {}, {crl}});
        QVERIFY(merged && merged->size() > once->size());
        QCOMPARE(merged->count("%%EOF"), once->count("%%EOF") + 1);
        auto report = PdfVerifier::verify(*merged, {m_ca.rootDer()});
        QVERIFY(report && report->signatures.first().ok());
        QVERIFY(report->signatures.first().revocationChecked);
        QCOMPARE(runTool("qpdf", {"--check", write(*merged, "merged.pdf")}, {}).exitCode, 0);
    }

    // Anything else after the signature than validation data is still a change after signing.
    void otherChangesAfterDssStillDetected()
    {
        QByteArray pdf = withFetchedData();
        QVERIFY(!pdf.isEmpty());
        // Append a revision that replaces the catalog with one that has an extra key.
        auto report = PdfVerifier::verify(pdf, {m_ca.rootDer()});
        QVERIFY(report && !report->signatures.first().changedAfterSigning);
        auto stray = PdfVerifier::verify(pdf + "x", {m_ca.rootDer()}); // bytes that are no revision
        QVERIFY(stray && stray->signatures.first().changedAfterSigning);
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
        auto changed = PdfVerifier::verify(tampered, {m_ca.rootDer()});
        QVERIFY(changed);
        QVERIFY(changed->signatures.first().changedAfterSigning);
        QVERIFY(!changed->ok());
    }

    void revokedBeforeSigningIsInvalid()
    {
        const QDateTime revokedAt = m_when.addSecs(-600);
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), revokedAt));
        auto refused = lifecycle::fetchValidationData(chain());
        QVERIFY(!refused); // signing with a revoked certificate stops there
        QCOMPARE(refused.error().code, ErrorCode::CertificateInvalid);

        // A verifier given the authority's answer (fetched with openssl) judges it at /M.
        QVERIFY(writeRequest());
        const QByteArray response = respond(QStringLiteral("responder"));
        QVERIFY(!response.isEmpty());
        QCOMPARE(statusOfSigner(response).state, RevocationStatus::State::Revoked);
        auto pdf = PdfSigner::addValidationData(m_signed, {chain(), {response}, {}});
        QVERIFY(pdf);
        auto report = PdfVerifier::verify(*pdf, {m_ca.rootDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(!s.ok());
        QVERIFY(s.revoked);
        QCOMPARE(s.revokedAt, revokedAt);
        QVERIFY(s.problems.join(' ').contains(QStringLiteral("was revoked")));
        QVERIFY(!report->ok());
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), {}));
    }

    void revokedAfterSigningStaysValid()
    {
        // The CA revokes the certificate ten minutes after the record was signed (a revocation time in the future of
        // the responder's clock is still written as given).
        const QDateTime revokedAt = m_when.addSecs(600);
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), revokedAt));
        QVERIFY(writeRequest());
        const QByteArray response = respond(QStringLiteral("responder"));
        auto intData = lifecycle::fetchValidationData({m_ca.der(QStringLiteral("int")), m_ca.rootDer()});
        QVERIFY(intData);
        auto pdf = PdfSigner::addValidationData(m_signed, {chain(), intData->ocspResponses << response, {}});
        QVERIFY(pdf);
        auto report = PdfVerifier::verify(*pdf, {m_ca.rootDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(';')));
        QVERIFY(s.revocationChecked);
        QVERIFY(!s.revoked);
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), {}));
    }

    void intermediateRevokedBeforeIsInvalid()
    {
        QVERIFY(m_ca.revoke(QStringLiteral("int"), m_when.addSecs(-300)));
        const QByteArray crl = readBytes(m_ca.path("root.crl")); // the root's CRL now lists the intermediate
        auto signerData
            = lifecycle::fetchValidationData({m_ca.der(QStringLiteral("signer"))}, {m_ca.der(QStringLiteral("int"))});
        QVERIFY(signerData); // only the signer's own certificate is asked about here
        QCOMPARE(signerData->ocspResponses.size(), 1);
        auto pdf = PdfSigner::addValidationData(m_signed, {chain(), signerData->ocspResponses, {crl}});
        QVERIFY(pdf);
        auto report = PdfVerifier::verify(*pdf, {m_ca.rootDer()});
        QVERIFY(report);
        QVERIFY(report->signatures.first().revoked);
        QVERIFY(!report->ok());
        QVERIFY(m_ca.revoke(QStringLiteral("int"), {}));
    }

    void forgedResponsesAreUnknown()
    {
        QVERIFY(writeRequest());
        // The real responder: Good (so the cases below can fail).
        QCOMPARE(statusOfSigner(respond(QStringLiteral("responder"))).state, RevocationStatus::State::Good);
        // The issuer itself may answer too.
        QCOMPARE(statusOfSigner(respond(QStringLiteral("int"))).state, RevocationStatus::State::Good);

        // A fresh key in a certificate copied from the real responder's name; the real responder's certificate is
        // what the verifier finds by that name, and the signature does not match it.
        QVERIFY(m_ca.issue(QStringLiteral("fake-responder"),
                           QStringLiteral("/C=VN/O=Sở Giáo dục Thử nghiệm/CN=Test OCSP Responder"),
                           "basicConstraints=critical,CA:FALSE\nextendedKeyUsage=OCSPSigning\n", {}));
        const QByteArray forged = respond(QStringLiteral("fake-responder"), {"-resp_no_certs"});
        QVERIFY(!forged.isEmpty());
        const auto f = statusOfSigner(forged);
        QCOMPARE(f.state, RevocationStatus::State::Unknown);
        QVERIFY(!f.problem.isEmpty());

        // A responder certified by an unrelated CA, its certificate carried in the response.
        QVERIFY(m_ca.issue(QStringLiteral("other-ca"), QStringLiteral("/CN=Unrelated CA"),
                           "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n", {}));
        QVERIFY(m_ca.issue(QStringLiteral("other-responder"), QStringLiteral("/CN=Unrelated OCSP Responder"),
                           "basicConstraints=critical,CA:FALSE\nextendedKeyUsage=OCSPSigning\n",
                           QStringLiteral("other-ca")));
        QCOMPARE(statusOfSigner(respond(QStringLiteral("other-responder"))).state, RevocationStatus::State::Unknown);
        // The unrelated CA signing directly.
        QCOMPARE(statusOfSigner(respond(QStringLiteral("other-ca"))).state, RevocationStatus::State::Unknown);

        // A PDF carrying only the forged answer is not LT-checked, and not invalid either.
        auto pdf = PdfSigner::addValidationData(m_signed, {chain() << m_ca.der("responder"), {forged}, {}});
        QVERIFY(pdf);
        auto report = PdfVerifier::verify(*pdf, {m_ca.rootDer()});
        QVERIFY(report && report->signatures.first().ok());
        QVERIFY(!report->signatures.first().revocationChecked);
        QVERIFY(report->toText().contains(QStringLiteral("could not be checked")));
    }

    void responseForAnotherCertificateDoesNotCount()
    {
        // A good answer about the responder's certificate (same issuer) says nothing about the signer's.
        QVERIFY(runTool("openssl",
                        {"ocsp", "-issuer", "int.pem", "-cert", "responder.pem", "-no_nonce", "-reqout", "req.der"},
                        m_ca.path({}))
                    .exitCode
                == 0);
        const QByteArray other = respond(QStringLiteral("responder"));
        QVERIFY(!other.isEmpty());
        const auto s = statusOfSigner(other);
        QCOMPARE(s.state, RevocationStatus::State::Unknown);
        // And it does count for the certificate it names.
        ValidationData data {chain() << m_ca.der("responder"), {other}, {}};
        QCOMPARE(checkRevocation(m_ca.der("responder"), m_ca.der("int"), data, m_when).state,
                 RevocationStatus::State::Good);
    }

    void crlIsTheFallback()
    {
        QVERIFY(m_ca.setDown(true)); // no OCSP responder answers; the CRLs are still served
        lifecycle::RevocationFetchOptions fast;
        fast.timeoutMs = 2000;
        fast.retries = 0;
        const int before = m_ca.crlRequests();
        auto data = lifecycle::fetchValidationData(chain(), {}, fast);
        QVERIFY2(data, qPrintable(data ? QString() : data.error().detail));
        QVERIFY(data->ocspResponses.isEmpty());
        QCOMPARE(data->crls.size(), 2);
        QCOMPARE(m_ca.crlRequests(), before + 2);
        auto pdf = PdfSigner::addValidationData(m_signed, *data);
        QVERIFY(pdf);
        auto report = PdfVerifier::verify(*pdf, {m_ca.rootDer()});
        QVERIFY(report && report->signatures.first().ok());
        QVERIFY(report->signatures.first().revocationChecked);

        // A CRL signed by someone else than the issuer does not count.
        ValidationData forged {chain(), {}, {readBytes(m_ca.path("root.crl"))}};
        QCOMPARE(checkRevocation(m_ca.der("signer"), m_ca.der("int"), forged, m_when).state,
                 RevocationStatus::State::Unknown);
        QVERIFY(m_ca.setDown(false));
    }

    void silentServicesAreAnError()
    {
        QVERIFY(m_ca.setDown(true));
        m_ca.setCrlDown(true);
        lifecycle::RevocationFetchOptions fast;
        fast.timeoutMs = 1000;
        fast.retries = 1;
        auto data = lifecycle::fetchValidationData(chain(), {}, fast);
        m_ca.setCrlDown(false);
        QVERIFY(m_ca.setDown(false));
        QVERIFY(!data);
        QCOMPARE(data.error().code, ErrorCode::Network);
        QVERIFY(data.error().message.contains(QStringLiteral("did not answer")));
    }
    /**
     * Signed with a trusted timestamp and a claimed /M an hour later: revocation is judged at the timestamp's time.
     * Returns the PDF and the timestamp's time.
     */
    std::pair<QByteArray, QDateTime> timestamped()
    {
        auto signer = m_ca.signer();
        auto timestamper = m_tsa.timestamper();
        PdfSignOptions o;
        o.signingTime = m_when.addSecs(3600);
        o.timestamper = timestamper.get();
        auto pdf = PdfSigner::sign(makePdf(), *signer, o);
        if (!pdf)
            return {};
        auto report = PdfVerifier::verify(*pdf, {m_ca.rootDer(), m_tsa.rootDer()});
        if (!report || !report->signatures.first().trustedTime)
            return {};
        return {*pdf, *report->signatures.first().trustedTime};
    }

    void timestampedWithDssIsLevelLT()
    {
        const auto [pdf, stampedAt] = timestamped();
        QVERIFY(!pdf.isEmpty());
        auto data = lifecycle::fetchValidationData(chain());
        QVERIFY(data);
        auto blt = PdfSigner::addValidationData(pdf, *data);
        QVERIFY(blt);
        auto report = PdfVerifier::verify(*blt, {m_ca.rootDer(), m_tsa.rootDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(';')));
        QCOMPARE(s.trustedTime, std::optional<QDateTime>(stampedAt));
        QVERIFY(s.revocationChecked);
        QCOMPARE(s.level, BaselineLevel::LT);
        // Without the /DSS the same signature is T.
        auto t = PdfVerifier::verify(pdf, {m_ca.rootDer(), m_tsa.rootDer()});
        QVERIFY(t);
        QCOMPARE(t->signatures.first().level, BaselineLevel::T);
        const auto sig = runTool("pdfsig", {write(*blt, QStringLiteral("lt.pdf"))}, {});
        QVERIFY2(sig.output.contains("Signature Validation: Signature is Valid."), qPrintable(sig.output));
        QCOMPARE(runTool("qpdf", {"--check", m_ca.path("lt.pdf")}, {}).exitCode, 0);
    }

    void revokedBeforeTheTimestampIsInvalid()
    {
        const auto [pdf, stampedAt] = timestamped();
        QVERIFY(!pdf.isEmpty());
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), stampedAt.addSecs(-1)));
        QVERIFY(writeRequest());
        const QByteArray response = respond(QStringLiteral("responder"));
        auto intData = lifecycle::fetchValidationData({m_ca.der(QStringLiteral("int")), m_ca.rootDer()});
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), {}));
        QVERIFY(intData);
        auto blt = PdfSigner::addValidationData(pdf, {chain(), intData->ocspResponses << response, {}});
        QVERIFY(blt);
        auto report = PdfVerifier::verify(*blt, {m_ca.rootDer(), m_tsa.rootDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY(s.revoked);
        QVERIFY(!s.ok());
        QVERIFY(s.level != BaselineLevel::LT);
    }

    void revokedAfterTheTimestampIsValid()
    {
        const auto [pdf, stampedAt] = timestamped();
        QVERIFY(!pdf.isEmpty());
        // Revoked ten minutes after the timestamp, but before the claimed /M (an hour later): judged at the
        // timestamp, the signature stays valid; judged at /M it would not.
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), stampedAt.addSecs(600)));
        auto data = lifecycle::fetchValidationData(chain());
        QVERIFY(m_ca.revoke(QStringLiteral("signer"), {}));
        QVERIFY(data);
        auto blt = PdfSigner::addValidationData(pdf, *data);
        QVERIFY(blt);
        auto report = PdfVerifier::verify(*blt, {m_ca.rootDer(), m_tsa.rootDer()});
        QVERIFY(report);
        const auto& s = report->signatures.first();
        QVERIFY2(s.ok(), qPrintable(s.problems.join(';')));
        QVERIFY(!s.revoked);
        QCOMPARE(s.level, BaselineLevel::LT);
        const RevocationStatus atClaim = checkRevocation(m_ca.der(QStringLiteral("signer")),
                                                         m_ca.der(QStringLiteral("int")), *data, s.signingTime);
        QCOMPARE(atClaim.state, RevocationStatus::State::Revoked);
    }
};

QTEST_MAIN(TestRevocation)
#include "TestRevocation.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Token access against a real SoftHSM2 token made at test time (make-test-token.sh), and the error paths a real
// token has but SoftHSM cannot show (locked PIN, removal) through FakeTokenBackend.
#include "TestSupport.h"
#include "TokenFakes.h"

#include "token/TokenManager.h"
#include "token/TokenService.h"
#include "verify/CertificatePolicy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

using namespace hocba;
using namespace hocba::signing;
using hocba::test::FakePinProvider;
using hocba::test::FakeTokenBackend;

namespace {

const QString kSoftHsm = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const QString kLabel = QStringLiteral("HocbaTest");

bool verifySignature(const QByteArray& certDer, const QByteArray& data, const QByteArray& signature)
{
    const auto* p = reinterpret_cast<const unsigned char*>(certDer.constData());
    std::unique_ptr<X509, decltype(&X509_free)> x(d2i_X509(nullptr, &p, certDer.size()), X509_free);
    if (!x)
        return false;
    EVP_PKEY* key = X509_get0_pubkey(x.get());
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                            size_t(signature.size()), reinterpret_cast<const unsigned char*>(data.constData()),
                            size_t(data.size()))
        == 1;
}

/** The error text of a failed Result, empty for success (QVERIFY2 evaluates its message even when it passes). */
template <class R> QByteArray why(const R& r)
{
    return r ? QByteArray() : describe(r.error()).toUtf8();
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::unique_ptr<TokenManager> fakeManager(FakeTokenBackend*& fake)
{
    auto backend = std::make_unique<FakeTokenBackend>();
    fake = backend.get();
    std::vector<std::unique_ptr<TokenBackend>> list;
    list.push_back(std::move(backend));
    return std::make_unique<TokenManager>(std::move(list));
}

} // namespace

class TestToken : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_skip;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray der(const QString& pemName) const { return CertificateInfo::fromPemOrDer(readFile(path(pemName)))->der; }
    std::unique_ptr<TokenManager> softHsm() const { return std::make_unique<TokenManager>(QStringList {kSoftHsm}); }

    CertificateInfo certWithId(TokenManager& m, const TokenInfo& t, char id)
    {
        auto certs = m.certificates(t);
        if (certs)
            for (const auto& c : *certs)
                if (c.id == QByteArray(1, id))
                    return c;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(kSoftHsm) || QStandardPaths::findExecutable(QStringLiteral("softhsm2-util")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("pkcs11-tool")).isEmpty())
            m_skip = QStringLiteral("softhsm2/opensc not installed (scripts/setup.sh installs them)");
        if (!m_skip.isEmpty())
            return;
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral("bash"),
                {QDir(QString::fromLocal8Bit(qgetenv("HOCBA_SOURCE_DIR")))
                     .filePath(QStringLiteral("tests/token/make-test-token.sh")),
                 m_dir.path()});
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAll().constData());
        qInfo("test token and PKI made in %lld ms", t.elapsed());
        // SoftHSM reads its configuration at C_Initialize: set before any TokenManager loads the module.
        qputenv("SOFTHSM2_CONF", QFile::encodeName(path(QStringLiteral("softhsm2.conf"))));
    }

    void init()
    {
        if (!m_skip.isEmpty() && !QByteArray(QTest::currentTestFunction()).startsWith("fake"))
            QSKIP(qPrintable(m_skip));
    }

    void findsTokenByLabelNotSlot()
    {
        auto m = softHsm();
        auto t = m->findToken(kLabel);
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->label, kLabel);
        QVERIFY(!t->serial.isEmpty());
        QCOMPARE(t->module, kSoftHsm);
        QVERIFY(!t->flags.pinLocked);
        QVERIFY(m->findToken(t->serial));
        QVERIFY(m->findToken(t->id()));
        auto none = m->findToken(QStringLiteral("Không có"));
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::TokenNotFound);
        QCOMPARE(exitCodeFor(none.error().code), int(ExitToken));
    }

    void missingModuleIsReportedNotFatal()
    {
        TokenManager m({QStringLiteral("/nonexistent/vendor-pkcs11.so"), kSoftHsm});
        auto list = m.tokens();
        QVERIFY(list);
        QCOMPARE(m.modules().size(), 2);
        QVERIFY(!m.modules()[0].present);
        QVERIFY(m.modules()[1].loaded);
        TokenManager only({QStringLiteral("/nonexistent/vendor-pkcs11.so")});
        auto err = only.tokens();
        QVERIFY(!err);
        QCOMPARE(err.error().code, ErrorCode::TokenError);
    }

    void listsCertificatesWithVietnameseNames()
    {
        auto m = softHsm();
        auto t = m->findToken(kLabel);
        QVERIFY(t);
        auto certs = m->certificates(*t);
        QVERIFY2(certs, why(certs).constData());
        QCOMPARE(certs->size(), 3);
        const CertificateInfo rsa = certWithId(*m, *t, 0x01);
        QCOMPARE(rsa.holder, QStringLiteral("Nguyễn Thị Hồng Nhung"));
        QCOMPARE(rsa.organization, QStringLiteral("Trường THCS Hoa Sen"));
        QVERIFY(rsa.subject.contains(QStringLiteral("CN=Nguyễn Thị Hồng Nhung")));
        QCOMPARE(rsa.issuer, QStringLiteral("Hocba Test Root CA"));
        QCOMPARE(rsa.keyType, KeyType::Rsa);
        QCOMPARE(rsa.keyBits, 2048);
        QVERIFY(rsa.keyUsage.present && rsa.keyUsage.nonRepudiation && rsa.keyUsage.digitalSignature);
        QVERIFY(!rsa.serialHex.isEmpty());
        QVERIFY(rsa.notBefore.isValid() && rsa.notAfter > rsa.notBefore);
        QCOMPARE(rsa.sha256.size(), 64);
        QCOMPARE(rsa.tokenLabel, kLabel);
        const CertificateInfo ec = certWithId(*m, *t, 0x02);
        QCOMPARE(ec.holder, QStringLiteral("Trần Văn Đức"));
        QCOMPARE(ec.keyType, KeyType::Ec);
        QCOMPARE(ec.keyBits, 256);
    }

    void signsWithRsaAndEcAndVerifies()
    {
        auto m = softHsm();
        auto t = m->findToken(kLabel);
        QVERIFY(t);
        FakePinProvider pins {"123456"};
        auto session = m->login(*t, pins, QStringLiteral("Nguyễn Thị Hồng Nhung"));
        QVERIFY2(session, why(session).constData());
        QCOMPARE(pins.requests.size(), 1);
        QCOMPARE(pins.requests[0].token.label, kLabel);
        QCOMPARE(pins.requests[0].certificateHolder, QStringLiteral("Nguyễn Thị Hồng Nhung"));
        const QByteArray data = QStringLiteral("Học bạ – Nguyễn Văn A – Hoàn thành tốt").toUtf8();
        for (char id : {char(0x01), char(0x02)}) {
            const CertificateInfo cert = certWithId(*m, *t, id);
            QVERIFY(!cert.isNull());
            auto signer = (*session)->signer(cert);
            QCOMPARE(signer->keyType(), cert.keyType);
            QCOMPARE(signer->certificate(), cert.der);
            auto sig = signer->signSha256(data);
            QVERIFY2(sig, why(sig).constData());
            QVERIFY(verifySignature(cert.der, data, *sig));
            QVERIFY(!verifySignature(cert.der, data + "x", *sig));
            if (cert.keyType == KeyType::Rsa)
                QCOMPARE(sig->size(), 256);

            // Raw token rate through libp11 (printed, never asserted: the machine is shared).
            const int n = cert.keyType == KeyType::Rsa ? 300 : 1000;
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < n; ++i)
                QVERIFY(signer->signSha256(data));
            const double secs = double(timer.nsecsElapsed()) / 1e9;
            qInfo("%s via libp11/SoftHSM2: %.0f signatures/s (%.3f ms each, %d signatures, one login)",
                  cert.keyType == KeyType::Rsa ? "RSA-2048" : "EC P-256", n / secs, secs * 1000 / n, n);
        }
        // One login for the batch: no further PIN requests.
        QCOMPARE(pins.requests.size(), 1);
        QVERIFY((*session)->logout());
        auto after = (*session)->signer(certWithId(*m, *t, 0x01))->signSha256(data);
        QVERIFY(!after);
    }

    void chainIsBuiltFromCandidates()
    {
        const QByteArray ca = der(QStringLiteral("ca.pem"));
        const QList<QByteArray> chain
            = buildChain(der(QStringLiteral("signer_rsa.pem")), {der(QStringLiteral("untrusted_ca.pem")), ca});
        // The root is self-signed: it is the anchor, so it ends the chain without being part of it.
        QCOMPARE(chain.size(), 1);
        QCOMPARE(chain[0], ca);
    }

    void keyNotFoundForCertificateWithoutKey()
    {
        auto m = softHsm();
        auto t = m->findToken(kLabel);
        FakePinProvider pins {"123456"};
        auto session = m->login(*t, pins);
        QVERIFY(session);
        const CertificateInfo orphan = certWithId(*m, *t, 0x03);
        QVERIFY(!orphan.isNull());
        auto sig = (*session)->signer(orphan)->signSha256("x");
        QVERIFY(!sig);
        QCOMPARE(sig.error().code, ErrorCode::TokenError);
        QVERIFY2(sig.error().detail.startsWith(QStringLiteral("HOCBA_KEY_NOT_FOUND")), qPrintable(sig.error().detail));
    }

    void wrongPinIsNotRetriedAndSetsCountLow()
    {
        auto m = softHsm();
        auto t = m->findToken(kLabel);
        QVERIFY(t);
        QVERIFY(!t->flags.pinCountLow);
        FakePinProvider pins {"000000", "123456"};
        auto session = m->login(*t, pins);
        QVERIFY(!session);
        QCOMPARE(session.error().code, ErrorCode::PinIncorrect);
        QVERIFY2(session.error().detail.startsWith(QStringLiteral("CKR_PIN_INCORRECT (0xa0) from ")),
                 qPrintable(session.error().detail));
        QVERIFY(!session.error().detail.contains(QStringLiteral("000000")));
        QCOMPARE(pins.requests.size(), 1); // not asked again by itself
        QCOMPARE(pins.queue.size(), 1);

        auto again = m->findToken(kLabel);
        QVERIFY(again);
        QVERIFY2(again->flags.pinCountLow, "SoftHSM2 sets CKF_USER_PIN_COUNT_LOW after a wrong PIN");
        // The next prompt shows the warning.
        auto ok = m->login(*again, pins);
        QVERIFY2(ok, why(ok).constData());
        QCOMPARE(pins.requests.size(), 2);
        QVERIFY(pins.requests[1].countLow);
        ok->reset();
        auto cleared = m->findToken(kLabel);
        QVERIFY(!cleared->flags.pinCountLow);
    }

    void tokenRemovedMidUse()
    {
        auto m = softHsm();
        auto t = m->findToken(kLabel);
        FakePinProvider pins {"123456"};
        auto session = m->login(*t, pins);
        QVERIFY(session);
        auto signer = (*session)->signer(certWithId(*m, *t, 0x01));
        QVERIFY(signer->signSha256("before"));
        // Pull the "USB token": SoftHSM's token is a directory.
        QVERIFY(QDir(path(QStringLiteral("tokens"))).removeRecursively());
        auto sig = signer->signSha256("after");
        auto found = m->findToken(kLabel);
        qInfo("after removal: sign %s, find %s",
              sig ? "still works (SoftHSM keeps keys in memory)" : qPrintable(sig.error().detail),
              found ? "still lists the token" : qPrintable(found.error().detail));
        QVERIFY(!sig);
        QCOMPARE(sig.error().code, ErrorCode::TokenRemoved);
        QVERIFY(sig.error().message.contains(QStringLiteral("Plug it back in")));
        session->reset();
        // Recreate the token for the tests that follow.
        QProcess p;
        p.start(QStringLiteral("bash"),
                {QDir(QString::fromLocal8Bit(qgetenv("HOCBA_SOURCE_DIR")))
                     .filePath(QStringLiteral("tests/token/make-test-token.sh")),
                 m_dir.path()});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
    }

    // ------------------------------------------------------------------ fault injection (no SoftHSM needed)

    void fakeLockedPinIsNeverTried()
    {
        FakeTokenBackend* fake = nullptr;
        auto m = fakeManager(fake);
        fake->token.flags.pinLocked = true;
        auto t = m->findToken(QStringLiteral("Fake Token"));
        QVERIFY(t);
        FakePinProvider pins {"1234"};
        auto session = m->login(*t, pins);
        QVERIFY(!session);
        QCOMPARE(session.error().code, ErrorCode::PinLocked);
        QVERIFY(session.error().message.contains(QStringLiteral("PUK")));
        QCOMPARE(pins.requests.size(), 0);
        QCOMPARE(fake->loginCalls, 0);
    }

    void fakeFlagsReachThePinRequest()
    {
        FakeTokenBackend* fake = nullptr;
        auto m = fakeManager(fake);
        auto t = m->findToken(QStringLiteral("Fake Token"));
        FakePinProvider pins {"1", "2", "3", "1234"};
        auto first = m->login(*t, pins);
        QCOMPARE(first.error().code, ErrorCode::PinIncorrect);
        QVERIFY(!pins.requests[0].countLow);
        auto second = m->login(*t, pins);
        QCOMPARE(second.error().code, ErrorCode::PinIncorrect);
        QVERIFY(pins.requests[1].countLow && !pins.requests[1].finalTry);
        QVERIFY2(second.error().message.contains(QStringLiteral("One more wrong PIN")),
                 qPrintable(second.error().message));
        auto third = m->login(*t, pins);
        QVERIFY(pins.requests[2].finalTry);
        QCOMPARE(third.error().code, ErrorCode::PinLocked); // the final try locked it
        auto fourth = m->login(*t, pins);
        QCOMPARE(fourth.error().code, ErrorCode::PinLocked);
        QCOMPARE(pins.requests.size(), 3);
        QCOMPARE(fake->loginCalls, 3);
    }

    void fakeLoginErrorsMap()
    {
        const struct
        {
            CkRv rv;
            ErrorCode code;
        } cases[] = {{CkrPinLocked, ErrorCode::PinLocked},          {CkrDeviceRemoved, ErrorCode::TokenRemoved},
                     {CkrTokenNotPresent, ErrorCode::TokenRemoved}, {CkrFunctionCanceled, ErrorCode::PinCancelled},
                     {CkrPinLenRange, ErrorCode::PinIncorrect},     {CkrGeneralError, ErrorCode::TokenError}};
        for (const auto& c : cases) {
            FakeTokenBackend* fake = nullptr;
            auto m = fakeManager(fake);
            fake->loginRv = c.rv;
            auto t = m->findToken(QStringLiteral("Fake Token"));
            FakePinProvider pins {"1234"};
            auto s = m->login(*t, pins);
            QVERIFY(!s);
            QCOMPARE(s.error().code, c.code);
            QVERIFY(s.error().detail.startsWith(ckrName(c.rv)));
            QVERIFY(s.error().detail.endsWith(QStringLiteral("from fake:module")));
            QCOMPARE(exitCodeFor(s.error().code), int(ExitToken));
        }
    }

    void fakeTokenRemovedDuringBatch()
    {
        FakeTokenBackend* fake = nullptr;
        auto m = fakeManager(fake);
        auto t = m->findToken(QStringLiteral("Fake Token"));
        FakePinProvider pins {"1234"};
        auto session = m->login(*t, pins);
        QVERIFY(session);
        CertificateInfo cert;
        cert.der = "x";
        cert.id = "\x01";
        auto signer = (*session)->signer(cert);
        QCOMPARE(*signer->signSha256("a"), QByteArray("sig:a"));
        fake->present = false; // unplugged
        auto sig = signer->signSha256("b");
        QVERIFY(!sig);
        QCOMPARE(sig.error().code, ErrorCode::TokenRemoved);
        QVERIFY(sig.error().message.contains(QStringLiteral("Plug it back in")));
        QVERIFY(sig.error().detail.startsWith(QStringLiteral("CKR_DEVICE_REMOVED (0x32)")));
        QVERIFY(!(*session)->isOpen());
        session->reset();
        QCOMPARE(fake->logoutCalls, 0); // a dead session is not logged out
        auto gone = m->findToken(QStringLiteral("Fake Token"));
        QCOMPARE(gone.error().code, ErrorCode::TokenNotFound);
        fake->present = true; // plugged back in: a new login works
        auto again = m->login(*m->findToken(QStringLiteral("Fake Token")), pins = FakePinProvider {"1234"});
        QVERIFY(again);
    }

    void fakeSessionLogsOutOnce()
    {
        FakeTokenBackend* fake = nullptr;
        auto m = fakeManager(fake);
        FakePinProvider pins {"1234"};
        {
            auto s = m->login(*m->findToken(QStringLiteral("Fake Token")), pins);
            QVERIFY(s);
            QVERIFY(fake->loggedIn);
        }
        QVERIFY(!fake->loggedIn);
        QCOMPARE(fake->logoutCalls, 1);
        QCOMPARE(fake->loginCalls, 1);
    }

    void fakeCancelledPin()
    {
        FakeTokenBackend* fake = nullptr;
        auto m = fakeManager(fake);
        FakePinProvider pins;
        pins.queue.enqueue(std::nullopt);
        auto s = m->login(*m->findToken(QStringLiteral("Fake Token")), pins);
        QCOMPARE(s.error().code, ErrorCode::PinCancelled);
        QCOMPARE(fake->loginCalls, 0);
    }

    void fakeTokenServiceFromWorkerThread()
    {
        FakeTokenBackend* fake = nullptr;
        TokenService service(TokenService::ManagerFactory([&fake] { return fakeManager(fake); }));
        QThread* tokenThread = service.tokenThread();
        QVERIFY(tokenThread != QThread::currentThread());

        // Blocking calls are refused on the GUI (main) thread.
        auto refused = service.call<QList<TokenInfo>>([](TokenManager& m) { return m.tokens(); });
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Internal);

        QByteArray signature;
        QThread* ranOn = nullptr;
        Status outcome;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            outcome = service.call([&](TokenManager& m) -> Status {
                ranOn = QThread::currentThread();
                auto t = m.findToken(QStringLiteral("Fake Token"));
                if (!t)
                    return std::unexpected(t.error());
                FakePinProvider pins {"1234"};
                auto session = m.login(*t, pins);
                if (!session)
                    return std::unexpected(session.error());
                CertificateInfo c;
                c.der = "x";
                c.id = "\x01";
                auto sig = (*session)->signer(c)->signSha256("từ luồng khác");
                if (!sig)
                    return std::unexpected(sig.error());
                signature = *sig;
                return {};
            });
        }));
        worker->start();
        QVERIFY(worker->wait(10000));
        QVERIFY2(outcome, why(outcome).constData());
        QCOMPARE(ranOn, tokenThread);
        QCOMPARE(signature, QByteArray("sig:") + QStringLiteral("từ luồng khác").toUtf8());

        // Asynchronous listing for the GUI.
        QSignalSpy spy(&service, &TokenService::tokensChanged);
        service.refresh();
        // Not spy.wait(): the token thread may emit before wait() starts, and wait() only counts later signals.
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 5000);
        QCOMPARE(spy.first().first().value<QList<TokenInfo>>().size(), 1);
    }

    // ------------------------------------------------------------------ certificate policy

    void policyAcceptsGoodAndRefusesFaults()
    {
        TrustStore anchors;
        QVERIFY(anchors.addCertificate(readFile(path(QStringLiteral("ca.pem")))));
        const CertificatePolicy policy(anchors);
        auto ok = policy.check(der(QStringLiteral("signer_rsa.pem")));
        QVERIFY2(ok, why(ok).constData());
        QVERIFY(!ok->expiresSoon);
        QVERIFY(policy.check(der(QStringLiteral("signer_ec.pem"))));

        const struct
        {
            const char* file;
            const char* tag;
        } faults[] = {{"expired.pem", "expired"},
                      {"notyet.pem", "not-yet-valid"},
                      {"noku.pem", "key-usage"},
                      {"untrusted.pem", "untrusted"}};
        QStringList messages;
        for (const auto& f : faults) {
            auto r = policy.check(der(QString::fromLatin1(f.file)));
            QVERIFY2(!r, f.file);
            QCOMPARE(r.error().code, ErrorCode::CertificateInvalid);
            QVERIFY2(r.error().detail.startsWith(QLatin1String(f.tag)), qPrintable(r.error().detail));
            QVERIFY(r.error().message.contains(QStringLiteral("Nguyễn Thị Hồng Nhung")));
            messages << r.error().message;
        }
        messages.removeDuplicates();
        QCOMPARE(messages.size(), 4);
        // With no anchors at all, even the good certificate is untrusted.
        auto none = CertificatePolicy(TrustStore()).check(der(QStringLiteral("signer_rsa.pem")));
        QVERIFY(none.error().detail.startsWith(QStringLiteral("untrusted")));
        // Checked at a given time (e.g. the signing time): the good certificate is refused after its end.
        const QByteArray good = der(QStringLiteral("signer_rsa.pem"));
        auto late = policy.check(good, {}, CertificateInfo::fromDer(good)->notAfter.addDays(1));
        QVERIFY(late.error().detail.startsWith(QStringLiteral("expired")));
    }

    // The policy checks the chain as the verifiers do: an intermediate CA alone is no anchor (xmlsec would not
    // accept the packets it signs), its root is.
    void policyNeedsTheRootNotAnIntermediate()
    {
        auto openssl = [this](const QStringList& args) {
            QProcess p;
            p.setWorkingDirectory(m_dir.path());
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(QStringLiteral("openssl"), args);
            return p.waitForFinished(60000) && p.exitCode() == 0;
        };
        auto write = [this](const QString& name, const QByteArray& text) {
            QFile f(path(name));
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        QVERIFY(write(QStringLiteral("int.ext"),
                      "basicConstraints=critical,CA:TRUE\n"
                      "keyUsage=critical,keyCertSign,cRLSign\n"));
        QVERIFY(write(QStringLiteral("leaf.ext"),
                      "basicConstraints=critical,CA:FALSE\n"
                      "keyUsage=critical,nonRepudiation,digitalSignature\n"));
        QVERIFY(openssl({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "int.key", "-out", "int.csr", "-subj",
                         "/CN=Intermediate CA"}));
        QVERIFY(openssl({"x509", "-req", "-in", "int.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                         "-days", "365", "-extfile", "int.ext", "-out", "int.pem"}));
        QVERIFY(openssl({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj",
                         "/CN=Lê Văn Tâm", "-utf8"}));
        QVERIFY(openssl({"x509", "-req", "-in", "leaf.csr", "-CA", "int.pem", "-CAkey", "int.key", "-CAcreateserial",
                         "-days", "365", "-extfile", "leaf.ext", "-out", "leaf.pem"}));
        const QByteArray leaf = der(QStringLiteral("leaf.pem"));
        const QList<QByteArray> chain {der(QStringLiteral("int.pem"))};

        TrustStore intermediateOnly;
        QVERIFY(intermediateOnly.addCertificate(readFile(path(QStringLiteral("int.pem")))));
        auto refused = CertificatePolicy(intermediateOnly).check(leaf, chain);
        QVERIFY(!refused);
        QVERIFY2(refused.error().detail.startsWith(QLatin1String("untrusted")), qPrintable(refused.error().detail));

        TrustStore root;
        QVERIFY(root.addCertificate(readFile(path(QStringLiteral("ca.pem")))));
        auto accepted = CertificatePolicy(root).check(leaf, chain);
        QVERIFY2(accepted, why(accepted).constData());
    }

    void policyWarnsBeforeExpiry()
    {
        TrustStore anchors;
        QVERIFY(anchors.addCertificate(readFile(path(QStringLiteral("ca.pem")))));
        const CertificatePolicy policy(anchors);
        const QByteArray cert = der(QStringLiteral("signer_rsa.pem"));
        const QDateTime notAfter = CertificateInfo::fromDer(cert)->notAfter;
        auto soon = policy.check(cert, {}, notAfter.addDays(-29));
        QVERIFY(soon);
        QVERIFY(soon->expiresSoon);
        QCOMPARE(soon->daysLeft, 29);
        QCOMPARE(soon->warnings.size(), 1);
        auto later = policy.check(cert, {}, notAfter.addDays(-31));
        QVERIFY(later);
        QVERIFY(!later->expiresSoon);
        QVERIFY(later->warnings.isEmpty());
    }

    // ------------------------------------------------------------------ PIN sources

    void fakePinFilePermissions()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("pin"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("123456\n");
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        auto refused = CliPinProvider::readPinFile(file);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Usage);
        QVERIFY(refused.error().message.contains(QStringLiteral("chmod 600")));
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        auto ok = CliPinProvider::readPinFile(file);
        QVERIFY(ok);
        QCOMPARE(QByteArray(ok->c_str()), QByteArray("123456")); // newline dropped
        ok->wipe();
        QVERIFY(ok->isEmpty());

        CliPinProvider::Options o;
        o.pinFile = file;
        QVERIFY(CliPinProvider(o).requestPin({}));
    }

    // A PIN file is read whole or refused: a longer file is not silently cut to its first 256 bytes, and the refusal
    // does not echo the file's content.
    void fakePinFileTooLongRefused()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("pin"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray content = QByteArray("secret") + QByteArray(300, '7');
        f.write(content);
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        auto refused = CliPinProvider::readPinFile(file);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Usage);
        const QString said = refused.error().message + refused.error().detail;
        QVERIFY2(said.contains(QLatin1String("256")), qPrintable(said));
        QVERIFY(!said.contains(QLatin1String("secret")) && !said.contains(QLatin1String("7777")));

        // Exactly 256 bytes plus the newline an editor adds is still a PIN file.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(256, '5') + "\n");
        f.close();
        auto longest = CliPinProvider::readPinFile(file);
        QVERIFY(longest);
        QCOMPARE(longest->size(), 256);
    }

    // HOCBA_PIN is taken out of the environment once read, so processes started later do not inherit it; the
    // provider keeps its own wiped-on-destruction copy for a second login.
    void fakePinFromEnvironmentIsRemoved()
    {
        qputenv("HOCBA_PIN", "86420");
        CliPinProvider::Options o;
        o.allowTerminal = false;
        CliPinProvider provider(o);
        auto pin = provider.requestPin({});
        QVERIFY(pin);
        QCOMPARE(QByteArray(pin->c_str()), QByteArray("86420"));
        QVERIFY(!qEnvironmentVariableIsSet("HOCBA_PIN"));
        QProcess child;
        child.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("echo \"[${HOCBA_PIN-unset}]\"")});
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.readAllStandardOutput().trimmed(), QByteArray("[unset]"));
        auto again = provider.requestPin({});
        QVERIFY(again);
        QCOMPARE(QByteArray(again->c_str()), QByteArray("86420"));
    }

    void fakePinFromEnvironment()
    {
        qputenv("HOCBA_PIN", "4321");
        CliPinProvider::Options o;
        o.allowTerminal = false;
        auto pin = CliPinProvider(o).requestPin({});
        QVERIFY(pin);
        QCOMPARE(QByteArray(pin->c_str()), QByteArray("4321"));
        qunsetenv("HOCBA_PIN");
        auto none = CliPinProvider(o).requestPin({});
        QCOMPARE(none.error().code, ErrorCode::PinCancelled);
    }
};

QTEST_GUILESS_MAIN(TestToken)
#include "TestToken.moc"

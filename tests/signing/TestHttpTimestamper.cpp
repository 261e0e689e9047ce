// SPDX-License-Identifier: GPL-3.0-or-later
// lifecycle::HttpTimestamper against a loopback TSA (TsaFixture): keep-alive, retries, timeouts, errors as values.
#include "TsaFixture.h"
#include "lifecycle/HttpTimestamper.h"
#include "verify/Timestamp.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>

using namespace hocba;
using lifecycle::HttpTimestamper;

class TestHttpTimestamper : public QObject
{
    Q_OBJECT

    test::TsaFixture m_tsa;

    static QByteArray digest(int i)
    {
        return QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256);
    }
    HttpTimestamper::Options options(const test::LoopbackTsa& server)
    {
        HttpTimestamper::Options o;
        o.url = QUrl(server.url());
        o.timeoutMs = 2000;
        o.attempts = 3;
        o.backoffMs = 50;
        return o;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tsa.create()); }

    void tokensOverOneConnection()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        HttpTimestamper tsa(options(server));
        for (int i = 0; i < 3; ++i) {
            auto token = tsa.timestamp(digest(i));
            QVERIFY2(token.has_value(), token ? "" : qPrintable(describe(token.error())));
            QVERIFY(signing::verifyTimestampToken(*token, digest(i), {m_tsa.rootDer()}).has_value());
        }
        QCOMPARE(server.requests(), 3);
        QCOMPARE(server.connections(), 1); // keep-alive: one connection for the batch
        QCOMPARE(tsa.requestsSent(), 3);
    }

    void firstFailuresRetried()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        server.failNext(2);
        HttpTimestamper tsa(options(server));
        auto token = tsa.timestamp(digest(7));
        QVERIFY2(token.has_value(), token ? "" : qPrintable(describe(token.error())));
        QCOMPARE(server.requests(), 3);
    }

    void tooManyFailuresAreAnError()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        server.failNext(10);
        HttpTimestamper tsa(options(server));
        auto token = tsa.timestamp(digest(8));
        QVERIFY(!token.has_value());
        QCOMPARE(token.error().code, ErrorCode::Network);
        QVERIFY2(token.error().message.contains(QStringLiteral("HTTP 500")), qPrintable(token.error().message));
        QVERIFY(token.error().detail.startsWith(QStringLiteral("tsa:")));
        QCOMPARE(server.requests(), 3);
    }

    void hangingServerTimesOut()
    {
        test::LoopbackTsa server(m_tsa);
        QVERIFY(server.start());
        server.setHang(true);
        auto o = options(server);
        o.timeoutMs = 300;
        o.attempts = 2;
        HttpTimestamper tsa(o);
        QElapsedTimer t;
        t.start();
        auto token = tsa.timestamp(digest(9));
        QVERIFY(!token.has_value());
        QVERIFY2(token.error().message.contains(QStringLiteral("did not answer")), qPrintable(token.error().message));
        QVERIFY(t.elapsed() < 3000);
        QCOMPARE(server.requests(), 2);
        // The server comes back: the same timestamper works again.
        server.setHang(false);
        QVERIFY(tsa.timestamp(digest(10)).has_value());
    }

    void unreachableServer()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there any more
        HttpTimestamper::Options o;
        o.url = QUrl(QStringLiteral("http://127.0.0.1:%1/tsa").arg(port));
        o.attempts = 2;
        o.backoffMs = 10;
        HttpTimestamper tsa(o);
        auto token = tsa.timestamp(digest(11));
        QVERIFY(!token.has_value());
        QVERIFY2(token.error().message.contains(QStringLiteral("cannot be reached")),
                 qPrintable(token.error().message));
    }
};

QTEST_GUILESS_MAIN(TestHttpTimestamper)
#include "TestHttpTimestamper.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The real `hocba-dept serve` against hostile clients (ENDPOINT.md §4): every wait is bounded, the request deadline
// is shortened to 2 s (--request-timeout-ms) so that the test waits seconds, not the production 30 s.
#include "DeptProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <memory>
#include <vector>

using namespace hocba::test;

namespace {

const QByteArray kLookup = "GET /api/v1/lookup/0123456789abcdef0123456789abcdef HTTP/1.1\r\nHost: dept\r\n\r\n";
constexpr int kDeadlineMs = 2000;

/** Reads one answer: the header and its Content-Length body, or what came before the server closed. */
QByteArray readAnswer(QTcpSocket& socket, int timeoutMs)
{
    QByteArray answer;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        answer += socket.readAll();
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const auto length = QRegularExpression(QStringLiteral("(?i)content-length: *(\\d+)"))
                                    .match(QString::fromLatin1(answer.left(end)));
            if (length.hasMatch() && answer.size() >= end + 4 + length.captured(1).toLongLong())
                return answer;
        }
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return answer + socket.readAll();
        socket.waitForReadyRead(100);
    }
    return answer;
}

qint64 rssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

/** Connects from `from` (any 127.0.0.x is this machine: the per-address cap counts each apart). */
std::unique_ptr<QTcpSocket> connectFrom(quint16 port, const QHostAddress& from = QHostAddress::LocalHost)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->bind(from, 0);
    socket->connectToHost(QHostAddress::LocalHost, port);
    socket->waitForConnected(3000);
    return socket;
}

/** Waits until the server has closed the connection; false after timeoutMs. */
bool closedByServer(QTcpSocket& socket, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && clock.elapsed() < timeoutMs) {
        socket.readAll();
        socket.waitForReadyRead(100);
    }
    return socket.state() == QAbstractSocket::UnconnectedState;
}

} // namespace

class TestDeptServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    DeptServer m_server;

    QString data() const { return m_dir.filePath(QStringLiteral("data")); }

    /** A normal lookup: the unknown code's 404, and how long it took (ms); -1 when there was no such answer. */
    qint64 normalLookup()
    {
        QElapsedTimer clock;
        clock.start();
        auto socket = connectFrom(m_server.port);
        socket->write(kLookup);
        const QByteArray answer = readAnswer(*socket, 5000);
        return answer.startsWith("HTTP/1.1 404") && answer.contains("not_found") ? clock.elapsed() : -1;
    }

    /** Sends up to `bytes` in chunks while the server takes them, for at most 5 s. */
    static void sendUpTo(QTcpSocket& socket, qint64 bytes, char fill)
    {
        const QByteArray chunk(64 * 1024, fill);
        QElapsedTimer clock;
        clock.start();
        for (qint64 sent = 0; sent < bytes && clock.elapsed() < 5000; sent += chunk.size()) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                return;
            socket.write(chunk);
            socket.waitForBytesWritten(500);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(runDept({QStringLiteral("init"), QStringLiteral("--data"), data(), QStringLiteral("--name"),
                          QStringLiteral("Sở GDĐT Thử nghiệm")})
                     .code,
                 0);
        QVERIFY(m_server.start({QStringLiteral("--data"), data(), QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:0"), QStringLiteral("--workers"), QStringLiteral("2"),
                                QStringLiteral("--request-timeout-ms"), QString::number(kDeadlineMs)}));
        QVERIFY(normalLookup() >= 0);
    }

    void cleanupTestCase() { m_server.terminate(); } // sigtermExitsZero checks the code; here only when it failed early

    void plainHttpOnlyOnLoopback()
    {
        for (const QString& listen : {QStringLiteral("0.0.0.0:0"), QStringLiteral("192.0.2.1:8080")}) {
            const DeptRun r = runDept(
                {QStringLiteral("serve"), QStringLiteral("--data"), data(), QStringLiteral("--listen"), listen});
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.contains(QStringLiteral("--tls-cert")), qPrintable(r.err));
        }
        const DeptRun half
            = runDept({QStringLiteral("serve"), QStringLiteral("--data"), data(), QStringLiteral("--listen"),
                       QStringLiteral("0.0.0.0:0"), QStringLiteral("--tls-cert"), QStringLiteral("x.pem")});
        QCOMPARE(half.code, 2);
    }

    void oversizedBodyIsRefused()
    {
        const qint64 before = rssKb(m_server.pid());
        auto socket = connectFrom(m_server.port);
        socket->write("POST /api/v1/records HTTP/1.1\r\nHost: dept\r\nContent-Type: application/json\r\n"
                      "Content-Length: 100000000\r\n\r\n");
        sendUpTo(*socket, 4 * 1024 * 1024, 'a');
        const QByteArray answer = readAnswer(*socket, 3000);
        QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(closedByServer(*socket, kDeadlineMs + 3000));
        QVERIFY(normalLookup() >= 0);
        QVERIFY2(rssKb(m_server.pid()) - before < 16 * 1024,
                 qPrintable(QStringLiteral("RSS %1 → %2 kB").arg(before).arg(rssKb(m_server.pid()))));
    }

    void endlessRequestLineIsCut()
    {
        const qint64 before = rssKb(m_server.pid());
        auto socket = connectFrom(m_server.port);
        socket->write("GET /");
        sendUpTo(*socket, 8 * 1024 * 1024, 'a');
        const QByteArray answer = readAnswer(*socket, 3000);
        QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 431"), answer.left(200).constData());
        QVERIFY(closedByServer(*socket, kDeadlineMs + 3000));
        QVERIFY(normalLookup() >= 0);
        QVERIFY2(rssKb(m_server.pid()) - before < 16 * 1024,
                 qPrintable(QStringLiteral("RSS %1 → %2 kB").arg(before).arg(rssKb(m_server.pid()))));
    }

    void slowAndIdleClientsDoNotBlockOthers()
    {
        std::vector<std::unique_ptr<QTcpSocket>> idle, slow;
        for (int i = 0; i < 200; ++i) // 50 from each of four addresses: under the per-address cap of 64
            idle.push_back(connectFrom(m_server.port, QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + i / 50))));
        for (int i = 0; i < 50; ++i)
            slow.push_back(connectFrom(m_server.port, QHostAddress(QStringLiteral("127.0.0.10"))));
        const QByteArray header = kLookup;
        for (int second = 0; second < 3; ++second) {
            for (auto& s : slow)
                s->write(header.mid(second, 1)); // one byte a second
            QTest::qWait(500);
            const qint64 ms = normalLookup();
            QVERIFY2(ms >= 0 && ms < 1000, qPrintable(QStringLiteral("lookup took %1 ms").arg(ms)));
            QTest::qWait(500);
        }
    }

    void connectionsPerAddressAreCapped()
    {
        DeptServer server; // with the production deadline, so that no connection closes for being idle meanwhile
        QVERIFY(server.start({QStringLiteral("--data"), data(), QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0"), QStringLiteral("--workers"), QStringLiteral("2")}));
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 70; ++i)
            sockets.push_back(connectFrom(server.port, QHostAddress(QStringLiteral("127.0.0.20"))));
        const auto closed = [&] {
            int n = 0;
            for (auto& s : sockets) {
                s->waitForReadyRead(1);
                n += s->state() == QAbstractSocket::UnconnectedState;
            }
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(closed() >= 6, 5000);
        QTest::qWait(200);
        QCOMPARE(closed(), 6); // the 64 within the cap stay
        auto other = connectFrom(server.port, QHostAddress(QStringLiteral("127.0.0.21")));
        other->write(kLookup);
        QVERIFY(readAnswer(*other, 3000).startsWith("HTTP/1.1 404"));
        sockets.clear(); // their places are free again
        QTest::qWait(200);
        auto again = connectFrom(server.port, QHostAddress(QStringLiteral("127.0.0.20")));
        again->write(kLookup);
        QVERIFY(readAnswer(*again, 3000).startsWith("HTTP/1.1 404"));
        QCOMPARE(server.terminate(), 0);
    }

    void idleConnectionClosedAtTheDeadline()
    {
        auto socket = connectFrom(m_server.port);
        socket->write("GET /api/v1/lookup/0123 HTTP/1.1\r\nHo");
        QElapsedTimer clock;
        clock.start();
        QVERIFY(closedByServer(*socket, kDeadlineMs + 3000));
        QVERIFY2(clock.elapsed() >= kDeadlineMs - 500, qPrintable(QString::number(clock.elapsed())));

        // Kept alive after an answer: the deadline runs again from the answer.
        auto kept = connectFrom(m_server.port);
        kept->write(kLookup);
        QVERIFY(readAnswer(*kept, 3000).startsWith("HTTP/1.1 404"));
        kept->write(kLookup);
        QVERIFY(readAnswer(*kept, 3000).startsWith("HTTP/1.1 404"));
        clock.restart();
        QVERIFY(closedByServer(*kept, kDeadlineMs + 3000));
        QVERIFY(clock.elapsed() >= kDeadlineMs - 500);
    }

    void clientsThatLeaveMidRequest()
    {
        for (int i = 0; i < 20; ++i) {
            auto socket = connectFrom(m_server.port);
            socket->write("POST /api/v1/records HTTP/1.1\r\nHost: dept\r\nContent-Type: application/json\r\n"
                          "Content-Length: 1000\r\n\r\n");
            socket->write(QByteArray(i * 40, '{'));
            socket->waitForBytesWritten(500);
            socket->abort();
        }
        for (int i = 0; i < 10; ++i) { // and some that leave before reading their answer
            auto socket = connectFrom(m_server.port);
            socket->write(kLookup);
            socket->waitForBytesWritten(500);
            socket->abort();
        }
        QVERIFY(m_server.running());
        QVERIFY(normalLookup() >= 0);
    }

    void tlsServerAnswers()
    {
        const QString cert = m_dir.filePath(QStringLiteral("tls-cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("tls-key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                       QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(20000));
        QCOMPARE(openssl.exitCode(), 0);

        DeptServer tls;
        QVERIFY(tls.start({QStringLiteral("--data"), data(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--tls-cert"), cert,
                           QStringLiteral("--tls-key"), key}));
        QSslSocket client;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates(QSslCertificate::fromPath(cert));
        client.setSslConfiguration(configuration);
        client.setPeerVerifyName(QStringLiteral("localhost"));
        client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), tls.port);
        QVERIFY2(client.waitForEncrypted(10000), qPrintable(client.errorString()));
        QVERIFY(client.sessionProtocol() >= QSsl::TlsV1_2);
        client.write(kLookup);
        const QByteArray answer = readAnswer(client, 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.left(200).constData());

        // Plain HTTP on the TLS port gets no answer, only a close.
        auto plain = connectFrom(tls.port);
        plain->write(kLookup);
        QVERIFY(!readAnswer(*plain, 2000).startsWith("HTTP/1.1"));
        QCOMPARE(tls.terminate(), 0);
    }

    void behindAProxy()
    {
        DeptServer proxied;
        QVERIFY(
            proxied.start({QStringLiteral("--data"), data(), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--behind-proxy")}));
        // Every connection comes from the proxy: no per-address cap (the proxy has its own).
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 70; ++i)
            sockets.push_back(connectFrom(proxied.port));
        QTest::qWait(500);
        for (auto& s : sockets) {
            s->waitForReadyRead(1);
            QCOMPARE(s->state(), QAbstractSocket::ConnectedState);
        }
        sockets.clear();
        // The lookup rate is per client (X-Real-IP), not per proxy.
        const auto lookupFrom = [&](const QByteArray& client) {
            auto socket = connectFrom(proxied.port);
            socket->write("GET /api/v1/lookup/0123456789abcdef0123456789abcdef HTTP/1.1\r\nHost: dept\r\n"
                          "X-Real-IP: "
                          + client + "\r\n\r\n");
            return readAnswer(*socket, 3000).left(12);
        };
        bool limited = false;
        for (int i = 0; i < 40 && !limited; ++i)
            limited = lookupFrom("203.0.113.7") == "HTTP/1.1 429";
        QVERIFY(limited);
        QCOMPARE(lookupFrom("203.0.113.8"), QByteArray("HTTP/1.1 404"));
        QCOMPARE(proxied.terminate(), 0);

        const DeptRun refused
            = runDept({QStringLiteral("serve"), QStringLiteral("--data"), data(), QStringLiteral("--listen"),
                       QStringLiteral("0.0.0.0:0"), QStringLiteral("--behind-proxy")});
        QCOMPARE(refused.code, 2);
    }

    void sigtermExitsZero()
    {
        auto kept = connectFrom(m_server.port); // an open connection does not hold the stop up
        QCOMPARE(m_server.terminate(), 0);
        QVERIFY(closedByServer(*kept, 3000));
    }
};

QTEST_GUILESS_MAIN(TestDeptServer)
#include "TestDeptServer.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The only file that knows Qt HttpServer (6.4): porting to 6.5/6.8 (handleRequest with a responder, no sslSetup)
// touches nothing else. Qt HttpServer 6.4 has no limits of its own (ENDPOINT.md §1, §4): the guard below adds them.
#include "HttpFrontend.h"

#include "DeptCommand.h"
#include "dept/DeptApi.h"

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QPointer>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <cerrno>
#include <cstring>
#include <functional>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace hocba::server {

namespace {

constexpr int kLingerMs = 2000; ///< after an early refusal: time for the client to read it before the close
constexpr int kStopGraceMs = 5000; ///< on SIGTERM: time for the answers already written to leave

/** Open connections over all workers, in total and per client address. */
class ConnectionCounts
{
public:
    ConnectionCounts(const ServerLimits& limits, bool capPerAddress)
        : limits(limits)
        , capPerAddress(capPerAddress)
    { }
    const ServerLimits limits;
    const bool capPerAddress;

    bool admit(const QHostAddress& peer)
    {
        QMutexLocker lock(&m_mutex);
        const int fromPeer = m_perAddress.value(peer);
        if (m_total < limits.maxConnections && (!capPerAddress || fromPeer < limits.maxConnectionsPerAddress)) {
            ++m_total;
            m_perAddress[peer] = fromPeer + 1;
            return true;
        }
        // Under a flood, one line a minute: how many were refused, never from where.
        ++m_refused;
        if (!m_lastReport.isValid() || m_lastReport.elapsed() > 60000) {
            qCWarning(lcServer, "connections refused at the cap (%d in total, %d per address): %lld so far",
                      limits.maxConnections, limits.maxConnectionsPerAddress, m_refused);
            m_lastReport.start();
        }
        return false;
    }

    void release(const QHostAddress& peer)
    {
        QMutexLocker lock(&m_mutex);
        --m_total;
        auto it = m_perAddress.find(peer);
        if (it != m_perAddress.end() && --*it <= 0)
            m_perAddress.erase(it);
    }

private:
    QMutex m_mutex;
    int m_total = 0;
    QHash<QHostAddress, int> m_perAddress;
    qint64 m_refused = 0;
    QElapsedTimer m_lastReport;
};

/** The connections of one worker, so that a stop can close them and know when they are gone. */
struct LiveSockets
{
    QSet<QTcpSocket*> sockets;
    std::function<void()> onEmpty;
};

/** The value of a header line in a raw header block (case-insensitive name), or empty. */
QByteArray headerValue(const QByteArray& head, const QByteArray& name)
{
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

/**
 * Limits one connection: its unread bytes (the read buffer), a deadline per request and while idle (re-armed after
 * each answer), and on the first request of the connection an early look at the header: a declared body over the
 * cap gets 413 and a header over the cap 431 before they are read. Later requests on a kept-alive connection are not
 * looked at (Qt HttpServer has read part of them by then); they stall at the read buffer and close at the deadline.
 * A child of the socket: it goes with it.
 */
class ConnectionGuard : public QObject
{
public:
    ConnectionGuard(QTcpSocket* socket, std::shared_ptr<ConnectionCounts> counts, std::shared_ptr<LiveSockets> live)
        : QObject(socket)
        , m_socket(socket)
        , m_counts(std::move(counts))
        , m_live(std::move(live))
        , m_peer(socket->peerAddress())
    {
        const ServerLimits& limits = m_counts->limits;
        socket->setReadBufferSize(limits.readBufferBytes);
        m_deadline.setSingleShot(true);
        // deleteLater too: Qt HttpServer 6.4 drops its own signal connections after a parse error.
        connect(&m_deadline, &QTimer::timeout, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        // Connected before Qt HttpServer connects its own readyRead: this look comes first.
        connect(socket, &QIODevice::readyRead, this, [this] { lookAtHead(); });
        connect(socket, &QIODevice::bytesWritten, this, [this] { afterWrite(); });
        m_deadline.start(limits.requestTimeoutMs);
        m_live->sockets.insert(socket);
    }

    ~ConnectionGuard() override
    {
        m_counts->release(m_peer);
        m_live->sockets.remove(m_socket);
        if (m_live->sockets.isEmpty() && m_live->onEmpty)
            m_live->onEmpty();
    }

private:
    void lookAtHead()
    {
        if (!m_looking)
            return;
        const ServerLimits& limits = m_counts->limits;
        // Qt HttpServer reads everything on each readyRead, so peek() sees only what came since the last look.
        const qint64 room = limits.maxHeaderBytes + 4 - m_head.size();
        m_head += m_socket->peek(std::min(m_socket->bytesAvailable(), room));
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_head.size() > limits.maxHeaderBytes)
                refuse(431, "Request Header Fields Too Large", "too_large",
                       QCoreApplication::translate("hocba::server::HttpFrontend",
                                                   "The request's header is too long. Nothing was stored."));
            return;
        }
        m_looking = false;
        bool ok = false;
        const qint64 declared = headerValue(m_head.left(end), "content-length").toLongLong(&ok);
        m_head.clear();
        if (ok && declared > limits.maxBodyBytes)
            refuse(413, "Payload Too Large", "too_large",
                   QCoreApplication::translate("hocba::server::HttpFrontend",
                                               "The request is larger than 1 MiB; a signed record is much smaller. "
                                               "Nothing was stored."));
    }

    /** Answers at once and closes, without reading the rest: Qt HttpServer no longer sees this connection. */
    void refuse(int status, const QByteArray& reason, const QString& error, const QString& message)
    {
        m_looking = false;
        m_closing = true;
        QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
        if (m_socket->isTransactionStarted())
            m_socket->commitTransaction();
        // Discard what still comes, so the client is not reset before it has read the answer.
        connect(m_socket, &QIODevice::readyRead, this, [this] { m_socket->skip(m_socket->bytesAvailable()); });
        const QByteArray body
            = QJsonDocument(QJsonObject {{QStringLiteral("error"), error}, {QStringLiteral("message"), message}})
                  .toJson(QJsonDocument::Compact);
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                        + "\r\nConnection: close\r\n\r\n" + body);
        m_socket->skip(m_socket->bytesAvailable());
        m_deadline.start(m_counts->limits.requestTimeoutMs);
        qCInfo(lcServer, "request refused early: %d", status);
    }

    void afterWrite()
    {
        if (!m_closing) {
            m_deadline.start(m_counts->limits.requestTimeoutMs);
            return;
        }
        if (m_socket->bytesToWrite() > 0)
            return;
        if (auto* tls = qobject_cast<QSslSocket*>(m_socket))
            tls->disconnectFromHost();
        else
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR); // the answer is out; keep reading to the end
        m_deadline.start(kLingerMs);
    }

    QTcpSocket* m_socket;
    std::shared_ptr<ConnectionCounts> m_counts;
    std::shared_ptr<LiveSockets> m_live;
    QHostAddress m_peer;
    QTimer m_deadline;
    QByteArray m_head;
    bool m_looking = true;
    bool m_closing = false;
};

/** A listening server that hands Qt HttpServer only connections within the caps, each with its guard. */
template <class Base> class Guarded final : public Base
{
public:
    Guarded(std::shared_ptr<ConnectionCounts> counts, std::shared_ptr<LiveSockets> live)
        : m_counts(std::move(counts))
        , m_live(std::move(live))
    { }

    QTcpSocket* nextPendingConnection() override
    {
        while (QTcpSocket* socket = Base::nextPendingConnection()) {
            if (m_counts->admit(socket->peerAddress())) {
                new ConnectionGuard(socket, m_counts, m_live);
                return socket;
            }
            socket->abort();
            socket->deleteLater();
        }
        return nullptr;
    }

private:
    std::shared_ptr<ConnectionCounts> m_counts;
    std::shared_ptr<LiveSockets> m_live;
};

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

dept::ApiRequest apiRequest(const QHttpServerRequest& request, const QTcpSocket* socket, bool behindProxy)
{
    dept::ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    const auto items = request.query().queryItems(QUrl::FullyDecoded);
    for (const auto& [key, value] : items)
        r.query.append({key, value});
    r.authorization = request.value("authorization");
    r.contentType = request.value("content-type");
    r.body = request.body();
    r.peer = socket->peerAddress();
    if (behindProxy) {
        const QHostAddress client(QString::fromLatin1(request.value("x-real-ip").trimmed()));
        if (!client.isNull())
            r.peer = client;
    }
    return r;
}

/** Every request goes to DeptApi, which routes it; the handler is synchronous (never QFuture on 6.4). */
class ApiHttpServer final : public QAbstractHttpServer
{
public:
    ApiHttpServer(dept::DeptApi& api, bool behindProxy)
        : m_api(api)
        , m_behindProxy(behindProxy)
    { }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        const dept::ApiResponse answer = m_api.handle(apiRequest(request, socket, m_behindProxy));
        QHttpServerResponse response(answer.contentType, answer.body,
                                     static_cast<QHttpServerResponder::StatusCode>(answer.status));
        for (const auto& [name, value] : answer.headers)
            response.addHeader(name, value);
        response.write(makeResponder(request, socket));
        return true;
    }

    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override
    {
        makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    dept::DeptApi& m_api;
    const bool m_behindProxy;
};

/** One worker thread's server. Lives in its thread; deleted there when the thread finishes. */
class Worker : public QObject
{
public:
    Worker(dept::DeptApi& api, std::shared_ptr<ConnectionCounts> counts, bool behindProxy)
        : m_api(api)
        , m_behindProxy(behindProxy)
        , m_counts(std::move(counts))
        , m_live(std::make_shared<LiveSockets>())
    { }

    ~Worker() override
    {
        m_live->onEmpty = nullptr;
        delete m_http; // with the listening server bind() gave it and that server's connections
        delete m_tcp.data();
    }

    Status setUp(int fd, const std::optional<QSslConfiguration>& tls, int handshakeTimeoutMs)
    {
        if (tls) {
            auto* server = new Guarded<QSslServer>(m_counts, m_live);
            server->setSslConfiguration(*tls);
            server->setHandshakeTimeout(handshakeTimeoutMs);
            m_tcp = server;
        } else {
            m_tcp = new Guarded<QTcpServer>(m_counts, m_live);
        }
        if (!m_tcp->setSocketDescriptor(fd)) {
            ::close(fd);
            return fail(ErrorCode::Network,
                        QCoreApplication::translate("hocba::server::HttpFrontend", "The server cannot listen."),
                        m_tcp->errorString());
        }
        m_http = new ApiHttpServer(m_api, m_behindProxy);
        m_http->bind(m_tcp);
        return {};
    }

    /** Stops accepting and closes each connection once its answer is sent; the thread ends when all are gone. */
    void stop()
    {
        if (m_tcp)
            m_tcp->close();
        QThread* thread = QThread::currentThread();
        m_live->onEmpty = [thread] { thread->quit(); };
        const QSet<QTcpSocket*> open = m_live->sockets;
        for (QTcpSocket* socket : open)
            socket->disconnectFromHost();
        if (m_live->sockets.isEmpty())
            thread->quit();
        else
            QTimer::singleShot(kStopGraceMs, this, [thread] { thread->quit(); });
    }

private:
    dept::DeptApi& m_api;
    const bool m_behindProxy;
    std::shared_ptr<ConnectionCounts> m_counts;
    std::shared_ptr<LiveSockets> m_live;
    QPointer<QTcpServer> m_tcp;
    QAbstractHttpServer* m_http = nullptr;
};

/** A listening socket with SO_REUSEPORT, so that each worker accepts on its own socket of the same port. */
Result<int> listeningSocket(const QHostAddress& address, quint16 port)
{
    sockaddr_storage storage {};
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &ip, sizeof ip);
        length = sizeof(sockaddr_in6);
    } else {
        auto* a = reinterpret_cast<sockaddr_in*>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    const int one = 1;
    if (fd >= 0 && ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == 0
        && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) == 0
        && ::bind(fd, reinterpret_cast<const sockaddr*>(&storage), length) == 0 && ::listen(fd, 1024) == 0)
        return fd;
    const QString reason = QString::fromLocal8Bit(std::strerror(errno));
    if (fd >= 0)
        ::close(fd);
    return fail(ErrorCode::Network,
                QCoreApplication::translate("hocba::server::HttpFrontend",
                                            "Cannot listen on %1 port %2. Is another program using this port, or "
                                            "is the address not one of this machine's?")
                    .arg(address.toString())
                    .arg(port),
                reason);
}

quint16 boundPort(int fd)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0)
        return 0;
    if (storage.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
}

Result<QByteArray> readSmallFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::server::HttpFrontend", "Cannot read %1.").arg(path),
                    f.errorString());
    return f.read(1024 * 1024);
}

/** The server's TLS settings from PEM files: the certificate chain (leaf first) and its key; TLS 1.2 or later. */
Result<QSslConfiguration> tlsConfiguration(const FrontendOptions& options)
{
    if (!QSslSocket::supportsSsl())
        return fail(ErrorCode::Network,
                    QCoreApplication::translate("hocba::server::HttpFrontend",
                                                "TLS is not available: Qt's OpenSSL support is missing."));
    auto certBytes = readSmallFile(options.tlsCertificateFile);
    if (!certBytes)
        return std::unexpected(certBytes.error());
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certBytes, QSsl::Pem);
    if (chain.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("hocba::server::HttpFrontend",
                                                "%1 holds no PEM certificate. Give the server's certificate (and its "
                                                "intermediates) in PEM form.")
                        .arg(options.tlsCertificateFile));
    auto keyBytes = readSmallFile(options.tlsKeyFile);
    if (!keyBytes)
        return std::unexpected(keyBytes.error());
    QSslKey key(*keyBytes, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyBytes, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("hocba::server::HttpFrontend",
                                                "%1 holds no unencrypted PEM private key (RSA or EC).")
                        .arg(options.tlsKeyFile));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // schools authenticate with their bearer credential
    return configuration;
}

} // namespace

struct HttpFrontend::Impl
{
    dept::DeptApi& api;
    FrontendOptions options;
    std::vector<std::pair<QThread*, Worker*>> workers; ///< each worker deletes itself when its thread finishes
};

HttpFrontend::HttpFrontend(dept::DeptApi& api, FrontendOptions options)
    : d(std::make_unique<Impl>(Impl {api, std::move(options), {}}))
{ }

HttpFrontend::~HttpFrontend()
{
    stop();
}

Result<quint16> HttpFrontend::start()
{
    std::optional<QSslConfiguration> tls;
    if (!d->options.tlsCertificateFile.isEmpty()) {
        auto configuration = tlsConfiguration(d->options);
        if (!configuration)
            return std::unexpected(configuration.error());
        tls = *configuration;
    }
    auto counts = std::make_shared<ConnectionCounts>(d->options.limits, !d->options.behindProxy);
    quint16 port = d->options.port;
    for (int i = 0; i < d->options.workers; ++i) {
        auto fd = listeningSocket(d->options.address, port);
        if (!fd) {
            stop();
            return std::unexpected(fd.error());
        }
        port = boundPort(*fd); // port 0: the others join the port the first one got
        auto* thread = new QThread;
        auto* worker = new Worker(d->api, counts, d->options.behindProxy);
        worker->moveToThread(thread);
        QObject::connect(
            thread, &QThread::finished, worker, [worker] { delete worker; }, Qt::DirectConnection);
        d->workers.emplace_back(thread, worker);
        thread->start();
        Status ready;
        QMetaObject::invokeMethod(
            worker, [&] { ready = worker->setUp(*fd, tls, d->options.limits.handshakeTimeoutMs); },
            Qt::BlockingQueuedConnection);
        if (!ready) {
            stop();
            return std::unexpected(ready.error());
        }
    }
    return port;
}

void HttpFrontend::stop()
{
    for (const auto& [thread, worker] : d->workers)
        QMetaObject::invokeMethod(
            worker, [worker] { worker->stop(); }, Qt::QueuedConnection);
    for (const auto& [thread, worker] : d->workers) {
        if (!thread->wait(kStopGraceMs + 5000)) {
            thread->quit();
            thread->wait();
        }
        delete thread;
    }
    d->workers.clear();
}

} // namespace hocba::server

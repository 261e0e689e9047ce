// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>

namespace hocba::dept {
class DeptApi;
}

namespace hocba::server {

/** The socket limits of the front end (ENDPOINT.md §10); the API's own limits are dept::ApiLimits. */
struct ServerLimits
{
    int maxConnections = 512; ///< open connections over all workers; more are closed at once
    int maxConnectionsPerAddress = 64;
    qint64 maxBodyBytes = 1024 * 1024; ///< a declared Content-Length above this gets 413 before the body is read
    qint64 maxHeaderBytes = 16 * 1024; ///< a first request whose header is longer gets 431
    qint64 readBufferBytes = 1024 * 1024 + 16 * 1024; ///< what a connection may hold unread: bounds its memory
    int requestTimeoutMs = 30000; ///< per request and idle keep-alive, re-armed after each response
    int handshakeTimeoutMs = 10000; ///< TLS
};

struct FrontendOptions
{
    QHostAddress address;
    quint16 port = 0; ///< 0: any free port (start() says which)
    int workers = 4;
    QString tlsCertificateFile; ///< PEM: the server certificate, then its intermediates; empty = plain HTTP
    QString tlsKeyFile; ///< PEM private key (RSA or EC)
    /**
     * Behind a reverse proxy on this machine (nginx): every connection comes from the proxy, so the per-address
     * connection cap is left to the proxy, and the client's address (for the API's per-address lookup rate) is taken
     * from the X-Real-IP header the proxy sets.
     */
    bool behindProxy = false;
    ServerLimits limits;
};

/**
 * The HTTP(S) front end of `hocba-dept serve`: the one place that knows the HTTP library (Qt HttpServer 6.4), so
 * that moving to another version touches nothing else. N worker threads, each with its own server on an
 * SO_REUSEPORT socket, behind a guard that enforces ServerLimits; handlers are synchronous and call
 * dept::DeptApi::handle, which must outlive the front end.
 */
class HttpFrontend
{
public:
    HttpFrontend(dept::DeptApi& api, FrontendOptions options);
    ~HttpFrontend(); ///< stops
    HttpFrontend(const HttpFrontend&) = delete;
    HttpFrontend& operator=(const HttpFrontend&) = delete;

    /** Loads TLS (when configured), binds and starts the workers; returns the port it listens on. */
    Result<quint16> start();
    /** Stops accepting, lets each worker send the answers it has, closes the connections, joins the threads. */
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hocba::server

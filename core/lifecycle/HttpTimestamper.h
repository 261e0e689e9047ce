// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Timestamper.h"

#include <QUrl>

#include <memory>

namespace hocba::lifecycle {

/**
 * An RFC 3161 time-stamping authority over HTTP (POST application/timestamp-query, RFC 3161 §3.4). One
 * QNetworkAccessManager, on a thread of its own, serves every call of a batch, so the connection is kept alive
 * between sections; callers on any thread wait for their answer. Each try has its own timeout; a try that fails
 * (no answer in time, no connection, an HTTP error, an unusable reply) is repeated a few times with a growing pause.
 * Errors are values (ErrorCode::Network) whose message a school office worker can act on; the detail says which
 * server and what happened.
 */
class HttpTimestamper final : public signing::Timestamper
{
public:
    struct Options
    {
        QUrl url;
        int timeoutMs = 15000; ///< per try
        int attempts = 3; ///< tries in all
        int backoffMs = 1000; ///< pause before the second try; doubled before each further one
    };
    explicit HttpTimestamper(Options options);
    ~HttpTimestamper() override;
    HttpTimestamper(const HttpTimestamper&) = delete;
    HttpTimestamper& operator=(const HttpTimestamper&) = delete;

    Result<QByteArray> timestamp(const QByteArray& sha256) override;

    /** HTTP requests sent so far (tries included). */
    int requestsSent() const;

    struct Impl; ///< opaque

private:
    std::unique_ptr<Impl> d;
};

} // namespace hocba::lifecycle

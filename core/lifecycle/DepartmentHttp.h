// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/CancellationToken.h"
#include "util/Error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

/**
 * The one place of the school side that talks HTTP to the Department (docs/api.md): a request runs on the calling
 * thread in its own event loop, with a timeout, and is tried again with exponential backoff when no answer came, the
 * server failed (5xx) or asked to slow down (429). The credential goes into the Authorization header only: never into
 * an error's message or detail.
 */
namespace hocba::lifecycle::http {

struct Answer
{
    int status = 0; ///< 0 when no answer came
    QByteArray body;
    QString networkProblem; ///< what went wrong when status is 0 (for the detail: no credential, no body)
    int retryAfterMs = 0; ///< a 429's or 503's Retry-After (whole seconds), capped at a minute
    bool answered() const { return status != 0; }
    /** docs/api.md's error object: {"error", "message"}; empty strings when the body is not one. */
    QString errorCode() const;
    QString errorMessage() const;
};

struct Request
{
    QUrl url;
    QByteArray method = "GET";
    QString bearer; ///< empty for the public routes
    QByteArray jsonBody; ///< sent as application/json when not empty
    int timeoutMs = 30000;
};

struct RetryPolicy
{
    int maxAttempts = 4;
    int firstBackoffMs = 500;
};

/** One try. */
Answer send(const Request& request);
/**
 * Tries until an answer that is not 5xx/429 comes, the attempts run out or `cancel` is set; `tried` counts tries.
 * Between tries it waits the backoff, or longer when the server's Retry-After asks for it.
 */
Answer sendWithRetries(const Request& request, const RetryPolicy& policy, const CancellationToken* cancel,
                       int* tried = nullptr);

/**
 * The Department's base URL as the user typed it, checked: https://, or http:// only to 127.0.0.0/8, ::1 or
 * localhost (the credential must not cross a network in clear text); no query or fragment.
 */
Result<QUrl> checkedBaseUrl(const QString& text);
/** base + "/api/v1/…" (`path` starts with "/"). */
QUrl routeUrl(const QUrl& base, const QString& path);

/** A translated sentence for an answer that carried no usable result, and the Error class it belongs to. */
Error problem(const Answer& answer, const QString& what);

} // namespace hocba::lifecycle::http

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/DepartmentHttp.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

namespace hocba::lifecycle::http {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Department)
};

QJsonObject bodyObject(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

bool retryable(const Answer& a)
{
    return !a.answered() || a.status == 429 || a.status >= 500;
}

void waitMs(int ms, const CancellationToken* cancel)
{
    // Short slices so a cancel is seen soon; an event loop, so other work of this thread (a test's server) goes on.
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms && !(cancel && cancel->isCancelled())) {
        QEventLoop loop;
        QTimer::singleShot(std::min<qint64>(50, ms - t.elapsed()), &loop, &QEventLoop::quit);
        loop.exec();
    }
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

QString Answer::errorCode() const
{
    return bodyObject(body).value(QStringLiteral("error")).toString();
}

QString Answer::errorMessage() const
{
    return bodyObject(body).value(QStringLiteral("message")).toString();
}

Answer send(const Request& request)
{
    QNetworkAccessManager manager;
    QNetworkRequest r(request.url);
    r.setTransferTimeout(request.timeoutMs);
    r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    r.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("hocba"));
    if (!request.bearer.isEmpty())
        r.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + request.bearer.toLatin1());
    if (!request.jsonBody.isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = manager.sendCustomRequest(r, request.method, request.jsonBody);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    constexpr int kLongestWaitS = 60;
    a.retryAfterMs = 1000 * std::clamp(reply->rawHeader("Retry-After").trimmed().toInt(), 0, kLongestWaitS);
    if (!a.answered())
        a.networkProblem = QStringLiteral("%1 %2: %3")
                               .arg(QString::fromLatin1(request.method), request.url.path(), reply->errorString());
    delete reply;
    return a;
}

Answer sendWithRetries(const Request& request, const RetryPolicy& policy, const CancellationToken* cancel, int* tried)
{
    Answer a;
    int backoff = std::max(0, policy.firstBackoffMs);
    const int attempts = std::max(1, policy.maxAttempts);
    for (int i = 0; i < attempts; ++i) {
        if (i > 0) {
            waitMs(std::max(backoff, a.retryAfterMs), cancel);
            backoff *= 2;
        }
        if (cancel && cancel->isCancelled())
            break;
        a = send(request);
        if (tried)
            *tried = i + 1;
        if (!retryable(a))
            break;
    }
    return a;
}

Result<QUrl> checkedBaseUrl(const QString& text)
{
    QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a web address of the Department's server. Write it as the Department "
                             "gave it, for example https://hocba.sogd.example.vn.")
                        .arg(text));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The address %1 starts with http://, which sends the school's credential unprotected. "
                             "Use the https:// address the Department gave.")
                        .arg(text));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

QUrl routeUrl(const QUrl& base, const QString& path)
{
    QUrl url = base;
    url.setPath(base.path() + path);
    return url;
}

Error problem(const Answer& answer, const QString& what)
{
    if (!answer.answered())
        return {ErrorCode::Network,
                Text::tr("The Department's server did not answer (%1). Check the Internet connection and try "
                         "again later; nothing was lost.")
                    .arg(what),
                answer.networkProblem};
    const QString detail = QStringLiteral("HTTP %1 %2").arg(answer.status).arg(answer.errorCode());
    const QString message = answer.errorMessage();
    if (answer.status == 401)
        return {ErrorCode::PermissionDenied,
                message.isEmpty() ? Text::tr("The Department did not accept the school's credential. Ask the "
                                             "Department for a new credential file and set it again.")
                                  : message,
                detail};
    if (answer.status >= 500 || answer.status == 429)
        return {ErrorCode::Network,
                message.isEmpty() ? Text::tr("The Department's server is busy or has a problem (%1). Try again "
                                             "later; nothing was lost.")
                                        .arg(what)
                                  : message,
                detail};
    return {ErrorCode::InvalidInput,
            message.isEmpty() ? Text::tr("The Department's server refused the request (%1).").arg(what) : message,
            detail};
}

} // namespace hocba::lifecycle::http

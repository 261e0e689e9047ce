// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/HttpTimestamper.h"

#include "verify/Timestamp.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Timestamp)
};

/** One try: the reply's body, or the error of this try. */
Result<QByteArray> post(QNetworkAccessManager& manager, const QUrl& url, const QByteArray& body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/timestamp-query"));
    request.setRawHeader("Accept", "application/timestamp-reply");
    request.setTransferTimeout(0); // our own timer below covers the whole try, connecting included
    QNetworkReply* reply = manager.post(request, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    timer.stop();
    reply->deleteLater();
    const QString server = url.host();
    if (timedOut)
        return fail(ErrorCode::Network,
                    Text::tr("The time-stamping server %1 did not answer within %2 seconds.")
                        .arg(server)
                        .arg(timeoutMs / 1000.0, 0, 'g', 3),
                    QStringLiteral("tsa: timeout after %1 ms (%2)").arg(timeoutMs).arg(url.toString()));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && status == 0)
        return fail(ErrorCode::Network, Text::tr("The time-stamping server %1 cannot be reached.").arg(server),
                    QStringLiteral("tsa: %1 (%2)").arg(reply->errorString(), url.toString()));
    if (status != 200)
        return fail(ErrorCode::Network,
                    Text::tr("The time-stamping server %1 answered with an error (HTTP %2).").arg(server).arg(status),
                    QStringLiteral("tsa: HTTP %1 (%2)").arg(status).arg(url.toString()));
    return reply->readAll();
}

} // namespace

struct HttpTimestamper::Impl
{
    Options options;
    QThread thread;
    QObject* context = nullptr; ///< lives in `thread`; owns the manager
    QNetworkAccessManager* manager = nullptr;
    std::atomic<int> requests {0};
    QMutex calls; ///< one call at a time: the manager's thread runs them one after the other anyway

    Result<QByteArray> run(const QByteArray& sha256)
    {
        auto request = signing::makeTimestampRequest(sha256);
        if (!request)
            return std::unexpected(request.error());
        Result<QByteArray> last = fail(ErrorCode::Network, Text::tr("No time-stamping server is set."));
        int pause = options.backoffMs;
        for (int attempt = 0; attempt < std::max(1, options.attempts); ++attempt) {
            if (attempt > 0) {
                QThread::msleep(ulong(pause));
                pause *= 2;
            }
            ++requests;
            auto body = post(*manager, options.url, request->der, options.timeoutMs);
            if (!body) {
                last = std::unexpected(body.error());
                continue;
            }
            auto token = signing::tokenFromTimestampResponse(*body, *request, sha256);
            if (token)
                return token;
            last = std::unexpected(token.error());
            last.error().detail = QStringLiteral("tsa: ") + last.error().detail;
        }
        Error e = last.error();
        e.message += QLatin1Char(' ')
            + Text::tr("Tried %n time(s). Check the school's Internet connection; if it works, ask the school's IT "
                       "contact to check the time-stamping server address in the signing settings.",
                       nullptr, std::max(1, options.attempts));
        return std::unexpected(e);
    }
};

HttpTimestamper::HttpTimestamper(Options options)
    : d(std::make_unique<Impl>())
{
    d->options = std::move(options);
    d->thread.setObjectName(QStringLiteral("hocba-tsa"));
    d->context = new QObject;
    d->manager = new QNetworkAccessManager(d->context);
    d->context->moveToThread(&d->thread);
    QObject::connect(&d->thread, &QThread::finished, d->context, &QObject::deleteLater);
    d->thread.start();
}

HttpTimestamper::~HttpTimestamper()
{
    d->thread.quit();
    d->thread.wait();
}

Result<QByteArray> HttpTimestamper::timestamp(const QByteArray& sha256)
{
    QMutexLocker lock(&d->calls);
    Result<QByteArray> result = fail(ErrorCode::Internal, QString());
    QMetaObject::invokeMethod(
        d->context, [&] { result = d->run(sha256); }, Qt::BlockingQueuedConnection);
    return result;
}

int HttpTimestamper::requestsSent() const
{
    return d->requests;
}

} // namespace hocba::lifecycle

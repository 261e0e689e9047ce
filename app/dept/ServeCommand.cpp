// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeptCommand.h"
#include "HttpFrontend.h"

#include "dept/DeptApi.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>

#include <sys/socket.h>
#include <unistd.h>

namespace hocba::server {

namespace {

constexpr int kLockCheckMs = 30000;

int signalPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

/** SIGTERM and SIGINT call `stop` on the main thread (through a pipe: a signal handler may only write()). */
Status onStopSignals(QObject* context, std::function<void()> stop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0)
        return fail(ErrorCode::Internal, QStringLiteral("socketpair failed"));
    auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, stop = std::move(stop)] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(signalPipe[0], &byte, 1);
        notifier->setEnabled(false);
        stop();
    });
    struct sigaction action
    { };
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    return {};
}

/** HOST:PORT, [IPv6]:PORT or localhost:PORT. */
std::optional<std::pair<QHostAddress, quint16>> parseListen(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    const QHostAddress address
        = host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (address.isNull())
        return std::nullopt;
    return std::pair {address, quint16(port)};
}

class ServeCommand : public DeptCommand
{
    Q_DECLARE_TR_FUNCTIONS(hocba::server::ServeCommand)
public:
    QString name() const override { return QStringLiteral("serve"); }
    QString summary() const override
    {
        return tr("Run the Department's server (API v1 and the lookup page) until stopped (SIGTERM or Ctrl+C); it "
                  "also locks each window at the end of its deadline day.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption listen(QStringLiteral("listen"),
                                        tr("Address and port to listen on, e.g. 0.0.0.0:8443 (with TLS) or "
                                           "127.0.0.1:8080 (plain HTTP, behind a proxy)."),
                                        tr("HOST:PORT"));
        const QCommandLineOption cert(QStringLiteral("tls-cert"),
                                      tr("The server's TLS certificate (PEM, with its intermediates)."), tr("FILE"));
        const QCommandLineOption key(QStringLiteral("tls-key"), tr("The TLS certificate's private key (PEM)."),
                                     tr("FILE"));
        const QCommandLineOption workers(QStringLiteral("workers"), tr("Worker threads (default 4)."), tr("N"));
        const QCommandLineOption proxy(QStringLiteral("behind-proxy"),
                                       tr("A reverse proxy on this machine (nginx) does TLS and limits connections; "
                                          "the client's address comes from its X-Real-IP header."));
        QCommandLineOption timeout(QStringLiteral("request-timeout-ms"), QStringLiteral("for tests"),
                                   QStringLiteral("MS"));
        timeout.setFlags(QCommandLineOption::HiddenFromHelp);
        // bench/bench_dept.sh measures what one node can verify and store: one school and one address stand for a
        // province's many, so their rate limits are lifted there (never in service).
        QCommandLineOption unlimited(QStringLiteral("unlimited-rates"), QStringLiteral("for benchmarks"));
        unlimited.setFlags(QCommandLineOption::HiddenFromHelp);
        QCommandLineParser parser;
        if (int code
            = parse(parser, {dataOption(), listen, cert, key, databaseOption(), workers, proxy, timeout, unlimited},
                    args, console);
            code >= 0)
            return code;
        auto options = frontendOptions(parser);
        if (!options)
            return console.fail(options.error());
        return serve(parser, *options, console);
    }

private:
    Result<FrontendOptions> frontendOptions(const QCommandLineParser& parser)
    {
        auto listenText = required(parser, QStringLiteral("listen"), tr("HOST:PORT"));
        if (!listenText)
            return std::unexpected(listenText.error());
        const auto where = parseListen(*listenText);
        if (!where)
            return fail(ErrorCode::Usage,
                        tr("--listen must be an address and a port, e.g. 127.0.0.1:8080 or 0.0.0.0:8443."));
        FrontendOptions o;
        o.address = where->first;
        o.port = where->second;
        o.tlsCertificateFile = parser.value(QStringLiteral("tls-cert"));
        o.tlsKeyFile = parser.value(QStringLiteral("tls-key"));
        if (o.tlsCertificateFile.isEmpty() != o.tlsKeyFile.isEmpty())
            return fail(ErrorCode::Usage, tr("Give both --tls-cert and --tls-key, or neither."));
        if (o.tlsCertificateFile.isEmpty() && !o.address.isLoopback())
            return fail(ErrorCode::Usage,
                        tr("Without TLS the server listens only on this machine (127.0.0.1 or ::1): credentials "
                           "and records must not cross the network unencrypted. Give --tls-cert and --tls-key, or "
                           "listen on 127.0.0.1 behind a proxy that does TLS (docs/operator.md)."));
        o.behindProxy = parser.isSet(QStringLiteral("behind-proxy"));
        if (o.behindProxy && (!o.tlsCertificateFile.isEmpty() || !o.address.isLoopback()))
            return fail(ErrorCode::Usage,
                        tr("--behind-proxy is for plain HTTP on 127.0.0.1 or ::1, with the proxy on this machine."));
        if (parser.isSet(QStringLiteral("workers"))) {
            bool ok = false;
            o.workers = parser.value(QStringLiteral("workers")).toInt(&ok);
            if (!ok || o.workers < 1 || o.workers > 64)
                return fail(ErrorCode::Usage, tr("--workers must be a whole number from 1 to 64."));
        }
        if (parser.isSet(QStringLiteral("request-timeout-ms")))
            o.limits.requestTimeoutMs = qBound(100, parser.value(QStringLiteral("request-timeout-ms")).toInt(), 600000);
        return o;
    }

    int serve(const QCommandLineParser& parser, const FrontendOptions& options, Console& console)
    {
        auto path = required(parser, QStringLiteral("data"), tr("DIR"));
        if (!path)
            return console.fail(path.error());
        auto folder = dept::DataFolder::open(*path);
        if (!folder)
            return console.fail(folder.error());
        auto store = dept::DeptStore::open(storeUrl(parser, *folder));
        if (!store)
            return console.fail(store.error());
        auto departmentName = folder->departmentName();
        if (!departmentName)
            return console.fail(departmentName.error());
        auto signer = folder->receiptSigner();
        if (!signer)
            return console.fail(signer.error());
        dept::ApiLimits limits;
        if (parser.isSet(QStringLiteral("unlimited-rates"))) {
            limits.uploadsPerSecondPerSchool = limits.lookupsPerSecondPerAddress = 1e9;
            limits.uploadBurstPerSchool = limits.lookupBurstPerAddress = 1000000000;
        }
        dept::DeptApi api(**store, *departmentName, *signer, limits);
        HttpFrontend frontend(api, options);
        auto port = frontend.start();
        if (!port)
            return console.fail(port.error());

        QObject context;
        if (auto handled = onStopSignals(&context,
                                         [&frontend] {
                                             qCInfo(lcServer, "stopping");
                                             frontend.stop();
                                             QCoreApplication::quit();
                                         });
            !handled)
            return console.fail(handled.error());
        QTimer lockTimer;
        QObject::connect(&lockTimer, &QTimer::timeout, &context, [&api] { lockDue(api); });
        lockTimer.start(kLockCheckMs);
        lockDue(api);

        const bool tls = !options.tlsCertificateFile.isEmpty();
        const QString host = options.address.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(options.address.toString())
            : options.address.toString();
        console.out << tr("Listening on %1://%2:%3 (%4 workers, %5 database). Stop with Ctrl+C or SIGTERM.")
                           .arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host)
                           .arg(*port)
                           .arg(options.workers)
                           .arg((*store)->engine())
                    << '\n';
        console.out.flush();
        qCInfo(lcServer, "listening on port %u, %d workers, %s, %s", unsigned(*port), options.workers,
               tls ? "tls" : "plain http", qPrintable((*store)->engine()));
        QCoreApplication::exec();
        qCInfo(lcServer, "stopped");
        return ExitOk;
    }

    static void lockDue(dept::DeptApi& api)
    {
        auto locked = api.lockDueWindows(QDateTime::currentDateTimeUtc());
        if (!locked)
            qCWarning(lcServer, "locking the windows past their deadline failed: %s",
                      qPrintable(locked.error().detail));
        else if (*locked > 0)
            qCInfo(lcServer, "locked %lld records of windows past their deadline", qlonglong(*locked));
    }
};

} // namespace

std::unique_ptr<DeptCommand> makeServeCommand()
{
    return std::make_unique<ServeCommand>();
}

} // namespace hocba::server

// SPDX-License-Identifier: GPL-3.0-or-later
#include "TsaFixture.h"

#include "verify/Timestamp.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtDebug>

namespace hocba::test {

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

/** An `openssl ts` configuration section; the file names are absolute. */
QByteArray section(const QString& name, const QString& serial, const QString& cert, const QString& key,
                   const QString& chain)
{
    return QStringLiteral("[%1]\nserial = %2\ncrypto_device = builtin\nsigner_cert = %3\n"
                          "certs = %4\nsigner_key = %5\nsigner_digest = sha256\n"
                          "default_policy = 1.2.3.4.1\nother_policies = 1.2.3.4.2\ndigests = sha256, sha384, sha512\n"
                          "accuracy = secs:1\nordering = yes\ntsa_name = yes\ness_cert_id_chain = no\n"
                          "ess_cert_id_alg = sha256\n\n")
        .arg(name, serial, cert, chain, key)
        .toUtf8();
}

} // namespace

int TsaFixture::openssl(const QStringList& args, QString* output) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000))
        return -1;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool TsaFixture::create(int tsaDays)
{
    if (!m_dir.isValid())
        return false;
    const QByteArray extensions = "[req]\ndistinguished_name=dn\n[dn]\n"
                                  "[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                                  "subjectKeyIdentifier=hash\n"
                                  "[tsa]\nbasicConstraints=critical,CA:FALSE\n"
                                  "keyUsage=critical,digitalSignature,nonRepudiation\n"
                                  "extendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\n"
                                  "authorityKeyIdentifier=keyid\n";
    if (!writeFile(path(QStringLiteral("ext.cnf")), extensions) || !writeFile(path(QStringLiteral("serial")), "01\n"))
        return false;
    QList<QStringList> steps;
    for (const QString& prefix : {QStringLiteral("tsa"), QStringLiteral("other")}) {
        const QString org = prefix == QLatin1String("tsa") ? QStringLiteral("Dịch vụ cấp dấu thời gian Thử nghiệm")
                                                           : QStringLiteral("Dấu thời gian Không tin cậy");
        steps << QStringList {"req",
                              "-x509",
                              "-newkey",
                              "rsa:2048",
                              "-nodes",
                              "-keyout",
                              prefix + "-root.key",
                              "-out",
                              prefix + "-root.pem",
                              "-days",
                              "3650",
                              "-sha256",
                              "-utf8",
                              "-subj",
                              "/C=VN/O=" + org + "/CN=" + prefix + " Root CA",
                              "-config",
                              "ext.cnf",
                              "-extensions",
                              "ca"}
              << QStringList {"req",           "-new",
                              "-newkey",       "rsa:2048",
                              "-nodes",        "-keyout",
                              prefix + ".key", "-utf8",
                              "-subj",         "/C=VN/O=" + org + "/CN=" + prefix + " TSA",
                              "-out",          prefix + ".csr"}
              << QStringList {"x509",
                              "-req",
                              "-in",
                              prefix + ".csr",
                              "-CA",
                              prefix + "-root.pem",
                              "-CAkey",
                              prefix + "-root.key",
                              "-CAcreateserial",
                              "-days",
                              QString::number(prefix == QLatin1String("tsa") ? tsaDays : 365),
                              "-sha256",
                              "-extfile",
                              "ext.cnf",
                              "-extensions",
                              "tsa",
                              "-out",
                              prefix + ".pem"};
    }
    steps << QStringList {"x509", "-in", "tsa-root.pem", "-outform", "DER", "-out", "tsa-root.der"}
          << QStringList {"x509", "-in", "tsa.pem", "-outform", "DER", "-out", "tsa.der"};
    for (const auto& args : steps) {
        QString out;
        if (openssl(args, &out) != 0) {
            qWarning() << "openssl" << args.first() << out;
            return false;
        }
    }
    const auto p = [this](const char* name) { return path(QString::fromLatin1(name)); };
    const QByteArray config = section(QStringLiteral("tsa"), p("serial"), p("tsa.pem"), p("tsa.key"), p("tsa-root.pem"))
        + section(QStringLiteral("untrusted"), p("serial"), p("other.pem"), p("other.key"), p("other-root.pem"));
    return writeFile(path(QStringLiteral("ts.cnf")), config);
}

bool TsaFixture::addSection(const QString& name, const QString& certPem, const QString& keyPem, const QString& chainPem)
{
    QFile f(path(QStringLiteral("ts.cnf")));
    const QByteArray text = section(name, path(QStringLiteral("serial")), certPem, keyPem, chainPem);
    return f.open(QIODevice::Append) && f.write(text) == text.size();
}

bool TsaFixture::renewTsaCertificate(int days)
{
    const QList<QStringList> steps
        = {{"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "tsa.key", "-utf8", "-subj",
            "/C=VN/O=Dịch vụ cấp dấu thời gian Thử nghiệm/CN=tsa TSA", "-out", "tsa.csr"},
           {"x509", "-req", "-in", "tsa.csr", "-CA", "tsa-root.pem", "-CAkey", "tsa-root.key", "-CAcreateserial",
            "-days", QString::number(days), "-sha256", "-extfile", "ext.cnf", "-extensions", "tsa", "-out", "tsa.pem"},
           {"x509", "-in", "tsa.pem", "-outform", "DER", "-out", "tsa.der"}};
    for (const auto& args : steps) {
        QString out;
        if (openssl(args, &out) != 0) {
            qWarning() << "openssl" << args.first() << out;
            return false;
        }
    }
    return true;
}

bool TsaFixture::makeImpostor(QString* output) const
{
    QString serial;
    if (openssl({"x509", "-in", "tsa.pem", "-noout", "-serial"}, &serial) != 0)
        return false;
    serial = serial.trimmed().section(QLatin1Char('='), 1);
    // x509toreq copies the real root's name byte for byte into the self-made root.
    const QList<QStringList> steps = {
        {"genpkey", "-algorithm", "RSA", "-out", "fake-root.key"},
        {"x509", "-x509toreq", "-in", "tsa-root.pem", "-signkey", "fake-root.key", "-out", "fake-root.csr"},
        {"x509", "-req", "-in", "fake-root.csr", "-signkey", "fake-root.key", "-days", "30", "-extfile", "ext.cnf",
         "-extensions", "ca", "-out", "fake-root.pem"},
        {"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "fake.key", "-subj", "/CN=tsa TSA", "-out",
         "fake.csr"},
        {"x509", "-req", "-in", "fake.csr", "-CA", "fake-root.pem", "-CAkey", "fake-root.key", "-set_serial",
         "0x" + serial, "-days", "30", "-sha256", "-extfile", "ext.cnf", "-extensions", "tsa", "-out", "fake.pem"},
    };
    for (const auto& args : steps)
        if (openssl(args, output) != 0)
            return false;
    return true;
}

QByteArray TsaFixture::rootDer() const
{
    return readFile(path(QStringLiteral("tsa-root.der")));
}

QByteArray TsaFixture::tsaCertDer() const
{
    return readFile(path(QStringLiteral("tsa.der")));
}

QByteArray TsaFixture::reply(const QByteArray& queryDer, const QString& sectionName) const
{
    // Several replies may be asked at once (a loopback server and a direct timestamper): one file pair per call.
    static std::atomic<int> counter {0};
    const QString n = QString::number(++counter);
    const QString query = path(QStringLiteral("q") + n + QStringLiteral(".tsq"));
    const QString response = path(QStringLiteral("r") + n + QStringLiteral(".tsr"));
    if (!writeFile(query, queryDer))
        return {};
    QString out;
    if (openssl({"ts", "-reply", "-config", path(QStringLiteral("ts.cnf")), "-section", sectionName, "-queryfile",
                 query, "-out", response},
                &out)
        != 0) {
        qWarning() << "openssl ts -reply" << out;
        return {};
    }
    QByteArray der = readFile(response);
    QFile::remove(query);
    QFile::remove(response);
    return der;
}

class FixtureTimestamper : public signing::Timestamper
{
public:
    FixtureTimestamper(const TsaFixture& tsa, QString section)
        : m_tsa(tsa)
        , m_section(std::move(section))
    { }
    Result<QByteArray> timestamp(const QByteArray& sha256) override
    {
        auto request = signing::makeTimestampRequest(sha256);
        if (!request)
            return std::unexpected(request.error());
        const QByteArray response = m_tsa.reply(request->der, m_section);
        if (response.isEmpty())
            return fail(ErrorCode::Network, QStringLiteral("openssl ts -reply failed"));
        auto token = signing::tokenFromTimestampResponse(response, *request, sha256);
        if (token)
            ++m_tsa.m_issued;
        return token;
    }

private:
    const TsaFixture& m_tsa;
    QString m_section;
};

std::unique_ptr<signing::Timestamper> TsaFixture::timestamper(const QString& sectionName) const
{
    return std::make_unique<FixtureTimestamper>(*this, sectionName);
}

LoopbackTsa::LoopbackTsa(const TsaFixture& tsa)
    : m_tsa(tsa)
{ }

LoopbackTsa::~LoopbackTsa()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
    }
}

bool LoopbackTsa::start()
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("loopback-tsa"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_context,
        [this, &listening] {
            m_server = new QTcpServer(m_context);
            QObject::connect(m_server, &QTcpServer::newConnection, m_context, [this] {
                while (QTcpSocket* socket = m_server->nextPendingConnection()) {
                    ++m_connections;
                    QObject::connect(socket, &QTcpSocket::readyRead, m_context,
                                     [this, socket] { onReadyRead(socket); });
                    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                }
            });
            listening = m_server->listen(QHostAddress::LocalHost, 0);
            m_port = m_server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    return listening;
}

QString LoopbackTsa::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/tsa").arg(m_port);
}

void LoopbackTsa::onReadyRead(QTcpSocket* socket)
{
    // HTTP/1.1 with keep-alive: several requests may come on one connection, one after the other.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            break;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(headerEnd).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            break;
        const QByteArray body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        ++m_requests;
        if (m_hang)
            continue;
        QByteArray status = "200 OK";
        QByteArray answer;
        if (m_failNext > 0) {
            --m_failNext;
            status = "500 Internal Server Error";
            answer = "busy";
        } else {
            answer = m_tsa.reply(body);
            if (answer.isEmpty())
                status = "500 Internal Server Error";
        }
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/timestamp-reply\r\nContent-Length: "
                      + QByteArray::number(answer.size()) + "\r\nConnection: keep-alive\r\n\r\n" + answer);
    }
    socket->setProperty("buffer", buffer);
}

} // namespace hocba::test

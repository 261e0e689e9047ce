// SPDX-License-Identifier: GPL-3.0-or-later
#include "OcspFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QtDebug>

#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <ctime>

namespace hocba::test {

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr loadPem(const QString& path)
{
    const QByteArray pem = readAll(path);
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    X509Ptr x(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    return x;
}

/** YYMMDDHHMMSSZ, the time format of an openssl ca index. */
QByteArray indexTime(const QDateTime& t)
{
    return t.toUTC().toString(QStringLiteral("yyMMddHHmmss")).toLatin1() + 'Z';
}

/** Two free loopback ports, chosen by the kernel. */
std::pair<quint16, quint16> freePorts()
{
    QTcpServer a, b;
    if (!a.listen(QHostAddress::LocalHost, 0) || !b.listen(QHostAddress::LocalHost, 0))
        return {0, 0};
    return {a.serverPort(), b.serverPort()};
}

} // namespace

OcspFixture::OcspFixture()
{
    QObject::connect(&m_crlServer, &QTcpServer::newConnection, &m_crlServer, [this]() {
        while (QTcpSocket* socket = m_crlServer.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket]() {
                const QByteArray request = socket->peek(8192);
                if (!request.contains("\r\n\r\n"))
                    return;
                socket->readAll();
                ++m_crlRequests;
                const QByteArray target = request.split(' ').value(1);
                const QByteArray body = target.endsWith(".crl") && !target.contains("..")
                    ? readAll(path(QString::fromLatin1(target.mid(1))))
                    : QByteArray();
                if (m_crlDown)
                    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                else if (body.isEmpty())
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                else
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
}

OcspFixture::~OcspFixture()
{
    stop(m_int);
    stop(m_root);
}

bool OcspFixture::run(const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning() << "openssl" << args.value(0) << p.readAll();
        return false;
    }
    return true;
}

bool OcspFixture::issue(const QString& name, const QString& subject, const QByteArray& extensions,
                        const QString& issuer)
{
    const QByteArray config = "[req]\ndistinguished_name=dn\n[dn]\n[v3]\n" + extensions;
    const QString cnf = name + QStringLiteral(".cnf");
    if (!writeAll(path(cnf), config))
        return false;
    const QString key = name + QStringLiteral(".key");
    const QString pem = name + QStringLiteral(".pem");
    bool ok = false;
    if (issuer.isEmpty()) {
        ok = run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", pem, "-days", "3650",
                  "-sha256", "-utf8", "-subj", subject, "-config", cnf, "-extensions", "v3"});
    } else {
        const QString csr = name + QStringLiteral(".csr");
        ok = run({"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-utf8", "-subj", subject, "-out",
                  csr})
            && run({"x509", "-req", "-in", csr, "-CA", issuer + ".pem", "-CAkey", issuer + ".key", "-CAcreateserial",
                    "-days", "365", "-sha256", "-extfile", cnf, "-extensions", "v3", "-out", pem});
        m_issuerOf[name] = issuer;
    }
    return ok && run({"x509", "-in", pem, "-outform", "DER", "-out", name + QStringLiteral(".der")});
}

bool OcspFixture::issueTimestampingAuthority(const QString& name)
{
    const QByteArray extensions = "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                                  "extendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\n"
                                  "authorityKeyIdentifier=keyid\nauthorityInfoAccess=OCSP;URI:http://127.0.0.1:"
        + QByteArray::number(m_intPort) + "/\n";
    if (!issue(name, QStringLiteral("/C=VN/O=Test/CN=Test TSA under the OCSP CA"), extensions, QStringLiteral("int"))
        || !revoke(name, {})) // rewrites the intermediate's index and restarts its responder
        return false;
    return writeAll(path(name + QStringLiteral("-chain.pem")),
                    readAll(path(name + QStringLiteral(".pem"))) + readAll(path(QStringLiteral("int.pem"))));
}

QByteArray OcspFixture::der(const QString& name) const
{
    return readAll(path(name + QStringLiteral(".der")));
}

std::unique_ptr<signing::SoftwareSigner> OcspFixture::signer() const
{
    auto s = signing::SoftwareSigner::fromPem(readAll(path(QStringLiteral("signer.key"))),
                                              readAll(path(QStringLiteral("signer.pem")))
                                                  + readAll(path(QStringLiteral("int.pem"))));
    if (!s) {
        qWarning() << s.error().message << s.error().detail;
        return {};
    }
    return std::move(*s);
}

bool OcspFixture::writeIndex(const QString& ca)
{
    QByteArray index;
    for (auto it = m_issuerOf.cbegin(); it != m_issuerOf.cend(); ++it) {
        if (it.value() != ca)
            continue;
        X509Ptr x = loadPem(path(it.key() + QStringLiteral(".pem")));
        if (!x)
            return false;
        BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x.get()), nullptr);
        char* hex = BN_bn2hex(bn);
        const QByteArray serial(hex);
        OPENSSL_free(hex);
        BN_free(bn);
        std::tm tm {};
        if (ASN1_TIME_to_tm(X509_get0_notAfter(x.get()), &tm) != 1)
            return false;
        const QDateTime expiry = QDateTime::fromSecsSinceEpoch(qint64(timegm(&tm)), Qt::UTC);
        const QDateTime revoked = m_revokedAt.value(it.key());
        index += (revoked.isValid() ? "R\t" : "V\t") + indexTime(expiry) + '\t'
            + (revoked.isValid() ? indexTime(revoked) : QByteArray()) + '\t' + serial
            + "\tunknown\t/CN=" + it.key().toLatin1() + '\n';
    }
    return writeAll(path(ca + QStringLiteral("-index.txt")), index) && writeCrl(ca);
}

bool OcspFixture::writeCrl(const QString& ca)
{
    X509Ptr caCert = loadPem(path(ca + QStringLiteral(".pem")));
    const QByteArray keyPem = readAll(path(ca + QStringLiteral(".key")));
    BIO* bio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    X509_CRL* crl = X509_CRL_new();
    bool ok = caCert && key && crl && X509_CRL_set_version(crl, 1) == 1
        && X509_CRL_set_issuer_name(crl, X509_get_subject_name(caCert.get())) == 1;
    const time_t now = time(nullptr);
    ASN1_TIME* last = ASN1_TIME_set(nullptr, now);
    ASN1_TIME* next = ASN1_TIME_set(nullptr, now + 86400);
    ok = ok && X509_CRL_set1_lastUpdate(crl, last) == 1 && X509_CRL_set1_nextUpdate(crl, next) == 1;
    ASN1_TIME_free(last);
    ASN1_TIME_free(next);
    for (auto it = m_revokedAt.cbegin(); ok && it != m_revokedAt.cend(); ++it) {
        if (!it.value().isValid() || m_issuerOf.value(it.key()) != ca)
            continue;
        X509Ptr x = loadPem(path(it.key() + QStringLiteral(".pem")));
        X509_REVOKED* entry = X509_REVOKED_new();
        ASN1_TIME* when = ASN1_TIME_set(nullptr, time_t(it.value().toSecsSinceEpoch()));
        ok = x && entry && X509_REVOKED_set_serialNumber(entry, X509_get_serialNumber(x.get())) == 1
            && X509_REVOKED_set_revocationDate(entry, when) == 1 && X509_CRL_add0_revoked(crl, entry) == 1;
        ASN1_TIME_free(when);
        if (!ok)
            X509_REVOKED_free(entry);
    }
    ok = ok && X509_CRL_sort(crl) == 1 && X509_CRL_sign(crl, key, EVP_sha256()) > 0;
    QByteArray der;
    if (ok) {
        const int n = i2d_X509_CRL(crl, nullptr);
        der.resize(n);
        auto* p = reinterpret_cast<unsigned char*>(der.data());
        ok = n > 0 && i2d_X509_CRL(crl, &p) == n;
    }
    X509_CRL_free(crl);
    EVP_PKEY_free(key);
    return ok && writeAll(path(ca + QStringLiteral(".crl")), der);
}

bool OcspFixture::start(Responder& r)
{
    stop(r);
    r.process = std::make_unique<QProcess>();
    r.process->setProcessChannelMode(QProcess::MergedChannels);
    r.process->setWorkingDirectory(m_dir.path());
    r.process->start(QStringLiteral("openssl"),
                     {"ocsp", "-index", r.index, "-port", QString::number(r.port), "-rsigner", r.signerName + ".pem",
                      "-rkey", r.signerName + ".key", "-CA", r.ca + ".pem", "-ignore_err"});
    QByteArray out;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && r.process->state() != QProcess::NotRunning) {
        r.process->waitForReadyRead(100);
        out += r.process->readAll();
        if (out.contains("waiting for OCSP client connections"))
            return true;
    }
    qWarning() << "openssl ocsp did not start:" << out;
    return false;
}

void OcspFixture::stop(Responder& r)
{
    if (!r.process)
        return;
    r.process->kill();
    r.process->waitForFinished(5000);
    r.process.reset();
}

bool OcspFixture::create()
{
    if (!m_dir.isValid() || !m_crlServer.listen(QHostAddress::LocalHost, 0))
        return false;
    std::tie(m_intPort, m_rootPort) = freePorts();
    if (!m_intPort)
        return false;
    const QByteArray crlBase = "http://127.0.0.1:" + QByteArray::number(m_crlServer.serverPort()) + '/';
    const QByteArray caExt = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                             "subjectKeyIdentifier=hash\n";
    const bool ok = issue(QStringLiteral("root"), QStringLiteral("/C=VN/O=Sở Giáo dục Thử nghiệm/CN=Test OCSP Root CA"),
                          caExt, {})
        && issue(QStringLiteral("int"), QStringLiteral("/C=VN/O=Sở Giáo dục Thử nghiệm/CN=Test OCSP Issuing CA"),
                 caExt + "authorityKeyIdentifier=keyid\nauthorityInfoAccess=OCSP;URI:http://127.0.0.1:"
                     + QByteArray::number(m_rootPort) + "/\ncrlDistributionPoints=URI:" + crlBase + "root.crl\n",
                 QStringLiteral("root"))
        && issue(QStringLiteral("signer"), QStringLiteral("/C=VN/O=Trường THCS Thử Nghiệm/CN=Nguyễn Văn Hiệu"),
                 "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,nonRepudiation,digitalSignature\n"
                 "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\nauthorityInfoAccess=OCSP;URI:http://"
                 "127.0.0.1:"
                     + QByteArray::number(m_intPort) + "/\ncrlDistributionPoints=URI:" + crlBase + "int.crl\n",
                 QStringLiteral("int"))
        && issue(QStringLiteral("responder"), QStringLiteral("/C=VN/O=Sở Giáo dục Thử nghiệm/CN=Test OCSP Responder"),
                 "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                 "extendedKeyUsage=OCSPSigning\nnoCheck=ignored\n",
                 QStringLiteral("int"));
    if (!ok || !writeIndex(QStringLiteral("int")) || !writeIndex(QStringLiteral("root")))
        return false;
    m_int = {QStringLiteral("int-index.txt"), QStringLiteral("int"), QStringLiteral("responder"), m_intPort, {}};
    m_root = {QStringLiteral("root-index.txt"), QStringLiteral("root"), QStringLiteral("root"), m_rootPort, {}};
    return start(m_int) && start(m_root);
}

bool OcspFixture::revoke(const QString& name, const QDateTime& when)
{
    m_revokedAt[name] = when;
    const QString ca = m_issuerOf.value(name);
    if (!writeIndex(ca))
        return false;
    return start(ca == QLatin1String("root") ? m_root : m_int);
}

bool OcspFixture::setDown(bool down)
{
    if (down) {
        stop(m_int);
        stop(m_root);
        return true;
    }
    return start(m_int) && start(m_root);
}

} // namespace hocba::test

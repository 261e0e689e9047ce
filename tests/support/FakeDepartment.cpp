// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeDepartment.h"

#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "packet/SignedRequest.h"
#include "verify/Receipt.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace hocba::test {

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray statusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

QByteArray errorBody(const QString& code, const QString& message)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("error"), code}, {QStringLiteral("message"), message}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

FakeDepartment::FakeDepartment(QObject* parent)
    : QObject(parent)
{ }

FakeDepartment::~FakeDepartment() = default;

bool FakeDepartment::makeCertificate(const QString& name, QString* keyPath, QString* certPath)
{
    *keyPath = m_dir.filePath(name + QStringLiteral(".key"));
    *certPath = m_dir.filePath(name + QStringLiteral(".pem"));
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-utf8"), QStringLiteral("-subj"), m_subject, QStringLiteral("-days"), QStringLiteral("30"),
             QStringLiteral("-keyout"), *keyPath, QStringLiteral("-out"), *certPath});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("openssl req: %s", p.readAll().constData());
        return false;
    }
    return true;
}

bool FakeDepartment::start()
{
    m_subject = QStringLiteral("/CN=Sở GDĐT Thử/O=Sở Giáo dục và Đào tạo Thử");
    if (!m_dir.isValid() || !makeCertificate(QStringLiteral("department"), &m_signKeyPath, &m_signCertPath))
        return false;
    const QByteArray pem = readAll(m_signCertPath);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr),
                                                     X509_free);
    if (!cert)
        return false;
    unsigned char* der = nullptr;
    const int len = i2d_X509(cert.get(), &der);
    m_certDer = QByteArray(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &FakeDepartment::onConnection);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString FakeDepartment::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort());
}

QString FakeDepartment::certPemPath() const
{
    return m_dir.filePath(QStringLiteral("department.pem"));
}

QString FakeDepartment::writeCredential(const QString& credential)
{
    const QString path = m_dir.filePath(QStringLiteral("credential.txt"));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(credential.toLatin1() + '\n');
    return path;
}

bool FakeDepartment::signWithImpostor()
{
    return makeCertificate(QStringLiteral("impostor"), &m_signKeyPath, &m_signCertPath);
}

int FakeDepartment::count(const QString& route) const
{
    return int(std::count_if(m_received.begin(), m_received.end(), [&](const Received& r) {
        return QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path.section(QLatin1Char('?'), 0, 0) == route;
    }));
}

void FakeDepartment::onConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeDepartment::onReadable(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Received request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.path = QString::fromLatin1(first.value(1));
    qsizetype length = 0;
    for (const QByteArray& line : lines.mid(1)) {
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "authorization")
            request.authorization = value;
    }
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    m_buffers.remove(socket);
    m_received.append(request);
    const Reply reply = answer(request);
    if (reply.drop) {
        socket->abort();
        return;
    }
    socket->write("HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + statusText(reply.status)
                  + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(reply.body.size())
                  + (reply.retryAfterS ? "\r\nRetry-After: " + QByteArray::number(reply.retryAfterS) : QByteArray())
                  + "\r\nConnection: close\r\n\r\n" + reply.body);
    socket->disconnectFromHost();
}

FakeDepartment::Reply FakeDepartment::answer(const Received& request)
{
    const QString path = request.path.section(QLatin1Char('?'), 0, 0);
    const QString route = QString::fromLatin1(request.method) + QLatin1Char(' ') + path;
    if (auto it = m_script.find(route); it != m_script.end() && !it->isEmpty())
        return it->takeFirst();
    const QString lookupPrefix = QStringLiteral("/api/v1/lookup/");
    if (request.method == "GET" && path.startsWith(lookupPrefix)) {
        const QString code = path.mid(lookupPrefix.size());
        if (m_lookups.contains(code))
            return {200, m_lookups.value(code)};
        return {404,
                errorBody(QStringLiteral("not_found"), QStringLiteral("Không tìm thấy học bạ có mã tra cứu này."))};
    }
    if (request.authorization != "Bearer " + credential().toLatin1())
        return {401, errorBody(QStringLiteral("unauthorized"), QStringLiteral("Mã xác thực của trường không đúng."))};
    if (route == QLatin1String("POST /api/v1/records")) {
        if (m_drop == Drop::BeforeStoring)
            return {0, {}, true};
        Reply reply = submit(request.body);
        reply.drop = m_drop == Drop::AfterStoring;
        return reply;
    }
    if (request.method == "POST" && path.startsWith(QLatin1String("/api/v1/records/"))
        && path.endsWith(QLatin1String("/revoke")))
        return revoke(path.section(QLatin1Char('/'), 4, 4), request.body);
    if (request.method == "POST" && path.startsWith(QLatin1String("/api/v1/records/"))
        && path.endsWith(QLatin1String("/transfer")))
        return transfer(path.section(QLatin1Char('/'), 4, 4), request.body);
    if (route == QLatin1String("GET /api/v1/receipts"))
        return receipts(request.path.section(QLatin1Char('?'), 1));
    return {404, errorBody(QStringLiteral("not_found"), QStringLiteral("Không có đường dẫn này."))};
}

FakeDepartment::Reply FakeDepartment::submit(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QByteArray xml = QByteArray::fromBase64(o.value(QStringLiteral("packet")).toString().toLatin1());
    const QByteArray pdf = QByteArray::fromBase64(o.value(QStringLiteral("pdf")).toString().toLatin1());
    auto packet = packet::readPacket(xml);
    if (!packet || pdf.isEmpty())
        return {422, errorBody(QStringLiteral("invalid_packet"), QStringLiteral("Gói dữ liệu không hợp lệ."))};
    const QString digest = packet::packetDigest(xml);
    for (const Stored& s : std::as_const(m_records))
        if (s.digest == digest)
            return {200, receiptJson(s.uploadReceipt)};
    signing::Receipt r;
    r.kind = signing::Receipt::Kind::Upload;
    r.lookupCode = packet->lookupCode;
    r.version = packet->version;
    r.packetDigest = m_digestOverride.isEmpty() ? digest : m_digestOverride;
    r.schoolCode = QString::fromLatin1(kSchoolCode);
    r.windowId = QStringLiteral("2025-2026-06");
    r.at = QDateTime::currentDateTimeUtc();
    r.at.setTime(QTime(r.at.time().hour(), r.at.time().minute(), r.at.time().second()));
    r.department = QStringLiteral("Sở GDĐT Thử");
    const QByteArray canonical = r.canonicalBytes();
    m_records.append({r.lookupCode, r.version, digest, canonical});
    return {201, receiptJson(canonical)};
}

QByteArray FakeDepartment::receiptJson(const QByteArray& canonical) const
{
    const auto r = signing::Receipt::fromCanonicalBytes(canonical);
    // Signed now, by the current key: a test that switches to the impostor's key gets its signature on old receipts.
    const QByteArray signature = sign(canonical);
    return QJsonDocument(QJsonObject {{QStringLiteral("lookup_code"), r ? r->lookupCode : QString()},
                                      {QStringLiteral("version"), r ? r->version : 0},
                                      {QStringLiteral("digest"), r ? r->packetDigest : QString()},
                                      {QStringLiteral("state"), QStringLiteral("submitted")},
                                      {QStringLiteral("window"), QStringLiteral("2025-2026-06")},
                                      {QStringLiteral("received_at"), r ? r->at.toString(Qt::ISODate) : QString()},
                                      {QStringLiteral("receipt"), QString::fromLatin1(canonical.toBase64())},
                                      {QStringLiteral("receipt_signature"), QString::fromLatin1(signature.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

void FakeDepartment::lockAll(const QDateTime& at)
{
    for (const Stored& s : std::as_const(m_records)) {
        signing::Receipt r;
        r.kind = signing::Receipt::Kind::Lock;
        r.lookupCode = s.lookupCode;
        r.version = s.version;
        r.packetDigest = s.digest;
        r.schoolCode = QString::fromLatin1(kSchoolCode);
        r.windowId = QStringLiteral("2025-2026-06");
        r.at = at.toUTC();
        r.department = QStringLiteral("Sở GDĐT Thử");
        const QByteArray canonical = r.canonicalBytes();
        m_locks.append({canonical, sign(canonical)});
    }
}

FakeDepartment::Reply FakeDepartment::receipts(const QString& query) const
{
    const QUrlQuery q(query);
    const int after = q.queryItemValue(QStringLiteral("after")).toInt();
    QJsonArray page;
    int i = after;
    for (; i < m_locks.size() && page.size() < m_pageSize; ++i)
        page.append(
            QJsonObject {{QStringLiteral("receipt"), QString::fromLatin1(m_locks[i].first.toBase64())},
                         {QStringLiteral("receipt_signature"), QString::fromLatin1(m_locks[i].second.toBase64())}});
    const QJsonValue next = i < m_locks.size() ? QJsonValue(QString::number(i)) : QJsonValue(QJsonValue::Null);
    return {200,
            QJsonDocument(QJsonObject {{QStringLiteral("receipts"), page}, {QStringLiteral("next"), next}})
                .toJson(QJsonDocument::Compact)};
}

QByteArray FakeDepartment::sign(const QByteArray& content) const
{
    const QByteArray keyPem = readAll(m_signKeyPath);
    const QByteArray certPem = readAll(m_signCertPath);
    std::unique_ptr<BIO, decltype(&BIO_free)> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())),
                                                      BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr),
                                                     X509_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> data(BIO_new_mem_buf(content.constData(), int(content.size())), BIO_free);
    std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(
        CMS_sign(cert.get(), key.get(), nullptr, data.get(), CMS_DETACHED | CMS_BINARY | CMS_CADES),
        CMS_ContentInfo_free);
    if (!cms)
        return {};
    unsigned char* der = nullptr;
    const int len = i2d_CMS_ContentInfo(cms.get(), &der);
    QByteArray out(reinterpret_cast<const char*>(der), std::max(len, 0));
    OPENSSL_free(der);
    return out;
}

} // namespace hocba::test

namespace hocba::test {

namespace {

/** The canonical receipt of a signed request (revoke, transfer), as the Department signs it. */
QByteArray requestReceipt(signing::Receipt::Kind kind, const QString& code, int version, const QByteArray& signedXml,
                          const QString& schoolCode)
{
    signing::Receipt r;
    r.kind = kind;
    r.lookupCode = code;
    r.version = version;
    r.packetDigest = packet::packetDigest(signedXml);
    r.schoolCode = schoolCode;
    r.windowId = QStringLiteral("2025-2026-06");
    r.at = QDateTime::currentDateTimeUtc();
    r.at.setTime(QTime(r.at.time().hour(), r.at.time().minute(), r.at.time().second()));
    r.department = QStringLiteral("Sở GDĐT Thử");
    return r.canonicalBytes();
}

} // namespace

FakeDepartment::Reply FakeDepartment::revoke(const QString& code, const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QByteArray xml = QByteArray::fromBase64(o.value(QStringLiteral("request")).toString().toLatin1());
    auto request = packet::readRevokeRequest(xml);
    if (!request || request->lookupCode != code)
        return {422, errorBody(QStringLiteral("invalid_request"), QStringLiteral("Yêu cầu không hợp lệ."))};
    if (m_lockedCodes.contains(code))
        return {409, errorBody(QStringLiteral("locked"), QStringLiteral("Năm học đã bị khoá."))};
    ++m_revokes;
    return {201,
            receiptJson(requestReceipt(signing::Receipt::Kind::Revoke, code, request->version, xml,
                                       QString::fromLatin1(kSchoolCode)))};
}

FakeDepartment::Reply FakeDepartment::transfer(const QString& code, const QByteArray& body)
{
    // As the Department's answer: the receipt names the statement's digest and the school that now manages the record.
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QByteArray xml = QByteArray::fromBase64(o.value(QStringLiteral("statement")).toString().toLatin1());
    auto statement = packet::readTransferStatement(xml);
    if (!statement || statement->lookupCode != code)
        return {422, errorBody(QStringLiteral("invalid_request"), QStringLiteral("Yêu cầu không hợp lệ."))};
    if (m_lockedCodes.contains(code))
        return {409, errorBody(QStringLiteral("locked"), QStringLiteral("Năm học đã bị khoá."))};
    ++m_transfers;
    return {201, receiptJson(requestReceipt(signing::Receipt::Kind::Transfer, code, 0, xml, statement->toSchoolCode))};
}

} // namespace hocba::test

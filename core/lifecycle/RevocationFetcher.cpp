// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/RevocationFetcher.h"

#include "util/Text.h"
#include "verify/OpenSsl.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QThread>
#include <QUrl>

#include <vector>

#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace hocba::lifecycle {

using namespace signing::detail;

namespace {

using OcspRequestPtr = std::unique_ptr<OCSP_REQUEST, Free<OCSP_REQUEST_free>>;
using OcspResponsePtr = std::unique_ptr<OCSP_RESPONSE, Free<OCSP_RESPONSE_free>>;
using OcspBasicPtr = std::unique_ptr<OCSP_BASICRESP, Free<OCSP_BASICRESP_free>>;

QString tr(const char* text)
{
    return QCoreApplication::translate("Revocation", text);
}

struct Urls
{
    QStringList ocsp;
    QStringList crl;
};

/** The http(s) OCSP responders (AIA) and CRL distribution points a certificate names. */
Urls urlsOf(X509* cert)
{
    Urls u;
    if (STACK_OF(OPENSSL_STRING)* ocsp = X509_get1_ocsp(cert)) {
        for (int i = 0; i < sk_OPENSSL_STRING_num(ocsp); ++i)
            u.ocsp << QString::fromLatin1(sk_OPENSSL_STRING_value(ocsp, i));
        X509_email_free(ocsp);
    }
    auto* points
        = static_cast<STACK_OF(DIST_POINT)*>(X509_get_ext_d2i(cert, NID_crl_distribution_points, nullptr, nullptr));
    for (int i = 0; points && i < sk_DIST_POINT_num(points); ++i) {
        DIST_POINT* dp = sk_DIST_POINT_value(points, i);
        if (!dp->distpoint || dp->distpoint->type != 0)
            continue;
        GENERAL_NAMES* names = dp->distpoint->name.fullname;
        for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
            GENERAL_NAME* name = sk_GENERAL_NAME_value(names, j);
            if (name->type == GEN_URI)
                u.crl << QString::fromLatin1(
                    reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.uniformResourceIdentifier)),
                    ASN1_STRING_length(name->d.uniformResourceIdentifier));
        }
    }
    sk_DIST_POINT_pop_free(points, DIST_POINT_free);
    const auto web = [](const QString& url) {
        return url.startsWith(QLatin1String("http://")) || url.startsWith(QLatin1String("https://"));
    };
    u.ocsp.removeIf([&](const QString& s) { return !web(s); });
    u.crl.removeIf([&](const QString& s) { return !web(s); });
    return u;
}

bool selfSigned(X509* cert)
{
    return X509_check_issued(cert, cert) == X509_V_OK;
}

/** One HTTP exchange; the body when the server answered 200, else an empty array and `problem`. */
QByteArray exchange(QNetworkAccessManager& manager, const QString& url, const QByteArray& postBody, int timeoutMs,
                    QString& problem)
{
    QNetworkRequest r {QUrl(url)};
    r.setTransferTimeout(timeoutMs);
    r.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("hocba"));
    QNetworkReply* reply = nullptr;
    if (postBody.isEmpty()) {
        reply = manager.get(r);
    } else {
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/ocsp-request"));
        reply = manager.post(r, postBody);
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QByteArray body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        problem = QStringLiteral("%1: HTTP %2 %3").arg(url).arg(status).arg(reply->errorString());
        body.clear();
    }
    delete reply;
    return body;
}

QByteArray withRetries(QNetworkAccessManager& manager, const QString& url, const QByteArray& postBody,
                       const RevocationFetchOptions& options, QString& problem)
{
    for (int attempt = 0; attempt <= std::max(0, options.retries); ++attempt) {
        if (attempt > 0)
            QThread::msleep(200 * attempt);
        QByteArray body = exchange(manager, url, postBody, options.timeoutMs, problem);
        if (!body.isEmpty())
            return body;
    }
    return {};
}

QByteArray ocspRequestFor(X509* cert, X509* issuer, OcspRequestPtr& request)
{
    request.reset(OCSP_REQUEST_new());
    OCSP_CERTID* id = OCSP_cert_to_id(EVP_sha1(), cert, issuer);
    if (!request || !id || !OCSP_request_add0_id(request.get(), id)
        || !OCSP_request_add1_nonce(request.get(), nullptr, -1))
        return {};
    const int n = i2d_OCSP_REQUEST(request.get(), nullptr);
    QByteArray der(n > 0 ? n : 0, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(der.data());
    if (n <= 0 || i2d_OCSP_REQUEST(request.get(), &p) != n)
        return {};
    return der;
}

/** A nonce we sent must come back (a response without one is allowed: many authorities pre-produce them). */
bool nonceMatches(OCSP_REQUEST* request, const QByteArray& responseDer)
{
    auto p = reinterpret_cast<const unsigned char*>(responseDer.constData());
    OcspResponsePtr response(d2i_OCSP_RESPONSE(nullptr, &p, responseDer.size()));
    OcspBasicPtr bs(response ? OCSP_response_get1_basic(response.get()) : nullptr);
    return bs && OCSP_check_nonce(request, bs.get()) != 0;
}

/** A CRL comes as DER, sometimes as PEM. */
QByteArray crlDer(const QByteArray& body)
{
    if (!body.startsWith("-----BEGIN"))
        return body;
    BioPtr bio(BIO_new_mem_buf(body.constData(), int(body.size())));
    std::unique_ptr<X509_CRL, Free<X509_CRL_free>> crl(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr));
    if (!crl)
        return {};
    const int n = i2d_X509_CRL(crl.get(), nullptr);
    QByteArray der(n > 0 ? n : 0, Qt::Uninitialized);
    auto* out = reinterpret_cast<unsigned char*>(der.data());
    return n > 0 && i2d_X509_CRL(crl.get(), &out) == n ? der : QByteArray();
}

QString nameOf(X509* cert)
{
    return certificateInfo(cert).commonName;
}

} // namespace

bool chainHasRevocationUrls(const QList<QByteArray>& chainDer)
{
    for (const auto& der : chainDer) {
        X509Ptr cert = x509FromDer(der);
        if (!cert || selfSigned(cert.get()))
            continue;
        const Urls u = urlsOf(cert.get());
        if (!u.ocsp.isEmpty() || !u.crl.isEmpty())
            return true;
    }
    return false;
}

Result<signing::ValidationData> fetchValidationData(const QList<QByteArray>& chainDer,
                                                    const QList<QByteArray>& moreCertsDer,
                                                    const RevocationFetchOptions& options)
{
    signing::ValidationData data;
    std::vector<X509Ptr> pool; // every certificate we know, to find issuers in
    for (const auto& der : chainDer + moreCertsDer)
        if (X509Ptr c = x509FromDer(der))
            pool.push_back(std::move(c));
    for (const auto& der : chainDer)
        if (!data.certificates.contains(der))
            data.certificates << der;
    // What the answers must cover: the signing time (a verifier judges at it), else a moment ago (responses carry
    // whole seconds).
    const QDateTime coverTime = options.coverTime.isValid()
        ? options.coverTime.toUTC()
        : QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 1, Qt::UTC);
    QNetworkAccessManager manager;
    for (const auto& der : chainDer) {
        X509Ptr cert = x509FromDer(der);
        if (!cert || selfSigned(cert.get()))
            continue;
        const Urls urls = urlsOf(cert.get());
        if (urls.ocsp.isEmpty() && urls.crl.isEmpty())
            continue;
        X509* issuer = nullptr;
        for (const auto& candidate : pool)
            if (X509_check_issued(candidate.get(), cert.get()) == X509_V_OK && candidate.get() != cert.get())
                issuer = candidate.get();
        if (!issuer)
            return fail(ErrorCode::CertificateInvalid,
                        tr("The certificate of the authority that issued \"%1\" is missing, so its revocation "
                           "cannot be checked. Add the authority's certificate to the trusted certificates.")
                            .arg(nameOf(cert.get())),
                        QStringLiteral("issuer not found"));
        const QByteArray issuerDer = x509ToDer(issuer);
        if (!data.certificates.contains(issuerDer))
            data.certificates << issuerDer;
        QStringList problems;
        bool covered = false;
        // OCSP first: small, about this certificate only. The answer is checked as a verifier will check it.
        for (const auto& url : urls.ocsp) {
            OcspRequestPtr request;
            const QByteArray requestDer = ocspRequestFor(cert.get(), issuer, request);
            QString problem;
            const QByteArray response
                = requestDer.isEmpty() ? QByteArray() : withRetries(manager, url, requestDer, options, problem);
            if (response.isEmpty()) {
                problems << problem;
                continue;
            }
            if (!nonceMatches(request.get(), response)) {
                problems << QStringLiteral("%1: nonce mismatch or unreadable response").arg(url);
                continue;
            }
            signing::ValidationData one {data.certificates, {response}, {}};
            const auto status = signing::checkRevocation(der, issuerDer, one, coverTime);
            if (status.state == signing::RevocationStatus::State::Revoked)
                return fail(ErrorCode::CertificateInvalid,
                            tr("The certificate \"%1\" was revoked by its authority on %2. Records cannot be signed "
                               "with it; ask the certificate authority for a new one.")
                                .arg(nameOf(cert.get()), text::shownDateTime(status.revokedAt)),
                            QStringLiteral("revoked (OCSP %1)").arg(url));
            if (status.state != signing::RevocationStatus::State::Good) {
                problems << QStringLiteral("%1: %2").arg(url, status.problem);
                continue;
            }
            data.ocspResponses << response;
            covered = true;
            break;
        }
        for (int i = 0; !covered && i < urls.crl.size(); ++i) {
            QString problem;
            const QByteArray crl = crlDer(withRetries(manager, urls.crl[i], {}, options, problem));
            if (crl.isEmpty()) {
                problems << (problem.isEmpty() ? urls.crl[i] + QStringLiteral(": not a CRL") : problem);
                continue;
            }
            signing::ValidationData one {data.certificates, {}, {crl}};
            const auto status = signing::checkRevocation(der, issuerDer, one, coverTime);
            if (status.state == signing::RevocationStatus::State::Revoked)
                return fail(ErrorCode::CertificateInvalid,
                            tr("The certificate \"%1\" was revoked by its authority on %2. Records cannot be signed "
                               "with it; ask the certificate authority for a new one.")
                                .arg(nameOf(cert.get()), text::shownDateTime(status.revokedAt)),
                            QStringLiteral("revoked (CRL %1)").arg(urls.crl[i]));
            if (status.state != signing::RevocationStatus::State::Good) {
                problems << QStringLiteral("%1: %2").arg(urls.crl[i], status.problem);
                continue;
            }
            if (!data.crls.contains(crl))
                data.crls << crl;
            covered = true;
        }
        if (!covered)
            return fail(ErrorCode::Network,
                        tr("The certificate authority's revocation service did not answer for \"%1\", so the "
                           "proof that the certificate is still valid cannot be added. Check the Internet connection "
                           "and sign again.")
                            .arg(nameOf(cert.get())),
                        QStringLiteral("revocation: ") + problems.join(QStringLiteral("; ")));
    }
    return data;
}

Result<signing::ValidationData> fetchValidationDataFor(const QList<ChainToCover>& chains,
                                                       const QList<QByteArray>& moreCertsDer,
                                                       const RevocationFetchOptions& options)
{
    signing::ValidationData all;
    for (const ChainToCover& c : chains) {
        if (c.chainDer.isEmpty())
            continue;
        if (!chainHasRevocationUrls(c.chainDer)) {
            all.merge({c.chainDer, {}, {}});
            continue;
        }
        RevocationFetchOptions o = options;
        if (!o.coverTime.isValid())
            o.coverTime = c.coverTime;
        auto data = fetchValidationData(c.chainDer, moreCertsDer, o);
        if (!data)
            return std::unexpected(data.error());
        all.merge(*data);
    }
    return all;
}

} // namespace hocba::lifecycle

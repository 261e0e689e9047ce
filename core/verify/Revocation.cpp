// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/Revocation.h"

#include "verify/OpenSsl.h"

#include <QCoreApplication>

#include <openssl/ocsp.h>
#include <openssl/x509v3.h>

namespace hocba::signing {

using namespace detail;

namespace {

using OcspResponsePtr = std::unique_ptr<OCSP_RESPONSE, Free<OCSP_RESPONSE_free>>;
using OcspBasicPtr = std::unique_ptr<OCSP_BASICRESP, Free<OCSP_BASICRESP_free>>;
using OcspCertIdPtr = std::unique_ptr<OCSP_CERTID, Free<OCSP_CERTID_free>>;
using CrlPtr = std::unique_ptr<X509_CRL, Free<X509_CRL_free>>;

QString tr(const char* text)
{
    return QCoreApplication::translate("Revocation", text);
}

/**
 * A response or CRL speaks about `at` when it was issued at or after it (it states what happened up to its own time),
 * or when `at` lies inside its validity window [thisUpdate, nextUpdate).
 */
bool covers(const QDateTime& thisUpdate, const QDateTime& nextUpdate, const QDateTime& at)
{
    if (!thisUpdate.isValid())
        return false;
    if (thisUpdate >= at)
        return true;
    return nextUpdate.isValid() && at < nextUpdate;
}

/** What one source (one OCSP response or one CRL) says; nullopt-like `usable == false` when it says nothing. */
struct Finding
{
    bool usable = false;
    bool revoked = false; ///< revoked at or before the time asked
    QDateTime revokedAt;
    QDateTime producedAt;
    QString problem; ///< why it is not usable, when it concerned this certificate
};

/** The OCSP single response for `cert`, matched by CertID with the response's own hash algorithm. */
int findSingle(OCSP_BASICRESP* bs, X509* cert, X509* issuer)
{
    for (int i = 0; i < OCSP_resp_count(bs); ++i) {
        OCSP_SINGLERESP* single = OCSP_resp_get0(bs, i);
        const OCSP_CERTID* id = OCSP_SINGLERESP_get0_id(single);
        ASN1_OBJECT* mdOid = nullptr;
        if (!OCSP_id_get0_info(nullptr, &mdOid, nullptr, nullptr, const_cast<OCSP_CERTID*>(id)) || !mdOid)
            continue;
        const EVP_MD* md = EVP_get_digestbyobj(mdOid);
        if (!md)
            continue;
        OcspCertIdPtr mine(OCSP_cert_to_id(md, cert, issuer));
        if (mine && OCSP_id_cmp(mine.get(), id) == 0)
            return i;
    }
    return -1;
}

Finding fromOcsp(const QByteArray& der, X509* cert, X509* issuer, const ValidationData& data, const QDateTime& at)
{
    Finding f;
    auto p = reinterpret_cast<const unsigned char*>(der.constData());
    OcspResponsePtr response(d2i_OCSP_RESPONSE(nullptr, &p, der.size()));
    if (!response || OCSP_response_status(response.get()) != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return f;
    OcspBasicPtr bs(OCSP_response_get1_basic(response.get()));
    if (!bs)
        return f;
    const int index = findSingle(bs.get(), cert, issuer);
    if (index < 0)
        return f; // about other certificates: says nothing about this one
    const QDateTime producedAt = fromAsn1Time(OCSP_resp_get0_produced_at(bs.get()));

    // The signer must be the issuer itself or a responder the issuer certified for OCSP signing (RFC 6960 §4.2.2.2).
    // The issuer is the only trust anchor (partial chain), judged when the response was produced, not today.
    StorePtr store(X509_STORE_new());
    X509_STORE_add_cert(store.get(), issuer);
    X509_VERIFY_PARAM* param = X509_STORE_get0_param(store.get());
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_PARTIAL_CHAIN);
    if (producedAt.isValid())
        X509_VERIFY_PARAM_set_time(param, time_t(producedAt.toSecsSinceEpoch()));
    // Responder certificates may come from the validation data (a DSS keeps them apart from the response).
    X509StackPtr extra = x509Stack(data.certificates);
    if (OCSP_basic_verify(bs.get(), extra.get(), store.get(), 0) != 1) {
        opensslErrors();
        f.problem = tr("The revocation answer (OCSP) is not signed by the certificate's issuer or its responder.");
        return f;
    }
    int status = -1, reason = -1;
    ASN1_GENERALIZEDTIME *revTime = nullptr, *thisUpd = nullptr, *nextUpd = nullptr;
    status = OCSP_single_get0_status(OCSP_resp_get0(bs.get(), index), &reason, &revTime, &thisUpd, &nextUpd);
    const QDateTime thisUpdate = fromAsn1Time(thisUpd);
    const QDateTime nextUpdate = nextUpd ? fromAsn1Time(nextUpd) : QDateTime();
    f.producedAt = producedAt.isValid() ? producedAt : thisUpdate;
    if (status == V_OCSP_CERTSTATUS_REVOKED) {
        f.revokedAt = fromAsn1Time(revTime);
        if (!f.revokedAt.isValid()) {
            f.problem = tr("The revocation answer (OCSP) cannot be read.");
            return f;
        }
        f.usable = true;
        f.revoked = f.revokedAt <= at;
        return f;
    }
    if (status != V_OCSP_CERTSTATUS_GOOD) {
        f.problem = tr("The certificate authority's responder does not know this certificate.");
        return f;
    }
    if (!covers(thisUpdate, nextUpdate, at)) {
        f.problem = tr("The revocation answer (OCSP) is older than the signing time, so it cannot show the "
                       "certificate was still valid then.");
        return f;
    }
    f.usable = true;
    return f;
}

Finding fromCrl(const QByteArray& der, X509* cert, X509* issuer, const QDateTime& at)
{
    Finding f;
    auto p = reinterpret_cast<const unsigned char*>(der.constData());
    CrlPtr crl(d2i_X509_CRL(nullptr, &p, der.size()));
    if (!crl || X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_issuer_name(cert)) != 0)
        return f; // another authority's list
    EVP_PKEY* key = X509_get0_pubkey(issuer);
    if (!key || X509_CRL_verify(crl.get(), key) != 1) {
        opensslErrors();
        f.problem = tr("The revocation list (CRL) is not signed by the certificate's issuer.");
        return f;
    }
    const QDateTime thisUpdate = fromAsn1Time(X509_CRL_get0_lastUpdate(crl.get()));
    const ASN1_TIME* next = X509_CRL_get0_nextUpdate(crl.get());
    const QDateTime nextUpdate = next ? fromAsn1Time(next) : QDateTime();
    f.producedAt = thisUpdate;
    X509_REVOKED* entry = nullptr;
    if (X509_CRL_get0_by_serial(crl.get(), &entry, X509_get0_serialNumber(cert)) == 1 && entry) {
        f.revokedAt = fromAsn1Time(X509_REVOKED_get0_revocationDate(entry));
        if (!f.revokedAt.isValid()) {
            f.problem = tr("The revocation list (CRL) cannot be read.");
            return f;
        }
        f.usable = true;
        f.revoked = f.revokedAt <= at;
        return f;
    }
    if (!covers(thisUpdate, nextUpdate, at)) {
        f.problem = tr("The revocation list (CRL) is older than the signing time, so it cannot show the "
                       "certificate was still valid then.");
        return f;
    }
    f.usable = true;
    return f;
}

} // namespace

RevocationStatus checkRevocation(const QByteArray& certificateDer, const QByteArray& issuerDer,
                                 const ValidationData& data, const QDateTime& atTime)
{
    RevocationStatus out;
    X509Ptr cert = x509FromDer(certificateDer);
    X509Ptr issuer = x509FromDer(issuerDer);
    if (!cert || !issuer || !atTime.isValid()) {
        out.problem = tr("The certificate or its issuer cannot be read, so its revocation cannot be checked.");
        return out;
    }
    const QDateTime at = atTime.toUTC();
    bool good = false;
    auto consider = [&](const Finding& f, const char* source) {
        if (!f.usable) {
            if (out.problem.isEmpty())
                out.problem = f.problem;
            return false;
        }
        if (f.revoked) {
            // Any authentic statement of a revocation at or before the time asked decides.
            out.state = RevocationStatus::State::Revoked;
            out.revokedAt = f.revokedAt;
            out.producedAt = f.producedAt;
            out.source = QString::fromLatin1(source);
            return true;
        }
        if (!good) {
            good = true;
            out.producedAt = f.producedAt;
            out.source = QString::fromLatin1(source);
        }
        return false;
    };
    for (const auto& response : data.ocspResponses)
        if (consider(fromOcsp(response, cert.get(), issuer.get(), data, at), "OCSP"))
            return out;
    for (const auto& crl : data.crls)
        if (consider(fromCrl(crl, cert.get(), issuer.get(), at), "CRL"))
            return out;
    if (good) {
        out.state = RevocationStatus::State::Good;
        out.problem.clear();
    } else if (out.problem.isEmpty()) {
        out.problem = tr("No revocation answer (OCSP) or list (CRL) for this certificate is embedded.");
    }
    return out;
}

void ValidationData::merge(const ValidationData& other)
{
    for (const auto& [from, to] : {std::pair {&other.certificates, &certificates},
                                   std::pair {&other.ocspResponses, &ocspResponses}, std::pair {&other.crls, &crls}})
        for (const QByteArray& item : *from)
            if (!to->contains(item))
                to->append(item);
}

} // namespace hocba::signing

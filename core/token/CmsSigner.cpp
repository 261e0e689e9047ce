// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/CmsSigner.h"

#include "verify/OpenSsl.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <openssl/cms.h>
#include <openssl/err.h>

#include <algorithm>

namespace hocba::signing {

using namespace detail;

namespace {

/** DER SET OF: elements sorted by their encodings (X.690 §11.6), as OpenSSL re-encodes them when serialising. */
QByteArray derSet(QList<QByteArray> elements)
{
    std::sort(elements.begin(), elements.end());
    return derTlv(0x31, elements.join());
}

Error buildFailed(const QString& detail)
{
    return Error {ErrorCode::Internal, QCoreApplication::translate("Signing", "The signature could not be built."),
                  detail};
}

} // namespace

/*
 * CMS_final/CMS_SignerInfo_sign always add signingTime, which PAdES baseline forbids (the time is /M), so the
 * SignedAttributes are built here and the Signer (token) signs their DER encoding (SIGNING.md §3b).
 */
Result<QByteArray> signDetachedCms(const QByteArray& contentSha256, Signer& signer, qint64* keyNs,
                                   Timestamper* timestamper, qint64* tsaNs)
{
    auto cert = x509FromDer(signer.certificate());
    if (!cert)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The signer's certificate cannot be read."),
                    opensslErrors());
    X509StackPtr extra = x509Stack(signer.chain());
    const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    CmsPtr cms(CMS_sign(nullptr, nullptr, extra.get(), nullptr, flags));
    // CMS_add1_signer insists on a key matching the certificate; the public key satisfies that check and the
    // private key (on the token) is never needed here because CMS_PARTIAL defers signing.
    EVP_PKEY* pub = X509_get0_pubkey(cert.get());
    CMS_SignerInfo* si = cms ? CMS_add1_signer(cms.get(), cert.get(), pub, EVP_sha256(), flags | CMS_CADES) : nullptr;
    if (!si)
        return std::unexpected(buildFailed(opensslErrors()));
    if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data), -1) != 1
        || CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, contentSha256.constData(),
                                       int(contentSha256.size()))
            != 1)
        return std::unexpected(buildFailed(opensslErrors()));
    QList<QByteArray> attrs;
    for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
        unsigned char* der = nullptr;
        const int len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
        if (len <= 0)
            return std::unexpected(buildFailed(opensslErrors()));
        attrs << QByteArray(reinterpret_cast<const char*>(der), len);
        OPENSSL_free(der);
    }
    QElapsedTimer keyTimer;
    keyTimer.start();
    auto value = signer.signSha256(derSet(attrs));
    if (keyNs)
        *keyNs += keyTimer.nsecsElapsed();
    if (!value)
        return std::unexpected(value.error());
    ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), value->constData(), int(value->size()));
    if (timestamper) {
        QElapsedTimer tsaTimer;
        tsaTimer.start();
        auto token = timestamper->timestamp(sha256(*value));
        if (tsaNs)
            *tsaNs += tsaTimer.nsecsElapsed();
        if (!token)
            return std::unexpected(token.error());
        // The token is a ContentInfo (a SEQUENCE): V_ASN1_SEQUENCE takes its whole DER encoding as the value.
        if (CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, token->constData(),
                                          int(token->size()))
            != 1)
            return std::unexpected(buildFailed(opensslErrors()));
    }
    unsigned char* out = nullptr;
    const int len = i2d_CMS_ContentInfo(cms.get(), &out);
    if (len <= 0)
        return std::unexpected(buildFailed(opensslErrors()));
    QByteArray der(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    return der;
}

} // namespace hocba::signing

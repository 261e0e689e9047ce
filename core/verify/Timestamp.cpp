// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/Timestamp.h"

#include "verify/OpenSsl.h"

#include <QCoreApplication>

#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include <openssl/x509v3.h>

namespace hocba::signing {

using namespace detail;

namespace {

using TsReqPtr = std::unique_ptr<TS_REQ, Free<TS_REQ_free>>;
using TsRespPtr = std::unique_ptr<TS_RESP, Free<TS_RESP_free>>;
using TstInfoPtr = std::unique_ptr<TS_TST_INFO, Free<TS_TST_INFO_free>>;
using Pkcs7Ptr = std::unique_ptr<PKCS7, Free<PKCS7_free>>;
using VerifyCtxPtr = std::unique_ptr<TS_VERIFY_CTX, Free<TS_VERIFY_CTX_free>>;
using ImprintPtr = std::unique_ptr<TS_MSG_IMPRINT, Free<TS_MSG_IMPRINT_free>>;
using AlgorPtr = std::unique_ptr<X509_ALGOR, Free<X509_ALGOR_free>>;
using IntegerPtr = std::unique_ptr<ASN1_INTEGER, Free<ASN1_INTEGER_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Free<BN_free>>;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Timestamp)
};

Error invalidToken(const QString& message, const QString& detail)
{
    return Error {ErrorCode::CertificateInvalid, message, detail};
}

QByteArray integerBytes(const ASN1_INTEGER* value)
{
    if (!value)
        return {};
    BignumPtr bn(ASN1_INTEGER_to_BN(value, nullptr));
    if (!bn)
        return {};
    QByteArray out(BN_num_bytes(bn.get()), '\0');
    BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

/** True when the imprint is SHA-256 and its digest equals `sha256`. */
bool imprintMatches(TS_MSG_IMPRINT* imprint, const QByteArray& sha256)
{
    if (!imprint)
        return false;
    const X509_ALGOR* algo = TS_MSG_IMPRINT_get_algo(imprint);
    const ASN1_OBJECT* oid = nullptr;
    X509_ALGOR_get0(&oid, nullptr, nullptr, algo);
    const ASN1_OCTET_STRING* digest = TS_MSG_IMPRINT_get_msg(imprint);
    return oid && OBJ_obj2nid(oid) == NID_sha256 && digest
        && QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(digest)), ASN1_STRING_length(digest))
        == sha256;
}

QByteArray pkcs7Der(PKCS7* p7)
{
    unsigned char* out = nullptr;
    const int len = i2d_PKCS7(p7, &out);
    if (len <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    return der;
}

/** The TSA certificate of a token: the SignerInfo's issuer and serial looked up among the token's and the extra
 *  certificates. */
X509* tokenSigner(PKCS7* token, STACK_OF(X509) * extra)
{
    STACK_OF(PKCS7_SIGNER_INFO)* infos = PKCS7_get_signer_info(token);
    if (!infos || sk_PKCS7_SIGNER_INFO_num(infos) != 1)
        return nullptr;
    PKCS7_ISSUER_AND_SERIAL* ias = sk_PKCS7_SIGNER_INFO_value(infos, 0)->issuer_and_serial;
    if (!ias)
        return nullptr;
    for (STACK_OF(X509) * certs : {token->d.sign ? token->d.sign->cert : nullptr, extra}) {
        if (!certs)
            continue;
        if (X509* c = X509_find_by_issuer_and_serial(certs, ias->issuer, ias->serial))
            return c;
    }
    return nullptr;
}

/** The TSA's certificate (`tsa`, may be null) first, then the other certificates the token carries. */
QList<QByteArray> certificatesOf(PKCS7* token, X509* tsa)
{
    QList<QByteArray> out;
    if (tsa)
        out << x509ToDer(tsa);
    STACK_OF(X509)* certs = token->d.sign ? token->d.sign->cert : nullptr;
    for (int i = 0; certs && i < sk_X509_num(certs); ++i)
        if (const QByteArray der = x509ToDer(sk_X509_value(certs, i)); !der.isEmpty() && !out.contains(der))
            out << der;
    return out;
}

} // namespace

QList<QByteArray> timestampTokenCertificates(const QByteArray& tokenDer)
{
    auto p = reinterpret_cast<const unsigned char*>(tokenDer.constData());
    Pkcs7Ptr token(d2i_PKCS7(nullptr, &p, tokenDer.size()));
    ERR_clear_error();
    if (!token || !PKCS7_type_is_signed(token.get()))
        return {};
    return certificatesOf(token.get(), tokenSigner(token.get(), nullptr));
}

Result<TimestampRequest> makeTimestampRequest(const QByteArray& sha256)
{
    if (sha256.size() != 32)
        return fail(ErrorCode::Internal, Text::tr("The time-stamp request could not be built."),
                    QStringLiteral("digest is not SHA-256"));
    TsReqPtr req(TS_REQ_new());
    ImprintPtr imprint(TS_MSG_IMPRINT_new());
    AlgorPtr algo(X509_ALGOR_new());
    unsigned char nonceBytes[8];
    if (!req || !imprint || !algo || RAND_bytes(nonceBytes, sizeof nonceBytes) != 1)
        return fail(ErrorCode::Internal, Text::tr("The time-stamp request could not be built."), opensslErrors());
    nonceBytes[0] &= 0x7f; // a positive nonce
    nonceBytes[0] |= 0x01; // with no leading zero byte, so the reply's bytes compare equal
    BignumPtr bn(BN_bin2bn(nonceBytes, sizeof nonceBytes, nullptr));
    IntegerPtr nonce(bn ? BN_to_ASN1_INTEGER(bn.get(), nullptr) : nullptr);
    X509_ALGOR_set0(algo.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr);
    if (!nonce || TS_REQ_set_version(req.get(), 1) != 1 || TS_MSG_IMPRINT_set_algo(imprint.get(), algo.get()) != 1
        || TS_MSG_IMPRINT_set_msg(imprint.get(), reinterpret_cast<unsigned char*>(const_cast<char*>(sha256.data())),
                                  int(sha256.size()))
            != 1
        || TS_REQ_set_msg_imprint(req.get(), imprint.get()) != 1 || TS_REQ_set_nonce(req.get(), nonce.get()) != 1
        || TS_REQ_set_cert_req(req.get(), 1) != 1)
        return fail(ErrorCode::Internal, Text::tr("The time-stamp request could not be built."), opensslErrors());
    unsigned char* out = nullptr;
    const int len = i2d_TS_REQ(req.get(), &out);
    if (len <= 0)
        return fail(ErrorCode::Internal, Text::tr("The time-stamp request could not be built."), opensslErrors());
    TimestampRequest request;
    request.der = QByteArray(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    request.nonce = integerBytes(nonce.get());
    return request;
}

Result<QByteArray> tokenFromTimestampResponse(const QByteArray& responseDer, const TimestampRequest& request,
                                              const QByteArray& sha256)
{
    const QString unusable = Text::tr("The time-stamping server sent an answer that cannot be used.");
    auto p = reinterpret_cast<const unsigned char*>(responseDer.constData());
    TsRespPtr resp(d2i_TS_RESP(nullptr, &p, responseDer.size()));
    if (!resp)
        return fail(ErrorCode::Network, unusable, QStringLiteral("not a TimeStampResp: ") + opensslErrors());
    TS_STATUS_INFO* status = TS_RESP_get_status_info(resp.get());
    const long code = status ? ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(status)) : -1;
    if (code != TS_STATUS_GRANTED && code != TS_STATUS_GRANTED_WITH_MODS)
        return fail(ErrorCode::Network, Text::tr("The time-stamping server refused to give a time-stamp."),
                    QStringLiteral("PKIStatus %1").arg(code));
    PKCS7* token = TS_RESP_get_token(resp.get());
    TS_TST_INFO* info = TS_RESP_get_tst_info(resp.get());
    if (!token || !info)
        return fail(ErrorCode::Network, unusable, QStringLiteral("granted without a token"));
    if (!imprintMatches(TS_TST_INFO_get_msg_imprint(info), sha256))
        return fail(ErrorCode::Network, unusable, QStringLiteral("the token's message imprint is not the request's"));
    if (integerBytes(TS_TST_INFO_get_nonce(info)) != request.nonce)
        return fail(ErrorCode::Network, unusable, QStringLiteral("the token's nonce is not the request's"));
    QByteArray der = pkcs7Der(token);
    if (der.isEmpty())
        return fail(ErrorCode::Network, unusable, opensslErrors());
    return der;
}

Result<TimestampInfo> verifyTimestampToken(const QByteArray& tokenDer, const QByteArray& sha256,
                                           const QList<QByteArray>& trustAnchorsDer,
                                           const QList<QByteArray>& extraCertificatesDer)
{
    ERR_clear_error();
    auto p = reinterpret_cast<const unsigned char*>(tokenDer.constData());
    Pkcs7Ptr token(d2i_PKCS7(nullptr, &p, tokenDer.size()));
    if (!token || p != reinterpret_cast<const unsigned char*>(tokenDer.constData()) + tokenDer.size()
        || !PKCS7_type_is_signed(token.get()))
        return std::unexpected(invalidToken(Text::tr("The signature's time-stamp cannot be read."), opensslErrors()));
    TstInfoPtr info(PKCS7_to_TS_TST_INFO(token.get()));
    if (!info)
        return std::unexpected(invalidToken(Text::tr("The signature's time-stamp cannot be read."), opensslErrors()));
    if (!imprintMatches(TS_TST_INFO_get_msg_imprint(info.get()), sha256))
        return std::unexpected(invalidToken(Text::tr("The signature's time-stamp was made for another signature."),
                                            QStringLiteral("message imprint mismatch")));
    const QDateTime genTime = fromAsn1Time(TS_TST_INFO_get_time(info.get()));
    if (!genTime.isValid())
        return std::unexpected(
            invalidToken(Text::tr("The signature's time-stamp cannot be read."), QStringLiteral("bad genTime")));

    X509StackPtr extra = x509Stack(extraCertificatesDer);
    X509* tsa = tokenSigner(token.get(), extra.get());
    if (!tsa)
        return std::unexpected(invalidToken(Text::tr("The signature's time-stamp does not carry the certificate of the "
                                                     "time-stamping authority that issued it."),
                                            QStringLiteral("TSA certificate not found")));
    // RFC 3161 §2.3: the TSA certificate has exactly one, critical, extended key usage: timeStamping.
    const int ekuIndex = X509_get_ext_by_NID(tsa, NID_ext_key_usage, -1);
    if (ekuIndex < 0 || !X509_EXTENSION_get_critical(X509_get_ext(tsa, ekuIndex))
        || (X509_get_extension_flags(tsa) & EXFLAG_XKUSAGE) == 0 || X509_get_extended_key_usage(tsa) != XKU_TIMESTAMP)
        return std::unexpected(invalidToken(Text::tr("The certificate that issued the signature's time-stamp is not a "
                                                     "time-stamping certificate."),
                                            QStringLiteral("no critical extendedKeyUsage timeStamping")));

    // The store judges the chain at the token's own time (a TSA certificate may have expired since).
    // Not trustStore(): its purpose "any" would override the timeStamping purpose TS_RESP_verify_token asks for.
    StorePtr store(X509_STORE_new());
    for (const auto& d : trustAnchorsDer)
        if (auto c = x509FromDer(d))
            X509_STORE_add_cert(store.get(), c.get());
    X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store.get()), time_t(genTime.toSecsSinceEpoch()));
    VerifyCtxPtr ctx(TS_VERIFY_CTX_new());
    if (!ctx || !store)
        return fail(ErrorCode::Internal, Text::tr("The signature's time-stamp could not be checked."), opensslErrors());
    TS_VERIFY_CTX_set_flags(ctx.get(), TS_VFY_SIGNATURE);
    TS_VERIFY_CTX_set_store(ctx.get(), store.release()); // the context owns it from here
    if (sk_X509_num(extra.get()) > 0)
        TS_VERIFY_CTX_set_certs(ctx.get(), extra.release());
    if (TS_RESP_verify_token(ctx.get(), token.get()) != 1) {
        const QString detail = opensslErrors();
        // A chain that does not end at an anchor is "untrusted"; anything else is a forged or broken signature.
        const bool untrusted = detail.contains(QStringLiteral("certificate verify error"));
        return std::unexpected(invalidToken(
            untrusted
                ? Text::tr("The signature's time-stamp was issued by a time-stamping authority that is not trusted.")
                : Text::tr("The signature's time-stamp is not genuine: its signature does not match the "
                           "time-stamping authority's certificate."),
            detail));
    }
    TimestampInfo result;
    result.genTime = genTime;
    result.tsaCertificate = certificateInfo(tsa);
    if (const ASN1_OBJECT* policy = TS_TST_INFO_get_policy_id(info.get())) {
        char buf[128];
        OBJ_obj2txt(buf, sizeof buf, policy, 1);
        result.policyOid = QString::fromLatin1(buf);
    }
    result.tokenDer = tokenDer;
    result.certificates = certificatesOf(token.get(), tsa);
    return result;
}

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/OpenSsl.h"

#include "util/Digest.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/x509v3.h>

namespace hocba::signing::detail {

QString opensslErrors()
{
    QStringList parts;
    char buf[256];
    while (unsigned long e = ERR_get_error()) {
        ERR_error_string_n(e, buf, sizeof buf);
        parts << QString::fromLatin1(buf);
    }
    return parts.join(QStringLiteral("; "));
}

namespace {

/** Parsed certificates by DER; freed at exit so leak checkers see every reference returned. */
struct CertificateCache
{
    static constexpr qsizetype kMaxCached = 64;
    QMutex mutex;
    QHash<QByteArray, X509*> byDer;

    ~CertificateCache() { clear(); }
    void clear()
    {
        for (X509* c : std::as_const(byDer))
            X509_free(c);
        byDer.clear();
    }
};

} // namespace

X509Ptr x509FromDer(const QByteArray& der)
{
    // Decoding a certificate costs OpenSSL 3 about 0.1 ms (the key goes through the provider decoders), and a batch
    // decodes the same signer's certificate and chain several times per record. Parsed certificates are immutable
    // and reference-counted, so a small shared cache hands out extra references instead.
    static CertificateCache cache;
    {
        QMutexLocker lock(&cache.mutex);
        if (X509* hit = cache.byDer.value(der)) {
            X509_up_ref(hit);
            return X509Ptr(hit);
        }
    }
    auto p = reinterpret_cast<const unsigned char*>(der.constData());
    X509Ptr cert(d2i_X509(nullptr, &p, der.size()));
    // Only an exact encoding is shared: with trailing bytes, two different inputs would map to one certificate.
    if (!cert || p != reinterpret_cast<const unsigned char*>(der.constData()) + der.size())
        return cert;
    QMutexLocker lock(&cache.mutex);
    if (cache.byDer.size() >= CertificateCache::kMaxCached)
        cache.clear();
    if (!cache.byDer.contains(der)) {
        X509_up_ref(cert.get());
        cache.byDer.insert(der, cert.get());
    }
    return cert;
}

QByteArray x509ToDer(const X509* cert)
{
    unsigned char* out = nullptr;
    int len = i2d_X509(cert, &out);
    if (len <= 0)
        return {};
    QByteArray der(reinterpret_cast<const char*>(out), len);
    OPENSSL_free(out);
    return der;
}

X509StackPtr x509Stack(const QList<QByteArray>& ders)
{
    X509StackPtr stack(sk_X509_new_null());
    for (const auto& d : ders)
        if (auto c = x509FromDer(d))
            sk_X509_push(stack.get(), c.release());
    return stack;
}

QByteArray sha256(const QByteArray& data)
{
    return digest::sha256(data);
}

static QString nameToString(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    // RFC 2253 but keep UTF-8 as is (the default escapes every byte above 0x7f, mangling Vietnamese names).
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, len);
}

QDateTime fromAsn1Time(const ASN1_TIME* t)
{
    struct tm tm
    { };
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     Qt::UTC);
}

SignerCertificate certificateInfo(const X509* cert)
{
    SignerCertificate info;
    if (!cert)
        return info;
    const X509_NAME* subject = X509_get_subject_name(cert);
    info.subject = nameToString(subject);
    info.issuer = nameToString(X509_get_issuer_name(cert));
    int idx = X509_NAME_get_index_by_NID(subject, NID_commonName, -1);
    if (idx >= 0) {
        unsigned char* utf8 = nullptr;
        int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, idx)));
        if (len >= 0) {
            info.commonName = QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
            OPENSSL_free(utf8);
        }
    }
    if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)) {
        char* hex = BN_bn2hex(bn);
        info.serialHex = QString::fromLatin1(hex);
        OPENSSL_free(hex);
        BN_free(bn);
    }
    info.notBefore = fromAsn1Time(X509_get0_notBefore(cert));
    info.notAfter = fromAsn1Time(X509_get0_notAfter(cert));
    info.der = x509ToDer(cert);
    return info;
}

StorePtr trustStore(const QList<QByteArray>& anchorsDer)
{
    StorePtr store(X509_STORE_new());
    for (const auto& d : anchorsDer)
        if (auto c = x509FromDer(d))
            X509_STORE_add_cert(store.get(), c.get());
    X509_STORE_set_purpose(store.get(), X509_PURPOSE_ANY);
    return store;
}

QString verifyChain(X509_STORE* store, X509* cert, STACK_OF(X509) * untrusted, const QDateTime& at)
{
    std::unique_ptr<X509_STORE_CTX, Free<X509_STORE_CTX_free>> ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store, cert, untrusted) != 1)
        return QStringLiteral("X509_STORE_CTX_init failed");
    if (at.isValid())
        X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), time_t(at.toSecsSinceEpoch()));
    if (X509_verify_cert(ctx.get()) == 1)
        return {};
    return QString::fromLatin1(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
}

bool hasNonRepudiation(X509* cert)
{
    // X509_get_key_usage reports "all bits" when the extension is absent, hence the extension flag first.
    return cert && (X509_get_extension_flags(cert) & EXFLAG_KUSAGE) != 0
        && (X509_get_key_usage(cert) & KU_NON_REPUDIATION) != 0;
}

QByteArray derTlv(unsigned char tag, const QByteArray& content)
{
    QByteArray out(1, char(tag));
    const qsizetype n = content.size();
    if (n < 0x80) {
        out.append(char(n));
    } else {
        QByteArray len;
        for (qsizetype v = n; v > 0; v >>= 8)
            len.prepend(char(v & 0xff));
        out.append(char(0x80 | len.size()));
        out.append(len);
    }
    return out + content;
}

QByteArray issuerSerialDer(const X509* cert)
{
    if (!cert)
        return {};
    // GeneralNames ::= SEQUENCE OF GeneralName; directoryName [4] is EXPLICIT (a CHOICE), so it wraps the Name.
    unsigned char* buf = nullptr;
    const int nameLen = i2d_X509_NAME(X509_get_issuer_name(cert), &buf);
    if (nameLen <= 0)
        return {};
    const QByteArray name(reinterpret_cast<const char*>(buf), nameLen);
    OPENSSL_free(buf);
    buf = nullptr;
    const int serialLen = i2d_ASN1_INTEGER(X509_get0_serialNumber(cert), &buf);
    if (serialLen <= 0)
        return {};
    const QByteArray serial(reinterpret_cast<const char*>(buf), serialLen);
    OPENSSL_free(buf);
    const QByteArray generalNames = derTlv(0x30, derTlv(0xa4, name));
    return derTlv(0x30, generalNames + serial);
}

bool signingCertificateV2Matches(CMS_SignerInfo* si, X509* signerCert)
{
    const int idx = CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1);
    if (idx < 0)
        return false;
    ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, idx), 0);
    if (!t || t->type != V_ASN1_SEQUENCE)
        return false;
    auto p = static_cast<const unsigned char*>(t->value.sequence->data);
    std::unique_ptr<ESS_SIGNING_CERT_V2, Free<ESS_SIGNING_CERT_V2_free>> ess(
        d2i_ESS_SIGNING_CERT_V2(nullptr, &p, t->value.sequence->length));
    X509StackPtr chain(sk_X509_new_null());
    X509_up_ref(signerCert);
    sk_X509_push(chain.get(), signerCert);
    return ess && OSSL_ESS_check_signing_certs(nullptr, ess.get(), chain.get(), 1) > 0;
}

bool cmsIntegrityVerifies(CMS_ContentInfo* cms, const QByteArray& content)
{
    BioPtr data(BIO_new(BIO_f_buffer()));
    BIO* source = BIO_new_mem_buf(content.constData(), int(content.size()));
    if (!data || !source) {
        BIO_free(source);
        return false;
    }
    BIO_push(data.get(), source);
    const bool verified
        = CMS_verify(cms, nullptr, nullptr, data.get(), nullptr, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
    ERR_clear_error();
    return verified;
}

namespace {

/** What the embedded data says about every certificate of one chain below its trust anchor, at one time. */
struct ChainRevocation
{
    bool built = false; ///< the chain reaches an anchor at that time
    bool namesService = false; ///< some certificate below the anchor names an OCSP responder or a CRL
    bool allKnown = false;
    QString unknownReason;
    bool revoked = false;
    QDateTime revokedAt;
    int revokedIndex = -1; ///< 0: the leaf, 1: its issuer, …
    QString revokedName; ///< CN of the revoked certificate
};

/** `purpose`: X509_PURPOSE_* the leaf must serve (0: whatever the store says). */
ChainRevocation walkChain(X509_STORE* anchors, X509* leaf, STACK_OF(X509) * untrusted, const ValidationData& data,
                          const QDateTime& at, int purpose = 0)
{
    ChainRevocation out;
    std::unique_ptr<X509_STORE_CTX, Free<X509_STORE_CTX_free>> ctx(X509_STORE_CTX_new());
    if (!at.isValid() || !ctx || X509_STORE_CTX_init(ctx.get(), anchors, leaf, untrusted) != 1)
        return out;
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), time_t(at.toSecsSinceEpoch()));
    if (purpose != 0 && X509_STORE_CTX_set_purpose(ctx.get(), purpose) != 1)
        return out;
    if (X509_verify_cert(ctx.get()) != 1)
        return out;
    out.built = true;
    X509StackPtr chain(X509_STORE_CTX_get1_chain(ctx.get()));
    const int n = chain ? sk_X509_num(chain.get()) : 0;
    out.allKnown = n >= 2;
    for (int i = 0; i + 1 < n; ++i) {
        X509* cert = sk_X509_value(chain.get(), i);
        out.namesService = out.namesService || namesRevocationService(cert);
        const RevocationStatus status
            = checkRevocation(x509ToDer(cert), x509ToDer(sk_X509_value(chain.get(), i + 1)), data, at);
        if (status.state == RevocationStatus::State::Revoked) {
            if (!out.revoked || status.revokedAt < out.revokedAt) {
                out.revokedAt = status.revokedAt;
                out.revokedIndex = i;
                out.revokedName = certificateInfo(cert).commonName;
            }
            out.revoked = true;
        } else if (status.state == RevocationStatus::State::Unknown) {
            out.allKnown = false;
            if (out.unknownReason.isEmpty())
                out.unknownReason = status.problem;
        }
    }
    return out;
}

/**
 * The time-stamping authority's chain at the time it stamped. A TSA certificate revoked by then makes the time-stamp
 * untrustworthy, so the signature fails as with any invalid time-stamp. A TSA whose chain names no revocation service
 * cannot be checked by anyone and does not hold the signature back from LT; one that names a service must be covered.
 */
bool judgeTimestampRevocation(X509_STORE* anchors, STACK_OF(X509) * untrusted, const ValidationData& data,
                              SignatureCheck& check, QString& unknownReason)
{
    if (!check.trustedTime || check.timestampCertificates.isEmpty())
        return true;
    X509Ptr tsa = x509FromDer(check.timestampCertificates.first());
    if (!tsa)
        return false;
    X509StackPtr pool = x509Stack(check.timestampCertificates);
    for (int i = 0; untrusted && i < sk_X509_num(untrusted); ++i)
        if (X509* c = sk_X509_value(untrusted, i); X509_up_ref(c) == 1)
            sk_X509_push(pool.get(), c);
    const ChainRevocation r
        = walkChain(anchors, tsa.get(), pool.get(), data, *check.trustedTime, X509_PURPOSE_TIMESTAMP_SIGN);
    if (r.revoked) {
        check.timestampOk = false;
        check.problems << QCoreApplication::translate(
                              "Signing",
                              "The certificate of the time-stamping authority \"%1\" was revoked on %2, before it "
                              "issued the signature's time-stamp (%3): the signing time cannot be trusted.")
                              .arg(r.revokedName, text::shownDateTime(r.revokedAt),
                                   text::shownDateTime(*check.trustedTime));
        return false;
    }
    if (!r.built || !r.namesService)
        return r.built;
    if (!r.allKnown)
        unknownReason = QCoreApplication::translate("Signing", "time-stamping authority: %1").arg(r.unknownReason);
    return r.allKnown;
}

} // namespace

bool namesRevocationService(X509* cert)
{
    if (STACK_OF(OPENSSL_STRING)* ocsp = X509_get1_ocsp(cert)) {
        const bool any = sk_OPENSSL_STRING_num(ocsp) > 0;
        X509_email_free(ocsp);
        if (any)
            return true;
    }
    return X509_get_ext_by_NID(cert, NID_crl_distribution_points, -1) >= 0;
}

void judgeRevocation(X509_STORE* anchors, X509* signerCert, STACK_OF(X509) * untrusted, const ValidationData& data,
                     SignatureCheck& check)
{
    const QDateTime at = check.judgedTime();
    const ChainRevocation signer = walkChain(anchors, signerCert, untrusted, data, at);
    if (!signer.built)
        return;
    if (signer.revoked) {
        check.revoked = true;
        if (!check.revokedAt.isValid() || signer.revokedAt < check.revokedAt)
            check.revokedAt = signer.revokedAt;
        check.problems
            << (signer.revokedIndex == 0
                    ? QCoreApplication::translate("Signing",
                                                  "The signer's certificate was revoked on %1, before the record was "
                                                  "signed (%2): the signature is not valid.")
                          .arg(text::shownDateTime(signer.revokedAt), text::shownDateTime(at))
                    : QCoreApplication::translate(
                          "Signing",
                          "The certificate of the authority \"%1\" that issued the signer's "
                          "certificate was revoked on %2, before the record was signed (%3): the "
                          "signature is not valid.")
                          .arg(signer.revokedName, text::shownDateTime(signer.revokedAt), text::shownDateTime(at)));
    }
    QString unknownReason = signer.unknownReason;
    const bool tsaKnown = judgeTimestampRevocation(anchors, untrusted, data, check, unknownReason);
    check.revocationChecked = (signer.allKnown && tsaKnown) || check.revoked;
    if (check.revoked)
        check.revocationNote = QCoreApplication::translate("Signing", "revoked (see below)");
    else if (check.revocationChecked)
        check.revocationNote
            = QCoreApplication::translate("Signing", "not revoked at %1 (checked with the data embedded in the file)")
                  .arg(text::shownDateTime(at));
    else
        check.revocationNote = QCoreApplication::translate("Signing", "could not be checked: %1").arg(unknownReason);
    if (check.revocationChecked && !check.revoked && check.trustedTime && check.timestampOk
        && check.level == BaselineLevel::T)
        check.level = BaselineLevel::LT;
}

} // namespace hocba::signing::detail

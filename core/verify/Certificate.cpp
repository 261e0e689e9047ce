// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/Certificate.h"

#include "util/Digest.h"
#include "verify/OpenSsl.h"

#include <QCoreApplication>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::Certificate)
};

QString entry(const X509_NAME* name, int nid)
{
    const int idx = X509_NAME_get_index_by_NID(name, nid, -1);
    if (idx < 0)
        return {};
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
    unsigned char* utf8 = nullptr;
    // ASN1_STRING_to_UTF8 converts BMPString/UTF8String/PrintableString alike: CA certificates for Vietnam use
    // UTF8String, older ones BMPString.
    const int len = ASN1_STRING_to_UTF8(&utf8, data);
    if (len < 0)
        return {};
    QString s = QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
    OPENSSL_free(utf8);
    return s;
}

QString oneLine(const X509_NAME* name)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    // RFC 2253 order with UTF-8 kept as is (not the default \\XX escapes).
    X509_NAME_print_ex(bio.get(), name, 0, (XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, qsizetype(len));
}

} // namespace

Result<CertificateInfo> CertificateInfo::fromDer(const QByteArray& der)
{
    const detail::X509Ptr x = detail::x509FromDer(der);
    if (!x)
        return fail(ErrorCode::InvalidInput, Text::tr("The file is not a valid digital certificate."),
                    QStringLiteral("d2i_X509 failed"));
    CertificateInfo c;
    c.der = der;
    const X509_NAME* subject = X509_get_subject_name(x.get());
    const X509_NAME* issuer = X509_get_issuer_name(x.get());
    c.holder = entry(subject, NID_commonName);
    c.organization = entry(subject, NID_organizationName);
    c.subject = oneLine(subject);
    c.issuer = entry(issuer, NID_commonName);
    if (c.issuer.isEmpty())
        c.issuer = oneLine(issuer);
    if (BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(x.get()), nullptr)) {
        char* hex = BN_bn2hex(bn);
        c.serialHex = QString::fromLatin1(hex);
        OPENSSL_free(hex);
        BN_free(bn);
    }
    c.notBefore = detail::fromAsn1Time(X509_get0_notBefore(x.get()));
    c.notAfter = detail::fromAsn1Time(X509_get0_notAfter(x.get()));
    const uint32_t ku = X509_get_key_usage(x.get()); // also computes the extension cache
    c.keyUsage.present = (X509_get_extension_flags(x.get()) & EXFLAG_KUSAGE) != 0;
    c.keyUsage.digitalSignature = c.keyUsage.present && (ku & KU_DIGITAL_SIGNATURE);
    c.keyUsage.nonRepudiation = c.keyUsage.present && (ku & KU_NON_REPUDIATION);
    c.keyUsage.keyEncipherment = c.keyUsage.present && (ku & KU_KEY_ENCIPHERMENT);
    if (EVP_PKEY* key = X509_get0_pubkey(x.get())) {
        c.keyType = EVP_PKEY_get_base_id(key) == EVP_PKEY_EC ? KeyType::Ec : KeyType::Rsa;
        c.keyBits = EVP_PKEY_get_bits(key);
    }
    c.sha256 = QString::fromLatin1(digest::sha256(der).toHex());
    return c;
}

Result<CertificateInfo> CertificateInfo::fromPemOrDer(const QByteArray& bytes)
{
    if (!bytes.contains("-----BEGIN"))
        return fromDer(bytes);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())), BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> x(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
    if (!x)
        return fail(ErrorCode::InvalidInput, Text::tr("The file is not a valid digital certificate."),
                    QStringLiteral("PEM_read_bio_X509 failed"));
    unsigned char* buf = nullptr;
    const int len = i2d_X509(x.get(), &buf);
    if (len <= 0)
        return fail(ErrorCode::InvalidInput, Text::tr("The file is not a valid digital certificate."),
                    QStringLiteral("i2d_X509 failed"));
    const QByteArray der(reinterpret_cast<const char*>(buf), len);
    OPENSSL_free(buf);
    return fromDer(der);
}

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/SoftwareSigner.h"

#include "verify/OpenSsl.h"

#include <QCoreApplication>

#include <openssl/err.h>
#include <openssl/pem.h>

namespace hocba::signing {

using namespace detail;

struct SoftwareSigner::Impl
{
    PkeyPtr key;
    QByteArray cert;
    QList<QByteArray> chain;
    KeyType type = KeyType::Rsa;
};

SoftwareSigner::SoftwareSigner(std::unique_ptr<Impl> impl)
    : d(std::move(impl))
{ }

SoftwareSigner::~SoftwareSigner() = default;

static Result<std::unique_ptr<SoftwareSigner::Impl>> finish(std::unique_ptr<SoftwareSigner::Impl> impl)
{
    auto cert = x509FromDer(impl->cert);
    if (!impl->key || !cert || X509_check_private_key(cert.get(), impl->key.get()) != 1)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The key does not match the certificate."), opensslErrors());
    switch (EVP_PKEY_get_base_id(impl->key.get())) {
    case EVP_PKEY_RSA:
        impl->type = KeyType::Rsa;
        break;
    case EVP_PKEY_EC:
        impl->type = KeyType::Ec;
        break;
    default:
        return fail(ErrorCode::Unsupported, QCoreApplication::translate("Signing", "Only RSA and EC keys can sign."));
    }
    return impl;
}

Result<std::unique_ptr<SoftwareSigner>> SoftwareSigner::fromPem(const QByteArray& keyPem, const QByteArray& certPem,
                                                                const QByteArray& passphrase)
{
    auto impl = std::make_unique<Impl>();
    BioPtr kb(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    QByteArray pass = passphrase; // PEM_read_bio_PrivateKey wants a mutable void*
    impl->key.reset(PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, pass.isEmpty() ? nullptr : pass.data()));
    BioPtr cb(BIO_new_mem_buf(certPem.constData(), int(certPem.size())));
    bool first = true;
    while (X509* c = PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr)) {
        X509Ptr owned(c);
        (first ? impl->cert : impl->chain.emplace_back()) = x509ToDer(c);
        first = false;
    }
    ERR_clear_error(); // the loop ends on a "no start line" error
    auto done = finish(std::move(impl));
    if (!done)
        return std::unexpected(done.error());
    return std::unique_ptr<SoftwareSigner>(new SoftwareSigner(std::move(*done)));
}

QByteArray SoftwareSigner::certificate() const
{
    return d->cert;
}
QList<QByteArray> SoftwareSigner::chain() const
{
    return d->chain;
}
KeyType SoftwareSigner::keyType() const
{
    return d->type;
}

Result<QByteArray> SoftwareSigner::signSha256(const QByteArray& data)
{
    MdCtxPtr md(EVP_MD_CTX_new());
    size_t len = 0;
    // RSA defaults to PKCS#1 v1.5 and ECDSA returns a DER ECDSA-Sig-Value, as the Signer contract says.
    if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, d->key.get()) != 1
        || EVP_DigestSign(md.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(data.constData()),
                          size_t(data.size()))
            != 1)
        return fail(ErrorCode::TokenError, QCoreApplication::translate("Signing", "Signing failed."), opensslErrors());
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(data.constData()), size_t(data.size()))
        != 1)
        return fail(ErrorCode::TokenError, QCoreApplication::translate("Signing", "Signing failed."), opensslErrors());
    sig.resize(qsizetype(len));
    return sig;
}

} // namespace hocba::signing

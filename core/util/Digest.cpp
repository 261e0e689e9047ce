// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Digest.h"

#include <openssl/evp.h>

#include <memory>

namespace hocba::digest {

namespace {

QByteArray digestOf(const EVP_MD* md, std::initializer_list<QByteArrayView> parts)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1)
        return {};
    for (QByteArrayView part : parts)
        if (EVP_DigestUpdate(ctx.get(), part.data(), size_t(part.size())) != 1)
            return {};
    if (EVP_DigestFinal_ex(ctx.get(), out, &len) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char*>(out), qsizetype(len));
}

// Fetched once: OpenSSL 3 otherwise looks the algorithm up in its provider tables (under a lock) on every use.
const EVP_MD* fetched(const char* name)
{
    return EVP_MD_fetch(nullptr, name, nullptr);
}

} // namespace

QByteArray sha256(std::initializer_list<QByteArrayView> parts)
{
    static const EVP_MD* md = fetched("SHA2-256");
    return digestOf(md, parts);
}

QByteArray md5(QByteArrayView data)
{
    static const EVP_MD* md = fetched("MD5");
    return digestOf(md, {data});
}

} // namespace hocba::digest

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Signer.h"

#include <memory>

namespace hocba::signing {

/**
 * A Signer backed by a key in memory (PEM). FOR TESTS AND DEMOS ONLY: a legally valid school record is
 * signed on the principal's USB token (Pkcs11Signer), where the key cannot be copied. Never ship real keys as files.
 */
class SoftwareSigner final : public Signer
{
public:
    ~SoftwareSigner() override;
    SoftwareSigner(const SoftwareSigner&) = delete;
    SoftwareSigner& operator=(const SoftwareSigner&) = delete;

    /** `certPem` holds the signer certificate first, then optional issuer certificates (nearest first). */
    static Result<std::unique_ptr<SoftwareSigner>> fromPem(const QByteArray& keyPem, const QByteArray& certPem,
                                                           const QByteArray& passphrase = {});

    QByteArray certificate() const override;
    QList<QByteArray> chain() const override;
    KeyType keyType() const override;
    Result<QByteArray> signSha256(const QByteArray& data) override;

    struct Impl; ///< opaque

private:
    explicit SoftwareSigner(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace hocba::signing

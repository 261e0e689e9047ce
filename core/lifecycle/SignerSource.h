// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/PinProvider.h"
#include "token/Signer.h"
#include "token/TokenTypes.h"
#include "util/Error.h"

#include <QList>

#include <functional>
#include <memory>

namespace hocba::signing {
class TokenService;
}

namespace hocba::lifecycle {

/**
 * Where the desktop's sign dialog gets tokens, certificates and a logged-in signer, so the window never deals with
 * PKCS#11 itself. Every call is made on a worker thread, never on the GUI thread (a token can take seconds to
 * answer). The desktop uses TokenServiceSource; tests put a software key behind the same interface.
 */
class SignerSource
{
public:
    virtual ~SignerSource() = default;
    virtual Result<QList<signing::TokenInfo>> tokens() = 0;
    virtual Result<QList<signing::CertificateInfo>> certificates(const signing::TokenInfo& token) = 0;
    /**
     * Logs in (asking `pins`), runs `work` with a signer for `certificate` on the thread that owns the token, logs
     * out. One PIN entry per call: a whole batch runs inside one call.
     */
    virtual Status withSigner(const signing::TokenInfo& token, const signing::CertificateInfo& certificate,
                              signing::PinProvider& pins, const std::function<Status(signing::Signer&)>& work)
        = 0;
};

/**
 * The real tokens, through a TokenService thread of its own (STYLE.md C7) on the default PKCS#11 modules. Made on
 * first use: probing the modules takes time.
 */
class TokenServiceSource final : public SignerSource
{
public:
    TokenServiceSource();
    ~TokenServiceSource() override;
    Result<QList<signing::TokenInfo>> tokens() override;
    Result<QList<signing::CertificateInfo>> certificates(const signing::TokenInfo& token) override;
    Status withSigner(const signing::TokenInfo& token, const signing::CertificateInfo& certificate,
                      signing::PinProvider& pins, const std::function<Status(signing::Signer&)>& work) override;

private:
    std::unique_ptr<signing::TokenService> m_service;
};

} // namespace hocba::lifecycle

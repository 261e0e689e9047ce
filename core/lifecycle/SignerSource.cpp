// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SignerSource.h"

#include "token/TokenManager.h"
#include "token/TokenService.h"

namespace hocba::lifecycle {

TokenServiceSource::TokenServiceSource()
    : m_service(std::make_unique<signing::TokenService>(signing::defaultPkcs11Modules()))
{ }

TokenServiceSource::~TokenServiceSource() = default;

Result<QList<signing::TokenInfo>> TokenServiceSource::tokens()
{
    return m_service->call<QList<signing::TokenInfo>>([](signing::TokenManager& m) { return m.tokens(); });
}

Result<QList<signing::CertificateInfo>> TokenServiceSource::certificates(const signing::TokenInfo& token)
{
    return m_service->call<QList<signing::CertificateInfo>>(
        [&](signing::TokenManager& m) { return m.certificates(token); });
}

Status TokenServiceSource::withSigner(const signing::TokenInfo& token, const signing::CertificateInfo& certificate,
                                      signing::PinProvider& pins, const std::function<Status(signing::Signer&)>& work)
{
    // The whole batch runs as one job on the token thread: the session and its signer never leave that thread.
    return m_service->call([&](signing::TokenManager& m) -> Status {
        auto certs = m.certificates(token);
        if (!certs)
            return std::unexpected(certs.error());
        QList<QByteArray> ders;
        for (const auto& c : *certs)
            ders << c.der;
        auto session = m.login(token, pins, certificate.holder);
        if (!session)
            return std::unexpected(session.error());
        auto signer = (*session)->signer(certificate, signing::buildChain(certificate.der, ders));
        return work(*signer);
    });
}

} // namespace hocba::lifecycle

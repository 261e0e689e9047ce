// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/TrustStore.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace hocba::signing {

/** A certificate the policy accepts, with what the user should still be told. */
struct PolicyVerdict
{
    CertificateInfo certificate;
    bool expiresSoon = false; ///< within CertificatePolicy::ExpiryWarningDays of the checked time
    int daysLeft = 0;
    QStringList warnings; ///< translated, for the UI/CLI
};

/**
 * Which certificates may sign a học bạ (NĐ 23/2025 Art. 16 asks the recipient to check status at signing time and
 * the usage scope; we refuse early what a recipient would reject):
 *  - valid at the given time (not expired, not before its start);
 *  - key usage digitalSignature or nonRepudiation;
 *  - chains to one of the trust anchors at that time (X509_verify_cert).
 * Errors are CertificateInvalid with a Vietnamese message; `detail` starts with a stable tag
 * ("expired", "not-yet-valid", "key-usage", "untrusted", "malformed") for logs and tests.
 * Revocation (OCSP/CRL) is not checked here yet.
 */
class CertificatePolicy
{
public:
    static constexpr int ExpiryWarningDays = 30;

    explicit CertificatePolicy(TrustStore anchors)
        : m_anchors(std::move(anchors))
    { }

    /** `chain`: intermediates (DER), e.g. Signer::chain(). */
    Result<PolicyVerdict> check(const QByteArray& certificateDer, const QList<QByteArray>& chain,
                                const QDateTime& at) const;
    Result<PolicyVerdict> check(const QByteArray& certificateDer, const QList<QByteArray>& chain = {}) const
    {
        return check(certificateDer, chain, QDateTime::currentDateTimeUtc());
    }

    const TrustStore& anchors() const { return m_anchors; }

private:
    TrustStore m_anchors;
};

} // namespace hocba::signing

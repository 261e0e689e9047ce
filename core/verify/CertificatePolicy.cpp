// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/CertificatePolicy.h"

#include "util/Text.h"
#include "verify/OpenSsl.h"

#include <QCoreApplication>
#include <QLocale>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::CertificatePolicy)
};

} // namespace

Result<PolicyVerdict> CertificatePolicy::check(const QByteArray& certificateDer, const QList<QByteArray>& chain,
                                               const QDateTime& atTime) const
{
    const QDateTime at = atTime.toUTC();
    auto info = CertificateInfo::fromDer(certificateDer);
    if (!info)
        return fail(ErrorCode::CertificateInvalid, info.error().message, QStringLiteral("malformed"));
    const CertificateInfo& c = *info;
    const QString who = c.holder.isEmpty() ? c.subject : c.holder;

    if (c.notAfter.isValid() && at > c.notAfter)
        return fail(ErrorCode::CertificateInvalid,
                    Text::tr("The digital certificate of %1 expired on %2. Ask your certification service provider "
                             "to renew it.")
                        .arg(who, text::shownDate(c.notAfter)),
                    QStringLiteral("expired: notAfter %1").arg(c.notAfter.toString(Qt::ISODate)));
    if (c.notBefore.isValid() && at < c.notBefore)
        return fail(ErrorCode::CertificateInvalid,
                    Text::tr("The digital certificate of %1 is not valid yet: it is valid from %2.")
                        .arg(who, text::shownDate(c.notBefore)),
                    QStringLiteral("not-yet-valid: notBefore %1").arg(c.notBefore.toString(Qt::ISODate)));
    // A school record is a legal document: the signer must not be able to deny it, so the certificate must carry
    // non-repudiation (contentCommitment). Vietnamese CAs set it on signing certificates; an authentication or
    // encryption certificate picked by mistake lacks it. A missing extension formally means "any usage", but no
    // signing certificate from a Vietnamese CA comes without one.
    if (!c.keyUsage.present || !c.keyUsage.nonRepudiation)
        return fail(
            ErrorCode::CertificateInvalid,
            Text::tr("The digital certificate of %1 is not meant for signing documents (it lacks the "
                     "non-repudiation key usage that legal signatures need). Choose another certificate.")
                .arg(who),
            QStringLiteral("key-usage: %1")
                .arg(c.keyUsage.present ? QStringLiteral("no signing bits") : QStringLiteral("extension missing")));

    // Chain to an anchor at time `at`, by the same check the PDF verifier makes. The chain must end at an anchor
    // that is self-signed (a root): xmlsec, which verifies the packets, accepts nothing shorter, so a certificate
    // that chains only to an intermediate anchor would sign records that then fail verification.
    detail::X509Ptr leaf = detail::x509FromDer(certificateDer);
    if (!leaf)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("Signing", "The signer's certificate cannot be read."),
                    detail::opensslErrors());
    const detail::StorePtr store = detail::trustStore(m_anchors.anchorsDer());
    const detail::X509StackPtr untrusted = detail::x509Stack(chain);
    if (!store || !untrusted)
        return fail(ErrorCode::Internal, Text::tr("Out of memory while checking the certificate."));
    if (const QString error = detail::verifyChain(store.get(), leaf.get(), untrusted.get(), at); !error.isEmpty())
        return fail(
            ErrorCode::CertificateInvalid,
            Text::tr("The digital certificate of %1 was issued by \"%2\", which is not a trusted "
                     "certification service provider. If the school trusts it, its IT person adds the provider's "
                     "root certificate (Settings → Trusted root certificates, or \"hocba-cli trust add\").")
                .arg(who, c.issuer),
            QStringLiteral("untrusted: %1").arg(error));

    PolicyVerdict v;
    v.certificate = c;
    v.daysLeft = int(at.secsTo(c.notAfter) / 86400);
    if (v.daysLeft < ExpiryWarningDays) {
        v.expiresSoon = true;
        v.warnings << Text::tr("The digital certificate of %1 expires on %2 (in %n day(s)). Ask your certification "
                               "service provider to renew it in time.",
                               nullptr, v.daysLeft)
                          .arg(who, text::shownDate(c.notAfter));
    }
    return v;
}

} // namespace hocba::signing

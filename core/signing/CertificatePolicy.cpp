// SPDX-License-Identifier: GPL-3.0-or-later
#include "signing/CertificatePolicy.h"

#include "util/Text.h"

#include <QCoreApplication>
#include <QLocale>

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <memory>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::CertificatePolicy)
};

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;

X509Ptr parse(const QByteArray& der)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, der.size()), X509_free);
}

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

    // Chain to an anchor at time `at`.
    X509Ptr leaf = parse(certificateDer);
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(), X509_STORE_free);
    std::unique_ptr<STACK_OF(X509), void (*)(STACK_OF(X509)*)> untrusted(
        sk_X509_new_null(), [](STACK_OF(X509) * s) { sk_X509_pop_free(s, X509_free); });
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(), X509_STORE_CTX_free);
    if (!leaf || !store || !untrusted || !ctx)
        return fail(ErrorCode::Internal, Text::tr("Out of memory while checking the certificate."));
    for (const QByteArray& der : m_anchors.anchorsDer())
        if (X509Ptr a = parse(der))
            X509_STORE_add_cert(store.get(), a.get()); // takes its own reference
    for (const QByteArray& der : chain)
        if (X509* i = parse(der).release())
            sk_X509_push(untrusted.get(), i);
    if (X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), untrusted.get()) != 1)
        return fail(ErrorCode::Internal, Text::tr("Out of memory while checking the certificate."));
    X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
    X509_VERIFY_PARAM_set_time(param, time_t(at.toSecsSinceEpoch()));
    // Anchors the school adds may be intermediate CAs (the root is not always handed out): accept a chain that
    // ends at any anchor, not only at a self-signed root.
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_PARTIAL_CHAIN);
    if (X509_verify_cert(ctx.get()) != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        return fail(
            ErrorCode::CertificateInvalid,
            Text::tr("The digital certificate of %1 was issued by \"%2\", which is not a trusted "
                     "certification service provider. If the school trusts it, its IT person adds the provider's "
                     "root certificate (Settings → Trusted root certificates, or \"hocba-cli trust add\").")
                .arg(who, c.issuer),
            QStringLiteral("untrusted: %1 (%2)").arg(QString::fromLatin1(X509_verify_cert_error_string(err))).arg(err));
    }

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

// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/TrustStore.h"

#include "verify/OpenSsl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::Trust)
};

bool isCa(const QByteArray& der)
{
    const detail::X509Ptr x = detail::x509FromDer(der);
    return x && X509_check_ca(x.get()) > 0;
}

/** Splits a PEM bundle into its certificates (a built-in file may hold a root and its intermediates). */
QList<QByteArray> pemBlocks(const QByteArray& text)
{
    QList<QByteArray> blocks;
    static const QByteArray begin = "-----BEGIN CERTIFICATE-----";
    static const QByteArray end = "-----END CERTIFICATE-----";
    qsizetype from = 0;
    while (true) {
        const qsizetype b = text.indexOf(begin, from);
        if (b < 0)
            break;
        const qsizetype e = text.indexOf(end, b);
        if (e < 0)
            break;
        blocks.append(text.mid(b, e + end.size() - b));
        from = e + end.size();
    }
    return blocks;
}

/** A signer's own certificate as an anchor would make anything it signs "trusted", whoever issued it. */
Status requireCa(const CertificateInfo& cert)
{
    if (isCa(cert.der))
        return {};
    return fail(ErrorCode::InvalidInput,
                Text::tr("\"%1\" is not a certification authority certificate and cannot be a trust anchor.")
                    .arg(cert.holder.isEmpty() ? cert.subject : cert.holder),
                QStringLiteral("basicConstraints CA:TRUE missing"));
}

} // namespace

TrustStore TrustStore::builtIn()
{
    TrustStore store;
    const QDir dir(QStringLiteral(":/trust"));
    for (const QString& name : dir.entryList({QStringLiteral("*.pem")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray& block : pemBlocks(f.readAll()))
            (void)store.addCertificate(block, TrustAnchor::Source::BuiltIn);
    }
    return store;
}

Result<TrustAnchor> TrustStore::anchorFor(const QByteArray& pemOrDer, TrustAnchor::Source source)
{
    auto cert = CertificateInfo::fromPemOrDer(pemOrDer);
    if (!cert)
        return std::unexpected(cert.error());
    if (auto ca = requireCa(*cert); !ca)
        return std::unexpected(ca.error());
    TrustAnchor a;
    a.source = source;
    a.certificate = *cert;
    return a;
}

Status TrustStore::addCertificate(const QByteArray& pemOrDer, TrustAnchor::Source source)
{
    auto anchor = anchorFor(pemOrDer, source);
    if (!anchor)
        return std::unexpected(anchor.error());
    m_anchors.append(*anchor);
    return {};
}

QList<QByteArray> TrustStore::anchorsDer() const
{
    QList<QByteArray> out;
    for (const auto& a : m_anchors)
        out.append(a.certificate.der);
    return out;
}

} // namespace hocba::signing

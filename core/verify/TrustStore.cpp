// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/TrustStore.h"

#include "verify/OpenSsl.h"

#include "store/AuditLog.h"
#include "store/Database.h"

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

Status TrustStore::addCertificate(const QByteArray& pemOrDer, TrustAnchor::Source source)
{
    auto cert = CertificateInfo::fromPemOrDer(pemOrDer);
    if (!cert)
        return std::unexpected(cert.error());
    if (auto ca = requireCa(*cert); !ca)
        return ca;
    TrustAnchor a;
    a.source = source;
    a.certificate = *cert;
    m_anchors.append(a);
    return {};
}

QList<QByteArray> TrustStore::anchorsDer() const
{
    QList<QByteArray> out;
    for (const auto& a : m_anchors)
        out.append(a.certificate.der);
    return out;
}

Result<TrustStore> TrustStore::load(store::Database& db)
{
    TrustStore store = builtIn();
    auto school = listDatabase(db);
    if (!school)
        return std::unexpected(school.error());
    for (const auto& a : *school)
        store.add(a);
    return store;
}

Result<QList<TrustAnchor>> TrustStore::listDatabase(store::Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT id, der, added_at, added_by FROM trust_anchor ORDER BY id"));
    if (!st)
        return std::unexpected(st.error());
    QList<TrustAnchor> out;
    while (true) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        auto cert = CertificateInfo::fromDer(st->blob(1));
        if (!cert)
            continue; // cannot happen for rows we wrote; a damaged row must not hide the others
        TrustAnchor a;
        a.id = st->int64(0);
        a.source = TrustAnchor::Source::School;
        a.certificate = *cert;
        a.addedAt = QDateTime::fromString(st->text(2), Qt::ISODate);
        a.addedBy = st->text(3);
        out.append(a);
    }
    return out;
}

Result<TrustAnchor> TrustStore::addToDatabase(store::Database& db, const QByteArray& pemOrDer, const QString& addedBy)
{
    auto cert = CertificateInfo::fromPemOrDer(pemOrDer);
    if (!cert)
        return std::unexpected(cert.error());
    if (auto ca = requireCa(*cert); !ca)
        return std::unexpected(ca.error());
    auto existing = listDatabase(db);
    if (!existing)
        return std::unexpected(existing.error());
    for (const auto& a : *existing)
        if (a.certificate.sha256 == cert->sha256)
            return fail(ErrorCode::InvalidInput,
                        Text::tr("The certificate \"%1\" is already a trust anchor of this school.")
                            .arg(cert->holder.isEmpty() ? cert->subject : cert->holder),
                        QStringLiteral("sha256 %1").arg(cert->sha256));

    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    TrustAnchor a;
    a.source = TrustAnchor::Source::School;
    a.certificate = *cert;
    a.addedAt = QDateTime::currentDateTimeUtc();
    a.addedAt.setTime(QTime(a.addedAt.time().hour(), a.addedAt.time().minute(), a.addedAt.time().second()));
    a.addedBy = addedBy;
    auto st = db.prepare(QStringLiteral("INSERT INTO trust_anchor (der, subject, sha256, not_after, added_at, "
                                        "added_by) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, cert->der)
        .bind(2, cert->subject)
        .bind(3, cert->sha256)
        .bind(4, cert->notAfter.toString(Qt::ISODate))
        .bind(5, a.addedAt.toString(Qt::ISODate))
        .bind(6, addedBy);
    if (auto ok = st->exec(); !ok)
        return std::unexpected(ok.error());
    a.id = db.lastInsertId();
    store::AuditLog audit(db);
    if (auto ok = audit.append(QStringLiteral("add"), QStringLiteral("trust_anchor"), QString::number(a.id), {},
                               std::nullopt, cert->subject + QStringLiteral(" sha256:") + cert->sha256);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    return a;
}

} // namespace hocba::signing

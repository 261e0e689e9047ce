// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/TrustAnchors.h"

#include "lifecycle/Actor.h"
#include "lifecycle/TsaSettings.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/TrustAnchorRepository.h"

#include <QCoreApplication>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::TrustAnchors)
};

QString shownName(const signing::CertificateInfo& c)
{
    return c.holder.isEmpty() ? c.subject : c.holder;
}

} // namespace

Result<QList<signing::TrustAnchor>> TrustAnchors::school(store::Database& db)
{
    auto rows = store::TrustAnchorRepository(db).list();
    if (!rows)
        return std::unexpected(rows.error());
    QList<signing::TrustAnchor> out;
    for (const auto& row : *rows) {
        auto cert = signing::CertificateInfo::fromDer(row.der);
        if (!cert)
            continue; // cannot happen for rows we wrote; a damaged row must not hide the others
        signing::TrustAnchor a;
        a.id = row.id;
        a.source = signing::TrustAnchor::Source::School;
        a.certificate = *cert;
        a.addedAt = row.addedAt;
        a.addedBy = row.addedBy;
        out.append(a);
    }
    return out;
}

Result<signing::TrustStore> TrustAnchors::load(store::Database& db)
{
    signing::TrustStore store = signing::TrustStore::builtIn();
    auto school = TrustAnchors::school(db);
    if (!school)
        return std::unexpected(school.error());
    for (const auto& a : *school)
        store.add(a);
    // The time-stamping authority's root, while the school has one set: its time-stamps must verify.
    auto tsa = tsaSettings(db);
    if (!tsa)
        return std::unexpected(tsa.error());
    if (*tsa) {
        signing::TrustAnchor a;
        a.source = signing::TrustAnchor::Source::School;
        a.certificate = (*tsa)->trust;
        store.add(a);
    }
    return store;
}

Result<signing::TrustAnchor> TrustAnchors::add(store::Database& db, const Actor& actor, const QByteArray& pemOrDer)
{
    return add(db, actor, pemOrDer, actor.isUnrestricted() ? db.actor() : actor.auditName());
}

Result<signing::TrustAnchor> TrustAnchors::add(store::Database& db, const Actor& actor, const QByteArray& pemOrDer,
                                               const QString& addedBy)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return std::unexpected(ok.error());
    auto anchor = signing::TrustStore::anchorFor(pemOrDer, signing::TrustAnchor::Source::School);
    if (!anchor)
        return std::unexpected(anchor.error());
    const signing::CertificateInfo& cert = anchor->certificate;
    auto existing = school(db);
    if (!existing)
        return std::unexpected(existing.error());
    for (const auto& a : *existing)
        if (a.certificate.sha256 == cert.sha256)
            return fail(
                ErrorCode::InvalidInput,
                Text::tr("The certificate \"%1\" is already a trust anchor of this school.").arg(shownName(cert)),
                QStringLiteral("sha256 %1").arg(cert.sha256));

    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    QDateTime now = QDateTime::currentDateTimeUtc();
    now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    store::StoredTrustAnchor row;
    row.der = cert.der;
    row.subject = cert.subject;
    row.sha256 = cert.sha256;
    row.notAfter = cert.notAfter;
    row.addedAt = now;
    row.addedBy = addedBy;
    auto id = store::TrustAnchorRepository(db).insert(row);
    if (!id)
        return std::unexpected(id.error());
    if (auto ok
        = store::AuditLog(db).append(QStringLiteral("add"), QStringLiteral("trust_anchor"), QString::number(*id), {},
                                     std::nullopt, cert.subject + QStringLiteral(" sha256:") + cert.sha256);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    anchor->id = *id;
    anchor->addedAt = now;
    anchor->addedBy = addedBy;
    return *anchor;
}

} // namespace hocba::lifecycle

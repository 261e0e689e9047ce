// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/TsaSettings.h"

#include "lifecycle/HttpTimestamper.h"
#include "lifecycle/TrustAnchors.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "verify/TrustStore.h"

#include <QCoreApplication>
#include <QUrl>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::TsaSettings)
};

std::optional<QString> described(const std::optional<TsaSettings>& s)
{
    if (!s)
        return std::nullopt;
    return QStringLiteral("%1 trust:%2 allow-without:%3")
        .arg(s->url, s->trust.sha256, s->allowWithout ? QStringLiteral("yes") : QStringLiteral("no"));
}

/**
 * Signatures already time-stamped by the TSA being replaced or removed must still verify: its root becomes one of the
 * school's own trust anchors (audited by TrustAnchors::add), unless it already is one or stays the TSA's root.
 */
Status keepRoot(store::Database& db, const Actor& actor, const std::optional<TsaSettings>& before,
                const QString& newRootSha256)
{
    if (!before || before->trust.sha256 == newRootSha256)
        return {};
    auto school = TrustAnchors::school(db);
    if (!school)
        return std::unexpected(school.error());
    for (const auto& a : *school)
        if (a.certificate.sha256 == before->trust.sha256)
            return {};
    auto added = TrustAnchors::add(db, actor, before->trust.der);
    if (!added)
        return std::unexpected(added.error());
    return {};
}

} // namespace

Result<std::optional<TsaSettings>> tsaSettings(store::Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT url, trust_der, allow_without, updated_at FROM tsa_settings "
                                        "WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<TsaSettings>();
    TsaSettings s;
    s.url = st->text(0);
    auto cert = signing::CertificateInfo::fromDer(st->blob(1));
    if (!cert)
        return std::unexpected(cert.error());
    s.trust = *cert;
    s.allowWithout = st->int64(2) != 0;
    s.updatedAt = st->text(3);
    return std::optional<TsaSettings>(std::move(s));
}

Result<TsaSettings> setTsa(store::Database& db, const Actor& actor, const QString& url, const QByteArray& trustPemOrDer,
                           bool allowWithout)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return std::unexpected(ok.error());
    const QString trimmed = url.trimmed();
    const QUrl parsed(trimmed, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (trimmed.isEmpty() || !parsed.isValid() || parsed.host().isEmpty()
        || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not the address of a time-stamping server: write it whole, starting with "
                             "https:// (or http://), as the certification service provider gives it.")
                        .arg(trimmed));
    auto anchor = signing::TrustStore::anchorFor(trustPemOrDer, signing::TrustAnchor::Source::School);
    if (!anchor)
        return std::unexpected(anchor.error());
    auto before = tsaSettings(db);
    if (!before)
        return std::unexpected(before.error());
    TsaSettings s;
    s.url = parsed.toString(QUrl::FullyEncoded);
    s.trust = anchor->certificate;
    s.allowWithout = allowWithout;
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    if (auto kept = keepRoot(db, actor, *before, s.trust.sha256); !kept)
        return std::unexpected(kept.error());
    auto st = db.prepare(QStringLiteral(
        "INSERT INTO tsa_settings (id, url, trust_der, trust_sha256, allow_without, updated_at) VALUES "
        "(1, ?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) ON CONFLICT (id) DO UPDATE SET url = excluded.url, "
        "trust_der = excluded.trust_der, trust_sha256 = excluded.trust_sha256, allow_without = excluded.allow_without, "
        "updated_at = excluded.updated_at"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, s.url).bind(2, s.trust.der).bind(3, s.trust.sha256).bind(4, allowWithout ? 1 : 0);
    if (auto ok = st->exec(); !ok)
        return std::unexpected(ok.error());
    if (auto ok
        = store::AuditLog(db).append(QStringLiteral("school.tsa"), QStringLiteral("tsa_settings"), QStringLiteral("1"),
                                     QStringLiteral("tsa"), described(*before), described(s));
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = tx.commit(); !ok)
        return std::unexpected(ok.error());
    auto after = tsaSettings(db);
    if (!after || !*after)
        return s;
    return **after;
}

Status clearTsa(store::Database& db, const Actor& actor)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    auto before = tsaSettings(db);
    if (!before)
        return std::unexpected(before.error());
    if (!*before)
        return {};
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    if (auto kept = keepRoot(db, actor, *before, QString()); !kept)
        return kept;
    auto st = db.prepare(QStringLiteral("DELETE FROM tsa_settings WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    if (auto ok = st->exec(); !ok)
        return ok;
    if (auto ok
        = store::AuditLog(db).append(QStringLiteral("school.tsa"), QStringLiteral("tsa_settings"), QStringLiteral("1"),
                                     QStringLiteral("tsa"), described(*before), std::nullopt);
        !ok)
        return ok;
    return tx.commit();
}

std::unique_ptr<signing::Timestamper> makeTimestamper(const TsaSettings& settings)
{
    HttpTimestamper::Options o;
    o.url = QUrl(settings.url);
    return std::make_unique<HttpTimestamper>(o);
}

} // namespace hocba::lifecycle

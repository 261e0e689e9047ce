// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SignPolicy.h"

#include "lifecycle/Actor.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "verify/SignatureReport.h"

namespace hocba::lifecycle {

Result<QList<signing::SignerRole>> SignPolicy::requiredRoles(store::Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT role FROM sign_policy WHERE required = 1"));
    if (!st)
        return std::unexpected(st.error());
    QList<signing::SignerRole> roles;
    while (true) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        if (auto r = signing::roleFromCode(st->text(0)))
            roles << *r;
    }
    // Fixed order, so reports and the "missing" list read the same way every time.
    const QList<signing::SignerRole> order {signing::SignerRole::Homeroom, signing::SignerRole::Principal,
                                            signing::SignerRole::Seal};
    QList<signing::SignerRole> sorted;
    for (auto r : order)
        if (roles.contains(r))
            sorted << r;
    return sorted;
}

Status SignPolicy::set(store::Database& db, const Actor& actor, const QList<Change>& changes)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto st = db.prepare(QStringLiteral("UPDATE sign_policy SET required = ?1 WHERE role = ?2"));
    if (!st)
        return std::unexpected(st.error());
    store::AuditLog audit(db);
    for (const auto& [role, required] : changes) {
        st->reset();
        if (auto s = st->bind(1, required ? 1 : 0).bind(2, signing::roleCode(role)).exec(); !s)
            return s;
        if (auto s = audit.append(QStringLiteral("policy.sign"), QStringLiteral("sign_policy"), signing::roleCode(role),
                                  QStringLiteral("required"), std::nullopt,
                                  required ? QStringLiteral("1") : QStringLiteral("0"));
            !s)
            return s;
    }
    return tx.commit();
}

Status SignPolicy::setRequired(store::Database& db, const Actor& actor, signing::SignerRole role, bool required)
{
    return set(db, actor, {{role, required}});
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "util/Error.h"
#include "verify/TrustStore.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * The school's trust anchors: the CA certificates it added, kept in its data file so every PC of the school trusts
 * the same CAs, on top of the ones built into the program. Both the settings dialog and `hocba-cli trust` go through
 * here; signing::TrustStore is the in-memory set the verifiers and the certificate policy use.
 */
class TrustAnchors
{
public:
    /**
     * The built-in anchors plus the school's, plus the root of the school's time-stamping authority while one is set
     * (TsaSettings): what signatures, their time-stamps and certificates are checked against.
     */
    static Result<signing::TrustStore> load(store::Database& db);
    /** Only the anchors the school added, oldest first. */
    static Result<QList<signing::TrustAnchor>> school(store::Database& db);
    /**
     * Stores a CA certificate (PEM or DER) in the school's data file with an audit entry, in one transaction.
     * Refuses a certificate that is not a CA and one that is already there. `actor` needs ManageSchool; `addedBy`
     * defaults to the actor's login (or the connection's name when the actor is unrestricted).
     */
    static Result<signing::TrustAnchor> add(store::Database& db, const Actor& actor, const QByteArray& pemOrDer);
    static Result<signing::TrustAnchor> add(store::Database& db, const Actor& actor, const QByteArray& pemOrDer,
                                            const QString& addedBy);
};

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QList>

#include <utility>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * Which roles must sign a year section before it is `signed` (ARCHITECTURE.md §3), kept in the school's file (table
 * sign_policy) so every PC of the school applies the same rule. Default: the principal only; the principal can never
 * be made optional (a trigger refuses it).
 */
class SignPolicy
{
public:
    /** The required roles in signing order: homeroom teacher, then principal, then the seal. */
    static Result<QList<signing::SignerRole>> requiredRoles(store::Database& db);
    /** One change of the policy: make `role` required (true) or optional (false). */
    using Change = std::pair<signing::SignerRole, bool>;

    /**
     * Applies `changes` in one transaction, each with its audit entry: all of them or none. The principal cannot be
     * made optional (the trigger refuses it, and the whole change with it). `actor` needs ManageSchool.
     */
    static Status set(store::Database& db, const Actor& actor, const QList<Change>& changes);
    /** Makes one role required or optional: set() with one change. */
    static Status setRequired(store::Database& db, const Actor& actor, signing::SignerRole role, bool required);
};

} // namespace hocba::lifecycle

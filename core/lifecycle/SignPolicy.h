// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QList>

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
    /** Makes a role required or optional, with an audit entry. */
    static Status setRequired(store::Database& db, signing::SignerRole role, bool required);
};

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "util/Error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * Whether the school file has any account. A file with at least one account needs a login for every change; a file
 * without any (the demo, files made before accounts) runs as Actor::unrestricted() (docs/accounts.md).
 */
Result<bool> schoolHasAccounts(store::Database& db);

/**
 * Logs in: the password is checked by Accounts::authenticate (wrong passwords counted, locks kept), then the
 * account's assignments of every school year are loaded into its Actor. `password` stays the caller's to wipe.
 */
Result<Actor> logIn(store::Database& db, const QString& login, QByteArrayView password, const QDateTime& now);
Result<Actor> logIn(store::Database& db, const QString& login, QByteArrayView password);

} // namespace hocba::lifecycle

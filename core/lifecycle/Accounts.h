// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "store/UserRepository.h"
#include "util/Error.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * The school's local accounts (table app_user): who may log in, with which role. Passwords are hashed with
 * libsodium's argon2id (crypto_pwhash_str) and only the hash is stored; a password reaches this class as UTF-8 bytes
 * the caller owns and wipes, and is never copied into a QString, a log line, an error or the audit log. Every change
 * is checked against `actor` before anything is written (PermissionDenied otherwise) and writes an audit entry, with
 * the actor's login, in the same transaction.
 */
class Accounts
{
public:
    /** argon2id cost: Interactive (libsodium's OPSLIMIT/MEMLIMIT_INTERACTIVE) for real use; Minimum only for tests. */
    enum class HashCost { Interactive, Minimum };

    static constexpr int kMinPasswordChars = 8;
    static constexpr int kMaxPasswordBytes = 256;
    static constexpr int kMaxFailures = 5; ///< wrong passwords in a row that lock the account
    static constexpr int kLockMinutes = 15;

    /** Creates an account (ManageAccounts). Login: 3–32 of [a-z0-9._-], not taken; password: at least 8 characters. */
    static Result<User> add(store::Database& db, const Actor& actor, const QString& login, const QString& fullName,
                            Role role, QByteArrayView password, HashCost cost = HashCost::Interactive);
    /**
     * The account when the password is right. A disabled or locked account is refused without looking at the
     * password; each wrong password is counted, and the fifth in a row locks the account for 15 minutes from `now`.
     */
    static Result<User> authenticate(store::Database& db, const QString& login, QByteArrayView password,
                                     const QDateTime& now);
    static Result<User> authenticate(store::Database& db, const QString& login, QByteArrayView password)
    {
        return authenticate(db, login, password, QDateTime::currentDateTimeUtc());
    }
    /**
     * Sets a new password and lifts a lock: the administrator for any account, every account for itself (it logged
     * in with the old password to become `actor`).
     */
    static Status changePassword(store::Database& db, const Actor& actor, const QString& login, QByteArrayView password,
                                 HashCost cost = HashCost::Interactive);
    /** The account can no longer log in (ManageAccounts); it stays, so the audit log's names keep their meaning. */
    static Status disable(store::Database& db, const Actor& actor, const QString& login);
    /** Every account by login, without the password hashes. */
    static Result<QList<store::StoredUser>> list(store::Database& db);
};

} // namespace hocba::lifecycle

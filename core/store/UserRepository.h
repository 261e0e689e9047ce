// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace hocba::store {

class Database;
class Statement;

/** One row of app_user with what logging in needs. */
struct StoredUser
{
    User user;
    QString passwordHash; ///< libsodium's argon2id string; empty when no password was ever set
    bool disabled = false;
    int failedAttempts = 0;
    QDateTime lockedUntil; ///< UTC; invalid when not locked
};

/**
 * The accounts table (app_user). Only reads and writes rows: login rules, hashing and locking are
 * lifecycle::Accounts' business, and so is the audit entry of each change.
 */
class UserRepository
{
public:
    explicit UserRepository(Database& db)
        : m_db(db)
    { }

    /** Inserts an account and returns its id; a login already taken is refused by the schema (DbConstraint). */
    Result<qint64> add(const User& user, const QString& passwordHash);
    /** The account with this login, or nothing. */
    Result<std::optional<StoredUser>> byLogin(const QString& login);
    /** Every account, by login. */
    Result<QList<StoredUser>> list();
    /** Sets a new hash and clears the failure count and any lock. */
    Status setPasswordHash(qint64 id, const QString& passwordHash);
    Status setDisabled(qint64 id, bool disabled);
    /** Links the account to its row in table teacher (the name a printed record shows). */
    Status setTeacher(qint64 id, Id teacherId);
    /** How many accounts the file has (disabled ones too). */
    Result<qint64> count();
    /** Counts one more wrong password; `lockedUntil` (invalid: no lock) is stored with it. */
    Status recordFailure(qint64 id, int failedAttempts, const QDateTime& lockedUntil);
    /** After a good password: no failures, no lock. */
    Status clearFailures(qint64 id);

private:
    Status update(const QString& sql, const std::function<void(Statement&)>& bind);

    Database& m_db;
};

} // namespace hocba::store

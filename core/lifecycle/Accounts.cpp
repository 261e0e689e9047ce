// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/Accounts.h"

#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <sodium.h>

#include <cstring>
#include <functional>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Accounts)
};

const QString kEntity = QStringLiteral("app_user");

Status checkLogin(const QString& login)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9._-]{3,32}$"));
    if (!valid.match(login).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("A login has 3 to 32 characters: lower-case letters a-z, digits, \".\", \"_\" and "
                             "\"-\"."));
    return {};
}

Status checkPassword(QByteArrayView password)
{
    // Counted in UTF-8 characters (bytes that do not continue a character), without decoding a copy.
    qsizetype chars = 0;
    for (char c : password)
        chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    if (chars < Accounts::kMinPasswordChars)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("A password needs at least %1 characters.").arg(Accounts::kMinPasswordChars));
    if (password.size() > Accounts::kMaxPasswordBytes)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("A password may have at most %1 bytes.").arg(Accounts::kMaxPasswordBytes));
    return {};
}

Result<QString> hashPassword(QByteArrayView password, Accounts::HashCost cost)
{
    if (auto ok = checkPassword(password); !ok)
        return std::unexpected(ok.error());
    if (sodium_init() < 0)
        return fail(ErrorCode::Internal, Text::tr("Cannot hash the password."), QStringLiteral("sodium_init"));
    const bool minimum = cost == Accounts::HashCost::Minimum;
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str(out, password.data(), static_cast<unsigned long long>(password.size()),
                          minimum ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          minimum ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return fail(ErrorCode::Internal, Text::tr("Cannot hash the password."),
                    QStringLiteral("crypto_pwhash_str: out of memory"));
    return QString::fromLatin1(out);
}

bool passwordMatches(const QString& hash, QByteArrayView password)
{
    const QByteArray stored = hash.toLatin1();
    char str[crypto_pwhash_STRBYTES] = {};
    if (stored.isEmpty() || stored.size() >= qsizetype(sizeof str) || sodium_init() < 0)
        return false;
    std::memcpy(str, stored.constData(), size_t(stored.size()));
    return crypto_pwhash_str_verify(str, password.data(), static_cast<unsigned long long>(password.size())) == 0;
}

Result<store::StoredUser> existing(store::Database& db, const QString& login)
{
    auto found = store::UserRepository(db).byLogin(login);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, Text::tr("There is no account \"%1\".").arg(login));
    return **found;
}

/** Runs `change` and its audit entry in one transaction. */
Status inTransaction(store::Database& db, const std::function<Status()>& change)
{
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    if (auto ok = change(); !ok)
        return ok;
    return tx.commit();
}

Status audit(store::Database& db, const QString& action, qint64 id, const QString& field,
             const std::optional<QString>& oldValue, const std::optional<QString>& newValue)
{
    return store::AuditLog(db).append(action, kEntity, QString::number(id), field, oldValue, newValue);
}

} // namespace

Result<User> Accounts::add(store::Database& db, const Actor& actor, const QString& login, const QString& fullName,
                           Role role, QByteArrayView password, HashCost cost)
{
    if (auto ok = permit(db, actor, Right::ManageAccounts); !ok)
        return std::unexpected(ok.error());
    if (auto ok = checkLogin(login); !ok)
        return std::unexpected(ok.error());
    if (fullName.trimmed().isEmpty())
        return fail(ErrorCode::InvalidInput, Text::tr("Give the account's full name."));
    auto hash = hashPassword(password, cost);
    if (!hash)
        return std::unexpected(hash.error());
    User user;
    user.login = login;
    user.fullName = fullName.trimmed();
    user.role = role;
    auto done = inTransaction(db, [&]() -> Status {
        auto taken = store::UserRepository(db).byLogin(login);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            return fail(ErrorCode::InvalidInput, Text::tr("The login \"%1\" is already taken.").arg(login));
        auto id = store::UserRepository(db).add(user, *hash);
        if (!id)
            return std::unexpected(id.error());
        user.id = *id;
        return audit(db, QStringLiteral("user.add"), *id, {}, std::nullopt,
                     QStringLiteral("%1 (%2, %3)").arg(login, user.fullName, toCode(role)));
    });
    if (!done)
        return std::unexpected(done.error());
    return user;
}

Result<User> Accounts::authenticate(store::Database& db, const QString& login, QByteArrayView password,
                                    const QDateTime& now)
{
    const auto wrong = [] {
        return fail(ErrorCode::InvalidInput, Text::tr("The login or the password is wrong."),
                    QStringLiteral("wrong password"));
    };
    Result<User> outcome = wrong();
    auto done = inTransaction(db, [&]() -> Status {
        auto found = store::UserRepository(db).byLogin(login);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return {}; // same answer as a wrong password: do not tell who has an account
        const store::StoredUser& u = **found;
        if (u.disabled) {
            outcome = fail(ErrorCode::InvalidInput,
                           Text::tr("The account \"%1\" is disabled. Ask the administrator.").arg(login),
                           QStringLiteral("disabled"));
            return {};
        }
        const bool locked = u.lockedUntil.isValid() && now < u.lockedUntil;
        if (locked) {
            outcome = fail(ErrorCode::InvalidInput,
                           Text::tr("The account \"%1\" is locked after %2 wrong passwords. Try again after %3.")
                               .arg(login, QString::number(kMaxFailures),
                                    u.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"))),
                           QStringLiteral("locked"));
            return {};
        }
        const int before = u.lockedUntil.isValid() ? 0 : u.failedAttempts; // an expired lock starts a new count
        if (passwordMatches(u.passwordHash, password)) {
            outcome = u.user;
            if (u.failedAttempts == 0 && !u.lockedUntil.isValid())
                return {};
            if (auto ok = store::UserRepository(db).clearFailures(u.user.id); !ok)
                return ok;
            return audit(db, QStringLiteral("user.login"), u.user.id, QStringLiteral("failed_attempts"),
                         QString::number(u.failedAttempts), QStringLiteral("0"));
        }
        const int failures = before + 1;
        const QDateTime lockedUntil = failures >= kMaxFailures ? now.toUTC().addSecs(kLockMinutes * 60) : QDateTime();
        if (auto ok = store::UserRepository(db).recordFailure(u.user.id, failures, lockedUntil); !ok)
            return ok;
        return audit(db, QStringLiteral("user.login_failed"), u.user.id, QStringLiteral("failed_attempts"),
                     QString::number(u.failedAttempts), QString::number(failures));
    });
    if (!done)
        return std::unexpected(done.error());
    return outcome;
}

Status Accounts::changePassword(store::Database& db, const Actor& actor, const QString& login, QByteArrayView password,
                                HashCost cost)
{
    if (auto ok = permit(db, actor, Right::ChangePassword, RightScope::ofAccount(login)); !ok)
        return ok;
    auto hash = hashPassword(password, cost);
    if (!hash)
        return std::unexpected(hash.error());
    return inTransaction(db, [&]() -> Status {
        auto u = existing(db, login);
        if (!u)
            return std::unexpected(u.error());
        if (auto ok = store::UserRepository(db).setPasswordHash(u->user.id, *hash); !ok)
            return ok;
        // The audit entry says that the password changed, never what it is or was (not even as a hash).
        return audit(db, QStringLiteral("user.password"), u->user.id, QStringLiteral("password_hash"), std::nullopt,
                     std::nullopt);
    });
}

Status Accounts::disable(store::Database& db, const Actor& actor, const QString& login)
{
    if (auto ok = permit(db, actor, Right::ManageAccounts); !ok)
        return ok;
    return inTransaction(db, [&]() -> Status {
        auto u = existing(db, login);
        if (!u)
            return std::unexpected(u.error());
        if (u->disabled)
            return {};
        if (auto ok = store::UserRepository(db).setDisabled(u->user.id, true); !ok)
            return ok;
        return audit(db, QStringLiteral("user.disable"), u->user.id, QStringLiteral("disabled"), QStringLiteral("0"),
                     QStringLiteral("1"));
    });
}

Result<QList<store::StoredUser>> Accounts::list(store::Database& db)
{
    auto rows = store::UserRepository(db).list();
    if (!rows)
        return std::unexpected(rows.error());
    for (auto& row : *rows)
        row.passwordHash.clear();
    return rows;
}

} // namespace hocba::lifecycle

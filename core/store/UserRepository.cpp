// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/UserRepository.h"

#include "store/SqlUtil.h"

namespace hocba::store {

namespace {

const QString kColumns = QStringLiteral(
    "id, login, full_name, role, teacher_id, password_hash, disabled, failed_attempts, locked_until FROM app_user");

StoredUser readUser(Statement& st)
{
    StoredUser u;
    u.user.id = st.int64(0);
    u.user.login = st.text(1);
    u.user.fullName = st.text(2);
    u.user.role = roleFromCode(st.text(3)).value_or(Role::Clerk);
    u.user.teacherId = st.optionalInt64(4);
    u.passwordHash = st.text(5);
    u.disabled = st.int64(6) != 0;
    u.failedAttempts = int(st.int64(7));
    if (!st.isNull(8))
        u.lockedUntil = QDateTime::fromString(st.text(8), Qt::ISODate);
    return u;
}

QString isoUtc(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

Result<qint64> UserRepository::add(const User& user, const QString& passwordHash)
{
    auto st = m_db.prepare(QStringLiteral(
        "INSERT INTO app_user (login, full_name, role, teacher_id, password_hash) VALUES (?, ?, ?, ?, ?)"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, user.login)
        .bind(2, user.fullName)
        .bind(3, toCode(user.role))
        .bind(4, user.teacherId)
        .bind(5, passwordHash);
    if (auto ok = st->exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

Result<std::optional<StoredUser>> UserRepository::byLogin(const QString& login)
{
    auto st = m_db.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" WHERE login = ?"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, login);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<StoredUser>();
    return std::optional<StoredUser>(readUser(*st));
}

Result<QList<StoredUser>> UserRepository::list()
{
    return queryList<StoredUser>(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" ORDER BY login"),
                                 readUser);
}

Status UserRepository::setPasswordHash(qint64 id, const QString& passwordHash)
{
    return update(QStringLiteral("UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL "
                                 "WHERE id = ?"),
                  [&](Statement& st) { st.bind(1, passwordHash).bind(2, id); });
}

Status UserRepository::setDisabled(qint64 id, bool disabled)
{
    return update(QStringLiteral("UPDATE app_user SET disabled = ? WHERE id = ?"),
                  [&](Statement& st) { st.bind(1, disabled ? 1 : 0).bind(2, id); });
}

Status UserRepository::setTeacher(qint64 id, Id teacherId)
{
    return update(QStringLiteral("UPDATE app_user SET teacher_id = ? WHERE id = ?"),
                  [&](Statement& st) { st.bind(1, teacherId).bind(2, id); });
}

Result<qint64> UserRepository::count()
{
    auto st = m_db.prepare(QStringLiteral("SELECT count(*) FROM app_user"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? st->int64(0) : 0;
}

Status UserRepository::recordFailure(qint64 id, int failedAttempts, const QDateTime& lockedUntil)
{
    return update(QStringLiteral("UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE id = ?"),
                  [&](Statement& st) { st.bind(1, failedAttempts).bind(2, isoUtc(lockedUntil)).bind(3, id); });
}

Status UserRepository::clearFailures(qint64 id)
{
    return update(QStringLiteral("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?"),
                  [&](Statement& st) { st.bind(1, id); });
}

Status UserRepository::update(const QString& sql, const std::function<void(Statement&)>& bind)
{
    auto st = m_db.prepare(sql);
    if (!st)
        return std::unexpected(st.error());
    bind(*st);
    return st->exec();
}

} // namespace hocba::store

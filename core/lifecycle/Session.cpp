// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/Session.h"

#include "lifecycle/Accounts.h"

#include "store/AssignmentRepository.h"
#include "store/Database.h"
#include "store/UserRepository.h"

namespace hocba::lifecycle {

namespace {

Result<Actor> withAssignments(store::Database& db, const User& user)
{
    auto rows = store::AssignmentRepository(db).forUser(user.id);
    if (!rows)
        return std::unexpected(rows.error());
    QList<Assignment> assignments;
    for (const auto& row : *rows)
        assignments.append(Assignment {row.year, row.classId, row.subject});
    return Actor::forAccount(user, assignments);
}

} // namespace

Result<bool> schoolHasAccounts(store::Database& db)
{
    auto n = store::UserRepository(db).count();
    if (!n)
        return std::unexpected(n.error());
    return *n > 0;
}

Result<Actor> logIn(store::Database& db, const QString& login, QByteArrayView password, const QDateTime& now)
{
    auto user = Accounts::authenticate(db, login, password, now);
    if (!user)
        return std::unexpected(user.error());
    return withAssignments(db, *user);
}

Result<Actor> logIn(store::Database& db, const QString& login, QByteArrayView password)
{
    return logIn(db, login, password, QDateTime::currentDateTimeUtc());
}

} // namespace hocba::lifecycle

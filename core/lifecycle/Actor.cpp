// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/Actor.h"

#include "store/Database.h"
#include "store/UserRepository.h"

#include <QCoreApplication>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Actor)
};

QString rightCode(Right right)
{
    switch (right) {
    case Right::ManageAccounts:
        return QStringLiteral("manage_accounts");
    case Right::ChangePassword:
        return QStringLiteral("change_password");
    case Right::ManageSchool:
        return QStringLiteral("manage_school");
    case Right::WriteGrades:
        return QStringLiteral("write_grades");
    case Right::WriteHomeroom:
        return QStringLiteral("write_homeroom");
    case Right::Sign:
        return QStringLiteral("sign");
    case Right::PrintExport:
        return QStringLiteral("print_export");
    case Right::Report:
        return QStringLiteral("report");
    case Right::LockEntry:
        return QStringLiteral("lock_entry");
    }
    return {};
}

bool roleHolds(Role role, Right right)
{
    switch (right) {
    case Right::ManageAccounts:
    case Right::ChangePassword:
    case Right::ManageSchool:
        return role == Role::Admin;
    case Right::Sign:
        return role == Role::Principal;
    case Right::LockEntry:
        return role == Role::Principal || role == Role::Admin;
    case Right::PrintExport:
    case Right::Report:
        return role == Role::Admin || role == Role::Principal || role == Role::Clerk;
    case Right::WriteGrades:
    case Right::WriteHomeroom:
        return false; // only through an assignment
    }
    return false;
}

bool inScope(const Assignment& a, const RightScope& scope)
{
    return (!scope.year || a.year == *scope.year) && (!scope.classId || a.classId == *scope.classId);
}

bool isTeacher(Role role)
{
    return role == Role::Homeroom || role == Role::SubjectTeacher;
}

/** A teacher's rights come from the year's assignments, whichever of the two teacher roles the account has. */
bool assignmentsHold(const QList<Assignment>& assignments, Right right, const RightScope& scope)
{
    for (const Assignment& a : assignments) {
        if (!inScope(a, scope))
            continue;
        if (right == Right::WriteHomeroom && a.isHomeroom())
            return true;
        if (right != Right::WriteGrades)
            continue;
        if (!a.isHomeroom() && (scope.subject.isEmpty() || a.subject == scope.subject))
            return true;
        // In a primary class the homeroom teacher assesses the subjects (TT27), unless a subject teacher is named.
        if (a.isHomeroom() && scope.level == SchoolLevel::Primary)
            return true;
    }
    return false;
}

} // namespace

Actor Actor::unrestricted()
{
    return Actor();
}

Actor Actor::forAccount(User user, QList<Assignment> assignments)
{
    Actor actor;
    actor.m_user = std::move(user);
    actor.m_assignments = std::move(assignments);
    return actor;
}

QString Actor::auditName() const
{
    return m_user ? m_user->login : QStringLiteral("system");
}

Status Actor::require(Right right, const RightScope& scope) const
{
    if (!m_user)
        return {};
    if (roleHolds(m_user->role, right))
        return {};
    // Having logged in with the old password, anyone may choose a new one for their own account.
    if (right == Right::ChangePassword && scope.account == m_user->login)
        return {};
    if (isTeacher(m_user->role) && assignmentsHold(m_assignments, right, scope))
        return {};
    return fail(ErrorCode::PermissionDenied,
                Text::tr("The account “%1” (%2) does not have the right to %3. Nothing was changed.")
                    .arg(m_user->login, hocba::displayName(m_user->role), displayName(right)),
                QStringLiteral("missing right %1").arg(rightCode(right)));
}

QString displayName(Right right)
{
    switch (right) {
    case Right::ManageAccounts:
        return Text::tr("manage accounts");
    case Right::ChangePassword:
        return Text::tr("change another account's password");
    case Right::ManageSchool:
        return Text::tr("manage the school (classes, school years, assignments, student lists)");
    case Right::WriteGrades:
        return Text::tr("enter this subject's marks in this class");
    case Right::WriteHomeroom:
        return Text::tr("enter this class's conduct, absences and comments and confirm its records");
    case Right::Sign:
        return Text::tr("sign and approve records");
    case Right::PrintExport:
        return Text::tr("print and export records");
    case Right::Report:
        return Text::tr("send records to the Department");
    case Right::LockEntry:
        return Text::tr("lock and unlock the entry of marks and comments");
    }
    return {};
}

Right rightToSignAs(signing::SignerRole role)
{
    return role == signing::SignerRole::Homeroom ? Right::WriteHomeroom : Right::Sign;
}

void actAs(store::Database& db, const Actor& actor)
{
    if (!actor.isUnrestricted())
        db.setActor(actor.auditName());
}

Status permit(store::Database& db, const Actor& actor, Right right, const RightScope& scope)
{
    if (actor.isUnrestricted()) {
        auto accounts = store::UserRepository(db).count();
        if (!accounts)
            return std::unexpected(accounts.error());
        if (*accounts > 0)
            return fail(ErrorCode::PermissionDenied,
                        Text::tr("This school file has accounts: log in with your account to %1. Nothing was "
                                 "changed.")
                            .arg(displayName(right)),
                        QStringLiteral("no account logged in; missing right %1").arg(rightCode(right)));
    }
    if (auto ok = actor.require(right, scope); !ok)
        return ok;
    actAs(db, actor);
    return {};
}

} // namespace hocba::lifecycle

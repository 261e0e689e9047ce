// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QList>
#include <QString>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** One duty of an account in one school year: homeroom teacher of a class (no subject) or teacher of a subject. */
struct Assignment
{
    SchoolYear year;
    Id classId = 0;
    QString subject; ///< a subject code of docs/evaluate.md; empty for the homeroom teacher

    bool isHomeroom() const { return subject.isEmpty(); }
    friend bool operator==(const Assignment&, const Assignment&) = default;
};

/** What an action needs (issue "A real school in the app" §2). */
enum class Right {
    ManageAccounts, ///< add, reset and disable accounts: the administrator only
    ChangePassword, ///< set an account's password (scope: account): the administrator, or the account itself
    ManageSchool, ///< classes, school years, assignments, student lists, trust anchors, the signing policy
    WriteGrades, ///< a subject's marks in a class (scope: year, class, subject)
    WriteHomeroom, ///< a class's conduct, absences, comments and confirmation (scope: year, class)
    Sign, ///< sign and approve records
    PrintExport, ///< print, render and export records
    Report, ///< send signed records to the Department and fetch its receipts: admin, principal, clerk
    LockEntry, ///< lock and unlock entry of marks and comments (EntryLocks): the board, i.e. principal and admin
};

/** Where a right is wanted; an empty field means "any". */
struct RightScope
{
    std::optional<SchoolYear> year;
    std::optional<Id> classId;
    QString subject;
    /** The class's level: the homeroom teacher of a primary class also assesses its subjects (TT27). */
    std::optional<SchoolLevel> level;
    /** The login of the account acted on (ChangePassword). */
    QString account;

    static RightScope inYear(SchoolYear year)
    {
        RightScope s;
        s.year = year;
        return s;
    }
    static RightScope inClass(SchoolYear year, Id classId)
    {
        RightScope s = inYear(year);
        s.classId = classId;
        return s;
    }
    static RightScope ofSubject(SchoolYear year, Id classId, const QString& subject, SchoolLevel level)
    {
        RightScope s = inClass(year, classId);
        s.subject = subject;
        s.level = level;
        return s;
    }
    static RightScope ofAccount(const QString& login)
    {
        RightScope s;
        s.account = login;
        return s;
    }
};

/**
 * Who is working: an account with its role and its assignments, or the unrestricted actor of a school file that has
 * no accounts at all (the demo, files made before accounts). Every decision about rights is made by `require`, in
 * core, so the desktop and the CLI cannot disagree and a hidden button is never the only guard.
 */
class Actor
{
public:
    /** For a school file without accounts: every right, audited as "system". */
    static Actor unrestricted();
    static Actor forAccount(User user, QList<Assignment> assignments);

    bool isUnrestricted() const { return !m_user.has_value(); }
    /** The account; only valid when not unrestricted. */
    const User& user() const { return *m_user; }
    const QList<Assignment>& assignments() const { return m_assignments; }
    /** The name the audit log records for this actor's changes: the login, or "system". */
    QString auditName() const;

    /** Ok when the actor holds `right` in `scope`; otherwise PermissionDenied naming the missing right. */
    Status require(Right right, const RightScope& scope = {}) const;
    bool has(Right right, const RightScope& scope = {}) const { return require(right, scope).has_value(); }

private:
    std::optional<User> m_user;
    QList<Assignment> m_assignments;
};

/** The right's name in a sentence, translated ("quản lý tài khoản"). */
QString displayName(Right right);

/**
 * The right a signature in `role` needs: the principal's and the school seal's need Sign; the homeroom teacher's
 * (when the signing policy asks for it) needs WriteHomeroom in the section's class.
 */
Right rightToSignAs(signing::SignerRole role);

/**
 * Makes `db` record `actor`'s changes in the audit log: an account's login. An unrestricted actor leaves the name the
 * connection already has ("system", or the name a front end gave for a file without accounts).
 */
void actAs(store::Database& db, const Actor& actor);

/**
 * The check each lifecycle entry point that changes data makes before it writes anything: `actor.require(right,
 * scope)`, and an unrestricted actor only in a file without any account (a file with accounts needs a login for
 * every change, whatever the front end passes). When allowed, `db` records the actor's changes (actAs).
 */
Status permit(store::Database& db, const Actor& actor, Right right, const RightScope& scope = {});

} // namespace hocba::lifecycle

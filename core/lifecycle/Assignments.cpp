// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/Assignments.h"

#include "lifecycle/Actor.h"

#include "domain/Curriculum.h"
#include "store/AssignmentRepository.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/UserRepository.h"
#include "util/Text.h"

#include <QCoreApplication>

#include <functional>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Assignments)
};

/** What an assignment request names, found and checked. */
struct Resolved
{
    store::StoredUser account;
    ClassGroup cls;
};

Result<Resolved> resolve(store::Database& db, const AssignmentRequest& r)
{
    auto account = store::UserRepository(db).byLogin(r.login);
    if (!account)
        return std::unexpected(account.error());
    if (!*account)
        return fail(ErrorCode::NotFound, Text::tr("There is no account \"%1\".").arg(r.login));
    const Role role = (*account)->user.role;
    if (role != Role::Homeroom && role != Role::SubjectTeacher)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The account \"%1\" is a %2 account; only teacher accounts are assigned to classes.")
                        .arg(r.login, displayName(role)));
    const QString name = text::normalized(r.className.trimmed());
    auto cls = store::SchoolRepository(db).classByName(r.year, name);
    if (!cls)
        return std::unexpected(cls.error());
    if (!*cls)
        return fail(
            ErrorCode::NotFound,
            Text::tr("There is no class %1 in %2. Add it first with \"class add\".").arg(name, r.year.toString()));
    if (!r.subject.isEmpty() && !findSubject((*cls)->grade, r.subject))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a subject code of grade %2 (see docs/evaluate.md, for example toan or "
                             "ngu_van).")
                        .arg(r.subject)
                        .arg((*cls)->grade));
    return Resolved {**account, **cls};
}

QString describe(const AssignmentRequest& r, const QString& className)
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(r.login, r.year.toString(), className, r.subject.isEmpty() ? QStringLiteral("homeroom") : r.subject);
}

/** The printed record's homeroom teacher comes from class.homeroom_teacher_id: link the account to a teacher row. */
Status makeHomeroomTeacher(store::Database& db, const store::StoredUser& account, ClassGroup cls)
{
    std::optional<Id> teacherId = account.user.teacherId;
    if (!teacherId) {
        Teacher t;
        t.fullName = account.user.fullName;
        auto id = store::SchoolRepository(db).saveTeacher(t);
        if (!id)
            return std::unexpected(id.error());
        teacherId = *id;
        if (auto ok = store::UserRepository(db).setTeacher(account.user.id, *id); !ok)
            return ok;
    }
    cls.homeroomTeacherId = teacherId;
    auto saved = store::SchoolRepository(db).saveClass(cls);
    return saved ? Status() : Status(std::unexpected(saved.error()));
}

Status otherHomeroom(store::Database& db, const AssignmentRequest& r, const Resolved& found)
{
    auto rows = store::AssignmentRepository(db).forYear(r.year);
    if (!rows)
        return std::unexpected(rows.error());
    for (const auto& row : *rows)
        if (row.classId == found.cls.id && row.subject.isEmpty() && row.userId != found.account.user.id)
            return fail(ErrorCode::InvalidInput,
                        Text::tr("Class %1 already has a homeroom teacher in %2. Remove that assignment first "
                                 "(\"assign remove\").")
                            .arg(found.cls.name, r.year.toString()));
    return {};
}

/** The one shape of a change of assignments: the right, then in one transaction the names resolved and `change`. */
Status changeAssignments(store::Database& db, const Actor& actor, const AssignmentRequest& request,
                         const std::function<Status(const Resolved&)>& change)
{
    if (auto ok = permit(db, actor, Right::ManageSchool, RightScope::inYear(request.year)); !ok)
        return ok;
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto found = resolve(db, request);
    if (!found)
        return std::unexpected(found.error());
    if (auto ok = change(*found); !ok)
        return ok;
    return tx.commit();
}

} // namespace

Status assign(store::Database& db, const Actor& actor, const AssignmentRequest& request)
{
    return changeAssignments(db, actor, request, [&](const Resolved& found) -> Status {
        if (request.subject.isEmpty())
            if (auto ok = otherHomeroom(db, request, found); !ok)
                return ok;
        auto id
            = store::AssignmentRepository(db).add(request.year, found.account.user.id, found.cls.id, request.subject);
        if (!id) {
            if (id.error().code == ErrorCode::DbConstraint)
                return fail(ErrorCode::InvalidInput, Text::tr("This assignment is already there."));
            return std::unexpected(id.error());
        }
        if (request.subject.isEmpty())
            if (auto ok = makeHomeroomTeacher(db, found.account, found.cls); !ok)
                return ok;
        return store::AuditLog(db).append(QStringLiteral("assignment.add"), QStringLiteral("assignment"),
                                          QString::number(*id), {}, std::nullopt, describe(request, found.cls.name));
    });
}

Status unassign(store::Database& db, const Actor& actor, const AssignmentRequest& request)
{
    return changeAssignments(db, actor, request, [&](const Resolved& found) -> Status {
        auto removed = store::AssignmentRepository(db).remove(request.year, found.account.user.id, found.cls.id,
                                                              request.subject);
        if (!removed)
            return std::unexpected(removed.error());
        if (!*removed)
            return fail(ErrorCode::NotFound, Text::tr("There is no such assignment."));
        if (request.subject.isEmpty() && found.cls.homeroomTeacherId == found.account.user.teacherId) {
            ClassGroup cls = found.cls;
            cls.homeroomTeacherId.reset();
            if (auto saved = store::SchoolRepository(db).saveClass(cls); !saved)
                return std::unexpected(saved.error());
        }
        return store::AuditLog(db).append(QStringLiteral("assignment.remove"), QStringLiteral("assignment"),
                                          QString::number(found.account.user.id), {}, describe(request, found.cls.name),
                                          std::nullopt);
    });
}

Result<QList<AssignmentLine>> assignments(store::Database& db, SchoolYear year)
{
    auto rows = store::AssignmentRepository(db).forYear(year);
    if (!rows)
        return std::unexpected(rows.error());
    auto users = store::UserRepository(db).list();
    if (!users)
        return std::unexpected(users.error());
    QList<AssignmentLine> out;
    for (const auto& row : *rows)
        for (const auto& u : *users)
            if (u.user.id == row.userId)
                out.append({u.user.login, u.user.fullName, row.className, row.subject});
    return out;
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/ClassApproval.h"

#include "lifecycle/SchoolLint.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QHash>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::ClassApproval)
};

QString nowIso()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return now.addMSecs(-now.time().msec()).toString(Qt::ISODate);
}

Result<ClassGroup> classNamed(store::Database& db, SchoolYear year, const QString& name)
{
    auto cls = store::SchoolRepository(db).classByName(year, name);
    if (!cls)
        return std::unexpected(cls.error());
    if (!*cls)
        return fail(ErrorCode::NotFound, Text::tr("There is no class %1 in school year %2.").arg(name, year.toString()),
                    QStringLiteral("approval: no such class"));
    return **cls;
}

/** The class's board decision needs Sign (the principal); asked before anything is read or written. */
Status requireBoard(store::Database& db, const Actor& actor, SchoolYear year, const QString& className)
{
    auto cls = store::SchoolRepository(db).classByName(year, className);
    const Id classId = cls && *cls ? (*cls)->id : 0;
    return permit(db, actor, Right::Sign, RightScope::inClass(year, classId));
}

Result<QHash<Id, bool>> approvalOfClass(store::Database& db, Id classId)
{
    auto st = db.prepare(QStringLiteral("SELECT id, approved_at IS NOT NULL FROM year_section WHERE class_id = ?1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, classId);
    QHash<Id, bool> out;
    while (true) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return out;
        out.insert(st->int64(0), st->int64(1) != 0);
    }
}

bool isIssued(SectionState s)
{
    return s == SectionState::Signed || s == SectionState::Submitted || s == SectionState::Locked;
}

} // namespace

Result<ApprovalReport> approveClass(store::Database& db, const Actor& actor, SchoolYear year, const QString& className)
{
    if (auto ok = requireBoard(db, actor, year, className); !ok)
        return std::unexpected(ok.error());
    auto cls = classNamed(db, year, className);
    if (!cls)
        return std::unexpected(cls.error());
    SchoolLintOptions lo;
    lo.year = year;
    lo.className = className;
    auto lint = lintSchool(db, lo);
    if (!lint)
        return std::unexpected(lint.error());
    QHash<Id, Findings> findings;
    for (const ClassLint& c : *lint)
        for (const StudentLint& s : c.students)
            findings.insert(s.sectionId, s.findings);
    auto approved = approvalOfClass(db, cls->id);
    if (!approved)
        return std::unexpected(approved.error());
    auto roster = store::StudentRepository(db).roster(cls->id);
    if (!roster)
        return std::unexpected(roster.error());

    ApprovalReport report;
    report.cls = *cls;
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    auto update = db.prepare(
        QStringLiteral("UPDATE year_section SET approved_at = ?1, approved_by = ?2 WHERE id = ?3 AND state = 'ready'"));
    if (!update)
        return std::unexpected(update.error());
    const QString at = nowIso();
    for (const RosterEntry& e : *roster) {
        if (e.section.source != SectionSource::Digital)
            continue;
        if (e.section.state == SectionState::Draft) {
            ++report.notConfirmed;
            continue;
        }
        if (isIssued(e.section.state)) {
            ++report.signedBefore;
            continue;
        }
        if (e.section.state != SectionState::Ready)
            continue;
        if (approved->value(e.section.id)) {
            ++report.alreadyApproved;
            continue;
        }
        const Findings f = findings.value(e.section.id);
        if (hasErrors(f)) {
            report.withErrors << NotApproved {e.student.id, e.student.fullName, e.section.id, f};
            continue;
        }
        if (auto s = update->bind(1, at).bind(2, db.actor()).bind(3, e.section.id).exec(); !s)
            return std::unexpected(s.error());
        update->reset();
        if (auto s = store::AuditLog(db).append(QStringLiteral("section.approve"), QStringLiteral("year_section"),
                                                QString::number(e.section.id), QStringLiteral("approved_at"),
                                                std::nullopt, at);
            !s)
            return std::unexpected(s.error());
        ++report.approved;
    }
    if (auto c = tx.commit(); !c)
        return std::unexpected(c.error());
    return report;
}

Result<ClassReturn> returnClass(store::Database& db, const Actor& actor, SchoolYear year, const QString& className,
                                const QString& reason)
{
    if (auto ok = requireBoard(db, actor, year, className); !ok)
        return std::unexpected(ok.error());
    const QString why = reason.trimmed();
    if (why.isEmpty() || why.size() > 1000)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("Give the homeroom teacher a reason of 1 to 1000 characters. Nothing was changed."));
    auto cls = classNamed(db, year, className);
    if (!cls)
        return std::unexpected(cls.error());
    store::StudentRepository students(db);
    auto roster = students.roster(cls->id);
    if (!roster)
        return std::unexpected(roster.error());

    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    ClassReturn r;
    r.reason = why;
    r.returnedBy = db.actor();
    const QString at = nowIso();
    r.returnedAt = QDateTime::fromString(at, Qt::ISODate);
    for (const RosterEntry& e : *roster) {
        if (e.section.source != SectionSource::Digital || e.section.state != SectionState::Ready)
            continue;
        // Audited by the repository; the trigger withdraws the approval with the move to draft.
        if (auto s = students.setSectionState(e.section.id, SectionState::Draft); !s)
            return std::unexpected(s.error());
        ++r.sections;
    }
    auto insert = db.prepare(QStringLiteral("INSERT INTO class_return (class_id, school_year, reason, returned_by, "
                                            "returned_at, sections) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    if (!insert)
        return std::unexpected(insert.error());
    if (auto s = insert->bind(1, cls->id)
                     .bind(2, year.startYear)
                     .bind(3, why)
                     .bind(4, r.returnedBy)
                     .bind(5, at)
                     .bind(6, qint64(r.sections))
                     .exec();
        !s)
        return std::unexpected(s.error());
    r.id = db.lastInsertId();
    if (auto s = store::AuditLog(db).append(QStringLiteral("class.return"), QStringLiteral("class"),
                                            QString::number(cls->id), QStringLiteral("reason"), std::nullopt,
                                            QStringLiteral("%1 sections: %2").arg(r.sections).arg(why));
        !s)
        return std::unexpected(s.error());
    if (auto c = tx.commit(); !c)
        return std::unexpected(c.error());
    return r;
}

Result<bool> approvalRequired(store::Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT required FROM approval_policy WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    return *row && st->int64(0) == 1;
}

Status setApprovalRequired(store::Database& db, const Actor& actor, bool required)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    auto before = approvalRequired(db);
    if (!before)
        return std::unexpected(before.error());
    if (*before == required)
        return {};
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto st = db.prepare(QStringLiteral("UPDATE approval_policy SET required = ?1 WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = st->bind(1, qint64(required ? 1 : 0)).exec(); !s)
        return s;
    if (auto s = store::AuditLog(db).append(QStringLiteral("policy.approval"), QStringLiteral("approval_policy"),
                                            QStringLiteral("1"), QStringLiteral("required"),
                                            QString::number(*before ? 1 : 0), QString::number(required ? 1 : 0));
        !s)
        return s;
    return tx.commit();
}

Result<QList<QueueClass>> signingQueue(store::Database& db, SchoolYear year)
{
    auto classes = store::SchoolRepository(db).classes(year);
    if (!classes)
        return std::unexpected(classes.error());
    auto st = db.prepare(QStringLiteral("SELECT id, approved_by, approved_at FROM year_section WHERE school_year = ?1 "
                                        "AND state = 'ready' AND approved_at IS NOT NULL"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear);
    QHash<Id, std::pair<QString, QDateTime>> approved;
    while (true) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        approved.insert(st->int64(0), {st->text(1), QDateTime::fromString(st->text(2), Qt::ISODate)});
    }
    store::StudentRepository students(db);
    QList<QueueClass> out;
    for (const ClassGroup& cls : *classes) {
        auto roster = students.roster(cls.id);
        if (!roster)
            return std::unexpected(roster.error());
        QueueClass q;
        q.cls = cls;
        for (const RosterEntry& e : *roster) {
            if (e.section.source != SectionSource::Digital)
                continue;
            ++q.pupils;
            auto it = approved.constFind(e.section.id);
            if (it == approved.constEnd())
                continue;
            q.entries << QueueEntry {e.section.id,       e.student.id, e.section.recordId,
                                     e.student.fullName, it->first,    it->second};
        }
        if (!q.entries.isEmpty())
            out << std::move(q);
    }
    return out;
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/EntryLocks.h"

#include "rules/Names.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCoreApplication>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::EntryLocks)
};

constexpr auto kColumns = "id, school_year, grade, class_id, subject, term, item, reason, locked_by, locked_at";

EntryLock readLock(const store::Statement& st)
{
    EntryLock l;
    l.id = st.int64(0);
    l.year = SchoolYear {int(st.int64(1))};
    if (auto g = st.optionalInt64(2))
        l.grade = int(*g);
    l.classId = st.optionalInt64(3);
    l.subject = st.text(4);
    l.term = st.text(5);
    l.item = st.text(6);
    l.reason = st.text(7);
    l.lockedBy = st.text(8);
    l.lockedAt = QDateTime::fromString(st.text(9), Qt::ISODate);
    return l;
}

bool covers(const EntryLock& l, const EntryPlace& p)
{
    if (l.year != p.year)
        return false;
    if (l.grade && *l.grade != p.grade)
        return false;
    if (l.classId && *l.classId != p.classId)
        return false;
    if (!l.subject.isEmpty() && l.subject != p.subject)
        return false;
    if (!l.term.isEmpty() && l.term != p.term)
        return false;
    if (!l.item.isEmpty() && l.item != p.item)
        return false;
    return true;
}

/** A lock's scope in words for the audit log and the refusal: "2025-2026 grade 6 class #3 toan hk1 final". */
QString scopeText(const EntryLock& l)
{
    QStringList parts {l.year.toString()};
    if (l.grade)
        parts << QStringLiteral("grade=%1").arg(*l.grade);
    if (l.classId)
        parts << QStringLiteral("class=%1").arg(*l.classId);
    if (!l.subject.isEmpty())
        parts << QStringLiteral("subject=") + l.subject;
    if (!l.term.isEmpty())
        parts << QStringLiteral("term=") + l.term;
    if (!l.item.isEmpty())
        parts << QStringLiteral("item=") + l.item;
    return parts.join(u' ');
}

/** What the user reads of a lock's place: "of class 6A1, subject toan, term hk1, column final, in 2025-2026". */
QString placeText(const EntryLock& l, const QString& className)
{
    QStringList parts;
    if (l.classId)
        parts << Text::tr("of class %1").arg(className);
    else if (l.grade)
        parts << Text::tr("of grade %1").arg(*l.grade);
    else
        parts << Text::tr("of the whole school");
    if (!l.subject.isEmpty())
        parts << Text::tr("subject %1").arg(rules::subjectName(l.subject));
    if (!l.term.isEmpty())
        parts << termDisplayName(l.term);
    if (!l.item.isEmpty())
        parts << Text::tr("column %1").arg(itemDisplayName(l.item));
    parts << Text::tr("school year %1").arg(l.year.toString());
    return parts.join(QStringLiteral(", "));
}

bool isKnownTerm(const QString& t)
{
    return t.isEmpty() || lockableTerms().contains(t);
}

} // namespace

QStringList lockableTerms()
{
    return {QStringLiteral("hk1"), QStringLiteral("hk2"), QStringLiteral("cn"),  QStringLiteral("gk1"),
            QStringLiteral("ck1"), QStringLiteral("gk2"), QStringLiteral("ck2"), QStringLiteral("year")};
}

QStringList lockableItems()
{
    return {QStringLiteral("regular"), QStringLiteral("midterm"), QStringLiteral("final"),
            QStringLiteral("comment"), QStringLiteral("level"),   QStringLiteral("score"),
            QStringLiteral("conduct"), QStringLiteral("absences")};
}

QString termDisplayName(const QString& term)
{
    static const QHash<QString, const char*> names {
        {QStringLiteral("hk1"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Semester I")},
        {QStringLiteral("hk2"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Semester II")},
        {QStringLiteral("cn"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Whole year")},
        {QStringLiteral("gk1"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Middle of semester I")},
        {QStringLiteral("ck1"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "End of semester I")},
        {QStringLiteral("gk2"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Middle of semester II")},
        {QStringLiteral("ck2"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "End of semester II")},
        {QStringLiteral("year"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Homeroom columns of the year")},
    };
    const char* name = names.value(term);
    return name ? Text::tr(name) : term;
}

QString itemDisplayName(const QString& item)
{
    static const QHash<QString, const char*> names {
        {QStringLiteral("regular"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Regular marks (ĐĐGtx)")},
        {QStringLiteral("midterm"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Mid-term mark (ĐĐGgk)")},
        {QStringLiteral("final"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "End-of-term mark (ĐĐGck)")},
        {QStringLiteral("comment"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Comments")},
        {QStringLiteral("level"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Level (T/H/C)")},
        {QStringLiteral("score"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Periodic test score (KTĐK)")},
        {QStringLiteral("conduct"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Conduct")},
        {QStringLiteral("absences"), QT_TRANSLATE_NOOP("hocba::lifecycle::EntryLocks", "Absences")},
    };
    const char* name = names.value(item);
    return name ? Text::tr(name) : item;
}

QStringList scopeInWords(const EntryLock& l, const QString& className)
{
    QStringList words;
    if (l.classId)
        words << Text::tr("Class %1").arg(className);
    else if (l.grade)
        words << Text::tr("Grade %1").arg(*l.grade);
    else
        words << Text::tr("Whole school");
    words << (l.subject.isEmpty() ? Text::tr("All subjects and homeroom columns") : rules::subjectName(l.subject));
    words << (l.term.isEmpty() ? Text::tr("All terms") : termDisplayName(l.term));
    words << (l.item.isEmpty() ? Text::tr("All columns") : itemDisplayName(l.item));
    return words;
}

Result<QList<EntryLock>> entryLocks(store::Database& db, SchoolYear year)
{
    auto st = db.prepare(QStringLiteral("SELECT %1 FROM entry_lock WHERE school_year = ?1 AND lifted_at IS NULL "
                                        "ORDER BY id")
                             .arg(QLatin1String(kColumns)));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear);
    QList<EntryLock> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        out.append(readLock(*st));
    }
    return out;
}

Result<EntryLockSet> EntryLockSet::load(store::Database& db, SchoolYear year)
{
    auto locks = entryLocks(db, year);
    if (!locks)
        return std::unexpected(locks.error());
    EntryLockSet set;
    set.m_year = year;
    set.m_locks = std::move(*locks);
    if (set.m_locks.isEmpty())
        return set;
    // The year's classes: their names for the refusals, their grades for a place that names only its class.
    auto st = db.prepare(QStringLiteral("SELECT id, name, grade FROM class WHERE school_year = ?1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear);
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        set.m_classNames.insert(st->int64(0), st->text(1));
        set.m_classGrades.insert(st->int64(0), int(st->int64(2)));
    }
    return set;
}

const EntryLock* EntryLockSet::covering(const EntryPlace& place) const
{
    EntryPlace p = place;
    if (p.grade == 0 && p.classId != 0)
        p.grade = m_classGrades.value(p.classId);
    for (const EntryLock& l : m_locks)
        if (covers(l, p))
            return &l;
    return nullptr;
}

QString EntryLockSet::refusal(const EntryLock& l) const
{
    return Text::tr("Marks %1 were locked by %2 on %3: %4")
        .arg(placeText(l, l.classId ? m_classNames.value(*l.classId) : QString()), l.lockedBy,
             l.lockedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy")), l.reason);
}

Status EntryLockSet::check(const EntryPlace& place) const
{
    if (const EntryLock* l = covering(place))
        return fail(ErrorCode::PermissionDenied, refusal(*l), QStringLiteral("entry_lock %1").arg(l->id));
    return {};
}

Status requireUnlocked(store::Database& db, const EntryPlace& place)
{
    auto set = EntryLockSet::load(db, place.year);
    if (!set)
        return std::unexpected(set.error());
    return set->check(place);
}

Result<Id> lockEntry(store::Database& db, const Actor& actor, const EntryLock& lock)
{
    if (auto ok = permit(db, actor, Right::LockEntry, RightScope::inYear(lock.year)); !ok)
        return std::unexpected(ok.error());
    const QString reason = lock.reason.trimmed();
    if (reason.isEmpty())
        return fail(ErrorCode::InvalidInput, Text::tr("Write why the entry is locked: the teachers see it."));
    if (!isKnownTerm(lock.term))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a term: use hk1, hk2, cn (THCS), gk1, ck1, gk2, ck2 (primary) or year (the "
                             "homeroom columns of the whole year).")
                        .arg(lock.term));
    // A subject of the curriculum, or a primary quality or competency ("q.cham_chi", "c.tu_chu_tu_hoc").
    const bool trait = lock.subject.startsWith(u"q."_qs) || lock.subject.startsWith(u"c."_qs);
    if (!lock.subject.isEmpty() && !trait && rules::subjectName(lock.subject) == lock.subject)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a subject code; the codes are listed in docs/evaluate.md, for example toan "
                             "or ngu_van.")
                        .arg(lock.subject));
    if (!lock.item.isEmpty() && !lockableItems().contains(lock.item))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a column: use %2.").arg(lock.item, lockableItems().join(u", "_qs)));
    EntryLock l = lock;
    l.reason = reason;
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    if (l.classId) {
        auto st = db.prepare(QStringLiteral("SELECT grade FROM class WHERE id = ?1 AND school_year = ?2"));
        if (!st)
            return std::unexpected(st.error());
        st->bind(1, *l.classId).bind(2, l.year.startYear);
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return fail(ErrorCode::NotFound, Text::tr("There is no such class in %1.").arg(l.year.toString()));
        const int grade = int(st->int64(0));
        if (l.grade && *l.grade != grade)
            return fail(ErrorCode::InvalidInput, Text::tr("The class is not in grade %1.").arg(*l.grade));
        l.grade = grade;
    }
    auto st = db.prepare(
        QStringLiteral("INSERT INTO entry_lock (school_year, grade, class_id, subject, term, item, reason, locked_by, "
                       "locked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, l.year.startYear);
    if (l.grade)
        st->bind(2, *l.grade);
    else
        st->bindNull(2);
    st->bind(3, l.classId);
    st->bind(4, l.subject.isNull() ? QString(u""_qs) : l.subject);
    st->bind(5, l.term.isNull() ? QString(u""_qs) : l.term);
    st->bind(6, l.item.isNull() ? QString(u""_qs) : l.item);
    st->bind(7, l.reason);
    st->bind(8, actor.auditName());
    if (auto s = st->exec(); !s)
        return std::unexpected(s.error());
    const Id id = db.lastInsertId();
    if (auto s = store::AuditLog(db).append(QStringLiteral("entry.lock"), QStringLiteral("entry_lock"),
                                            QString::number(id), QStringLiteral("scope"), std::nullopt,
                                            scopeText(l) + QStringLiteral(" | ") + l.reason);
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return id;
}

Status unlockEntry(store::Database& db, const Actor& actor, Id lockId, const QString& reason)
{
    if (auto ok = permit(db, actor, Right::LockEntry); !ok)
        return ok;
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("Write why the lock is lifted: the reason is kept in the audit log."));
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto sel = db.prepare(
        QStringLiteral("SELECT %1 FROM entry_lock WHERE id = ?1 AND lifted_at IS NULL").arg(QLatin1String(kColumns)));
    if (!sel)
        return std::unexpected(sel.error());
    sel->bind(1, lockId);
    auto row = sel->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, Text::tr("There is no lock number %1 in force.").arg(lockId));
    const EntryLock l = readLock(*sel);
    if (auto ok = actor.require(Right::LockEntry, RightScope::inYear(l.year)); !ok)
        return ok;
    auto st = db.prepare(QStringLiteral("UPDATE entry_lock SET lifted_by = ?2, lifted_reason = ?3, "
                                        "lifted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, lockId).bind(2, actor.auditName()).bind(3, why);
    if (auto s = st->exec(); !s)
        return s;
    if (auto s = store::AuditLog(db).append(QStringLiteral("entry.unlock"), QStringLiteral("entry_lock"),
                                            QString::number(lockId), QStringLiteral("lifted"),
                                            scopeText(l) + QStringLiteral(" | ") + l.reason, why);
        !s)
        return s;
    return tx.commit();
}

} // namespace hocba::lifecycle

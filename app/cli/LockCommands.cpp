// SPDX-License-Identifier: GPL-3.0-or-later
// Locks on entry (docs/entry-locks.md): the board locks a scope of a school year, lifts a lock with a reason, and
// anyone lists the locks in force.
#include "Commands.h"

#include "lifecycle/EntryLocks.h"
#include "store/SchoolRepository.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hocba::cli {

namespace {

const QString kDate = QStringLiteral("dd/MM/yyyy");

QCommandLineOption reasonOption(const QString& what)
{
    return QCommandLineOption(QStringLiteral("reason"), what, QStringLiteral("TEXT"));
}

/** The names of the classes of a year, by id. */
QHash<Id, QString> classNames(store::Database& db, SchoolYear year)
{
    QHash<Id, QString> names;
    if (auto classes = store::SchoolRepository(db).classes(year))
        for (const ClassGroup& c : *classes)
            names.insert(c.id, c.name);
    return names;
}

QJsonObject lockJson(const lifecycle::EntryLock& l, const QString& className)
{
    QJsonObject o {{QStringLiteral("id"), l.id},
                   {QStringLiteral("year"), l.year.toString()},
                   {QStringLiteral("subject"), l.subject},
                   {QStringLiteral("term"), l.term},
                   {QStringLiteral("item"), l.item},
                   {QStringLiteral("reason"), l.reason},
                   {QStringLiteral("lockedBy"), l.lockedBy},
                   {QStringLiteral("lockedAt"), l.lockedAt.toString(Qt::ISODate)},
                   {QStringLiteral("scope"), lifecycle::scopeInWords(l, className).join(QStringLiteral(" · "))}};
    o.insert(QStringLiteral("grade"), l.grade ? QJsonValue(*l.grade) : QJsonValue());
    o.insert(QStringLiteral("class"), l.classId ? QJsonValue(className) : QJsonValue());
    return o;
}

/** lock --db F [--year Y] [--grade N] [--class NAME] [--subject CODE] [--term T] [--item I] --reason R. */
class LockCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::LockCommand)
public:
    QString name() const override { return QStringLiteral("lock"); }
    QString summary() const override
    {
        return tr("The board locks entry of marks and comments: the whole school, a grade or a class, optionally "
                  "only a subject, a term or a column; grids and imports then refuse to change them. Prints the "
                  "lock's number.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption grade(QStringLiteral("grade"), tr("Lock one grade (1 to 9)."), QStringLiteral("N"));
        const QCommandLineOption subject(QStringLiteral("subject"),
                                         tr("Lock one subject only (a code of docs/evaluate.md, e.g. toan)."),
                                         QStringLiteral("CODE"));
        const QCommandLineOption term(QStringLiteral("term"),
                                      tr("Lock one term only: hk1, hk2, cn, gk1, ck1, gk2, ck2 or year."),
                                      QStringLiteral("TERM"));
        const QCommandLineOption item(
            QStringLiteral("item"),
            tr("Lock one column only: regular, midterm, final, comment, level, score, conduct or absences."),
            QStringLiteral("ITEM"));
        const QCommandLineOption reason = reasonOption(tr("Why entry is locked: the teachers see it."));
        QCommandLineParser parser;
        if (int code = parse(parser,
                             QList<QCommandLineOption> {dbOption(), actorOption(), yearOption(), grade, classOption(),
                                                        subject, term, item, reason, jsonOption()}
                                 + userOptions(),
                             args, console);
            code >= 0)
            return code;
        if (parser.value(reason).trimmed().isEmpty())
            return console.fail({ErrorCode::Usage, tr("Give the reason with --reason TEXT."), {}});
        lifecycle::EntryLock l;
        if (parser.isSet(grade)) {
            bool ok = false;
            const int g = parser.value(grade).trimmed().toInt(&ok);
            if (!ok || g < 1 || g > 12)
                return console.fail({ErrorCode::Usage, tr("--grade takes a grade from 1 to 12, e.g. 6."), {}});
            l.grade = g;
        }
        const QString item_ = parser.value(item).trimmed().toLower();
        if (!item_.isEmpty() && !lifecycle::lockableItems().contains(item_))
            return console.fail({ErrorCode::Usage,
                                 tr("\"%1\" is not a column: use %2.")
                                     .arg(item_, lifecycle::lockableItems().join(QStringLiteral(", "))),
                                 {}});
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto year = chosenYear(parser, *school->db);
        if (!year)
            return console.fail(year.error());
        l.year = *year;
        QString className;
        if (parser.isSet(QStringLiteral("class"))) {
            className = text::normalized(parser.value(QStringLiteral("class")).trimmed().toUpper());
            auto cls = store::SchoolRepository(*school->db).classByName(*year, className);
            if (!cls)
                return console.fail(cls.error());
            if (!*cls)
                return console.fail(
                    {ErrorCode::NotFound, tr("There is no class %1 in %2.").arg(className, year->toString()), {}});
            l.classId = (*cls)->id;
        }
        l.subject = parser.value(subject).trimmed().toLower();
        l.term = parser.value(term).trimmed().toLower();
        l.item = item_;
        l.reason = parser.value(reason);
        auto id = lifecycle::lockEntry(*school->db, school->actor, l);
        if (!id)
            return console.fail(id.error());
        l.id = *id;
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("id"), *id}}));
        } else {
            console.out << *id << '\n';
            console.err << tr("Lock %1 set: %2.")
                               .arg(*id)
                               .arg(lifecycle::scopeInWords(l, className).join(QStringLiteral(" · ")))
                        << '\n';
        }
        console.out.flush();
        console.err.flush();
        return ExitOk;
    }
};

/** unlock --db F --id N --reason R: the board lifts a lock. */
class UnlockCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::UnlockCommand)
public:
    QString name() const override { return QStringLiteral("unlock"); }
    QString summary() const override
    {
        return tr("The board lifts a lock on entry; the reason is kept in the audit log with the lock.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption id(QStringLiteral("id"), tr("The lock's number (hocba-cli locks lists them)."),
                                    QStringLiteral("N"));
        const QCommandLineOption reason = reasonOption(tr("Why the lock is lifted."));
        QCommandLineParser parser;
        if (int code = parse(parser, QList<QCommandLineOption> {dbOption(), actorOption(), id, reason} + userOptions(),
                             args, console);
            code >= 0)
            return code;
        bool ok = false;
        const Id lockId = parser.value(id).trimmed().toLongLong(&ok);
        if (!ok || lockId <= 0)
            return console.fail({ErrorCode::Usage, tr("Name the lock with --id N."), {}});
        if (parser.value(reason).trimmed().isEmpty())
            return console.fail({ErrorCode::Usage, tr("Give the reason with --reason TEXT."), {}});
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        if (auto s = lifecycle::unlockEntry(*school->db, school->actor, lockId, parser.value(reason)); !s)
            return console.fail(s.error());
        console.out << tr("Lock %1 lifted.").arg(lockId) << '\n';
        console.out.flush();
        return ExitOk;
    }
};

/** locks --db F [--year Y] [--json]: the locks in force. */
class LocksCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::LocksCommand)
public:
    QString name() const override { return QStringLiteral("locks"); }
    QString summary() const override { return tr("The locks on entry in force in a school year."); }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        if (int code = parse(parser, {dbOption(), yearOption(), jsonOption()}, args, console); code >= 0)
            return code;
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        auto year = chosenYear(parser, **db);
        if (!year)
            return console.fail(year.error());
        auto locks = lifecycle::entryLocks(**db, *year);
        if (!locks)
            return console.fail(locks.error());
        const QHash<Id, QString> names = classNames(**db, *year);
        const auto nameOf
            = [&](const lifecycle::EntryLock& l) { return l.classId ? names.value(*l.classId) : QString(); };
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray list;
            for (const auto& l : *locks)
                list.append(lockJson(l, nameOf(l)));
            console.printJson(QJsonDocument(
                QJsonObject {{QStringLiteral("year"), year->toString()}, {QStringLiteral("locks"), list}}));
            console.out.flush();
            return ExitOk;
        }
        if (locks->isEmpty()) {
            console.out << tr("No lock on entry is in force in %1.").arg(year->toString()) << '\n';
            console.out.flush();
            return ExitOk;
        }
        console.out << QStringList {tr("No."),    tr("Scope"),     tr("Subject"), tr("Term"),
                                    tr("Column"), tr("Locked by"), tr("On"),      tr("Reason")}
                           .join(QLatin1Char('\t'))
                    << '\n';
        for (const auto& l : *locks)
            console.out << (QStringList {QString::number(l.id)} + lifecycle::scopeInWords(l, nameOf(l))
                            + QStringList {l.lockedBy, l.lockedAt.toLocalTime().toString(kDate), l.reason})
                               .join(QLatin1Char('\t'))
                        << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeLockCommand()
{
    return std::make_unique<LockCommand>();
}

std::unique_ptr<Command> makeUnlockCommand()
{
    return std::make_unique<UnlockCommand>();
}

std::unique_ptr<Command> makeLocksCommand()
{
    return std::make_unique<LocksCommand>();
}

} // namespace hocba::cli

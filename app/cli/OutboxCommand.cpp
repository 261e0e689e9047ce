// SPDX-License-Identifier: GPL-3.0-or-later
// What waits to be sent to the Department, and what was sent and locked.
#include "Commands.h"

#include "lifecycle/Department.h"
#include "store/Database.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

using lifecycle::OutboxEntry;

QString stateCode(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Submitted:
        return QStringLiteral("submitted");
    case OutboxEntry::State::Locked:
        return QStringLiteral("locked");
    case OutboxEntry::State::Pending:
        break;
    }
    return QStringLiteral("pending");
}

QJsonValue isoOrNull(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue();
}

class OutboxCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::OutboxCommand)
public:
    QString name() const override { return QStringLiteral("outbox"); }
    QString summary() const override
    {
        return tr("List the signed records for the Department: waiting, sent (submitted) and locked.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption cls(QStringLiteral("class"), tr("Only the records of this class, e.g. 6A1."),
                                     tr("NAME"));
        QCommandLineParser parser;
        if (int c = parse(parser, {dbOption(), cls, jsonOption()}, args, console); c >= 0)
            return c;
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        auto entries = lifecycle::outbox(**db, parser.value(cls));
        if (!entries)
            return console.fail(entries.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray a;
            for (const OutboxEntry& e : *entries)
                a.append(QJsonObject {{QStringLiteral("lookup_code"), e.lookupCode},
                                      {QStringLiteral("version"), e.version},
                                      {QStringLiteral("class"), e.className},
                                      {QStringLiteral("year"), e.schoolYear},
                                      {QStringLiteral("state"), stateCode(e.state)},
                                      {QStringLiteral("attempts"), e.attempts},
                                      {QStringLiteral("last_error"), e.lastError},
                                      {QStringLiteral("submitted_at"), isoOrNull(e.submittedAt)},
                                      {QStringLiteral("locked_at"), isoOrNull(e.lockedAt)}});
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("outbox"), a}}));
            return ExitOk;
        }
        if (entries->isEmpty())
            console.out << tr("The outbox is empty: signed records appear here.") << '\n';
        for (const OutboxEntry& e : *entries) {
            console.out << e.schoolYear << '\t' << e.className << '\t' << e.lookupCode << " v" << e.version << '\t'
                        << shown(e) << '\n';
            if (!e.lastError.isEmpty())
                console.out << "    " << e.lastError << '\n';
        }
        console.out.flush();
        return ExitOk;
    }

private:
    static QString shown(const OutboxEntry& e)
    {
        switch (e.state) {
        case OutboxEntry::State::Submitted:
            return tr("sent on %1").arg(text::shownDate(e.submittedAt));
        case OutboxEntry::State::Locked:
            return tr("locked on %1").arg(text::shownDate(e.lockedAt));
        case OutboxEntry::State::Pending:
            break;
        }
        return tr("waiting (%1 tries)").arg(e.attempts);
    }
};

} // namespace

std::unique_ptr<Command> makeOutboxCommand()
{
    return std::make_unique<OutboxCommand>();
}

} // namespace hocba::cli

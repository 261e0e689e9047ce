// SPDX-License-Identifier: GPL-3.0-or-later
// Archive time-stamps (PAdES B-LTA, issue 16, docs/signing.md §8): "extend --db F" says how many signed records need a
// new archive time-stamp soon; "extend --db F --within DAYS" or "--all" adds one to them from the school's
// time-stamping server, each record stored on its own, so a run stopped by a server that does not answer resumes.
#include "Commands.h"

#include "lifecycle/ArchiveTimestamps.h"
#include "store/Database.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class ExtendCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ExtendCommand)
public:
    QString name() const override { return QStringLiteral("extend"); }
    QString summary() const override
    {
        return tr("Archive time-stamps: \"extend --db F\" says which signed records need one soon; \"--within DAYS\" "
                  "or \"--all\" adds them from the school's time-stamping server.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption all(QStringLiteral("all"),
                                     tr("Add an archive time-stamp to every signed record, due or not."));
        const QCommandLineOption within(
            QStringLiteral("within"),
            tr("Add one to the records whose last time-stamp expires within DAYS days (default %1).")
                .arg(lifecycle::kArchiveExtendDays),
            tr("DAYS"));
        QCommandLineParser parser;
        if (int c
            = parse(parser,
                    QList<QCommandLineOption> {dbOption(), all, within, actorOption(), jsonOption()} + userOptions(),
                    args, console, QString());
            c >= 0)
            return c;
        if (!parser.positionalArguments().isEmpty())
            return console.fail({ErrorCode::Usage, tr("\"extend\" takes no other words; see --help."), {}});
        const bool json = parser.isSet(QStringLiteral("json"));
        int days = lifecycle::kArchiveExtendDays;
        if (parser.isSet(within)) {
            bool ok = false;
            days = parser.value(within).toInt(&ok);
            if (!ok || days < 0 || days > 36500)
                return console.fail({ErrorCode::Usage, tr("--within takes a number of days (0 to 36500)."), {}});
        }
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        if (!parser.isSet(all) && !parser.isSet(within))
            return report(**db, json, console);

        auto actor = changingUser(parser, **db);
        if (!actor)
            return console.fail(actor.error());
        lifecycle::ExtendOptions o;
        o.withinDays = days;
        o.all = parser.isSet(all);
        if (!json)
            o.progress = [&console](int done, int total, const QString& code, bool extended) {
                console.out << QStringLiteral("[%1/%2] ").arg(done).arg(total) << code << ' '
                            << (extended ? tr("archive time-stamp added") : tr("not extended")) << '\n';
                console.out.flush();
            };
        auto result = lifecycle::extendArchiveTimestamps(**db, *actor, o);
        if (!result)
            return console.fail(result.error());
        const auto& r = *result;
        if (json) {
            QJsonArray failed;
            for (const auto& f : r.failed)
                failed.append(QJsonObject {{QStringLiteral("lookupCode"), f.lookupCode},
                                           {QStringLiteral("schoolYear"), f.schoolYear},
                                           {QStringLiteral("version"), f.version},
                                           {QStringLiteral("message"), f.message}});
            QJsonObject o {{QStringLiteral("due"), r.due},
                           {QStringLiteral("extended"), r.extended},
                           {QStringLiteral("failed"), failed}};
            if (r.stopped)
                o.insert(QStringLiteral("stopped"), r.stopped->message);
            console.printJson(QJsonDocument(o));
        } else {
            for (const auto& f : r.failed)
                console.out << f.lookupCode << ' ' << f.schoolYear << " v" << f.version << '\t' << f.message << '\n';
            console.out << tr("%1 of %2 records received an archive time-stamp.").arg(r.extended).arg(r.due) << '\n';
            console.out.flush();
        }
        if (r.stopped) {
            if (!json)
                console.out << tr("The run stopped; run the same command again later to continue.") << '\n';
            console.out.flush();
            return console.fail(*r.stopped);
        }
        return r.failed.isEmpty() ? ExitOk : ExitFailed;
    }

private:
    static int report(store::Database& db, bool json, Console& console)
    {
        auto soon = lifecycle::archiveReminder(db, lifecycle::kArchiveExtendDays);
        if (!soon)
            return console.fail(soon.error());
        auto urgent = lifecycle::archiveReminder(db, lifecycle::kArchiveReminderDays);
        if (!urgent)
            return console.fail(urgent.error());
        if (json) {
            QJsonObject o {{QStringLiteral("dueWithin%1Days").arg(lifecycle::kArchiveExtendDays), soon->due},
                           {QStringLiteral("dueWithin%1Days").arg(lifecycle::kArchiveReminderDays), urgent->due},
                           {QStringLiteral("timestamped"), soon->timestamped}};
            if (soon->earliestExpiry.isValid())
                o.insert(QStringLiteral("earliestExpiry"), soon->earliestExpiry.toString(Qt::ISODate));
            console.printJson(QJsonDocument(o));
            return ExitOk;
        }
        if (soon->due == 0) {
            console.out << tr("No signed record needs an archive time-stamp in the next %1 days (%2 records carry a "
                              "time-stamp).")
                               .arg(lifecycle::kArchiveExtendDays)
                               .arg(soon->timestamped)
                        << '\n';
        } else {
            console.out
                << tr("%1 signed records need an archive time-stamp: the certificate of their last "
                      "time-stamp expires from %2 on (%3 of them within %4 days).")
                       .arg(soon->due)
                       .arg(text::shownDate(soon->earliestExpiry))
                       .arg(urgent->due)
                       .arg(lifecycle::kArchiveReminderDays)
                << '\n'
                << tr("Add them with: hocba-cli extend --db FILE --within %1").arg(lifecycle::kArchiveExtendDays)
                << '\n';
        }
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeExtendCommand()
{
    return std::make_unique<ExtendCommand>();
}

} // namespace hocba::cli

// SPDX-License-Identifier: GPL-3.0-or-later
// Fetches the Department's lock receipts: each one checked against the pinned certificate locks its section.
#include "Commands.h"

#include "lifecycle/Department.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class ReceiptsCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ReceiptsCommand)
public:
    QString name() const override { return QStringLiteral("receipts"); }
    QString summary() const override
    {
        return tr("Fetch the Department's lock receipts: the records it locked become locked in the school file, "
                  "with the lock's date.");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        if (int c = parse(parser, QList<QCommandLineOption> {dbOption(), actorOption(), jsonOption()} + userOptions(),
                          args, console);
            c >= 0)
            return c;
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        auto report = lifecycle::fetchReceipts(*school->db, school->actor);
        if (!report)
            return console.fail(report.error());
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("fetched"), report->fetched},
                                                         {QStringLiteral("locked"), report->locked},
                                                         {QStringLiteral("rejected"), report->rejected}}));
        } else {
            console.out << tr("%1 receipts fetched, %2 records newly locked.").arg(report->fetched).arg(report->locked)
                        << '\n';
            if (report->rejected > 0)
                console.out << tr("%1 receipts were not accepted: they were not signed with the Department "
                                  "certificate set for this school, or name a record version this school did not "
                                  "send. Nothing was marked for them; tell the Department's IT staff.")
                                   .arg(report->rejected)
                            << '\n';
            console.out.flush();
        }
        return report->rejected > 0 ? ExitFailed : ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeReceiptsCommand()
{
    return std::make_unique<ReceiptsCommand>();
}

} // namespace hocba::cli

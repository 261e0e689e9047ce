// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/SectionConfirmer.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

/** draft → ready for lint-clean sections (the homeroom teacher's confirmation). */
class ConfirmCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::ConfirmCommand)
public:
    QString name() const override { return QStringLiteral("confirm"); }
    QString summary() const override
    {
        return tr("Confirm the checked school years of a class or the whole school (draft to ready); lists the rest "
                  "with their findings (exit 1 when some were not confirmed).");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption cls = classOption();
        const QCommandLineOption all = allOption();
        const QCommandLineOption year = yearOption();
        const QCommandLineOption ack(QStringLiteral("acknowledge-warnings"),
                                     tr("Confirm sections that have warnings too; the acknowledgement is recorded in "
                                        "the audit log under this name."),
                                     tr("NAME"));
        QCommandLineParser parser;
        if (int code
            = parse(parser, QList<QCommandLineOption> {dbOption(), cls, all, year, ack, jsonOption()} + userOptions(),
                    args, console);
            code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto className = chosenClass(parser);
        if (!className)
            return console.fail(className.error());
        if (parser.isSet(ack) && parser.value(ack).trimmed().isEmpty())
            return console.fail(
                {ErrorCode::Usage, tr("--acknowledge-warnings needs the name of who acknowledges."), {}});
        store::Database::OpenOptions open;
        if (parser.isSet(ack))
            open.actor = parser.value(ack).trimmed();
        auto db = store::Database::openExisting(*path, open);
        if (!db)
            return console.fail(db.error());
        auto actor = actingUser(parser, **db);
        if (!actor)
            return console.fail(actor.error());

        lifecycle::ConfirmOptions options;
        auto chosen = chosenYear(parser, **db);
        if (!chosen)
            return console.fail(chosen.error());
        options.year = *chosen;
        options.className = *className;
        options.acknowledgeWarnings = parser.isSet(ack);
        options.acknowledgedBy = parser.value(ack).trimmed();
        auto report = lifecycle::confirmSections(**db, *actor, options);
        if (!report)
            return console.fail(report.error());

        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray rest;
            for (const auto& item : report->notConfirmed) {
                QJsonArray findings;
                for (const Finding& f : item.findings)
                    findings.append(QJsonObject {{QStringLiteral("severity"), severityCode(f.severity)},
                                                 {QStringLiteral("code"), f.code},
                                                 {QStringLiteral("field"), f.field},
                                                 {QStringLiteral("message"), f.message}});
                rest.append(QJsonObject {{QStringLiteral("studentId"), item.studentId},
                                         {QStringLiteral("name"), item.fullName},
                                         {QStringLiteral("class"), item.className},
                                         {QStringLiteral("reason"), item.reason},
                                         {QStringLiteral("findings"), findings}});
            }
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("year"), options.year.toString()},
                                                         {QStringLiteral("confirmed"), report->confirmed.size()},
                                                         {QStringLiteral("alreadyConfirmed"), report->alreadyConfirmed},
                                                         {QStringLiteral("notConfirmed"), rest}}));
        } else {
            console.out << tr("School year %1: %2 confirmed, %3 already confirmed earlier, %4 not confirmed.")
                               .arg(options.year.toString())
                               .arg(report->confirmed.size())
                               .arg(report->alreadyConfirmed)
                               .arg(report->notConfirmed.size())
                        << '\n';
            for (const auto& item : report->notConfirmed) {
                console.out << "  " << item.className << ' ' << item.fullName << ": " << item.reason << '\n';
                for (const Finding& f : item.findings)
                    console.out << "    " << (f.isError() ? tr("error") : tr("warning")) << ' ' << f.code << ": "
                                << f.message << '\n';
            }
        }
        console.out.flush();
        return report->notConfirmed.isEmpty() ? ExitOk : ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeConfirmCommand()
{
    return std::make_unique<ConfirmCommand>();
}

} // namespace hocba::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/SignPolicy.h"
#include "store/Database.h"
#include "verify/SignatureReport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class PolicyCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::PolicyCommand)
public:
    QString name() const override { return QStringLiteral("policy"); }
    QString summary() const override
    {
        return tr("Which roles must sign each school year: the principal always; the homeroom teacher and the "
                  "school seal when the school requires them.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption require(QStringLiteral("require"), tr("Make a role required: homeroom or seal."),
                                         tr("ROLE"));
        const QCommandLineOption optional(QStringLiteral("optional"), tr("Make a role optional: homeroom or seal."),
                                          tr("ROLE"));
        const QCommandLineOption by = actorOption();
        QCommandLineParser parser;
        if (int code
            = parse(parser, QList<QCommandLineOption> {dbOption(), require, optional, by, jsonOption()} + userOptions(),
                    args, console);
            code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());

        QList<lifecycle::SignPolicy::Change> changes;
        for (const auto& [option, required] : {std::pair {&require, true}, std::pair {&optional, false}})
            for (const QString& code : parser.values(*option)) {
                const auto role = signing::roleFromCode(code.trimmed());
                if (!role)
                    return console.fail(
                        {ErrorCode::Usage, tr("Unknown role \"%1\": say homeroom or seal.").arg(code), {}});
                if (*role == signing::SignerRole::Principal && !required)
                    return console.fail({ErrorCode::Usage,
                                         tr("The principal always signs; only the homeroom teacher and the school "
                                            "seal can be optional."),
                                         {}});
                changes.append({*role, required});
            }

        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());
        if (!changes.isEmpty()) {
            auto actor = changingUser(parser, **db);
            if (!actor)
                return console.fail(actor.error());
            if (auto s = lifecycle::SignPolicy::set(**db, *actor, changes); !s)
                return console.fail(s.error());
        }

        auto roles = lifecycle::SignPolicy::requiredRoles(**db);
        if (!roles)
            return console.fail(roles.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray required;
            for (auto r : *roles)
                required.append(signing::roleCode(r));
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("required"), required}}));
            return ExitOk;
        }
        QStringList labels;
        for (auto r : *roles)
            labels << signing::roleLabel(r);
        console.out << tr("Signatures required for each school year: %1").arg(labels.join(QStringLiteral(", ")))
                    << '\n';
        if (!changes.isEmpty())
            console.out << tr("The rule applies to records signed from now on; records already signed keep their "
                              "signatures.")
                        << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makePolicyCommand()
{
    return std::make_unique<PolicyCommand>();
}

} // namespace hocba::cli

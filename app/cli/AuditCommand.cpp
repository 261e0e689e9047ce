// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/AuditCheckpoints.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class AuditCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::AuditCommand)

    static QJsonObject checkpointsJson(const lifecycle::CheckpointVerification& v)
    {
        QJsonArray findings;
        for (const Finding& f : v.findings)
            findings.append(QJsonObject {{QStringLiteral("code"), f.code},
                                         {QStringLiteral("field"), f.field},
                                         {QStringLiteral("message"), f.message}});
        return {{QStringLiteral("ok"), v.ok()},
                {QStringLiteral("stored"), v.checkpoints},
                {QStringLiteral("valid"), v.validCheckpoints},
                {QStringLiteral("lastVouchedEntry"), v.lastVouchedEntry},
                {QStringLiteral("findings"), findings}};
    }

    static void printCheckpoints(const lifecycle::CheckpointVerification& v, QTextStream& out)
    {
        if (v.checkpoints == 0)
            out << tr("Audit checkpoints: none yet (each signing batch makes one).") << '\n';
        else
            out << tr("Audit checkpoints: %1 stored, %2 valid.").arg(v.checkpoints).arg(v.validCheckpoints) << '\n';
        if (v.lastVouchedEntry > 0)
            out << tr("Entries 1 to %1 are vouched for by a signed checkpoint; later entries only by the chain.")
                       .arg(v.lastVouchedEntry)
                << '\n';
        for (const Finding& f : v.findings)
            out << tr("Audit checkpoint problem: %1").arg(f.message) << '\n';
    }

public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override
    {
        return tr("Check the audit log: \"audit verify --db FILE\" walks the hash chain, names the first entry "
                  "that was changed, removed or moved, and checks the chain against the checkpoints signed when "
                  "records were signed.");
    }

    int run(const QStringList& args, Console& console) override
    {
        QCommandLineParser parser;
        if (int code = parse(parser, {dbOption(), jsonOption()}, args, console, QStringLiteral("verify")); code >= 0)
            return code;
        const QStringList words = parser.positionalArguments();
        if (words != QStringList {QStringLiteral("verify")})
            return console.fail({ErrorCode::Usage, tr("Use: hocba-cli audit verify --db FILE"), {}});
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto db = openExisting(*path);
        if (!db)
            return console.fail(db.error());
        auto result = store::AuditLog(**db).verify();
        if (!result)
            return console.fail(result.error());
        auto checkpoints = lifecycle::verifyAuditCheckpoints(**db);
        if (!checkpoints)
            return console.fail(checkpoints.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject o {{QStringLiteral("ok"), result->ok}, {QStringLiteral("entries"), result->entries}};
            if (!result->ok) {
                o.insert(QStringLiteral("firstBadEntry"), result->firstBadId);
                o.insert(QStringLiteral("problem"), result->problem);
            }
            o.insert(QStringLiteral("checkpoints"), checkpointsJson(*checkpoints));
            if (!checkpoints->ok())
                o.insert(QStringLiteral("ok"), false);
            console.printJson(QJsonDocument(o));
        } else if (result->ok) {
            console.out << tr("Audit log intact: %1 entries, chain unbroken.").arg(result->entries) << '\n';
        } else {
            console.out << tr("Audit log BROKEN at entry %1: %2").arg(result->firstBadId).arg(result->problem) << '\n';
        }
        if (!parser.isSet(QStringLiteral("json")))
            printCheckpoints(*checkpoints, console.out);
        console.out.flush();
        if (!result->ok)
            return ExitDatabase;
        return checkpoints->ok() ? ExitOk : ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeAuditCommand()
{
    return std::make_unique<AuditCommand>();
}

} // namespace hocba::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "store/AuditLog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class AuditCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::AuditCommand)
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override
    {
        return tr("Check the audit log: \"audit verify --db FILE\" walks the hash chain and names the first entry "
                  "that was changed, removed or moved.");
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
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject o {{QStringLiteral("ok"), result->ok}, {QStringLiteral("entries"), result->entries}};
            if (!result->ok) {
                o.insert(QStringLiteral("firstBadEntry"), result->firstBadId);
                o.insert(QStringLiteral("problem"), result->problem);
            }
            console.printJson(QJsonDocument(o));
        } else if (result->ok) {
            console.out << tr("Audit log intact: %1 entries, chain unbroken.").arg(result->entries) << '\n';
        } else {
            console.out << tr("Audit log BROKEN at entry %1: %2").arg(result->firstBadId).arg(result->problem) << '\n';
        }
        console.out.flush();
        return result->ok ? ExitOk : ExitDatabase;
    }
};

} // namespace

std::unique_ptr<Command> makeAuditCommand()
{
    return std::make_unique<AuditCommand>();
}

} // namespace hocba::cli

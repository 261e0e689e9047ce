// SPDX-License-Identifier: GPL-3.0-or-later
// Where the school reports: "endpoint set" stores the Department's address, the school's credential and the pinned
// Department certificate; "endpoint show" says what is set (never the credential).
#include "Commands.h"

#include "lifecycle/Department.h"
#include "store/Database.h"
#include "util/Digest.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class EndpointCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::EndpointCommand)
public:
    QString name() const override { return QStringLiteral("endpoint"); }
    QString summary() const override
    {
        return tr("Set the Department's server this school reports to: \"endpoint set --url URL --credential-file F "
                  "--department-cert F\", \"endpoint show\".");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption url(QStringLiteral("url"),
                                     tr("The Department's server, e.g. https://hocba.sogd.example.vn."), tr("URL"));
        const QCommandLineOption credential(QStringLiteral("credential-file"),
                                            tr("The school's credential file the Department gave (one line)."),
                                            tr("FILE"));
        const QCommandLineOption cert(QStringLiteral("department-cert"),
                                      tr("The Department's certificate (department-cert.pem): its receipts must be "
                                         "signed with it."),
                                      tr("FILE"));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), url, credential, cert, actorOption(), jsonOption()}
                              + userOptions(),
                          args, console, QStringLiteral("set|show"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        if (words.size() != 1 || (action != QLatin1String("set") && action != QLatin1String("show")))
            return console.fail({ErrorCode::Usage, tr("Say \"endpoint set\" or \"endpoint show\"."), {}});
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        if (action == QLatin1String("set")) {
            if (!parser.isSet(url) || !parser.isSet(credential) || !parser.isSet(cert))
                return console.fail({ErrorCode::Usage,
                                     tr("--url URL, --credential-file FILE and --department-cert FILE are required."),
                                     {}});
            auto actor = changingUser(parser, **db);
            if (!actor)
                return console.fail(actor.error());
            if (auto set
                = lifecycle::setEndpoint(**db, *actor, parser.value(url), parser.value(credential), parser.value(cert));
                !set)
                return console.fail(set.error());
        }
        return show(**db, parser.isSet(QStringLiteral("json")), console);
    }

private:
    static int show(store::Database& db, bool json, Console& console)
    {
        auto settings = lifecycle::endpointSettings(db);
        if (!settings)
            return console.fail(settings.error());
        if (!*settings)
            return console.fail({ErrorCode::NotFound,
                                 tr("No Department server is set for this school yet. Set it with \"hocba-cli "
                                    "endpoint set\"."),
                                 {}});
        const auto& s = **settings;
        const QString sha256 = QString::fromLatin1(digest::sha256(s.departmentCertDer).toHex());
        if (json) {
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("url"), s.url},
                                                         {QStringLiteral("department"), s.departmentName},
                                                         {QStringLiteral("certificateSha256"), sha256},
                                                         {QStringLiteral("credentialSet"), !s.credential.isEmpty()}}));
            return ExitOk;
        }
        console.out << tr("Department server: %1").arg(s.url) << '\n'
                    << tr("Department: %1").arg(s.departmentName) << '\n'
                    << tr("Department certificate SHA-256: %1").arg(sha256) << '\n'
                    << tr("The school's credential is set (it is never shown).") << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeEndpointCommand()
{
    return std::make_unique<EndpointCommand>();
}

} // namespace hocba::cli

// SPDX-License-Identifier: GPL-3.0-or-later
// Where the school reports: "endpoint set" stores the Department's address, the school's credential and the pinned
// Department certificate, and/or with --lookup-url the lookup portal the printed books' QR codes point to (which works
// on its own, before any Department server is set); "endpoint show" says what is set (never the credential).
#include "Commands.h"

#include "lifecycle/Department.h"
#include "lifecycle/PrintSettings.h"
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
                  "--department-cert F\", the lookup portal printed in the QR codes: \"endpoint set --lookup-url "
                  "URL\", \"endpoint show\".");
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
        const QCommandLineOption lookup(QStringLiteral("lookup-url"),
                                        tr("The lookup portal the printed books' QR codes point to, e.g. "
                                           "https://tracuu.sogd.example.vn/ (an empty value clears it)."),
                                        tr("URL"));
        QCommandLineParser parser;
        if (int c
            = parse(parser,
                    QList<QCommandLineOption> {dbOption(), url, credential, cert, lookup, actorOption(), jsonOption()}
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
            const bool server = parser.isSet(url) || parser.isSet(credential) || parser.isSet(cert);
            if (server && (!parser.isSet(url) || !parser.isSet(credential) || !parser.isSet(cert)))
                return console.fail({ErrorCode::Usage,
                                     tr("--url URL, --credential-file FILE and --department-cert FILE are required."),
                                     {}});
            if (!server && !parser.isSet(lookup))
                return console.fail({ErrorCode::Usage,
                                     tr("Say what to set: --url URL --credential-file FILE --department-cert FILE, "
                                        "and/or --lookup-url URL."),
                                     {}});
            auto actor = changingUser(parser, **db);
            if (!actor)
                return console.fail(actor.error());
            if (parser.isSet(lookup))
                if (auto set = lifecycle::setLookupUrl(**db, *actor, parser.value(lookup)); !set)
                    return console.fail(set.error());
            if (server)
                if (auto set = lifecycle::setEndpoint(**db, *actor, parser.value(url), parser.value(credential),
                                                      parser.value(cert));
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
        auto print = lifecycle::printSettings(db);
        if (!print)
            return console.fail(print.error());
        const QString lookupUrl = print->lookupUrl;
        if (!*settings && lookupUrl.isEmpty())
            return console.fail({ErrorCode::NotFound,
                                 tr("No Department server is set for this school yet. Set it with \"hocba-cli "
                                    "endpoint set\"."),
                                 {}});
        if (json) {
            QJsonObject o;
            if (*settings) {
                const auto& s = **settings;
                o.insert(QStringLiteral("url"), s.url);
                o.insert(QStringLiteral("department"), s.departmentName);
                o.insert(QStringLiteral("certificateSha256"),
                         QString::fromLatin1(digest::sha256(s.departmentCertDer).toHex()));
                o.insert(QStringLiteral("credentialSet"), !s.credential.isEmpty());
            }
            o.insert(QStringLiteral("lookupUrl"), lookupUrl);
            console.printJson(QJsonDocument(o));
            return ExitOk;
        }
        if (*settings) {
            const auto& s = **settings;
            const QString sha256 = QString::fromLatin1(digest::sha256(s.departmentCertDer).toHex());
            console.out << tr("Department server: %1").arg(s.url) << '\n'
                        << tr("Department: %1").arg(s.departmentName) << '\n'
                        << tr("Department certificate SHA-256: %1").arg(sha256) << '\n'
                        << tr("The school's credential is set (it is never shown).") << '\n';
        } else {
            console.out << tr("No Department server is set for this school yet.") << '\n';
        }
        console.out << (lookupUrl.isEmpty()
                            ? tr("Lookup portal: not set (the printed QR codes point to a placeholder).")
                            : tr("Lookup portal: %1").arg(lookupUrl))
                    << '\n';
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

// SPDX-License-Identifier: GPL-3.0-or-later
// The school's time-stamping authority (issue 16): "tsa set" stores the server's address, the root certificate its
// time-stamps chain to and whether signing may go on without a time-stamp; "tsa show" says what is set; "tsa clear"
// removes it (signatures go back to level B). Changes need the right to manage the school and are audited.
#include "Commands.h"

#include "lifecycle/TsaSettings.h"
#include "store/Database.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class TsaCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::TsaCommand)
public:
    QString name() const override { return QStringLiteral("tsa"); }
    QString summary() const override
    {
        return tr("The time-stamping server that dates every signature: \"tsa set --url URL --trust ROOT.pem "
                  "[--allow-without]\", \"tsa show\", \"tsa clear\".");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption url(QStringLiteral("url"),
                                     tr("The time-stamping server's address, as the certification service provider "
                                        "gives it, e.g. http://tsa.ca.example.vn."),
                                     tr("URL"));
        const QCommandLineOption trust(
            QStringLiteral("trust"), tr("The root certificate of the time-stamping server (PEM or DER)."), tr("FILE"));
        const QCommandLineOption allow(QStringLiteral("allow-without"),
                                       tr("When the server does not answer, sign without a time-stamp instead of "
                                          "stopping the batch (the signing time is then only what the computer "
                                          "claims)."));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), url, trust, allow, actorOption(), jsonOption()}
                              + userOptions(),
                          args, console, QStringLiteral("set|show|clear"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        if (words.size() != 1
            || (action != QLatin1String("set") && action != QLatin1String("show") && action != QLatin1String("clear")))
            return console.fail({ErrorCode::Usage, tr("Say \"tsa set\", \"tsa show\" or \"tsa clear\"."), {}});
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        if (action == QLatin1String("set")) {
            if (!parser.isSet(url) || !parser.isSet(trust))
                return console.fail({ErrorCode::Usage, tr("--url URL and --trust FILE are required."), {}});
            QFile f(parser.value(trust));
            if (!f.open(QIODevice::ReadOnly))
                return console.fail({ErrorCode::Io, tr("Cannot read %1.").arg(f.fileName()), f.errorString()});
            auto actor = changingUser(parser, **db);
            if (!actor)
                return console.fail(actor.error());
            if (auto set = lifecycle::setTsa(**db, *actor, parser.value(url), f.readAll(), parser.isSet(allow)); !set)
                return console.fail(set.error());
        } else if (action == QLatin1String("clear")) {
            auto actor = changingUser(parser, **db);
            if (!actor)
                return console.fail(actor.error());
            if (auto cleared = lifecycle::clearTsa(**db, *actor); !cleared)
                return console.fail(cleared.error());
        }
        return show(**db, parser.isSet(QStringLiteral("json")), console);
    }

private:
    static int show(store::Database& db, bool json, Console& console)
    {
        auto settings = lifecycle::tsaSettings(db);
        if (!settings)
            return console.fail(settings.error());
        if (json) {
            QJsonObject o;
            if (*settings) {
                const auto& s = **settings;
                o.insert(QStringLiteral("url"), s.url);
                o.insert(QStringLiteral("trustSubject"), s.trust.subject);
                o.insert(QStringLiteral("trustSha256"), s.trust.sha256);
                o.insert(QStringLiteral("allowWithout"), s.allowWithout);
                o.insert(QStringLiteral("updatedAt"), s.updatedAt);
            }
            console.printJson(QJsonDocument(o));
            return ExitOk;
        }
        if (!*settings) {
            console.out << tr("No time-stamping server is set: signatures carry only the time the signer's computer "
                              "claims (level B).")
                        << '\n';
        } else {
            const auto& s = **settings;
            console.out << tr("Time-stamping server: %1").arg(s.url) << '\n'
                        << tr("Its root certificate: %1 (SHA-256 %2), valid until %3")
                               .arg(s.trust.subject, s.trust.sha256, text::shownDate(s.trust.notAfter))
                        << '\n'
                        << (s.allowWithout ? tr("When it does not answer: sign without a time-stamp (level B).")
                                           : tr("When it does not answer: the signing stops, and can be resumed "
                                                "later."))
                        << '\n';
        }
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeTsaCommand()
{
    return std::make_unique<TsaCommand>();
}

} // namespace hocba::cli

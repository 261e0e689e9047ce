// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/TrustAnchors.h"
#include "store/Database.h"
#include "util/Text.h"
#include "verify/TrustStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class TrustCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::TrustCommand)
public:
    QString name() const override { return QStringLiteral("trust"); }
    QString summary() const override
    {
        return tr("Manage the school's trust anchors (root certificates of certification service providers): "
                  "\"trust add --cert FILE\", \"trust list\".");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption cert(QStringLiteral("cert"), tr("CA certificate to trust (PEM or DER)."), tr("FILE"));
        const QCommandLineOption by = actorOption();
        QCommandLineParser parser;
        if (int code = parse(parser, QList<QCommandLineOption> {dbOption(), cert, by, jsonOption()} + userOptions(),
                             args, console, QStringLiteral("add|list"));
            code >= 0)
            return code;
        const QStringList words = parser.positionalArguments();
        const QString action = words.value(0);
        if (words.size() != 1 || (action != QLatin1String("add") && action != QLatin1String("list")))
            return console.fail({ErrorCode::Usage, tr("Say \"trust add --cert FILE\" or \"trust list\"."), {}});
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());

        if (action == QLatin1String("add")) {
            if (!parser.isSet(cert))
                return console.fail({ErrorCode::Usage, tr("--cert FILE is required."), {}});
            QFile f(parser.value(cert));
            if (!f.open(QIODevice::ReadOnly))
                return console.fail({ErrorCode::Io, tr("Cannot read %1.").arg(f.fileName()), f.errorString()});
            auto actor = changingUser(parser, **db);
            if (!actor)
                return console.fail(actor.error());
            auto added = lifecycle::TrustAnchors::add(**db, *actor, f.readAll());
            if (!added)
                return console.fail(added.error());
            if (parser.isSet(QStringLiteral("json"))) {
                console.printJson(QJsonDocument(json(*added)));
                return ExitOk;
            }
            console.out << tr("Trust anchor added: %1").arg(added->certificate.subject) << '\n'
                        << tr("SHA-256: %1").arg(added->certificate.sha256) << '\n';
            console.out.flush();
            return ExitOk;
        }

        auto list = lifecycle::TrustAnchors::school(**db);
        if (!list)
            return console.fail(list.error());
        const signing::TrustStore builtIn = signing::TrustStore::builtIn();
        QList<signing::TrustAnchor> all = builtIn.anchors();
        all += *list;
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray a;
            for (const auto& anchor : all)
                a.append(json(anchor));
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("anchors"), a}}));
            return ExitOk;
        }
        if (all.isEmpty())
            console.out << tr("No trust anchors yet. Add the root certificate of your certification service "
                              "provider with \"hocba-cli trust add --db FILE --cert ROOT.pem\".")
                        << '\n';
        for (const auto& anchor : all) {
            const auto& c = anchor.certificate;
            console.out << (anchor.source == signing::TrustAnchor::Source::BuiltIn ? tr("[built-in]") : tr("[school]"))
                        << ' ' << c.subject << '\n'
                        << "    "
                        << tr("valid %1 to %2, SHA-256 %3")
                               .arg(text::shownDate(c.notBefore), text::shownDate(c.notAfter), c.sha256)
                        << '\n';
            if (anchor.source == signing::TrustAnchor::Source::School)
                console.out << "    " << tr("added %1 by %2").arg(text::shownDate(anchor.addedAt), anchor.addedBy)
                            << '\n';
        }
        console.out.flush();
        return ExitOk;
    }

    static QJsonObject json(const signing::TrustAnchor& a)
    {
        const auto& c = a.certificate;
        QJsonObject o {
            {QStringLiteral("source"),
             a.source == signing::TrustAnchor::Source::BuiltIn ? QStringLiteral("built-in") : QStringLiteral("school")},
            {QStringLiteral("subject"), c.subject},
            {QStringLiteral("commonName"), c.holder},
            {QStringLiteral("sha256"), c.sha256},
            {QStringLiteral("notBefore"), c.notBefore.toString(Qt::ISODate)},
            {QStringLiteral("notAfter"), c.notAfter.toString(Qt::ISODate)}};
        if (a.source == signing::TrustAnchor::Source::School) {
            o.insert(QStringLiteral("id"), a.id);
            o.insert(QStringLiteral("addedAt"), a.addedAt.toString(Qt::ISODate));
            o.insert(QStringLiteral("addedBy"), a.addedBy);
        }
        return o;
    }
};

} // namespace

std::unique_ptr<Command> makeTrustCommand()
{
    return std::make_unique<TrustCommand>();
}

} // namespace hocba::cli

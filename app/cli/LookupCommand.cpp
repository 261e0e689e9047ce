// SPDX-License-Identifier: GPL-3.0-or-later
// Looks a record up at the Department by its lookup code (public: no school file, no credential).
#include "Commands.h"

#include "lifecycle/Department.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class LookupCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::LookupCommand)
public:
    QString name() const override { return QStringLiteral("lookup"); }
    QString summary() const override
    {
        return tr("Look a record up at the Department by its lookup code (as printed, or the QR code's text): "
                  "\"lookup CODE --url URL\".");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption url(QStringLiteral("url"),
                                     tr("The Department's server, e.g. https://hocba.sogd.example.vn."), tr("URL"));
        QCommandLineParser parser;
        if (int c = parse(parser, {url, jsonOption()}, args, console, QStringLiteral("CODE")); c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        if (words.size() != 1 || !parser.isSet(url))
            return console.fail({ErrorCode::Usage, tr("Say \"lookup CODE --url URL\"."), {}});
        // A printed QR code's link also names its paper copy: the Department checks that copy as well.
        const lifecycle::LookupLink link = lifecycle::lookupLinkFromText(words.first());
        auto answer
            = lifecycle::lookupCode(parser.value(url), link.code.isEmpty() ? words.first() : link.code, link.paper);
        if (!answer)
            return console.fail(answer.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonObject object {{QStringLiteral("lookup_code"), answer->lookupCode},
                                {QStringLiteral("state"), answer->state},
                                {QStringLiteral("version"), answer->version},
                                {QStringLiteral("school"), answer->schoolName},
                                {QStringLiteral("received_at"), answer->receivedAt.toString(Qt::ISODate)},
                                {QStringLiteral("locked_at"), isoOrNull(answer->lockedAt)},
                                {QStringLiteral("revoked_at"), isoOrNull(answer->revokedAt)},
                                {QStringLiteral("content"), QJsonDocument::fromJson(answer->contentJson).object()},
                                {QStringLiteral("years"), yearsJson(answer->years)},
                                {QStringLiteral("transfers"), transfersJson(answer->transfers)}};
            if (answer->checked)
                object.insert(QStringLiteral("checked"), checkJson(*answer->checked));
            console.printJson(QJsonDocument(object));
            return ExitOk;
        }
        if (answer->checked)
            console.out << lifecycle::paperCheckSentence(*answer->checked) << '\n';
        console.out << tr("Lookup code: %1").arg(answer->lookupCode) << '\n'
                    << tr("State: %1").arg(stateName(answer->state)) << '\n'
                    << tr("Version: %1").arg(answer->version) << '\n'
                    << tr("School: %1").arg(answer->schoolName) << '\n'
                    << tr("Received: %1").arg(text::shownDate(answer->receivedAt)) << '\n';
        if (answer->lockedAt.isValid())
            console.out << tr("Locked on: %1").arg(text::shownDate(answer->lockedAt)) << '\n';
        for (const auto& [term, value] : lifecycle::lookupHistoryRows(*answer))
            console.out << term << ": " << value << '\n';
        console.out.flush();
        return ExitOk;
    }

private:
    static QJsonValue isoOrNull(const QDateTime& at)
    {
        return at.isValid() ? QJsonValue(at.toString(Qt::ISODate)) : QJsonValue();
    }
    static QJsonArray yearsJson(const QList<lifecycle::LookupYear>& years)
    {
        QJsonArray list;
        for (const lifecycle::LookupYear& y : years) {
            QJsonArray versions;
            for (const lifecycle::LookupVersion& v : y.versions)
                versions.append(QJsonObject {{QStringLiteral("version"), v.version},
                                             {QStringLiteral("received_at"), isoOrNull(v.receivedAt)},
                                             {QStringLiteral("replaced_at"), isoOrNull(v.replacedAt)}});
            list.append(QJsonObject {{QStringLiteral("school_year"), y.schoolYear},
                                     {QStringLiteral("state"), y.state},
                                     {QStringLiteral("version"), y.version},
                                     {QStringLiteral("received_at"), isoOrNull(y.receivedAt)},
                                     {QStringLiteral("locked_at"), isoOrNull(y.lockedAt)},
                                     {QStringLiteral("revoked_at"), isoOrNull(y.revokedAt)},
                                     {QStringLiteral("versions"), versions}});
        }
        return list;
    }
    static QJsonArray transfersJson(const QList<lifecycle::LookupTransfer>& transfers)
    {
        QJsonArray list;
        for (const lifecycle::LookupTransfer& t : transfers)
            list.append(QJsonObject {{QStringLiteral("from_school"), t.fromSchool},
                                     {QStringLiteral("to_school"), t.toSchool},
                                     {QStringLiteral("date"), t.date.toString(Qt::ISODate)}});
        return list;
    }
    static QJsonObject checkJson(const lifecycle::LookupCheck& c)
    {
        return {{QStringLiteral("school_year"), c.schoolYear},
                {QStringLiteral("version"), c.version},
                {QStringLiteral("matches"), c.matches},
                {QStringLiteral("current"), c.current},
                {QStringLiteral("current_version"), c.currentVersion},
                {QStringLiteral("replaced_at"), isoOrNull(c.replacedAt)},
                {QStringLiteral("revoked_at"), isoOrNull(c.revokedAt)}};
    }
    static QString stateName(const QString& state)
    {
        if (state == QLatin1String("locked"))
            return tr("locked (final)");
        if (state == QLatin1String("revoked"))
            return tr("revoked");
        return tr("received, not locked yet");
    }
};

} // namespace

std::unique_ptr<Command> makeLookupCommand()
{
    return std::make_unique<LookupCommand>();
}

} // namespace hocba::cli

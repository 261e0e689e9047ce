// SPDX-License-Identifier: GPL-3.0-or-later
// Looks a record up at the Department by its lookup code (public: no school file, no credential).
#include "Commands.h"

#include "lifecycle/Department.h"
#include "util/Text.h"

#include <QCoreApplication>
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
        const QString code = lifecycle::lookupCodeFromText(words.first());
        auto answer = lifecycle::lookupCode(parser.value(url), code.isEmpty() ? words.first() : code);
        if (!answer)
            return console.fail(answer.error());
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(QJsonObject {
                {QStringLiteral("lookup_code"), answer->lookupCode},
                {QStringLiteral("state"), answer->state},
                {QStringLiteral("version"), answer->version},
                {QStringLiteral("school"), answer->schoolName},
                {QStringLiteral("received_at"), answer->receivedAt.toString(Qt::ISODate)},
                {QStringLiteral("locked_at"),
                 answer->lockedAt.isValid() ? QJsonValue(answer->lockedAt.toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("content"), QJsonDocument::fromJson(answer->contentJson).object()}}));
            return ExitOk;
        }
        console.out << tr("Lookup code: %1").arg(answer->lookupCode) << '\n'
                    << tr("State: %1").arg(stateName(answer->state)) << '\n'
                    << tr("Version: %1").arg(answer->version) << '\n'
                    << tr("School: %1").arg(answer->schoolName) << '\n'
                    << tr("Received: %1").arg(text::shownDate(answer->receivedAt)) << '\n';
        if (answer->lockedAt.isValid())
            console.out << tr("Locked on: %1").arg(text::shownDate(answer->lockedAt)) << '\n';
        console.out.flush();
        return ExitOk;
    }

private:
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

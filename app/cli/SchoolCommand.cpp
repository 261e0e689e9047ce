// SPDX-License-Identifier: GPL-3.0-or-later
// The school's print settings (issue 13): "school seal --file F" sets the seal image drawn beside the principal's
// visible digital signature (PNG or JPEG, re-encoded to PNG, kept in the school file), "school seal --clear" removes
// it. The lookup portal is set with "endpoint set --lookup-url".
#include "Commands.h"

#include "lifecycle/PrintSettings.h"
#include "util/Digest.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace hocba::cli {

namespace {

class SchoolCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::SchoolCommand)
public:
    QString name() const override { return QStringLiteral("school"); }
    QString summary() const override
    {
        return tr("The school's seal image printed beside the principal's digital signature: \"school seal --file "
                  "F\" or \"school seal --clear\".");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption file(
            QStringLiteral("file"),
            tr("The seal image: PNG or JPEG, at most %1 KB.").arg(lifecycle::kMaxSealFileBytes / 1024), tr("FILE"));
        const QCommandLineOption clear(QStringLiteral("clear"), tr("Remove the seal image."));
        QCommandLineParser parser;
        if (int c
            = parse(parser,
                    QList<QCommandLineOption> {dbOption(), file, clear, actorOption(), jsonOption()} + userOptions(),
                    args, console, QStringLiteral("seal"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        if (words != QStringList {QStringLiteral("seal")})
            return console.fail(
                {ErrorCode::Usage, tr("Say \"school seal --file FILE\" or \"school seal --clear\"."), {}});
        if (parser.isSet(file) == parser.isSet(clear))
            return console.fail({ErrorCode::Usage, tr("Give either --file FILE or --clear."), {}});
        auto opened = openForChange(parser);
        if (!opened)
            return console.fail(opened.error());
        const Status set = parser.isSet(clear)
            ? lifecycle::setSeal(*opened->db, opened->actor, {})
            : lifecycle::setSealFromFile(*opened->db, opened->actor, parser.value(file));
        if (!set)
            return console.fail(set.error());
        auto settings = lifecycle::printSettings(*opened->db);
        if (!settings)
            return console.fail(settings.error());
        const QString sha256
            = settings->sealPng.isEmpty() ? QString() : QString::fromLatin1(digest::sha256(settings->sealPng).toHex());
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("sealSet"), !settings->sealPng.isEmpty()},
                                                         {QStringLiteral("sealPngBytes"), settings->sealPng.size()},
                                                         {QStringLiteral("sealSha256"), sha256}}));
            return ExitOk;
        }
        console.out
            << (settings->sealPng.isEmpty()
                    ? tr("The school has no seal image now.")
                    : tr("Seal image set: PNG, %1 bytes, SHA-256 %2.").arg(settings->sealPng.size()).arg(sha256))
            << '\n';
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeSchoolCommand()
{
    return std::make_unique<SchoolCommand>();
}

} // namespace hocba::cli

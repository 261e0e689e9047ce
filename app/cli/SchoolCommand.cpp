// SPDX-License-Identifier: GPL-3.0-or-later
// The school's print settings (issue 13): "school seal --file F" sets the seal image drawn beside the principal's
// visible digital signature (PNG or JPEG, re-encoded to PNG, kept in the school file), "school seal --clear" removes
// it. "school print" shows whether the books carry the instructions page ("Hướng dẫn ghi học bạ") after the cover;
// "school print --instructions on|off" sets it. The lookup portal is set with "endpoint set --lookup-url".
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
        return tr("The school's print settings: the seal image printed beside the principal's digital signature "
                  "(\"school seal --file F\" or \"school seal --clear\") and the instructions page after the cover "
                  "(\"school print --instructions on|off\").");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption file(
            QStringLiteral("file"),
            tr("The seal image: PNG or JPEG, at most %1 KB.").arg(lifecycle::kMaxSealFileBytes / 1024), tr("FILE"));
        const QCommandLineOption clear(QStringLiteral("clear"), tr("Remove the seal image."));
        const QCommandLineOption instructions(
            QStringLiteral("instructions"),
            tr("With \"print\": on or off, whether the books carry the instructions page (Hướng dẫn ghi học bạ) "
               "after the cover."),
            tr("on|off"));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), file, clear, instructions, actorOption(), jsonOption()}
                              + userOptions(),
                          args, console, QStringLiteral("seal|print"));
            c >= 0)
            return c;
        const QStringList words = parser.positionalArguments();
        if (words == QStringList {QStringLiteral("print")})
            return runPrint(parser, instructions, console);
        if (words != QStringList {QStringLiteral("seal")})
            return console.fail({ErrorCode::Usage,
                                 tr("Say \"school seal --file FILE\", \"school seal --clear\" or \"school print "
                                    "--instructions on|off\"."),
                                 {}});
        if (parser.isSet(instructions))
            return console.fail({ErrorCode::Usage, tr("--instructions goes with \"school print\"."), {}});
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

private:
    /** "school print": shows the instructions-page setting, or sets it with --instructions on|off. */
    int runPrint(const QCommandLineParser& parser, const QCommandLineOption& instructions, Console& console)
    {
        if (parser.isSet(QStringLiteral("file")) || parser.isSet(QStringLiteral("clear")))
            return console.fail({ErrorCode::Usage, tr("--file and --clear go with \"school seal\"."), {}});
        std::unique_ptr<store::Database> db;
        if (parser.isSet(instructions)) {
            const QString word = parser.value(instructions).trimmed().toLower();
            if (word != QLatin1String("on") && word != QLatin1String("off"))
                return console.fail(
                    {ErrorCode::Usage,
                     tr("Unknown value \"%1\" for --instructions: say on or off.").arg(parser.value(instructions)),
                     {}});
            auto opened = openForChange(parser);
            if (!opened)
                return console.fail(opened.error());
            if (auto s = lifecycle::setInstructionsPage(*opened->db, opened->actor, word == QLatin1String("on")); !s)
                return console.fail(s.error());
            db = std::move(opened->db);
        } else {
            auto opened = openDb(parser);
            if (!opened)
                return console.fail(opened.error());
            db = std::move(*opened);
        }
        auto settings = lifecycle::printSettings(*db);
        if (!settings)
            return console.fail(settings.error());
        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(
                QJsonDocument(QJsonObject {{QStringLiteral("instructionsPage"), settings->instructionsPage}}));
            return ExitOk;
        }
        console.out << (settings->instructionsPage
                            ? tr("The books carry the instructions page (Hướng dẫn ghi học bạ) after the cover.")
                            : tr("The books are printed without the instructions page (Hướng dẫn ghi học bạ)."))
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

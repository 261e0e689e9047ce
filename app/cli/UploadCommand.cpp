// SPDX-License-Identifier: GPL-3.0-or-later
// Sends signed records to the Department: the school file's outbox (--db), or one exported record (--url, --packet,
// --pdf) for scripts. Both answer in the same shape and with the same exit codes.
#include "Commands.h"

#include "lifecycle/Department.h"
#include "store/Database.h"
#include "verify/Certificate.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::cli {

namespace {

using lifecycle::UploadItemResult;

QString outcomeCode(UploadItemResult::Outcome outcome)
{
    switch (outcome) {
    case UploadItemResult::Outcome::Submitted:
        return QStringLiteral("submitted");
    case UploadItemResult::Outcome::AlreadyThere:
        return QStringLiteral("already_there");
    case UploadItemResult::Outcome::Refused:
        return QStringLiteral("refused");
    case UploadItemResult::Outcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

class UploadCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::UploadCommand)
public:
    QString name() const override { return QStringLiteral("upload"); }
    QString summary() const override
    {
        return tr("Send the signed records waiting in the outbox to the Department (\"upload --db F [--class C | "
                  "--all]\"), or one exported record (\"upload --url URL --credential-file F --packet X.xml --pdf "
                  "Y.pdf\").");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption cls(QStringLiteral("class"), tr("Only the records of this class, e.g. 6A1."),
                                     tr("NAME"));
        const QCommandLineOption all(QStringLiteral("all"), tr("Every record waiting in the outbox (the default)."));
        const QCommandLineOption url(QStringLiteral("url"), tr("The Department's server (without --db)."), tr("URL"));
        const QCommandLineOption credential(QStringLiteral("credential-file"),
                                            tr("The school's credential file (without --db)."), tr("FILE"));
        const QCommandLineOption packet(QStringLiteral("packet"), tr("The signed packet to send (without --db)."),
                                        tr("FILE"));
        const QCommandLineOption pdf(QStringLiteral("pdf"), tr("The signed PDF of that packet (without --db)."),
                                     tr("FILE"));
        const QCommandLineOption cert(QStringLiteral("department-cert"),
                                      tr("The Department's certificate to check the receipt with (without --db)."),
                                      tr("FILE"));
        const QCommandLineOption tries(QStringLiteral("tries"),
                                       tr("How often to try each record when the server does not answer or is busy, "
                                          "waiting longer each time (1 to 10, default 4)."),
                                       tr("N"));
        QCommandLineParser parser;
        if (int c = parse(parser,
                          QList<QCommandLineOption> {dbOption(), cls, all, url, credential, packet, pdf, cert, tries,
                                                     actorOption(), jsonOption()}
                              + userOptions(),
                          args, console);
            c >= 0)
            return c;
        const bool json = parser.isSet(QStringLiteral("json"));
        lifecycle::UploadRequest request;
        if (parser.isSet(tries)) {
            bool ok = false;
            request.maxAttempts = parser.value(tries).toInt(&ok);
            if (!ok || request.maxAttempts < 1 || request.maxAttempts > 10)
                return console.fail({ErrorCode::Usage, tr("--tries takes a number from 1 to 10."), {}});
        }
        if (parser.isSet(QStringLiteral("db"))) {
            if (parser.isSet(url) || parser.isSet(packet) || parser.isSet(pdf))
                return console.fail({ErrorCode::Usage,
                                     tr("Give either --db (the outbox) or --url with --packet and --pdf (one "
                                        "exported record), not both."),
                                     {}});
            return fromOutbox(parser, request, json, console);
        }
        if (!parser.isSet(url) || !parser.isSet(credential) || !parser.isSet(packet) || !parser.isSet(pdf))
            return console.fail({ErrorCode::Usage,
                                 tr("Give --db FILE, or --url URL --credential-file FILE --packet FILE --pdf FILE."),
                                 {}});
        return oneRecord(parser.value(url), parser.value(credential), parser.value(packet), parser.value(pdf),
                         parser.isSet(cert) ? parser.value(cert) : QString(), request, json, console);
    }

private:
    static int fromOutbox(const QCommandLineParser& parser, lifecycle::UploadRequest request, bool json,
                          Console& console)
    {
        auto className = chosenClass(parser);
        if (!className)
            return console.fail(className.error());
        auto school = openForChange(parser);
        if (!school)
            return console.fail(school.error());
        request.className = className->value_or(QString());
        auto report = lifecycle::uploadOutbox(*school->db, school->actor, request);
        if (!report)
            return console.fail(report.error());
        return answer(*report, json, console);
    }

    static int oneRecord(const QString& url, const QString& credentialFile, const QString& packetFile,
                         const QString& pdfFile, const QString& certFile, const lifecycle::UploadRequest& request,
                         bool json, Console& console)
    {
        auto credential = lifecycle::readCredentialFile(credentialFile);
        if (!credential)
            return console.fail(credential.error());
        auto packet = readFile(packetFile);
        if (!packet)
            return console.fail(packet.error());
        auto pdf = readFile(pdfFile);
        if (!pdf)
            return console.fail(pdf.error());
        QByteArray certDer;
        if (!certFile.isEmpty()) {
            auto cert = readFile(certFile);
            if (!cert)
                return console.fail(cert.error());
            auto info = signing::CertificateInfo::fromPemOrDer(*cert);
            if (!info)
                return console.fail(info.error());
            certDer = info->der;
        }
        auto item = lifecycle::uploadRecord(url, *credential, *packet, *pdf, certDer, request);
        if (!item)
            return console.fail(item.error());
        lifecycle::UploadReport report;
        report.items.append(*item);
        return answer(report, json, console);
    }

    static Result<QByteArray> readFile(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(ErrorCode::NotFound, tr("Cannot read %1.").arg(path), f.errorString());
        return f.readAll();
    }

    static int answer(const lifecycle::UploadReport& report, bool json, Console& console)
    {
        if (json) {
            QJsonArray items;
            for (const auto& i : report.items)
                items.append(QJsonObject {{QStringLiteral("lookup_code"), i.lookupCode},
                                          {QStringLiteral("version"), i.version},
                                          {QStringLiteral("outcome"), outcomeCode(i.outcome)},
                                          {QStringLiteral("http_status"), i.httpStatus},
                                          {QStringLiteral("error"), i.errorCode},
                                          {QStringLiteral("message"), i.message}});
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("submitted"), report.submitted()},
                                                         {QStringLiteral("refused"), report.refused()},
                                                         {QStringLiteral("failed"), report.failed()},
                                                         {QStringLiteral("items"), items}}));
        } else {
            for (const auto& i : report.items)
                console.out << i.lookupCode << " v" << i.version << '\t' << i.message << '\n';
            if (report.items.isEmpty())
                console.out << tr("Nothing is waiting to be sent.") << '\n';
            else
                console.out << tr("%1 sent, %2 refused by the Department, %3 not sent (no answer; try again later).")
                                   .arg(report.submitted())
                                   .arg(report.refused())
                                   .arg(report.failed())
                            << '\n';
            console.out.flush();
        }
        if (report.refused() > 0)
            return ExitFailed;
        if (report.failed() > 0)
            return report.submitted() == 0 ? ExitNetwork : ExitFailed;
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makeUploadCommand()
{
    return std::make_unique<UploadCommand>();
}

} // namespace hocba::cli

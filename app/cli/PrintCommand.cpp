// SPDX-License-Identifier: GPL-3.0-or-later
// The clerk's printing with its log (docs/printing.md): hocba-cli print and hocba-cli print-log.
#include "Commands.h"

#include "domain/PrintedText.h"
#include "lifecycle/PrintLog.h"
#include "lifecycle/PrintSettings.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>

namespace hocba::cli {

namespace {

class PrintCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::PrintCommand)

public:
    QString name() const override { return QStringLiteral("print"); }
    QString summary() const override
    {
        return tr("Print the records (học bạ) of a class to PDF for handing out, each copy written to the print log "
                  "(who, when, which version, why). Only the current version of a school year prints; a draft prints "
                  "marked as a draft.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption out(QStringLiteral("out"),
                                     tr("A folder (one PDF per record, named by lookup code) or a file ending in .pdf "
                                        "(the whole class in one PDF)."),
                                     tr("DIR|FILE.pdf"));
        const QCommandLineOption cls = classOption();
        const QCommandLineOption section(QStringLiteral("section"),
                                         tr("Print this school year section (a number from \"versions\"); may be "
                                            "repeated. Refused unless it is the current version."),
                                         tr("ID"));
        const QCommandLineOption reason(QStringLiteral("reason"),
                                        tr("Why the copies are printed: archive, transfer, parent or other."),
                                        tr("REASON"));
        const QCommandLineOption note(QStringLiteral("note"),
                                      tr("A note for the print log (required with --reason other)."), tr("TEXT"));
        const QCommandLineOption copies(
            QStringLiteral("copies"),
            tr("How many paper copies the PDF is printed for (default 1, at most %1).").arg(lifecycle::kMaxPrintCopies),
            tr("N"));
        const QCommandLineOption jobs = jobsOption(tr("How many records to render at once (default: one per core)."));
        QCommandLineParser parser;
        if (const int code = parse(parser,
                                   QList<QCommandLineOption> {dbOption(), yearOption(), cls, section, reason, note,
                                                              copies, out, jobs, actorOption(), jsonOption()}
                                       + userOptions(),
                                   args, console);
            code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        if (!parser.isSet(out))
            return console.fail(
                Error {ErrorCode::Usage, tr("Give where to write with --out DIR or --out FILE.pdf."), {}});
        if (parser.isSet(cls) == parser.isSet(section))
            return console.fail(Error {ErrorCode::Usage, tr("Give either --class NAME or --section ID."), {}});
        lifecycle::PrintRequest request;
        const auto chosenReason = lifecycle::printReasonFromCode(parser.value(reason).trimmed());
        if (!chosenReason)
            return console.fail(
                Error {ErrorCode::Usage, tr("Give the reason with --reason archive, transfer, parent or other."), {}});
        request.reason = *chosenReason;
        request.note = parser.value(note);
        if (parser.isSet(copies)) {
            bool ok = false;
            request.copies = parser.value(copies).toInt(&ok);
            if (!ok)
                request.copies = 0;
        }
        request.target = lifecycle::PrintTarget::Pdf;
        if (auto s = lifecycle::checkPrintRequest(request); !s)
            return console.fail(Error {ErrorCode::Usage, s.error().message, s.error().detail});
        auto threads = chosenJobs(parser);
        if (!threads)
            return console.fail(threads.error());

        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());
        auto actor = changingUser(parser, **db);
        if (!actor)
            return console.fail(actor.error());

        // What to print: the class's records with their current section, or the sections named.
        QList<lifecycle::PrintItem> items;
        QList<Error> refused;
        if (parser.isSet(cls)) {
            auto year = chosenYear(parser, **db);
            if (!year)
                return console.fail(year.error());
            if (auto ok = lifecycle::permitPrint(**db, *actor, *year); !ok)
                return console.fail(ok.error());
            auto selection = lifecycle::printItemsOfYear(**db, *year, parser.value(cls).trimmed());
            if (!selection)
                return console.fail(selection.error());
            items = selection->items;
            refused = selection->refused;
        } else {
            for (const QString& text : parser.values(section)) {
                bool ok = false;
                const Id id = text.toLongLong(&ok);
                if (!ok)
                    return console.fail(Error {ErrorCode::Usage, tr("--section takes a number."), {}});
                auto item = lifecycle::printItemOfSection(**db, id);
                if (!item)
                    return console.fail(item.error());
                if (auto allowed = lifecycle::permitPrint(**db, *actor, item->year); !allowed)
                    return console.fail(allowed.error());
                items.append(*item);
            }
        }

        render::RenderOptions renderOptions;
        if (auto s = lifecycle::applyPrintSettings(**db, renderOptions); !s)
            return console.fail(s.error());

        const bool json = parser.isSet(QStringLiteral("json"));
        QMutex progressMutex;
        lifecycle::PrintRunOptions options;
        options.render = renderOptions;
        options.threads = *threads;
        options.progress = [&](int done, int total) {
            QMutexLocker lock(&progressMutex);
            if (!json) {
                console.err << '\r' << tr("Printing: %1/%2 records").arg(done).arg(total);
                console.err.flush();
            }
        };
        const QString target = parser.value(out);
        const bool oneFile = target.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive);
        Result<QList<lifecycle::PrintOutcome>> outcomes;
        if (oneFile) {
            outcomes = lifecycle::printToPdfFile(**db, *actor, items, request, target, options);
        } else {
            const QString printedBy = (*db)->actor();
            db->reset(); // the workers open their own connections
            outcomes = lifecycle::printToFolder(*path, *actor, printedBy, items, request, target, options);
        }
        if (!json && !items.isEmpty()) {
            console.err << '\n';
            console.err.flush();
        }
        if (!outcomes)
            return console.fail(outcomes.error());

        int printed = 0;
        int drafts = 0;
        QJsonArray done;
        QJsonArray failed;
        for (const lifecycle::PrintOutcome& o : *outcomes) {
            if (o.status) {
                ++printed;
                drafts += o.item.draft() ? 1 : 0;
                done.append(QJsonObject {{QStringLiteral("lookup_code"), o.item.lookupCode},
                                         {QStringLiteral("section"), o.item.sectionId},
                                         {QStringLiteral("version"), o.item.version},
                                         {QStringLiteral("draft"), o.item.draft()}});
            } else {
                failed.append(QJsonObject {{QStringLiteral("lookup_code"), o.item.lookupCode},
                                           {QStringLiteral("message"), o.status.error().message}});
            }
        }
        for (const Error& e : refused)
            failed.append(QJsonObject {{QStringLiteral("message"), e.message}});
        if (json) {
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("printed"), done},
                                                         {QStringLiteral("failed"), failed},
                                                         {QStringLiteral("reason"), toCode(request.reason)},
                                                         {QStringLiteral("copies"), request.copies}}));
        } else {
            console.out << tr("%1 records printed to %2 and written to the print log (%3 as drafts), reason: %4; "
                              "%5 not printed.")
                               .arg(printed)
                               .arg(QDir::toNativeSeparators(target))
                               .arg(drafts)
                               .arg(lifecycle::displayName(request.reason))
                               .arg(failed.size())
                        << '\n';
            for (const auto& f : failed)
                console.out << "  " << f.toObject().value(QStringLiteral("lookup_code")).toString()
                            << (f.toObject().contains(QStringLiteral("lookup_code")) ? QStringLiteral(": ") : QString())
                            << f.toObject().value(QStringLiteral("message")).toString() << '\n';
            console.out.flush();
        }
        return failed.isEmpty() ? ExitOk : ExitFailed;
    }
};

class PrintLogCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::PrintLogCommand)

public:
    QString name() const override { return QStringLiteral("print-log"); }
    QString summary() const override
    {
        return tr("List the print log: every printed copy of a record, who printed it and when, which version and "
                  "why.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption cls = classOption();
        QCommandLineParser parser;
        if (const int code
            = parse(parser, QList<QCommandLineOption> {dbOption(), yearOption(), cls, jsonOption()} + userOptions(),
                    args, console);
            code >= 0)
            return code;
        auto db = openDb(parser);
        if (!db)
            return console.fail(db.error());
        auto actor = actingUser(parser, **db);
        if (!actor)
            return console.fail(actor.error());
        std::optional<SchoolYear> year;
        if (parser.isSet(QStringLiteral("year"))) {
            auto chosen = chosenYear(parser, **db);
            if (!chosen)
                return console.fail(chosen.error());
            year = *chosen;
        }
        std::optional<QString> className;
        if (parser.isSet(cls))
            className = parser.value(cls).trimmed();
        auto log = lifecycle::printLog(**db, *actor, year, className);
        if (!log)
            return console.fail(log.error());
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray a;
            for (const lifecycle::PrintLogEntry& e : *log)
                a.append(QJsonObject {{QStringLiteral("printed_at"), e.printedAt.toString(Qt::ISODate)},
                                      {QStringLiteral("printed_by"), e.printedBy},
                                      {QStringLiteral("lookup_code"), e.lookupCode},
                                      {QStringLiteral("section"), e.sectionId},
                                      {QStringLiteral("year"), e.year.toString()},
                                      {QStringLiteral("class"), e.className},
                                      {QStringLiteral("version"), e.version},
                                      {QStringLiteral("state"), toCode(e.state)},
                                      {QStringLiteral("draft"), e.draft},
                                      {QStringLiteral("packet_sha256"), e.packetSha256},
                                      {QStringLiteral("copies"), e.copies},
                                      {QStringLiteral("reason"), toCode(e.reason)},
                                      {QStringLiteral("note"), e.note},
                                      {QStringLiteral("target"), toCode(e.target)}});
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("print_log"), a}}));
            return ExitOk;
        }
        if (log->isEmpty())
            console.out << tr("Nothing has been printed yet.") << '\n';
        for (const lifecycle::PrintLogEntry& e : *log) {
            const QDateTime local = e.printedAt.toTimeZone(vietnamTimeZone());
            console.out << printedDate(local.date()) << ' ' << local.toString(QStringLiteral("HH:mm")) << '\t'
                        << e.printedBy << '\t' << e.year.toString() << '\t' << e.className << '\t' << e.lookupCode
                        << ' ' << tr("v%1").arg(e.version)
                        << (e.draft ? QStringLiteral(" ") + tr("(draft)") : QString()) << '\t'
                        << tr("%n copies", nullptr, e.copies) << '\t' << lifecycle::displayName(e.reason)
                        << (e.note.isEmpty() ? QString() : QStringLiteral(": ") + e.note) << '\t'
                        << (e.target == lifecycle::PrintTarget::Printer ? tr("printer") : tr("PDF")) << '\n';
        }
        console.out.flush();
        return ExitOk;
    }
};

} // namespace

std::unique_ptr<Command> makePrintCommand()
{
    return std::make_unique<PrintCommand>();
}

std::unique_ptr<Command> makePrintLogCommand()
{
    return std::make_unique<PrintLogCommand>();
}

} // namespace hocba::cli

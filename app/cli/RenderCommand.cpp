// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

#include "lifecycle/PrintSettings.h"
#include "lifecycle/RecordDocuments.h"
#include "render/RenderBatch.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QSaveFile>

namespace hocba::cli {

namespace {

using BookOutputFn = lifecycle::BookOutput;

/**
 * Renders one PDF book per record (all its years) with every core. Workers read the school file through their own
 * connection (one SQLite connection per thread); files are named by lookup code, never by a student's name.
 */
class RenderCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::RenderCommand)

public:
    QString name() const override { return QStringLiteral("render"); }
    QString summary() const override
    {
        return tr("Print the records (học bạ) of a class or the whole school to PDF files in the Ministry's layout. "
                  "Signed years are printed from their stored signed packet; a record whose signed documents fail the "
                  "school file check (see \"audit verify\") is refused.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const QCommandLineOption out = outOption(tr("The folder to write the PDF files into."));
        const QCommandLineOption cls = classOption();
        const QCommandLineOption all = allOption();
        const QCommandLineOption year = yearOption();
        const QCommandLineOption jobs
            = jobsOption(tr("How many records to render at once (default: one per processor core)."));
        QCommandLineParser parser;
        if (int code = parse(
                parser, QList<QCommandLineOption> {dbOption(), out, cls, all, year, jobs, jsonOption()} + userOptions(),
                args, console);
            code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto outDir = requireOut(parser);
        if (!outDir)
            return console.fail(outDir.error());
        auto className = chosenClass(parser);
        if (!className)
            return console.fail(className.error());
        auto threads = chosenJobs(parser);
        if (!threads)
            return console.fail(threads.error());

        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());
        if (auto ok = requireRight(parser, **db, lifecycle::Right::PrintExport); !ok)
            return console.fail(ok.error());
        auto chosen = chosenYear(parser, **db);
        if (!chosen)
            return console.fail(chosen.error());
        const SchoolYear schoolYear = *chosen;
        auto records = lifecycle::recordsOfYear(**db, schoolYear, *className);
        if (!records)
            return console.fail(records.error());
        // The school's lookup portal and seal, read before the connection is handed over to the workers.
        render::RenderOptions renderOptions;
        if (auto s = lifecycle::applyPrintSettings(**db, renderOptions); !s)
            return console.fail(s.error());
        db->reset(); // workers open their own connections

        const QString dirPath = *outDir;
        if (auto s = createFolder(dirPath); !s)
            return console.fail(s.error());
        const QString dbPath = *path;

        const BookOutputFn write = [dirPath](qsizetype, const render::RenderInput& input, const QByteArray& pdf,
                                             store::Database&) -> Status {
            const QString code
                = input.years.isEmpty() ? input.received.first().packet.lookupCode : input.years.first().lookupCode;
            QSaveFile file(QDir(dirPath).filePath(code + QStringLiteral(".pdf")));
            if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit())
                return fail(ErrorCode::Io,
                            QCoreApplication::translate("hocba::cli::RenderCommand", "Cannot write %1.")
                                .arg(QDir::toNativeSeparators(file.fileName())),
                            file.errorString());
            return {};
        };

        const bool json = parser.isSet(QStringLiteral("json"));
        QMutex progressMutex;
        int lastShown = -1;
        render::BatchOptions options;
        options.render = renderOptions;
        options.threads = *threads;
        options.progress = [&](int done, int total) {
            QMutexLocker lock(&progressMutex);
            const int percent = done * 100 / std::max(1, total);
            if (!json && (percent != lastShown || done == total)) {
                lastShown = percent;
                console.err << '\r' << tr("Rendering: %1/%2 records (%3%)").arg(done).arg(total).arg(percent);
                console.err.flush();
            }
        };
        QElapsedTimer timer;
        timer.start();
        const QList<lifecycle::BookOutcome> outcomes = lifecycle::renderBooks(dbPath, *records, options, write);
        const double seconds = std::max(1e-3, timer.nsecsElapsed() / 1e9);
        if (!json && !records->isEmpty()) {
            console.err << '\n';
            console.err.flush();
        }

        int written = 0;
        QJsonArray failures;
        QHash<QString, int> reasons;
        for (qsizetype i = 0; i < outcomes.size(); ++i) {
            if (outcomes[i].status) {
                ++written;
                continue;
            }
            const Error& e = outcomes[i].status.error();
            reasons[e.message]++;
            failures.append(QJsonObject {
                {QStringLiteral("record"),
                 outcomes[i].lookupCode.isEmpty() ? QString::number(records->at(i)) : outcomes[i].lookupCode},
                {QStringLiteral("message"), e.message},
                {QStringLiteral("detail"), e.detail}});
        }
        if (json) {
            console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("schoolYear"), schoolYear.toString()},
                                                         {QStringLiteral("records"), int(outcomes.size())},
                                                         {QStringLiteral("written"), written},
                                                         {QStringLiteral("failed"), failures},
                                                         {QStringLiteral("seconds"), seconds}}));
        } else {
            console.out << tr("%1 of %2 records written to %3 in %4 s (%5 records/s).")
                               .arg(written)
                               .arg(outcomes.size())
                               .arg(QDir::toNativeSeparators(dirPath))
                               .arg(seconds, 0, 'f', 1)
                               .arg(written / seconds, 0, 'f', 1)
                        << '\n';
            for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
                console.out << tr("Failed (%1): %2").arg(it.value()).arg(it.key()) << '\n';
            console.out.flush();
        }
        return written == outcomes.size() ? ExitOk : ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeRenderCommand()
{
    return std::make_unique<RenderCommand>();
}

} // namespace hocba::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"
#include "TokenSigning.h"

#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SigningPlan.h"
#include "store/Database.h"
#include "token/SoftwareSigner.h"
#include "verify/SignatureReport.h"

#include <QCoreApplication>
#include <QFile>

#include <csignal>

namespace hocba::cli {

namespace {

CancellationToken* g_cancel = nullptr;

extern "C" void onInterrupt(int)
{
    // Only an atomic store: async-signal-safe. The batch stops after the section in flight.
    if (g_cancel)
        g_cancel->cancel();
}

/** Prints "[12/340] student 1234 … signed" lines; names stay out (the terminal output ends up in logs). */
class CliProgress : public lifecycle::ProgressSink
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::SignCommand)
public:
    explicit CliProgress(Console& console)
        : m_console(console)
    { }
    void started(int total, bool resumed) override
    {
        m_console.err << (resumed ? tr("Resuming the unfinished batch: %1 sections to sign.")
                                  : tr("Signing %1 sections."))
                             .arg(total)
                      << '\n';
        m_console.err.flush();
    }
    void itemFinished(const lifecycle::BatchItemResult& item, const lifecycle::BatchProgress& p) override
    {
        using K = lifecycle::BatchItemResult::Kind;
        const QString what = item.kind == K::Signed ? tr("signed")
            : item.kind == K::Skipped               ? tr("skipped")
                                                    : tr("FAILED");
        const int left = int(p.secondsLeft + 0.5);
        m_console.err << QStringLiteral("[%1/%2] ").arg(p.done).arg(p.total)
                      << tr("student %1: %2").arg(item.studentId).arg(what) << QStringLiteral(" — ")
                      << tr("%1 per second, %2:%3 left")
                             .arg(p.perSecond, 0, 'f', 1)
                             .arg(left / 60, 2, 10, QLatin1Char('0'))
                             .arg(left % 60, 2, 10, QLatin1Char('0'))
                      << '\n';
        m_console.err.flush();
    }

private:
    Console& m_console;
};

class SignCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(hocba::cli::SignCommand)
public:
    QString name() const override { return QStringLiteral("sign"); }
    QString summary() const override
    {
        return tr("Sign the confirmed (ready) school years of a class or the whole school with a USB token, with "
                  "one PIN entry; an interrupted batch resumes with the same certificate.");
    }

    int run(const QStringList& args, Console& console) override
    {
        const TokenOptions tokenOptions;
        const QCommandLineOption role(QStringLiteral("role"), tr("Who signs: principal, homeroom or seal."),
                                      tr("ROLE"));
        const QCommandLineOption cls = classOption();
        const QCommandLineOption all = allOption();
        const QCommandLineOption year = yearOption();
        const QCommandLineOption abandon(QStringLiteral("abandon-batch"),
                                         tr("Close an unfinished batch of this role first (its sections stay ready)."));
        const QCommandLineOption key(QStringLiteral("demo-key"),
                                     tr("DEMO AND TEST USE ONLY: sign with a private key file (PEM) instead of a "
                                        "token. Records signed this way are not legally valid."),
                                     tr("PEM"));
        const QCommandLineOption keyCert(QStringLiteral("demo-cert"),
                                         tr("DEMO AND TEST USE ONLY: the certificate (PEM, chain after it) of "
                                            "--demo-key."),
                                         tr("PEM"));
        const QCommandLineOption jobs = jobsOption(
            tr("How many records to render and sign at once; the token still signs one at a time (default: one per "
               "processor core)."));
        QCommandLineParser parser;
        if (int code = parse(
                parser,
                QList<QCommandLineOption> {dbOption(), role, cls, all, year, abandon, key, keyCert, jobs, jsonOption()}
                    + tokenOptions.list() + userOptions(),
                args, console);
            code >= 0)
            return code;
        auto path = requireDb(parser);
        if (!path)
            return console.fail(path.error());
        auto className = chosenClass(parser);
        if (!className)
            return console.fail(className.error());
        auto workers = chosenJobs(parser);
        if (!workers)
            return console.fail(workers.error());
        const auto signerRole = signing::roleFromCode(parser.value(role));
        if (!signerRole)
            return console.fail({ErrorCode::Usage, tr("Give --role principal, homeroom or seal."), {}});
        const bool software = parser.isSet(key);
        if (software && !parser.isSet(keyCert))
            return console.fail({ErrorCode::Usage, tr("--demo-key needs --demo-cert."), {}});
        if (!software && !tokenOptions.given(parser))
            return console.fail(TokenOptions::usageError());

        auto db = store::Database::openExisting(*path);
        if (!db)
            return console.fail(db.error());
        auto actor = actingUser(parser, **db);
        if (!actor)
            return console.fail(actor.error());
        // Asked before the token's PIN; the batch asks again for each section's class.
        if (auto ok = actor->require(lifecycle::rightToSignAs(*signerRole)); !ok)
            return console.fail(ok.error());

        auto chosen = chosenYear(parser, **db);
        if (!chosen)
            return console.fail(chosen.error());
        const SchoolYear schoolYear = *chosen;

        // The signer: a token logged in for the whole batch (one PIN entry), or a demo key.
        std::unique_ptr<TokenSigning> token;
        std::unique_ptr<signing::Signer> demoSigner;
        if (software) {
            QFile kf(parser.value(key)), cf(parser.value(keyCert));
            if (!kf.open(QIODevice::ReadOnly) || !cf.open(QIODevice::ReadOnly))
                return console.fail({ErrorCode::Io, tr("Cannot read the demo key or certificate."), {}});
            console.err << tr("WARNING: signing with a key file, for demonstrations and tests only. Records signed "
                              "this way are not legally valid.")
                        << '\n';
            // The policy first: a refused certificate is reported as such, whatever the key file holds.
            const QByteArray certPem = cf.readAll();
            auto certInfo = signing::CertificateInfo::fromPemOrDer(certPem);
            if (!certInfo)
                return console.fail(certInfo.error());
            auto choice = lifecycle::SigningPlan::chooseCertificate(**db, {*certInfo});
            if (!choice)
                return console.fail(choice.error());
            if (!choice->choice())
                return console.fail(*choice->problem);
            printCertificateWarnings(*choice->choice(), console);
            auto s = signing::SoftwareSigner::fromPem(kf.readAll(), certPem);
            if (!s)
                return console.fail(s.error());
            demoSigner = std::move(*s);
        } else {
            auto opened = TokenSigning::open(parser, tokenOptions, **db, console);
            if (!opened)
                return console.fail(opened.error());
            token = std::move(*opened);
        }
        signing::Signer& signer = token ? token->signer() : *demoSigner;

        // What to sign: the ready sections of the year (or class) that this role has not signed yet.
        auto plan = lifecycle::SigningPlan::sections(**db, {schoolYear, *className, *signerRole});
        if (!plan)
            return console.fail(plan.error());

        if (parser.isSet(abandon)) {
            auto open = lifecycle::BatchSignJob::openBatch(**db, *signerRole);
            if (!open)
                return console.fail(open.error());
            if (*open)
                if (auto s = lifecycle::BatchSignJob::abandon(**db, (*open)->id); !s)
                    return console.fail(s.error());
        }

        lifecycle::SectionSignOptions options;
        options.role = *signerRole;
        lifecycle::BatchSignJob job(**db, signer, options, *actor);
        job.setWorkers(*workers);
        CliProgress progress(console);
        CancellationToken cancel;
        g_cancel = &cancel;
        auto previous = std::signal(SIGINT, onInterrupt);
        auto report = job.run(plan->toSign, progress, cancel);
        std::signal(SIGINT, previous);
        g_cancel = nullptr;
        if (!report)
            return console.fail(report.error());

        if (parser.isSet(QStringLiteral("json"))) {
            console.printJson(QJsonDocument(lifecycle::SigningPlan::reportJson(*report, plan->notConfirmed)));
        } else {
            for (const QString& line : lifecycle::SigningPlan::reportLines(*report, plan->notConfirmed))
                console.out << line << '\n';
            if (plan->notApproved > 0)
                console.out << tr("%1 ready sections wait for the board's approval (the school signs approved "
                                  "sections only: run \"approve\" first).")
                                   .arg(plan->notApproved)
                            << '\n';
        }
        console.out.flush();
        if (report->stoppedBy)
            return console.fail(*report->stoppedBy);
        return report->failed.isEmpty() && !report->cancelled ? ExitOk : ExitFailed;
    }
};

} // namespace

std::unique_ptr<Command> makeSignCommand()
{
    return std::make_unique<SignCommand>();
}

} // namespace hocba::cli

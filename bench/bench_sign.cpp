// SPDX-License-Identifier: GPL-3.0-or-later
// bench_sign [N] [KEEP_DIR] [WORKERS]: signs N records (default 1,000; packet XMLDSig + rendered PDF + PAdES,
// principal role) of a demo school with a throw-away SoftHSM2 token, through BatchSignJob (journal, one transaction per
// record). Prints records/s with and without rendering, the raw token rate (RSA-2048 through libp11, same run) and our
// per-record overhead outside the two token operations, on the wall clock and as CPU time. WORKERS (default 1) sets
// BatchSignJob's worker threads. Peer: poppler `pdfsig -add-signature` ~18 PDFs/s.
// With KEEP_DIR (not empty) the school file and ca.pem stay there for bench_verify.
#include "demo/DemoSchool.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/TrustAnchors.h"
#include "store/Database.h"
#include "token/TokenManager.h"
#include "verify/TrustStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace hocba;

namespace {

class FixedPin : public signing::PinProvider
{
public:
    Result<signing::SecurePin> requestPin(const signing::PinRequest&) override
    {
        return signing::SecurePin("123456", 6);
    }
};

struct QuietSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress& p) override
    {
        if (p.done % 100 == 0)
            std::fprintf(stderr, "\r  %d/%d", p.done, p.total);
    }
};

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const int wanted = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 1000;
    QTemporaryDir tmp;
    const bool keep = argc > 2 && argv[2][0] != '\0';
    const QString dir = keep ? QString::fromLocal8Bit(argv[2]) : tmp.path();
    QDir().mkpath(dir);
    const QString script
        = QDir(QStringLiteral(HOCBA_SOURCE_DIR)).filePath(QStringLiteral("tests/token/make-test-token.sh"));
    QProcess mk;
    mk.setProcessChannelMode(QProcess::MergedChannels);
    mk.start(QStringLiteral("bash"), {script, dir});
    if (!mk.waitForFinished(120000) || mk.exitCode() != 0) {
        std::fprintf(stderr, "make-test-token.sh failed: %s\n", mk.readAll().constData());
        return 1;
    }
    qputenv("SOFTHSM2_CONF", QFile::encodeName(QDir(dir).filePath(QStringLiteral("softhsm2.conf"))));

    // A school big enough: demo THCS students, ~90% confirmable.
    const QString dbPath = QDir(dir).filePath(QStringLiteral("bench-sign.db"));
    QFile::remove(dbPath);
    demo::DemoOptions demo;
    demo.levels = demo::DemoOptions::Levels::Thcs;
    demo.students = wanted + wanted / 5 + 20;
    if (auto made = demo::createDemoSchool(dbPath, demo); !made) {
        std::fprintf(stderr, "demo: %s\n", qPrintable(describe(made.error())));
        return 1;
    }
    auto db = store::Database::openOrCreate(dbPath);
    if (!db)
        return 1;
    QFile ca(QDir(dir).filePath(QStringLiteral("ca.pem")));
    if (!ca.open(QIODevice::ReadOnly)
        || !lifecycle::TrustAnchors::add(**db, lifecycle::Actor::unrestricted(), ca.readAll(), QStringLiteral("bench")))
        return 1;
    lifecycle::ConfirmOptions co;
    co.year = demo.year;
    co.acknowledgeWarnings = true;
    co.acknowledgedBy = QStringLiteral("bench");
    QElapsedTimer t;
    t.start();
    auto confirmed = lifecycle::confirmSections(**db, lifecycle::Actor::unrestricted(), co);
    if (!confirmed)
        return 1;
    std::printf("confirm: %lld sections in %.2f s (results cache refreshed first)\n",
                qlonglong(confirmed->confirmed.size()), t.nsecsElapsed() / 1e9);
    QList<Id> ids;
    for (const auto& c : confirmed->confirmed)
        if (ids.size() < wanted)
            ids << c.sectionId;

    signing::TokenManager manager({QStringLiteral("/usr/lib/softhsm/libsofthsm2.so")});
    auto token = manager.findToken(QStringLiteral("HocbaTest"));
    if (!token)
        return 1;
    auto certs = manager.certificates(*token);
    if (!certs)
        return 1;
    signing::CertificateInfo cert;
    for (const auto& c : *certs)
        if (c.id == QByteArray::fromHex("01"))
            cert = c;
    FixedPin pin;
    auto session = manager.login(*token, pin);
    if (!session)
        return 1;
    auto signer = (*session)->signer(cert);

    // Raw token rate in the same run.
    const int rawN = 500;
    t.restart();
    for (int i = 0; i < rawN; ++i)
        if (!signer->signSha256(QByteArray::number(i)))
            return 1;
    const double rawPerSec = rawN / (t.nsecsElapsed() / 1e9);
    std::printf("raw token: %.0f RSA-2048 signatures/s through libp11 (SoftHSM2), %.3f ms each\n", rawPerSec,
                1000.0 / rawPerSec);

    // With one worker (the default here), its path per record is rendering and the PDF signature (waiting for that
    // token call, which the batch thread makes); reading, building, the XMLDSig and storing run on the batch side
    // meanwhile. Wall time minus rendering is what the token and our code add to a record.
    const int workers = argc > 3 ? std::max(1, QString::fromLocal8Bit(argv[3]).toInt()) : 1;
    lifecycle::BatchSignJob job(**db, *signer, {}, lifecycle::Actor::unrestricted());
    job.setWorkers(workers);
    QuietSink sink;
    CancellationToken cancel;
    t.restart();
    auto report = job.run(ids, sink, cancel);
    const double wall = t.nsecsElapsed() / 1e9;
    std::fprintf(stderr, "\n");
    if (!report) {
        std::fprintf(stderr, "sign: %s\n", qPrintable(describe(report.error())));
        return 1;
    }
    const auto& tm = job.timings();
    const double n = double(report->signedItems.size());
    const double render = tm.renderNs / 1e9;
    const double tokenTime = tm.tokenNs / 1e9;
    std::printf("signed %lld records (%lld failed) in %.2f s wall, %d worker(s): %.1f records/s including rendering\n",
                qlonglong(report->signedItems.size()), qlonglong(report->failed.size()), wall, workers, n / wall);
    std::printf("  rendering: %.2f ms/record of worker time (from the signed packet; before the PDF signature)\n",
                render * 1000 / n);
    std::printf("  token (2 operations): %.3f ms/record; workers waited %.3f ms/record more for the batch thread\n",
                tokenTime * 1000 / n, tm.tokenWaitNs / 1e6 / n);
    if (workers == 1) {
        // Both token operations cost the same (one RSA signature of 32 bytes); the PDF's is on the worker's path.
        std::printf("  without rendering: %.1f records/s (%.3f ms/record, wall clock)\n", n / (wall - render),
                    (wall - render) * 1000 / n);
        std::printf("  our overhead outside the token and rendering, wall clock: %.3f ms/record\n",
                    ((wall - render) - tokenTime / 2) * 1000 / n);
    }
    const double inSteps = (tm.tokenNs + tm.tokenWaitNs) / 2e6 / n; // token and waiting, one call per step
    std::printf("  CPU of all our steps outside the token and rendering: %.3f ms/record (most of it overlapped)\n",
                (tm.totalNs - tm.renderNs - tm.tokenNs - tm.tokenWaitNs) / 1e6 / n);
    std::printf("    batch side: build %.3f, xml sign ~%.3f, store %.3f; worker: embed + pdf sign ~%.3f ms\n",
                tm.buildNs / 1e6 / n, tm.xmlSignNs / 1e6 / n - inSteps, tm.storeNs / 1e6 / n,
                tm.pdfSignNs / 1e6 / n - inSteps);
    std::printf("  peer: poppler pdfsig -add-signature ~18 PDFs/s\n");
    if (keep)
        std::printf("kept: %s (school file bench-sign.db, trust anchor ca.pem) for bench_verify\n", qPrintable(dir));
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// bench_sign [N] [KEEP_DIR]: signs N records (default 1,000; packet XMLDSig + rendered PDF + PAdES, principal role)
// of a demo school with a throw-away SoftHSM2 token, through BatchSignJob (journal, one transaction per record).
// Prints records/s with and without rendering, the raw token rate (RSA-2048 through libp11, same run) and our
// per-record overhead outside the two token operations. Peer: poppler `pdfsig -add-signature` ~18 PDFs/s.
// With KEEP_DIR the school file and ca.pem stay there for bench_verify.
#include "demo/DemoSchool.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SectionConfirmer.h"
#include "packet/PacketBuilder.h"
#include "signing/TokenManager.h"
#include "signing/TrustStore.h"
#include "store/Database.h"

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
    const QString dir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : tmp.path();
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
    auto db = store::Database::open(dbPath);
    if (!db)
        return 1;
    QFile ca(QDir(dir).filePath(QStringLiteral("ca.pem")));
    if (!ca.open(QIODevice::ReadOnly)
        || !signing::TrustStore::addToDatabase(**db, ca.readAll(), QStringLiteral("bench")))
        return 1;
    lifecycle::ConfirmOptions co;
    co.year = demo.year;
    co.acknowledgeWarnings = true;
    co.acknowledgedBy = QStringLiteral("bench");
    QElapsedTimer t;
    t.start();
    auto confirmed = lifecycle::confirmSections(**db, co);
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

    lifecycle::BatchSignJob job(**db, *signer, {});
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
    const double noRender = (tm.totalNs - tm.renderNs) / 1e9;
    std::printf("signed %lld records (%lld failed) in %.2f s wall: %.1f records/s including rendering\n",
                qlonglong(report->signedItems.size()), qlonglong(report->failed.size()), wall, n / wall);
    std::printf("  rendering: %.2f ms/record (from the signed packet; done before the PDF signature)\n",
                tm.renderNs / 1e6 / n);
    std::printf("  sign + store without rendering: %.1f records/s (%.3f ms/record)\n", n / noRender,
                noRender * 1000 / n);
    std::printf("  token (2 operations): %.3f ms/record\n", tm.tokenNs / 1e6 / n);
    std::printf("  our overhead outside the token and rendering: %.3f ms/record\n",
                (tm.totalNs - tm.renderNs - tm.tokenNs) / 1e6 / n);
    std::printf("    build %.3f, xml sign (excl. token) ~%.3f, embed + pdf sign (excl. token) ~%.3f, store %.3f ms\n",
                tm.buildNs / 1e6 / n, tm.xmlSignNs / 1e6 / n - tm.tokenNs / 2e6 / n,
                tm.pdfSignNs / 1e6 / n - tm.tokenNs / 2e6 / n, tm.storeNs / 1e6 / n);
    std::printf("  peer: poppler pdfsig -add-signature ~18 PDFs/s\n");
    if (argc > 2)
        std::printf("kept: %s (school file bench-sign.db, trust anchor ca.pem) for bench_verify\n", qPrintable(dir));
    return 0;
}

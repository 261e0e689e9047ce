// SPDX-License-Identifier: GPL-3.0-or-later
// Builds 2,500 realistic records (5-year primary and 4-year THCS books: PeopleGenerator + ResultsGenerator +
// evaluate) and renders all of them to PDF with every core. Prints figures only; never a pass/fail on time.
#include "demo/SampleRecord.h"
#include "render/RenderBatch.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>
#include <QThread>

#include <atomic>

#include <sys/resource.h>

using namespace hocba;
using namespace hocba::render;

namespace {

/** This process's CPU time (user + system) in ms: on a shared machine a fairer figure than the wall clock. */
double cpuMs()
{
    rusage r {};
    getrusage(RUSAGE_SELF, &r);
    return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 + (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    int records = 2500;
    if (argc > 1)
        records = std::max(1, QString::fromLocal8Bit(argv[1]).toInt());
    const int threads = QThread::idealThreadCount();
    QTextStream out(stdout);

    // Packets first, as the real batch gets them from the packet builder; timed separately from rendering.
    QElapsedTimer timer;
    timer.start();
    QList<RenderInput> inputs;
    inputs.reserve(records);
    for (int i = 0; i < records; ++i)
        inputs.append(demo::sampleRecord({i % 2 == 0 ? SchoolLevel::Primary : SchoolLevel::Thcs, quint64(i) + 1}));
    const double buildMs = timer.nsecsElapsed() / 1e6;

    // HOCBA_BENCH_SAMPLE_DIR=<dir>: also write the first primary and THCS record there, to look at.
    if (const QString dir = qEnvironmentVariable("HOCBA_BENCH_SAMPLE_DIR"); !dir.isEmpty())
        for (int i = 0; i < std::min(records, 2); ++i)
            if (auto pdf = renderRecordPdf(inputs[i])) {
                QFile f(dir + (i == 0 ? QStringLiteral("/primary.pdf") : QStringLiteral("/thcs.pdf")));
                if (f.open(QIODevice::WriteOnly))
                    f.write(*pdf);
            }

    QList<RenderJob> jobs;
    std::atomic<long long> pages = 0;
    std::atomic<long long> bytes = 0;
    // Every record's pages, from its PDF (Qt's writer ends each page object's type with a newline), per level.
    std::atomic<long long> primaryPages = 0, thcsPages = 0;
    for (int i = 0; i < records; ++i)
        jobs.append({[&inputs, i]() -> Result<RenderInput> { return inputs[i]; },
                     [&, i](const QByteArray& pdf) -> Status {
                         bytes += pdf.size();
                         (i % 2 == 0 ? primaryPages : thcsPages) += pdf.count("/Type /Page\n");
                         return {};
                     }});
    for (int i = 0; i < std::min(records, 10); ++i)
        if (auto n = recordPageCount(inputs[i]))
            pages += *n;

    timer.restart();
    const double cpuBefore = cpuMs();
    const QList<RenderOutcome> outcomes = renderBatch(jobs, {RenderOptions {}, threads, {}, nullptr});
    const double renderMs = timer.nsecsElapsed() / 1e6;
    const double renderCpuMs = cpuMs() - cpuBefore;
    int failed = 0;
    for (const RenderOutcome& o : outcomes)
        failed += o.status ? 0 : 1;

    const double perSecond = records / (renderMs / 1000.0);
    out << "bench_render: " << records << " records (half 5-year primary, half 4-year THCS), " << threads
        << " threads\n"
        << "  build packets (generate + evaluate): " << QString::number(buildMs, 'f', 0) << " ms\n"
        << "  render PDF: " << QString::number(renderMs, 'f', 0) << " ms -> " << QString::number(perSecond, 'f', 1)
        << " records/s, " << QString::number(renderMs * threads / records, 'f', 2) << " ms/record per core\n"
        << "  CPU: " << QString::number(renderCpuMs / records, 'f', 2) << " ms/record (user + system)\n"
        << "  pages: " << (primaryPages + thcsPages) << " for the " << records << " records; primary "
        << QString::number(double(primaryPages) / ((records + 1) / 2), 'f', 2) << " per book, THCS "
        << QString::number(records > 1 ? double(thcsPages) / (records / 2) : 0.0, 'f', 2) << " per book\n"
        << "  pages per record (first 10): " << QString::number(double(pages) / std::min(records, 10), 'f', 1)
        << ", average PDF " << QString::number(double(bytes) / std::max(1, records - failed) / 1024.0, 'f', 1)
        << " KiB, failed: " << failed << '\n'
        << "  the peer, measured in the same run: bench/bench_render_vs_pdfkit.sh (target: >= 4x pdfkit's rate)\n";
    return failed == 0 ? 0 : 1;
}

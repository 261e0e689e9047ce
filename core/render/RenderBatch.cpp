// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/RenderBatch.h"

#include "render/Fonts.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <numeric>

namespace hocba::render {

QList<RenderOutcome> renderBatch(const QList<RenderJob>& jobs, const BatchOptions& options)
{
    QList<RenderOutcome> outcomes(jobs.size());
    // Register the font before the workers start so none of them waits on the others in call_once.
    printFontFamily();
    QThreadPool pool;
    pool.setMaxThreadCount(options.threads > 0 ? options.threads : QThread::idealThreadCount());
    std::atomic_int done = 0;
    const int total = int(jobs.size());
    QList<int> indices(jobs.size());
    std::iota(indices.begin(), indices.end(), 0);
    QtConcurrent::blockingMap(&pool, indices, [&](int i) {
        RenderOutcome& out = outcomes[i];
        if (options.cancel && options.cancel->load()) {
            out.status = fail(ErrorCode::Cancelled, QCoreApplication::translate("hocba::render", "Cancelled."));
        } else if (!jobs[i].input) {
            out.status = fail(ErrorCode::InvalidInput,
                              QCoreApplication::translate("hocba::render", "The record has no data."));
        } else if (auto input = jobs[i].input(); !input) {
            out.status = std::unexpected(input.error());
        } else if (auto pdf = renderRecordPdf(*input, options.render); !pdf) {
            out.status = std::unexpected(pdf.error());
        } else {
            out.pdfSize = pdf->size();
            if (jobs[i].output)
                out.status = jobs[i].output(*pdf);
            else
                out.pdf = std::move(*pdf);
        }
        const int n = ++done;
        if (options.progress)
            options.progress(n, total);
    });
    return outcomes;
}

} // namespace hocba::render

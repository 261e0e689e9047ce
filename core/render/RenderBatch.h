// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/RecordRenderer.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace hocba::render {

/**
 * One record of a batch. `input` builds the record's packets when a worker picks the job up, so a batch of thousands
 * never holds every packet at once; `output` receives the PDF (write a file, upload…) — without it the bytes are
 * kept in the outcome. Both run on a worker thread and must be thread-safe.
 */
struct RenderJob
{
    std::function<Result<RenderInput>()> input;
    std::function<Status(const QByteArray& pdf)> output;
};

struct RenderOutcome
{
    Status status; ///< the reason when the record failed (ErrorCode::Cancelled when it was never started)
    QByteArray pdf; ///< only when the job had no output function
    qsizetype pdfSize = 0;
};

struct BatchOptions
{
    RenderOptions render;
    int threads = 0; ///< 0: one per core
    /** Called after every record with (done, total), from worker threads. */
    std::function<void(int done, int total)> progress;
    /** Set from any thread to stop: records not yet started end as Cancelled. */
    const std::atomic_bool* cancel = nullptr;
};

/** Renders every job in parallel (QtConcurrent on a private pool); one outcome per job, in job order. */
QList<RenderOutcome> renderBatch(const QList<RenderJob>& jobs, const BatchOptions& options = {});

} // namespace hocba::render

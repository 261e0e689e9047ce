// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoCreation.h"

#include "demo/DemoSchool.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QtConcurrent>

#include <atomic>

namespace hocba::ui {

namespace {
struct DemoCreationText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::ui::DemoCreation)
};
} // namespace

Status createDemoWithProgress(QWidget* parent, const QString& path, int students)
{
    std::atomic<bool> cancelled {false};
    QProgressDialog dialog(DemoCreationText::tr("Creating the demo school (sample data for practice)…"),
                           DemoCreationText::tr("Cancel"), 0, students, parent);
    dialog.setObjectName(QStringLiteral("demoProgressDialog"));
    dialog.setWindowTitle(DemoCreationText::tr("Demo school"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    QObject::connect(&dialog, &QProgressDialog::canceled, [&] { cancelled = true; });

    QFutureWatcher<Result<demo::DemoReport>> watcher;
    // The worker reports through its promise; the watcher delivers the progress on this thread (throttled by Qt).
    QObject::connect(&watcher, &QFutureWatcherBase::progressValueChanged, &dialog, [&dialog](int done) {
        if (!dialog.wasCanceled())
            dialog.setValue(done);
    });
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([path, students, &cancelled](QPromise<Result<demo::DemoReport>>& promise) {
        promise.setProgressRange(0, students);
        demo::DemoOptions options;
        options.students = students;
        options.progress = [&](int done, int) {
            promise.setProgressValue(done);
            return !cancelled.load();
        };
        promise.addResult(demo::createDemoSchool(path, options));
    }));
    if (!watcher.isFinished())
        loop.exec();
    dialog.reset();
    const Result<demo::DemoReport> report = watcher.result();
    if (!report)
        return std::unexpected(report.error());
    return {};
}

} // namespace hocba::ui

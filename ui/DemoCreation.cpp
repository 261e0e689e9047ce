// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoCreation.h"

#include "demo/DemoSchool.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QTimer>
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
    std::atomic<int> done {0};
    std::atomic<bool> cancelled {false};
    demo::DemoOptions options;
    options.students = students;
    // Called on the worker: only atomics cross the thread boundary; the dialog polls them.
    options.progress = [&](int n, int) {
        done = n;
        return !cancelled.load();
    };

    QProgressDialog dialog(DemoCreationText::tr("Creating the demo school (sample data for practice)…"),
                           DemoCreationText::tr("Cancel"), 0, students, parent);
    dialog.setObjectName(QStringLiteral("demoProgressDialog"));
    dialog.setWindowTitle(DemoCreationText::tr("Demo school"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    QObject::connect(&dialog, &QProgressDialog::canceled, [&] { cancelled = true; });

    QFutureWatcher<Result<demo::DemoReport>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&] {
        if (!dialog.wasCanceled())
            dialog.setValue(done.load());
    });
    poll.start(100);
    watcher.setFuture(QtConcurrent::run([path, options] { return demo::createDemoSchool(path, options); }));
    if (!watcher.isFinished())
        loop.exec();
    poll.stop();
    dialog.reset();
    const Result<demo::DemoReport> report = watcher.result();
    if (!report)
        return std::unexpected(report.error());
    return {};
}

} // namespace hocba::ui

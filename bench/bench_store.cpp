// SPDX-License-Identifier: GPL-3.0-or-later
// Store benchmark: create a demo school of 2,500 students with their years of results, then open it and list a
// class, as the desktop app does when a teacher clicks a class. Prints figures; never fails on time.
#include "demo/DemoSchool.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>

using namespace hocba;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

int runCase(const char* label, demo::DemoOptions::Levels levels, int students)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.hocba"));
    demo::DemoOptions options;
    options.levels = levels;
    options.students = students;
    options.year = SchoolYear {2025};
    QElapsedTimer t;
    t.start();
    auto report = demo::createDemoSchool(path, options);
    const double createMs = double(t.nsecsElapsed()) / 1e6;
    if (!report) {
        std::fprintf(stderr, "demo failed: %s\n", qPrintable(describe(report.error())));
        return 1;
    }
    std::printf("%-34s %6d students, %5d year sections (%d on paper), %7d assessment rows: created in %8.1f ms "
                "(target < 3000 ms)\n",
                label, report->students, report->sections, report->paperSections, report->assessments, createMs);

    // Open + list a class, cold (new connection each time) as when the app starts and the user clicks a class.
    QList<double> openList, listOnly;
    for (int i = 0; i < 15; ++i) {
        t.restart();
        auto db = store::Database::openExisting(path);
        if (!db)
            return 1;
        store::SchoolRepository schools(**db);
        auto classes = schools.classes(SchoolYear {2025});
        if (!classes || classes->isEmpty())
            return 1;
        const Id classId = classes->at(i % classes->size()).id;
        QElapsedTimer l;
        l.start();
        auto roster = store::StudentRepository(**db).roster(classId);
        listOnly << double(l.nsecsElapsed()) / 1e6;
        openList << double(t.nsecsElapsed()) / 1e6;
        if (!roster || roster->isEmpty())
            return 1;
    }
    std::printf("%-34s open file + list one class: median %.2f ms (list alone %.2f ms) (target < 50 ms)\n", label,
                median(openList), median(listOnly));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    std::printf("bench_store — Học bạ số store on this machine (%d cores)\n", QThread::idealThreadCount());
    int rc = runCase("both levels (grades 1-9)", demo::DemoOptions::Levels::Both, 2500);
    rc |= runCase("primary only (up to 5 years each)", demo::DemoOptions::Levels::Primary, 2500);
    return rc;
}

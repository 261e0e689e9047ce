// SPDX-License-Identifier: GPL-3.0-or-later
// Import benchmark (issue "A real school in the app", figures): a generated class list of 2,500 students imported
// into a fresh school file, and a 45-student THCS grade book into a class, through lifecycle::runImport as the CLI
// does (logged in: the administrator, the class's subject teacher), each beside the sqlite3 shell importing the same
// CSV (`.import --csv`) into a bare table in the same run. Prints medians; never fails on time.
#include "lifecycle/Accounts.h"
#include "lifecycle/Assignments.h"
#include "lifecycle/Import.h"
#include "lifecycle/SchoolSetup.h"
#include "lifecycle/Session.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace hocba;

namespace {

constexpr int kStudents = 2500;
constexpr int kBookStudents = 45;
constexpr int kRuns = 7;
const SchoolYear kYear {2025};

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

/** A made-up pupil: the i-th of a list, in `grade`. */
struct Pupil
{
    QString moetCode, name, birthDate, personalId;
    bool female = false;
};

/** Made-up people whose personal IDs pass the check (province 001, century and gender digit, birth year) and are no
 * one's. */
Pupil pupil(int i, int grade)
{
    static const char* const family[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"};
    static const char* const middle[] = {"Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh"};
    static const char* const given[] = {"An",   "Bình", "Châu", "Dũng", "Giang", "Hà",    "Khánh", "Lan",
                                        "Minh", "Nga",  "Phúc", "Quân", "Sơn",   "Trang", "Uyên",  "Vy"};
    const int birthYear = 2019 - grade;
    Pupil p;
    p.female = i % 2 == 1;
    p.moetCode = QStringLiteral("01%1").arg(i + 1, 8, 10, QLatin1Char('0'));
    p.name = QStringLiteral("%1 %2 %3")
                 .arg(QString::fromUtf8(family[i % 10]), QString::fromUtf8(middle[(i / 10) % 8]),
                      QString::fromUtf8(given[(i / 80) % 16]));
    p.birthDate = QStringLiteral("%1/%2/%3")
                      .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                      .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                      .arg(birthYear);
    p.personalId = QStringLiteral("001%1%2%3")
                       .arg(p.female ? 3 : 2)
                       .arg(birthYear % 100, 2, 10, QLatin1Char('0'))
                       .arg(i + 1, 6, 10, QLatin1Char('0'));
    return p;
}

/**
 * A MOET-style class list, header first (so sqlite3 names its columns from it): grades 6–9 over 60 classes, or
 * everyone in `oneClass` (grade 6).
 */
QByteArray studentList(int count, const QString& oneClass = {})
{
    QByteArray csv = "STT,Mã định danh Bộ GD&ĐT,Họ tên,Ngày sinh,Giới tính,Dân tộc,Lớp học,Số định danh cá nhân,"
                     "Chỗ ở hiện nay,Tên cha,Tên mẹ\n";
    for (int i = 0; i < count; ++i) {
        const int grade = oneClass.isEmpty() ? 6 + i % 4 : 6;
        const Pupil p = pupil(i, grade);
        const QString cls = oneClass.isEmpty() ? QStringLiteral("%1A%2").arg(grade).arg(1 + (i / 4) % 15) : oneClass;
        csv += QStringLiteral("%1,%2,%3,%4,%5,Kinh,%6,%7,\"Số %8, Phố Huế\",%9,%10\n")
                   .arg(i + 1)
                   .arg(p.moetCode, p.name, p.birthDate, p.female ? QStringLiteral("Nữ") : QStringLiteral("Nam"), cls,
                        p.personalId)
                   .arg(i + 1)
                   .arg(QStringLiteral("Nguyễn Văn Bố"), QStringLiteral("Lê Thị Mẹ"))
                   .toUtf8();
    }
    return csv;
}

/** The THCS grade book of one subject and term for the class of studentList(count, …): four TX marks, GK, CK. */
QByteArray gradeBook(int count)
{
    QByteArray csv = "STT,Mã định danh Bộ GD&ĐT,Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGtx2,ĐĐGtx3,ĐĐGtx4,ĐĐGgk,ĐĐGck,Nhận xét\n";
    for (int i = 0; i < count; ++i) {
        const Pupil p = pupil(i, 6);
        csv += QStringLiteral("%1,%2,%3,%4,%5,\"%6,5\",%7,%8,%9,\"%10,5\",Chăm chỉ\n")
                   .arg(i + 1)
                   .arg(p.moetCode, p.name, p.birthDate)
                   .arg(5 + i % 5)
                   .arg(6 + i % 4)
                   .arg(7 + i % 3)
                   .arg(8 + i % 2)
                   .arg(4 + i % 6)
                   .arg(5 + i % 4)
                   .toUtf8();
    }
    return csv;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

const QByteArray kPassword = QByteArrayLiteral("mat-khau-do-thu");

std::optional<lifecycle::Actor> logIn(store::Database& db, const QString& login)
{
    auto actor = lifecycle::logIn(db, login, kPassword);
    if (!actor)
        std::fprintf(stderr, "log in: %s\n", qPrintable(describe(actor.error())));
    return actor ? std::optional(*actor) : std::nullopt;
}

/**
 * An empty THCS school of 2025-2026 and its administrator, logged in: a file with accounts takes imports only from
 * an account with the right (lifecycle::permit). The password hashes are made and checked here, outside the timings.
 */
std::optional<lifecycle::Actor> makeEmptySchool(const QString& path)
{
    lifecycle::NewSchool s;
    s.name = QStringLiteral("Trường THCS Đo Thử");
    s.moetCode = QStringLiteral("01000999");
    s.province = QStringLiteral("Hà Nội");
    s.thcs = true;
    s.year = kYear;
    s.adminLogin = QStringLiteral("admin");
    s.adminName = QStringLiteral("Quản trị");
    auto made = lifecycle::createSchool(path, s, kPassword, QStringLiteral("bench"));
    if (!made) {
        std::fprintf(stderr, "school: %s\n", qPrintable(describe(made.error())));
        return std::nullopt;
    }
    auto db = store::Database::openExisting(path);
    return db ? logIn(**db, s.adminLogin) : std::nullopt;
}

/** One import into a fresh copy of `base`; returns milliseconds (opening and reading the file included), or -1. */
double importOnce(const QString& base, const QString& target, const lifecycle::ImportRequest& request,
                  const lifecycle::Actor& actor, int expectAdded)
{
    store::Database::removeFiles(target);
    if (!QFile::copy(base, target))
        return -1;
    QElapsedTimer t;
    t.start();
    auto db = store::Database::openExisting(target);
    if (!db)
        return -1;
    auto result = lifecycle::runImport(**db, request, actor);
    const auto* report = result ? &result->report : nullptr;
    const double ms = t.nsecsElapsed() / 1e6;
    if (!report || report->added != expectAdded || !report->rejected.isEmpty()) {
        std::fprintf(
            stderr, "import: %s\n",
            report ? qPrintable(QStringLiteral("added %1, rejected %2: %3")
                                    .arg(report->added)
                                    .arg(report->rejected.size())
                                    .arg(report->rejected.isEmpty() ? QString() : report->rejected.first().message))
                   : qPrintable(describe(result.error())));
        return -1;
    }
    return ms;
}

/** The sqlite3 shell importing the same file into a bare table of a new database (process start included). */
double sqliteOnce(const QString& csvPath, const QString& target)
{
    store::Database::removeFiles(target);
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {target});
    p.write(QStringLiteral(".import --csv '%1' rows\n").arg(csvPath).toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return -1;
    return t.nsecsElapsed() / 1e6;
}

struct Timings
{
    QList<double> ours, theirs;
};

/** kRuns imports of `request` into copies of `base`, each beside sqlite3 importing the same file (interleaved, so
 * both see the same state of the machine); false when an import fails. */
bool timeBoth(const QTemporaryDir& dir, const QString& base, const lifecycle::ImportRequest& request,
              const lifecycle::Actor& actor, int expectAdded, Timings& timings)
{
    const bool peer = !QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty();
    for (int run = 0; run < kRuns; ++run) {
        const double ms = importOnce(base, dir.filePath(QStringLiteral("school.hocba")), request, actor, expectAdded);
        if (ms < 0)
            return false;
        timings.ours << ms;
        if (peer)
            timings.theirs << sqliteOnce(request.filePath, dir.filePath(QStringLiteral("bare.sqlite")));
    }
    return true;
}

void printPeer(const Timings& timings)
{
    if (!timings.theirs.isEmpty() && !timings.theirs.contains(-1))
        std::printf("  peer: sqlite3 .import --csv of the same file into a bare table: median %.1f ms of %d runs "
                    "(process start included)\n",
                    median(timings.theirs), kRuns);
    else
        std::printf("  peer: sqlite3 not found or failed; no reference figure\n");
}

int benchStudentImport(const QTemporaryDir& dir, const QString& emptySchool, const lifecycle::Actor& admin)
{
    lifecycle::ImportRequest request;
    request.kind = lifecycle::ImportKind::Students;
    request.filePath = dir.filePath(QStringLiteral("danh-sach.csv"));
    request.year = kYear;
    Timings timings;
    if (!writeFile(request.filePath, studentList(kStudents))
        || !timeBoth(dir, emptySchool, request, admin, kStudents, timings))
        return 1;
    std::printf("import %d students (CSV, grades 6-9, 60 classes) into a fresh school file as its administrator: "
                "median %.0f ms of %d runs (target < 2000 ms)\n",
                kStudents, median(timings.ours), kRuns);
    std::printf("  each row: the student, a THCS record, a draft section of %s in its class; audited; one "
                "transaction\n",
                qPrintable(kYear.toString()));
    printPeer(timings);
    return 0;
}

/** The class of kBookStudents in 6A1, and its toan teacher (an assigned subject-teacher account), logged in. */
std::optional<lifecycle::Actor> makeClassWithTeacher(const QTemporaryDir& dir, const QString& emptySchool,
                                                     const lifecycle::Actor& admin, const QString& path)
{
    lifecycle::ImportRequest list;
    list.kind = lifecycle::ImportKind::Students;
    list.filePath = dir.filePath(QStringLiteral("lop-6a1.csv"));
    list.year = kYear;
    if (!writeFile(list.filePath, studentList(kBookStudents, QStringLiteral("6A1")))
        || importOnce(emptySchool, path, list, admin, kBookStudents) < 0)
        return std::nullopt;
    auto db = store::Database::openExisting(path);
    if (!db)
        return std::nullopt;
    const QString login = QStringLiteral("gv.toan");
    auto added = lifecycle::Accounts::add(**db, admin, login, QStringLiteral("Giáo viên Toán"), Role::SubjectTeacher,
                                          kPassword, lifecycle::Accounts::HashCost::Minimum);
    auto assigned = added
        ? lifecycle::assign(**db, admin, {kYear, login, QStringLiteral("6A1"), QStringLiteral("toan")})
        : Status(std::unexpected(added.error()));
    if (!assigned) {
        std::fprintf(stderr, "teacher: %s\n", qPrintable(describe(assigned.error())));
        return std::nullopt;
    }
    return logIn(**db, login);
}

int benchGradeBook(const QTemporaryDir& dir, const QString& emptySchool, const lifecycle::Actor& admin)
{
    const QString classSchool = dir.filePath(QStringLiteral("class.hocba"));
    const auto teacher = makeClassWithTeacher(dir, emptySchool, admin, classSchool);
    if (!teacher)
        return 1;
    lifecycle::ImportRequest request;
    request.kind = lifecycle::ImportKind::Grades;
    request.filePath = dir.filePath(QStringLiteral("toan-6a1-hk1.csv"));
    request.year = kYear;
    request.className = QStringLiteral("6A1");
    request.subject = QStringLiteral("toan");
    request.term = QStringLiteral("hk1");
    Timings timings;
    if (!writeFile(request.filePath, gradeBook(kBookStudents))
        || !timeBoth(dir, classSchool, request, *teacher, kBookStudents, timings))
        return 1;
    std::printf("import a %d-student THCS grade book (CSV, toan hk1: 4 TX, GK, CK, comment) as the class's toan "
                "teacher: median %.1f ms of %d runs (target < 100 ms)\n",
                kBookStudents, median(timings.ours), kRuns);
    std::printf("  each row: matched to a student of the class, its marks written as assessment rows; audited with "
                "an undo record; one transaction\n");
    printPeer(timings);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    std::printf("bench_import — imports on this machine\n");
    const QString emptySchool = dir.filePath(QStringLiteral("empty.hocba"));
    const auto admin = makeEmptySchool(emptySchool);
    if (!admin)
        return 1;
    if (const int failed = benchStudentImport(dir, emptySchool, *admin))
        return failed;
    return benchGradeBook(dir, emptySchool, *admin);
}

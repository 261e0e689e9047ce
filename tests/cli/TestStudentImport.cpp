// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli import students: a student list from CSV into a new school, again without change, and the rows it refuses.
#include "CliRunner.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "store/Database.h"
#include "util/Digest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

const QString header = QStringLiteral("STT,Mã định danh Bộ GD&ĐT,Họ tên,Ngày sinh,Giới tính,Dân tộc,Lớp học,"
                                      "Số định danh cá nhân,Chỗ ở hiện nay,Tên cha,Tên mẹ\n");

// Made-up people; the personal IDs pass the check (province 001, century+gender digit, birth year) and are no one's.
const QString fiveStudents = QStringLiteral("SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI,,,\n"
                                            "DANH SÁCH HỌC SINH LỚP 6,,,\n"
                                            "\n")
    + header
    + QStringLiteral("1,0100000001,Nguyễn Văn An,05/03/2013,Nam,Kinh,6A1,001213000001,\"Số 1, Phố Huế\",Nguyễn "
                     "Văn Bình,Lê Thị Cúc\n"
                     "2,0100000002,Trần Thị Bích,12/11/2013,Nữ,Kinh,6A1,001313000002,,,\n"
                     "3,0100000003,Lê Minh Châu,01/01/2013,nam,Tày,6A2,,,,\n"
                     "4,,Phạm Thu Dung,29/02/2012,NỮ,Kinh,7A1,001312000004,,,\n"
                     "5,0100000005,Hoàng Gia Huy,30/09/2013,Nam,Kinh,6a2,,,,\n");

} // namespace

class TestStudentImport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString newSchool(const QString& name)
    {
        const QString db = path(name);
        qputenv("HOCBA_PASSWORD", "mat-khau-truong"); // init takes it out of the environment once read
        const auto run = test::runCliInProcess(
            {QStringLiteral("init"), QStringLiteral("--db"), db, QStringLiteral("--school-name"),
             QStringLiteral("Trường THCS Thử"), QStringLiteral("--school-code"), QStringLiteral("01000999"),
             QStringLiteral("--province"), QStringLiteral("Hà Nội"), QStringLiteral("--levels"), QStringLiteral("thcs"),
             QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--admin"),
             QStringLiteral("admin")});
        return run.code == 0 ? db : QString();
    }

    QString writeCsv(const QString& name, const QByteArray& bytes)
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return f.fileName();
    }

    /** `--user LOGIN --password-file F` with every test account's password, "mat-khau-truong". */
    QStringList loggedIn(const QString& login, const QString& passwordOption = QStringLiteral("--password-file"))
    {
        const QString file = path(QStringLiteral("password"));
        if (!QFile::exists(file)) {
            QFile f(file);
            if (!f.open(QIODevice::WriteOnly) || f.write("mat-khau-truong") != 15)
                return {};
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        }
        return {QStringLiteral("--user"), login, passwordOption, file};
    }

    /** The school's administrator (from init) imports student lists: a file with accounts needs a login. */
    QStringList asAdmin() { return loggedIn(QStringLiteral("admin")); }

    /** An account of `role` with the given duties in 6A1 (a subject code, or "" for its homeroom teacher). */
    bool addAccount(const QString& db, const QString& login, const QString& role, const QStringList& duties)
    {
        const QStringList user {QStringLiteral("user"),
                                QStringLiteral("add"),
                                QStringLiteral("--db"),
                                db,
                                QStringLiteral("--login"),
                                login,
                                QStringLiteral("--name"),
                                QStringLiteral("Lê Văn Tú"),
                                QStringLiteral("--role"),
                                role,
                                QStringLiteral("--password-file"),
                                path(QStringLiteral("password"))};
        if (test::runCliInProcess(user + loggedIn(QStringLiteral("admin"), QStringLiteral("--user-password-file"))).code
            != 0)
            return false;
        for (const QString& subject : duties) {
            QStringList assign {
                QStringLiteral("assign"),  QStringLiteral("--db"), db, QStringLiteral("--teacher"), login,
                QStringLiteral("--class"), QStringLiteral("6A1")};
            if (!subject.isEmpty())
                assign << QStringLiteral("--subject") << subject;
            if (test::runCliInProcess(assign + asAdmin()).code != 0)
                return false;
        }
        return true;
    }

    /** A subject teacher of 6A1's toan and khtn imports their grade books. */
    bool addTeacher(const QString& db)
    {
        return addAccount(db, QStringLiteral("gv.tn"), QStringLiteral("subject"),
                          {QStringLiteral("toan"), QStringLiteral("khtn")});
    }

    QStringList importArgs(const QString& db, const QString& csv, const QStringList& extra = {})
    {
        return QStringList {QStringLiteral("import"), QStringLiteral("students"),
                            QStringLiteral("--db"),   db,
                            QStringLiteral("--file"), csv}
        + asAdmin() + extra;
    }

    QStringList gradeArgs(const QString& db, const QString& csv, const QStringList& extra = {})
    {
        return QStringList {QStringLiteral("import"), QStringLiteral("grades"),
                            QStringLiteral("--db"),   db,
                            QStringLiteral("--file"), csv,
                            QStringLiteral("--year"), QStringLiteral("2025-2026")}
        + loggedIn(QStringLiteral("gv.tn")) + extra;
    }

    /** A school with the five students of the list. */
    QString schoolWithStudents(const QString& name)
    {
        const QString db = newSchool(name);
        if (db.isEmpty()
            || test::runCliInProcess(importArgs(db, writeCsv(name + QStringLiteral(".csv"), fiveStudents.toUtf8())))
                    .code
                != 0
            || !addTeacher(db))
            return {};
        return db;
    }

    static QJsonObject json(const test::CliRun& run) { return QJsonDocument::fromJson(run.out.toUtf8()).object(); }

private Q_SLOTS:
    void importsAListThenFindsItUnchanged()
    {
        const QString db = newSchool(QStringLiteral("list.hocba"));
        QVERIFY(!db.isEmpty());
        const QString csv = writeCsv(QStringLiteral("lop6.csv"), QByteArray("\xEF\xBB\xBF") + fiveStudents.toUtf8());

        const QByteArray empty = test::fileDigest(db);
        const auto preview
            = test::runCliInProcess(importArgs(db, csv, {QStringLiteral("--dry-run"), QStringLiteral("--json")}));
        QVERIFY2(preview.code == 0, qPrintable(preview.err + preview.out));
        QCOMPARE(json(preview).value(QStringLiteral("added")).toInt(), 5);
        QCOMPARE(test::fileDigest(db), empty);

        const auto first = test::runCliInProcess(importArgs(db, csv, {QStringLiteral("--json")}));
        QVERIFY2(first.code == 0, qPrintable(first.err + first.out));
        const QJsonObject report = json(first);
        QCOMPARE(report.value(QStringLiteral("added")).toInt(), 5);
        QCOMPARE(report.value(QStringLiteral("rejected")).toArray().size(), 0);
        QCOMPARE(report.value(QStringLiteral("conflicts")).toArray().size(), 0);
        {
            auto opened = store::Database::openExisting(db);
            QVERIFY(opened);
            store::Database& d = **opened;
            QCOMPARE(test::scalar(d,
                                  QStringLiteral("SELECT group_concat(name, ' ') FROM (SELECT name FROM class "
                                                 "ORDER BY name)")),
                     QStringLiteral("6A1 6A2 7A1"));
            QCOMPARE(test::scalar(d,
                                  QStringLiteral("SELECT count(*) FROM year_section ys JOIN record r ON r.id = "
                                                 "ys.record_id WHERE r.level = 'thcs' AND ys.state = 'draft' AND "
                                                 "ys.school_year = 2025")),
                     QStringLiteral("5"));
            QCOMPARE(test::scalar(d,
                                  QStringLiteral("SELECT address || '|' || father_name || '|' || personal_id "
                                                 "FROM student WHERE moet_code = '0100000001'")),
                     QStringLiteral("Số 1, Phố Huế|Nguyễn Văn Bình|001213000001"));
            QCOMPARE(test::scalar(d,
                                  QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import.students' "
                                                 "AND new_value LIKE 'sha256=% added=5 %'")),
                     QStringLiteral("1"));
        }

        const QByteArray imported = test::fileDigest(db);
        const auto again = test::runCliInProcess(importArgs(db, csv, {QStringLiteral("--json")}));
        QVERIFY2(again.code == 0, qPrintable(again.err + again.out));
        QCOMPARE(json(again).value(QStringLiteral("unchanged")).toInt(), 5);
        QCOMPARE(json(again).value(QStringLiteral("added")).toInt(), 0);
        QCOMPARE(json(again).value(QStringLiteral("updated")).toInt(), 0);
        QCOMPARE(test::fileDigest(db), imported);
        const auto dryAgain = test::runCliInProcess(importArgs(db, csv, {QStringLiteral("--dry-run")}));
        QCOMPARE(dryAgain.code, 0);
        QCOMPARE(test::fileDigest(db), imported);
    }

    void updatesStoredStudentsAndReportsDisagreeingIds()
    {
        const QString db = newSchool(QStringLiteral("update.hocba"));
        QVERIFY(!db.isEmpty());
        QCOMPARE(test::runCliInProcess(importArgs(db, writeCsv(QStringLiteral("a.csv"), fiveStudents.toUtf8()))).code,
                 0);
        const QString changes = header
            + QStringLiteral("1,0100000001,Nguyễn Văn An,05/03/2013,Nam,Kinh,6A1,001213000001,Số 9 Hàng Bông,,\n"
                             "2,0100000002,Trần Thị Bích,12/11/2013,Nữ,Kinh,6A1,001313000099,,,\n"
                             "3,,Lê Minh Châu,01/01/2013,Nam,Tày,6A3,,,,\n");
        const auto run = test::runCliInProcess(
            importArgs(db, writeCsv(QStringLiteral("b.csv"), changes.toUtf8()), {QStringLiteral("--json")}));
        QCOMPARE(run.code, 0);
        const QJsonObject report = json(run);
        QCOMPARE(report.value(QStringLiteral("updated")).toInt(), 1);
        const QJsonArray conflicts = report.value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 2);
        QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("mismatch"));
        QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("Số định danh cá nhân"));
        QCOMPARE(conflicts.at(1).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("class_change"));
        auto opened = store::Database::openExisting(db);
        QVERIFY(opened);
        QCOMPARE(test::scalar(**opened,
                              QStringLiteral("SELECT address || '|' || father_name FROM student WHERE "
                                             "moet_code = '0100000001'")),
                 QStringLiteral("Số 9 Hàng Bông|Nguyễn Văn Bình"));
        QCOMPARE(test::scalar(**opened, QStringLiteral("SELECT count(*) FROM class WHERE name = '6A3'")),
                 QStringLiteral("0"));
    }

    void rejectsBadRowsAndWritesTheOthers()
    {
        const QString db = newSchool(QStringLiteral("bad.hocba"));
        QVERIFY(!db.isEmpty());
        const QString csv
            = writeCsv(QStringLiteral("bad.csv"),
                       QString(header
                               + QStringLiteral("1,0200000001,Đỗ Văn Khoa,31/02/2013,Nam,Kinh,6A1,,,,\n"
                                                "2,0200000002,Vũ Thị Lan,14/07/2013,Nữ,Kinh,6A1,001213000007,,,\n"
                                                "3,0200000003,Bùi Văn Minh,02/02/2016,Nam,Kinh,3A,,,,\n"
                                                "4,0200000004,Ngô Thị Nga,03/03/2013,Nữ,Kinh,6A1,001313000008,,,\n"
                                                "5,0200000005,Đinh Văn Phúc,04/04/2013,Nam,Kinh,6A1,,,,\n"))
                           .toUtf8());
        const auto run = test::runCliInProcess(importArgs(db, csv, {QStringLiteral("--json")}));
        QCOMPARE(run.code, 1);
        const QJsonObject report = json(run);
        QCOMPARE(report.value(QStringLiteral("added")).toInt(), 2);
        const QJsonArray rejected = report.value(QStringLiteral("rejected")).toArray();
        QCOMPARE(rejected.size(), 3);
        const QList<QPair<int, QString>> expected {{2, QStringLiteral("Ngày sinh")},
                                                   {3, QStringLiteral("Số định danh cá nhân")},
                                                   {4, QStringLiteral("Lớp học")}};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject r = rejected.at(i).toObject();
            QCOMPARE(r.value(QStringLiteral("row")).toInt(), expected.at(i).first);
            QCOMPARE(r.value(QStringLiteral("column")).toString(), expected.at(i).second);
            QCOMPARE(r.value(QStringLiteral("sheet")).toString(), QStringLiteral("bad.csv"));
            QVERIFY(!r.value(QStringLiteral("message")).toString().isEmpty());
        }
        QCOMPARE(rejected.at(2).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("class"));
        auto opened = store::Database::openExisting(db);
        QVERIFY(opened);
        QCOMPARE(test::scalar(**opened,
                              QStringLiteral("SELECT group_concat(full_name, ', ') FROM (SELECT full_name "
                                             "FROM student ORDER BY id)")),
                 QStringLiteral("Ngô Thị Nga, Đinh Văn Phúc"));
        QCOMPARE(test::scalar(**opened, QStringLiteral("SELECT count(*) FROM class")), QStringLiteral("1"));
    }

    void reportsDuplicatesAsConflicts()
    {
        const QString db = newSchool(QStringLiteral("dup.hocba"));
        QVERIFY(!db.isEmpty());
        const QString csv
            = writeCsv(QStringLiteral("dup.csv"),
                       QString(header
                               + QStringLiteral("1,0300000001,Lý Văn Quang,05/05/2013,Nam,Kinh,6A1,,,,\n"
                                                "2,0300000002,Lý Văn Quang,05/05/2013,Nam,Kinh,6A2,,,,\n"))
                           .toUtf8());
        const auto run = test::runCliInProcess(importArgs(db, csv, {QStringLiteral("--json")}));
        QCOMPARE(run.code, 0);
        const QJsonArray conflicts = json(run).value(QStringLiteral("conflicts")).toArray();
        // Neither row is imported: which one is right is the school's call.
        QCOMPARE(conflicts.size(), 2);
        QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("row")).toInt(), 2);
        QCOMPARE(conflicts.at(1).toObject().value(QStringLiteral("row")).toInt(), 3);
        QCOMPARE(conflicts.at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("duplicate"));
        QCOMPARE(conflicts.at(1).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("duplicate"));
        QCOMPARE(json(run).value(QStringLiteral("added")).toInt(), 0);
    }

    void matchesByTheSchoolRegisterNumber()
    {
        const QString db = newSchool(QStringLiteral("so-dang-bo.hocba"));
        QVERIFY(!db.isEmpty());
        const QString first = writeCsv(QStringLiteral("sdb1.csv"),
                                       QByteArray("Số đăng bộ,Họ và tên,Ngày sinh,Lớp\n"
                                                  "SDB-0042,Nguyễn Văn Anh,05/03/2013,6A1\n"));
        QCOMPARE(test::runCliInProcess(importArgs(db, first)).code, 0);
        // The register number finds the student even when the name was corrected and the birth date fixed.
        const QString second = writeCsv(QStringLiteral("sdb2.csv"),
                                        QByteArray("Số đăng bộ,Họ và tên,Ngày sinh,Lớp\n"
                                                   "SDB-0042,Nguyễn Văn An,06/03/2013,6A1\n"));
        const auto run = test::runCliInProcess(importArgs(db, second, {QStringLiteral("--json")}));
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QCOMPARE(json(run).value(QStringLiteral("updated")).toInt(), 1);
        QCOMPARE(json(run).value(QStringLiteral("added")).toInt(), 0);
        auto opened = test::openTestDatabase(db);
        QCOMPARE(test::scalar(*opened,
                              QStringLiteral("SELECT count(*) || '|' || max(full_name) || '|' || "
                                             "max(registration_number) FROM student")),
                 QStringLiteral("1|Nguyễn Văn An|SDB-0042"));
    }

    void refusesAWindows1258FileWithoutWriting()
    {
        const QString db = newSchool(QStringLiteral("cp1258.hocba"));
        QVERIFY(!db.isEmpty());
        const QString csv = writeCsv(QStringLiteral("ansi.csv"), QByteArray("STT,H\xF5 t\xEAn,Ng\xE0y sinh\n"));
        const QByteArray before = test::fileDigest(db);
        const auto run = test::runCliInProcess(importArgs(db, csv));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("CSV UTF-8")), qPrintable(run.err));
        QCOMPARE(test::fileDigest(db), before);
    }

    void refusesAFileWithoutAHeader()
    {
        const QString db = newSchool(QStringLiteral("nohead.hocba"));
        QVERIFY(!db.isEmpty());
        const QString csv = writeCsv(QStringLiteral("nohead.csv"), QByteArray("BẢNG TỔNG HỢP HỌ VÀ TÊN,x\n1,2\n"));
        const auto run = test::runCliInProcess(importArgs(db, csv));
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("Ngày sinh")), qPrintable(run.err));
    }

    void importsAGradeBookWithExitCodesAndJson()
    {
        const QString db = schoolWithStudents(QStringLiteral("grades.hocba"));
        QVERIFY(!db.isEmpty());
        const QString bad = writeCsv(QStringLiteral("toan-bad.csv"),
                                     QStringLiteral("Môn: Toán,,,\nHọc kỳ I,,,\n"
                                                    "Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGtx2,ĐĐGgk,ĐĐGck\n"
                                                    "Nguyễn Văn An,05/03/2013,8,\"8,5\",7,9\n"
                                                    "Trần Thị Bích,12/11/2013,8,15,7,9\n")
                                         .toUtf8());
        const auto run = test::runCliInProcess(
            gradeArgs(db, bad, {QStringLiteral("--class"), QStringLiteral("6A1"), QStringLiteral("--json")}));
        QCOMPARE(run.code, 1);
        const QJsonObject report = json(run);
        QCOMPARE(report.keys(),
                 (QStringList {QStringLiteral("added"), QStringLiteral("conflicts"), QStringLiteral("rejected"),
                               QStringLiteral("unchanged"), QStringLiteral("updated")}));
        QCOMPARE(report.value(QStringLiteral("added")).toInt(), 1);
        const QJsonObject rejected = report.value(QStringLiteral("rejected")).toArray().first().toObject();
        QCOMPARE(rejected.keys(),
                 (QStringList {QStringLiteral("code"), QStringLiteral("column"), QStringLiteral("message"),
                               QStringLiteral("row"), QStringLiteral("sheet")}));
        QCOMPARE(rejected.value(QStringLiteral("row")).toInt(), 5);
        QCOMPARE(rejected.value(QStringLiteral("column")).toString(), QStringLiteral("ĐĐGtx2"));
        QCOMPARE(rejected.value(QStringLiteral("code")).toString(), QStringLiteral("score"));
        QCOMPARE(rejected.value(QStringLiteral("sheet")).toString(), QStringLiteral("toan-bad.csv"));

        // A clean book: exit 0; the same book again changes nothing.
        const QString good = writeCsv(QStringLiteral("toan.csv"),
                                      QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGtx2,ĐĐGgk,ĐĐGck\n"
                                                     "Trần Thị Bích,12/11/2013,8,9,7,9\n")
                                          .toUtf8());
        const QStringList book {QStringLiteral("--class"), QStringLiteral("6A1"),    QStringLiteral("--subject"),
                                QStringLiteral("toan"),    QStringLiteral("--term"), QStringLiteral("hk1")};
        const auto clean = test::runCliInProcess(gradeArgs(db, good, book + QStringList {QStringLiteral("--json")}));
        QVERIFY2(clean.code == 0, qPrintable(clean.err + clean.out));
        QCOMPARE(json(clean).value(QStringLiteral("added")).toInt(), 1);
        const QByteArray imported = test::fileDigest(db);
        const auto again = test::runCliInProcess(gradeArgs(db, good, book + QStringList {QStringLiteral("--json")}));
        QCOMPARE(again.code, 0);
        QCOMPARE(json(again).value(QStringLiteral("unchanged")).toInt(), 1);
        QCOMPARE(test::fileDigest(db), imported);

        // A wrong year in the title refuses the whole file.
        const QString old = writeCsv(QStringLiteral("old.csv"),
                                     QStringLiteral("Năm học 2024-2025,,,\nHọ và tên,Ngày sinh,ĐĐGgk\n"
                                                    "Trần Thị Bích,12/11/2013,5\n")
                                         .toUtf8());
        const auto wrongYear = test::runCliInProcess(gradeArgs(db, old, book));
        QCOMPARE(wrongYear.code, 1);
        QVERIFY(wrongYear.err.contains(QStringLiteral("2024-2025")));
        QCOMPARE(test::fileDigest(db), imported);

        const auto badTerm
            = test::runCliInProcess(gradeArgs(db, good, {QStringLiteral("--term"), QStringLiteral("hk3")}));
        QCOMPARE(badTerm.code, 2);
    }

    void dryRunAndAllOrNothingLeaveTheFileAsItWas()
    {
        const QString db = schoolWithStudents(QStringLiteral("grades-dry.hocba"));
        QVERIFY(!db.isEmpty());
        const QString csv = writeCsv(QStringLiteral("book.csv"),
                                     QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx,ĐĐGgk,ĐĐGck\n"
                                                    "Nguyễn Văn An,05/03/2013,8 9 7,7,9\n"
                                                    "Không Có Ai,01/01/2013,8 9,7,9\n")
                                         .toUtf8());
        const QStringList book {QStringLiteral("--class"), QStringLiteral("6A1"),    QStringLiteral("--subject"),
                                QStringLiteral("khtn"),    QStringLiteral("--term"), QStringLiteral("hk2")};
        const QByteArray before = test::fileDigest(db);
        const auto dry = test::runCliInProcess(gradeArgs(db, csv, book + QStringList {QStringLiteral("--dry-run")}));
        QCOMPARE(dry.code, 1);
        QCOMPARE(test::fileDigest(db), before);
        const auto none
            = test::runCliInProcess(gradeArgs(db, csv, book + QStringList {QStringLiteral("--all-or-nothing")}));
        QCOMPARE(none.code, 1);
        QCOMPARE(test::fileDigest(db), before);
        const auto written = test::runCliInProcess(gradeArgs(db, csv, book));
        QCOMPARE(written.code, 1);
        QVERIFY(test::fileDigest(db) != before);
    }

    void importsAHomeroomBookWithExitCodesAndJson()
    {
        const QString db = schoolWithStudents(QStringLiteral("homeroom.hocba"));
        QVERIFY(!db.isEmpty());
        QVERIFY(addAccount(db, QStringLiteral("gvcn"), QStringLiteral("homeroom"), {QString()}));
        const QString csv = writeCsv(QStringLiteral("gvcn.csv"),
                                     QStringLiteral("SỔ CHỦ NHIỆM - LỚP 6A1 - NĂM HỌC 2025-2026,,,,,\n"
                                                    "Họ và tên,Ngày sinh,Rèn luyện HK1,Rèn luyện HK2,Số buổi nghỉ,"
                                                    "Nhận xét\n"
                                                    "Nguyễn Văn An,05/03/2013,Tốt,K,2,Chăm ngoan\n"
                                                    "Trần Thị Bích,12/11/2013,T,Yếu,-1,\n")
                                         .toUtf8());
        const auto homeroom = [&](const QString& login, const QStringList& extra) {
            return test::runCliInProcess(QStringList {QStringLiteral("import"), QStringLiteral("homeroom"),
                                                      QStringLiteral("--db"), db, QStringLiteral("--file"), csv}
                                         + loggedIn(login) + extra);
        };
        // A subject teacher of the class (schoolWithStudents adds one) may not write its homeroom book.
        const QByteArray before = test::fileDigest(db);
        const auto denied = homeroom(QStringLiteral("gv.tn"), {});
        QCOMPARE(denied.code, int(ExitFailed));
        QCOMPARE(test::fileDigest(db), before);

        const auto dry = homeroom(QStringLiteral("gvcn"), {QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QCOMPARE(dry.code, int(ExitFailed));
        QCOMPARE(test::fileDigest(db), before);
        const auto run = homeroom(QStringLiteral("gvcn"), {QStringLiteral("--json")});
        QCOMPARE(run.code, int(ExitFailed));
        const QJsonObject report = json(run);
        QCOMPARE(report.value(QStringLiteral("added")).toInt(), 1);
        const QJsonObject rejected = report.value(QStringLiteral("rejected")).toArray().first().toObject();
        QCOMPARE(rejected.value(QStringLiteral("row")).toInt(), 4);
        QCOMPARE(rejected.value(QStringLiteral("column")).toString(), QStringLiteral("Rèn luyện HK2"));
        QCOMPARE(rejected.value(QStringLiteral("code")).toString(), QStringLiteral("conduct"));
        const QByteArray imported = test::fileDigest(db);
        QVERIFY(imported != before);
        const auto again = homeroom(QStringLiteral("gvcn"), {QStringLiteral("--json")});
        QCOMPARE(json(again).value(QStringLiteral("unchanged")).toInt(), 1);
        QCOMPARE(test::fileDigest(db), imported);
        const auto wrongYear
            = homeroom(QStringLiteral("gvcn"), {QStringLiteral("--year"), QStringLiteral("2024-2025")});
        QCOMPARE(wrongYear.code, int(ExitFailed));
        QVERIFY2(wrongYear.err.contains(QStringLiteral("2025-2026")), qPrintable(wrongYear.err));
        QCOMPARE(test::fileDigest(db), imported);
    }
};

QTEST_GUILESS_MAIN(TestStudentImport)
#include "TestStudentImport.moc"

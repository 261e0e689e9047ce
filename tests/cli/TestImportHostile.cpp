// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli import with hostile and wrong files (issue "A real school in the app", Done when): a zip bomb, a cut
// workbook, a DOCTYPE, a CSV in Windows-1258, too many rows and a grade book of another year are refused with a
// message saying what is wrong, and the school file stays byte-for-byte the same; merged title rows, duplicates and
// an old .xls are read as a school means them. Every workbook is made here.
#include "CliRunner.h"
#include "StoreFixture.h"
#include "TestSupport.h"
#include "WorkbookFixtures.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

const QString kAdmin = QStringLiteral("quan.tri");
const QString kTeacher = QStringLiteral("gv.toan");

const QStringList kListHeader {QStringLiteral("STT"),       QStringLiteral("Mã định danh Bộ GD&ĐT"),
                               QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"),
                               QStringLiteral("Giới tính"), QStringLiteral("Lớp")};

QJsonObject json(const test::CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace

class TestImportHostile : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QString m_passwordFile; ///< every account of the test has this password

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QString written(const QString& name, const QByteArray& bytes)
    {
        return test::writeBytes(path(name), bytes) ? path(name) : QString();
    }

    test::CliRun as(const QString& login, QStringList args)
    {
        args << QStringLiteral("--db") << m_db << QStringLiteral("--user") << login;
        // user add takes --password-file for the new account; the login's own is --user-password-file there.
        args << (args.first() == QLatin1String("user") ? QStringLiteral("--user-password-file")
                                                       : QStringLiteral("--password-file"))
             << m_passwordFile;
        return test::runCliInProcess(args);
    }

    test::CliRun importStudents(const QString& file, const QStringList& extra = {})
    {
        return as(kAdmin,
                  QStringList {QStringLiteral("import"), QStringLiteral("students"), QStringLiteral("--file"), file}
                      + extra);
    }

    test::CliRun importGrades(const QString& file, const QStringList& extra = {})
    {
        return as(kTeacher,
                  QStringList {QStringLiteral("import"), QStringLiteral("grades"), QStringLiteral("--file"), file,
                               QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--class"),
                               QStringLiteral("6A1")}
                      + extra);
    }

    /** A student list import of `file` must exit 1 with `expected` in its message and write nothing. */
    void expectRefused(const QString& file, const QString& expected)
    {
        QVERIFY(!file.isEmpty());
        const QByteArray before = test::fileDigest(m_db);
        const auto run = importStudents(file);
        QVERIFY2(run.code == int(ExitFailed), qPrintable(run.err + run.out));
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QCOMPARE(test::fileDigest(m_db), before);
    }

    QString scalar(const QString& sql)
    {
        auto db = store::Database::openExisting(m_db);
        return db ? test::scalar(**db, sql) : QStringLiteral("(cannot open)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qunsetenv("HOCBA_PASSWORD");
        m_db = path(QStringLiteral("truong.hocba"));
        m_passwordFile = test::writeSecretFile(path(QStringLiteral("mat-khau")), "mat-khau-truong-1\n");
        QVERIFY(!m_passwordFile.isEmpty());
        const auto init = test::runCliInProcess(
            {QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--school-name"),
             QStringLiteral("Trường THCS Thử"), QStringLiteral("--school-code"), QStringLiteral("01000999"),
             QStringLiteral("--province"), QStringLiteral("Hà Nội"), QStringLiteral("--levels"), QStringLiteral("thcs"),
             QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--admin"), kAdmin,
             QStringLiteral("--password-file"), m_passwordFile});
        QVERIFY2(init.code == 0, qPrintable(init.err));
        const QString list = written(QStringLiteral("lop6a1.csv"),
                                     (kListHeader.join(u',')
                                      + QStringLiteral("\n1,0100000001,Nguyễn Văn An,05/03/2013,"
                                                       "Nam,6A1\n2,0100000002,Trần Thị "
                                                       "Bích,12/11/2013,Nữ,6A1\n"))
                                         .toUtf8());
        const auto imported = importStudents(list);
        QVERIFY2(imported.code == 0, qPrintable(imported.err + imported.out));
        const auto user = as(kAdmin,
                             {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"), kTeacher,
                              QStringLiteral("--name"), QStringLiteral("Lê Văn Tú"), QStringLiteral("--role"),
                              QStringLiteral("subject"), QStringLiteral("--password-file"), m_passwordFile});
        QVERIFY2(user.code == 0, qPrintable(user.err));
        const auto assigned
            = as(kAdmin,
                 {QStringLiteral("assign"), QStringLiteral("--teacher"), kTeacher, QStringLiteral("--class"),
                  QStringLiteral("6A1"), QStringLiteral("--subject"), QStringLiteral("toan")});
        QVERIFY2(assigned.code == 0, qPrintable(assigned.err));
    }

    void refusesAZipBomb()
    {
        const QByteArray bomb = test::zipBombXlsx();
        QVERIFY(bomb.size() < 1024 * 1024);
        expectRefused(written(QStringLiteral("bom.xlsx"), bomb), QStringLiteral("zip bomb"));
    }

    void refusesATruncatedWorkbook()
    {
        const QString whole = path(QStringLiteral("nguyen-ven.xlsx"));
        QVERIFY(test::writeXlsxRows(whole, QStringLiteral("Lớp 6A1"),
                                    {kListHeader,
                                     {QStringLiteral("1"), QStringLiteral("0100000009"), QStringLiteral("Đỗ Văn Khoa"),
                                      QStringLiteral("01/02/2013"), QStringLiteral("Nam"), QStringLiteral("6A1")}}));
        const QByteArray bytes = test::fileBytes(whole);
        QVERIFY(bytes.size() > 1000);
        expectRefused(written(QStringLiteral("cut.xlsx"), bytes.first(bytes.size() / 2)),
                      QStringLiteral("damaged or incomplete"));
    }

    void refusesADoctype()
    {
        expectRefused(written(QStringLiteral("doctype.xlsx"), test::minimalXlsx(test::sheetWithDoctype())),
                      QStringLiteral("DOCTYPE"));
    }

    void refusesAWindows1258Csv()
    {
        // "Họ và tên,Ngày sinh" then "Nguyễn Văn Minh" in Windows-1258: ọ = o + 0xF2 (dot below), ễ = ê (0xEA) +
        // 0xDE (combining tilde), à = 0xE0, ă = 0xE3. Qt has no codec for 1258, hence the bytes by hand.
        const QByteArray ansi("STT,H"
                              "o\xF2 v\xE0 t\xEAn,Ng\xE0y sinh,L\xF3p\r\n"
                              "1,Nguy\xEA\xDEn V\xE3n Minh,01/01/2013,6A1\r\n");
        expectRefused(written(QStringLiteral("ansi.csv"), ansi), QStringLiteral("CSV UTF-8"));
    }

    void refusesTooManyRows()
    {
        // One row numbered past the cap: refused without the rows before it being made.
        const QByteArray sheet = test::worksheetXml("<row r=\"100001\"><c r=\"A100001\"><v>1</v></c></row>");
        expectRefused(written(QStringLiteral("dai.xlsx"), test::minimalXlsx(sheet)), QStringLiteral("100000 rows"));
    }

    void refusesAGradeBookOfAnotherYear()
    {
        const QString book = path(QStringLiteral("toan.xlsx"));
        // The toan book of HK I as VnEdu titles it, for `year`: subject and term come from the title rows.
        const auto writeBook = [&](const QString& year) {
            return test::writeXlsxRows(
                book, QStringLiteral("Toán"),
                {{QStringLiteral("BẢNG ĐIỂM CHI TIẾT - MÔN TOÁN - Năm học ") + year},
                 {QStringLiteral("Học kỳ I")},
                 {QStringLiteral("STT"), QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"),
                  QStringLiteral("ĐĐGtx1"), QStringLiteral("ĐĐGgk"), QStringLiteral("ĐĐGck")},
                 {QStringLiteral("1"), QStringLiteral("Nguyễn Văn An"), QStringLiteral("05/03/2013"),
                  QStringLiteral("8"), QStringLiteral("7"), QStringLiteral("9")}},
                2);
        };
        QVERIFY(writeBook(QStringLiteral("2024-2025")));
        const QByteArray before = test::fileDigest(m_db);
        const auto run = importGrades(book);
        QVERIFY2(run.code == int(ExitFailed), qPrintable(run.err + run.out));
        QVERIFY2(run.err.contains(QStringLiteral("2024-2025")), qPrintable(run.err));
        QCOMPARE(test::fileDigest(m_db), before);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM assessment")), QStringLiteral("0"));

        // The same book with this year's title is imported: the refusal was the year, not the book.
        QVERIFY(writeBook(QStringLiteral("2025-2026")));
        const auto ok = importGrades(book, {QStringLiteral("--json")});
        QVERIFY2(ok.code == 0, qPrintable(ok.err + ok.out));
        QCOMPARE(json(ok).value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM assessment WHERE subject = 'toan' AND term = 'hk1'")),
                 QStringLiteral("3"));
    }

    void readsMergedTitleRowsAsTitles()
    {
        const QString list = path(QStringLiteral("lop6a2.xlsx"));
        QVERIFY(
            test::writeXlsxRows(list, QStringLiteral("Lớp 6A2"),
                                {{QStringLiteral("SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI")},
                                 {QStringLiteral("DANH SÁCH HỌC SINH LỚP 6A2 - NĂM HỌC 2025-2026")},
                                 {},
                                 kListHeader,
                                 {QStringLiteral("1"), QStringLiteral("0100000011"), QStringLiteral("Phạm Thu Dung"),
                                  QStringLiteral("29/02/2012"), QStringLiteral("Nữ"), QStringLiteral("6A2")},
                                 {QStringLiteral("2"), QStringLiteral("0100000012"), QStringLiteral("Hoàng Gia Huy"),
                                  QStringLiteral("30/09/2013"), QStringLiteral("Nam"), QStringLiteral("6A2")}},
                                2));
        const auto run = importStudents(list, {QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QCOMPARE(json(run).value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(json(run).value(QStringLiteral("rejected")).toArray().size(), 0);
        QCOMPARE(
            scalar(QStringLiteral(
                "SELECT group_concat(s.full_name || ' ' || s.birth_date || ' ' || c.name, "
                "'; ') FROM student s JOIN record r ON r.student_id = s.id JOIN year_section ys ON ys.record_id = r.id "
                "JOIN class c ON c.id = ys.class_id WHERE c.name = '6A2'")),
            QStringLiteral("Phạm Thu Dung 2012-02-29 6A2; Hoàng Gia Huy 2013-09-30 6A2"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM student WHERE full_name LIKE '%SỞ%' OR full_name "
                                       "LIKE '%DANH%'")),
                 QStringLiteral("0"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM student")), QStringLiteral("4"));
    }

    void duplicatesAreConflictsAndWriteNothingForThem()
    {
        const QStringList stored {
            QStringLiteral("1"),          QStringLiteral("0100000001"), QStringLiteral("Nguyễn Văn An"),
            QStringLiteral("05/03/2013"), QStringLiteral("Nam"),        QStringLiteral("6A1")};
        const QString twice = path(QStringLiteral("hai-lan.xlsx"));
        QVERIFY(test::writeXlsxRows(twice, QStringLiteral("Lớp 6A1"), {kListHeader, stored, stored}));
        const QByteArray before = test::fileDigest(m_db);
        const auto run = importStudents(twice, {QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        const QJsonArray conflicts = json(run).value(QStringLiteral("conflicts")).toArray();
        // Both rows are conflicts, each naming the other; nothing is written for the student.
        QCOMPARE(conflicts.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject c = conflicts.at(i).toObject();
            QCOMPARE(c.value(QStringLiteral("code")).toString(), QStringLiteral("duplicate"));
            QCOMPARE(c.value(QStringLiteral("row")).toInt(), 2 + i);
            QVERIFY(c.value(QStringLiteral("message")).toString().contains(i == 0 ? u"row 3" : u"row 2"));
        }
        QCOMPARE(json(run).value(QStringLiteral("unchanged")).toInt(), 0);
        QCOMPARE(test::fileDigest(m_db), before);

        // A new student twice, in two classes: neither row is imported and neither class is created.
        const QStringList fresh {QStringLiteral("1"),          QStringLiteral(""),    QStringLiteral("Lý Văn Quang"),
                                 QStringLiteral("05/05/2013"), QStringLiteral("Nam"), QStringLiteral("6A1")};
        QStringList elsewhere = fresh;
        elsewhere.last() = QStringLiteral("6A4");
        const QString dup = path(QStringLiteral("trung.xlsx"));
        QVERIFY(test::writeXlsxRows(dup, QStringLiteral("Lớp 6A1"), {kListHeader, fresh, elsewhere}));
        const auto second = importStudents(dup, {QStringLiteral("--json")});
        QVERIFY2(second.code == 0, qPrintable(second.err + second.out));
        QCOMPARE(json(second).value(QStringLiteral("added")).toInt(), 0);
        QCOMPARE(json(second).value(QStringLiteral("conflicts")).toArray().size(), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM student WHERE full_name = 'Lý Văn Quang'")),
                 QStringLiteral("0"));
        QCOMPARE(test::fileDigest(m_db), before);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM class WHERE name = '6A4'")), QStringLiteral("0"));
    }

    void aWorkbookThatOpensWithInstructionsImportsItsListSheet()
    {
        const QString file = path(QStringLiteral("co-huong-dan.xlsx"));
        const QStringList ha {QStringLiteral("1"),          QStringLiteral("0100000901"), QStringLiteral("Vũ Thu Hà"),
                              QStringLiteral("14/02/2013"), QStringLiteral("Nữ"),         QStringLiteral("6A1")};
        QVERIFY(test::writeXlsxSheets(
            file,
            {{QStringLiteral("Hướng dẫn"),
              {{QStringLiteral("Nhập mỗi học sinh một dòng ở trang Danh sách; ngày sinh dạng dd/mm/yyyy.")}}},
             {QStringLiteral("Danh sách"), {kListHeader, ha}}}));
        const auto run = importStudents(file, {QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QCOMPARE(json(run).value(QStringLiteral("added")).toInt(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM student WHERE full_name = 'Vũ Thu Hà'")),
                 QStringLiteral("1"));
        // A workbook with no list at all still says what a header needs.
        const QString none = path(QStringLiteral("khong-co-danh-sach.xlsx"));
        QVERIFY(test::writeXlsxSheets(none,
                                      {{QStringLiteral("Hướng dẫn"), {{QStringLiteral("Trang trống")}}},
                                       {QStringLiteral("Ghi chú"), {{QStringLiteral("…")}}}}));
        const QByteArray before = test::fileDigest(m_db);
        const auto refused = importStudents(none);
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("Ngày sinh")), qPrintable(refused.err));
        QCOMPARE(test::fileDigest(m_db), before);
    }

    void aStudentTwiceInAGradeBookWritesNeitherRow()
    {
        const QString book = written(QStringLiteral("toan-trung.csv"),
                                     QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGgk,ĐĐGck\n"
                                                    "Trần Thị Bích,12/11/2013,8,7,9\n"
                                                    "Trần Thị Bích,12/11/2013,5,4,3\n")
                                         .toUtf8());
        const QByteArray before = test::fileDigest(m_db);
        const auto run = importGrades(book,
                                      {QStringLiteral("--subject"), QStringLiteral("toan"), QStringLiteral("--term"),
                                       QStringLiteral("hk2"), QStringLiteral("--json")});
        QVERIFY2(run.code == int(ExitFailed), qPrintable(run.err + run.out));
        const QJsonArray rejected = json(run).value(QStringLiteral("rejected")).toArray();
        // Both rows are refused, each naming the other: which marks are right is the teacher's call.
        QCOMPARE(rejected.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject r = rejected.at(i).toObject();
            QCOMPARE(r.value(QStringLiteral("row")).toInt(), 2 + i);
            QCOMPARE(r.value(QStringLiteral("code")).toString(), QStringLiteral("duplicate"));
            QVERIFY(r.value(QStringLiteral("message")).toString().contains(i == 0 ? u"row 3" : u"row 2"));
        }
        QCOMPARE(test::fileDigest(m_db), before);
    }

    void importsAnXlsList()
    {
        const QString python = test::pythonWithXlwt();
        if (python.isEmpty())
            QSKIP("python3 with xlwt (Debian package python3-xlwt, scripts/setup.sh) is missing: no .xls fixture");
        const QString xls = path(QStringLiteral("cu.xls"));
        const QString script = QStringLiteral(
            "import sys, datetime, xlwt\n"
            "wb = xlwt.Workbook(encoding='utf-8')\n"
            "ws = wb.add_sheet('Lớp 6A3')\n"
            "ws.write_merge(0, 0, 0, 5, 'DANH SÁCH HỌC SINH LỚP 6A3')\n"
            "for c, h in enumerate(['STT', 'Mã định danh Bộ GD&ĐT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp']):\n"
            "    ws.write(2, c, h)\n"
            "ws.write(3, 0, 1); ws.write(3, 1, '0100000021'); ws.write(3, 2, 'Vũ Thị Lan')\n"
            "ws.write(3, 3, datetime.date(2013, 7, 14), xlwt.easyxf(num_format_str='dd/mm/yyyy'))\n"
            "ws.write(3, 4, 'Nữ'); ws.write(3, 5, '6A3')\n"
            "ws.write(4, 0, 2); ws.write(4, 1, '0100000022'); ws.write(4, 2, 'Bùi Văn Minh')\n"
            "ws.write(4, 3, '02/02/2013'); ws.write(4, 4, 'Nam'); ws.write(4, 5, '6A3')\n"
            "wb.save(sys.argv[1])\n");
        const QString failed = test::runPython(python, script, {xls});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const auto run = importStudents(xls, {QStringLiteral("--json")});
        QVERIFY2(run.code == 0, qPrintable(run.err + run.out));
        QCOMPARE(json(run).value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT group_concat(s.moet_code || ' ' || s.full_name || ' ' || s.birth_date, "
                                       "'; ') FROM student s JOIN record r ON r.student_id = s.id JOIN year_section ys "
                                       "ON ys.record_id = r.id JOIN class "
                                       "c ON c.id = ys.class_id WHERE c.name = '6A3'")),
                 QStringLiteral("0100000021 Vũ Thị Lan 2013-07-14; 0100000022 Bùi Văn Minh 2013-02-02"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'import.students' AND "
                                       "entity_id = 'cu.xls' AND actor = 'quan.tri'")),
                 QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestImportHostile)
#include "TestImportHostile.moc"

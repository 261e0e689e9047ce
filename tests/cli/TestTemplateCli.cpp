// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli template: the empty workbooks read back by sheets::readFile, and the student template's header found and
// every one of its columns mapped by the student import.
#include "CliRunner.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/StudentImport.h"
#include "sheets/Workbook.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

QStringList headerOf(const QString& path)
{
    const auto read = sheets::readFile(path);
    if (!read || read->size() != 1 || read->at(0).rows.size() != 1)
        return {};
    return read->at(0).rows.at(0).cells;
}

QStringList templateArgs(const QString& kind, const QString& out, const QStringList& extra = {})
{
    return QStringList {QStringLiteral("template"), kind, QStringLiteral("--out"), out} + extra;
}

} // namespace

class TestTemplateCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void writesTheStudentTemplateOnceUnlessForced()
    {
        const QString path = m_dir.filePath(QStringLiteral("danh-sach.xlsx"));
        auto run = test::runCliInProcess(templateArgs(QStringLiteral("students"), path));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(headerOf(path),
                 (QStringList {QStringLiteral("STT"), QStringLiteral("Mã định danh Bộ GD&ĐT"),
                               QStringLiteral("Số định danh cá nhân"), QStringLiteral("Họ và tên"),
                               QStringLiteral("Ngày sinh"), QStringLiteral("Giới tính"), QStringLiteral("Dân tộc"),
                               QStringLiteral("Quốc tịch"), QStringLiteral("Lớp"), QStringLiteral("Nơi sinh"),
                               QStringLiteral("Quê quán"), QStringLiteral("Chỗ ở hiện nay"),
                               QStringLiteral("Họ tên cha"), QStringLiteral("Họ tên mẹ")}));

        const QByteArray written = test::fileDigest(path);
        run = test::runCliInProcess(templateArgs(QStringLiteral("grades"), path));
        QCOMPARE(run.code, int(ExitFailed));
        QVERIFY2(run.err.contains(QStringLiteral("--force")), qPrintable(run.err));
        QCOMPARE(test::fileDigest(path), written);
        run = test::runCliInProcess(templateArgs(QStringLiteral("grades"), path, {QStringLiteral("--force")}));
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(headerOf(path).value(4), QStringLiteral("ĐĐGtx1"));
    }

    void writesTheGradeBooksOfBothLevels()
    {
        const QString thcs = m_dir.filePath(QStringLiteral("thcs.xlsx"));
        QCOMPARE(test::runCliInProcess(templateArgs(QStringLiteral("grades"), thcs)).code, 0);
        QCOMPARE(headerOf(thcs),
                 (QStringList {QStringLiteral("STT"), QStringLiteral("Mã định danh Bộ GD&ĐT"),
                               QStringLiteral("Họ và tên"), QStringLiteral("Ngày sinh"), QStringLiteral("ĐĐGtx1"),
                               QStringLiteral("ĐĐGtx2"), QStringLiteral("ĐĐGtx3"), QStringLiteral("ĐĐGtx4"),
                               QStringLiteral("ĐĐGgk"), QStringLiteral("ĐĐGck"), QStringLiteral("Nhận xét")}));
        const QString primary = m_dir.filePath(QStringLiteral("tieu-hoc.xlsx"));
        QCOMPARE(test::runCliInProcess(templateArgs(QStringLiteral("grades"), primary,
                                                    {QStringLiteral("--level"), QStringLiteral("primary")}))
                     .code,
                 0);
        QCOMPARE(headerOf(primary),
                 (QStringList {QStringLiteral("STT"), QStringLiteral("Mã định danh"), QStringLiteral("Họ và tên"),
                               QStringLiteral("Ngày sinh"), QStringLiteral("Mức đạt được"), QStringLiteral("Điểm KTĐK"),
                               QStringLiteral("Nhận xét")}));
        const QString other = m_dir.filePath(QStringLiteral("x.xlsx"));
        QCOMPARE(test::runCliInProcess(
                     templateArgs(QStringLiteral("grades"), other, {QStringLiteral("--level"), QStringLiteral("thpt")}))
                     .code,
                 int(ExitUsage));
        const QString homeroom = m_dir.filePath(QStringLiteral("gvcn.xlsx"));
        QCOMPARE(test::runCliInProcess(templateArgs(QStringLiteral("homeroom"), homeroom,
                                                    {QStringLiteral("--level"), QStringLiteral("primary")}))
                     .code,
                 0);
        QCOMPARE(headerOf(homeroom).value(4), QStringLiteral("Chiều cao (cm)"));
        QCOMPARE(headerOf(homeroom).value(8), QStringLiteral("Yêu nước"));
        QCOMPARE(headerOf(homeroom).value(23), QStringLiteral("Nhận xét Yêu nước"));
        QCOMPARE(headerOf(homeroom).size(), 41);
        QCOMPARE(test::runCliInProcess(templateArgs(QStringLiteral("teachers"), other)).code, int(ExitUsage));
        QVERIFY(!QFile::exists(other));
    }

    void theStudentImportReadsEveryColumnOfTheTemplate()
    {
        const QString path = m_dir.filePath(QStringLiteral("mau-hs.xlsx"));
        QCOMPARE(test::runCliInProcess(templateArgs(QStringLiteral("students"), path)).code, 0);
        auto read = sheets::readFile(path);
        QVERIFY(read);
        sheets::Sheet sheet = read->at(0);
        auto db = test::openTestDatabase(m_dir.filePath(QStringLiteral("truong.hocba")));
        QVERIFY(db);
        test::makeMiniSchool(*db);
        const QString className = test::scalar(*db, QStringLiteral("SELECT name FROM class LIMIT 1"));
        // A filled row as a school types it, in the template's column order.
        sheet.rows.append(
            {2,
             {QStringLiteral("1"), QStringLiteral("0100000002"), QStringLiteral("001313000002"),
              QStringLiteral("Đỗ Thị Mai"), QStringLiteral("12/11/2013"), QStringLiteral("Nữ"), QStringLiteral("Kinh"),
              QStringLiteral("Việt Nam"), className, QStringLiteral("Hà Nội"), QStringLiteral("Nam Định"),
              QStringLiteral("Số 1 Phố Huế"), QStringLiteral("Nguyễn Văn Bình"), QStringLiteral("Lê Thị Cúc")}});
        lifecycle::StudentImportOptions options;
        options.year = SchoolYear {2025};
        options.fileName = QStringLiteral("mau-hs.xlsx");
        const auto report
            = lifecycle::importStudents(*db, sheet, QByteArray(32, 'x'), options, lifecycle::Actor::unrestricted());
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY2(report->report.rejected.isEmpty(), qPrintable(report->report.rejected.value(0).message));
        QCOMPARE(report->report.added, 1);
        QCOMPARE(test::scalar(*db,
                              QStringLiteral("SELECT moet_code || '|' || personal_id || '|' || ethnicity || '|' || "
                                             "nationality || '|' || birthplace || '|' || hometown || '|' || address "
                                             "|| '|' || father_name || '|' || mother_name FROM student WHERE "
                                             "full_name = 'Đỗ Thị Mai'")),
                 QStringLiteral("0100000002|001313000002|Kinh|Việt Nam|Hà Nội|Nam Định|Số 1 Phố Huế|Nguyễn Văn "
                                "Bình|Lê Thị Cúc"));
    }
};

QTEST_GUILESS_MAIN(TestTemplateCli)
#include "TestTemplateCli.moc"

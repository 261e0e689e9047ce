// SPDX-License-Identifier: GPL-3.0-or-later
// The workbooks offices send (issue 14, docs/export.md), read back with the project's own reader: the grade book's
// VnEdu headers, codes and IDs as text with their leading zeros, dates dd/mm/yyyy, scores; an exported grade book
// imports back unchanged (THCS by score and by comment, primary); the summaries of both levels; the student list in
// the student import's columns, which imports back unchanged too; a subject teacher may not export.
#include "StoreFixture.h"
#include "TestSupport.h"

#include "demo/DemoSchool.h"
#include "lifecycle/Exports.h"
#include "lifecycle/GradeImport.h"
#include "lifecycle/StudentColumns.h"
#include "lifecycle/StudentImport.h"
#include "sheets/Workbook.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using lifecycle::Actor;
using lifecycle::ExportKind;
using lifecycle::ExportRequest;

namespace {

const SchoolYear kYear {2025};

QString dump(const sheets::Sheet& sheet, int rows = 12)
{
    QString out;
    for (int r = 0; r < std::min<int>(rows, sheet.rows.size()); ++r)
        out += QString::number(sheet.rows.at(r).number) + u": "_qs + sheet.rows.at(r).cells.join(u" | "_qs) + u"\n"_qs;
    return out;
}

/** The first problem of an import report, for a failure message (QVERIFY2 evaluates it either way). */
QString firstProblem(const lifecycle::ImportReport& report)
{
    if (!report.rejected.isEmpty())
        return report.rejected.first().message;
    if (!report.conflicts.isEmpty())
        return report.conflicts.first().message;
    return {};
}

/** The first row whose first cell is "STT": the header. */
int headerRow(const sheets::Sheet& sheet)
{
    for (int r = 0; r < sheet.rows.size(); ++r)
        if (sheet.rows.at(r).cell(0) == QLatin1String("STT"))
            return r;
    return -1;
}

} // namespace

class TestExports : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<store::Database> m_db;

    sheets::Sheet exported(const ExportRequest& request, const QString& name)
    {
        const QString file = m_dir.filePath(name);
        auto written = lifecycle::exportWorkbook(*m_db, Actor::unrestricted(), request, file);
        if (!written)
            qWarning("%s", qPrintable(describe(written.error())));
        auto sheets = sheets::readFile(file);
        if (!sheets || sheets->size() != 1) {
            qWarning("cannot read back %s", qPrintable(name));
            return {};
        }
        return sheets->first();
    }

    QList<Assessment> allAssessments(const QString& className)
    {
        const auto cls = store::SchoolRepository(*m_db).classByName(kYear, className).value().value();
        store::StudentRepository students(*m_db);
        const QList<RosterEntry> entries = students.roster(cls.id).value();
        QList<Assessment> all;
        for (const RosterEntry& e : entries) {
            const QList<Assessment> rows = students.assessments(e.section.id).value();
            all.append(rows);
        }
        return all;
    }

    QList<RosterEntry> roster(const QString& className)
    {
        const auto cls = store::SchoolRepository(*m_db).classByName(kYear, className).value().value();
        return store::StudentRepository(*m_db).roster(cls.id).value();
    }

    /** Exports the book and imports it back: nothing changes, every row is unchanged. */
    void roundTrip(const QString& className, const QString& subject, const QString& term)
    {
        ExportRequest r {ExportKind::GradeBook, kYear, className, subject, term};
        const sheets::Sheet sheet = exported(r, QStringLiteral("rt-%1-%2-%3.xlsx").arg(className, subject, term));
        QVERIFY(!sheet.rows.isEmpty());
        const QList<Assessment> before = allAssessments(className);
        // Class, subject, term and year all come from the title rows.
        lifecycle::GradeImportOptions options;
        options.fileName = QStringLiteral("rt.xlsx");
        auto imported = lifecycle::importGrades(*m_db, sheet, QByteArray(32, 'x'), options, Actor::unrestricted());
        QVERIFY2(imported, imported ? "" : qPrintable(describe(imported.error()) + u'\n' + dump(sheet)));
        const lifecycle::ImportReport& report = imported->report;
        QVERIFY2(report.rejected.isEmpty() && report.conflicts.isEmpty(),
                 qPrintable(firstProblem(report) + u'\n' + dump(sheet, 30)));
        QCOMPARE(report.updated, 0);
        QCOMPARE(report.added, 0);
        QCOMPARE(report.unchanged, int(roster(className).size()));
        QCOMPARE(allAssessments(className), before);
        QCOMPARE(imported->batchId, 0); // nothing written
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("school.hocba"));
        demo::DemoOptions o;
        o.students = 90;
        o.seed = 5;
        o.year = kYear;
        QVERIFY(demo::createDemoSchool(m_path, o));
        m_db = test::openTestDatabase(m_path);
        QVERIFY(m_db);
        // A MOET code with leading zeros, as CSDL hands them out.
        const Id first = roster(QStringLiteral("6A1")).first().student.id;
        QVERIFY(m_db->exec(QStringLiteral("UPDATE student SET moet_code = '0001234567' WHERE id = %1").arg(first)));
    }

    void gradeBookInVnEduLayout()
    {
        const sheets::Sheet sheet
            = exported({ExportKind::GradeBook, kYear, u"6A1"_qs, u"toan"_qs, u"hk1"_qs}, u"toan.xlsx"_qs);
        const int h = headerRow(sheet);
        QVERIFY2(h > 0, qPrintable(dump(sheet)));
        QVERIFY2(sheet.rows.at(h - 3).cells.join(u' ').contains(
                     QStringLiteral("BẢNG ĐIỂM CHI TIẾT - MÔN TOÁN - HỌC KỲ 1 - NĂM HỌC 2025-2026")),
                 qPrintable(dump(sheet)));
        const QStringList top = sheet.rows.at(h).cells;
        const QStringList sub = sheet.rows.at(h + 1).cells;
        QCOMPARE(top.mid(0, 6),
                 (QStringList {u"STT"_qs, u"Mã học sinh"_qs, u"Họ và tên"_qs, {}, u"Ngày sinh"_qs, u"ĐĐGtx"_qs}));
        QCOMPARE(sub.mid(2, 4), (QStringList {u"Họ đệm"_qs, u"Tên"_qs, {}, u"TX1"_qs}));
        const int gk = int(top.indexOf(u"ĐĐGgk"_qs));
        QVERIFY(gk > 6);
        QCOMPARE(top.mid(gk), (QStringList {u"ĐĐGgk"_qs, u"ĐĐGck"_qs, u"ĐTBmhk"_qs, u"Nhận xét"_qs}));
        QCOMPARE(sub.at(gk - 1), QStringLiteral("TX%1").arg(gk - 5));

        const QList<RosterEntry> pupils = roster(u"6A1"_qs);
        QCOMPARE(sheet.rows.size(), h + 2 + pupils.size());
        static const QRegularExpression date(QStringLiteral(R"(^\d{2}/\d{2}/\d{4}$)"));
        static const QRegularExpression average(QStringLiteral(R"(^\d{1,2}(\.\d)?$)"));
        for (int i = 0; i < pupils.size(); ++i) {
            const sheets::SheetRow& row = sheet.rows.at(h + 2 + i);
            const Student& s = pupils.at(i).student;
            QCOMPARE(row.cell(0), QString::number(i + 1));
            QCOMPARE(row.cell(1), s.moetCode); // text: leading zeros kept
            QCOMPARE(row.cell(2) + u' ' + row.cell(3), s.fullName);
            QCOMPARE(row.cell(4), s.birthDate.toString(u"dd/MM/yyyy"_qs));
            QVERIFY2(date.match(row.cell(4)).hasMatch(), qPrintable(row.cell(4)));
            QVERIFY2(average.match(row.cell(gk + 2)).hasMatch(), qPrintable(row.cells.join(u" | "_qs)));
        }
        QCOMPARE(sheet.rows.at(h + 2).cell(1), QStringLiteral("0001234567"));
    }

    void gradeBookImportsBackUnchanged()
    {
        roundTrip(u"6A1"_qs, u"toan"_qs, u"hk1"_qs);
        roundTrip(u"7A1"_qs, u"ngu_van"_qs, u"hk2"_qs);
        roundTrip(u"8A1"_qs, u"gdtc"_qs, u"hk1"_qs); // Đ / CĐ
        roundTrip(u"3A1"_qs, u"toan"_qs, {}); // primary: level, test score, comment
    }

    void gradeBookRefusesWhatItCannotWrite()
    {
        auto noTerm = lifecycle::exportSheet(*m_db, Actor::unrestricted(),
                                             {ExportKind::GradeBook, kYear, u"6A1"_qs, u"toan"_qs, {}});
        QVERIFY(!noTerm);
        QVERIFY(noTerm.error().message.contains(u"hk1 or hk2"_qs));
        auto noSubject = lifecycle::exportSheet(*m_db, Actor::unrestricted(),
                                                {ExportKind::GradeBook, kYear, u"6A1"_qs, u"tieng_viet"_qs, u"hk1"_qs});
        QVERIFY(!noSubject);
        auto noClass = lifecycle::exportSheet(*m_db, Actor::unrestricted(),
                                              {ExportKind::GradeBook, kYear, u"6Z9"_qs, u"toan"_qs, u"hk1"_qs});
        QVERIFY(!noClass);
        QCOMPARE(noClass.error().code, ErrorCode::NotFound);
    }

    void thcsSummaryPerPupil()
    {
        const sheets::Sheet sheet = exported({ExportKind::ClassSummary, kYear, u"6A1"_qs, {}, {}}, u"tonghop.xlsx"_qs);
        const int h = headerRow(sheet);
        QVERIFY2(h > 0, qPrintable(dump(sheet)));
        QVERIFY(sheet.rows.at(h - 3).cells.join(u' ').contains(u"BẢNG TỔNG HỢP KẾT QUẢ GIÁO DỤC CẢ NĂM"_qs));
        const QStringList top = sheet.rows.at(h).cells;
        const QStringList sub = sheet.rows.at(h + 1).cells;
        QCOMPARE(top.mid(0, 6),
                 (QStringList {u"STT"_qs, u"Mã học sinh"_qs, u"Số định danh cá nhân"_qs, u"Họ và tên"_qs,
                               u"Ngày sinh"_qs, u"Ngữ văn"_qs}));
        const int absences = int(top.indexOf(u"Buổi nghỉ"_qs));
        QVERIFY(absences > 0);
        QCOMPARE(sub.mid(absences, 3), (QStringList {u"P"_qs, u"K"_qs, u"Tổng"_qs}));
        QCOMPARE(top.at(absences - 2), u"Kết quả học tập"_qs);
        QCOMPARE(top.at(absences - 1), u"Kết quả rèn luyện"_qs);
        QCOMPARE(top.at(absences + 3), u"Lên lớp"_qs);
        const QList<RosterEntry> pupils = roster(u"6A1"_qs);
        int withLevel = 0;
        for (int i = 0; i < pupils.size(); ++i) {
            const sheets::SheetRow& row = sheet.rows.at(h + 2 + i);
            QCOMPARE(row.cell(2), pupils.at(i).student.personalId); // 12 digits, the leading zero kept
            QVERIFY(row.cell(2).isEmpty() || row.cell(2).startsWith(u'0'));
            QCOMPARE(row.cell(3), pupils.at(i).student.fullName);
            withLevel += QStringList {u"Tốt"_qs, u"Khá"_qs, u"Đạt"_qs, u"Chưa đạt"_qs}.contains(row.cell(absences - 2));
            if (!row.cell(absences + 2).isEmpty())
                QVERIFY(row.cell(absences + 2).toInt() >= row.cell(absences).toInt());
        }
        QVERIFY2(withLevel > pupils.size() / 2, qPrintable(dump(sheet, 20)));
        // The subject columns carry the year average.
        QVERIFY2(
            QRegularExpression(QStringLiteral(R"(^\d{1,2}(\.\d)?$)")).match(sheet.rows.at(h + 2).cell(5)).hasMatch(),
            qPrintable(dump(sheet, 20)));
    }

    void primarySummaryByPoint()
    {
        const sheets::Sheet sheet = exported({ExportKind::ClassSummary, kYear, u"4A1"_qs, {}, {}}, u"tt27.xlsx"_qs);
        const int h = headerRow(sheet);
        QVERIFY2(h > 0, qPrintable(dump(sheet)));
        const QStringList top = sheet.rows.at(h).cells;
        const QStringList sub = sheet.rows.at(h + 1).cells;
        QVERIFY(top.contains(u"Phẩm chất"_qs) && top.contains(u"Năng lực"_qs));
        QVERIFY(top.contains(u"Kết quả giáo dục"_qs));
        QCOMPARE(top.at(4), u"Tiếng Việt"_qs);
        QCOMPARE(sub.mid(4, 2), (QStringList {u"Mức"_qs, u"KTĐK"_qs}));
        const sheets::SheetRow& first = sheet.rows.at(h + 2);
        QVERIFY2(QStringList({u"T"_qs, u"H"_qs, u"C"_qs}).contains(first.cell(4)), qPrintable(dump(sheet, 20)));
        QVERIFY2(!first.cell(int(top.indexOf(u"Kết quả giáo dục"_qs))).isEmpty(), qPrintable(dump(sheet, 20)));
        QVERIFY(sheet.rows.at(h - 3).cells.join(u' ').contains(u"CUỐI NĂM HỌC"_qs));
        auto semester = lifecycle::exportSheet(*m_db, Actor::unrestricted(),
                                               {ExportKind::ClassSummary, kYear, u"4A1"_qs, {}, u"hk1"_qs});
        QVERIFY(!semester);
    }

    void studentListInTheImportsColumns()
    {
        const sheets::Sheet sheet = exported({ExportKind::StudentList, kYear, u"6A1"_qs, {}, {}}, u"ds.xlsx"_qs);
        const int h = headerRow(sheet);
        QVERIFY2(h > 0, qPrintable(dump(sheet)));
        QStringList expected {u"STT"_qs};
        for (const QString& heading : lifecycle::student_columns::headings())
            expected << heading;
        QCOMPARE(sheet.rows.at(h).cells, expected);
        const sheets::SheetRow& first = sheet.rows.at(h + 1);
        QCOMPARE(first.cell(1), u"0001234567"_qs);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{2}/\d{2}/\d{4}$)")).match(first.cell(6)).hasMatch(),
                 qPrintable(first.cells.join(u" | "_qs)));
        // The list imports back into the school without a change.
        lifecycle::StudentImportOptions options;
        options.year = kYear;
        options.fileName = u"ds.xlsx"_qs;
        auto imported = lifecycle::importStudents(*m_db, sheet, QByteArray(32, 'y'), options, Actor::unrestricted());
        QVERIFY2(imported, imported ? "" : qPrintable(describe(imported.error())));
        QVERIFY2(imported->report.rejected.isEmpty() && imported->report.conflicts.isEmpty(),
                 qPrintable(firstProblem(imported->report)));
        QCOMPARE(imported->report.updated, 0);
        QCOMPARE(imported->report.added, 0);
        QCOMPARE(imported->report.unchanged, int(roster(u"6A1"_qs).size()));
    }

    void subjectTeacherMayNotExport()
    {
        User teacher;
        teacher.login = u"gv.toan"_qs;
        teacher.role = Role::SubjectTeacher;
        const Id cls = store::SchoolRepository(*m_db).classByName(kYear, u"6A1"_qs).value().value().id;
        const Actor actor = Actor::forAccount(teacher, {lifecycle::Assignment {kYear, cls, u"toan"_qs}});
        const QString file = m_dir.filePath(u"refused.xlsx"_qs);
        auto refused = lifecycle::exportWorkbook(
            *m_db, actor, {ExportKind::GradeBook, kYear, u"6A1"_qs, u"toan"_qs, u"hk1"_qs}, file);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_GUILESS_MAIN(TestExports)
#include "TestExports.moc"

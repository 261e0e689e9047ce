// SPDX-License-Identifier: GPL-3.0-or-later
// Homeroom books into a school: THCS conduct, absences and comment; primary qualities and competencies; what the rules
// then read; the rows refused and why; a wrong year; idempotence, dry runs, rights and taking an import back.
#include "BookFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/HomeroomImport.h"
#include "lifecycle/Import.h"
#include "lifecycle/ImportTemplates.h"
#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using lifecycle::Actor;
using lifecycle::ImportKind;
using lifecycle::ImportRequest;
using test::kYear;

namespace {

// VnEdu's summary puts P · K · Tổng under "Buổi nghỉ"; Bích's Tổng is empty (P + K counts), "Rèn luyện CN" is the
// rules' to compute and is read past.
const QByteArray thcsBook = QStringLiteral("SỔ CHỦ NHIỆM - NĂM HỌC 2025-2026,,,,,,,,,\n"
                                           "Lớp: 6A1,,,,,,,,,\n"
                                           "STT,Họ và tên,Ngày sinh,Rèn luyện HK1,Hạnh kiểm (HKII),Rèn luyện CN,"
                                           "Buổi nghỉ,,,Nhận xét của GVCN\n"
                                           ",,,,,,P,K,Tổng,\n"
                                           "1,Nguyễn Văn An,05/03/2013,Tốt,Khá,K,1,2,3,Chăm ngoan\n"
                                           "2,Trần Thị Bích,12/11/2013,T,T,T,2,1,,\n"
                                           "3,Lê Minh Châu,01/01/2013,Đạt,Chưa đạt,,,,5,\n")
                                .toUtf8();

QStringList traitHeader()
{
    return {u"Yêu nước"_qs,
            u"Nhân ái"_qs,
            u"Chăm chỉ"_qs,
            u"Trung thực"_qs,
            u"Trách nhiệm"_qs,
            u"Tự chủ và tự học"_qs,
            u"Giao tiếp và hợp tác"_qs,
            u"Giải quyết vấn đề và sáng tạo"_qs,
            u"Ngôn ngữ"_qs,
            u"Tính toán"_qs,
            u"Khoa học"_qs,
            u"Công nghệ"_qs,
            u"Tin học"_qs,
            u"Thẩm mĩ"_qs,
            u"Thể chất"_qs};
}

bool concernsHomeroom(const Finding& f)
{
    return f.field.startsWith(u"conduct"_qs) || f.field == u"absences"_qs || f.field.startsWith(u"qualities"_qs)
        || f.field.startsWith(u"competencies"_qs);
}

} // namespace

class TestHomeroomImport : public test::BookImportTest
{
    Q_OBJECT
    QList<Assessment> stored(const QString& className, const QString& name)
    {
        return store::StudentRepository(*m_db).assessments(entry(className, name).section.id).value();
    }

    int homeroomFindings(const QString& className, const QString& name)
    {
        return int(std::ranges::count_if(rules::lintStudentYear(input(className, name)), concernsHomeroom));
    }

    Result<lifecycle::ImportResult> importBook(const QString& file, const Actor& actor = Actor::unrestricted(),
                                               bool dryRun = false, const QString& cls = {})
    {
        ImportRequest r;
        r.kind = ImportKind::Homeroom;
        r.filePath = file;
        r.year = kYear;
        r.className = cls;
        r.dryRun = dryRun;
        return lifecycle::runImport(*m_db, r, actor);
    }

    static Actor teacher(Role role, const QString& login, QList<lifecycle::Assignment> duties)
    {
        User u;
        u.id = 9;
        u.login = login;
        u.fullName = u"Giáo viên Thử"_qs;
        u.role = role;
        return Actor::forAccount(u, std::move(duties));
    }

private Q_SLOTS:
    void init() { QVERIFY(openSchool()); }

    void cleanup() { m_db.reset(); }

    void importsATHcsBookThatTheRulesThenRead()
    {
        QVERIFY(homeroomFindings(u"6A1"_qs, u"Nguyễn Văn An"_qs) > 0); // conduct and absences missing before
        auto result = importBook(writeFile(u"gvcn.csv"_qs, thcsBook));
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 3);
        QVERIFY(result->report.rejected.isEmpty());
        QVERIFY(result->batchId > 0);

        const StudentYearInput an = input(u"6A1"_qs, u"Nguyễn Văn An"_qs);
        QCOMPARE(an.conductHk1, u"T"_qs);
        QCOMPARE(an.conductHk2, u"K"_qs);
        QCOMPARE(an.absences, u"3"_qs);
        QCOMPARE(an.comment.value_or(QString()), u"Chăm ngoan"_qs);
        QCOMPARE(an.summerConduct, QString());
        QCOMPARE(input(u"6A1"_qs, u"Trần Thị Bích"_qs).absences, u"3"_qs);
        const StudentYearInput chau = input(u"6A1"_qs, u"Lê Minh Châu"_qs);
        QCOMPARE(chau.conductHk1, u"D"_qs);
        QCOMPARE(chau.conductHk2, u"CD"_qs);
        QCOMPARE(chau.absences, u"5"_qs);
        QCOMPARE(chau.comment, std::nullopt);
        // The stored rows are exactly the mapping's, and the rules no longer miss the homeroom teacher's part.
        QList<Assessment> rows = stored(u"6A1"_qs, u"Nguyễn Văn An"_qs);
        QList<Assessment> mapped = rules::toAssessments(an);
        std::ranges::sort(rows, {}, [](const Assessment& a) { return a.item + a.term; });
        std::ranges::sort(mapped, {}, [](const Assessment& a) { return a.item + a.term; });
        QCOMPARE(rows, mapped);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(homeroomFindings(u"6A1"_qs, u"Nguyễn Văn An"_qs), 0);
    }

    void importsAPrimaryBookBuiltInMemory()
    {
        QStringList dat {u"1"_qs, u"Lê Văn Đạt"_qs};
        QStringList mai {u"2"_qs, u"Hoàng Thị Mai"_qs};
        for (int i = 0; i < 15; ++i) {
            dat << (i == 2 ? u"Đạt"_qs : i == 13 ? u"Cần cố gắng"_qs : u"T"_qs);
            mai << u"Đ"_qs;
        }
        dat << u"Em ngoan, học tốt."_qs;
        mai << QString();
        const auto sheet = test::sheetOf(
            u"3A1"_qs,
            {QStringList {u"STT"_qs, u"Họ và tên"_qs} + traitHeader() + QStringList {u"Nhận xét"_qs}, dat, mai});
        lifecycle::HomeroomImportOptions o;
        o.year = kYear;
        o.className = u"3a1"_qs;
        auto result = lifecycle::importHomeroomBook(*m_db, sheet, QByteArray(32, 'h'), o, Actor::unrestricted());
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 2);
        QCOMPARE(result->rows[0].sheet, u"3A1"_qs);
        const StudentYearInput in = input(u"3A1"_qs, u"Lê Văn Đạt"_qs);
        QCOMPARE(in.qualities.size(), 5);
        QCOMPARE(in.competencies.size(), 10);
        QCOMPARE(in.qualities.value(u"cham_chi"_qs), u"D"_qs);
        QCOMPARE(in.qualities.value(u"yeu_nuoc"_qs), u"T"_qs);
        QCOMPARE(in.competencies.value(u"tham_mi"_qs), u"C"_qs);
        QCOMPARE(in.competencies.value(u"giai_quyet_van_de"_qs), u"T"_qs);
        QCOMPARE(in.comment.value_or(QString()), u"Em ngoan, học tốt."_qs);
        QCOMPARE(input(u"3A1"_qs, u"Hoàng Thị Mai"_qs).competencies.value(u"the_chat"_qs), u"D"_qs);
        QCOMPARE(homeroomFindings(u"3A1"_qs, u"Lê Văn Đạt"_qs), 0);
    }

    void rejectsBadRowsWithWhereAndWhy()
    {
        const auto book = QStringLiteral("Họ và tên,Ngày sinh,Rèn luyện HK1,Số buổi nghỉ,P,K\n"
                                         "Nguyễn Văn An,05/03/2013,Trung bình,,,\n"
                                         "Trần Thị Bích,12/11/2013,T,-1,,\n"
                                         "Lê Minh Châu,01/01/2013,T,ba,,\n"
                                         "Phạm Thu Dung,20/02/2013,T,4,1,2\n"
                                         "Không Có Ai,01/01/2013,T,0,,\n"
                                         "Nguyễn Văn An,05/03/2013,K,1,,\n")
                              .toUtf8();
        auto result = importBook(writeFile(u"bad.csv"_qs, book), Actor::unrestricted(), false, u"6A1"_qs);
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        const auto& rejected = result->report.rejected;
        QCOMPARE(rejected.size(), 6);
        const QList<std::tuple<int, QString, QString>> expected {
            {2, u"Rèn luyện HK1"_qs, u"conduct"_qs}, {3, u"Số buổi nghỉ"_qs, u"absences"_qs},
            {4, u"Số buổi nghỉ"_qs, u"absences"_qs}, {5, u"Số buổi nghỉ"_qs, u"absences"_qs},
            {6, u"Họ và tên"_qs, u"not_found"_qs},   {7, u"Họ và tên"_qs, u"duplicate"_qs}};
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(rejected[i].row, std::get<0>(expected[i]));
            QCOMPARE(rejected[i].column, std::get<1>(expected[i]));
            QCOMPARE(rejected[i].code, std::get<2>(expected[i]));
            QCOMPARE(rejected[i].sheet, u"bad.csv"_qs);
            QVERIFY(!rejected[i].message.isEmpty());
        }
        // Row 7 names An again: even though row 2 was refused for its conduct, which row is right is the teacher's
        // call, so nothing is written for An.
        QCOMPARE(result->report.added, 0);
        QCOMPARE(input(u"6A1"_qs, u"Nguyễn Văn An"_qs).conductHk1, QString());
        QVERIFY(stored(u"6A1"_qs, u"Trần Thị Bích"_qs).isEmpty());
    }

    void refusesABookOfAnotherYearOrLevel()
    {
        QByteArray old = thcsBook;
        old.replace("2025-2026", "2024-2025");
        const QString file = writeFile(u"old.csv"_qs, old);
        const QByteArray before = closedDigest();
        auto result = importBook(file);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QVERIFY(result.error().message.contains(u"2024-2025"_qs));
        // A THCS book for a primary class has none of its columns.
        auto primary = importBook(writeFile(u"thcs.csv"_qs, thcsBook), Actor::unrestricted(), false, u"3A1"_qs);
        QVERIFY(!primary);
        QVERIFY(primary.error().message.contains(u"3A1"_qs));
        // A conduct column that names no semester, in a book whose title names none either.
        auto unnamed
            = importBook(writeFile(u"kqrl.csv"_qs, QByteArray("Họ và tên,Kết quả rèn luyện\nNguyễn Văn An,T\n")),
                         Actor::unrestricted(), false, u"6A1"_qs);
        QVERIFY(!unnamed);
        QCOMPARE(closedDigest(), before);
        // With the semester in the title it is that semester's.
        auto second = importBook(writeFile(u"kqrl2.csv"_qs,
                                           QStringLiteral("BẢNG TỔNG HỢP HỌC KỲ II,\nHọ và tên,"
                                                          "Kết quả rèn luyện\nNguyễn Văn An,Khá\n")
                                               .toUtf8()),
                                 Actor::unrestricted(), false, u"6A1"_qs);
        QVERIFY2(second, qPrintable(second ? QString() : describe(second.error())));
        QCOMPARE(input(u"6A1"_qs, u"Nguyễn Văn An"_qs).conductHk2, u"K"_qs);
        QCOMPARE(input(u"6A1"_qs, u"Nguyễn Văn An"_qs).conductHk1, QString());
    }

    void theSameFileTwiceChangesNothingAndADryRunWritesNothing()
    {
        const QString file = writeFile(u"gvcn.csv"_qs, thcsBook);
        const QByteArray before = closedDigest();
        auto dry = importBook(file, Actor::unrestricted(), true);
        QVERIFY(dry);
        QCOMPARE(dry->report.added, 3);
        QCOMPARE(dry->batchId, 0);
        QCOMPARE(closedDigest(), before);
        QVERIFY(importBook(file));
        const QString written = test::dump(*m_db);
        auto again = importBook(file);
        QVERIFY(again);
        QCOMPARE(again->report.unchanged, 3);
        QCOMPARE(again->batchId, 0);
        QCOMPARE(test::dump(*m_db), written);
        // An empty cell keeps what is stored; a changed one updates that row only.
        QByteArray changed = thcsBook;
        changed.replace("1,Nguyễn Văn An,05/03/2013,Tốt,Khá,K,1,2,3,Chăm ngoan",
                        "1,Nguyễn Văn An,05/03/2013,,Tốt,,,,,");
        auto third = importBook(writeFile(u"changed.csv"_qs, changed));
        QVERIFY(third);
        QCOMPARE(third->report.updated, 1);
        QCOMPARE(third->report.unchanged, 2);
        const StudentYearInput an = input(u"6A1"_qs, u"Nguyễn Văn An"_qs);
        QCOMPARE(an.conductHk1, u"T"_qs);
        QCOMPARE(an.conductHk2, u"T"_qs);
        QCOMPARE(an.absences, u"3"_qs);
    }

    void onlyTheClasssHomeroomTeacherMayAndUndoTakesItBack()
    {
        const QString file = writeFile(u"gvcn.csv"_qs, thcsBook);
        const QByteArray before = closedDigest();
        const QString rows = test::dump(*m_db);
        const Actor maths = teacher(Role::SubjectTeacher, u"gv.toan"_qs, {{kYear, classId(u"6A1"_qs), u"toan"_qs}});
        const Actor otherClass = teacher(Role::Homeroom, u"gvcn.3a1"_qs, {{kYear, classId(u"3A1"_qs), QString()}});
        for (const Actor& refused : {maths, otherClass}) {
            auto result = importBook(file, refused);
            QVERIFY(!result);
            QCOMPARE(result.error().code, ErrorCode::PermissionDenied);
        }
        QCOMPARE(closedDigest(), before);
        const Actor homeroom = teacher(Role::Homeroom, u"gvcn.6a1"_qs, {{kYear, classId(u"6A1"_qs), QString()}});
        auto done = importBook(file, homeroom);
        QVERIFY2(done, qPrintable(done ? QString() : describe(done.error())));
        QCOMPARE(
            test::scalar(
                *m_db, QStringLiteral("SELECT actor || ' ' || action FROM audit_log WHERE id = %1").arg(done->batchId)),
            u"gvcn.6a1 import.homeroom"_qs);
        QVERIFY(test::dump(*m_db) != rows);
        auto undone = lifecycle::undoImport(*m_db, done->batchId, homeroom);
        QVERIFY2(undone, qPrintable(undone ? QString() : describe(undone.error())));
        QCOMPARE(test::dump(*m_db), rows);
    }

    void refusesRowsOfASignedSection()
    {
        store::StudentRepository students(*m_db);
        const Id signedSection = entry(u"6A1"_qs, u"Trần Thị Bích"_qs).section.id;
        QVERIFY(students.setSectionState(signedSection, SectionState::Ready));
        QVERIFY(students.setSectionState(signedSection, SectionState::Signed));
        auto result = importBook(writeFile(u"gvcn.csv"_qs, thcsBook));
        QVERIFY(result);
        QCOMPARE(result->report.added, 2);
        QCOMPARE(result->report.rejected.size(), 1);
        QCOMPARE(result->report.rejected[0].row, 6);
        QCOMPARE(result->report.rejected[0].code, u"locked"_qs);
        QVERIFY(students.assessments(signedSection).value().isEmpty());
    }

    /** A new list of certificates replaces the stored one whole; bad measures are refused with where and why. */
    void primaryMeasuresAndListsReplaceWhole()
    {
        const QStringList header {u"Họ và tên"_qs, u"Chiều cao"_qs, u"Cân nặng"_qs, u"P"_qs, u"K"_qs, u"Chứng chỉ"_qs};
        lifecycle::HomeroomImportOptions o;
        o.year = kYear;
        o.className = u"3A1"_qs;
        auto first = lifecycle::importHomeroomBook(
            *m_db,
            test::sheetOf(u"a"_qs,
                          {header,
                           {u"Lê Văn Đạt"_qs, u"128"_qs, u"27.5"_qs, u"0"_qs, u"0"_qs, u"A; B; C"_qs},
                           {u"Hoàng Thị Mai"_qs, u"2 mét"_qs, u"30"_qs, u"1"_qs, u"x"_qs, QString()}}),
            QByteArray(32, 'm'), o, Actor::unrestricted());
        QVERIFY2(first, qPrintable(first ? QString() : describe(first.error())));
        QCOMPARE(first->report.added, 1);
        QCOMPARE(first->report.rejected.size(), 1);
        QCOMPARE(first->report.rejected[0].column, u"Chiều cao"_qs);
        QCOMPARE(first->report.rejected[0].code, u"height"_qs);
        QCOMPARE(input(u"3A1"_qs, u"Lê Văn Đạt"_qs).certificates.size(), 3);
        auto second = lifecycle::importHomeroomBook(
            *m_db,
            test::sheetOf(u"b"_qs, {header, {u"Lê Văn Đạt"_qs, QString(), QString(), QString(), QString(), u"D"_qs}}),
            QByteArray(32, 'n'), o, Actor::unrestricted());
        QVERIFY(second);
        QCOMPARE(second->report.updated, 1);
        const StudentYearInput dat = input(u"3A1"_qs, u"Lê Văn Đạt"_qs);
        QCOMPARE(dat.certificates, QStringList {u"D"_qs});
        QCOMPARE(dat.heightCm, u"128"_qs);
        QCOMPARE(dat.weightKg, u"27.5"_qs);
        QCOMPARE(dat.absencesExcused + dat.absencesUnexcused, u"00"_qs);
    }

    void theImportReadsEveryColumnOfTheTemplates()
    {
        for (const auto& [level, cls, student] : {std::tuple {SchoolLevel::Thcs, u"6A1"_qs, u"Phạm Thu Dung"_qs},
                                                  std::tuple {SchoolLevel::Primary, u"3A1"_qs, u"Hoàng Thị Mai"_qs}}) {
            const sheets::SheetTemplate t = lifecycle::homeroomBookTemplate(level);
            QStringList header;
            QStringList row {u"1"_qs, QString(), student, QString()};
            for (const auto& column : t.columns)
                header.append(column.heading);
            const QHash<QString, QString> cells {{u"Số buổi nghỉ"_qs, u"4"_qs},
                                                 {u"Chiều cao (cm)"_qs, u"132,5"_qs},
                                                 {u"Cân nặng (kg)"_qs, u"30"_qs},
                                                 {u"Nghỉ có phép"_qs, u"2"_qs},
                                                 {u"Nghỉ không phép"_qs, u"1"_qs},
                                                 {u"Chứng chỉ"_qs, u"Chứng chỉ tiếng Anh A1\nChứng chỉ tin học"_qs},
                                                 {u"Cuộc thi"_qs, u"Giải Ba Toán tuổi thơ cấp huyện"_qs}};
            while (row.size() < header.size() - 1) {
                const QString h = header.at(row.size());
                row.append(cells.contains(h)                   ? cells.value(h)
                               : h.startsWith(u"Nhận xét "_qs) ? u"Tích cực"_qs
                                                               : u"Đ"_qs);
            }
            row.append(u"Tiến bộ"_qs);
            lifecycle::HomeroomImportOptions o;
            o.year = kYear;
            o.className = cls;
            auto result = lifecycle::importHomeroomBook(*m_db, test::sheetOf(t.name, {header, row}),
                                                        QByteArray(32, 't'), o, Actor::unrestricted());
            QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
            QVERIFY(result->report.rejected.isEmpty());
            QCOMPARE(result->report.added, 1);
            const StudentYearInput in = input(cls, student);
            QCOMPARE(in.comment.value_or(QString()), u"Tiến bộ"_qs);
            QCOMPARE(in.certificates, (QStringList {u"Chứng chỉ tiếng Anh A1"_qs, u"Chứng chỉ tin học"_qs}));
            QCOMPARE(in.competitions, QStringList {u"Giải Ba Toán tuổi thơ cấp huyện"_qs});
            if (level == SchoolLevel::Thcs) {
                QCOMPARE(in.conductHk1 + in.conductHk2 + in.absences, u"DD4"_qs);
            } else {
                QCOMPARE(in.qualities.size() + in.competencies.size(), 15);
                QCOMPARE(in.qualityComments.size() + in.competencyComments.size(), 15);
                QCOMPARE(in.qualityComments.value(u"yeu_nuoc"_qs), u"Tích cực"_qs);
                QCOMPARE(in.competencyComments.value(u"giai_quyet_van_de"_qs), u"Tích cực"_qs);
                QCOMPARE(in.heightCm, u"132,5"_qs);
                QCOMPARE(in.weightKg, u"30"_qs);
                QCOMPARE(in.absencesExcused, u"2"_qs);
                QCOMPARE(in.absencesUnexcused, u"1"_qs);
                QCOMPARE(homeroomFindings(cls, student), 0);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHomeroomImport)
#include "TestHomeroomImport.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Grade books into a school: THCS (TT22) and primary (TT27) layouts with title rows, the rows refused and why,
// signed sections, idempotence, dry runs, all-or-nothing, rights, and taking an import back.
#include "BookFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/GradeImport.h"
#include "lifecycle/Import.h"
#include "lifecycle/StudentImport.h"
#include "rules/AssessmentMapping.h"
#include "store/AuditLog.h"
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
using lifecycle::RowOutcome;
using test::dump;
using test::kYear;
using test::sheetOf;
using test::studentList;

namespace {

// A VnEdu "Bảng điểm chi tiết": title rows whose merged cells a CSV export leaves empty, a two-row header.
const QByteArray vnEduBook = QStringLiteral("PHÒNG GD&ĐT QUẬN THỬ,,,,,,,,,,\n"
                                            "TRƯỜNG THCS THỬ,,,,,,,,,,\n"
                                            "BẢNG ĐIỂM CHI TIẾT - MÔN TOÁN - HỌC KỲ I - NĂM HỌC 2025-2026,,,,,,,,,,\n"
                                            "Khối 6 - Lớp 6A1,,,,,,,,,,\n"
                                            ",,,,,,,,,,\n"
                                            "STT,Mã học sinh,Họ và tên,,ĐĐGtx,,,,ĐĐGgk,ĐĐGck,Nhận xét\n"
                                            ",,Họ đệm,Tên,TX1,TX2,TX3,TX4,,,\n"
                                            "1,0100000001,Nguyễn Văn,An,8,\"7,5\",9,10,8,8.5,Tiến bộ rõ\n"
                                            "2,0100000002,Trần Thị,Bích,6,7,,,\"6,5\",7,\n"
                                            "3,,Lê Minh,Châu,9,9,9,9,9,9,\n")
                                 .toUtf8();

} // namespace

class TestGradeImport : public test::BookImportTest
{
    Q_OBJECT
    static const SubjectEntry* subject(const StudentYearInput& in, const QString& code)
    {
        for (const SubjectEntry& s : in.subjects)
            if (s.code == code)
                return &s;
        return nullptr;
    }

    Result<lifecycle::ImportResult> importGrades(const QString& file, const QStringList& cls = {},
                                                 const Actor& actor = Actor::unrestricted(), bool dryRun = false,
                                                 bool allOrNothing = false)
    {
        ImportRequest r;
        r.kind = ImportKind::Grades;
        r.filePath = file;
        r.year = kYear;
        if (cls.size() == 3) {
            r.className = cls[0];
            r.subject = cls[1];
            r.term = cls[2];
        }
        r.dryRun = dryRun;
        r.allOrNothing = allOrNothing;
        return lifecycle::runImport(*m_db, r, actor);
    }

    qint64 auditHead() { return store::AuditLog(*m_db).head().value().id; }

private Q_SLOTS:
    void init() { QVERIFY(openSchool()); }

    void cleanup() { m_db.reset(); }

    void importsAVnEduBookWithTitleRowsAndTwoHeaderRows()
    {
        const QString file = writeFile(u"vnedu.csv"_qs, vnEduBook);
        auto result = importGrades(file); // class, subject and term from the title
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 3);
        QVERIFY(result->report.rejected.isEmpty());
        QVERIFY(result->batchId > 0);
        QCOMPARE(result->rows.size(), 3);
        QCOMPARE(result->rows[0].row, 8);
        QCOMPARE(result->rows[0].outcome, RowOutcome::Added);
        QCOMPARE(result->rows[0].summary, u"Nguyễn Văn An"_qs);

        const auto an = input(u"6A1"_qs, u"Nguyễn Văn An"_qs);
        const SubjectEntry* toan = subject(an, u"toan"_qs);
        QVERIFY(toan);
        QCOMPARE(toan->hk1.regular, (QList<QString> {u"8"_qs, u"7.5"_qs, u"9"_qs, u"10"_qs}));
        QCOMPARE(toan->hk1.midterm, u"8"_qs);
        QCOMPARE(toan->hk1.final, u"8.5"_qs);
        QCOMPARE(toan->hk1.comment.value_or(QString()), u"Tiến bộ rõ"_qs);
        const auto bichInput = input(u"6A1"_qs, u"Trần Thị Bích"_qs);
        const SubjectEntry* bich = subject(bichInput, u"toan"_qs);
        QVERIFY(bich);
        QCOMPARE(bich->hk1.regular, (QList<QString> {u"6"_qs, u"7"_qs}));
        QCOMPARE(bich->hk1.midterm, u"6.5"_qs);
        QCOMPARE(bich->hk1.comment, std::nullopt);
    }

    void importsAllRegularMarksInOneCellAndCommentResults()
    {
        // CSDL Mẫu 2: every regular mark in one cell; a subject assessed by comment takes Đ/CĐ.
        const QByteArray mau2 = QStringLiteral("STT,Mã định danh,Họ và tên,Ngày sinh,ĐĐGtx,ĐĐGgk,ĐĐGck,ĐTBmhk,"
                                               "Nội dung nhận xét\n"
                                               "1,,Nguyễn Văn An,05/03/2013,Đ Đ,Đạt,đ,,\n"
                                               "2,,Trần Thị Bích,12/11/2013,Đ CĐ,Chưa đạt,Đ,,Cần cố gắng\n")
                                    .toUtf8();
        auto result = importGrades(writeFile(u"gdtc.csv"_qs, mau2), {u"6A1"_qs, u"gdtc"_qs, u"hk2"_qs});
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 2);
        const auto bichInput = input(u"6A1"_qs, u"Trần Thị Bích"_qs);
        const SubjectEntry* bich = subject(bichInput, u"gdtc"_qs);
        QVERIFY(bich);
        QCOMPARE(bich->hk2.regular, (QList<QString> {u"D"_qs, u"CD"_qs}));
        QCOMPARE(bich->hk2.midterm, u"CD"_qs);
        QCOMPARE(bich->hk2.final, u"D"_qs);

        const QByteArray toan = QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx,ĐĐGgk,ĐĐGck\n"
                                               "Nguyễn Văn An,05/03/2013,\"8 7,5 9\",7,8\n")
                                    .toUtf8();
        result = importGrades(writeFile(u"toan.csv"_qs, toan), {u"6A1"_qs, u"toan"_qs, u"hk1"_qs});
        QVERIFY(result);
        const auto an = input(u"6A1"_qs, u"Nguyễn Văn An"_qs);
        QCOMPARE(subject(an, u"toan"_qs)->hk1.regular, (QList<QString> {u"8"_qs, u"7.5"_qs, u"9"_qs}));
    }

    void importsASheetBuiltInMemoryMatchingByIdentifiersFirst()
    {
        // CSDL Mẫu 1; the names are spelled differently from the school file, the identifiers decide.
        const auto sheet
            = sheetOf(u"Mẫu 1"_qs,
                      {{u"STT"_qs, u"Lớp"_qs, u"Mã định danh Bộ GD&ĐT"_qs, u"Họ và tên"_qs, u"Ngày sinh"_qs,
                        u"ĐĐGtx1"_qs, u"ĐĐGtx2"_qs, u"ĐĐGtx3"_qs, u"ĐĐGgk"_qs, u"ĐĐGck"_qs, u"Nhận xét"_qs},
                       {u"1"_qs, u"6A1"_qs, u"0100000002"_qs, u"TRẦN THỊ BÍCH"_qs, u"12/11/2013"_qs, u"7"_qs, u"8"_qs,
                        u"9"_qs, u"8"_qs, u"9"_qs, QString()},
                       {u"2"_qs, u"6A1"_qs, u"0100000001"_qs, u"Nguyễn An"_qs, QString(), u"9"_qs, QString(), QString(),
                        QString(), QString(), u"Chăm chỉ"_qs}});
        lifecycle::GradeImportOptions o;
        o.year = kYear;
        o.className = u"6a1"_qs;
        o.subject = u"ngu_van"_qs;
        o.term = u"hk2"_qs;
        o.fileName = u"mau1.xlsx"_qs;
        auto result = lifecycle::importGrades(*m_db, sheet, QByteArray(32, 'y'), o, Actor::unrestricted());
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 2);
        QCOMPARE(result->rows[0].sheet, u"Mẫu 1"_qs);
        const auto bichInput = input(u"6A1"_qs, u"Trần Thị Bích"_qs);
        QCOMPARE(subject(bichInput, u"ngu_van"_qs)->hk2.regular, (QList<QString> {u"7"_qs, u"8"_qs, u"9"_qs}));
        const auto an = input(u"6A1"_qs, u"Nguyễn Văn An"_qs);
        QCOMPARE(subject(an, u"ngu_van"_qs)->hk2.regular, (QList<QString> {u"9"_qs}));
        QCOMPARE(subject(an, u"ngu_van"_qs)->hk2.comment.value_or(QString()), u"Chăm chỉ"_qs);
    }

    void importsAPrimaryBookNeverReadingALevelFromAName()
    {
        // The student "Lê Văn Đạt" has no level in the file: his name must not become one.
        const auto sheet = QStringLiteral("BẢNG ĐÁNH GIÁ CUỐI NĂM - Môn học: Tiếng Việt,,,,\n"
                                          "Lớp: 3A1 - Năm học 2025-2026,,,,\n"
                                          "STT,Họ đệm,Tên,Mức đạt được,Điểm KTĐK,Nhận xét\n"
                                          "1,Lê Văn,Đạt,,9,Đọc to rõ ràng\n"
                                          "2,Hoàng Thị,Mai,Hoàn thành tốt,10,\n")
                               .toUtf8();
        auto result = importGrades(writeFile(u"tv.csv"_qs, sheet));
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 2);
        const auto datInput = input(u"3A1"_qs, u"Lê Văn Đạt"_qs);
        const SubjectEntry* dat = subject(datInput, u"tieng_viet"_qs);
        QVERIFY(dat);
        QCOMPARE(dat->level, QString());
        QCOMPARE(dat->score, u"9"_qs);
        QCOMPARE(dat->comment.value_or(QString()), u"Đọc to rõ ràng"_qs);
        const auto mai = input(u"3A1"_qs, u"Hoàng Thị Mai"_qs);
        QCOMPARE(subject(mai, u"tieng_viet"_qs)->level, u"T"_qs);
    }

    /** Tin học and Công nghệ are two books in primary; a book of the part replaces the merged subject of old data. */
    void primaryInformaticsAndTechnologyAreTwoBooks()
    {
        // A section with the merged subject, as entered before the split.
        const RosterEntry dat = entry(u"3A1"_qs, u"Lê Văn Đạt"_qs);
        store::StudentRepository students(*m_db);
        QList<Assessment> rows = students.assessments(dat.section.id).value();
        rows.append({u"tin_hoc_cong_nghe"_qs, QString(), u"subject"_qs, 0, QString()});
        rows.append({u"tin_hoc_cong_nghe"_qs, u"cn"_qs, u"level"_qs, 0, u"T"_qs});
        QVERIFY(students.replaceAssessments(dat.section.id, rows));
        QVERIFY(subject(input(u"3A1"_qs, u"Lê Văn Đạt"_qs), u"tin_hoc_cong_nghe"_qs));

        const auto book = [](const char* subject) {
            return QStringLiteral("BẢNG ĐÁNH GIÁ CUỐI NĂM - Môn học: %1,,,\n"
                                  "Lớp: 3A1 - Năm học 2025-2026,,,\n"
                                  "STT,Họ và tên,Mức đạt được,Điểm KTĐK\n"
                                  "1,Lê Văn Đạt,T,9\n")
                .arg(QString::fromUtf8(subject))
                .toUtf8();
        };
        auto merged = importGrades(writeFile(u"thcn.csv"_qs, book("Tin học và Công nghệ")));
        QVERIFY(!merged);
        QVERIFY2(merged.error().message.contains(u"tin_hoc"_qs), qPrintable(merged.error().message));

        auto tin = importGrades(writeFile(u"tin.csv"_qs, book("Tin học và Công nghệ (Tin học)")));
        QVERIFY2(tin, qPrintable(tin ? QString() : describe(tin.error())));
        QCOMPARE(tin->report.added + tin->report.updated, 1);
        auto cong = importGrades(writeFile(u"cong.csv"_qs, book("Công nghệ")));
        QVERIFY2(cong, qPrintable(cong ? QString() : describe(cong.error())));
        const auto after = input(u"3A1"_qs, u"Lê Văn Đạt"_qs);
        QVERIFY(!subject(after, u"tin_hoc_cong_nghe"_qs));
        QCOMPARE(subject(after, u"tin_hoc"_qs)->score, u"9"_qs);
        QCOMPARE(subject(after, u"cong_nghe"_qs)->level, u"T"_qs);
    }

    void rejectsBadRowsWithWhereAndWhy()
    {
        const auto sheet = QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGtx2,ĐĐGgk,ĐĐGck\n"
                                          "Nguyễn Văn An,05/03/2013,11,8,8,8\n"
                                          "Trần Thị Bích,12/11/2013,8,\"8,25\",8,8\n"
                                          "Ngô Bảo Không,01/01/2013,8,8,8,8\n"
                                          "Lê Minh Châu,01/01/2013,8,8,8,8\n"
                                          "Lê Minh Châu,01/01/2013,9,9,9,9\n"
                                          "Phạm Thu Dung,20/02/2013,8,abc,8,8\n")
                               .toUtf8();
        auto result = importGrades(writeFile(u"bad.csv"_qs, sheet), {u"6A1"_qs, u"toan"_qs, u"hk1"_qs});
        QVERIFY(result);
        const auto& rejected = result->report.rejected;
        // Châu twice (rows 5 and 6): which marks are right is the teacher's call, so neither row is written.
        QCOMPARE(rejected.size(), 6);
        QCOMPARE(result->report.added, 0);
        const QList<std::tuple<int, QString, QString>> expected {
            {2, u"ĐĐGtx1"_qs, u"score"_qs},        {3, u"ĐĐGtx2"_qs, u"score"_qs},
            {4, u"Họ và tên"_qs, u"not_found"_qs}, {5, u"Họ và tên"_qs, u"duplicate"_qs},
            {6, u"Họ và tên"_qs, u"duplicate"_qs}, {7, u"ĐĐGtx2"_qs, u"score"_qs}};
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(rejected[i].sheet, u"bad.csv"_qs);
            QCOMPARE(rejected[i].row, std::get<0>(expected[i]));
            QCOMPARE(rejected[i].column, std::get<1>(expected[i]));
            QCOMPARE(rejected[i].code, std::get<2>(expected[i]));
            QVERIFY(!rejected[i].message.isEmpty());
        }
        QCOMPARE(result->rows.size(), 6);
        QCOMPARE(result->rows[3].outcome, RowOutcome::Rejected);
        QCOMPARE(result->rows[4].outcome, RowOutcome::Rejected);
        QVERIFY(rejected[3].message.contains(u"6"_qs) && rejected[4].message.contains(u"5"_qs));
        // A primary level that is none of T/H/C, and a test score with a decimal.
        const auto primary = QStringLiteral("Họ và tên,Mức đạt được,Điểm KTĐK\n"
                                            "Lê Văn Đạt,Giỏi,9\n"
                                            "Hoàng Thị Mai,T,\"9,5\"\n")
                                 .toUtf8();
        result = importGrades(writeFile(u"p.csv"_qs, primary), {u"3A1"_qs, u"toan"_qs, u"cn"_qs});
        QVERIFY(result);
        QCOMPARE(result->report.rejected.size(), 2);
        QCOMPARE(result->report.rejected[0].code, u"level"_qs);
        QCOMPARE(result->report.rejected[1].code, u"score"_qs);
    }

    void refusesAFileWhoseTitleNamesAnotherYear()
    {
        QByteArray book = vnEduBook;
        book.replace("2025-2026", "2024-2025");
        const QString file = writeFile(u"old.csv"_qs, book);
        const QByteArray before = closedDigest();
        auto result = importGrades(file);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidInput);
        QVERIFY(result.error().message.contains(u"2024-2025"_qs));
        QCOMPARE(closedDigest(), before);
    }

    void refusesRowsOfASignedSectionAndTakesTheOthers()
    {
        store::StudentRepository students(*m_db);
        const Id signedSection = entry(u"6A1"_qs, u"Trần Thị Bích"_qs).section.id;
        QVERIFY(students.setSectionState(signedSection, SectionState::Ready));
        QVERIFY(students.setSectionState(signedSection, SectionState::Signed));
        auto result = importGrades(writeFile(u"vnedu.csv"_qs, vnEduBook));
        QVERIFY(result);
        QCOMPARE(result->report.added, 2);
        QCOMPARE(result->report.rejected.size(), 1);
        QCOMPARE(result->report.rejected[0].row, 9);
        QCOMPARE(result->report.rejected[0].code, u"locked"_qs);
        QVERIFY(students.assessments(signedSection).value().isEmpty());
    }

    void theSameFileTwiceChangesNothing()
    {
        const QString file = writeFile(u"vnedu.csv"_qs, vnEduBook);
        QVERIFY(importGrades(file));
        const qint64 head = auditHead();
        const QString before = dump(*m_db);
        auto again = importGrades(file);
        QVERIFY(again);
        QCOMPARE(again->report.added + again->report.updated, 0);
        QCOMPARE(again->report.unchanged, 3);
        QCOMPARE(again->batchId, 0);
        QCOMPARE(again->rows[0].outcome, RowOutcome::Unchanged);
        QCOMPARE(auditHead(), head);
        QCOMPARE(dump(*m_db), before);
        // A changed mark is an update of that row only.
        QByteArray changed = vnEduBook;
        changed.replace("9,9,9,9,9,9", "9,9,9,9,9,10");
        auto third = importGrades(writeFile(u"changed.csv"_qs, changed));
        QVERIFY(third);
        QCOMPARE(third->report.updated, 1);
        QCOMPARE(third->report.unchanged, 2);
        QCOMPARE(third->rows[2].outcome, RowOutcome::Updated);
    }

    void aDryRunWritesNothing()
    {
        const QString file = writeFile(u"vnedu.csv"_qs, vnEduBook);
        const QByteArray before = closedDigest();
        auto result = importGrades(file, {}, Actor::unrestricted(), true);
        QVERIFY(result);
        QCOMPARE(result->report.added, 3);
        QCOMPARE(result->batchId, 0);
        QCOMPARE(closedDigest(), before);
    }

    void allOrNothingWritesNothingWhenARowIsRejected()
    {
        QByteArray book = vnEduBook;
        book.replace("9,9,9,9,9,9", "9,9,9,9,9,12");
        const QString file = writeFile(u"one-bad.csv"_qs, book);
        const QByteArray before = closedDigest();
        auto result = importGrades(file, {}, Actor::unrestricted(), false, true);
        QVERIFY(result);
        QCOMPARE(result->report.rejected.size(), 1);
        QCOMPARE(result->report.added, 2); // what the import would have done
        QCOMPARE(result->batchId, 0);
        QCOMPARE(closedDigest(), before);
        // Without the option the good rows go in.
        result = importGrades(file);
        QVERIFY(result);
        QVERIFY(result->batchId > 0);
    }

    void aTeacherOfAnotherSubjectIsRefused()
    {
        const QString file = writeFile(u"vnedu.csv"_qs, vnEduBook);
        User teacher;
        teacher.id = 7;
        teacher.login = u"gv.van"_qs;
        teacher.fullName = u"Giáo viên Văn"_qs;
        teacher.role = Role::SubjectTeacher;
        const Actor literature = Actor::forAccount(teacher, {{kYear, classId(u"6A1"_qs), u"ngu_van"_qs}});
        const QByteArray before = closedDigest();
        auto refused = importGrades(file, {}, literature);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(closedDigest(), before);
        // The mathematics teacher of the class may, and the audit log names the account.
        teacher.login = u"gv.toan"_qs;
        const Actor maths = Actor::forAccount(teacher, {{kYear, classId(u"6A1"_qs), u"toan"_qs}});
        auto done = importGrades(file, {}, maths);
        QVERIFY2(done, qPrintable(done ? QString() : describe(done.error())));
        QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT actor FROM audit_log WHERE id = %1").arg(done->batchId)),
                 u"gv.toan"_qs);
        // Only the account that imported (or the administrator) takes the import back.
        auto notYours = lifecycle::undoImport(*m_db, done->batchId, literature);
        QVERIFY(!notYours);
        QCOMPARE(notYours.error().code, ErrorCode::PermissionDenied);
        QVERIFY(lifecycle::undoImport(*m_db, done->batchId, maths));
        // A student list needs the right to manage the school.
        ImportRequest students;
        students.filePath = file;
        auto list = lifecycle::runImport(*m_db, students, maths);
        QVERIFY(!list);
        QCOMPARE(list.error().code, ErrorCode::PermissionDenied);
    }

    void undoRestoresWhatTheGradeImportChanged()
    {
        const QString first = writeFile(u"vnedu.csv"_qs, vnEduBook);
        QVERIFY(importGrades(first));
        const QString before = dump(*m_db);
        QByteArray changed = vnEduBook;
        changed.replace("9,9,9,9,9,9", "9,9,9,9,9,10");
        changed.replace("1,0100000001,Nguyễn Văn,An,8,\"7,5\",9,10,8,8.5,Tiến bộ rõ",
                        "1,0100000001,Nguyễn Văn,An,8,8,,,8,8.5,Tiến bộ rõ");
        auto second = importGrades(writeFile(u"changed.csv"_qs, changed));
        QVERIFY(second);
        QCOMPARE(second->report.updated, 2);
        QVERIFY(dump(*m_db) != before);
        auto undone = lifecycle::undoImport(*m_db, second->batchId, Actor::unrestricted());
        QVERIFY2(undone, qPrintable(undone ? QString() : describe(undone.error())));
        QCOMPARE(dump(*m_db), before);
        QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1")),
                 u"import.undo"_qs);
        QVERIFY(store::AuditLog(*m_db).verify().value().ok);
        // Undone once is undone: the same batch again is refused.
        QVERIFY(!lifecycle::undoImport(*m_db, second->batchId, Actor::unrestricted()));
    }

    void undoRestoresWhatTheStudentImportAdded()
    {
        const QString before = dump(*m_db);
        // Two new students (one in a new class) and a stored one who gets a MOET code.
        const QByteArray list = QStringLiteral("Mã định danh Bộ GD&ĐT,Họ tên,Ngày sinh,Giới tính,Lớp học\n"
                                               ",Vũ Hải Nam,02/02/2013,Nam,6A9\n"
                                               ",Đỗ Thị Lan,03/03/2013,Nữ,6A1\n"
                                               "0100000003,Lê Minh Châu,01/01/2013,Nam,6A1\n")
                                    .toUtf8();
        ImportRequest r;
        r.filePath = writeFile(u"new.csv"_qs, list);
        r.year = kYear;
        auto result = lifecycle::runImport(*m_db, r, Actor::unrestricted());
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 2);
        QCOMPARE(result->report.updated, 1);
        QVERIFY(store::SchoolRepository(*m_db).classByName(kYear, u"6A9"_qs).value());
        QVERIFY(lifecycle::undoImport(*m_db, result->batchId, Actor::unrestricted()));
        QCOMPARE(dump(*m_db), before);
        QVERIFY(!store::SchoolRepository(*m_db).classByName(kYear, u"6A9"_qs).value());
    }

    void aStudentListForOneClass()
    {
        const QByteArray list = QStringLiteral("Họ tên,Ngày sinh,Lớp\n"
                                               "Vũ Hải Nam,02/02/2013,\n"
                                               "Đỗ Thị Lan,03/03/2013,6A2\n")
                                    .toUtf8();
        ImportRequest r;
        r.filePath = writeFile(u"6a1.csv"_qs, list);
        r.className = u"6a1"_qs;
        auto result = lifecycle::runImport(*m_db, r, Actor::unrestricted());
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 1);
        QCOMPARE(result->report.rejected.size(), 1);
        QCOMPARE(result->report.rejected[0].row, 3);
        QCOMPARE(result->report.rejected[0].code, u"class"_qs);
        QCOMPARE(entry(u"6A1"_qs, u"Vũ Hải Nam"_qs).section.schoolYear, kYear);
    }

    void undoIsRefusedAfterALaterChange()
    {
        auto result = importGrades(writeFile(u"vnedu.csv"_qs, vnEduBook));
        QVERIFY(result);
        const Id section = entry(u"6A1"_qs, u"Lê Minh Châu"_qs).section.id;
        QVERIFY(
            store::StudentRepository(*m_db).setAssessment(section, {u"toan"_qs, u"hk1"_qs, u"final"_qs, 0, u"7"_qs}));
        const QString before = dump(*m_db);
        auto undone = lifecycle::undoImport(*m_db, result->batchId, Actor::unrestricted());
        QVERIFY(!undone);
        QCOMPARE(undone.error().code, ErrorCode::InvalidInput);
        QCOMPARE(dump(*m_db), before);
    }
};

QTEST_GUILESS_MAIN(TestGradeImport)
#include "TestGradeImport.moc"

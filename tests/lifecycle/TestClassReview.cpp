// SPDX-License-Identifier: GPL-3.0-or-later
// The check before signing per class (ClassReview), the board's approval and return (ClassApproval), the deadline
// board, and the CLI commands over them: each kind of problem is found on a crafted school and none on a clean
// class; a teacher cannot approve or return, the principal can, audited; a returned class is draft again with its
// reason; when the school signs approved records only, an unapproved one is not signed, whatever program tries.
#include "../signing/TestPki.h"
#include "CliRunner.h"
#include "SigningFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "domain/PersonalId.h"
#include "lifecycle/Accounts.h"
#include "lifecycle/Assignments.h"
#include "lifecycle/ClassApproval.h"
#include "lifecycle/ClassReview.h"
#include "lifecycle/DeadlineBoard.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/SigningPlan.h"
#include "rules/AssessmentMapping.h"
#include "rules/ResultsGenerator.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"
#include "token/SoftwareSigner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using lifecycle::Actor;
using lifecycle::ReviewKind;

namespace {

const SchoolYear kYear {2025};

/** A valid personal ID for a pupil registered in Hà Nội. */
QString validId(QDate birth, Gender g, int serial)
{
    return QStringLiteral("001%1%2%3")
        .arg(personal_id::centuryGenderDigit(birth.year(), g))
        .arg(birth.year() % 100, 2, 10, QLatin1Char('0'))
        .arg(serial, 6, 10, QLatin1Char('0'));
}

struct Pupil
{
    Pupil(QString n, Gender g, QString pid)
        : name(std::move(n))
        , gender(g)
        , personalId(std::move(pid))
    { }

    QString name;
    Gender gender = Gender::Male;
    QString personalId; ///< "valid" for a valid one
    QString moetCode = QStringLiteral("0100123401");
    QString birthplace = QStringLiteral("Xã Đông Hội, huyện Đông Anh, thành phố Hà Nội");
    std::function<void(StudentYearInput&)> change; ///< spoils the generated year
    bool awaitingAdditional = false;
};

/** The crafted school: 6A1 clean, 6A2 and 3A1 with one problem of each kind. */
class CraftedSchool
{
public:
    explicit CraftedSchool(store::Database& db)
        : m_db(db)
        , m_schools(db)
        , m_students(db)
    { }

    Id addClass(const QString& name, int grade, const QString& teacher)
    {
        Teacher t;
        t.fullName = teacher;
        t.gender = Gender::Female;
        ClassGroup c;
        c.schoolYear = kYear;
        c.grade = grade;
        c.name = name;
        c.homeroomTeacherId = m_schools.saveTeacher(t).value();
        return m_schools.saveClass(c).value();
    }

    Id addPupil(Id classId, int grade, const Pupil& p)
    {
        Student s;
        s.fullName = p.name;
        s.gender = p.gender;
        s.birthDate = QDate(kYear.startYear - grade - 5, 3, 1 + int(m_serial % 27));
        s.personalId
            = p.personalId == QLatin1String("valid") ? validId(s.birthDate, s.gender, ++m_serial) : p.personalId;
        s.moetCode = p.moetCode.isEmpty() ? QString() : p.moetCode + QString::number(++m_serial);
        s.birthplace = p.birthplace;
        s.ethnicity = QStringLiteral("Kinh");
        const Id id = m_students.saveStudent(s).value().id;
        const bool primary = grade <= 5;
        const Record r = m_students.openRecord(id, primary ? SchoolLevel::Primary : SchoolLevel::Thcs).value();
        YearSection y;
        y.recordId = r.id;
        y.schoolYear = kYear;
        y.grade = grade;
        y.classId = classId;
        y.circular = primary ? Circular::TT27 : Circular::TT22;
        y.awaitingAdditionalAssessment = p.awaitingAdditional;
        const Id sid = m_students.addSection(y).value();
        rules::GeneratorOptions gen;
        gen.grade = grade;
        gen.schoolYear = kYear;
        gen.seed = 77 + quint64(m_serial);
        gen.ability = 0.85;
        gen.primaryNotCompleted = p.awaitingAdditional;
        StudentYearInput input = rules::ResultsGenerator::generateInput(gen);
        if (p.change)
            p.change(input);
        if (!m_students.replaceAssessments(sid, rules::toAssessments(input)))
            qFatal("replaceAssessments failed");
        return sid;
    }

private:
    store::Database& m_db;
    store::SchoolRepository m_schools;
    store::StudentRepository m_students;
    int m_serial = 0;
};

SubjectEntry& subject(StudentYearInput& in, const QString& code)
{
    for (SubjectEntry& s : in.subjects)
        if (s.code == code)
            return s;
    qFatal("no subject");
}

const lifecycle::ReviewItem* findItem(const lifecycle::ClassReview& r, const QString& pupil, ReviewKind kind,
                                      const QString& code = {})
{
    for (const auto& i : r.items)
        if (i.fullName == pupil && i.kind == kind && (code.isEmpty() || i.code == code))
            return &i;
    return nullptr;
}

Actor principal()
{
    User u;
    u.id = 90;
    u.login = QStringLiteral("hieu.truong");
    u.fullName = QStringLiteral("Hiệu trưởng");
    u.role = Role::Principal;
    return Actor::forAccount(u, {});
}

Actor homeroomOf(Id classId)
{
    User u;
    u.id = 91;
    u.login = QStringLiteral("gvcn.6a1");
    u.fullName = QStringLiteral("Giáo viên chủ nhiệm");
    u.role = Role::Homeroom;
    return Actor::forAccount(u, {lifecycle::Assignment {kYear, classId, {}}});
}

struct QuietSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};

} // namespace

class TestClassReview : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    Id m_clean = 0;
    Id m_problems = 0;
    Id m_primary = 0;

    std::unique_ptr<store::Database> open() { return test::openTestDatabase(m_path); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("review.hocba"));
        auto db = open();
        QVERIFY(db);
        store::SchoolRepository schools(*db);
        School s;
        s.name = QStringLiteral("Trường TH và THCS Rà Soát");
        s.moetCode = QStringLiteral("01001234");
        s.province = QStringLiteral("Hà Nội");
        s.hasPrimary = s.hasThcs = true;
        QVERIFY(schools.saveSchool(s));
        QVERIFY(schools.addSchoolYear(kYear));
        CraftedSchool school(*db);
        m_clean = school.addClass(QStringLiteral("6A1"), 6, QStringLiteral("Lê Thị Sạch"));
        school.addPupil(m_clean, 6, {QStringLiteral("Nguyễn Văn An"), Gender::Male, QStringLiteral("valid")});
        school.addPupil(m_clean, 6, {QStringLiteral("Trần Thị Bình"), Gender::Female, QStringLiteral("valid")});

        m_problems = school.addClass(QStringLiteral("6A2"), 6, QStringLiteral("Phạm Thị Lỗi"));
        Pupil wrongId {QStringLiteral("Đỗ Văn Cường"), Gender::Male, QStringLiteral("001313004567")};
        wrongId.moetCode.clear();
        school.addPupil(m_problems, 6, wrongId);
        Pupil gaps {QStringLiteral("Lê Thị Dung"), Gender::Female, QStringLiteral("valid")};
        gaps.birthplace.clear();
        gaps.change = [](StudentYearInput& in) {
            subject(in, QStringLiteral("toan")).hk1.midterm.clear();
            subject(in, QStringLiteral("ngu_van")).hk2.comment.reset();
            in.comment.reset();
        };
        school.addPupil(m_problems, 6, gaps);
        Pupil noId {QStringLiteral("Hoàng Văn Em"), Gender::Male, QString()};
        noId.birthplace = QStringLiteral("Bệnh viện Bạch Mai");
        noId.change
            = [](StudentYearInput& in) { subject(in, QStringLiteral("toan")).hk2.final = QStringLiteral("11"); };
        school.addPupil(m_problems, 6, noId);
        Pupil summer {QStringLiteral("Vũ Thị Giang"), Gender::Female, QStringLiteral("valid")};
        summer.change = [](StudentYearInput& in) { in.conductHk1 = in.conductHk2 = QStringLiteral("CD"); };
        school.addPupil(m_problems, 6, summer);

        m_primary = school.addClass(QStringLiteral("3A1"), 3, QStringLiteral("Ngô Thị Hè"));
        Pupil waiting {QStringLiteral("Bùi Văn Hải"), Gender::Male, QStringLiteral("valid")};
        waiting.awaitingAdditional = true;
        school.addPupil(m_primary, 3, waiting);
        Pupil noLevel {QStringLiteral("Đặng Thị Hoa"), Gender::Female, QStringLiteral("valid")};
        noLevel.change = [](StudentYearInput& in) { subject(in, QStringLiteral("tieng_viet")).level.clear(); };
        school.addPupil(m_primary, 3, noLevel);
    }

    void cleanClassHasNothingToFix()
    {
        auto db = open();
        auto review = lifecycle::reviewClass(*db, kYear, QStringLiteral("6A1"));
        QVERIFY2(review, qPrintable(review ? QString() : review.error().message));
        QString items;
        for (const auto& i : review->items)
            items += i.fullName + QStringLiteral(": ") + i.code + QLatin1Char(' ') + i.message + QLatin1Char('\n');
        QVERIFY2(review->items.isEmpty(), qPrintable(items));
        QCOMPARE(review->counts.pupils, 2);
        QCOMPARE(review->counts.clean, 2);
        QCOMPARE(review->counts.marksMissing, 0);
        QCOMPARE(review->counts.commentsMissing, 0);
        QCOMPARE(review->counts.augustCohort, 0);
        QCOMPARE(review->homeroomTeacher, QStringLiteral("Lê Thị Sạch"));
    }

    void eachKindOfProblemIsFound()
    {
        auto db = open();
        auto review = lifecycle::reviewClass(*db, kYear, QStringLiteral("6A2"));
        QVERIFY(review);
        const auto& r = *review;
        QCOMPARE(r.counts.pupils, 4);

        auto pid = findItem(r, QStringLiteral("Đỗ Văn Cường"), ReviewKind::PersonalId);
        QVERIFY(pid);
        QCOMPARE(pid->severity, Finding::Severity::Error);
        QVERIFY(findItem(r, QStringLiteral("Đỗ Văn Cường"), ReviewKind::MoetCode, QStringLiteral("moet.missing")));
        QVERIFY(findItem(r, QStringLiteral("Hoàng Văn Em"), ReviewKind::PersonalId)); // missing: a warning
        QVERIFY(findItem(r, QStringLiteral("Hoàng Văn Em"), ReviewKind::Birthplace,
                         QStringLiteral("birthplace.incomplete")));
        QVERIFY(
            findItem(r, QStringLiteral("Lê Thị Dung"), ReviewKind::Birthplace, QStringLiteral("birthplace.missing")));

        auto mark = findItem(r, QStringLiteral("Lê Thị Dung"), ReviewKind::MissingMark);
        QVERIFY(mark);
        QCOMPARE(mark->subject, QStringLiteral("toan"));
        QCOMPARE(mark->term, QStringLiteral("hk1"));
        QVERIFY(!mark->where.isEmpty());
        auto comment = findItem(r, QStringLiteral("Lê Thị Dung"), ReviewKind::MissingComment);
        QVERIFY(comment);
        QCOMPARE(comment->subject, QStringLiteral("ngu_van"));
        QCOMPARE(comment->term, QStringLiteral("hk2"));
        QVERIFY(
            findItem(r, QStringLiteral("Lê Thị Dung"), ReviewKind::MissingComment, QStringLiteral("comment.missing")));
        QVERIFY(r.counts.marksMissing >= 1);
        QCOMPARE(r.counts.commentsMissing, 2); // Ngữ văn and the homeroom teacher's comment

        auto lint = findItem(r, QStringLiteral("Hoàng Văn Em"), ReviewKind::Lint, QStringLiteral("score.out_of_range"));
        QVERIFY(lint);
        QCOMPARE(lint->severity, Finding::Severity::Error);

        auto august = findItem(r, QStringLiteral("Vũ Thị Giang"), ReviewKind::AugustCohort);
        QVERIFY(august);
        QCOMPARE(r.counts.augustCohort, 1);
        QVERIFY(r.errorCount() >= 3);
        QCOMPARE(r.counts.clean, 1); // only Vũ Thị Giang has no error

        auto primary = lifecycle::reviewClass(*db, kYear, QStringLiteral("3A1"));
        QVERIFY(primary);
        QVERIFY(findItem(*primary, QStringLiteral("Bùi Văn Hải"), ReviewKind::AugustCohort,
                         QStringLiteral("august.additional_assessment")));
        auto level = findItem(*primary, QStringLiteral("Đặng Thị Hoa"), ReviewKind::MissingLevel);
        QVERIFY(level);
        QCOMPARE(level->subject, QStringLiteral("tieng_viet"));
        QCOMPARE(primary->counts.augustCohort, 1);

        QVERIFY(!lifecycle::reviewClass(*db, kYear, QStringLiteral("9Z9")));
    }

    void fixListNamesClassYearAndDate()
    {
        auto db = open();
        auto review = lifecycle::reviewClass(*db, kYear, QStringLiteral("6A2")).value();
        const QString html = lifecycle::fixListHtml(review, QStringLiteral("Trường Rà Soát"), QDate(2026, 6, 2));
        QVERIFY(html.contains(QStringLiteral("6A2")));
        QVERIFY(html.contains(QStringLiteral("2025-2026")));
        QVERIFY(html.contains(QStringLiteral("02/06/2026")));
        QVERIFY(html.contains(QStringLiteral("Lê Thị Dung")));
        const QString pdf = m_dir.filePath(QStringLiteral("fix.pdf"));
        QVERIFY(lifecycle::writeFixListPdf(review, QStringLiteral("Trường Rà Soát"), QDate(2026, 6, 2), pdf));
        QVERIFY(test::fileBytes(pdf).startsWith("%PDF-"));
        QVERIFY(!lifecycle::writeFixListPdf(review, {}, QDate(2026, 6, 2),
                                            m_dir.filePath(QStringLiteral("no/such/dir/x.pdf"))));
    }

    void teacherCannotApproveOrReturnPrincipalCan()
    {
        auto db = open();
        const Actor teacher = homeroomOf(m_clean);
        lifecycle::ConfirmOptions co;
        co.year = kYear;
        co.className = QStringLiteral("6A1");
        auto confirmed = lifecycle::confirmSections(*db, teacher, co);
        QVERIFY2(confirmed, qPrintable(confirmed ? QString() : confirmed.error().message));
        QCOMPARE(confirmed->confirmed.size(), 2);

        const QByteArray before = test::fileDigest(m_path);
        auto refused = lifecycle::approveClass(*db, teacher, kYear, QStringLiteral("6A1"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        auto refusedReturn = lifecycle::returnClass(*db, teacher, kYear, QStringLiteral("6A1"), QStringLiteral("x"));
        QVERIFY(!refusedReturn);
        QCOMPARE(refusedReturn.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(test::fileDigest(m_path), before);

        auto approved = lifecycle::approveClass(*db, principal(), kYear, QStringLiteral("6A1"));
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().message));
        QCOMPARE(approved->approved, 2);
        QVERIFY(approved->complete());
        QCOMPARE(
            test::scalar(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE approved_by = 'hieu.truong'")),
            QStringLiteral("2"));
        QCOMPARE(test::scalar(*db,
                              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'section.approve' "
                                             "AND actor = 'hieu.truong'")),
                 QStringLiteral("2"));
        auto again = lifecycle::approveClass(*db, principal(), kYear, QStringLiteral("6A1")).value();
        QCOMPARE(again.approved, 0);
        QCOMPARE(again.alreadyApproved, 2);

        // Drafts and sections with errors are not approved.
        auto problems = lifecycle::approveClass(*db, principal(), kYear, QStringLiteral("6A2")).value();
        QCOMPARE(problems.approved, 0);
        QCOMPARE(problems.notConfirmed, 4);
        QVERIFY(!problems.complete());

        auto review = lifecycle::reviewClass(*db, kYear, QStringLiteral("6A1")).value();
        QCOMPARE(review.counts.ready, 2);
        QCOMPARE(review.counts.approved, 2);
    }

    void approvalIsGuardedByTheFile()
    {
        auto db = open();
        // Only a ready section can be approved, whatever program writes.
        const QString draft
            = test::scalar(*db, QStringLiteral("SELECT min(id) FROM year_section WHERE class_id = %1").arg(m_problems));
        QVERIFY(!db->exec(QStringLiteral("UPDATE year_section SET approved_at = '2026-06-01T00:00:00Z', "
                                         "approved_by = 'x' WHERE id = %1")
                              .arg(draft)));
        // A change of the inputs withdraws the approval.
        const Id section = test::scalar(*db,
                                        QStringLiteral("SELECT min(id) FROM year_section WHERE class_id = %1 AND "
                                                       "approved_at IS NOT NULL")
                                            .arg(m_clean))
                               .toLongLong();
        QVERIFY(section > 0);
        QVERIFY(store::StudentRepository(*db).setAssessment(
            section,
            {QString(), QStringLiteral("year"), QStringLiteral("comment"), 0, QStringLiteral("Ngoan, chăm.")}));
        QCOMPARE(test::scalar(
                     *db, QStringLiteral("SELECT approved_at IS NULL FROM year_section WHERE id = %1").arg(section)),
                 QStringLiteral("1"));
        QVERIFY(lifecycle::approveClass(*db, principal(), kYear, QStringLiteral("6A1")));
    }

    void returnedClassIsDraftWithItsReason()
    {
        auto db = open();
        auto empty = lifecycle::returnClass(*db, principal(), kYear, QStringLiteral("6A1"), QStringLiteral("  "));
        QVERIFY(!empty);
        QCOMPARE(empty.error().code, ErrorCode::InvalidInput);
        const QString reason = QStringLiteral("Kiểm tra lại nhận xét môn Ngữ văn.");
        auto returned = lifecycle::returnClass(*db, principal(), kYear, QStringLiteral("6A1"), reason);
        QVERIFY2(returned, qPrintable(returned ? QString() : returned.error().message));
        QCOMPARE(returned->sections, 2);
        auto review = lifecycle::reviewClass(*db, kYear, QStringLiteral("6A1")).value();
        QCOMPARE(review.counts.draft, 2);
        QCOMPARE(review.counts.ready, 0);
        QCOMPARE(review.counts.approved, 0);
        QCOMPARE(review.returns.size(), 1);
        QCOMPARE(review.returns.first().reason, reason);
        QCOMPARE(review.returns.first().returnedBy, QStringLiteral("hieu.truong"));
        QVERIFY(lifecycle::fixListHtml(review, {}, QDate(2026, 6, 2)).contains(reason.toHtmlEscaped()));
        QCOMPARE(test::scalar(*db,
                              QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'class.return' AND "
                                             "actor = 'hieu.truong'")),
                 QStringLiteral("1"));
        QCOMPARE(test::scalar(*db,
                              QStringLiteral("SELECT count(*) FROM year_section WHERE class_id = %1 AND "
                                             "approved_at IS NOT NULL")
                                  .arg(m_clean)),
                 QStringLiteral("0"));
        // The record of the return stays as written.
        QVERIFY(!db->exec(QStringLiteral("UPDATE class_return SET reason = 'x'")));
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM class_return")));
    }

    void deadlineBoardCountsAndDaysLeft()
    {
        auto db = open();
        auto board = lifecycle::deadlineBoard(*db, kYear, QDate(2026, 6, 1));
        QVERIFY(board);
        QCOMPARE(board->daysToMain, 29);
        QCOMPARE(board->daysToAugust, 75);
        QCOMPARE(board->mainDeadline, QDate(2026, 6, 30));
        QCOMPARE(board->augustDeadline, QDate(2026, 8, 15));
        QCOMPARE(board->rows.size(), 3);
        QCOMPARE(board->totals.pupils, 8);
        QCOMPARE(board->totals.augustCohort, 2);
        for (const auto& row : board->rows) {
            if (row.cls.name == QLatin1String("6A2")) {
                QCOMPARE(row.counts.commentsMissing, 2);
                QCOMPARE(row.mainPupils(), 3);
                QVERIFY(row.errors >= 3);
            }
            if (row.cls.name == QLatin1String("6A1")) {
                QVERIFY(row.lastReturn);
                QCOMPARE(row.homeroomTeacher, QStringLiteral("Lê Thị Sạch"));
            }
        }
        QCOMPARE(lifecycle::daysLeft(QDate(2026, 7, 1), QDate(2026, 6, 30)), -1);
    }

    void cliReviewApproveReturnDeadlines()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.hocba"));
        QVERIFY(QFile::copy(m_path, db));
        const QString year = QStringLiteral("2025-2026");
        auto review
            = test::runCliInProcess({QStringLiteral("review"), QStringLiteral("--db"), db, QStringLiteral("--year"),
                                     year, QStringLiteral("--class"), QStringLiteral("6A2"), QStringLiteral("--json")});
        QCOMPARE(review.code, int(ExitFailed)); // errors found
        const QJsonObject json = QJsonDocument::fromJson(review.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("class")).toString(), QStringLiteral("6A2"));
        QSet<QString> kinds;
        for (const auto& v : json.value(QStringLiteral("items")).toArray())
            kinds.insert(v.toObject().value(QStringLiteral("kind")).toString());
        for (const char* k :
             {"personal_id", "moet_code", "birthplace", "missing_mark", "missing_comment", "lint", "august"})
            QVERIFY2(kinds.contains(QLatin1String(k)), k);

        const QString pdf = m_dir.filePath(QStringLiteral("cli-fix.pdf"));
        auto clean = test::runCliInProcess({QStringLiteral("review"), QStringLiteral("--db"), db,
                                            QStringLiteral("--year"), year, QStringLiteral("--class"),
                                            QStringLiteral("6A1"), QStringLiteral("--pdf"), pdf});
        QVERIFY2(clean.code == 0, qPrintable(clean.out + clean.err));
        QVERIFY(clean.out.contains(QStringLiteral("Kiểm tra lại nhận xét môn Ngữ văn."))); // the return's reason
        QVERIFY(test::fileBytes(pdf).startsWith("%PDF-"));

        auto confirm
            = test::runCliInProcess({QStringLiteral("confirm"), QStringLiteral("--db"), db, QStringLiteral("--year"),
                                     year, QStringLiteral("--class"), QStringLiteral("6A1")});
        QVERIFY2(confirm.code == 0, qPrintable(confirm.out + confirm.err));
        auto approve
            = test::runCliInProcess({QStringLiteral("approve"), QStringLiteral("--db"), db, QStringLiteral("--year"),
                                     year, QStringLiteral("--class"), QStringLiteral("6A1")});
        QVERIFY2(approve.code == 0, qPrintable(approve.out + approve.err));
        auto noReason
            = test::runCliInProcess({QStringLiteral("return"), QStringLiteral("--db"), db, QStringLiteral("--year"),
                                     year, QStringLiteral("--class"), QStringLiteral("6A1")});
        QCOMPARE(noReason.code, int(ExitUsage));
        auto returned
            = test::runCliInProcess({QStringLiteral("return"), QStringLiteral("--db"), db, QStringLiteral("--year"),
                                     year, QStringLiteral("--class"), QStringLiteral("6A1"), QStringLiteral("--reason"),
                                     QStringLiteral("Thiếu chữ ký phụ huynh.")});
        QVERIFY2(returned.code == 0, qPrintable(returned.out + returned.err));
        auto after
            = test::runCliInProcess({QStringLiteral("review"), QStringLiteral("--db"), db, QStringLiteral("--year"),
                                     year, QStringLiteral("--class"), QStringLiteral("6A1")});
        QVERIFY(after.out.contains(QStringLiteral("Thiếu chữ ký phụ huynh.")));

        auto deadlines = test::runCliInProcess({QStringLiteral("deadlines"), QStringLiteral("--db"), db,
                                                QStringLiteral("--year"), year, QStringLiteral("--today"),
                                                QStringLiteral("01/06/2026"), QStringLiteral("--json")});
        QCOMPARE(deadlines.code, 0);
        const QJsonObject d = QJsonDocument::fromJson(deadlines.out.toUtf8()).object();
        QCOMPARE(d.value(QStringLiteral("daysToMain")).toInt(), 29);
        QCOMPARE(d.value(QStringLiteral("daysToAugust")).toInt(), 75);
        QCOMPARE(d.value(QStringLiteral("classes")).toArray().size(), 3);
        QCOMPARE(d.value(QStringLiteral("totals")).toObject().value(QStringLiteral("augustCohort")).toInt(), 2);
        auto badDate = test::runCliInProcess({QStringLiteral("deadlines"), QStringLiteral("--db"), db,
                                              QStringLiteral("--today"), QStringLiteral("2026-06-01")});
        QCOMPARE(badDate.code, int(ExitUsage));
    }

    void cliWithAccountsRefusesTheTeacherAndRecordsThePrincipal()
    {
        const QString path = m_dir.filePath(QStringLiteral("accounts.hocba"));
        QVERIFY(QFile::copy(m_path, path));
        {
            auto db = test::openTestDatabase(path);
            using lifecycle::Accounts;
            const QByteArray pw = QByteArrayLiteral("mat-khau-chung-1");
            QVERIFY(Accounts::add(*db, Actor::unrestricted(), QStringLiteral("quan.tri"), QStringLiteral("Quản trị"),
                                  Role::Admin, pw, Accounts::HashCost::Minimum));
            const User admin = Accounts::authenticate(*db, QStringLiteral("quan.tri"), pw).value();
            const Actor adminActor = Actor::forAccount(admin, {});
            QVERIFY(Accounts::add(*db, adminActor, QStringLiteral("hieu.truong"), QStringLiteral("Hiệu trưởng"),
                                  Role::Principal, pw, Accounts::HashCost::Minimum));
            QVERIFY(Accounts::add(*db, adminActor, QStringLiteral("gvcn.6a2"), QStringLiteral("Chủ nhiệm"),
                                  Role::Homeroom, pw, Accounts::HashCost::Minimum));
            auto assigned = lifecycle::assign(*db, adminActor,
                                              {kYear, QStringLiteral("gvcn.6a2"), QStringLiteral("6A2"), QString()});
            QVERIFY2(assigned, qPrintable(assigned ? QString() : assigned.error().message));
        }
        const auto as = [&](const QString& login, QStringList args) {
            args << QStringLiteral("--db") << path << QStringLiteral("--year") << QStringLiteral("2025-2026")
                 << QStringLiteral("--class") << QStringLiteral("6A2");
            if (!login.isEmpty())
                args << QStringLiteral("--user") << login;
            qputenv("HOCBA_PASSWORD", "mat-khau-chung-1"); // read once, then removed from the environment
            auto run = test::runCliInProcess(args);
            qunsetenv("HOCBA_PASSWORD");
            return run;
        };
        const QByteArray before = test::fileDigest(path);
        auto teacher = as(QStringLiteral("gvcn.6a2"), {QStringLiteral("approve")});
        QCOMPARE(teacher.code, int(ExitFailed));
        QVERIFY2(teacher.err.contains(QStringLiteral("gvcn.6a2")), qPrintable(teacher.err));
        auto nobody = as({}, {QStringLiteral("return"), QStringLiteral("--reason"), QStringLiteral("x")});
        QVERIFY(nobody.code != 0);
        auto teacherReturn = as(QStringLiteral("gvcn.6a2"),
                                {QStringLiteral("return"), QStringLiteral("--reason"), QStringLiteral("Thiếu điểm.")});
        QVERIFY2(teacherReturn.code == int(ExitFailed), qPrintable(teacherReturn.err));
        QCOMPARE(test::fileDigest(path), before);

        auto principalReturn = as(
            QStringLiteral("hieu.truong"),
            {QStringLiteral("return"), QStringLiteral("--reason"), QStringLiteral("Thiếu điểm giữa kì môn Toán.")});
        QVERIFY2(principalReturn.code == 0, qPrintable(principalReturn.err));
        auto approve = as(QStringLiteral("hieu.truong"), {QStringLiteral("approve")});
        QCOMPARE(approve.code, int(ExitFailed)); // drafts and errors are left: nothing to approve yet
        QVERIFY(approve.out.contains(QStringLiteral("6A2")));
        // The review needs no login: reading is open to whoever opens the file.
        auto review = as({}, {QStringLiteral("review")});
        QVERIFY(review.out.contains(QStringLiteral("Thiếu điểm giữa kì môn Toán.")));
        QVERIFY(review.out.contains(QStringLiteral("hieu.truong")));
        qunsetenv("HOCBA_PASSWORD");
        auto db = test::openTestDatabase(path);
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT actor FROM audit_log WHERE action = 'class.return'")),
                 QStringLiteral("hieu.truong"));
    }

    void signingApprovedOnlyWhenTheSchoolSaysSo()
    {
        test::TestPki pki;
        QVERIFY(pki.create());
        test::SchoolTemplate school;
        QVERIFY(school.create(12, 5, pki.caDer()));
        auto db = school.openCopy();
        QVERIFY(db);
        QVERIFY(test::confirmAcknowledged(*db, school.year));
        const auto ready = test::readySections(*db, school.year);
        QVERIFY(ready.size() >= 2);

        // Off (the default): everything ready is planned, as before this version.
        auto plan = lifecycle::SigningPlan::sections(*db, {school.year, std::nullopt, signing::SignerRole::Principal});
        QCOMPARE(plan->toSign.size(), ready.size());
        QCOMPARE(plan->notApproved, 0);

        QVERIFY(lifecycle::setApprovalRequired(*db, Actor::unrestricted(), true));
        QCOMPARE(lifecycle::approvalRequired(*db).value(), true);
        QVERIFY(!lifecycle::setApprovalRequired(*db, principal(), false)); // the administrator's decision
        plan = lifecycle::SigningPlan::sections(*db, {school.year, std::nullopt, signing::SignerRole::Principal});
        QCOMPARE(plan->toSign.size(), 0);
        QCOMPARE(plan->notApproved, int(ready.size()));

        // Even a program that does not ask the plan cannot sign an unapproved section.
        auto signer = pki.signer(false);
        auto refused = test::signBatch(*db, *signer, {ready.first()});
        QVERIFY(!refused || refused->signedItems.isEmpty());
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT state FROM year_section WHERE id = %1").arg(ready.first())),
                 QStringLiteral("ready"));

        const QString cls = test::scalar(*db,
                                         QStringLiteral("SELECT c.name FROM year_section s JOIN class c ON c.id = "
                                                        "s.class_id WHERE s.id = %1")
                                             .arg(ready.first()));
        auto approved = lifecycle::approveClass(*db, Actor::unrestricted(), school.year, cls).value();
        QVERIFY(approved.approved >= 1);
        auto queue = lifecycle::signingQueue(*db, school.year).value();
        QCOMPARE(queue.size(), 1);
        QCOMPARE(queue.first().cls.name, cls);
        QCOMPARE(queue.first().entries.size(), approved.approved);
        plan = lifecycle::SigningPlan::sections(*db, {school.year, cls, signing::SignerRole::Principal});
        QCOMPARE(plan->toSign.size(), approved.approved);
        auto report = test::signBatch(*db, *signer, plan->toSign);
        QVERIFY(report);
        QCOMPARE(report->signedItems.size(), plan->toSign.size());
        // Once signed, the approval stays as given.
        QVERIFY(!db->exec(QStringLiteral("UPDATE year_section SET approved_at = NULL, approved_by = NULL WHERE id = %1")
                              .arg(plan->toSign.first())));
        QVERIFY(lifecycle::signingQueue(*db, school.year).value().isEmpty());
    }
};

QTEST_MAIN(TestClassReview)
#include "TestClassReview.moc"

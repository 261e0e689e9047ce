// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a new school year from the last one: lifecycle::planYearOpening / applyYearOpening and "hocba-cli year open".
#include "CliRunner.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/Actor.h"
#include "lifecycle/SchoolSetup.h"
#include "lifecycle/YearOpening.h"
#include "rules/AssessmentMapping.h"
#include "rules/ResultsGenerator.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace hocba;
using lifecycle::YearMove;

namespace {

const SchoolYear lastYear {2025};
const SchoolYear nextYear {2026};

/** Last year's inputs for one student, made by the rules' generator and then bent to the outcome a test needs. */
QList<Assessment> inputs(int grade, quint64 seed, const std::function<void(StudentYearInput&)>& bend = {},
                         bool primaryNotCompleted = false)
{
    rules::GeneratorOptions o;
    o.grade = grade;
    o.schoolYear = lastYear;
    o.seed = seed;
    o.ability = 0.8;
    o.primaryNotCompleted = primaryNotCompleted;
    StudentYearInput input = rules::ResultsGenerator::generateInput(o);
    if (bend)
        bend(input);
    return rules::toAssessments(input);
}

/** A student of a class of last year, with a section holding `rows`, confirmed unless `confirm` is false. */
void addStudent(store::Database& db, const QString& name, const QString& className, const QList<Assessment>& rows,
                bool confirm = true)
{
    auto cls = store::SchoolRepository(db).classByName(lastYear, className).value().value();
    store::StudentRepository students(db);
    Student s;
    s.fullName = name;
    s.birthDate = QDate(2025 - cls.grade - 6, 3, 1);
    const Id id = students.saveStudent(s).value().id;
    const Record record = students.openRecord(id, levelOfGrade(cls.grade).value()).value();
    YearSection section;
    section.recordId = record.id;
    section.schoolYear = lastYear;
    section.grade = cls.grade;
    section.classId = cls.id;
    section.circular = circularOfGrade(cls.grade).value();
    const Id sectionId = students.addSection(section).value();
    QVERIFY(students.replaceAssessments(sectionId, rows));
    if (confirm)
        QVERIFY(students.setSectionState(sectionId, SectionState::Ready));
}

void absentTooOften(StudentYearInput& in)
{
    in.absences = QStringLiteral("50");
}

void conductFailed(StudentYearInput& in)
{
    in.conductHk1 = QStringLiteral("CD");
    in.conductHk2 = QStringLiteral("CD");
}

lifecycle::Actor accountActor(store::Database& db, const QString& login)
{
    User user;
    user.id = test::scalar(db, QStringLiteral("SELECT id FROM app_user WHERE login = '%1'").arg(login)).toLongLong();
    user.login = login;
    user.fullName = login;
    user.role = Role::Admin;
    return lifecycle::Actor::forAccount(user, {});
}

QJsonObject json(const test::CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QStringList yearOpen(const QString& db, const QStringList& more = {})
{
    return QStringList {QStringLiteral("year"),   QStringLiteral("open"),     QStringLiteral("--db"), db,
                        QStringLiteral("--year"), QStringLiteral("2026-2027")}
    + more;
}

} // namespace

class TestYearOpening : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    /** An empty school of 2025-2026 with the given levels and classes; its administrator is "admin". */
    QString newSchool(const QString& file, bool primary, bool thcs, const QStringList& classes)
    {
        const QString path = m_dir.filePath(file);
        lifecycle::NewSchool s;
        s.name = QStringLiteral("Trường Liên cấp Thử nghiệm");
        s.moetCode = QStringLiteral("01000999");
        s.province = QStringLiteral("Hà Nội");
        s.primary = primary;
        s.thcs = thcs;
        s.year = lastYear;
        s.adminLogin = QStringLiteral("admin");
        s.adminName = QStringLiteral("Nguyễn Quản Trị");
        if (!lifecycle::createSchool(path, s, "mat-khau-dai-du", QStringLiteral("test")))
            return {};
        auto db = test::openTestDatabase(path);
        for (const QString& c : classes)
            if (!lifecycle::addClass(*db, lastYear, c))
                return {};
        return path;
    }

    /** Grades 5, 6 and 9 with a student for every move: the school the main tests open a year in. */
    QString fullSchool(const QString& file)
    {
        const QString path
            = newSchool(file, true, true, {QStringLiteral("5A"), QStringLiteral("6A1"), QStringLiteral("9A1")});
        if (path.isEmpty())
            return {};
        auto db = test::openTestDatabase(path);
        addStudent(*db, QStringLiteral("Nguyễn Văn An"), QStringLiteral("5A"), inputs(5, 1));
        addStudent(*db, QStringLiteral("Trần Thị Bình"), QStringLiteral("5A"), inputs(5, 2, {}, true));
        addStudent(*db, QStringLiteral("Lê Văn Cường"), QStringLiteral("6A1"), inputs(6, 3));
        addStudent(*db, QStringLiteral("Phạm Thị Dung"), QStringLiteral("6A1"), inputs(6, 4, absentTooOften));
        addStudent(*db, QStringLiteral("Hoàng Văn Em"), QStringLiteral("9A1"), inputs(9, 5));
        return path;
    }

private Q_SLOTS:
    void plansEveryMoveAndWritesNothing()
    {
        const QString path = fullSchool(QStringLiteral("plan.hocba"));
        QVERIFY(!path.isEmpty());
        const QByteArray before = test::fileDigest(path);
        {
            auto db = test::openTestDatabase(path);
            auto plan = lifecycle::planYearOpening(*db, nextYear);
            QVERIFY2(plan, qPrintable(plan ? QString() : describe(plan.error())));
            QVERIFY(plan->problems.isEmpty());
            QVERIFY(plan->canApply());
            QCOMPARE(plan->from, lastYear);
            QCOMPARE(plan->moves.size(), 5);
            QStringList seen;
            for (const auto& m : plan->moves)
                seen << QStringLiteral("%1 %2>%3 %4%5")
                            .arg(m.studentName, m.fromClass, m.toClass)
                            .arg(int(m.move))
                            .arg(m.newLevel ? QStringLiteral(" new") : QString());
            QCOMPARE(seen,
                     (QStringList {QStringLiteral("Nguyễn Văn An 5A>6A 0 new"), QStringLiteral("Trần Thị Bình 5A>5A 1"),
                                   QStringLiteral("Lê Văn Cường 6A1>7A1 0"), QStringLiteral("Phạm Thị Dung 6A1>6A1 1"),
                                   QStringLiteral("Hoàng Văn Em 9A1> 2")}));
            QCOMPARE(plan->newClasses,
                     (QStringList {QStringLiteral("5A"), QStringLiteral("6A"), QStringLiteral("6A1"),
                                   QStringLiteral("7A1")}));
        }
        QCOMPARE(test::fileDigest(path), before);
    }

    void applyCreatesClassesSectionsAndOneAuditEntry()
    {
        const QString path = fullSchool(QStringLiteral("apply.hocba"));
        QVERIFY(!path.isEmpty());
        auto db = test::openTestDatabase(path);
        const auto plan = lifecycle::planYearOpening(*db, nextYear).value();
        const auto applied = lifecycle::applyYearOpening(*db, plan, accountActor(*db, QStringLiteral("admin")));
        QVERIFY2(applied, qPrintable(applied ? QString() : describe(applied.error())));

        QCOMPARE(test::scalar(*db,
                              QStringLiteral("SELECT group_concat(name, ' ') FROM (SELECT name FROM class WHERE "
                                             "school_year = 2026 ORDER BY name)")),
                 QStringLiteral("5A 6A 6A1 7A1"));
        const QString newSections = QStringLiteral(
            "SELECT group_concat(x, ', ') FROM (SELECT s.full_name || ' ' || c.name || ' ' || r.level || ' ' || "
            "ys.state || ' ' || ys.circular AS x FROM year_section ys JOIN record r ON r.id = ys.record_id JOIN "
            "student s ON s.id = r.student_id JOIN class c ON c.id = ys.class_id WHERE ys.school_year = 2026 "
            "ORDER BY s.id)");
        QCOMPARE(test::scalar(*db, newSections),
                 QStringLiteral("Nguyễn Văn An 6A thcs draft TT22, Trần Thị Bình 5A primary draft TT27, "
                                "Lê Văn Cường 7A1 thcs draft TT22, Phạm Thị Dung 6A1 thcs draft TT22"));
        // An finished primary school (record closed, a THCS record opened); Em finished THCS.
        QCOMPARE(test::scalar(*db,
                              QStringLiteral("SELECT group_concat(x, ', ') FROM (SELECT s.full_name || ' ' || "
                                             "r.level || ' ' || r.closed_reason AS x FROM record r JOIN student s "
                                             "ON s.id = r.student_id WHERE r.closed_at IS NOT NULL ORDER BY s.id)")),
                 QStringLiteral("Nguyễn Văn An primary completed, Hoàng Văn Em thcs completed"));
        QCOMPARE(test::scalar(*db,
                              QStringLiteral("SELECT actor || ' ' || entity_id || ' ' || new_value FROM audit_log "
                                             "WHERE action = 'year.open'")),
                 QStringLiteral("admin 2026-2027 from=2025-2026;promoted=2;retained=2;leaving=1;classes=4"));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'year.open'")),
                 QStringLiteral("1"));

        // The year is open now: opening it again is refused and a closed record takes no later year.
        const auto again = lifecycle::planYearOpening(*db, nextYear);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::InvalidInput);
        YearSection later;
        later.recordId = test::scalar(*db,
                                      QStringLiteral("SELECT id FROM record WHERE level = 'thcs' AND closed_at "
                                                     "IS NOT NULL"))
                             .toLongLong();
        later.schoolYear = nextYear;
        later.grade = 9;
        later.circular = Circular::TT22;
        const auto refused = store::StudentRepository(*db).addSection(later);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::RecordLocked);
    }

    void refusedWithoutTheRightWritesNothing()
    {
        const QString path = fullSchool(QStringLiteral("clerk.hocba"));
        QVERIFY(!path.isEmpty());
        const QByteArray before = test::fileDigest(path);
        {
            auto db = test::openTestDatabase(path);
            const auto plan = lifecycle::planYearOpening(*db, nextYear).value();
            User clerk;
            clerk.id = 99;
            clerk.login = QStringLiteral("van.thu");
            clerk.fullName = QStringLiteral("Văn Thư");
            clerk.role = Role::Clerk;
            const auto refused = lifecycle::applyYearOpening(*db, plan, lifecycle::Actor::forAccount(clerk, {}));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        }
        QCOMPARE(test::fileDigest(path), before);
    }

    void aPlanTheFileNoLongerMatchesIsRefused()
    {
        const QString path = fullSchool(QStringLiteral("stale.hocba"));
        QVERIFY(!path.isEmpty());
        auto db = test::openTestDatabase(path);
        const auto plan = lifecycle::planYearOpening(*db, nextYear).value();
        addStudent(*db, QStringLiteral("Đinh Văn Phong"), QStringLiteral("6A1"), inputs(6, 8));
        const QByteArray before = test::fileDigest(path);
        const auto refused = lifecycle::applyYearOpening(*db, plan, accountActor(*db, QStringLiteral("admin")));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM school_year WHERE start_year = 2026")),
                 QStringLiteral("0"));
        QCOMPARE(test::fileDigest(path), before);
    }

    void unconfirmedAndPendingResultsBlockTheOpening()
    {
        const QString path
            = newSchool(QStringLiteral("blocked.hocba"), false, true, {QStringLiteral("6A1"), QStringLiteral("7A1")});
        QVERIFY(!path.isEmpty());
        {
            auto db = test::openTestDatabase(path);
            addStudent(*db, QStringLiteral("Lê Văn Cường"), QStringLiteral("6A1"), inputs(6, 3));
            addStudent(*db, QStringLiteral("Đỗ Thị Hoa"), QStringLiteral("6A1"), inputs(6, 6), false);
            addStudent(*db, QStringLiteral("Vũ Văn Khánh"), QStringLiteral("7A1"), inputs(7, 7, conductFailed));
            addStudent(*db, QStringLiteral("Bùi Thị Lan"), QStringLiteral("7A1"), {});
        }
        const QByteArray before = test::fileDigest(path);
        {
            auto db = test::openTestDatabase(path);
            const auto plan = lifecycle::planYearOpening(*db, nextYear).value();
            QVERIFY(!plan.canApply());
            QCOMPARE(plan.moves.size(), 1);
            QStringList problems;
            for (const auto& p : plan.problems)
                problems << QStringLiteral("%1 %2 %3").arg(p.className, p.studentName, p.code);
            QCOMPARE(
                problems,
                (QStringList {QStringLiteral("6A1 Đỗ Thị Hoa unconfirmed"), QStringLiteral("7A1 Vũ Văn Khánh pending"),
                              QStringLiteral("7A1 Bùi Thị Lan no_result")}));
            const auto refused = lifecycle::applyYearOpening(*db, plan, accountActor(*db, QStringLiteral("admin")));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        }
        qputenv("HOCBA_PASSWORD", "mat-khau-dai-du"); // with --yes the administrator logs in before the plan is made
        const auto cli = test::runCliInProcess(yearOpen(
            path,
            {QStringLiteral("--yes"), QStringLiteral("--json"), QStringLiteral("--user"), QStringLiteral("admin")}));
        qunsetenv("HOCBA_PASSWORD");
        QCOMPARE(cli.code, 1);
        QCOMPARE(json(cli).value(QStringLiteral("applied")).toBool(), false);
        QCOMPARE(json(cli).value(QStringLiteral("problems")).toArray().size(), 3);
        QCOMPARE(test::fileDigest(path), before);
    }

    void primarySchoolGradeFiveLeavesAndYearsOpenInOrder()
    {
        const QString path = newSchool(QStringLiteral("primary.hocba"), true, false, {QStringLiteral("5A")});
        QVERIFY(!path.isEmpty());
        auto db = test::openTestDatabase(path);
        addStudent(*db, QStringLiteral("Nguyễn Văn An"), QStringLiteral("5A"), inputs(5, 1));
        const auto skipped = lifecycle::planYearOpening(*db, SchoolYear {2027});
        QVERIFY(!skipped);
        QCOMPARE(skipped.error().code, ErrorCode::InvalidInput);
        const auto plan = lifecycle::planYearOpening(*db, nextYear).value();
        QCOMPARE(plan.moves.size(), 1);
        QCOMPARE(plan.moves.first().move, YearMove::Leaves);
        QVERIFY(plan.newClasses.isEmpty());
        QVERIFY(lifecycle::applyYearOpening(*db, plan, accountActor(*db, QStringLiteral("admin"))));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT closed_reason FROM record")), QStringLiteral("completed"));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE school_year = 2026")),
                 QStringLiteral("0"));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM school_year WHERE start_year = 2026")),
                 QStringLiteral("1"));
    }

    void cliPreviewsThenOpensWithYes()
    {
        const QString path = fullSchool(QStringLiteral("cli.hocba"));
        QVERIFY(!path.isEmpty());
        const QByteArray before = test::fileDigest(path);
        const auto preview = test::runCliInProcess(yearOpen(path));
        QVERIFY2(preview.code == 0, qPrintable(preview.err + preview.out));
        QVERIFY2(preview.out.contains(QStringLiteral("--yes")), qPrintable(preview.out));
        QVERIFY2(preview.out.contains(QStringLiteral("6A1")) && preview.out.contains(QStringLiteral("7A1")),
                 qPrintable(preview.out));
        QCOMPARE(test::fileDigest(path), before);

        const auto previewJson = test::runCliInProcess(yearOpen(path, {QStringLiteral("--json")}));
        QCOMPARE(previewJson.code, 0);
        const QJsonObject p = json(previewJson);
        QCOMPARE(p.value(QStringLiteral("promoted")).toInt(), 2);
        QCOMPARE(p.value(QStringLiteral("retained")).toInt(), 2);
        QCOMPARE(p.value(QStringLiteral("leaving")).toInt(), 1);
        QCOMPARE(p.value(QStringLiteral("applied")).toBool(), false);
        QCOMPARE(test::fileDigest(path), before);

        // The file has the administrator's account from createSchool: opening the year needs that login.
        const auto anonymous = test::runCliInProcess(yearOpen(path, {QStringLiteral("--yes")}));
        QCOMPARE(anonymous.code, 1);
        QVERIFY2(anonymous.err.contains(QStringLiteral("--user")), qPrintable(anonymous.err));
        QCOMPARE(test::fileDigest(path), before);
        qputenv("HOCBA_PASSWORD", "mat-khau-dai-du");
        const auto opened = test::runCliInProcess(
            yearOpen(path, {QStringLiteral("--yes"), QStringLiteral("--user"), QStringLiteral("admin")}));
        qunsetenv("HOCBA_PASSWORD");
        QVERIFY2(opened.code == 0, qPrintable(opened.err + opened.out));
        QVERIFY(test::fileDigest(path) != before);
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT actor FROM audit_log WHERE action = 'year.open'")),
                 QStringLiteral("admin"));
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT count(*) FROM year_section WHERE school_year = 2026")),
                 QStringLiteral("4"));

        const auto twice = test::runCliInProcess(yearOpen(path, {QStringLiteral("--yes")}));
        QCOMPARE(twice.code, 1);
        QVERIFY(!twice.err.isEmpty());
    }

    /** "year principal": each year keeps its own principal, set by the administrator, shown to anyone. */
    void cliSetsAndShowsTheYearsPrincipal()
    {
        const QString path = newSchool(QStringLiteral("principal.hocba"), false, true, {QStringLiteral("6A1")});
        QVERIFY(!path.isEmpty());
        const auto principal = [&](const QStringList& more) {
            return test::runCliInProcess(
                QStringList {QStringLiteral("year"), QStringLiteral("principal"), QStringLiteral("--db"), path} + more);
        };
        const QStringList year {QStringLiteral("--year"), QStringLiteral("2025-2026")};
        const auto none = principal(year);
        QVERIFY2(none.code == 0, qPrintable(none.err));
        QVERIFY2(none.out.contains(QStringLiteral("2025-2026")), qPrintable(none.out));

        const QByteArray before = test::fileDigest(path);
        const QStringList name {QStringLiteral("--name"), QStringLiteral("  Phạm   Thị Hoà ")};
        const auto anonymous = principal(year + name);
        QCOMPARE(anonymous.code, 1);
        QVERIFY2(anonymous.err.contains(QStringLiteral("--user")), qPrintable(anonymous.err));
        QCOMPARE(test::fileDigest(path), before);

        qputenv("HOCBA_PASSWORD", "mat-khau-dai-du");
        const auto set = principal(year + name + QStringList {QStringLiteral("--user"), QStringLiteral("admin")});
        qputenv("HOCBA_PASSWORD", "mat-khau-dai-du"); // the command wipes it after reading
        const auto missing = principal(QStringList {QStringLiteral("--year"), QStringLiteral("2019-2020")} + name
                                       + QStringList {QStringLiteral("--user"), QStringLiteral("admin")});
        qunsetenv("HOCBA_PASSWORD");
        QVERIFY2(set.code == 0, qPrintable(set.err + set.out));
        QVERIFY2(set.out.contains(QStringLiteral("Phạm Thị Hoà")), qPrintable(set.out));
        QVERIFY(missing.code != 0);
        QVERIFY2(missing.err.contains(QStringLiteral("2019-2020")), qPrintable(missing.err));

        const auto shown = principal(year + QStringList {QStringLiteral("--json")});
        QCOMPARE(shown.code, 0);
        QCOMPARE(json(shown).value(QStringLiteral("principal")).toString(), QStringLiteral("Phạm Thị Hoà"));
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT actor FROM audit_log WHERE action = 'year.principal'")),
                 QStringLiteral("admin"));
        // A new principal of the school does not rewrite the year's.
        auto school = store::SchoolRepository(**db).school();
        QVERIFY(school && *school);
        School changed = **school;
        changed.principalName = QStringLiteral("Người Khác");
        QVERIFY(store::SchoolRepository(**db).saveSchool(changed));
        QCOMPARE(store::SchoolRepository(**db).yearPrincipal(lastYear).value(),
                 std::optional(QStringLiteral("Phạm Thị Hoà")));

        const auto usage = test::runCliInProcess(
            {QStringLiteral("year"), QStringLiteral("open"), QStringLiteral("--db"), path, QStringLiteral("--year"),
             QStringLiteral("2026-2027"), QStringLiteral("--name"), QStringLiteral("X")});
        QCOMPARE(usage.code, 2);
    }
};

QTEST_GUILESS_MAIN(TestYearOpening)
#include "TestYearOpening.moc"

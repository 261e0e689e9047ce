// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"

#include "demo/DemoSchool.h"
#include "domain/PersonalId.h"
#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "store/AuditLog.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::store;

namespace {

/** A digest of everything the school is made of, without the times the rows were written. */
QByteArray contentDigest(const QString& path)
{
    auto db = test::openTestDatabase(path);
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const char* sql :
         {"SELECT * FROM school", "SELECT * FROM teacher ORDER BY id", "SELECT * FROM class ORDER BY id",
          "SELECT * FROM student ORDER BY id", "SELECT id, student_id, level, lookup_code FROM record ORDER BY id",
          "SELECT * FROM year_section ORDER BY id", "SELECT * FROM assessment ORDER BY 1, 2, 3, 4, 5"}) {
        auto st = db->prepare(QString::fromLatin1(sql)).value();
        while (st.step().value()) {
            for (int c = 0; c < 30; ++c)
                h.addData(st.text(c).toUtf8() + '\x1f');
            h.addData("\n");
        }
    }
    return h.result().toHex();
}

struct DemoSchoolFile
{
    QTemporaryDir dir;
    QString path;
    demo::DemoReport report;
};

std::unique_ptr<DemoSchoolFile> makeDemo(demo::DemoOptions options, const QString& name = QStringLiteral("d.hocba"))
{
    auto f = std::make_unique<DemoSchoolFile>();
    f->path = f->dir.filePath(name);
    auto r = demo::createDemoSchool(f->path, options);
    if (!r) {
        qWarning("%s", qPrintable(describe(r.error())));
        return nullptr;
    }
    f->report = *r;
    return f;
}

} // namespace

class TestDemoSchool : public QObject
{
    Q_OBJECT

    std::unique_ptr<DemoSchoolFile> m_both; // 600 students, both levels, 2025-2026

private Q_SLOTS:
    void initTestCase()
    {
        demo::DemoOptions o;
        o.students = 600;
        o.seed = 7;
        o.year = SchoolYear {2025};
        m_both = makeDemo(o);
        QVERIFY(m_both);
    }

    void sameSeedSameSchoolOtherSeedOtherSchool()
    {
        demo::DemoOptions o;
        o.students = 120;
        o.seed = 42;
        o.year = SchoolYear {2025};
        auto a = makeDemo(o);
        auto b = makeDemo(o);
        o.seed = 43;
        auto c = makeDemo(o);
        QVERIFY(a && b && c);
        QCOMPARE(contentDigest(a->path), contentDigest(b->path));
        QVERIFY(contentDigest(a->path) != contentDigest(c->path));
    }

    void classesGradesAndCounts()
    {
        auto db = test::openTestDatabase(m_both->path);
        SchoolRepository schools(*db);
        QVERIFY(schools.school().value()->name.contains(QStringLiteral("mẫu"))); // named as a demo
        const auto classes = schools.classes(SchoolYear {2025}).value();
        QStringList names;
        for (const auto& c : classes) {
            names << c.name;
            QVERIFY(c.homeroomTeacherId);
        }
        QVERIFY(names.contains(QStringLiteral("1A1")));
        QVERIFY(names.contains(QStringLiteral("5A1")));
        QVERIFY(names.contains(QStringLiteral("6A1")));
        QVERIFY(names.contains(QStringLiteral("9A2")));
        const auto summary = schools.summary().value();
        QCOMPARE(summary.students, 600);
        QCOMPARE(summary.records, 600);
        // Grades 1..9 hold 600 students evenly (67 or 66 each); a grade-g student has g - first + 1 years.
        int expectedSections = 0;
        for (int g = 1; g <= 9; ++g)
            expectedSections += (g <= 6 ? 67 : 66) * (g <= 5 ? g : g - 5);
        QCOMPARE(int(summary.sections), expectedSections);
        QCOMPARE(m_both->report.sections, expectedSections);
        QCOMPARE(m_both->report.paperSections, expectedSections - 600);
        // The year of the demo is complete and in draft; earlier years are paper history (also "draft").
        QCOMPARE(summary.sectionsByState.value(QStringLiteral("draft")), expectedSections);
        // Several school years exist (paper history goes back four years for grade 5).
        QCOMPARE(schools.schoolYears().value().size(), 5);
    }

    void birthDatesFitTheGradeAndIdsAreMostlyValid()
    {
        auto db = test::openTestDatabase(m_both->path);
        auto st
            = db->prepare(QStringLiteral(
                              "SELECT s.birth_date, s.gender, s.personal_id, ys.grade FROM student s JOIN record r ON "
                              "r.student_id = s.id JOIN year_section ys ON ys.record_id = r.id WHERE ys.school_year = "
                              "2025"))
                  .value();
        int rows = 0, fitting = 0, validIds = 0, wrongIds = 0;
        while (st.step().value()) {
            ++rows;
            const QDate birth = QDate::fromString(st.text(0), Qt::ISODate);
            const int grade = int(st.int64(3));
            const int expected = 2025 - 5 - grade;
            if (birth.year() == expected || birth.year() == expected - 1)
                ++fitting;
            const auto findings
                = personal_id::check(st.text(2), birth, genderFromCode(st.text(1)).value_or(Gender::Unknown));
            if (findings.isEmpty())
                ++validIds;
            else if (hasErrors(findings))
                ++wrongIds;
        }
        QCOMPARE(rows, 600);
        QCOMPARE(fitting, 600);
        QVERIFY2(validIds >= 570, qPrintable(QString::number(validIds))); // ≥ 95 % valid
        QVERIFY2(wrongIds >= 1, "real data has a few wrong ID numbers; the demo must too");
        QCOMPARE(wrongIds, m_both->report.personalIdFindings);
    }

    void currentYearResultsAreCompleteExceptTheDeliberateDefects()
    {
        auto db = test::openTestDatabase(m_both->path);
        StudentRepository repo(*db);
        auto st = db->prepare(QStringLiteral("SELECT id, grade, circular, source, additional_assessment FROM "
                                             "year_section WHERE school_year = 2025"))
                      .value();
        int clean = 0, withFindings = 0, withErrors = 0, awaiting = 0, computed = 0;
        while (st.step().value()) {
            QCOMPARE(st.text(3), QStringLiteral("digital"));
            const Circular circular = circularFromCode(st.text(2)).value();
            const auto rows = repo.assessments(st.int64(0)).value();
            QVERIFY(!rows.isEmpty());
            const auto input = rules::fromAssessments(rows, circular, SchoolYear {2025}, int(st.int64(1)));
            const auto output = rules::evaluate(input);
            QVERIFY(output);
            // A defect is a missing or impossible value (an error) or an empty comment (a warning).
            if (!output->findings.isEmpty())
                ++withFindings;
            else
                ++clean;
            if (hasErrors(output->findings))
                ++withErrors;
            if (st.int64(4) != 0) {
                ++awaiting;
                QCOMPARE(circular, Circular::TT27);
            }
            ++computed;
        }
        QCOMPARE(computed, 600);
        QCOMPARE(withFindings, m_both->report.withDefects);
        QVERIFY(withErrors >= withFindings / 2);
        QVERIFY(m_both->report.withDefects >= 10);
        QVERIFY(clean >= 570);
        QCOMPARE(awaiting, m_both->report.awaitingAdditionalAssessment);
        QVERIFY(awaiting >= 3);
    }

    void paperHistoryHasResultsWhereTheCircularsCoverTheYear()
    {
        auto db = test::openTestDatabase(m_both->path);
        auto st = db->prepare(QStringLiteral("SELECT count(*) FROM year_section ys WHERE source = 'paper' AND NOT "
                                             "EXISTS (SELECT 1 FROM assessment a WHERE a.section_id = ys.id)"))
                      .value();
        QVERIFY(st.step().value());
        QCOMPARE(st.int64(0), 0); // 2021-2025 are all inside the TT27/TT22 roadmaps for these grades
    }

    void auditChainOfTheDemoIsIntact()
    {
        auto db = test::openTestDatabase(m_both->path);
        auto v = AuditLog(*db).verify().value();
        QVERIFY(v.ok);
        QVERIFY(v.entries > 600);
    }

    void refusesExistingFileAndCancelLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("x.hocba"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        demo::DemoOptions o;
        o.students = 50;
        QVERIFY(!demo::createDemoSchool(path, o));
        QCOMPARE(test::fileBytes(path), QByteArray("keep me"));

        const QString cancelled = dir.filePath(QStringLiteral("c.hocba"));
        o.progress = [](int done, int) { return done < 20; };
        auto r = demo::createDemoSchool(cancelled, o);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(!QFile::exists(cancelled + QStringLiteral(".part")));
    }
};

QTEST_GUILESS_MAIN(TestDemoSchool)
#include "TestDemoSchool.moc"

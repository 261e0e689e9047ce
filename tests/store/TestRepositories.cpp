// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"

#include "store/SchoolRepository.h"
#include "store/SectionRepository.h"
#include "store/StudentRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::store;

class TestRepositories : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void textIsStoredAsNfc()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("a.hocba")));
        StudentRepository repo(*db);
        Student s;
        s.fullName = QStringLiteral("Nguye\u0302\u0303n  Thi\u0323 Ho\u0302\u0300ng"); // decomposed, double space
        s.gender = Gender::Female;
        auto saved = repo.saveStudent(s);
        QVERIFY2(saved, qPrintable(saved ? QString() : describe(saved.error())));
        const Id id = saved->id;
        QCOMPARE(repo.student(id).value()->fullName, QStringLiteral("Nguyễn Thị Hồng"));
    }

    void studentSaveReturnsIdFindingsWithoutRefusing()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("a.hocba")));
        StudentRepository repo(*db);
        Student s;
        s.fullName = QStringLiteral("Lê Văn Cường");
        s.gender = Gender::Male;
        s.birthDate = QDate(2014, 5, 6);
        s.personalId = QStringLiteral("001315001234"); // female digit for a boy
        auto r = repo.saveStudent(s);
        QVERIFY(r);
        QVERIFY(r->id > 0);
        QVERIFY(hasErrors(r->findings));
        bool named = false;
        for (const Finding& f : r->findings)
            named = named || f.field == QLatin1String("personalId");
        QVERIFY(named);
        s.id = r->id;
        s.personalId = QStringLiteral("001214001234");
        r = repo.saveStudent(s);
        QVERIFY(r);
        QVERIFY(r->findings.isEmpty());
    }

    void emptyNameRefused()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("a.hocba")));
        auto r = StudentRepository(*db).saveStudent(Student {});
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    }

    void rosterSortedByVietnameseNameWithSections()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("a.hocba")));
        const auto school = test::makeMiniSchool(*db);
        auto roster = StudentRepository(*db).roster(school.classId).value();
        QCOMPARE(roster.size(), 2);
        QCOMPARE(roster.at(0).student.fullName, QStringLiteral("Nguyễn Văn An"));
        QCOMPARE(roster.at(1).student.fullName, QStringLiteral("Trần Thị Bích"));
        QCOMPARE(roster.at(0).section.state, SectionState::Draft);
        QCOMPARE(roster.at(0).lookupCode.size(), 32);
        QVERIFY(roster.at(0).lookupCode != roster.at(1).lookupCode);
    }

    void schoolClassesAndSummary()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("a.hocba")));
        test::makeMiniSchool(*db);
        SchoolRepository repo(*db);
        QCOMPARE(repo.school().value()->name, QStringLiteral("Trường THCS Thử Nghiệm"));
        QCOMPARE(repo.schoolYears().value().size(), 1);
        QCOMPARE(repo.classes(SchoolYear {2025}).value().size(), 1);
        QVERIFY(repo.classByName(SchoolYear {2025}, QStringLiteral("7A1")).value());
        QVERIFY(!repo.classByName(SchoolYear {2025}, QStringLiteral("7A9")).value());
        const auto summary = repo.summary().value();
        QCOMPARE(summary.students, 2);
        QCOMPARE(summary.sections, 2);
        QCOMPARE(summary.sectionsByState.value(QStringLiteral("draft")), 2);
        QCOMPARE(summary.classes.size(), 1);
        QCOMPARE(summary.classes.first().students, 2);
    }
    void sectionLoadsWhole()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("a.hocba")));
        const auto school = test::makeMiniSchool(*db);
        auto loaded = SectionRepository(*db).load(school.sectionId);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : describe(loaded.error())));
        QVERIFY(loaded->has_value());
        const SectionRecord& r = **loaded;
        QCOMPARE(r.school.name, QStringLiteral("Trường THCS Thử Nghiệm"));
        QCOMPARE(r.level, SchoolLevel::Thcs);
        QCOMPARE(r.lookupCode.size(), 32);
        QCOMPARE(r.student.id, school.studentId);
        QCOMPARE(r.section.id, school.sectionId);
        QVERIFY(!r.replacesVersion);
        QCOMPARE(r.className, QStringLiteral("7A1"));
        QCOMPARE(r.homeroomTeacherName, QStringLiteral("Lê Thị Hồng"));
        QCOMPARE(r.studyYears.size(), 1);
        QCOMPARE(r.studyYears.first().grade, 7);
        QCOMPARE(r.studyYears.first().className, QStringLiteral("7A1"));
        QCOMPARE(r.assessments.size(), 4);
        QCOMPARE(r.classmates, QStringList {QStringLiteral("Trần Thị Bích")});
    }

    void sectionGapsAndCurrentSections()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("a.hocba")));
        auto noSchool = SectionRepository(*db).load(1);
        QVERIFY(noSchool && !noSchool->has_value());
        QCOMPARE(noSchool->error(), SectionGap::School);

        const auto school = test::makeMiniSchool(*db);
        SectionRepository sections(*db);
        auto noSection = sections.load(987654);
        QVERIFY(noSection && !noSection->has_value());
        QCOMPARE(noSection->error(), SectionGap::Section);

        QCOMPARE(sections.currentSectionsOfRecord(school.recordId).value(), QList<Id> {school.sectionId});
        QVERIFY(!sections.currentSectionsOfRecord(987654).value());
        const QList<Id> year {school.sectionId, school.otherSectionId};
        QCOMPARE(sections.currentSectionsOfYear(SchoolYear {2025}, std::nullopt).value(), year);
        QCOMPARE(sections.currentSectionsOfYear(SchoolYear {2025}, QStringLiteral("7A1")).value(), year);
        QVERIFY(!sections.currentSectionsOfYear(SchoolYear {2025}, QStringLiteral("7A9")).value());
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "TestRepositories.moc"

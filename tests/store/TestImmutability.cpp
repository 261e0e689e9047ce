// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"

#include "store/StudentRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::store;

class TestImmutability : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Database> m_db;
    test::MiniSchool m_school;

    const Assessment kToan {QStringLiteral("toan"), QStringLiteral("hk1"), QStringLiteral("regular"), 1,
                            QStringLiteral("10")};

    void sign(Id section)
    {
        StudentRepository repo(*m_db);
        QVERIFY(repo.setSectionState(section, SectionState::Ready));
        QVERIFY(repo.setSectionState(section, SectionState::Signed));
    }

private Q_SLOTS:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("%1.hocba").arg(QTest::currentTestFunction()));
        m_db = test::openTestDatabase(m_path);
        QVERIFY(m_db);
        m_school = test::makeMiniSchool(*m_db);
    }
    void cleanup() { m_db.reset(); }

    void draftAndReadyAreEditable()
    {
        StudentRepository repo(*m_db);
        QVERIFY(repo.setAssessment(m_school.sectionId, kToan));
        QVERIFY(repo.setSectionState(m_school.sectionId, SectionState::Ready));
        QVERIFY(
            repo.setAssessment(m_school.sectionId, {kToan.subject, kToan.term, kToan.item, 1, QStringLiteral("9")}));
    }

    void signedResultsRefuseUpdateInsertDelete()
    {
        sign(m_school.sectionId);
        StudentRepository repo(*m_db);
        auto s = repo.setAssessment(m_school.sectionId, kToan);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::RecordLocked);
        QVERIFY(s.error().message.contains(QStringLiteral("signed")) || !s.error().message.isEmpty());
        auto add = repo.setAssessment(
            m_school.sectionId,
            {QStringLiteral("ngu_van"), QStringLiteral("hk1"), QStringLiteral("midterm"), 0, QStringLiteral("8")});
        QCOMPARE(add.error().code, ErrorCode::RecordLocked);
        auto replace = repo.replaceAssessments(m_school.sectionId, {});
        QCOMPARE(replace.error().code, ErrorCode::RecordLocked);
        QCOMPARE(repo.assessments(m_school.sectionId).value().size(), 4);
        // The other student's draft is untouched by this.
        QVERIFY(repo.setAssessment(m_school.otherSectionId, kToan));
    }

    void signedSectionContentFixedButStateMovesForward()
    {
        sign(m_school.sectionId);
        QVERIFY(!m_db->exec(QStringLiteral("UPDATE year_section SET grade = 8 WHERE id = %1").arg(m_school.sectionId)));
        QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM year_section WHERE id = %1").arg(m_school.sectionId)));
        QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM student WHERE id = %1").arg(m_school.studentId)));
        StudentRepository repo(*m_db);
        QVERIFY(!repo.setSectionState(m_school.sectionId, SectionState::Draft)); // backwards
        QVERIFY(repo.setSectionState(m_school.sectionId, SectionState::Submitted));
        QVERIFY(repo.setSectionState(m_school.sectionId, SectionState::Locked));
    }

    void lockedSectionRefusesEverything()
    {
        sign(m_school.sectionId);
        StudentRepository repo(*m_db);
        QVERIFY(repo.setSectionState(m_school.sectionId, SectionState::Submitted));
        QVERIFY(repo.setSectionState(m_school.sectionId, SectionState::Locked));
        auto s = repo.setSectionState(m_school.sectionId, SectionState::Revoked);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::RecordLocked);
        QVERIFY(!m_db->exec(
            QStringLiteral("UPDATE year_section SET results_stale = 0 WHERE id = %1").arg(m_school.sectionId)));
        QVERIFY(!m_db->exec(QStringLiteral("DELETE FROM assessment WHERE section_id = %1").arg(m_school.sectionId)));
        QVERIFY(!m_db->exec(
            QStringLiteral("INSERT INTO computed_result VALUES (%1, 'x', '1', 'v')").arg(m_school.sectionId)));
        QCOMPARE(repo.section(m_school.sectionId).value()->state, SectionState::Locked);
    }

    void stateMachineRefusesSkippingSteps()
    {
        StudentRepository repo(*m_db);
        QVERIFY(!repo.setSectionState(m_school.sectionId, SectionState::Signed)); // draft → signed
        QVERIFY(!repo.setSectionState(m_school.sectionId, SectionState::Locked)); // draft → locked
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO year_section (record_id, school_year, grade, circular, state) "
                                           "VALUES (%1, 2025, 7, 'TT22', 'locked')")
                                .arg(m_school.recordId)));
        QCOMPARE(repo.section(m_school.sectionId).value()->state, SectionState::Draft);
    }

    void paperHistoryStaysDraft()
    {
        StudentRepository repo(*m_db);
        YearSection paper;
        paper.recordId = m_school.recordId;
        paper.schoolYear = SchoolYear {2024};
        paper.grade = 6;
        paper.circular = Circular::TT22;
        paper.source = SectionSource::Paper;
        const Id id = repo.addSection(paper).value();
        auto s = repo.setSectionState(id, SectionState::Ready);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::RecordLocked);
    }

    void lookupCodeNeverChanges()
    {
        StudentRepository repo(*m_db);
        const Record r = repo.openRecord(m_school.studentId, SchoolLevel::Thcs).value();
        QCOMPARE(r.id, m_school.recordId); // opening again returns the same record
        QCOMPARE(r.lookupCode.size(), 32);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(r.lookupCode).hasMatch());
        QVERIFY(!m_db->exec(QStringLiteral("UPDATE record SET lookup_code = '%1' WHERE id = %2")
                                .arg(QString(32, QLatin1Char('a')))
                                .arg(r.id)));
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO record (student_id, level, lookup_code, opened_at) "
                                           "VALUES (%1, 'primary', 'NOT-HEX', '2025-01-01')")
                                .arg(m_school.studentId)));
    }

    void triggersHoldForAnyProgramOpeningTheFile()
    {
        sign(m_school.sectionId);
        m_db.reset(); // close our connection: the sqlite3 shell is now the only writer
        QString out;
        const int rc = test::runSqlite3(
            m_path, QStringLiteral("UPDATE assessment SET value = '10' WHERE section_id = %1;").arg(m_school.sectionId),
            &out);
        QVERIFY2(rc != 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("hocba:section_signed")), qPrintable(out));
        QCOMPARE(test::runSqlite3(m_path,
                                  QStringLiteral("UPDATE assessment SET value = '10' WHERE section_id = %1;")
                                      .arg(m_school.otherSectionId)),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestImmutability)
#include "TestImmutability.moc"

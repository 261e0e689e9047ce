// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"

#include "demo/DemoSchool.h"
#include "lifecycle/ResultsCache.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::store;

class TestResultsCache : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    /** The first student of a class of the demo year, with their section. */
    RosterEntry firstOf(Database& db, const QString& className)
    {
        const auto cls = SchoolRepository(db).classByName(SchoolYear {2025}, className).value().value();
        return StudentRepository(db).roster(cls.id).value().first();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("cache.hocba"));
        demo::DemoOptions o;
        o.students = 90;
        o.seed = 3;
        o.year = SchoolYear {2025};
        QVERIFY(demo::createDemoSchool(m_path, o));
    }

    void computesAndCachesThcsResults()
    {
        auto db = test::openTestDatabase(m_path);
        const RosterEntry e = firstOf(*db, QStringLiteral("7A1"));
        lifecycle::ResultsCache cache(*db);
        QVERIFY(cache.isStale(e.section.id).value()); // never computed yet
        const auto results = cache.results(e.section.id).value();
        QVERIFY(!cache.isStale(e.section.id).value());
        QVERIFY2(results.contains(QStringLiteral("subjects.toan.year")), qPrintable(results.keys().join(u',')));
        QVERIFY(results.contains(QStringLiteral("year.learning")));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{1,2}\\.\\d$"))
                    .match(results.value(QStringLiteral("subjects.toan.year")))
                    .hasMatch());
    }

    void inputChangeMarksStaleAndRecomputes()
    {
        auto db = test::openTestDatabase(m_path);
        const RosterEntry e = firstOf(*db, QStringLiteral("8A1"));
        lifecycle::ResultsCache cache(*db);
        const auto before = cache.results(e.section.id).value();
        StudentRepository repo(*db);
        // Set every score of Toán to 10 → semester and year averages become 10.0.
        const QList<Assessment> rows = repo.assessments(e.section.id).value();
        for (const Assessment& a : rows)
            if (a.subject == QLatin1String("toan")
                && (a.item == QLatin1String("regular") || a.item == QLatin1String("midterm")
                    || a.item == QLatin1String("final")))
                QVERIFY(repo.setAssessment(e.section.id, {a.subject, a.term, a.item, a.seq, QStringLiteral("10")}));
        QVERIFY(cache.isStale(e.section.id).value());
        const auto after = cache.results(e.section.id).value();
        QCOMPARE(after.value(QStringLiteral("subjects.toan.year")), QStringLiteral("10.0"));
        QCOMPARE(after.value(QStringLiteral("subjects.toan.hk1")), QStringLiteral("10.0"));
        QVERIFY(!cache.isStale(e.section.id).value());
    }

    void primaryResultAndSignedSectionsStayFixed()
    {
        auto db = test::openTestDatabase(m_path);
        const RosterEntry e = firstOf(*db, QStringLiteral("4A1"));
        lifecycle::ResultsCache cache(*db);
        const auto results = cache.results(e.section.id).value();
        QVERIFY(
            QStringList({QStringLiteral("HTXS"), QStringLiteral("HTT"), QStringLiteral("HT"), QStringLiteral("CHT")})
                .contains(results.value(QStringLiteral("result"))));
        StudentRepository repo(*db);
        QVERIFY(repo.setSectionState(e.section.id, SectionState::Ready));
        QVERIFY(repo.setSectionState(e.section.id, SectionState::Signed));
        // The database refuses to touch a signed section's cache; reading still works.
        auto r = cache.recompute(e.section.id);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::RecordLocked);
        QCOMPARE(cache.results(e.section.id).value(), results);
    }

    void refreshStaleComputesTheYear()
    {
        auto db = test::openTestDatabase(m_path);
        lifecycle::ResultsCache cache(*db);
        const int n = cache.refreshStale(SchoolYear {2025}).value();
        QVERIFY(n >= 80);
        QCOMPARE(cache.refreshStale(SchoolYear {2025}).value(), 0); // nothing stale any more
        auto st = db->prepare(QStringLiteral("SELECT count(DISTINCT section_id) FROM computed_result")).value();
        QVERIFY(st.step().value());
        QVERIFY(st.int64(0) >= 90);
    }
};

QTEST_GUILESS_MAIN(TestResultsCache)
#include "TestResultsCache.moc"

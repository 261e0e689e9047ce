// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Types.h"

#include <QTest>

using namespace hocba;

class TestTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void schoolYearParsesAndPrints()
    {
        QCOMPARE(SchoolYear {2025}.toString(), QStringLiteral("2025-2026"));
        QCOMPARE(SchoolYear::fromString(QStringLiteral("2024 - 2025"))->startYear, 2024);
        QVERIFY(!SchoolYear::fromString(QStringLiteral("2024-2026")));
        QVERIFY(!SchoolYear::fromString(QStringLiteral("abc")));
    }

    void latestEndedYear()
    {
        QCOMPARE(SchoolYear::latestEnded(QDate(2026, 11, 29)).startYear, 2025);
        QCOMPARE(SchoolYear::latestEnded(QDate(2026, 5, 31)).startYear, 2024);
        QCOMPARE(SchoolYear::latestEnded(QDate(2026, 6, 1)).startYear, 2025);
        QCOMPARE(SchoolYear::containing(QDate(2026, 7, 31)).startYear, 2025);
        QCOMPARE(SchoolYear::containing(QDate(2026, 8, 1)).startYear, 2026);
    }

    void codesRoundTrip()
    {
        for (auto s : {SectionState::Draft, SectionState::Ready, SectionState::Signed, SectionState::Submitted,
                       SectionState::Locked, SectionState::Revoked, SectionState::Superseded})
            QCOMPARE(sectionStateFromCode(toCode(s)), s);
        QVERIFY(!sectionStateFromCode(QStringLiteral("bogus")));
        QCOMPARE(levelOfGrade(5), SchoolLevel::Primary);
        QCOMPARE(levelOfGrade(6), SchoolLevel::Thcs);
        QVERIFY(!levelOfGrade(10));
        QCOMPARE(circularOfGrade(9), Circular::TT22);
    }
};

QTEST_GUILESS_MAIN(TestTypes)
#include "TestTypes.moc"

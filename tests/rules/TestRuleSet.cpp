// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/RuleSet.h"

#include <QTest>

using namespace hocba;
using namespace hocba::rules;

Q_DECLARE_METATYPE(hocba::Circular)

class TestRuleSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roadmap_data()
    {
        QTest::addColumn<int>("startYear");
        QTest::addColumn<int>("grade");
        QTest::addColumn<Circular>("circular");
        QTest::addColumn<QString>("id"); // empty: refused
        const QString tt27 = QStringLiteral("TT27/2020@v1");
        const QString tt22 = QStringLiteral("TT22/2021@v1");
        // TT27: grade g from 2019 + g; TT22: grade g from 2015 + g — both sides of each start.
        for (int g = 1; g <= 5; ++g) {
            QTest::addRow("TT27 grade %d first year", g) << 2019 + g << g << Circular::TT27 << tt27;
            QTest::addRow("TT27 grade %d year before", g) << 2018 + g << g << Circular::TT27 << QString();
            QTest::addRow("TT27 grade %d 2030", g) << 2030 << g << Circular::TT27 << tt27;
            QTest::addRow("TT22 for primary grade %d", g) << 2025 << g << Circular::TT22 << QString();
        }
        for (int g = 6; g <= 9; ++g) {
            QTest::addRow("TT22 grade %d first year", g) << 2015 + g << g << Circular::TT22 << tt22;
            QTest::addRow("TT22 grade %d year before", g) << 2014 + g << g << Circular::TT22 << QString();
            QTest::addRow("TT27 for THCS grade %d", g) << 2025 << g << Circular::TT27 << QString();
        }
        QTest::newRow("grade 0") << 2025 << 0 << Circular::TT27 << QString();
        QTest::newRow("grade 10") << 2025 << 10 << Circular::TT22 << QString();
    }
    void roadmap()
    {
        QFETCH(int, startYear);
        QFETCH(int, grade);
        QFETCH(Circular, circular);
        QFETCH(QString, id);
        const auto set = lookupRuleSet(SchoolYear {startYear}, grade, circular);
        if (id.isEmpty()) {
            QVERIFY(!set.has_value());
            QCOMPARE(set.error().code, ErrorCode::Unsupported);
            QVERIFY(!set.error().message.isEmpty());
        } else {
            QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().message));
            QCOMPARE((*set)->id, id);
        }
    }

    void refusalNamesTheFirstCoveredYear()
    {
        const auto set = lookupRuleSet(SchoolYear {2023}, 9, Circular::TT22);
        QVERIFY(!set);
        QVERIFY(set.error().message.contains(QStringLiteral("2023-2024")));
        QVERIFY(set.error().message.contains(QStringLiteral("2024-2025")));
    }
};

QTEST_GUILESS_MAIN(TestRuleSet)
#include "TestRuleSet.moc"

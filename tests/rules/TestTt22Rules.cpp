// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Curriculum.h"
#include "domain/Decimal.h"
#include "rules/Tt22Rules.h"

#include <QTest>

#include <random>

using namespace hocba;
using namespace hocba::rules;

Q_DECLARE_METATYPE(hocba::ThcsLevel)
Q_DECLARE_METATYPE(hocba::ThcsAward)
Q_DECLARE_METATYPE(hocba::ScoreTextProblem)

namespace {
using L = ThcsLevel;
constexpr CommentResult D = CommentResult::Pass;
constexpr CommentResult CD = CommentResult::Fail;

QList<Tenths> scores(std::initializer_list<int> tenths)
{
    return QList<Tenths>(tenths);
}
} // namespace

class TestTt22Rules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesScoresExactly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("tenths");
        QTest::addColumn<ScoreTextProblem>("problem");
        const auto ok = ScoreTextProblem::None;
        QTest::newRow("8") << "8" << 80 << ok;
        QTest::newRow("7.5") << "7.5" << 75 << ok;
        QTest::newRow("7,5 decimal comma") << "7,5" << 75 << ok;
        QTest::newRow("8.50 one decimal") << "8.50" << 85 << ok;
        QTest::newRow("0") << "0" << 0 << ok;
        QTest::newRow("10") << "10" << 100 << ok;
        QTest::newRow("10.0") << "10.0" << 100 << ok;
        QTest::newRow("10.1") << "10.1" << -1 << ScoreTextProblem::OutOfRange;
        QTest::newRow("11") << "11" << -1 << ScoreTextProblem::OutOfRange;
        QTest::newRow("-1") << "-1" << -1 << ScoreTextProblem::OutOfRange;
        QTest::newRow("8.25") << "8.25" << -1 << ScoreTextProblem::TooManyDecimals;
        QTest::newRow("abc") << "abc" << -1 << ScoreTextProblem::NotANumber;
        QTest::newRow("8.") << "8." << -1 << ScoreTextProblem::NotANumber;
        QTest::newRow("empty") << " " << -1 << ScoreTextProblem::Empty;
    }
    void parsesScoresExactly()
    {
        QFETCH(QString, text);
        QFETCH(int, tenths);
        QFETCH(ScoreTextProblem, problem);
        const ParsedScore p = parseScoreText(text);
        QCOMPARE(p.problem, problem);
        QCOMPARE(p.tenths.value_or(-1), tenths);
    }

    void roundsHalfUpAtEveryFiveBoundary_data()
    {
        QTest::addColumn<int>("hundredths");
        QTest::addColumn<int>("tenths");
        // x.x5 → up for every tenth of the scale: 0.05 → 0.1 … 9.95 → 10.0; x.x4 → down.
        for (int t = 0; t < 100; ++t) {
            QTest::addRow("%d.%d5", t / 10, t % 10) << t * 10 + 5 << t + 1;
            QTest::addRow("%d.%d4", t / 10, t % 10) << t * 10 + 4 << t;
        }
    }
    void roundsHalfUpAtEveryFiveBoundary()
    {
        QFETCH(int, hundredths);
        QFETCH(int, tenths);
        QCOMPARE(roundHalfUpDiv(hundredths, 10), tenths);
    }

    void semesterAverage_data()
    {
        QTest::addColumn<QList<Tenths>>("regular");
        QTest::addColumn<int>("midterm");
        QTest::addColumn<int>("final");
        QTest::addColumn<int>("expected");
        QTest::newRow("DOMAIN 2.3: 630/8 = 78.75 → 7.9") << scores({80, 90, 70}) << 75 << 80 << 79;
        QTest::newRow("8.25 → 8.3 (half-up, not even)") << scores({85, 80}) << 80 << 85 << 83; // 578/7 = 82.57 → 83
        QTest::newRow("exact .x5: 7.25 → 7.3") << scores({70, 70, 75}) << 70 << 75 << 73; // 580/8 = 72.5
        QTest::newRow("exact .x5: 5.85 → 5.9") << scores({50, 60, 64}) << 60 << 58 << 59; // 468/8 = 58.5
        QTest::newRow("all tens") << scores({100, 100, 100, 100}) << 100 << 100 << 100;
        QTest::newRow("all zeros") << scores({0, 0}) << 0 << 0 << 0;
        QTest::newRow("issue toan hk1") << scores({80, 90, 70, 80}) << 75 << 80 << 79;
        QTest::newRow("issue toan hk2") << scores({80, 80, 90, 70}) << 80 << 85 << 82;
    }
    void semesterAverage()
    {
        QFETCH(QList<Tenths>, regular);
        QFETCH(int, midterm);
        QFETCH(int, final);
        QFETCH(int, expected);
        QCOMPARE(tt22::semesterAverage(regular, midterm, final), expected);
    }

    void yearAverage_data()
    {
        QTest::addColumn<int>("hk1");
        QTest::addColumn<int>("hk2");
        QTest::addColumn<int>("expected");
        QTest::newRow("DOMAIN 2.3: 6.4, 7.1 → 6.9") << 64 << 71 << 69;
        QTest::newRow("issue: 7.9, 8.2 → 8.1") << 79 << 82 << 81;
        QTest::newRow("1/3 rounds down: 8.0, 8.1 → 8.1 (24.2/3 = 8.067)") << 80 << 81 << 81;
        QTest::newRow("2/3 rounds up: 8.1, 8.0 → 8.0 (24.1/3 = 8.033)") << 81 << 80 << 80;
        QTest::newRow("4.9, 5.0 → 5.0 (14.9/3 = 4.967)") << 49 << 50 << 50;
        QTest::newRow("5.0, 4.9 → 4.9 (14.8/3 = 4.933)") << 50 << 49 << 49;
    }
    void yearAverage()
    {
        QFETCH(int, hk1);
        QFETCH(int, hk2);
        QFETCH(int, expected);
        QCOMPARE(tt22::yearAverage(hk1, hk2), expected);
    }

    void regularCountFromPeriods_data()
    {
        QTest::addColumn<int>("periods");
        QTest::addColumn<int>("count");
        QTest::newRow("35 → 2") << 35 << 2;
        QTest::newRow("36 → 3") << 36 << 3;
        QTest::newRow("52 → 3") << 52 << 3;
        QTest::newRow("70 → 3") << 70 << 3;
        QTest::newRow("71 → 4") << 71 << 4;
        QTest::newRow("140 → 4") << 140 << 4;
        QTest::newRow("1 → 2") << 1 << 2;
    }
    void regularCountFromPeriods()
    {
        QFETCH(int, periods);
        QFETCH(int, count);
        QCOMPARE(tt22::requiredRegularScores(periods), count);
    }

    void learningLevelThresholds_data()
    {
        QTest::addColumn<QList<Tenths>>("s");
        QTest::addColumn<int>("commentFails");
        QTest::addColumn<ThcsLevel>("base");
        QTest::addColumn<ThcsLevel>("adjusted");
        // Tốt: all ≥ 6.5 and ≥ 6 subjects ≥ 8.0
        QTest::newRow("T: six at 8.0, two at 6.5")
            << scores({80, 80, 80, 80, 80, 80, 65, 65}) << 0 << L::Good << L::Good;
        QTest::newRow("K: one at 6.4 breaks T") << scores({80, 80, 80, 80, 80, 80, 65, 64}) << 0 << L::Fair << L::Fair;
        QTest::newRow("K: five at 8.0, 7.9") << scores({80, 80, 80, 80, 80, 79, 65, 65}) << 0 << L::Fair << L::Fair;
        // Khá: all ≥ 5.0 and ≥ 6 ≥ 6.5
        QTest::newRow("K: six at 6.5, two at 5.0")
            << scores({65, 65, 65, 65, 65, 65, 50, 50}) << 0 << L::Fair << L::Fair;
        QTest::newRow("D: one at 4.9 breaks K") << scores({65, 65, 65, 65, 65, 65, 50, 49}) << 0 << L::Pass << L::Pass;
        QTest::newRow("D: five at 6.5") << scores({65, 65, 65, 65, 65, 64, 50, 50}) << 0 << L::Pass << L::Pass;
        // Đạt: ≥ 6 ≥ 5.0, none < 3.5, ≤ 1 comment failed
        QTest::newRow("D: six at 5.0, two at 3.5")
            << scores({50, 50, 50, 50, 50, 50, 35, 35}) << 0 << L::Pass << L::Pass;
        QTest::newRow("CD: one at 3.4") << scores({50, 50, 50, 50, 50, 50, 35, 34}) << 0 << L::Fail << L::Fail;
        QTest::newRow("CD: five at 5.0") << scores({50, 50, 50, 50, 50, 49, 35, 35}) << 0 << L::Fail << L::Fail;
        QTest::newRow("D: one comment failed") << scores({50, 50, 50, 50, 50, 50, 50, 50}) << 1 << L::Pass << L::Pass;
        QTest::newRow("CD: two comments failed") << scores({50, 50, 50, 50, 50, 50, 50, 50}) << 2 << L::Fail << L::Fail;
        // Art. 9 cl. 3 (DOMAIN.md §2.5 examples)
        QTest::newRow("ex1: seven ≥ 8, one 3.2 → CD → D")
            << scores({80, 85, 90, 80, 82, 80, 88, 32}) << 0 << L::Fail << L::Pass;
        QTest::newRow("ex2: T scores, one comment CD → D → K")
            << scores({85, 85, 85, 85, 85, 85, 85, 85}) << 1 << L::Pass << L::Fair;
        QTest::newRow("ex3: K scores, one 4.5 → D stays")
            << scores({70, 70, 70, 70, 70, 70, 70, 45}) << 0 << L::Pass << L::Pass;
        QTest::newRow("K scores, one 3.0 → CD → D (K is 2 above)")
            << scores({70, 70, 70, 70, 70, 70, 70, 30}) << 0 << L::Fail << L::Pass;
        QTest::newRow("two low subjects: no adjustment")
            << scores({90, 90, 90, 90, 90, 90, 30, 30}) << 0 << L::Fail << L::Fail;
        QTest::newRow("T scores, one 6.0 → K (1 below T) stays")
            << scores({90, 90, 90, 90, 90, 90, 90, 60}) << 0 << L::Fair << L::Fair;
        QTest::newRow("T scores, one 4.0 → D → K")
            << scores({90, 90, 90, 90, 90, 90, 90, 40}) << 0 << L::Pass << L::Fair;
    }
    void learningLevelThresholds()
    {
        QFETCH(QList<Tenths>, s);
        QFETCH(int, commentFails);
        QFETCH(ThcsLevel, base);
        QFETCH(ThcsLevel, adjusted);
        QList<CommentResult> comments(5, D);
        for (int i = 0; i < commentFails; ++i)
            comments[i] = CD;
        QCOMPARE(tt22::baseLearningLevel(s, comments), base);
        const auto level = tt22::learningLevel(s, comments);
        QCOMPARE(level.level, adjusted);
        QCOMPARE(level.adjusted, base != adjusted);
    }

    void conductMatrix_data()
    {
        QTest::addColumn<ThcsLevel>("hk1");
        QTest::addColumn<ThcsLevel>("hk2");
        QTest::addColumn<ThcsLevel>("year");
        // DOMAIN.md §2.6, rows HK II, columns HK I.
        const L all[4] = {L::Good, L::Fair, L::Pass, L::Fail};
        const L table[4][4] = {{L::Good, L::Good, L::Fair, L::Fair},
                               {L::Fair, L::Fair, L::Fair, L::Pass},
                               {L::Fair, L::Pass, L::Pass, L::Pass},
                               {L::Fail, L::Fail, L::Fail, L::Fail}};
        const char* names[4] = {"T", "K", "D", "CD"};
        for (int r = 0; r < 4; ++r)
            for (int c = 0; c < 4; ++c)
                QTest::addRow("hk1 %s, hk2 %s", names[c], names[r]) << all[c] << all[r] << table[r][c];
    }
    void conductMatrix()
    {
        QFETCH(ThcsLevel, hk1);
        QFETCH(ThcsLevel, hk2);
        QFETCH(ThcsLevel, year);
        QCOMPARE(tt22::yearConduct(hk1, hk2), year);
    }

    void awards_data()
    {
        QTest::addColumn<ThcsLevel>("conduct");
        QTest::addColumn<ThcsLevel>("learning");
        QTest::addColumn<QList<Tenths>>("years");
        QTest::addColumn<ThcsAward>("award");
        QTest::newRow("six at 9.0 → xuat_sac")
            << L::Good << L::Good << scores({90, 90, 90, 90, 90, 90, 80, 80}) << ThcsAward::Outstanding;
        QTest::newRow("five at 9.0, one 8.9 → gioi")
            << L::Good << L::Good << scores({90, 90, 90, 90, 90, 89, 80, 80}) << ThcsAward::Excellent;
        QTest::newRow("conduct K → none")
            << L::Fair << L::Good << scores({100, 100, 100, 100, 100, 100, 100, 100}) << ThcsAward::None;
        QTest::newRow("learning K → none")
            << L::Good << L::Fair << scores({90, 90, 90, 90, 90, 90, 60, 60}) << ThcsAward::None;
    }
    void awards()
    {
        QFETCH(ThcsLevel, conduct);
        QFETCH(ThcsLevel, learning);
        QFETCH(QList<Tenths>, years);
        QFETCH(ThcsAward, award);
        QCOMPARE(tt22::award(conduct, learning, years), award);
    }

    void exactDecimalMatchesIndependentComputation()
    {
        // Property: the evaluator's path (text → tenths → integer formula) equals an independent computation in
        // hundredths with explicit half-up rounding, over many random inputs.
        std::mt19937_64 rng(20240901);
        const auto tenthsFrom = [&] { return int(rng() % 101); };
        const auto asText = [](int t) { return QString::number(t / 10) + QLatin1Char('.') + QString::number(t % 10); };
        for (int i = 0; i < 100000; ++i) {
            const int n = 2 + int(rng() % 3);
            QList<Tenths> regular;
            long long sumHundredths = 0;
            for (int k = 0; k < n; ++k) {
                const int t = tenthsFrom();
                regular.append(*parseScoreText(asText(t)).tenths);
                sumHundredths += 10LL * t;
            }
            const int gk = tenthsFrom(), ck = tenthsFrom();
            const Tenths hk = tt22::semesterAverage(regular, *parseScoreText(asText(gk)).tenths,
                                                    *parseScoreText(asText(ck)).tenths);
            // independent: average in hundredths, remainder decides the rounding
            const long long numerator = sumHundredths + 20LL * gk + 30LL * ck;
            const long long den = n + 5;
            // exact value v = numerator/den hundredths; half-up to tenths: floor(v/10 + 1/2) = floor((numerator +
            // 5·den) / (10·den))
            const long long expectedTenths = (numerator + 5 * den) / (10 * den);
            QCOMPARE(hk, Tenths(expectedTenths));
            QVERIFY(hk >= 0 && hk <= 100);

            const int hk2 = tenthsFrom();
            const Tenths year = tt22::yearAverage(hk, hk2);
            // year is the integer y with |y − (hk + 2·hk2)/3| ≤ 1/2 and ties up: 6y ∈ [2S − 3, 2S + 3)
            const long long s = hk + 2LL * hk2;
            QVERIFY2(6LL * year >= 2 * s - 3 && 6LL * year < 2 * s + 3, "year average not the nearest tenth, ties up");
        }
    }
};

QTEST_GUILESS_MAIN(TestTt22Rules)
#include "TestTt22Rules.moc"

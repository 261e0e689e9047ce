// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Curriculum.h"
#include "rules/Evaluator.h"
#include "rules/Tt27Rules.h"

#include <QTest>

using namespace hocba;
using namespace hocba::rules;

Q_DECLARE_METATYPE(hocba::PrimaryResult)

namespace {

/** A complete primary student-year: every subject T with test score `score`, every quality/competency T. */
StudentYearInput completePrimary(int grade, int score)
{
    StudentYearInput in;
    in.circular = Circular::TT27;
    in.schoolYear = SchoolYear {2024};
    in.grade = grade;
    for (const CurriculumSubject& c : curriculumOfGrade(grade)) {
        if (!c.required)
            continue;
        SubjectEntry s;
        s.code = c.code;
        s.level = QStringLiteral("T");
        if (c.yearEndTest)
            s.score = QString::number(score);
        in.subjects.append(s);
    }
    for (const QString& q : primaryQualities())
        in.qualities.insert(q, QStringLiteral("T"));
    for (const QString& c : primaryCompetencies())
        in.competencies.insert(c, QStringLiteral("T"));
    return in;
}

SubjectEntry& subject(StudentYearInput& in, const QString& code)
{
    for (SubjectEntry& s : in.subjects)
        if (s.code == code)
            return s;
    in.subjects.append(SubjectEntry {});
    in.subjects.last().code = code;
    return in.subjects.last();
}

QStringList codes(const Findings& findings)
{
    QStringList list;
    for (const Finding& f : findings)
        list << severityCode(f.severity) + QLatin1Char(':') + f.code + QLatin1Char('@') + f.field;
    return list;
}

} // namespace

class TestTt27Rules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scoreThresholds_data()
    {
        QTest::addColumn<int>("lowestScore");
        QTest::addColumn<PrimaryResult>("result");
        QTest::newRow("10 → HTXS") << 10 << PrimaryResult::Outstanding;
        QTest::newRow("9 → HTXS") << 9 << PrimaryResult::Outstanding;
        QTest::newRow("8 → HTT") << 8 << PrimaryResult::Good;
        QTest::newRow("7 → HTT") << 7 << PrimaryResult::Good;
        QTest::newRow("6 → HT") << 6 << PrimaryResult::Completed;
        QTest::newRow("5 → HT") << 5 << PrimaryResult::Completed;
        QTest::newRow("4 → CHT") << 4 << PrimaryResult::NotCompleted;
        QTest::newRow("0 → CHT") << 0 << PrimaryResult::NotCompleted;
    }
    void scoreThresholds()
    {
        QFETCH(int, lowestScore);
        QFETCH(PrimaryResult, result);
        const QList<SubjectLevel> subjects(11, SubjectLevel::Good);
        const QList<TraitLevel> traits(15, TraitLevel::Good);
        QCOMPARE(tt27::yearEndResult(subjects, traits, {10, 10, 10, 10, 10, lowestScore}), result);
    }

    void levelsDecide()
    {
        const QList<int> tens {10, 10};
        QList<SubjectLevel> subjects(11, SubjectLevel::Good);
        QList<TraitLevel> traits(15, TraitLevel::Good);
        QCOMPARE(tt27::yearEndResult(subjects, traits, tens), PrimaryResult::Outstanding);
        traits[3] = TraitLevel::Satisfactory;
        QCOMPARE(tt27::yearEndResult(subjects, traits, tens), PrimaryResult::Completed);
        traits[3] = TraitLevel::NeedsEffort;
        QCOMPARE(tt27::yearEndResult(subjects, traits, tens), PrimaryResult::NotCompleted);
        traits[3] = TraitLevel::Good;
        subjects[7] = SubjectLevel::Completed;
        QCOMPARE(tt27::yearEndResult(subjects, traits, tens), PrimaryResult::Completed);
        subjects[7] = SubjectLevel::NotCompleted;
        QCOMPARE(tt27::yearEndResult(subjects, traits, tens), PrimaryResult::NotCompleted);
    }

    void awardsAndCompletion()
    {
        QCOMPARE(tt27::award(PrimaryResult::Outstanding, false), PrimaryAward::Outstanding);
        QCOMPARE(tt27::award(PrimaryResult::Good, false), PrimaryAward::None);
        QCOMPARE(tt27::award(PrimaryResult::Good, true), PrimaryAward::Exemplary);
        QCOMPARE(tt27::award(PrimaryResult::Completed, true), PrimaryAward::None);
        QVERIFY(tt27::completesGrade(PrimaryResult::Completed));
        QVERIFY(!tt27::completesGrade(PrimaryResult::NotCompleted));
    }

    void testSubjectsPerGrade_data()
    {
        QTest::addColumn<int>("grade");
        QTest::addColumn<QStringList>("tested");
        const QStringList lower {QStringLiteral("tieng_viet"), QStringLiteral("toan")};
        const QStringList three = lower
            + QStringList {QStringLiteral("ngoai_ngu_1"), QStringLiteral("tin_hoc"), QStringLiteral("cong_nghe")};
        const QStringList upper = three + QStringList {QStringLiteral("khoa_hoc"), QStringLiteral("lich_su_dia_li")};
        QTest::newRow("1") << 1 << lower;
        QTest::newRow("2") << 2 << lower;
        QTest::newRow("3") << 3 << three;
        QTest::newRow("4") << 4 << upper;
        QTest::newRow("5") << 5 << upper;
    }
    void testSubjectsPerGrade()
    {
        QFETCH(int, grade);
        QFETCH(QStringList, tested);
        QStringList actual;
        for (const CurriculumSubject& c : curriculumOfGrade(grade))
            if (c.yearEndTest)
                actual << c.code;
        actual.sort();
        tested.sort();
        QCOMPARE(actual, tested);
    }

    void completeInputEvaluates()
    {
        const auto out = evaluate(completePrimary(5, 9));
        QVERIFY(out.has_value());
        QCOMPARE(out->ruleSetId, QStringLiteral("TT27/2020@v1"));
        QVERIFY(out->findings.isEmpty());
        QCOMPARE(out->primaryOutcome.result, PrimaryResult::Outstanding);
        QCOMPARE(out->primaryOutcome.completedPrimary, true);
        QVERIFY(out->rulesApplied.contains(QStringLiteral("tt27.art7.khoa_hoc_has_test")));
    }

    void lintFindings_data()
    {
        QTest::addColumn<QString>("subjectCode");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("score");
        QTest::addColumn<QString>("expectedFinding");
        QTest::addColumn<bool>("resultComputed");
        QTest::newRow("decimal test score") << "toan"
                                            << "T"
                                            << "8.5"
                                            << "error:score.not_integer@subjects.toan.score" << false;
        QTest::newRow("score 11") << "toan"
                                  << "T"
                                  << "11"
                                  << "error:score.out_of_range@subjects.toan.score" << false;
        QTest::newRow("score 0 is a warning") << "toan"
                                              << "C"
                                              << "0"
                                              << "warning:score.zero@subjects.toan.score" << true;
        QTest::newRow("missing score") << "khoa_hoc"
                                       << "T"
                                       << ""
                                       << "error:assessment.missing@subjects.khoa_hoc.score" << false;
        QTest::newRow("missing level") << "gdtc"
                                       << ""
                                       << ""
                                       << "error:assessment.missing@subjects.gdtc.level" << false;
        QTest::newRow("invalid level") << "gdtc"
                                       << "X"
                                       << ""
                                       << "error:level.invalid@subjects.gdtc.level" << false;
        QTest::newRow("C with 5") << "toan"
                                  << "C"
                                  << "5"
                                  << "warning:level.score_mismatch@subjects.toan.level" << true;
        QTest::newRow("T with 4") << "toan"
                                  << "T"
                                  << "4"
                                  << "warning:level.score_mismatch@subjects.toan.level" << true;
        QTest::newRow("H with 4") << "toan"
                                  << "H"
                                  << "4"
                                  << "warning:level.score_mismatch@subjects.toan.level" << true;
        QTest::newRow("score on untested subject") << "dao_duc"
                                                   << "T"
                                                   << "9"
                                                   << "warning:score.not_tested@subjects.dao_duc.score" << true;
        QTest::newRow("tnxh not in grade 4") << "tnxh"
                                             << "T"
                                             << ""
                                             << "error:subject.unknown@subjects.tnxh" << true;
    }
    void lintFindings()
    {
        QFETCH(QString, subjectCode);
        QFETCH(QString, level);
        QFETCH(QString, score);
        QFETCH(QString, expectedFinding);
        QFETCH(bool, resultComputed);
        StudentYearInput in = completePrimary(4, 9);
        SubjectEntry& s = subject(in, subjectCode);
        s.level = level;
        s.score = score;
        const StudentYearInput before = in;
        const auto out = evaluate(in);
        QVERIFY(out.has_value());
        QVERIFY2(codes(out->findings).contains(expectedFinding), qPrintable(codes(out->findings).join(u' ')));
        QCOMPARE(out->primaryOutcome.result.has_value(), resultComputed);
        QCOMPARE(lintStudentYear(in), out->findings);
        QCOMPARE(in, before); // lint never changes data
    }

    /** Tin học and Công nghệ are two subjects of grades 3–5, each required with its test; data with the merged
     * subject of before the split still evaluate as they did, and mixing both is refused. */
    void informaticsAndTechnologyAreTwoRows()
    {
        for (int grade : {3, 4, 5}) {
            QVERIFY(findSubject(grade, QStringLiteral("tin_hoc")));
            QVERIFY(findSubject(grade, QStringLiteral("cong_nghe")));
            QVERIFY(!findSubject(grade, QString::fromLatin1(kMergedInformaticsTechnology)));
        }
        QVERIFY(!findSubject(2, QStringLiteral("tin_hoc")));

        StudentYearInput split = completePrimary(4, 9);
        QVERIFY(split.subjectCodes().contains(QStringLiteral("tin_hoc")));
        QVERIFY(split.subjectCodes().contains(QStringLiteral("cong_nghe")));
        auto out = evaluate(split);
        QVERIFY(out && out->findings.isEmpty());
        QCOMPARE(out->primaryOutcome.result, PrimaryResult::Outstanding);
        subject(split, QStringLiteral("cong_nghe")).score = QStringLiteral("4");
        out = evaluate(split);
        QCOMPARE(out->primaryOutcome.result, PrimaryResult::NotCompleted);
        split.subjects.removeIf([](const SubjectEntry& e) { return e.code == QLatin1String("cong_nghe"); });
        out = evaluate(split);
        QVERIFY(codes(out->findings).contains(QStringLiteral("error:subject.missing@subjects.cong_nghe")));
        QVERIFY(!out->primaryOutcome.result);

        // Before the split: one merged subject in place of the two.
        StudentYearInput merged = completePrimary(4, 9);
        merged.subjects.removeIf([](const SubjectEntry& e) { return e.code == QLatin1String("cong_nghe"); });
        subject(merged, QStringLiteral("tin_hoc")).code = QString::fromLatin1(kMergedInformaticsTechnology);
        QVERIFY(usesMergedInformaticsTechnology(4, merged.subjectCodes()));
        out = evaluate(merged);
        QVERIFY2(out && out->findings.isEmpty(), qPrintable(codes(out->findings).join(u' ')));
        QCOMPARE(out->primaryOutcome.result, PrimaryResult::Outstanding);
        subject(merged, QString::fromLatin1(kMergedInformaticsTechnology)).score = QStringLiteral("4");
        QCOMPARE(evaluate(merged)->primaryOutcome.result, PrimaryResult::NotCompleted);
        const QList<CurriculumSubject>& old = curriculumFor(4, merged.subjectCodes());
        QCOMPARE(old.size(), curriculumOfGrade(4).size() - 1);

        // Both forms at once: the merged one is not a subject of the grade any more.
        StudentYearInput both = completePrimary(4, 9);
        subject(both, QString::fromLatin1(kMergedInformaticsTechnology)).level = QStringLiteral("T");
        QVERIFY(!usesMergedInformaticsTechnology(4, both.subjectCodes()));
        QVERIFY(codes(evaluate(both)->findings)
                    .contains(QStringLiteral("error:subject.unknown@subjects.tin_hoc_cong_nghe")));
    }

    void missingRequiredSubjectBlocksResult()
    {
        StudentYearInput in = completePrimary(3, 9);
        in.subjects.removeIf([](const SubjectEntry& s) { return s.code == QLatin1String("hdtn"); });
        const auto out = evaluate(in);
        QVERIFY(codes(out->findings).contains(QStringLiteral("error:subject.missing@subjects.hdtn")));
        QVERIFY(!out->primaryOutcome.result);
        QVERIFY(!out->primaryOutcome.award);
    }

    void traitsMustBeComplete()
    {
        StudentYearInput in = completePrimary(2, 9);
        in.qualities.remove(QStringLiteral("nhan_ai"));
        in.competencies.insert(QStringLiteral("bay"), QStringLiteral("T"));
        in.competencies[QStringLiteral("tham_mi")] = QStringLiteral("Đ"); // Vietnamese letter accepted
        const auto out = evaluate(in);
        const QStringList c = codes(out->findings);
        QVERIFY(c.contains(QStringLiteral("error:assessment.missing@qualities.nhan_ai")));
        QVERIFY(c.contains(QStringLiteral("error:trait.unknown@competencies.bay")));
        QCOMPARE(c.size(), 2);
        QVERIFY(!out->primaryOutcome.result);
    }

    void commentsAreLinted()
    {
        StudentYearInput in = completePrimary(1, 10);
        subject(in, QStringLiteral("toan")).comment = QStringLiteral("  ");
        subject(in, QStringLiteral("tieng_viet")).comment
            = QStringLiteral("Em đọc to, rõ ràng hơn bạn Trần Minh Khôi.");
        subject(in, QStringLiteral("gdtc")).comment = QStringLiteral("Em tích cực tham gia các hoạt động.");
        LintContext context;
        context.classmates = {QStringLiteral("Trần Minh Khôi"), QStringLiteral("Lê Thu Hà"), QStringLiteral("An")};
        const QStringList c = codes(lintStudentYear(in, context));
        QVERIFY(c.contains(QStringLiteral("warning:comment.empty@subjects.toan.comment")));
        QVERIFY(c.contains(QStringLiteral("error:comment.names_classmate@subjects.tieng_viet.comment")));
        QCOMPARE(c.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTt27Rules)
#include "TestTt27Rules.moc"

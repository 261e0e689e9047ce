// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/People.h"
#include "domain/PersonalId.h"
#include "util/Text.h"

#include <QRegularExpression>
#include <QTest>

using namespace hocba;
using namespace hocba::demo;

namespace {

QString fingerprint(const Student& s)
{
    return QStringList {s.fullName,
                        toCode(s.gender),
                        s.birthDate.toString(Qt::ISODate),
                        s.ethnicity,
                        s.nationality,
                        s.birthplace,
                        s.hometown,
                        s.address,
                        s.fatherName,
                        s.fatherOccupation,
                        s.motherName,
                        s.motherOccupation,
                        s.guardianName,
                        s.guardianOccupation,
                        s.policyGroup,
                        s.personalId,
                        s.moetCode,
                        s.registrationNumber,
                        s.enrolmentDate.toString(Qt::ISODate),
                        s.transferDate.toString(Qt::ISODate),
                        s.transferFrom}
        .join(u'|');
}

QStringList codesOf(const Findings& findings)
{
    QStringList codes;
    for (const Finding& f : findings)
        codes << f.code;
    return codes;
}

int wordCount(const QString& name)
{
    return static_cast<int>(name.split(u' ', Qt::SkipEmptyParts).size());
}

/** A school-sized sample: grades 1–9 in turn, as a 10,000-pupil district would have them. */
QList<GeneratedStudent> sample(std::uint64_t seed, int count, PeopleOptions options = {})
{
    PeopleGenerator gen(seed, options);
    QList<GeneratedStudent> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out << gen.student(1 + i % 9, SchoolYear {2025});
    return out;
}

} // namespace

class TestPeople : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rngIsTheStandardEngine()
    {
        // The standard fixes mt19937_64's 10000th output for the default seed; this is what makes seeds portable.
        Rng rng(5489u);
        std::uint64_t v = 0;
        for (int i = 0; i < 10000; ++i)
            v = rng.next();
        QCOMPARE(v, std::uint64_t(9981545732273789042ull));
    }

    void rngRanges()
    {
        Rng rng(7);
        QList<int> counts(6, 0);
        for (int i = 0; i < 60000; ++i) {
            const int v = rng.uniform(-2, 3);
            QVERIFY(v >= -2 && v <= 3);
            ++counts[v + 2];
        }
        for (int c : counts)
            QVERIFY2(c > 9400 && c < 10600, qPrintable(QString::number(c)));
        QCOMPARE(rng.uniform(4, 4), 4);
        QCOMPARE(rng.uniform(5, 1), 5);
        QVERIFY(rng.uniform(INT_MIN, INT_MAX) >= INT_MIN); // full range does not overflow
        for (int i = 0; i < 1000; ++i) {
            const double u = rng.unit();
            QVERIFY(u >= 0.0 && u < 1.0);
            QVERIFY(!rng.chance(0.0));
            QVERIFY(rng.chance(1.0));
        }
        const std::array<int, 4> weights {0, 3, 0, 1};
        int ones = 0;
        for (int i = 0; i < 4000; ++i) {
            const std::size_t k = rng.weightedIndex(weights);
            QVERIFY(k == 1 || k == 3);
            ones += k == 1 ? 1 : 0;
        }
        QVERIFY(ones > 2800 && ones < 3200);
    }

    void deterministic()
    {
        Rng a(2025), b(2025), c(2026);
        int differing = 0;
        for (int i = 0; i < 300; ++i) {
            const int grade = 1 + i % 9;
            const QString fa = fingerprint(makeStudent(a, grade, SchoolYear {2025}));
            QCOMPARE(fa, fingerprint(makeStudent(b, grade, SchoolYear {2025})));
            differing += fa != fingerprint(makeStudent(c, grade, SchoolYear {2025})) ? 1 : 0;
        }
        QCOMPARE(differing, 300);

        const QList<GeneratedStudent> x = sample(9, 500), y = sample(9, 500);
        for (qsizetype i = 0; i < x.size(); ++i)
            QCOMPARE(fingerprint(x[i].student), fingerprint(y[i].student));

        Rng ta(3), tb(3);
        for (int i = 0; i < 50; ++i) {
            const Teacher t = makeTeacher(ta, SchoolLevel::Thcs), u = makeTeacher(tb, SchoolLevel::Thcs);
            QCOMPARE(t.fullName, u.fullName);
            QCOMPARE(t.birthDate, u.birthDate);
            QCOMPARE(t.phone, u.phone);
            QCOMPARE(t.subjects, u.subjects);
        }
    }

    void personalIdsPassTheCheckUnlessSpoiled()
    {
        const QList<GeneratedStudent> students = sample(1, 10000);
        QHash<IdFlaw, int> flaws;
        QSet<QString> ids;
        for (const GeneratedStudent& g : students) {
            const Student& s = g.student;
            ++flaws[g.idFlaw];
            const QStringList codes = codesOf(personal_id::check(s.personalId, s.birthDate, s.gender));
            const QString where = fingerprint(s);
            switch (g.idFlaw) {
            case IdFlaw::None:
                QVERIFY2(codes.isEmpty(), qPrintable(where + u' ' + codes.join(u',')));
                QVERIFY2(!ids.contains(s.personalId), qPrintable(where));
                ids.insert(s.personalId);
                break;
            case IdFlaw::Missing:
                QCOMPARE(codes, QStringList {QStringLiteral("pid.empty")});
                break;
            case IdFlaw::GenderDigit:
                QCOMPARE(codes, QStringList {QStringLiteral("pid.gender_mismatch")});
                break;
            case IdFlaw::YearDigits:
                QCOMPARE(codes, QStringList {QStringLiteral("pid.century_year_mismatch")});
                break;
            case IdFlaw::DigitDropped:
                QCOMPARE(codes, QStringList {QStringLiteral("pid.format")});
                QCOMPARE(s.personalId.size(), 11);
                break;
            case IdFlaw::TransposedCode:
                QVERIFY2(codes.contains(QStringLiteral("pid.unknown_code")), qPrintable(where));
                break;
            }
        }
        // 1 % each by default: about 100 of 10,000.
        const int wrong = 10000 - flaws[IdFlaw::None] - flaws[IdFlaw::Missing];
        QVERIFY2(wrong >= 60 && wrong <= 150, qPrintable(QString::number(wrong)));
        QVERIFY2(flaws[IdFlaw::Missing] >= 60 && flaws[IdFlaw::Missing] <= 150,
                 qPrintable(QString::number(flaws[IdFlaw::Missing])));
        for (IdFlaw f : {IdFlaw::GenderDigit, IdFlaw::YearDigits, IdFlaw::DigitDropped, IdFlaw::TransposedCode})
            QVERIFY(flaws[f] > 0);

        // Rates are options: none spoiled and none missing gives 10,000 valid numbers.
        PeopleOptions clean;
        clean.wrongIdShare = 0;
        clean.missingIdShare = 0;
        for (const GeneratedStudent& g : sample(2, 2000, clean)) {
            QCOMPARE(g.idFlaw, IdFlaw::None);
            QVERIFY(personal_id::check(g.student.personalId, g.student.birthDate, g.student.gender).isEmpty());
        }
    }

    void registrationCodesFollowTheSchoolsProvince()
    {
        PeopleOptions hcm;
        hcm.provinceCode = 79;
        int local = 0, abroad = 0, valid = 0;
        for (const GeneratedStudent& g : sample(4, 5000, hcm)) {
            if (g.idFlaw != IdFlaw::None)
                continue;
            ++valid;
            const int code = g.student.personalId.left(3).toInt();
            local += code == 79 ? 1 : 0;
            abroad += code > 100 ? 1 : 0;
            QVERIFY(g.student.moetCode.startsWith(QStringLiteral("79")));
            QVERIFY(g.student.address.endsWith(QStringLiteral("thành phố Hồ Chí Minh")));
        }
        QVERIFY2(local > valid * 80 / 100 && local < valid * 90 / 100, qPrintable(QString::number(local)));
        QVERIFY(abroad < valid / 100);
    }

    void distributions()
    {
        const QList<GeneratedStudent> students = sample(11, 10000);
        int nguyen = 0, male = 0, kinh = 0, older = 0, fourWords = 0;
        QSet<QString> given, moet;
        QHash<QString, int> registration;
        static const QRegularExpression moetFormat(QStringLiteral("^01[0-9]{8}$"));
        static const QRegularExpression regFormat(QStringLiteral("^([1-9][0-9]*)/(20[0-9]{2})$"));
        for (qsizetype i = 0; i < students.size(); ++i) {
            const Student& s = students[i].student;
            const int grade = 1 + static_cast<int>(i % 9);
            const QString where = fingerprint(s);

            nguyen += s.fullName.startsWith(QStringLiteral("Nguyễn ")) ? 1 : 0;
            male += s.gender == Gender::Male ? 1 : 0;
            kinh += s.ethnicity == QStringLiteral("Kinh") ? 1 : 0;
            given.insert(text::givenName(s.fullName));

            const int words = wordCount(s.fullName);
            QVERIFY2(words == 3 || words == 4, qPrintable(where));
            fourWords += words == 4 ? 1 : 0;
            for (const QString& t : {s.fullName, s.birthplace, s.hometown, s.address, s.fatherName, s.motherName,
                                     s.ethnicity, s.fatherOccupation, s.motherOccupation, s.guardianName})
                QVERIFY2(text::isNfc(t) && t == text::normalized(t), qPrintable(where));

            // Born in Y − 5 − g, or a year earlier for a late start or a repeated year.
            const int expected = 2025 - 5 - grade;
            QVERIFY2(s.birthDate.year() == expected || s.birthDate.year() == expected - 1, qPrintable(where));
            older += s.birthDate.year() == expected - 1 ? 1 : 0;

            QVERIFY(s.gender != Gender::Unknown);
            QCOMPARE(s.nationality, QStringLiteral("Việt Nam"));
            QVERIFY(!s.ethnicity.isEmpty() && !s.birthplace.isEmpty() && !s.hometown.isEmpty());
            QVERIFY(!s.address.isEmpty() && !s.motherName.isEmpty() && !s.motherOccupation.isEmpty());
            QVERIFY(s.fatherName.isEmpty() || s.fullName.section(u' ', 0, 0) == s.fatherName.section(u' ', 0, 0));
            QVERIFY2(moetFormat.match(s.moetCode).hasMatch(), qPrintable(where));
            QVERIFY(!moet.contains(s.moetCode));
            moet.insert(s.moetCode);

            // Enrolled at the start of the year the pupil entered grade 1 or 6, unless transferred in later.
            const QRegularExpressionMatch m = regFormat.match(s.registrationNumber);
            QVERIFY2(m.hasMatch(), qPrintable(where));
            QCOMPARE(m.captured(2).toInt(), s.enrolmentDate.year());
            QVERIFY(!registration.contains(s.registrationNumber));
            registration.insert(s.registrationNumber, 1);
            const int entry = 2025 - (grade - (grade <= 5 ? 1 : 6));
            if (s.transferDate.isValid()) {
                QCOMPARE(s.enrolmentDate, s.transferDate);
                QVERIFY(!s.transferFrom.isEmpty());
                QVERIFY(s.transferDate.year() > entry - 1 && s.transferDate <= QDate(2026, 1, 31));
            } else {
                QCOMPARE(s.enrolmentDate.month(), 9);
                QVERIFY(s.enrolmentDate.day() <= 5);
                QVERIFY2(s.enrolmentDate.year() == entry || s.enrolmentDate.year() == entry - 1, qPrintable(where));
            }
            QVERIFY(grade >= 6 || s.policyGroup.isEmpty());
        }
        QVERIFY2(nguyen >= 3000 && nguyen <= 4500, qPrintable(QString::number(nguyen)));
        QVERIFY2(male >= 4600 && male <= 5600, qPrintable(QString::number(male)));
        QVERIFY2(kinh >= 8000 && kinh <= 9200, qPrintable(QString::number(kinh)));
        QVERIFY2(older >= 150 && older <= 500, qPrintable(QString::number(older)));
        QVERIFY2(fourWords >= 500 && fourWords <= 2000, qPrintable(QString::number(fourWords)));
        QVERIFY2(given.size() >= 60, qPrintable(QString::number(given.size())));
    }

    void teachers()
    {
        PeopleGenerator gen(5);
        int femalePrimary = 0;
        QSet<QString> subjects;
        static const QRegularExpression phone(QStringLiteral("^0[3-9][0-9]{8}$"));
        for (int i = 0; i < 400; ++i) {
            const bool primary = i < 200;
            const Teacher t = gen.teacher(primary ? SchoolLevel::Primary : SchoolLevel::Thcs);
            femalePrimary += primary && t.gender == Gender::Female ? 1 : 0;
            QVERIFY(t.birthDate.year() >= 1965 && t.birthDate.year() <= 1998);
            QCOMPARE(wordCount(t.fullName), 3);
            QVERIFY(text::isNfc(t.fullName) && text::isNfc(t.subjects));
            QVERIFY2(phone.match(t.phone).hasMatch(), qPrintable(t.phone));
            QVERIFY(!t.subjects.isEmpty());
            if (!primary)
                subjects.insert(t.subjects);
        }
        QVERIFY2(femalePrimary >= 150 && femalePrimary <= 190, qPrintable(QString::number(femalePrimary)));
        QVERIFY(subjects.contains(QStringLiteral("Toán")));
        QVERIFY(subjects.size() >= 8);
    }
};

QTEST_GUILESS_MAIN(TestPeople)
#include "TestPeople.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/PersonalId.h"
#include "util/Text.h"

#include <QTest>

using namespace hocba;

namespace {

QStringList codesOf(const Findings& findings)
{
    QStringList codes;
    for (const Finding& f : findings)
        codes << f.code;
    return codes;
}

QString pid(int code, int digit4, int yy, const char* rest = "123456")
{
    return QStringLiteral("%1%2%3").arg(code, 3, 10, QLatin1Char('0')).arg(digit4).arg(yy, 2, 10, QLatin1Char('0'))
        + QLatin1String(rest);
}

} // namespace

class TestPersonalId : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QDate>("birthDate");
        QTest::addColumn<Gender>("gender");
        QTest::addColumn<QStringList>("codes");

        const QDate d2015(2015, 3, 14);
        const QDate d1999(1999, 12, 31);
        const QStringList none;
        const auto M = Gender::Male;
        const auto F = Gender::Female;

        // Centuries and genders (§4.1 digit 4).
        QTest::newRow("1900s male 0") << pid(1, 0, 85) << QDate(1985, 1, 1) << M << none;
        QTest::newRow("1900s female 1") << pid(1, 1, 0) << QDate(1900, 6, 1) << F << none;
        QTest::newRow("2000s male 2") << pid(79, 2, 15) << d2015 << M << none;
        QTest::newRow("2000s female 3") << pid(79, 3, 0) << QDate(2000, 1, 1) << F << none;
        QTest::newRow("2100s male 4") << pid(36, 4, 1) << QDate(2101, 2, 2) << M << none;
        QTest::newRow("2100s female 5") << pid(36, 5, 99) << QDate(2199, 2, 2) << F << none;
        QTest::newRow("2200s female 7") << pid(36, 7, 5) << QDate(2205, 2, 2) << F << none;

        // Country codes: birth registered abroad.
        QTest::newRow("country 101") << pid(101, 3, 15) << d2015 << F << none;
        QTest::newRow("country 175 Hoa Kỳ") << pid(175, 2, 15) << d2015 << M << none;
        QTest::newRow("country 295") << pid(295, 2, 15) << d2015 << M << none;

        // Unknown registration codes (023 is a known mistake in one tool repo for Lào Cai).
        for (int code : {0, 3, 23, 100, 296, 999})
            QTest::addRow("unknown code %03d", code)
                << pid(code, 2, 15) << d2015 << M << QStringList {QStringLiteral("pid.unknown_code")};

        // Format: everything but 12 plain digits stops the check at the first rule.
        const QStringList format {QStringLiteral("pid.format")};
        QTest::newRow("11 digits") << QStringLiteral("00121512345") << d2015 << M << format;
        QTest::newRow("13 digits") << QStringLiteral("0012151234567") << d2015 << M << format;
        QTest::newRow("letter") << QStringLiteral("00121512345O") << d2015 << M << format;
        QTest::newRow("inner space") << QStringLiteral("001215 123456") << d2015 << M << format;
        QTest::newRow("dash") << QStringLiteral("001-215-12345") << d2015 << M << format;
        QTest::newRow("fullwidth digit") << QStringLiteral("00121512345１") << d2015 << M << format;
        QTest::newRow("arabic-indic digit") << QStringLiteral("00121512345\u0661") << d2015 << M << format;
        QTest::newRow("surrounding spaces tolerated") << QStringLiteral("  001215123456 ") << d2015 << M << none;

        // Empty: a warning only, nothing else is checked.
        const QStringList empty {QStringLiteral("pid.empty")};
        QTest::newRow("empty") << QString() << d2015 << M << empty;
        QTest::newRow("blank") << QStringLiteral("   ") << QDate() << Gender::Unknown << empty;

        // Year and century against the date of birth.
        const QStringList year {QStringLiteral("pid.century_year_mismatch")};
        QTest::newRow("born 2015, yy 16") << pid(1, 2, 16) << d2015 << M << year;
        QTest::newRow("born 2015, 1900s digit") << pid(1, 0, 15) << d2015 << M << year;
        QTest::newRow("born 1999, digit 2") << pid(1, 2, 99) << d1999 << M << year;
        QTest::newRow("born 1999, digit 0 ok") << pid(1, 0, 99) << d1999 << M << none;
        QTest::newRow("born 2015, 2100s digit") << pid(1, 4, 15) << d2015 << M << year;

        // Gender flips.
        const QStringList sex {QStringLiteral("pid.gender_mismatch")};
        QTest::newRow("male with female digit 3") << pid(1, 3, 15) << d2015 << M << sex;
        QTest::newRow("female with male digit 2") << pid(1, 2, 15) << d2015 << F << sex;
        QTest::newRow("female with male digit 0") << pid(1, 0, 99) << d1999 << F << sex;

        // Several rules at once: one finding per broken rule.
        QTest::newRow("code, year and gender")
            << pid(3, 3, 16) << d2015 << M
            << QStringList {QStringLiteral("pid.unknown_code"), QStringLiteral("pid.century_year_mismatch"),
                            QStringLiteral("pid.gender_mismatch")};

        // Missing data makes a check impossible: a warning naming it, never a crash.
        QTest::newRow("no birth date") << pid(1, 2, 15) << QDate() << M
                                       << QStringList {QStringLiteral("pid.birth_date_missing")};
        QTest::newRow("unknown gender") << pid(1, 2, 15) << d2015 << Gender::Unknown
                                        << QStringList {QStringLiteral("pid.gender_missing")};
        QTest::newRow("neither") << pid(1, 2, 15) << QDate() << Gender::Unknown
                                 << QStringList {QStringLiteral("pid.birth_date_missing"),
                                                 QStringLiteral("pid.gender_missing")};
        QTest::newRow("no birth date, bad code")
            << pid(999, 2, 15) << QDate() << M
            << QStringList {QStringLiteral("pid.unknown_code"), QStringLiteral("pid.birth_date_missing")};
    }

    void rules()
    {
        QFETCH(QString, number);
        QFETCH(QDate, birthDate);
        QFETCH(Gender, gender);
        QFETCH(QStringList, codes);

        const Findings findings = personal_id::check(number, birthDate, gender, QStringLiteral("student.pid"));
        QCOMPARE(codesOf(findings), codes);
        for (const Finding& f : findings) {
            QCOMPARE(f.field, QStringLiteral("student.pid"));
            QVERIFY(!f.message.isEmpty());
            // The number itself is personal data: a message never repeats it.
            QVERIFY(!f.message.contains(number.trimmed()) || number.trimmed().isEmpty());
            const bool warning = f.code == QLatin1String("pid.empty")
                || f.code == QLatin1String("pid.birth_date_missing") || f.code == QLatin1String("pid.gender_missing");
            QCOMPARE(f.severity, warning ? Finding::Severity::Warning : Finding::Severity::Error);
        }
    }

    void everyProvinceCodeAccepted_data()
    {
        QTest::addColumn<int>("code");
        for (int code : personal_id::provinceCodes())
            QTest::addRow("%03d", code) << code;
    }

    void everyProvinceCodeAccepted()
    {
        QFETCH(int, code);
        QVERIFY(personal_id::isKnownRegistrationCode(code));
        QVERIFY(personal_id::check(pid(code, 3, 19), QDate(2019, 9, 2), Gender::Female).isEmpty());
        QVERIFY(personal_id::check(pid(code, 0, 80), QDate(1980, 1, 2), Gender::Male).isEmpty());
        const QString name = personal_id::provinceName(code);
        QVERIFY(!name.isEmpty());
        QVERIFY(text::isNfc(name));
        QVERIFY(text::isNfc(personal_id::provinceFullName(code)));
        QVERIFY(personal_id::provinceFullName(code).endsWith(name) || code == 79);
    }

    void provinceList()
    {
        const QList<int> codes = personal_id::provinceCodes();
        QCOMPARE(codes.size(), 63);
        QVERIFY(std::is_sorted(codes.begin(), codes.end()));
        QCOMPARE(codes.front(), 1);
        QCOMPARE(codes.back(), 96);
        QVERIFY(!codes.contains(23)); // Lào Cai is 010
        QCOMPARE(personal_id::provinceName(1), QStringLiteral("Hà Nội"));
        QCOMPARE(personal_id::provinceName(10), QStringLiteral("Lào Cai"));
        QCOMPARE(personal_id::provinceName(96), QStringLiteral("Cà Mau"));
        QCOMPARE(personal_id::provinceFullName(1), QStringLiteral("Thành phố Hà Nội"));
        QCOMPARE(personal_id::provinceFullName(36), QStringLiteral("Tỉnh Nam Định"));
        QCOMPARE(personal_id::provinceFullName(79), QStringLiteral("Thành phố Hồ Chí Minh"));
        QVERIFY(personal_id::provinceName(175).isEmpty()); // a country, not a province
        QVERIFY(personal_id::provinceName(3).isEmpty());
        int known = 0;
        for (int c = 0; c <= 999; ++c)
            known += personal_id::isKnownRegistrationCode(c) ? 1 : 0;
        QCOMPARE(known, 63 + (295 - 101 + 1));
    }

    void centuryGenderDigit()
    {
        QCOMPARE(personal_id::centuryGenderDigit(1985, Gender::Male), 0);
        QCOMPARE(personal_id::centuryGenderDigit(1999, Gender::Female), 1);
        QCOMPARE(personal_id::centuryGenderDigit(2000, Gender::Male), 2);
        QCOMPARE(personal_id::centuryGenderDigit(2019, Gender::Female), 3);
        QCOMPARE(personal_id::centuryGenderDigit(2100, Gender::Male), 4);
        QCOMPARE(personal_id::centuryGenderDigit(2199, Gender::Female), 5);
        QCOMPARE(personal_id::centuryGenderDigit(2399, Gender::Female), 9);
        QCOMPARE(personal_id::centuryGenderDigit(2015, Gender::Unknown), -1);
        QCOMPARE(personal_id::centuryGenderDigit(1899, Gender::Male), -1);
        QCOMPARE(personal_id::centuryGenderDigit(2400, Gender::Male), -1);
    }
};

QTEST_GUILESS_MAIN(TestPersonalId)
#include "TestPersonalId.moc"

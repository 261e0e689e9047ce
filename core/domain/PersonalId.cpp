// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/PersonalId.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace hocba::personal_id {

namespace {

struct Province
{
    int code;
    const char* name; ///< UTF-8, NFC
    bool city; ///< thành phố trực thuộc trung ương
};

// Pre-2025 list (DOMAIN.md §4.2). The 34 post-2025 codes are a subset, so numbers issued under either list pass.
constexpr std::array<Province, 63> kProvinces {{
    {1, "Hà Nội", true},
    {2, "Hà Giang", false},
    {4, "Cao Bằng", false},
    {6, "Bắc Kạn", false},
    {8, "Tuyên Quang", false},
    {10, "Lào Cai", false},
    {11, "Điện Biên", false},
    {12, "Lai Châu", false},
    {14, "Sơn La", false},
    {15, "Yên Bái", false},
    {17, "Hòa Bình", false},
    {19, "Thái Nguyên", false},
    {20, "Lạng Sơn", false},
    {22, "Quảng Ninh", false},
    {24, "Bắc Giang", false},
    {25, "Phú Thọ", false},
    {26, "Vĩnh Phúc", false},
    {27, "Bắc Ninh", false},
    {30, "Hải Dương", false},
    {31, "Hải Phòng", true},
    {33, "Hưng Yên", false},
    {34, "Thái Bình", false},
    {35, "Hà Nam", false},
    {36, "Nam Định", false},
    {37, "Ninh Bình", false},
    {38, "Thanh Hóa", false},
    {40, "Nghệ An", false},
    {42, "Hà Tĩnh", false},
    {44, "Quảng Bình", false},
    {45, "Quảng Trị", false},
    {46, "Thừa Thiên Huế", false},
    {48, "Đà Nẵng", true},
    {49, "Quảng Nam", false},
    {51, "Quảng Ngãi", false},
    {52, "Bình Định", false},
    {54, "Phú Yên", false},
    {56, "Khánh Hòa", false},
    {58, "Ninh Thuận", false},
    {60, "Bình Thuận", false},
    {62, "Kon Tum", false},
    {64, "Gia Lai", false},
    {66, "Đắk Lắk", false},
    {67, "Đắk Nông", false},
    {68, "Lâm Đồng", false},
    {70, "Bình Phước", false},
    {72, "Tây Ninh", false},
    {74, "Bình Dương", false},
    {75, "Đồng Nai", false},
    {77, "Bà Rịa - Vũng Tàu", false},
    {79, "TP Hồ Chí Minh", true},
    {80, "Long An", false},
    {82, "Tiền Giang", false},
    {83, "Bến Tre", false},
    {84, "Trà Vinh", false},
    {86, "Vĩnh Long", false},
    {87, "Đồng Tháp", false},
    {89, "An Giang", false},
    {91, "Kiên Giang", false},
    {92, "Cần Thơ", true},
    {93, "Hậu Giang", false},
    {94, "Sóc Trăng", false},
    {95, "Bạc Liêu", false},
    {96, "Cà Mau", false},
}};

constexpr int kFirstCountryCode = 101;
constexpr int kLastCountryCode = 295;

const Province* findProvince(int code)
{
    const auto it = std::lower_bound(kProvinces.begin(), kProvinces.end(), code,
                                     [](const Province& p, int c) { return p.code < c; });
    return it != kProvinces.end() && it->code == code ? &*it : nullptr;
}

Finding finding(Finding::Severity severity, const char* code, const QString& field, const QString& message)
{
    return Finding {severity, QString::fromLatin1(code), field, message};
}

bool isAsciiDigits(QStringView s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

Findings check(const QString& number, QDate birthDate, Gender gender, const QString& field)
{
    using S = Finding::Severity;
    Findings out;
    // Surrounding blanks are an artefact of copy and paste, not a different number; inner ones are not tolerated.
    const QString pid = number.trimmed();
    if (pid.isEmpty()) {
        out << finding(
            S::Warning, "pid.empty", field,
            QCoreApplication::translate("hocba::personal_id", "The personal ID number has not been entered yet."));
        return out;
    }
    // Without 12 plain digits the positions below mean nothing, so no further rule is checked.
    if (pid.size() != 12 || !isAsciiDigits(pid)) {
        out << finding(S::Error, "pid.format", field,
                       QCoreApplication::translate(
                           "hocba::personal_id",
                           "The personal ID number must have exactly 12 digits (0–9), without spaces or letters."));
        return out;
    }

    const int code = QStringView(pid).left(3).toInt();
    const int g = pid.at(3).digitValue();
    const int yy = QStringView(pid).mid(4, 2).toInt();

    if (!isKnownRegistrationCode(code))
        out << finding(S::Error, "pid.unknown_code", field,
                       QCoreApplication::translate(
                           "hocba::personal_id",
                           "The first 3 digits of the personal ID number (%1) are not the code of a province or of a "
                           "country where a birth is registered.")
                           .arg(pid.left(3)));

    const int idYear = 1900 + 100 * (g / 2) + yy;
    if (!birthDate.isValid())
        out << finding(S::Warning, "pid.birth_date_missing", field,
                       QCoreApplication::translate(
                           "hocba::personal_id",
                           "The date of birth is missing, so the birth year in the personal ID number cannot be "
                           "checked."));
    else if (idYear != birthDate.year())
        out << finding(S::Error, "pid.century_year_mismatch", field,
                       QCoreApplication::translate(
                           "hocba::personal_id",
                           "Digits 4 to 6 of the personal ID number stand for birth year %1, but the date of birth "
                           "is in %2.")
                           .arg(idYear)
                           .arg(birthDate.year()));

    const bool idMale = g % 2 == 0;
    if (gender == Gender::Unknown)
        out << finding(S::Warning, "pid.gender_missing", field,
                       QCoreApplication::translate(
                           "hocba::personal_id",
                           "The gender is not entered, so the gender digit of the personal ID number cannot be "
                           "checked."));
    else if (idMale != (gender == Gender::Male))
        out << finding(S::Error, "pid.gender_mismatch", field,
                       idMale ? QCoreApplication::translate(
                           "hocba::personal_id",
                           "The 4th digit of the personal ID number is for a male, but the gender entered is "
                           "female.")
                              : QCoreApplication::translate(
                                  "hocba::personal_id",
                                  "The 4th digit of the personal ID number is for a female, but the gender entered "
                                  "is male."));
    return out;
}

bool isKnownRegistrationCode(int code)
{
    return findProvince(code) != nullptr || (code >= kFirstCountryCode && code <= kLastCountryCode);
}

QString provinceName(int code)
{
    const Province* p = findProvince(code);
    return p ? QString::fromUtf8(p->name) : QString();
}

QString provinceFullName(int code)
{
    const Province* p = findProvince(code);
    if (!p)
        return {};
    if (code == 79)
        return QStringLiteral("Thành phố Hồ Chí Minh");
    return (p->city ? QStringLiteral("Thành phố ") : QStringLiteral("Tỉnh ")) + QString::fromUtf8(p->name);
}

QList<int> provinceCodes()
{
    QList<int> codes;
    codes.reserve(qsizetype(kProvinces.size()));
    for (const Province& p : kProvinces)
        codes << p.code;
    return codes;
}

int centuryGenderDigit(int birthYear, Gender gender)
{
    if (gender == Gender::Unknown || birthYear < 1900 || birthYear > 2399)
        return -1;
    return (birthYear / 100 - 19) * 2 + (gender == Gender::Female ? 1 : 0);
}

} // namespace hocba::personal_id

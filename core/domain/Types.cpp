// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Types.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace hocba {

namespace {

template <class E, std::size_t N> QString codeOf(const std::array<std::pair<E, const char*>, N>& table, E v)
{
    for (const auto& [e, code] : table)
        if (e == v)
            return QString::fromLatin1(code);
    return {};
}

template <class E, std::size_t N>
std::optional<E> fromCodeIn(const std::array<std::pair<E, const char*>, N>& table, const QString& code)
{
    for (const auto& [e, c] : table)
        if (code == QLatin1String(c))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<SchoolLevel, const char*>, 2> kLevels {{
    {SchoolLevel::Primary, "primary"},
    {SchoolLevel::Thcs, "thcs"},
}};
constexpr std::array<std::pair<Gender, const char*>, 3> kGenders {{
    {Gender::Unknown, "unknown"},
    {Gender::Male, "male"},
    {Gender::Female, "female"},
}};
constexpr std::array<std::pair<Circular, const char*>, 2> kCirculars {{
    {Circular::TT27, "TT27"},
    {Circular::TT22, "TT22"},
}};
constexpr std::array<std::pair<SectionState, const char*>, 7> kStates {{
    {SectionState::Draft, "draft"},
    {SectionState::Ready, "ready"},
    {SectionState::Signed, "signed"},
    {SectionState::Submitted, "submitted"},
    {SectionState::Locked, "locked"},
    {SectionState::Revoked, "revoked"},
    {SectionState::Superseded, "superseded"},
}};
constexpr std::array<std::pair<SectionSource, const char*>, 2> kSources {{
    {SectionSource::Digital, "digital"},
    {SectionSource::Paper, "paper"},
}};
constexpr std::array<std::pair<Role, const char*>, 5> kRoles {{
    {Role::Admin, "admin"},
    {Role::Principal, "principal"},
    {Role::Homeroom, "homeroom"},
    {Role::SubjectTeacher, "subject_teacher"},
    {Role::Clerk, "clerk"},
}};

} // namespace

QString toCode(SchoolLevel v)
{
    return codeOf(kLevels, v);
}
QString toCode(Gender v)
{
    return codeOf(kGenders, v);
}
QString toCode(Circular v)
{
    return codeOf(kCirculars, v);
}
QString toCode(SectionState v)
{
    return codeOf(kStates, v);
}
QString toCode(SectionSource v)
{
    return codeOf(kSources, v);
}
QString toCode(Role v)
{
    return codeOf(kRoles, v);
}
std::optional<SchoolLevel> schoolLevelFromCode(const QString& c)
{
    return fromCodeIn(kLevels, c);
}
std::optional<Gender> genderFromCode(const QString& c)
{
    return fromCodeIn(kGenders, c);
}
std::optional<Circular> circularFromCode(const QString& c)
{
    return fromCodeIn(kCirculars, c);
}
std::optional<SectionState> sectionStateFromCode(const QString& c)
{
    return fromCodeIn(kStates, c);
}
std::optional<SectionSource> sectionSourceFromCode(const QString& c)
{
    return fromCodeIn(kSources, c);
}
std::optional<Role> roleFromCode(const QString& c)
{
    return fromCodeIn(kRoles, c);
}

QString displayName(SchoolLevel v)
{
    switch (v) {
    case SchoolLevel::Primary:
        return QCoreApplication::translate("hocba::Types", "Primary");
    case SchoolLevel::Thcs:
        return QCoreApplication::translate("hocba::Types", "Lower secondary");
    }
    return {};
}

QString displayName(Gender v)
{
    switch (v) {
    case Gender::Unknown:
        return QCoreApplication::translate("hocba::Types", "Not stated");
    case Gender::Male:
        return QCoreApplication::translate("hocba::Types", "Male");
    case Gender::Female:
        return QCoreApplication::translate("hocba::Types", "Female");
    }
    return {};
}

QString displayName(SectionState v)
{
    switch (v) {
    case SectionState::Draft:
        return QCoreApplication::translate("hocba::Types", "Draft");
    case SectionState::Ready:
        return QCoreApplication::translate("hocba::Types", "Confirmed");
    case SectionState::Signed:
        return QCoreApplication::translate("hocba::Types", "Signed");
    case SectionState::Submitted:
        return QCoreApplication::translate("hocba::Types", "Submitted");
    case SectionState::Locked:
        return QCoreApplication::translate("hocba::Types", "Locked");
    case SectionState::Revoked:
        return QCoreApplication::translate("hocba::Types", "Revoked");
    case SectionState::Superseded:
        return QCoreApplication::translate("hocba::Types", "Replaced");
    }
    return {};
}

QString displayName(Role v)
{
    switch (v) {
    case Role::Admin:
        return QCoreApplication::translate("hocba::Types", "School IT administrator");
    case Role::Principal:
        return QCoreApplication::translate("hocba::Types", "Principal");
    case Role::Homeroom:
        return QCoreApplication::translate("hocba::Types", "Homeroom teacher");
    case Role::SubjectTeacher:
        return QCoreApplication::translate("hocba::Types", "Subject teacher");
    case Role::Clerk:
        return QCoreApplication::translate("hocba::Types", "Clerk");
    }
    return {};
}

std::optional<SchoolLevel> levelOfGrade(int grade)
{
    if (grade >= 1 && grade <= 5)
        return SchoolLevel::Primary;
    if (grade >= 6 && grade <= 9)
        return SchoolLevel::Thcs;
    return std::nullopt;
}

std::optional<Circular> circularOfGrade(int grade)
{
    const auto level = levelOfGrade(grade);
    if (!level)
        return std::nullopt;
    return *level == SchoolLevel::Primary ? Circular::TT27 : Circular::TT22;
}

QString SchoolYear::toString() const
{
    return QStringLiteral("%1-%2").arg(startYear).arg(startYear + 1);
}

std::optional<SchoolYear> SchoolYear::fromString(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{4})\\s*-\\s*(\\d{4})\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int a = m.captured(1).toInt();
    const int b = m.captured(2).toInt();
    if (b != a + 1)
        return std::nullopt;
    return SchoolYear {a};
}

SchoolYear SchoolYear::containing(QDate date)
{
    return SchoolYear {date.month() >= 8 ? date.year() : date.year() - 1};
}

SchoolYear SchoolYear::latestEnded(QDate today)
{
    // Classes end by 31 May; a year whose second calendar year has reached June has ended.
    return SchoolYear {today.month() >= 6 ? today.year() - 1 : today.year() - 2};
}

} // namespace hocba

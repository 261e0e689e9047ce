// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace hocba {

/** Cấp học. */
enum class SchoolLevel { Primary, Thcs };

enum class Gender { Unknown, Male, Female };

/** The assessment circular a year section is evaluated under. */
enum class Circular { TT27, TT22 };

/** Record states (ARCHITECTURE.md §3). */
enum class SectionState { Draft, Ready, Signed, Submitted, Locked, Revoked, Superseded };

/** Where a year section comes from: entered in this program, or copied from the paper book (never signed). */
enum class SectionSource { Digital, Paper };

enum class Role { Admin, Principal, Homeroom, SubjectTeacher, Clerk };

QString toCode(SchoolLevel v); // "primary" | "thcs"
QString toCode(Gender v); // "unknown" | "male" | "female"
QString toCode(Circular v); // "TT27" | "TT22"
QString toCode(SectionState v); // "draft" | "ready" | "signed" | "submitted" | "locked" | "revoked" | "superseded"
QString toCode(SectionSource v); // "digital" | "paper"
QString toCode(Role v); // "admin" | "principal" | "homeroom" | "subject_teacher" | "clerk"
std::optional<SchoolLevel> schoolLevelFromCode(const QString& code);
std::optional<Gender> genderFromCode(const QString& code);
std::optional<Circular> circularFromCode(const QString& code);
std::optional<SectionState> sectionStateFromCode(const QString& code);
std::optional<SectionSource> sectionSourceFromCode(const QString& code);
std::optional<Role> roleFromCode(const QString& code);

/** Translated display names (Vietnamese by default). */
QString displayName(SchoolLevel v);
QString displayName(Gender v);
QString displayName(SectionState v);
QString displayName(Role v);

/** The level a grade belongs to: 1–5 primary, 6–9 THCS. */
std::optional<SchoolLevel> levelOfGrade(int grade);
/** The circular that governs a grade: TT27 for 1–5, TT22 for 6–9 (which years it covers is the rules' call). */
std::optional<Circular> circularOfGrade(int grade);

/** A school year named by the calendar year it starts in: 2025 → "2025-2026". */
struct SchoolYear
{
    int startYear = 0;

    QString toString() const;
    static std::optional<SchoolYear> fromString(const QString& text); ///< "2025-2026" (or "2025 - 2026")
    /** The school year a date falls in; a new year starts on 1 August (after the 15/8 window closes it). */
    static SchoolYear containing(QDate date);
    /** The latest school year that has ended by `today` (ended = after 31 May of its second calendar year). */
    static SchoolYear latestEnded(QDate today);
    friend auto operator<=>(const SchoolYear&, const SchoolYear&) = default;
};

using Id = qint64;

struct School
{
    Id id = 0;
    QString moetCode; ///< mã trường
    QString name;
    QString province;
    QString commune;
    QString address;
    QString principalName;
    bool hasPrimary = false;
    bool hasThcs = false;
};

struct Teacher
{
    Id id = 0;
    QString fullName;
    Gender gender = Gender::Unknown;
    QDate birthDate;
    QString phone;
    QString subjects; ///< free text, e.g. "Toán, Tin học"
};

struct ClassGroup
{
    Id id = 0;
    SchoolYear schoolYear;
    int grade = 0;
    QString name; ///< "1A1", "9A5"
    std::optional<Id> homeroomTeacherId;
};

struct Student
{
    Id id = 0;
    QString fullName;
    Gender gender = Gender::Unknown;
    QDate birthDate;
    QString ethnicity; ///< dân tộc
    QString nationality; ///< quốc tịch
    QString birthplace; ///< nơi sinh
    QString hometown; ///< quê quán
    QString address; ///< nơi ở hiện nay
    QString fatherName;
    QString fatherOccupation;
    QString motherName;
    QString motherOccupation;
    QString guardianName;
    QString guardianOccupation;
    QString policyGroup; ///< đối tượng chính sách (THCS form)
    QString personalId; ///< số định danh cá nhân (12 digits)
    QString moetCode; ///< mã học sinh (Bộ GD&ĐT), stored as text
    QString registrationNumber; ///< số đăng bộ
    QDate enrolmentDate; ///< ngày nhập học
    QDate transferDate; ///< ngày chuyển đến (if transferred in)
    QString transferFrom; ///< school transferred from
};

/** Học bạ: one per student per level; the lookup code is made once and never changes. */
struct Record
{
    Id id = 0;
    Id studentId = 0;
    SchoolLevel level = SchoolLevel::Primary;
    QString lookupCode; ///< 32 lowercase hex (UUIDv4 without hyphens)
    QDateTime openedAt;
};

/** One school year of a record; what gets signed, uploaded and locked. */
struct YearSection
{
    Id id = 0;
    Id recordId = 0;
    SchoolYear schoolYear;
    int grade = 0;
    std::optional<Id> classId;
    std::optional<Id> homeroomTeacherId;
    Circular circular = Circular::TT27;
    SectionState state = SectionState::Draft;
    SectionSource source = SectionSource::Digital;
    int version = 1;
    std::optional<Id> replacesId;
    bool awaitingAdditionalAssessment = false; ///< primary: đánh giá bổ sung, August window
};

/**
 * One stored assessment input of a year section, in a shape that holds both circulars (DOMAIN.md §1–2).
 * subject: a subject code ("toan"), a quality "q.<code>" or competency "c.<code>", or "" for the whole section.
 * term:    TT22 "hk1" | "hk2" | "year"; TT27 "gk1" | "ck1" | "gk2" | "cn"; "" where none applies.
 * item:    "regular" | "midterm" | "final" | "level" | "score" | "comment" | "retest" | "conduct" | "absences" |
 *          "periods" | "assessment" | … (the rules component owns the vocabulary).
 * seq:     the n-th value of a repeated item (regular assessments), else 0.
 * value:   text as entered, e.g. "7.5", "T", "D", a comment.
 */
struct Assessment
{
    QString subject;
    QString term;
    QString item;
    int seq = 0;
    QString value;
    friend bool operator==(const Assessment&, const Assessment&) = default;
};

struct User
{
    Id id = 0;
    QString login;
    QString fullName;
    Role role = Role::Clerk;
    std::optional<Id> teacherId;
};

} // namespace hocba

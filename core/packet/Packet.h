// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/EvaluationOutput.h"
#include "domain/StudentYearInput.h"
#include "domain/Types.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hocba::packet {

/** One row of the record's "Quá trình học tập" (study history) table. */
struct StudyHistoryEntry
{
    SchoolYear schoolYear;
    int grade = 0;
    QString className;
    QString schoolName; ///< the school (and province, for THCS) where the year was studied
    QString registrationNumber; ///< số đăng bộ
    QDate enrolmentDate; ///< ngày nhập học / chuyển đến
    friend bool operator==(const StudyHistoryEntry&, const StudyHistoryEntry&) = default;
};

/**
 * The visible appearance of a digital signature on a year's pages (issue 13): what the renderer draws in the
 * principal's block of a signed section, taken from the signing certificate and the signing time just before the
 * section is rendered and signed, so it lies inside the signed bytes. Verification checks that it equals the
 * signature's own certificate and time.
 */
struct SignatureAppearance
{
    QString holderName; ///< the certificate subject's common name
    QString role; ///< "Hiệu trưởng", "Phó Hiệu trưởng" (the role the signer signed in)
    QString issuer; ///< the issuer's common name (or organisation)
    QDateTime signedAt; ///< UTC, whole seconds; equals the signature's signing time
    friend bool operator==(const SignatureAppearance&, const SignatureAppearance&) = default;
};

/**
 * One packet = one year section of one record, plus the record's identity (ARCHITECTURE.md §5, DOMAIN.md §5.1).
 * It is what gets signed, uploaded, verified — and what the PDF is rendered from (never from live tables).
 * Text is NFC. `inputs` are the assessments as entered; `results` what the rules computed from them (absent
 * where an input is missing — never guessed).
 */
struct Packet
{
    static constexpr int kFormatVersion = 1; ///< the major format (the namespace's number)
    /** What the writer puts in formatVersion: "1.1" adds issue 13's optional fields; readers accept "1" and "1.1". */
    static constexpr char kFormatVersionText[] = "1.1";

    // The record (học bạ)
    QString lookupCode; ///< 32 lowercase hex
    SchoolLevel level = SchoolLevel::Primary;
    int version = 1; ///< 1, 2, … each signed issue of the year section
    std::optional<int> replacesVersion; ///< for a correction: the version it replaces
    bool draft = true; ///< unsigned: marked as a draft in the packet itself
    SectionSource source = SectionSource::Digital; ///< paper: study history copied from the paper book

    School school; ///< the issuing school
    Student student; ///< identity, incl. personal ID number and MOET student code

    // The year section
    SchoolYear schoolYear;
    int grade = 0;
    QString className;
    QString homeroomTeacherName;
    QString principalName; ///< the principal of that school year (not today's)
    bool awaitingAdditionalAssessment = false;
    /** Fields changed from the version this one replaces ("Trong trang này có sửa chữa ở … chỗ"); absent on a first
     * version. */
    std::optional<int> correctedPlaces;
    /** Set on a signed section (draft == false) made from format 1.1 on; absent on a draft and in packets 1.0. */
    std::optional<SignatureAppearance> principalSignature;

    QList<StudyHistoryEntry> studyHistory; ///< every year of the record known when the packet was made

    StudentYearInput inputs;
    std::optional<EvaluationOutput> results;

    QDateTime createdAt; ///< when the packet was made (UTC, whole seconds)
};

/** The packet namespace; a new major format gets a new URN (docs/packet.md). */
inline constexpr char kPacketNamespace[] = "urn:hocba:packet:1";
/** The Id of the data element that every XMLDSig signature references ("#data"). */
inline constexpr char kDataElementId[] = "data";

/**
 * The fields in which two packets differ, by dotted path ("student.fullName", "results.thcs.subjects[2].yearAverage"),
 * empty when they say the same thing. Used by the round-trip tests and by verification to say what changed.
 * The result structs have no operator==, so the comparison lives here, next to the format that must carry all of them.
 */
QStringList differences(const Packet& a, const Packet& b);

/**
 * "Trong trang này có sửa chữa ở … chỗ": how many printed places of the year's pages differ between the version a
 * correction replaces and the correction — the differences() of the year section (inputs, results, class, homeroom
 * teacher, principal), leaving out bookkeeping (version, createdAt, draft, the signature appearance, the corrected
 * count itself), the record's identity pages and what is not printed (rule ids, lint findings, list sizes).
 */
int correctedPlaces(const Packet& before, const Packet& after);

} // namespace hocba::packet

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <array>

// The columns of a student list: what the student import recognises (StudentImport.cpp) and what the template
// writes (ImportTemplates.cpp), in one place.
namespace hocba::lifecycle::student_columns {

enum Field {
    MoetCode,
    PersonalIdField,
    FullName,
    FamilyAndMiddle,
    GivenName,
    BirthDate,
    GenderField,
    Ethnicity,
    Nationality,
    ClassName,
    Birthplace,
    Hometown,
    Address,
    FatherName,
    MotherName,
    RegistrationNumber, ///< số đăng bộ, the school's own register number
    FieldCount
};

/** Header spellings seen in MOET/CSDL exports and vendors' templates (WORKFLOWS.md §2), folded as foldedHeader(). */
const std::array<QStringList, FieldCount>& aliases();

/** Each field's heading as a template writes it; folded, it is the field's first alias. */
const std::array<QString, FieldCount>& headings();

} // namespace hocba::lifecycle::student_columns

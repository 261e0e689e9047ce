// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <expected>
#include <memory>
#include <optional>

namespace hocba::store {

class Database;

/** One year of a record as its study history lists it. */
struct StudyYear
{
    SchoolYear schoolYear;
    int grade = 0;
    QString className; ///< empty when that year's section is not placed in a class
};

/** A whole year section with everything a packet is made of, read from the store as plain values. */
struct SectionRecord
{
    School school; ///< the school of this data file
    QString lookupCode; ///< of the section's record
    SchoolLevel level = SchoolLevel::Primary; ///< of the section's record
    Student student;
    YearSection section;
    std::optional<int> replacesVersion; ///< a correction: the version of the section it replaces
    std::optional<Id> replacesSectionId; ///< a correction: the section it replaces
    QString className; ///< empty when the section is not placed in a class
    QString homeroomTeacherName; ///< the section's own homeroom teacher, else its class's; empty when neither
    QString principalName; ///< the principal of the section's school year (school_year), not today's
    /** The teachers assigned to the section's class for each subject that year (subject code → names, ", "-joined
     * in assignment order); empty without a class or assignments. */
    QHash<QString, QString> subjectTeachers;
    QList<StudyYear> studyYears; ///< the latest version of every year of the record, in year order
    QList<Assessment> assessments;
    QStringList classmates; ///< full names of the other students of the section's class, in class-list order
};

/** The part of a section that is not in the store; the caller words it for the user. */
enum class SectionGap { School, Section, Record, Student };

/**
 * Reads whole year sections for packets: one call gives everything a packet needs. Caches the school, classes,
 * teachers and class lists, so one repository serves a whole export; make a new one to see later changes.
 * Not thread-safe.
 */
class SectionRepository
{
public:
    explicit SectionRepository(Database& db);
    ~SectionRepository();
    SectionRepository(const SectionRepository&) = delete;
    SectionRepository& operator=(const SectionRepository&) = delete;

    /** One year section, or which part of it is missing (the school first, then the section, record, student). */
    Result<std::expected<SectionRecord, SectionGap>> load(Id sectionId);

    /** The latest version of each year of a record, in year order; nullopt when the record does not exist. */
    Result<std::optional<QList<Id>>> currentSectionsOfRecord(Id recordId);

    /**
     * The current (latest) version of each section of a school year, class by class (grade, then class name),
     * students in class-list order; sections without a class last. With `className`, only that class; nullopt
     * when the year has no such class.
     */
    Result<std::optional<QList<Id>>> currentSectionsOfYear(SchoolYear year, const std::optional<QString>& className);

private:
    struct Cache;
    Result<bool> loadSchool();
    Result<QStringList> classmates(Id classId, Id recordId);
    Result<QHash<QString, QString>> subjectTeachers(Id classId);

    Database& m_db;
    std::unique_ptr<Cache> m_cache;
};

} // namespace hocba::store

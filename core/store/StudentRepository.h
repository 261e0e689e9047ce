// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Finding.h"
#include "domain/Overview.h"
#include "domain/Types.h"
#include "util/Error.h"

#include <QList>

#include <functional>
#include <optional>

namespace hocba::store {

class Database;

/** A saved student and what the checks found (the save is not refused for findings). */
struct StudentSaveOutcome
{
    Id id = 0;
    Findings findings;
};

/** A plain value (domain/Overview.h), named here too for the store's callers. */
using hocba::RosterEntry;

/**
 * Students, their records (học bạ), year sections and assessment inputs. Writes are audited inside the same
 * transaction; text is normalised to NFC; the personal ID is checked on every save and its findings returned.
 * Changes to signed or locked sections are refused by the database itself (ErrorCode::RecordLocked).
 */
class StudentRepository
{
public:
    explicit StudentRepository(Database& db);
    ~StudentRepository();

    /** Inserts (id == 0) or updates; each changed field is audited with its old and new value. */
    Result<StudentSaveOutcome> saveStudent(const Student& student);
    Result<std::optional<Student>> student(Id id);

    /** The student's record for a level, opened (with a fresh random lookup code) if it does not exist yet. */
    Result<Record> openRecord(Id studentId, SchoolLevel level);

    /**
     * Closes a record whose student finished its level (`reason` "completed"), audited: it keeps its years but gets
     * no later one (the database refuses it). Closing a closed record changes nothing.
     */
    Status closeRecord(Id recordId, const QString& reason);

    /** Adds a year section in the draft state; returns its id. */
    Result<Id> addSection(const YearSection& section);
    Result<std::optional<YearSection>> section(Id id);
    Result<QList<YearSection>> sectionsOfRecord(Id recordId);
    /** Moves a section to another state; the database refuses transitions the state machine does not allow. */
    Status setSectionState(Id sectionId, SectionState state);

    /** All inputs of a section. */
    Result<QList<Assessment>> assessments(Id sectionId);
    /** Sets one input (insert or replace), audited with old and new value; an empty value removes it. */
    Status setAssessment(Id sectionId, const Assessment& assessment);
    /**
     * Replaces all inputs of a section in one go (import, demo): audited as one entry with the counts, not per
     * value. Runs in the caller's transaction if one is open, else in its own.
     */
    Status replaceAssessments(Id sectionId, const QList<Assessment>& assessments);

    /** The class list: students sorted by Vietnamese name order, with their section of the class's year. */
    Result<QList<RosterEntry>> roster(Id classId);

    /** Makes a lookup code: a random UUIDv4, 32 lowercase hex without hyphens. */
    static QString newLookupCode();
    /**
     * Replaces the source of new lookup codes (the demo school draws them from its seed so that the same seed gives
     * the same school). Real records always use newLookupCode().
     */
    void setLookupCodeSource(std::function<QString()> source) { m_lookupCodeSource = std::move(source); }

private:
    struct Cache;
    Database& m_db;
    std::unique_ptr<Cache> m_cache;
    std::function<QString()> m_lookupCodeSource;
};

/** Student fields with their stable names (used for audit entries and findings). */
QList<QPair<QString, QString>> studentFields(const Student& s);

} // namespace hocba::store

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Overview.h"
#include "domain/Types.h"
#include "util/Error.h"

#include <QList>

#include <optional>

namespace hocba::store {

class Database;

/** A plain value (domain/Overview.h), named here too for the store's callers. */
using hocba::SchoolSummary;

/**
 * The school, its years, teachers and classes. Every write is audited in the same transaction. Text is stored in
 * NFC. Not thread-safe: one per Database (one Database per thread).
 */
class SchoolRepository
{
public:
    explicit SchoolRepository(Database& db);

    Result<std::optional<School>> school();
    Status saveSchool(const School& school);

    Result<QList<SchoolYear>> schoolYears();
    Status addSchoolYear(SchoolYear year);
    /**
     * The principal of a school year, whom that year's pages name (not today's principal): nullopt when the year
     * does not exist, empty when none is recorded. A year takes the school's principal when it is opened
     * (migration 13).
     */
    Result<std::optional<QString>> yearPrincipal(SchoolYear year);
    /** Sets the principal of a year (NFC, audited); false when the year does not exist. */
    Result<bool> setYearPrincipal(SchoolYear year, const QString& name);

    /** Inserts (id == 0) or updates a teacher; returns the id. */
    Result<Id> saveTeacher(const Teacher& teacher);
    Result<QList<Teacher>> teachers();
    Result<std::optional<Teacher>> teacher(Id id);

    /** Inserts (id == 0) or updates a class; returns the id. */
    Result<Id> saveClass(const ClassGroup& cls);
    /** Classes of one year (or all), ordered by grade and name. */
    Result<QList<ClassGroup>> classes(std::optional<SchoolYear> year = std::nullopt);
    Result<std::optional<ClassGroup>> classByName(SchoolYear year, const QString& name);

    Result<SchoolSummary> summary();

private:
    Database& m_db;
};

} // namespace hocba::store

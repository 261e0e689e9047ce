// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <cstdint>
#include <random>
#include <span>

namespace hocba::demo {

/**
 * Seeded random numbers for demo data. Only the raw outputs of std::mt19937_64 are used (the engine is fully
 * specified by the standard, the std::*_distribution classes are not), so one seed gives the same school with
 * every standard library.
 */
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : engine_(seed)
    { }

    std::uint64_t next() { return engine_(); }
    /** Uniform in [lo, hi], both included; lo when hi < lo. */
    int uniform(int lo, int hi);
    /** Uniform in [0, 1) with 53 random bits. */
    double unit();
    /** True with probability p. */
    bool chance(double p) { return unit() < p; }
    /** An index into `weights`, each drawn in proportion to its (non-negative, integer) weight. */
    std::size_t weightedIndex(std::span<const int> weights);

    /** A weighted pick from a non-empty table of entries that have an integer `weight` member. */
    template <class Entry> const Entry& pick(std::span<const Entry> table)
    {
        long long total = 0;
        for (const Entry& e : table)
            total += e.weight;
        long long r = uniform64(total);
        for (const Entry& e : table) {
            if (r < e.weight)
                return e;
            r -= e.weight;
        }
        return table.back();
    }

private:
    /** Uniform in [0, n) without modulo bias; 0 when n <= 0. */
    long long uniform64(long long n);

    std::mt19937_64 engine_;
};

/** Knobs of the demo population; the defaults make a plausible Hà Nội school. */
struct PeopleOptions
{
    int provinceCode = 1; ///< the school's province (DOMAIN.md §4.2), 001 Hà Nội
    double localBirthShare = 0.85; ///< births registered in the school's province
    double abroadBirthShare = 0.003; ///< births registered abroad (a country code in the personal ID)
    double maleShare = 0.51; ///< boys among pupils
    double olderShare = 0.03; ///< pupils one year older than the grade (late start or retained)
    double wrongIdShare = 0.01; ///< personal IDs deliberately wrong in one realistic way
    double missingIdShare = 0.01; ///< personal IDs not yet collected (empty)
    double primaryFemaleTeachers = 0.85;
    double thcsFemaleTeachers = 0.70;
};

/** How a generated personal ID was deliberately spoiled, so that tests and demos know what check() should say. */
enum class IdFlaw {
    None,
    Missing, ///< left empty: not yet collected
    GenderDigit, ///< 4th digit of the other gender
    YearDigits, ///< digits 5–6 of a neighbouring year
    DigitDropped, ///< 11 digits typed
    TransposedCode, ///< two neighbouring digits swapped so the registration code is unknown
};

struct GeneratedStudent
{
    Student student;
    IdFlaw idFlaw = IdFlaw::None;
};

/**
 * A pupil of `grade` (1–9) in `year`, with every field of the record's first page filled as a school would have it.
 * Stateless: personal IDs and MOET codes are random, so uniqueness over a school is only very likely; use
 * PeopleGenerator where it must hold.
 */
Student makeStudent(Rng& rng, int grade, SchoolYear year, const PeopleOptions& options = {});

/** A teacher of a primary or THCS school: born 1965–1998, older-style name, subjects as free text. */
Teacher makeTeacher(Rng& rng, SchoolLevel level, const PeopleOptions& options = {});

/**
 * Generates one school's people: like the free functions, but personal IDs and MOET codes are unique and
 * registration numbers (số đăng bộ) run 1, 2, 3… per enrolment year, as in a school's register.
 */
class PeopleGenerator
{
public:
    explicit PeopleGenerator(std::uint64_t seed, PeopleOptions options = {});

    GeneratedStudent student(int grade, SchoolYear year);
    Teacher teacher(SchoolLevel level);

    Rng& rng() { return rng_; }
    const PeopleOptions& options() const { return options_; }

private:
    Rng rng_;
    PeopleOptions options_;
    QSet<QString> personalIds_;
    QSet<QString> moetCodes_;
    QHash<int, int> nextRegistration_; ///< enrolment year → next number
};

} // namespace hocba::demo

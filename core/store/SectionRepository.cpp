// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SectionRepository.h"

#include "store/SchoolRepository.h"
#include "store/SigningQueries.h"
#include "store/SqlUtil.h"
#include "store/StudentRepository.h"

namespace hocba::store {

namespace {

struct RecordRow
{
    Id studentId = 0;
    SchoolLevel level = SchoolLevel::Primary;
    QString lookupCode;
};

Result<std::optional<RecordRow>> recordRow(Database& db, Id recordId)
{
    auto rows = queryList<RecordRow>(
        db, QStringLiteral("SELECT student_id, level, lookup_code FROM record WHERE id = ?1"),
        [](Statement& st) {
            return RecordRow {st.int64(0), schoolLevelFromCode(st.text(1)).value_or(SchoolLevel::Primary), st.text(2)};
        },
        {recordId});
    if (!rows)
        return std::unexpected(rows.error());
    return rows->isEmpty() ? std::nullopt : std::optional(rows->first());
}

/** The latest version of each school year, in year order (sectionsOfRecord orders by year, then version). */
QList<YearSection> latestPerYear(const QList<YearSection>& sections)
{
    QList<YearSection> out;
    for (const YearSection& s : sections) {
        if (!out.isEmpty() && out.last().schoolYear == s.schoolYear)
            out.last() = s;
        else
            out.append(s);
    }
    return out;
}

} // namespace

struct SectionRepository::Cache
{
    bool loaded = false;
    School school;
    QHash<Id, ClassGroup> classes;
    QHash<Id, QString> teacherNames;
    QHash<Id, QList<RosterEntry>> rosters;
    QHash<int, QString> yearPrincipals; ///< start year → the principal of that year
    QHash<Id, QHash<QString, QString>> subjectTeachers; ///< class → subject → teacher names

    QString className(const std::optional<Id>& classId) const
    {
        return classId && classes.contains(*classId) ? classes.value(*classId).name : QString();
    }
};

SectionRepository::SectionRepository(Database& db)
    : m_db(db)
    , m_cache(std::make_unique<Cache>())
{ }

SectionRepository::~SectionRepository() = default;

/** Reads the school, its classes and teachers once; false when the school is not set up. */
Result<bool> SectionRepository::loadSchool()
{
    Cache& c = *m_cache;
    if (c.loaded)
        return true;
    SchoolRepository schools(m_db);
    auto school = schools.school();
    if (!school)
        return std::unexpected(school.error());
    if (!*school)
        return false;
    c.school = **school;
    auto classes = schools.classes();
    if (!classes)
        return std::unexpected(classes.error());
    for (const ClassGroup& g : *classes)
        c.classes.insert(g.id, g);
    auto teachers = schools.teachers();
    if (!teachers)
        return std::unexpected(teachers.error());
    for (const Teacher& t : *teachers)
        c.teacherNames.insert(t.id, t.fullName);
    auto principals = queryList<std::pair<int, QString>>(
        m_db, QStringLiteral("SELECT start_year, coalesce(principal_name, '') FROM school_year"),
        [](Statement& st) { return std::pair(int(st.int64(0)), st.text(1)); });
    if (!principals)
        return std::unexpected(principals.error());
    for (const auto& [year, name] : *principals)
        c.yearPrincipals.insert(year, name);
    c.loaded = true;
    return true;
}

Result<QStringList> SectionRepository::classmates(Id classId, Id recordId)
{
    Cache& c = *m_cache;
    if (!c.rosters.contains(classId)) {
        auto roster = StudentRepository(m_db).roster(classId);
        if (!roster)
            return std::unexpected(roster.error());
        c.rosters.insert(classId, *roster);
    }
    QStringList names;
    for (const RosterEntry& e : c.rosters.value(classId))
        if (e.recordId != recordId)
            names << e.student.fullName;
    return names;
}

Result<QHash<QString, QString>> SectionRepository::subjectTeachers(Id classId)
{
    Cache& c = *m_cache;
    if (!c.subjectTeachers.contains(classId)) {
        // The class belongs to one year, so its assignments are that year's. A teacher's account linked to a
        // teacher row is named as the teacher row says (the school's list), else as the account says.
        auto rows = queryList<std::pair<QString, QString>>(
            m_db,
            QStringLiteral("SELECT a.subject, coalesce(t.full_name, u.full_name) FROM assignment a "
                           "JOIN class k ON k.id = a.class_id AND k.school_year = a.school_year "
                           "JOIN app_user u ON u.id = a.user_id LEFT JOIN teacher t ON t.id = u.teacher_id "
                           "WHERE a.class_id = ?1 AND a.subject IS NOT NULL ORDER BY a.subject, a.id"),
            [](Statement& st) { return std::pair(st.text(0), st.text(1)); }, {classId});
        if (!rows)
            return std::unexpected(rows.error());
        QHash<QString, QStringList> names;
        for (const auto& [subject, name] : *rows)
            if (!name.isEmpty() && !names[subject].contains(name))
                names[subject] << name;
        QHash<QString, QString> joined;
        for (auto it = names.cbegin(); it != names.cend(); ++it)
            joined.insert(it.key(), it.value().join(QStringLiteral(", ")));
        c.subjectTeachers.insert(classId, joined);
    }
    return c.subjectTeachers.value(classId);
}

Result<std::expected<SectionRecord, SectionGap>> SectionRepository::load(Id sectionId)
{
    using Loaded = std::expected<SectionRecord, SectionGap>;
    auto schoolSetUp = loadSchool();
    if (!schoolSetUp)
        return std::unexpected(schoolSetUp.error());
    if (!*schoolSetUp)
        return Loaded(std::unexpect, SectionGap::School);
    const Cache& c = *m_cache;
    StudentRepository students(m_db);
    auto section = students.section(sectionId);
    if (!section)
        return std::unexpected(section.error());
    if (!*section)
        return Loaded(std::unexpect, SectionGap::Section);
    auto record = recordRow(m_db, (*section)->recordId);
    if (!record)
        return std::unexpected(record.error());
    if (!*record)
        return Loaded(std::unexpect, SectionGap::Record);
    auto student = students.student((*record)->studentId);
    if (!student)
        return std::unexpected(student.error());
    if (!*student)
        return Loaded(std::unexpect, SectionGap::Student);

    SectionRecord r;
    r.school = c.school;
    r.lookupCode = (*record)->lookupCode;
    r.level = (*record)->level;
    r.student = **student;
    r.section = **section;
    const YearSection& ys = r.section;
    if (ys.replacesId) {
        auto replaced = students.section(*ys.replacesId);
        if (!replaced)
            return std::unexpected(replaced.error());
        if (*replaced) {
            r.replacesVersion = (*replaced)->version;
            r.replacesSectionId = *ys.replacesId;
        }
    }
    r.principalName = c.yearPrincipals.value(ys.schoolYear.startYear);
    r.className = c.className(ys.classId);
    const std::optional<ClassGroup> cls
        = ys.classId && c.classes.contains(*ys.classId) ? std::optional(c.classes.value(*ys.classId)) : std::nullopt;
    const std::optional<Id> homeroom
        = ys.homeroomTeacherId ? ys.homeroomTeacherId : (cls ? cls->homeroomTeacherId : std::nullopt);
    if (homeroom)
        r.homeroomTeacherName = c.teacherNames.value(*homeroom);

    auto all = students.sectionsOfRecord(ys.recordId);
    if (!all)
        return std::unexpected(all.error());
    for (const YearSection& s : latestPerYear(*all))
        r.studyYears << StudyYear {s.schoolYear, s.grade, c.className(s.classId)};

    auto assessments = students.assessments(sectionId);
    if (!assessments)
        return std::unexpected(assessments.error());
    r.assessments = *assessments;
    if (ys.classId) {
        auto names = classmates(*ys.classId, ys.recordId);
        if (!names)
            return std::unexpected(names.error());
        r.classmates = *names;
        auto teachers = subjectTeachers(*ys.classId);
        if (!teachers)
            return std::unexpected(teachers.error());
        r.subjectTeachers = *teachers;
    }
    return r;
}

Result<std::optional<QList<Id>>> SectionRepository::currentSectionsOfRecord(Id recordId)
{
    auto sections = StudentRepository(m_db).sectionsOfRecord(recordId);
    if (!sections)
        return std::unexpected(sections.error());
    if (sections->isEmpty()) {
        auto record = recordRow(m_db, recordId);
        if (!record)
            return std::unexpected(record.error());
        if (!*record)
            return std::optional<QList<Id>>();
    }
    QList<Id> ids;
    for (const YearSection& s : latestPerYear(*sections))
        ids << s.id;
    return std::optional(ids);
}

Result<std::optional<QList<Id>>> SectionRepository::currentSectionsOfYear(SchoolYear year,
                                                                          const std::optional<QString>& className)
{
    SchoolRepository schools(m_db);
    QList<ClassGroup> classes;
    if (className) {
        auto cls = schools.classByName(year, *className);
        if (!cls)
            return std::unexpected(cls.error());
        if (!*cls)
            return std::optional<QList<Id>>();
        classes << **cls;
    } else {
        auto all = schools.classes(year);
        if (!all)
            return std::unexpected(all.error());
        classes = *all;
    }
    StudentRepository students(m_db);
    QList<Id> ids;
    for (const ClassGroup& g : classes) {
        auto roster = students.roster(g.id);
        if (!roster)
            return std::unexpected(roster.error());
        for (const RosterEntry& e : *roster)
            ids << e.section.id;
    }
    if (!className) {
        // Sections not placed in a class (e.g. a transfer not yet assigned) are part of the school's year too.
        auto unplaced = unplacedSections(m_db, year);
        if (!unplaced)
            return std::unexpected(unplaced.error());
        ids << *unplaced;
    }
    return std::optional(ids);
}

} // namespace hocba::store

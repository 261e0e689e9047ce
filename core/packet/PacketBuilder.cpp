// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/PacketBuilder.h"

#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace hocba::packet {

namespace {

/** Translation context for this file's messages (lupdate reads the context from the macro). */
class BuilderText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::packet::PacketBuilder)
};

struct RecordRow
{
    Id studentId = 0;
    SchoolLevel level = SchoolLevel::Primary;
    QString lookupCode;
};

Result<std::optional<RecordRow>> recordRow(store::Database& db, Id recordId)
{
    auto st = db.prepare(QStringLiteral("SELECT student_id, level, lookup_code FROM record WHERE id = ?1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, recordId);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<RecordRow>();
    RecordRow r;
    r.studentId = st->int64(0);
    r.level = schoolLevelFromCode(st->text(1)).value_or(SchoolLevel::Primary);
    r.lookupCode = st->text(2);
    return std::optional<RecordRow>(r);
}

bool isIssued(SectionState s)
{
    return s == SectionState::Signed || s == SectionState::Submitted || s == SectionState::Locked;
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

struct PacketBuilder::Cache
{
    bool loaded = false;
    School school;
    QHash<Id, ClassGroup> classes;
    QHash<Id, QString> teacherNames;
    QHash<Id, QList<store::RosterEntry>> rosters;
};

PacketBuilder::PacketBuilder(store::Database& db, BuildOptions options)
    : m_db(db)
    , m_options(std::move(options))
    , m_cache(std::make_unique<Cache>())
{
    const QDateTime when = m_options.createdAt.isValid() ? m_options.createdAt : QDateTime::currentDateTimeUtc();
    // The format carries whole seconds in UTC; truncating here keeps read(write(p)) == p.
    m_options.createdAt = QDateTime::fromSecsSinceEpoch(when.toSecsSinceEpoch(), Qt::UTC);
}

PacketBuilder::~PacketBuilder() = default;

Result<Packet> PacketBuilder::build(Id sectionId)
{
    store::SchoolRepository schools(m_db);
    store::StudentRepository students(m_db);
    Cache& c = *m_cache;
    if (!c.loaded) {
        auto school = schools.school();
        if (!school)
            return std::unexpected(school.error());
        if (!*school)
            return fail(ErrorCode::InvalidInput, BuilderText::tr("The school is not set up in this data file yet."),
                        QStringLiteral("packet.build: no school row"));
        c.school = **school;
        c.school.id = 0;
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
        c.loaded = true;
    }

    auto section = students.section(sectionId);
    if (!section)
        return std::unexpected(section.error());
    if (!*section)
        return fail(ErrorCode::NotFound, BuilderText::tr("This school year of a record does not exist."),
                    QStringLiteral("packet.build: no section %1").arg(sectionId));
    const YearSection& ys = **section;
    auto record = recordRow(m_db, ys.recordId);
    if (!record)
        return std::unexpected(record.error());
    if (!*record)
        return fail(ErrorCode::NotFound, BuilderText::tr("The record of this school year does not exist."),
                    QStringLiteral("packet.build: no record %1").arg(ys.recordId));
    auto student = students.student((*record)->studentId);
    if (!student)
        return std::unexpected(student.error());
    if (!*student)
        return fail(ErrorCode::NotFound, BuilderText::tr("The student of this record does not exist."),
                    QStringLiteral("packet.build: no student for record %1").arg(ys.recordId));

    Packet p;
    p.lookupCode = (*record)->lookupCode;
    p.level = (*record)->level;
    p.version = ys.version;
    if (ys.replacesId) {
        auto replaced = students.section(*ys.replacesId);
        if (!replaced)
            return std::unexpected(replaced.error());
        if (*replaced)
            p.replacesVersion = (*replaced)->version;
    }
    p.draft = !isIssued(ys.state);
    p.source = ys.source;
    p.school = c.school;
    p.student = **student;
    p.student.id = 0;

    p.schoolYear = ys.schoolYear;
    p.grade = ys.grade;
    const std::optional<ClassGroup> cls
        = ys.classId && c.classes.contains(*ys.classId) ? std::optional(c.classes.value(*ys.classId)) : std::nullopt;
    if (cls)
        p.className = cls->name;
    const std::optional<Id> homeroom
        = ys.homeroomTeacherId ? ys.homeroomTeacherId : (cls ? cls->homeroomTeacherId : std::nullopt);
    if (homeroom)
        p.homeroomTeacherName = c.teacherNames.value(*homeroom);
    p.principalName = c.school.principalName;
    p.awaitingAdditionalAssessment = ys.awaitingAdditionalAssessment;

    auto all = students.sectionsOfRecord(ys.recordId);
    if (!all)
        return std::unexpected(all.error());
    // THCS books name the province with the school (DOMAIN.md §3.2); primary books the school alone.
    const QString schoolName = p.level == SchoolLevel::Thcs && !c.school.province.isEmpty()
        ? c.school.name + QStringLiteral(", ") + c.school.province
        : c.school.name;
    const QDate enrolled = p.student.transferDate.isValid() ? p.student.transferDate : p.student.enrolmentDate;
    for (const YearSection& s : latestPerYear(*all)) {
        StudyHistoryEntry h;
        h.schoolYear = s.schoolYear;
        h.grade = s.grade;
        if (s.classId && c.classes.contains(*s.classId))
            h.className = c.classes.value(*s.classId).name;
        h.schoolName = schoolName;
        h.registrationNumber = p.student.registrationNumber;
        h.enrolmentDate = enrolled;
        p.studyHistory << h;
    }

    auto rows = students.assessments(sectionId);
    if (!rows)
        return std::unexpected(rows.error());
    p.inputs = rules::fromAssessments(*rows, ys.circular, ys.schoolYear, ys.grade);

    rules::LintContext context;
    if (ys.classId) {
        if (!c.rosters.contains(*ys.classId)) {
            auto roster = students.roster(*ys.classId);
            if (!roster)
                return std::unexpected(roster.error());
            c.rosters.insert(*ys.classId, *roster);
        }
        for (const store::RosterEntry& e : c.rosters.value(*ys.classId))
            if (e.recordId != ys.recordId)
                context.classmates << e.student.fullName;
    }
    // An uncovered year/grade leaves results absent: the packet says "not computed", it never guesses.
    if (auto results = rules::evaluate(p.inputs, context)) {
        p.results = *results;
        if (!p.draft)
            p.results->findings.clear();
    }
    p.createdAt = m_options.createdAt;
    return p;
}

Result<QList<Packet>> PacketBuilder::buildRecord(Id recordId)
{
    store::StudentRepository students(m_db);
    auto sections = students.sectionsOfRecord(recordId);
    if (!sections)
        return std::unexpected(sections.error());
    if (sections->isEmpty()) {
        auto record = recordRow(m_db, recordId);
        if (!record)
            return std::unexpected(record.error());
        if (!*record)
            return fail(ErrorCode::NotFound, BuilderText::tr("This record does not exist."),
                        QStringLiteral("packet.buildRecord: no record %1").arg(recordId));
    }
    QList<Packet> out;
    for (const YearSection& s : latestPerYear(*sections)) {
        auto p = build(s.id);
        if (!p)
            return std::unexpected(p.error());
        out << *p;
    }
    return out;
}

Result<Packet> buildPacket(store::Database& db, Id sectionId, const BuildOptions& options)
{
    return PacketBuilder(db, options).build(sectionId);
}

Result<QList<Packet>> buildRecordPackets(store::Database& db, Id recordId, const BuildOptions& options)
{
    return PacketBuilder(db, options).buildRecord(recordId);
}

Result<QList<Id>> sectionsToExport(store::Database& db, SchoolYear year, const std::optional<QString>& className)
{
    store::SchoolRepository schools(db);
    store::StudentRepository students(db);
    QList<ClassGroup> classes;
    if (className) {
        auto cls = schools.classByName(year, *className);
        if (!cls)
            return std::unexpected(cls.error());
        if (!*cls)
            return fail(ErrorCode::NotFound,
                        BuilderText::tr("There is no class %1 in the school year %2.").arg(*className, year.toString()),
                        QStringLiteral("packet.export: no such class"));
        classes << **cls;
    } else {
        auto all = schools.classes(year);
        if (!all)
            return std::unexpected(all.error());
        classes = *all;
    }
    QList<Id> ids;
    for (const ClassGroup& g : classes) {
        auto roster = students.roster(g.id);
        if (!roster)
            return std::unexpected(roster.error());
        for (const store::RosterEntry& e : *roster)
            ids << e.section.id;
    }
    if (!className) {
        // Sections not placed in a class (e.g. a transfer not yet assigned) are part of the school's year too.
        auto st = db.prepare(QStringLiteral(
            "SELECT ys.id FROM year_section ys WHERE ys.school_year = ?1 AND ys.class_id IS NULL AND ys.version = "
            "(SELECT max(version) FROM year_section y2 WHERE y2.record_id = ys.record_id AND y2.school_year = "
            "ys.school_year) ORDER BY ys.id"));
        if (!st)
            return std::unexpected(st.error());
        st->bind(1, year.startYear);
        while (true) {
            auto row = st->step();
            if (!row)
                return std::unexpected(row.error());
            if (!*row)
                break;
            ids << st->int64(0);
        }
    }
    return ids;
}

} // namespace hocba::packet

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/PacketBuilder.h"

#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "store/SectionRepository.h"

#include <QCoreApplication>

namespace hocba::lifecycle {

namespace {

/** Translation context of this file's messages: the name it had in core/packet, which the translations use. */
class BuilderText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::packet::PacketBuilder)
};

bool isIssued(SectionState s)
{
    return s == SectionState::Signed || s == SectionState::Submitted || s == SectionState::Locked;
}

std::unexpected<Error> missingPart(store::SectionGap gap, Id sectionId)
{
    switch (gap) {
    case store::SectionGap::School:
        return fail(ErrorCode::InvalidInput, BuilderText::tr("The school is not set up in this data file yet."),
                    QStringLiteral("packet.build: no school row"));
    case store::SectionGap::Section:
        return fail(ErrorCode::NotFound, BuilderText::tr("This school year of a record does not exist."),
                    QStringLiteral("packet.build: no section %1").arg(sectionId));
    case store::SectionGap::Record:
        return fail(ErrorCode::NotFound, BuilderText::tr("The record of this school year does not exist."),
                    QStringLiteral("packet.build: no record for section %1").arg(sectionId));
    case store::SectionGap::Student:
        break;
    }
    return fail(ErrorCode::NotFound, BuilderText::tr("The student of this record does not exist."),
                QStringLiteral("packet.build: no student for section %1").arg(sectionId));
}

QList<packet::StudyHistoryEntry> studyHistory(const store::SectionRecord& r)
{
    // THCS books name the province with the school (DOMAIN.md §3.2); primary books the school alone.
    const QString schoolName = r.level == SchoolLevel::Thcs && !r.school.province.isEmpty()
        ? r.school.name + QStringLiteral(", ") + r.school.province
        : r.school.name;
    const QDate enrolled = r.student.transferDate.isValid() ? r.student.transferDate : r.student.enrolmentDate;
    QList<packet::StudyHistoryEntry> out;
    for (const store::StudyYear& y : r.studyYears) {
        packet::StudyHistoryEntry h;
        h.schoolYear = y.schoolYear;
        h.grade = y.grade;
        h.className = y.className;
        h.schoolName = schoolName;
        h.registrationNumber = r.student.registrationNumber;
        h.enrolmentDate = enrolled;
        out << h;
    }
    return out;
}

packet::Packet toPacket(const store::SectionRecord& r, const QDateTime& createdAt)
{
    const YearSection& ys = r.section;
    packet::Packet p;
    p.lookupCode = r.lookupCode;
    p.level = r.level;
    p.version = ys.version;
    p.replacesVersion = r.replacesVersion;
    p.draft = !isIssued(ys.state);
    p.source = ys.source;
    // Database ids mean nothing outside this file.
    p.school = r.school;
    p.school.id = 0;
    p.student = r.student;
    p.student.id = 0;
    p.schoolYear = ys.schoolYear;
    p.grade = ys.grade;
    p.className = r.className;
    p.homeroomTeacherName = r.homeroomTeacherName;
    p.principalName = r.principalName; // the principal of that school year, never today's
    p.awaitingAdditionalAssessment = ys.awaitingAdditionalAssessment;
    p.studyHistory = studyHistory(r);
    p.inputs = rules::fromAssessments(r.assessments, ys.circular, ys.schoolYear, ys.grade);
    // THCS rows name the subject teacher of that year: who was assigned to the class and subject.
    if (r.level == SchoolLevel::Thcs)
        for (SubjectEntry& s : p.inputs.subjects)
            s.teacherName = r.subjectTeachers.value(s.code);

    rules::LintContext context;
    context.classmates = r.classmates;
    // An uncovered year/grade leaves results absent: the packet says "not computed", it never guesses.
    if (auto results = rules::evaluate(p.inputs, context)) {
        p.results = *results;
        if (!p.draft)
            p.results->findings.clear();
    }
    p.createdAt = createdAt;
    return p;
}

} // namespace

PacketBuilder::PacketBuilder(store::Database& db, BuildOptions options)
    : m_options(std::move(options))
    , m_sections(std::make_unique<store::SectionRepository>(db))
{
    const QDateTime when = m_options.createdAt.isValid() ? m_options.createdAt : QDateTime::currentDateTimeUtc();
    // The format carries whole seconds in UTC; truncating here keeps read(write(p)) == p.
    m_options.createdAt = QDateTime::fromSecsSinceEpoch(when.toSecsSinceEpoch(), Qt::UTC);
}

PacketBuilder::~PacketBuilder() = default;

Result<packet::Packet> PacketBuilder::build(Id sectionId)
{
    auto loaded = m_sections->load(sectionId);
    if (!loaded)
        return std::unexpected(loaded.error());
    if (!*loaded)
        return missingPart(loaded->error(), sectionId);
    packet::Packet p = toPacket(**loaded, m_options.createdAt);
    // A correction counts the places of the year it changes from the version it replaces (as the store holds it,
    // so both are made the same way); a first version has no count.
    if (const std::optional<Id> replaced = (*loaded)->replacesSectionId) {
        auto before = m_sections->load(*replaced);
        if (!before)
            return std::unexpected(before.error());
        if (*before)
            p.correctedPlaces = packet::correctedPlaces(toPacket(**before, m_options.createdAt), p);
    }
    return p;
}

Result<QList<packet::Packet>> PacketBuilder::buildRecord(Id recordId)
{
    auto sections = m_sections->currentSectionsOfRecord(recordId);
    if (!sections)
        return std::unexpected(sections.error());
    if (!*sections)
        return fail(ErrorCode::NotFound, BuilderText::tr("This record does not exist."),
                    QStringLiteral("packet.buildRecord: no record %1").arg(recordId));
    QList<packet::Packet> out;
    for (Id id : **sections) {
        auto p = build(id);
        if (!p)
            return std::unexpected(p.error());
        out << *p;
    }
    return out;
}

Result<packet::Packet> buildPacket(store::Database& db, Id sectionId, const BuildOptions& options)
{
    return PacketBuilder(db, options).build(sectionId);
}

Result<QList<packet::Packet>> buildRecordPackets(store::Database& db, Id recordId, const BuildOptions& options)
{
    return PacketBuilder(db, options).buildRecord(recordId);
}

Result<QList<Id>> sectionsToExport(store::Database& db, SchoolYear year, const std::optional<QString>& className)
{
    auto ids = store::SectionRepository(db).currentSectionsOfYear(year, className);
    if (!ids)
        return std::unexpected(ids.error());
    if (!*ids)
        return fail(ErrorCode::NotFound,
                    BuilderText::tr("There is no class %1 in the school year %2.").arg(*className, year.toString()),
                    QStringLiteral("packet.export: no such class"));
    return **ids;
}

} // namespace hocba::lifecycle

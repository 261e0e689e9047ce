// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/StudentRepository.h"

#include "domain/PersonalId.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QUuid>

namespace hocba::store {

namespace {

const char* const kStudentColumns
    = "id, full_name, gender, birth_date, ethnicity, nationality, birthplace, hometown, address, father_name, "
      "father_occupation, mother_name, mother_occupation, guardian_name, guardian_occupation, policy_group, "
      "personal_id, moet_code, registration_number, enrolment_date, transfer_date, transfer_from";

Student studentFrom(Statement& st, int c = 0)
{
    Student s;
    s.id = st.int64(c + 0);
    s.fullName = st.text(c + 1);
    s.gender = genderFromCode(st.text(c + 2)).value_or(Gender::Unknown);
    s.birthDate = fromIsoDate(st.text(c + 3));
    s.ethnicity = st.text(c + 4);
    s.nationality = st.text(c + 5);
    s.birthplace = st.text(c + 6);
    s.hometown = st.text(c + 7);
    s.address = st.text(c + 8);
    s.fatherName = st.text(c + 9);
    s.fatherOccupation = st.text(c + 10);
    s.motherName = st.text(c + 11);
    s.motherOccupation = st.text(c + 12);
    s.guardianName = st.text(c + 13);
    s.guardianOccupation = st.text(c + 14);
    s.policyGroup = st.text(c + 15);
    s.personalId = st.text(c + 16);
    s.moetCode = st.text(c + 17);
    s.registrationNumber = st.text(c + 18);
    s.enrolmentDate = fromIsoDate(st.text(c + 19));
    s.transferDate = fromIsoDate(st.text(c + 20));
    s.transferFrom = st.text(c + 21);
    return s;
}

Record recordFrom(Statement& st)
{
    Record r;
    r.id = st.int64(0);
    r.studentId = st.int64(1);
    r.level = schoolLevelFromCode(st.text(2)).value_or(SchoolLevel::Primary);
    r.lookupCode = st.text(3);
    r.openedAt = QDateTime::fromString(st.text(4), Qt::ISODate);
    return r;
}

const char* const kSectionColumns
    = "id, record_id, school_year, grade, class_id, homeroom_teacher_id, circular, state, "
      "source, version, replaces_id, additional_assessment";

YearSection sectionFrom(Statement& st, int c = 0)
{
    YearSection y;
    y.id = st.int64(c + 0);
    y.recordId = st.int64(c + 1);
    y.schoolYear = SchoolYear {int(st.int64(c + 2))};
    y.grade = int(st.int64(c + 3));
    y.classId = st.optionalInt64(c + 4);
    y.homeroomTeacherId = st.optionalInt64(c + 5);
    y.circular = circularFromCode(st.text(c + 6)).value_or(Circular::TT27);
    y.state = sectionStateFromCode(st.text(c + 7)).value_or(SectionState::Draft);
    y.source = sectionSourceFromCode(st.text(c + 8)).value_or(SectionSource::Digital);
    y.version = int(st.int64(c + 9));
    y.replacesId = st.optionalInt64(c + 10);
    y.awaitingAdditionalAssessment = st.int64(c + 11) != 0;
    return y;
}

Student normalizedStudent(Student s)
{
    for (QString* f : {&s.fullName, &s.ethnicity, &s.nationality, &s.birthplace, &s.hometown, &s.address, &s.fatherName,
                       &s.fatherOccupation, &s.motherName, &s.motherOccupation, &s.guardianName, &s.guardianOccupation,
                       &s.policyGroup, &s.personalId, &s.moetCode, &s.registrationNumber, &s.transferFrom})
        *f = text::normalized(*f);
    return s;
}

} // namespace

QList<QPair<QString, QString>> studentFields(const Student& s)
{
    return {
        {QStringLiteral("fullName"), s.fullName},
        {QStringLiteral("gender"), toCode(s.gender)},
        {QStringLiteral("birthDate"), isoDate(s.birthDate)},
        {QStringLiteral("ethnicity"), s.ethnicity},
        {QStringLiteral("nationality"), s.nationality},
        {QStringLiteral("birthplace"), s.birthplace},
        {QStringLiteral("hometown"), s.hometown},
        {QStringLiteral("address"), s.address},
        {QStringLiteral("fatherName"), s.fatherName},
        {QStringLiteral("fatherOccupation"), s.fatherOccupation},
        {QStringLiteral("motherName"), s.motherName},
        {QStringLiteral("motherOccupation"), s.motherOccupation},
        {QStringLiteral("guardianName"), s.guardianName},
        {QStringLiteral("guardianOccupation"), s.guardianOccupation},
        {QStringLiteral("policyGroup"), s.policyGroup},
        {QStringLiteral("personalId"), s.personalId},
        {QStringLiteral("moetCode"), s.moetCode},
        {QStringLiteral("registrationNumber"), s.registrationNumber},
        {QStringLiteral("enrolmentDate"), isoDate(s.enrolmentDate)},
        {QStringLiteral("transferDate"), isoDate(s.transferDate)},
        {QStringLiteral("transferFrom"), s.transferFrom},
    };
}

/** Statements reused in loops (a demo school inserts hundreds of thousands of assessment rows). */
struct StudentRepository::Cache
{
    std::optional<Statement> insertAssessment;
};

StudentRepository::StudentRepository(Database& db)
    : m_db(db)
    , m_cache(std::make_unique<Cache>())
{ }

StudentRepository::~StudentRepository() = default;

QString StudentRepository::newLookupCode()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

Result<StudentSaveOutcome> StudentRepository::saveStudent(const Student& input)
{
    const Student s = normalizedStudent(input);
    StudentSaveOutcome outcome;
    outcome.findings = personal_id::check(s.personalId, s.birthDate, s.gender);
    if (s.fullName.isEmpty())
        return fail(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("hocba::store::StudentRepository", "The student's full name is empty."));

    Transaction tx(m_db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    std::optional<Student> old;
    if (s.id != 0) {
        auto existing = student(s.id);
        if (!existing)
            return std::unexpected(existing.error());
        if (!*existing)
            return fail(
                ErrorCode::NotFound,
                QCoreApplication::translate("hocba::store::StudentRepository", "The student no longer exists."));
        old = *existing;
    }
    const bool insert = !old;
    auto st = m_db.cached(
        insert ? QStringLiteral(
            "INSERT INTO student (full_name, gender, birth_date, ethnicity, nationality, birthplace, hometown, "
            "address, father_name, father_occupation, mother_name, mother_occupation, guardian_name, "
            "guardian_occupation, policy_group, personal_id, moet_code, registration_number, enrolment_date, "
            "transfer_date, transfer_from) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
            "?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)")
               : QStringLiteral(
                   "UPDATE student SET full_name = ?1, gender = ?2, birth_date = ?3, ethnicity = ?4, nationality = ?5, "
                   "birthplace = ?6, hometown = ?7, address = ?8, father_name = ?9, father_occupation = ?10, "
                   "mother_name = ?11, mother_occupation = ?12, guardian_name = ?13, guardian_occupation = ?14, "
                   "policy_group = ?15, personal_id = ?16, moet_code = ?17, registration_number = ?18, "
                   "enrolment_date = ?19, transfer_date = ?20, transfer_from = ?21 WHERE id = ?22"));
    if (!st)
        return std::unexpected(st.error());
    const auto fields = studentFields(s);
    for (int i = 0; i < fields.size(); ++i) {
        const QString& v = fields.at(i).second;
        const bool isDate = fields.at(i).first.endsWith(QLatin1String("Date"));
        if (isDate && v.isEmpty())
            (*st)->bindNull(i + 1);
        else
            (*st)->bind(i + 1, v.isNull() ? QStringLiteral("") : v);
    }
    if (!insert)
        (*st)->bind(22, s.id);
    if (auto r = (*st)->exec(); !r)
        return std::unexpected(r.error());
    outcome.id = insert ? m_db.lastInsertId() : s.id;

    AuditLog audit(m_db);
    const QString idText = QString::number(outcome.id);
    if (insert) {
        if (auto r = audit.append(QStringLiteral("student.create"), QStringLiteral("student"), idText); !r)
            return std::unexpected(r.error());
    } else {
        const auto before = studentFields(*old);
        for (int i = 0; i < fields.size(); ++i) {
            if (before.at(i).second == fields.at(i).second)
                continue;
            if (auto r = audit.append(QStringLiteral("student.update"), QStringLiteral("student"), idText,
                                      fields.at(i).first, before.at(i).second, fields.at(i).second);
                !r)
                return std::unexpected(r.error());
        }
    }
    if (auto r = tx.commit(); !r)
        return std::unexpected(r.error());
    return outcome;
}

Result<std::optional<Student>> StudentRepository::student(Id id)
{
    auto list = queryList<Student>(
        m_db, QStringLiteral("SELECT %1 FROM student WHERE id = ?1").arg(QLatin1String(kStudentColumns)),
        [](Statement& st) { return studentFrom(st); }, {id});
    if (!list)
        return std::unexpected(list.error());
    return list->isEmpty() ? std::optional<Student>() : std::optional<Student>(list->first());
}

Result<Record> StudentRepository::openRecord(Id studentId, SchoolLevel level)
{
    auto existing = queryList<Record>(
        m_db,
        QStringLiteral("SELECT id, student_id, level, lookup_code, opened_at FROM record WHERE student_id = ?1 AND "
                       "level = '%1'")
            .arg(toCode(level)),
        recordFrom, {studentId});
    if (!existing)
        return std::unexpected(existing.error());
    if (!existing->isEmpty())
        return existing->first();

    Transaction tx(m_db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    Record r;
    r.studentId = studentId;
    r.level = level;
    r.lookupCode = m_lookupCodeSource ? m_lookupCodeSource() : newLookupCode();
    r.openedAt = QDateTime::currentDateTimeUtc();
    auto st = m_db.cached(
        QStringLiteral("INSERT INTO record (student_id, level, lookup_code, opened_at) VALUES (?1, ?2, ?3, ?4)"));
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, studentId).bind(2, toCode(level)).bind(3, r.lookupCode).bind(4, r.openedAt.toString(Qt::ISODate));
    if (auto s = (*st)->exec(); !s)
        return std::unexpected(s.error());
    r.id = m_db.lastInsertId();
    if (auto s = AuditLog(m_db).append(QStringLiteral("record.open"), QStringLiteral("record"), QString::number(r.id),
                                       QStringLiteral("lookupCode"), std::nullopt, r.lookupCode);
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return r;
}

Status StudentRepository::closeRecord(Id recordId, const QString& reason)
{
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began();
    auto st = m_db.prepare(
        QStringLiteral("UPDATE record SET closed_at = ?1, closed_reason = ?2 WHERE id = ?3 AND closed_at IS NULL"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)).bind(2, reason).bind(3, recordId);
    if (auto s = st->exec(); !s)
        return s;
    if (m_db.changes() == 0)
        return {};
    if (auto s = AuditLog(m_db).append(QStringLiteral("record.close"), QStringLiteral("record"),
                                       QString::number(recordId), QStringLiteral("closedReason"), std::nullopt, reason);
        !s)
        return s;
    return tx.commit();
}

Result<Id> StudentRepository::addSection(const YearSection& y)
{
    Transaction tx(m_db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    auto year = m_db.cached(QStringLiteral("INSERT OR IGNORE INTO school_year (start_year, name) VALUES (?1, ?2)"));
    if (!year)
        return std::unexpected(year.error());
    if (auto s = (*year)->bind(1, y.schoolYear.startYear).bind(2, y.schoolYear.toString()).exec(); !s)
        return std::unexpected(s.error());
    auto st = m_db.cached(QStringLiteral(
        "INSERT INTO year_section (record_id, school_year, grade, class_id, homeroom_teacher_id, circular, source, "
        "version, replaces_id, additional_assessment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, y.recordId).bind(2, y.schoolYear.startYear).bind(3, y.grade).bind(4, y.classId);
    (*st)->bind(5, y.homeroomTeacherId).bind(6, toCode(y.circular)).bind(7, toCode(y.source)).bind(8, y.version);
    (*st)->bind(9, y.replacesId).bind(10, qint64(y.awaitingAdditionalAssessment));
    if (auto s = (*st)->exec(); !s)
        return std::unexpected(s.error());
    const Id id = m_db.lastInsertId();
    if (auto s
        = AuditLog(m_db).append(QStringLiteral("section.create"), QStringLiteral("year_section"), QString::number(id),
                                QStringLiteral("schoolYear"), std::nullopt, y.schoolYear.toString());
        !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return id;
}

Result<std::optional<YearSection>> StudentRepository::section(Id id)
{
    auto list = queryList<YearSection>(
        m_db, QStringLiteral("SELECT %1 FROM year_section WHERE id = ?1").arg(QLatin1String(kSectionColumns)),
        [](Statement& st) { return sectionFrom(st); }, {id});
    if (!list)
        return std::unexpected(list.error());
    return list->isEmpty() ? std::optional<YearSection>() : std::optional<YearSection>(list->first());
}

Result<QList<YearSection>> StudentRepository::sectionsOfRecord(Id recordId)
{
    return queryList<YearSection>(
        m_db,
        QStringLiteral("SELECT %1 FROM year_section WHERE record_id = ?1 ORDER BY school_year, version")
            .arg(QLatin1String(kSectionColumns)),
        [](Statement& st) { return sectionFrom(st); }, {recordId});
}

Status StudentRepository::setSectionState(Id sectionId, SectionState state)
{
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began();
    auto current = section(sectionId);
    if (!current)
        return std::unexpected(current.error());
    if (!*current)
        return fail(ErrorCode::NotFound,
                    QCoreApplication::translate("hocba::store::StudentRepository",
                                                "The school year of this record no longer exists."));
    auto st = m_db.cached(QStringLiteral("UPDATE year_section SET state = ?1 WHERE id = ?2"));
    if (!st)
        return std::unexpected(st.error());
    if (auto s = (*st)->bind(1, toCode(state)).bind(2, sectionId).exec(); !s)
        return s;
    if (auto s = AuditLog(m_db).append(QStringLiteral("section.state"), QStringLiteral("year_section"),
                                       QString::number(sectionId), QStringLiteral("state"), toCode((*current)->state),
                                       toCode(state));
        !s)
        return s;
    return tx.commit();
}

Result<QList<Assessment>> StudentRepository::assessments(Id sectionId)
{
    return queryList<Assessment>(
        m_db,
        QStringLiteral("SELECT subject, term, item, seq, value FROM assessment WHERE section_id = ?1 "
                       "ORDER BY subject, term, item, seq"),
        [](Statement& st) {
            return Assessment {st.text(0), st.text(1), st.text(2), int(st.int64(3)), st.text(4)};
        },
        {sectionId});
}

Status StudentRepository::setAssessment(Id sectionId, const Assessment& a)
{
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began();
    // Cached: a pasted block or an import sets hundreds of cells in one transaction.
    auto cachedOld = m_db.cached(QStringLiteral("SELECT value FROM assessment WHERE section_id = ?1 AND subject = ?2 "
                                                "AND term = ?3 AND item = ?4 AND seq = ?5"));
    if (!cachedOld)
        return std::unexpected(cachedOld.error());
    Statement* old = *cachedOld;
    old->bind(1, sectionId)
        .bind(2, nonNull(a.subject))
        .bind(3, nonNull(a.term))
        .bind(4, nonNull(a.item))
        .bind(5, a.seq);
    auto row = old->step();
    if (!row)
        return std::unexpected(row.error());
    const std::optional<QString> oldValue = *row ? std::optional<QString>(old->text(0)) : std::nullopt;
    old->reset();
    const QString value = text::normalized(a.value);
    if (oldValue && *oldValue == value)
        return tx.commit();
    auto cachedWrite = m_db.cached(
        value.isEmpty() ? QStringLiteral("DELETE FROM assessment WHERE section_id = ?1 AND subject = ?2 AND "
                                         "term = ?3 AND item = ?4 AND seq = ?5")
                        : QStringLiteral("INSERT INTO assessment (section_id, subject, term, item, seq, value) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET value = "
                                         "excluded.value"));
    if (!cachedWrite)
        return std::unexpected(cachedWrite.error());
    Statement* st = *cachedWrite;
    st->bind(1, sectionId).bind(2, nonNull(a.subject)).bind(3, nonNull(a.term)).bind(4, nonNull(a.item)).bind(5, a.seq);
    if (!value.isEmpty())
        st->bind(6, value);
    if (auto s = st->exec(); !s)
        return s;
    const QString field = QStringLiteral("%1/%2/%3/%4").arg(a.subject, a.term, a.item).arg(a.seq);
    if (auto s = AuditLog(m_db).append(QStringLiteral("assessment.set"), QStringLiteral("year_section"),
                                       QString::number(sectionId), field, oldValue,
                                       value.isEmpty() ? std::nullopt : std::optional<QString>(value));
        !s)
        return s;
    return tx.commit();
}

Status StudentRepository::replaceAssessments(Id sectionId, const QList<Assessment>& list)
{
    Transaction tx(m_db);
    if (!tx.began())
        return tx.began();
    auto del = m_db.prepare(QStringLiteral("DELETE FROM assessment WHERE section_id = ?1"));
    if (!del)
        return std::unexpected(del.error());
    if (auto s = del->bind(1, sectionId).exec(); !s)
        return s;
    const int removed = m_db.changes();
    if (!m_cache->insertAssessment) {
        auto st = m_db.prepare(QStringLiteral(
            "INSERT INTO assessment (section_id, subject, term, item, seq, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
        if (!st)
            return std::unexpected(st.error());
        m_cache->insertAssessment = std::move(*st);
    }
    Statement& ins = *m_cache->insertAssessment;
    for (const Assessment& a : list) {
        const QString value = text::normalized(a.value);
        if (value.isEmpty())
            continue;
        ins.bind(1, sectionId).bind(2, nonNull(a.subject)).bind(3, nonNull(a.term)).bind(4, nonNull(a.item));
        ins.bind(5, a.seq).bind(6, value);
        if (auto s = ins.exec(); !s)
            return s;
    }
    if (auto s = AuditLog(m_db).append(QStringLiteral("assessment.replace"), QStringLiteral("year_section"),
                                       QString::number(sectionId), QStringLiteral("count"), QString::number(removed),
                                       QString::number(list.size()));
        !s)
        return s;
    return tx.commit();
}

Result<QList<RosterEntry>> StudentRepository::roster(Id classId)
{
    QString sql = QStringLiteral("SELECT r.id, r.lookup_code, ");
    for (const QString& c : QString::fromLatin1(kSectionColumns).split(QStringLiteral(", ")))
        sql += QStringLiteral("ys.") + c + QStringLiteral(", ");
    const QStringList studentColumns = QString::fromLatin1(kStudentColumns).split(QStringLiteral(", "));
    for (const QString& c : studentColumns)
        sql += QStringLiteral("s.") + c + QStringLiteral(", ");
    const int transferColumn = 14 + int(studentColumns.size());
    sql += QStringLiteral("r.transferred_at, r.transferred_to_name");
    // The latest version of each student's section in this class.
    sql += QStringLiteral(" FROM year_section ys JOIN record r ON r.id = ys.record_id JOIN student s ON s.id = "
                          "r.student_id WHERE ys.class_id = ?1 AND ys.version = (SELECT max(version) FROM "
                          "year_section y2 WHERE y2.record_id = ys.record_id AND y2.school_year = ys.school_year)");
    auto list = queryList<RosterEntry>(m_db, sql,
                                       [transferColumn](Statement& st) {
                                           RosterEntry e;
                                           e.recordId = st.int64(0);
                                           e.lookupCode = st.text(1);
                                           e.section = sectionFrom(st, 2);
                                           e.student = studentFrom(st, 14);
                                           e.transferredAt
                                               = QDate::fromString(st.text(transferColumn).left(10), Qt::ISODate);
                                           e.transferredToName = st.text(transferColumn + 1);
                                           return e;
                                       },
                                       {classId});
    if (list)
        std::stable_sort(list->begin(), list->end(), [](const RosterEntry& a, const RosterEntry& b) {
            return text::compareVietnameseNames(a.student.fullName, b.student.fullName) < 0;
        });
    return list;
}

} // namespace hocba::store

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/StudentImport.h"

#include "domain/PersonalId.h"
#include "lifecycle/ImportBatch.h"
#include "lifecycle/ImportColumns.h"
#include "lifecycle/SchoolSetup.h"
#include "lifecycle/StudentColumns.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <array>
#include <variant>

namespace hocba::lifecycle {

namespace {

struct ImportText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::StudentImport)
};

using namespace student_columns;

const QStringList& aliases(int field)
{
    return student_columns::aliases()[std::size_t(field)];
}

struct Columns
{
    int headerIndex = -1; ///< index into the sheet's rows
    std::array<int, FieldCount> index;
    QStringList header;

    QString name(Field f) const { return index[f] >= 0 ? header.value(index[f]).trimmed() : QString(); }
    QString value(const sheets::SheetRow& row, Field f) const { return cellText(row, index[f]); }
};

/** The first row that names a student's name and birth date; a cell must equal an alias, never merely contain it. */
std::optional<Columns> findHeader(const sheets::Sheet& sheet)
{
    for (int r = 0; r < std::min<int>(headerSearchRows, sheet.rows.size()); ++r) {
        Columns c;
        c.headerIndex = r;
        c.header = sheet.rows.at(r).cells;
        c.index.fill(-1);
        for (int col = 0; col < c.header.size(); ++col) {
            const QString key = foldedHeader(c.header.at(col));
            for (int f = 0; f < FieldCount; ++f)
                if (c.index[f] < 0 && aliases(f).contains(key))
                    c.index[f] = col;
        }
        const bool named = c.index[FullName] >= 0 || (c.index[FamilyAndMiddle] >= 0 && c.index[GivenName] >= 0);
        if (named && c.index[BirthDate] >= 0)
            return c;
    }
    return std::nullopt;
}

struct ParsedRow
{
    int row = 0;
    Student student;
    QString className;
};

using ParseOutcome = std::variant<ParsedRow, ImportProblem>;

class RowReader
{
public:
    RowReader(const sheets::Sheet& sheet, const Columns& columns, const QString& onlyClass)
        : m_sheet(sheet)
        , m_columns(columns)
        , m_onlyClass(onlyClass.toUpper())
    { }

    ParseOutcome read(const sheets::SheetRow& row) const
    {
        ParsedRow p;
        p.row = row.number;
        Student& s = p.student;
        s.fullName = m_columns.value(row, FullName);
        if (s.fullName.isEmpty())
            s.fullName = (m_columns.value(row, FamilyAndMiddle) + u' ' + m_columns.value(row, GivenName)).trimmed();
        if (s.fullName.isEmpty())
            return problem(row, FullName, u"name"_qs, ImportText::tr("The student's name is missing."));
        const QString birth = m_columns.value(row, BirthDate);
        s.birthDate = parseBirthDate(birth);
        if (!s.birthDate.isValid())
            return problem(row, BirthDate, u"birth_date"_qs,
                           ImportText::tr("\"%1\" is not a date as dd/mm/yyyy.").arg(birth));
        if (m_columns.index[GenderField] >= 0) {
            const QString gender = foldedHeader(m_columns.value(row, GenderField));
            if (gender != u"nam"_qs && gender != u"nu"_qs)
                return problem(row, GenderField, u"gender"_qs, ImportText::tr("The gender must be Nam or Nữ."));
            s.gender = gender == u"nam"_qs ? Gender::Male : Gender::Female;
        }
        s.personalId = m_columns.value(row, PersonalIdField);
        if (!s.personalId.isEmpty())
            for (const Finding& f : personal_id::check(s.personalId, s.birthDate, s.gender))
                if (f.isError())
                    return problem(row, PersonalIdField, u"personal_id"_qs, f.message);
        s.moetCode = m_columns.value(row, MoetCode);
        s.registrationNumber = m_columns.value(row, RegistrationNumber);
        s.ethnicity = m_columns.value(row, Ethnicity);
        s.nationality = m_columns.value(row, Nationality);
        s.birthplace = m_columns.value(row, Birthplace);
        s.hometown = m_columns.value(row, Hometown);
        s.address = m_columns.value(row, Address);
        s.fatherName = m_columns.value(row, FatherName);
        s.motherName = m_columns.value(row, MotherName);
        // Lists mix "6a2" and "6A2" for one class; the school's classes are written in capitals.
        p.className = m_columns.value(row, ClassName).toUpper();
        if (p.className.isEmpty())
            p.className = m_onlyClass;
        if (p.className.isEmpty())
            return problem(row, ClassName, u"class"_qs, ImportText::tr("The class is missing."));
        if (!m_onlyClass.isEmpty() && p.className != m_onlyClass)
            return problem(row, ClassName, u"class"_qs,
                           ImportText::tr("The row is for class %1; this import takes only class %2.")
                               .arg(p.className, m_onlyClass));
        return p;
    }

    ImportProblem problem(const sheets::SheetRow& row, Field f, const QString& code, const QString& message) const
    {
        return {m_sheet.name, row.number, m_columns.name(f), code, message};
    }

    /** What the row is about, for the preview; read without checks, so that a rejected row has one too. */
    QString summary(const sheets::SheetRow& row) const
    {
        QString name = m_columns.value(row, FullName);
        if (name.isEmpty())
            name = (m_columns.value(row, FamilyAndMiddle) + u' ' + m_columns.value(row, GivenName)).trimmed();
        const QString cls = m_columns.value(row, ClassName);
        return cls.isEmpty() ? name : name + QStringLiteral(", ") + cls;
    }

private:
    const sheets::Sheet& m_sheet;
    const Columns& m_columns;
    QString m_onlyClass;
};

/** What the file says about a student, laid over what the school file holds: an empty cell keeps the stored value. */
Student merged(Student stored, const Student& incoming)
{
    for (QString Student::*f :
         {&Student::fullName, &Student::personalId, &Student::moetCode, &Student::registrationNumber,
          &Student::ethnicity, &Student::nationality, &Student::birthplace, &Student::hometown, &Student::address,
          &Student::fatherName, &Student::motherName})
        if (!(incoming.*f).isEmpty())
            stored.*f = incoming.*f;
    stored.birthDate = incoming.birthDate;
    if (incoming.gender != Gender::Unknown)
        stored.gender = incoming.gender;
    return stored;
}

QString nameKey(const Student& s)
{
    return lifecycle::nameKey(s.fullName, s.birthDate);
}

} // namespace

namespace {

/**
 * The school's students as the matching needs them: by personal ID, by MOET code, by the school's register number
 * (số đăng bộ), by name and birth date.
 */
struct StudentIndex
{
    QHash<Id, Student> byId;
    QHash<QString, Id> byPersonalId;
    QHash<QString, Id> byMoetCode;
    QHash<QString, Id> byRegistration;
    QMultiHash<QString, Id> byNameAndBirth;

    void add(const Student& s)
    {
        byId.insert(s.id, s);
        if (!s.personalId.isEmpty())
            byPersonalId.insert(s.personalId, s.id);
        if (!s.moetCode.isEmpty())
            byMoetCode.insert(s.moetCode, s.id);
        if (!s.registrationNumber.isEmpty())
            byRegistration.insert(s.registrationNumber, s.id);
        byNameAndBirth.insert(nameKey(s), s.id);
    }
};

Result<StudentIndex> loadStudents(store::Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT id FROM student"));
    if (!st)
        return std::unexpected(st.error());
    QList<Id> ids;
    for (auto row = st->step(); row && *row; row = st->step())
        ids.append(st->int64(0));
    store::StudentRepository students(db);
    StudentIndex index;
    for (Id id : ids) {
        auto s = students.student(id);
        if (!s)
            return std::unexpected(s.error());
        if (*s)
            index.add(**s);
    }
    return index;
}

class StudentImporter
{
public:
    StudentImporter(store::Database& db, const sheets::Sheet& sheet, const Columns& columns, SchoolYear year)
        : m_db(db)
        , m_sheet(sheet)
        , m_columns(columns)
        , m_year(year)
        , m_schools(db)
        , m_students(db)
    { }

    Status run(StudentIndex index, const QString& onlyClass)
    {
        m_index = std::move(index);
        const RowReader reader(m_sheet, m_columns, onlyClass);
        // A student named twice in one file: which row is right is the school's call, so neither row is imported.
        for (int r = m_columns.headerIndex + 1; r < m_sheet.rows.size(); ++r) {
            const sheets::SheetRow& row = m_sheet.rows.at(r);
            if (isBlank(row))
                continue;
            auto parsed = reader.read(row);
            if (const auto* p = std::get_if<ParsedRow>(&parsed))
                for (const QString& key : identityKeys(p->student))
                    m_rowsByKey[key].append(row.number);
            m_parsed.insert(row.number, std::move(parsed));
        }
        return importDataRows<ParsedRow>(
            m_sheet, m_columns.headerIndex, m_report, m_rows,
            [&](const auto& row) { return m_parsed.take(row.number); },
            [&](const auto&, const ParsedRow& p) { return importRow(p); },
            [&](const auto& row) { return reader.summary(row); });
    }

    const ImportReport& report() const { return m_report; }
    const QList<ImportRow>& rows() const { return m_rows; }

private:
    ImportProblem rowProblem(int row, Field f, const QString& code, const QString& message) const
    {
        return {m_sheet.name, row, m_columns.name(f), code, message};
    }

    /** The other rows of this file that name the same student, ascending. */
    QList<int> otherRows(const ParsedRow& p) const
    {
        QList<int> rows;
        for (const QString& key : identityKeys(p.student))
            for (int row : m_rowsByKey.value(key))
                if (row != p.row && !rows.contains(row))
                    rows.append(row);
        std::sort(rows.begin(), rows.end());
        return rows;
    }

    static QStringList identityKeys(const Student& s)
    {
        QStringList keys {u"n:"_qs + nameKey(s)};
        if (!s.personalId.isEmpty())
            keys.append(u"p:"_qs + s.personalId);
        if (!s.moetCode.isEmpty())
            keys.append(u"m:"_qs + s.moetCode);
        if (!s.registrationNumber.isEmpty())
            keys.append(u"r:"_qs + s.registrationNumber);
        return keys;
    }

    /** The stored student the row names, or a conflict when the identifiers disagree or the name is ambiguous. */
    std::variant<std::optional<Id>, ImportProblem> match(const ParsedRow& p) const
    {
        const Student& s = p.student;
        std::optional<Id> found;
        if (!s.personalId.isEmpty() && m_index.byPersonalId.contains(s.personalId))
            found = m_index.byPersonalId.value(s.personalId);
        else if (!s.moetCode.isEmpty() && m_index.byMoetCode.contains(s.moetCode))
            found = m_index.byMoetCode.value(s.moetCode);
        else if (!s.registrationNumber.isEmpty() && m_index.byRegistration.contains(s.registrationNumber))
            found = m_index.byRegistration.value(s.registrationNumber);
        else if (const auto same = m_index.byNameAndBirth.values(nameKey(s)); same.size() > 1)
            return rowProblem(
                p.row, FullName, u"ambiguous"_qs,
                ImportText::tr("%1 students in the school file have this name and birth date.").arg(same.size()));
        else if (same.size() == 1)
            found = same.first();
        if (!found)
            return found;
        const Student& stored = m_index.byId.value(*found);
        const bool otherId
            = !s.personalId.isEmpty() && !stored.personalId.isEmpty() && s.personalId != stored.personalId;
        const bool otherCode = !s.moetCode.isEmpty() && !stored.moetCode.isEmpty() && s.moetCode != stored.moetCode;
        if (otherId || otherCode)
            return rowProblem(p.row, otherId ? PersonalIdField : MoetCode, u"mismatch"_qs,
                              ImportText::tr("The school file has this student with another %1.")
                                  .arg(m_columns.name(otherId ? PersonalIdField : MoetCode)));
        return found;
    }

    Result<ClassGroup> classFor(const QString& name)
    {
        auto existing = m_schools.classByName(m_year, text::normalized(name));
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing)
            return **existing;
        auto added = addClass(m_db, m_year, name);
        if (!added)
            return std::unexpected(added.error());
        auto made = m_schools.classByName(m_year, text::normalized(name));
        if (!made)
            return std::unexpected(made.error());
        if (!*made)
            return fail(ErrorCode::NotFound, ImportText::tr("The class %1 was not saved.").arg(name));
        return **made;
    }

    /** The class of the student's section in the import's year: nullopt when there is none, 0 when it has no class. */
    Result<std::optional<Id>> sectionClass(Id studentId)
    {
        auto st
            = m_db.prepare(QStringLiteral("SELECT coalesce(ys.class_id, 0) FROM year_section ys JOIN record r "
                                          "ON r.id = ys.record_id WHERE r.student_id = ?1 AND ys.school_year = ?2"));
        if (!st)
            return std::unexpected(st.error());
        st->bind(1, studentId).bind(2, m_year.startYear);
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        return *row ? std::optional<Id>(st->int64(0)) : std::nullopt;
    }

    Status importRow(const ParsedRow& p);
    Status write(const ParsedRow& p, const ClassGroup& cls, std::optional<Id> storedId);

    store::Database& m_db;
    const sheets::Sheet& m_sheet;
    const Columns& m_columns;
    SchoolYear m_year;
    store::SchoolRepository m_schools;
    store::StudentRepository m_students;
    StudentIndex m_index;
    QHash<QString, QList<int>> m_rowsByKey; ///< each student key of the file and the rows that name it
    QHash<int, std::variant<ParsedRow, ImportProblem>> m_parsed; ///< each data row as read once, by row number
    ImportReport m_report;
    QList<ImportRow> m_rows;
};

Status StudentImporter::importRow(const ParsedRow& p)
{
    if (const QList<int> others = otherRows(p); !others.isEmpty()) {
        QStringList numbers;
        for (int row : others)
            numbers << QString::number(row);
        m_report.conflicts.append(rowProblem(
            p.row, FullName, u"duplicate"_qs,
            ImportText::tr("The same student as row %1: none of these rows is imported; keep one and import again.")
                .arg(numbers.join(u", "_qs))));
        return {};
    }
    auto matched = match(p);
    if (auto* conflict = std::get_if<ImportProblem>(&matched)) {
        m_report.conflicts.append(*conflict);
        return {};
    }
    // Each row in its own savepoint: a row the store refuses leaves nothing of itself behind.
    store::Transaction rowTx(m_db);
    if (!rowTx.began())
        return rowTx.began();
    auto cls = classFor(p.className);
    if (!cls) {
        if (cls.error().code != ErrorCode::InvalidInput && cls.error().code != ErrorCode::NotFound)
            return std::unexpected(cls.error());
        m_report.rejected.append(rowProblem(p.row, ClassName, u"class"_qs, cls.error().message));
        return {};
    }
    const qsizetype conflictsBefore = m_report.conflicts.size();
    if (auto written = write(p, *cls, std::get<std::optional<Id>>(matched)); !written) {
        if (written.error().code == ErrorCode::DbQueryFailed)
            return written;
        m_report.rejected.append(rowProblem(p.row, FullName, u"store"_qs, written.error().message));
        return {};
    }
    if (m_report.conflicts.size() != conflictsBefore)
        return {}; // the savepoint's rollback drops a class created for a row that is not imported
    return rowTx.commit();
}

Status StudentImporter::write(const ParsedRow& p, const ClassGroup& cls, std::optional<Id> storedId)
{
    Student student = storedId ? merged(m_index.byId.value(*storedId), p.student) : p.student;
    const bool fieldsChanged
        = !storedId || store::studentFields(student) != store::studentFields(m_index.byId.value(*storedId));
    std::optional<Id> inYear;
    if (storedId) {
        auto section = sectionClass(*storedId);
        if (!section)
            return std::unexpected(section.error());
        inYear = *section;
    }
    if (inYear && *inYear != cls.id) {
        m_report.conflicts.append(
            rowProblem(p.row, ClassName, u"class_change"_qs,
                       ImportText::tr("The student is already in another class in %1.").arg(m_year.toString())));
        return {};
    }
    if (!fieldsChanged && inYear) {
        ++m_report.unchanged;
        return {};
    }
    if (fieldsChanged) {
        auto saved = m_students.saveStudent(student);
        if (!saved)
            return std::unexpected(saved.error());
        student.id = saved->id;
    }
    if (!inYear) {
        auto record = m_students.openRecord(student.id, levelOfGrade(cls.grade).value_or(SchoolLevel::Thcs));
        if (!record)
            return std::unexpected(record.error());
        YearSection section;
        section.recordId = record->id;
        section.schoolYear = m_year;
        section.grade = cls.grade;
        section.classId = cls.id;
        section.circular = circularOfGrade(cls.grade).value_or(Circular::TT22);
        if (auto added = m_students.addSection(section); !added)
            return std::unexpected(added.error());
    }
    ++(storedId ? m_report.updated : m_report.added);
    m_index.add(student);
    return {};
}

} // namespace

Result<ImportResult> importStudents(store::Database& db, const sheets::Sheet& sheet, const QByteArray& fileDigest,
                                    const StudentImportOptions& options, const Actor& actor)
{
    if (auto s = permit(db, actor, Right::ManageSchool, RightScope::inYear(options.year)); !s)
        return std::unexpected(s.error());
    const auto columns = findHeader(sheet);
    if (!columns)
        return fail(ErrorCode::InvalidInput,
                    ImportText::tr("No header row found: one of the first %1 rows must name the columns, with at "
                                   "least \"Họ và tên\" (or \"Họ đệm\" and \"Tên\") and \"Ngày sinh\".")
                        .arg(headerSearchRows),
                    QString::fromLatin1(kNoHeaderRow));
    ImportBatch batch(db);
    if (!batch.began())
        return std::unexpected(batch.began().error());
    auto index = loadStudents(db);
    if (!index)
        return std::unexpected(index.error());
    StudentImporter importer(db, sheet, *columns, options.year);
    if (auto s = importer.run(std::move(*index), options.className); !s)
        return std::unexpected(s.error());
    return batch.finish({QStringLiteral("import.students"), options.fileName, fileDigest,
                         QStringLiteral("year=%1").arg(options.year.toString()), options.dryRun, options.allOrNothing},
                        {importer.report(), importer.rows(), 0});
}

} // namespace hocba::lifecycle

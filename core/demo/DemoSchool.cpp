// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/DemoSchool.h"

#include "demo/People.h"
#include "domain/Finding.h"
#include "rules/ResultsGenerator.h"
#include "rules/RuleSet.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <cmath>

namespace hocba::demo {

namespace {

constexpr int kPrimaryClassSize = 35;
constexpr int kThcsClassSize = 40;
// About one student in thirty carries a mistake for lint to find; one primary student in forty ends the year
// "Chưa hoàn thành" and waits for the August additional assessment — as in a real school.
constexpr int kDefectEvery = 30;
constexpr int kNotCompletedEvery = 40;

QString schoolName(DemoOptions::Levels levels)
{
    switch (levels) {
    case DemoOptions::Levels::Primary:
        return QStringLiteral("Trường Tiểu học Hoa Sen (dữ liệu mẫu)");
    case DemoOptions::Levels::Thcs:
        return QStringLiteral("Trường THCS Hoa Sen (dữ liệu mẫu)");
    case DemoOptions::Levels::Both:
        break;
    }
    return QStringLiteral("Trường Tiểu học và THCS Hoa Sen (dữ liệu mẫu)");
}

/** Splits `total` as evenly as possible over `parts`. */
QList<int> spread(int total, int parts)
{
    QList<int> out;
    for (int i = 0; i < parts; ++i)
        out.append(total / parts + (i < total % parts ? 1 : 0));
    return out;
}

class Builder
{
public:
    Builder(store::Database& db, const DemoOptions& options)
        : m_options(options)
        , m_people(options.seed)
        , m_schools(db)
        , m_students(db)
    {
        // Lookup codes in UUIDv4 form, but drawn from the seed: the same seed gives the same school.
        m_students.setLookupCodeSource([this] {
            QByteArray bytes(16, Qt::Uninitialized);
            for (int i = 0; i < 16; i += 8) {
                const quint64 v = m_codeRng.next();
                for (int b = 0; b < 8; ++b)
                    bytes[i + b] = char((v >> (8 * b)) & 0xff);
            }
            bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
            bytes[8] = char((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
            return QString::fromLatin1(bytes.toHex());
        });
    }

    Result<DemoReport> run()
    {
        QList<int> grades;
        if (m_options.levels != DemoOptions::Levels::Thcs)
            grades << 1 << 2 << 3 << 4 << 5;
        if (m_options.levels != DemoOptions::Levels::Primary)
            grades << 6 << 7 << 8 << 9;

        School school;
        school.name = schoolName(m_options.levels);
        school.moetCode = QStringLiteral("0100123401");
        school.province = QStringLiteral("Thành phố Hà Nội");
        school.commune = QStringLiteral("Phường Ba Đình");
        school.address = QStringLiteral("Số 1 phố Hoa Sen, phường Ba Đình, thành phố Hà Nội");
        school.hasPrimary = grades.contains(1);
        school.hasThcs = grades.contains(9);
        m_level = school.hasPrimary ? SchoolLevel::Primary : SchoolLevel::Thcs;
        const Teacher principal = m_people.teacher(m_level);
        school.principalName = principal.fullName;
        if (auto s = m_schools.saveSchool(school); !s)
            return std::unexpected(s.error());

        const QList<int> perGrade = spread(m_options.students, int(grades.size()));
        int done = 0;
        for (int gi = 0; gi < grades.size(); ++gi) {
            const int grade = grades.at(gi);
            const bool primary = grade <= 5;
            const int size = primary ? kPrimaryClassSize : kThcsClassSize;
            const int classCount = std::max(1, int(std::ceil(double(perGrade.at(gi)) / size)));
            const QList<int> perClass = spread(perGrade.at(gi), classCount);
            for (int c = 0; c < classCount; ++c) {
                for (int seat = 0; seat < perClass.at(c); ++seat) {
                    if (auto s = addStudent(grade, c + 1); !s)
                        return std::unexpected(s.error());
                    ++done;
                    if (m_options.progress && !m_options.progress(done, m_options.students))
                        return fail(ErrorCode::Cancelled,
                                    QCoreApplication::translate("hocba::demo::DemoSchool",
                                                                "Creating the demo school was cancelled."));
                }
            }
        }
        m_report.students = done;
        // Past years had other principals: each year's pages name the principal of that year (drawn last, so the
        // rest of the school is what the same seed always made).
        auto years = m_schools.schoolYears();
        if (!years)
            return std::unexpected(years.error());
        for (const SchoolYear& y : *years) {
            if (y.startYear >= m_options.year.startYear)
                continue;
            // Two principals before this one, each for a few years.
            const int age = m_options.year.startYear - y.startYear;
            const QString name = age <= 3 ? pastPrincipal(0) : pastPrincipal(1);
            if (auto set = m_schools.setYearPrincipal(y, name); !set)
                return std::unexpected(set.error());
        }
        return m_report;
    }

private:
    QString pastPrincipal(int i)
    {
        while (m_pastPrincipals.size() <= i)
            m_pastPrincipals << m_people.teacher(m_level).fullName;
        return m_pastPrincipals.at(i);
    }

    Result<Id> teacherFor(SchoolLevel level)
    {
        const Teacher t = m_people.teacher(level);
        auto id = m_schools.saveTeacher(t);
        if (id)
            ++m_report.teachers;
        return id;
    }

    /** The class "<grade>A<index>" of a year, made (with a homeroom teacher) the first time it is needed. */
    Result<ClassGroup> classOf(SchoolYear year, int grade, int index)
    {
        const QString name = QStringLiteral("%1A%2").arg(grade).arg(index);
        const QString key = QStringLiteral("%1/%2").arg(year.startYear).arg(name);
        if (auto it = m_classes.constFind(key); it != m_classes.constEnd())
            return *it;
        auto teacher = teacherFor(grade <= 5 ? SchoolLevel::Primary : SchoolLevel::Thcs);
        if (!teacher)
            return std::unexpected(teacher.error());
        ClassGroup cls;
        cls.schoolYear = year;
        cls.grade = grade;
        cls.name = name;
        cls.homeroomTeacherId = *teacher;
        auto id = m_schools.saveClass(cls);
        if (!id)
            return std::unexpected(id.error());
        cls.id = *id;
        m_classes.insert(key, cls);
        ++m_report.classes;
        return cls;
    }

    Status addStudent(int grade, int classIndex)
    {
        const int index = m_studentIndex++;
        const GeneratedStudent generated = m_people.student(grade, m_options.year);
        auto saved = m_students.saveStudent(generated.student);
        if (!saved)
            return std::unexpected(saved.error());
        if (hasErrors(saved->findings))
            ++m_report.personalIdFindings;
        const bool primary = grade <= 5;
        auto record = m_students.openRecord(saved->id, primary ? SchoolLevel::Primary : SchoolLevel::Thcs);
        if (!record)
            return std::unexpected(record.error());

        // One ability per student so their years look like one child's history.
        const double ability = double(m_people.rng().uniform(0, 1000)) / 1000.0;
        const bool defect = index % kDefectEvery == kDefectEvery - 1;
        const bool notCompleted = primary && !defect && index % kNotCompletedEvery == kNotCompletedEvery / 2;
        if (defect)
            ++m_report.withDefects;
        const int firstGrade = primary ? 1 : 6;
        for (int g = firstGrade; g <= grade; ++g) {
            const SchoolYear year {m_options.year.startYear - (grade - g)};
            const bool current = g == grade;
            auto cls = classOf(year, g, classIndex);
            if (!cls)
                return std::unexpected(cls.error());
            YearSection section;
            section.recordId = record->id;
            section.schoolYear = year;
            section.grade = g;
            section.classId = cls->id;
            section.homeroomTeacherId = cls->homeroomTeacherId;
            section.circular = primary ? Circular::TT27 : Circular::TT22;
            // Before this year the school kept its records on paper: shown as history, never signed here.
            section.source = current ? SectionSource::Digital : SectionSource::Paper;
            section.awaitingAdditionalAssessment = current && notCompleted;
            auto sectionId = m_students.addSection(section);
            if (!sectionId)
                return std::unexpected(sectionId.error());
            ++m_report.sections;
            if (!current)
                ++m_report.paperSections;
            if (section.awaitingAdditionalAssessment)
                ++m_report.awaitingAdditionalAssessment;
            // Years the circulars do not cover (before their roadmap) have no results to generate.
            if (!rules::lookupRuleSet(year, g, section.circular))
                continue;
            rules::GeneratorOptions gen;
            gen.grade = g;
            gen.schoolYear = year;
            gen.seed = m_options.seed * 1000003ULL + quint64(index) * 16ULL + quint64(g);
            gen.ability = ability;
            gen.defect = current && defect ? rules::GeneratedDefect(1 + index / kDefectEvery % 2)
                                           : rules::GeneratedDefect::None;
            // (Only missing and impossible values: the store keeps no empty text, so an empty comment cannot be
            // stored.)
            gen.primaryNotCompleted = section.awaitingAdditionalAssessment;
            const QList<Assessment> rows = rules::ResultsGenerator::generate(gen);
            if (auto s = m_students.replaceAssessments(*sectionId, rows); !s)
                return s;
            m_report.assessments += int(rows.size());
        }
        return {};
    }

    const DemoOptions& m_options;
    PeopleGenerator m_people;
    Rng m_codeRng {m_options.seed ^ 0x9e3779b97f4a7c15ULL};
    store::SchoolRepository m_schools;
    store::StudentRepository m_students;
    QHash<QString, ClassGroup> m_classes;
    DemoReport m_report;
    int m_studentIndex = 0;
    SchoolLevel m_level = SchoolLevel::Primary;
    QStringList m_pastPrincipals;
};

} // namespace

Result<DemoReport> createDemoSchool(const QString& path, const DemoOptions& options)
{
    if (QFileInfo::exists(path))
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("hocba::demo::DemoSchool",
                                                "%1 already exists; the demo school is only made in a new file.")
                        .arg(QDir::toNativeSeparators(path)));
    if (options.students < 1 || options.students > 20000)
        return fail(ErrorCode::Usage,
                    QCoreApplication::translate("hocba::demo::DemoSchool",
                                                "The number of students must be between 1 and 20000."));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::demo::DemoSchool", "Cannot create the folder %1.")
                        .arg(QDir::toNativeSeparators(info.absolutePath())));

    // Build under a temporary name so a failed or cancelled run never leaves a half-made school behind.
    const QString temp = path + QStringLiteral(".part");
    store::Database::removeFiles(temp);
    Result<DemoReport> report;
    {
        store::Database::OpenOptions open;
        open.actor = QStringLiteral("demo");
        auto db = store::Database::openOrCreate(temp, open);
        if (!db)
            return std::unexpected(db.error());
        // The file is deleted if anything fails, so the build needs no crash safety: keep the journal in memory and
        // a large page cache (one transaction writes ~700,000 rows for 2,500 students).
        if (auto s = (*db)->exec(
                QStringLiteral("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;"));
            !s)
            return std::unexpected(s.error());
        store::Transaction tx(**db);
        if (!tx.began())
            return std::unexpected(tx.began().error());
        Builder builder(**db, options);
        report = builder.run();
        if (report) {
            if (auto s = tx.commit(); !s)
                report = std::unexpected(s.error());
        }
        if (report) {
            if (auto s = (*db)->exec(QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")); !s)
                report = std::unexpected(s.error());
        }
    }
    if (!report) {
        store::Database::removeFiles(temp);
        return report;
    }
    if (!QFile::rename(temp, path)) {
        store::Database::removeFiles(temp);
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::demo::DemoSchool", "Cannot write %1.")
                        .arg(QDir::toNativeSeparators(path)));
    }
    return report;
}

} // namespace hocba::demo

// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/SampleRecord.h"

#include "demo/People.h"
#include "rules/Evaluator.h"
#include "rules/ResultsGenerator.h"

#include <QCryptographicHash>
#include <QHash>
#include <QTimeZone>

namespace hocba::demo {

render::RenderInput sampleRecord(const SampleRecordOptions& options)
{
    const bool primary = options.level == SchoolLevel::Primary;
    const int firstGrade = primary ? 1 : 6;
    const int firstYear = primary ? 2020 : 2021;
    const int years = options.years > 0 ? options.years : (primary ? 5 : 4);

    PeopleGenerator people(options.seed);
    const Student student = people.student(firstGrade, SchoolYear {firstYear}).student;
    const Teacher principal = people.teacher(options.level);
    School school;
    school.moetCode = primary ? QStringLiteral("01001234") : QStringLiteral("01005678");
    school.name = primary ? QStringLiteral("Trường Tiểu học Nguyễn Trãi") : QStringLiteral("Trường THCS Chu Văn An");
    school.province = QStringLiteral("Hà Nội");
    school.commune = QStringLiteral("Phường Láng Thượng");
    school.principalName = principal.fullName;
    QString lookupCode;
    for (int i = 0; i < 2; ++i)
        lookupCode += QStringLiteral("%1").arg(people.rng().next(), 16, 16, QLatin1Char('0'));
    const int section = people.rng().uniform(1, 4);

    render::RenderInput input;
    QList<packet::StudyHistoryEntry> history;
    for (int y = 0; y < years; ++y) {
        const int grade = firstGrade + y;
        const SchoolYear year {firstYear + y};
        packet::Packet p;
        p.lookupCode = lookupCode;
        p.level = options.level;
        p.draft = options.draft;
        p.school = school;
        p.student = student;
        p.schoolYear = year;
        p.grade = grade;
        p.className = QStringLiteral("%1A%2").arg(grade).arg(section);
        p.homeroomTeacherName = people.teacher(options.level).fullName;
        p.principalName = principal.fullName;
        history.append({year, grade, p.className, school.name + QStringLiteral(", Hà Nội"), student.registrationNumber,
                        y == 0 ? student.enrolmentDate : QDate()});
        p.studyHistory = history;
        rules::GeneratorOptions g;
        g.grade = grade;
        g.schoolYear = year;
        g.seed = options.seed * 16 + quint64(y);
        p.inputs = rules::ResultsGenerator::generateInput(g);
        if (auto out = rules::evaluate(p.inputs))
            p.results = *out;
        p.createdAt = QDateTime(QDate(year.startYear + 1, 5, 28), QTime(9, 0), Qt::UTC);
        input.years.append(p);
        input.packetSha256.append(QCryptographicHash::hash(
            QStringLiteral("%1/%2/%3").arg(lookupCode).arg(year.startYear).arg(p.version).toUtf8(),
            QCryptographicHash::Sha256));
    }
    // Drawn after the years, so the rest of a seed's record stays as it was. The first two years had another
    // principal; a THCS row names the subject's teacher of that year (a subject changes teacher after two years).
    const QString earlierPrincipal = people.teacher(options.level).fullName;
    QHash<QString, QString> subjectTeachers;
    for (qsizetype y = 0; y < input.years.size(); ++y) {
        packet::Packet& p = input.years[y];
        if (y < 2 && input.years.size() > 2)
            p.principalName = earlierPrincipal;
        if (primary)
            continue;
        for (SubjectEntry& s : p.inputs.subjects) {
            if (!subjectTeachers.contains(s.code) || (y == 2 && s.code.size() % 2 == 0))
                subjectTeachers.insert(s.code, people.teacher(options.level).fullName);
            s.teacherName = subjectTeachers.value(s.code);
        }
    }
    return input;
}

} // namespace hocba::demo

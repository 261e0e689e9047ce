// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandInSchool.h"

#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QStringList>

namespace hocba::test {

namespace {

struct Builder
{
    store::Database& db;
    store::SchoolRepository schools {db};
    store::StudentRepository students {db};
    int serial = 0;

    Result<Id> addClass(SchoolYear year, int grade, const QString& name, Id teacher)
    {
        ClassGroup c;
        c.schoolYear = year;
        c.grade = grade;
        c.name = name;
        c.homeroomTeacherId = teacher;
        return schools.saveClass(c);
    }

    Result<Id> addStudent(const QString& name, int birthYear)
    {
        ++serial;
        Student s;
        s.fullName = name;
        const bool female = name.contains(QStringLiteral(" Thị "));
        s.gender = female ? Gender::Female : Gender::Male;
        s.birthDate = QDate(birthYear, 1 + serial % 12, 1 + (serial * 7) % 28);
        s.ethnicity = serial % 5 == 0 ? QStringLiteral("Tày") : QStringLiteral("Kinh");
        s.nationality = QStringLiteral("Việt Nam");
        s.birthplace = QStringLiteral("Bệnh viện Từ Dũ, TP. Hồ Chí Minh");
        s.hometown = QStringLiteral("Xã Hoà Bình, tỉnh Thái Bình");
        s.address = QStringLiteral("%1 Lê Lợi, phường Bến Thành").arg(serial);
        s.fatherName = QStringLiteral("Nguyễn Văn Phúc");
        s.motherName = QStringLiteral("Trần Thị Mai");
        if (serial % 7 == 0)
            s.guardianName = QStringLiteral("Lê Thị Hạnh");
        // 079 = TP. Hồ Chí Minh; century/gender digit 2 (male) or 3 (female) for births 2000–2099.
        s.personalId = QStringLiteral("079%1%2%3")
                           .arg(female ? 3 : 2)
                           .arg(birthYear % 100, 2, 10, QLatin1Char('0'))
                           .arg(100000 + serial, 6, 10, QLatin1Char('0'));
        s.moetCode = QStringLiteral("79%1").arg(1000000 + serial);
        s.registrationNumber = QStringLiteral("%1/2025").arg(serial);
        auto saved = students.saveStudent(s);
        if (!saved)
            return std::unexpected(saved.error());
        return saved->id;
    }

    /** A section of the student's record in a class, moved forward along the state machine to `state`. */
    Status addSection(Id studentId, Id classId, SchoolYear year, int grade, Id teacher, SectionState state)
    {
        const SchoolLevel level = grade <= 5 ? SchoolLevel::Primary : SchoolLevel::Thcs;
        auto record = students.openRecord(studentId, level);
        if (!record)
            return std::unexpected(record.error());
        YearSection ys;
        ys.recordId = record->id;
        ys.schoolYear = year;
        ys.grade = grade;
        ys.classId = classId;
        ys.homeroomTeacherId = teacher;
        ys.circular = level == SchoolLevel::Primary ? Circular::TT27 : Circular::TT22;
        auto id = students.addSection(ys);
        if (!id)
            return std::unexpected(id.error());
        for (SectionState step :
             {SectionState::Ready, SectionState::Signed, SectionState::Submitted, SectionState::Locked}) {
            if (int(step) > int(state))
                break;
            if (auto r = students.setSectionState(*id, step); !r)
                return std::unexpected(r.error());
        }
        return {};
    }
};

SectionState stateFor(int i)
{
    static const SectionState states[] = {SectionState::Draft, SectionState::Ready, SectionState::Signed,
                                          SectionState::Submitted, SectionState::Locked};
    return states[i % 5];
}

} // namespace

Status createStandInSchool(const QString& path)
{
    auto opened = store::Database::openOrCreate(path);
    if (!opened)
        return std::unexpected(opened.error());
    store::Database& db = **opened;
    Builder b {db};
    store::Transaction tx(db);
    if (auto r = tx.began(); !r)
        return std::unexpected(r.error());

    School school;
    school.moetCode = QStringLiteral("79000123");
    school.name = QString::fromUtf8(kStandInSchoolName);
    school.province = QStringLiteral("Thành phố Hồ Chí Minh");
    school.commune = QStringLiteral("Phường Bến Thành");
    school.principalName = QStringLiteral("Võ Thị Thu Hà");
    school.hasPrimary = true;
    school.hasThcs = true;
    if (auto r = b.schools.saveSchool(school); !r)
        return std::unexpected(r.error());
    const SchoolYear y2024 {2024}, y2025 {2025};
    if (auto r = b.schools.addSchoolYear(y2024); !r)
        return std::unexpected(r.error());
    if (auto r = b.schools.addSchoolYear(y2025); !r)
        return std::unexpected(r.error());

    QList<Id> teachers;
    for (const char* name : {"Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Hồng Nhung", "Phạm Quốc Đạt"}) {
        Teacher t;
        t.fullName = QString::fromUtf8(name);
        auto id = b.schools.saveTeacher(t);
        if (!id)
            return std::unexpected(id.error());
        teachers << *id;
    }

    auto c2024_1A1 = b.addClass(y2024, 1, QStringLiteral("1A1"), teachers[1]);
    auto c1A1 = b.addClass(y2025, 1, QStringLiteral("1A1"), teachers[0]);
    auto c1A2 = b.addClass(y2025, 1, QStringLiteral("1A2"), teachers[2]);
    auto c2A1 = b.addClass(y2025, 2, QStringLiteral("2A1"), teachers[1]);
    auto c6A1 = b.addClass(y2025, 6, QStringLiteral("6A1"), teachers[3]);
    for (const auto* c : {&c2024_1A1, &c1A1, &c1A2, &c2A1, &c6A1})
        if (!*c)
            return std::unexpected(c->error());

    // 2025-2026 1A1, inserted out of name order so the sort is visible.
    const char* order1A1[] = {"Nguyễn Văn Bình", "Trần Thị Ánh", "Lê Minh Đức", "Phạm Thị Yến", "Hoàng Văn An",
                              "Đặng Thị Châu",   "Vũ Minh Dũng", "Bùi Thị Hoa", "Đỗ Văn Long",  "Ngô Thị Ngọc Anh"};
    int i = 0;
    for (const char* name : order1A1) {
        auto id = b.addStudent(QString::fromUtf8(name), 2019);
        if (!id)
            return std::unexpected(id.error());
        if (auto r = b.addSection(*id, *c1A1, y2025, 1, teachers[0], stateFor(i++)); !r)
            return std::unexpected(r.error());
    }

    const QStringList families = {QStringLiteral("Nguyễn"), QStringLiteral("Trần"),  QStringLiteral("Lê"),
                                  QStringLiteral("Phạm"),   QStringLiteral("Huỳnh"), QStringLiteral("Võ")};
    const QStringList middles = {QStringLiteral("Thị"), QStringLiteral("Văn"), QStringLiteral("Minh"),
                                 QStringLiteral("Gia"), QStringLiteral("Thị Kim")};
    const QStringList givens
        = {QStringLiteral("Khoa"), QStringLiteral("Lâm"),  QStringLiteral("Mỹ"),  QStringLiteral("Nhi"),
           QStringLiteral("Phát"), QStringLiteral("Quân"), QStringLiteral("Sơn"), QStringLiteral("Thảo"),
           QStringLiteral("Uyên"), QStringLiteral("Vy")};
    auto name = [&](int k) {
        return families[k % families.size()] + QLatin1Char(' ') + middles[(k / 2) % middles.size()] + QLatin1Char(' ')
            + givens[k % givens.size()];
    };

    // 1A2: eight students, all drafts.
    for (int k = 0; k < 8; ++k) {
        auto id = b.addStudent(name(k), 2019);
        if (!id)
            return std::unexpected(id.error());
        if (auto r = b.addSection(*id, *c1A2, y2025, 1, teachers[2], SectionState::Draft); !r)
            return std::unexpected(r.error());
    }
    // Ten students were in 1A1 last year (locked) and are in 2A1 now (drafts and confirmed).
    for (int k = 10; k < 20; ++k) {
        auto id = b.addStudent(name(k), 2018);
        if (!id)
            return std::unexpected(id.error());
        if (auto r = b.addSection(*id, *c2024_1A1, y2024, 1, teachers[1], SectionState::Locked); !r)
            return std::unexpected(r.error());
        if (auto r = b.addSection(*id, *c2A1, y2025, 2, teachers[1], k % 2 ? SectionState::Ready : SectionState::Draft);
            !r)
            return std::unexpected(r.error());
    }
    // 6A1: nine THCS students.
    for (int k = 20; k < 29; ++k) {
        auto id = b.addStudent(name(k), 2014);
        if (!id)
            return std::unexpected(id.error());
        if (auto r = b.addSection(*id, *c6A1, y2025, 6, teachers[3], stateFor(k)); !r)
            return std::unexpected(r.error());
    }
    return tx.commit();
}

} // namespace hocba::test

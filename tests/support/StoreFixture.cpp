// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"

#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QFile>
#include <QProcess>
#include <QTest>

namespace hocba::test {

std::unique_ptr<store::Database> openTestDatabase(const QString& path)
{
    auto db = store::Database::openOrCreate(path);
    if (!db) {
        qWarning("open failed: %s", qPrintable(describe(db.error())));
        return nullptr;
    }
    return std::move(*db);
}

MiniSchool makeMiniSchool(store::Database& db)
{
    MiniSchool m;
    store::SchoolRepository schools(db);
    store::StudentRepository students(db);
    School s;
    s.name = QStringLiteral("Trường THCS Thử Nghiệm");
    s.moetCode = QStringLiteral("01001234");
    s.province = QStringLiteral("Hà Nội");
    s.hasThcs = true;
    if (auto saved = schools.saveSchool(s); !saved)
        qFatal("saveSchool: %s", qPrintable(describe(saved.error())));
    Teacher t;
    t.fullName = QStringLiteral("Lê Thị Hồng");
    t.gender = Gender::Female;
    const Id teacherId = schools.saveTeacher(t).value();
    ClassGroup c;
    c.schoolYear = SchoolYear {2025};
    c.grade = 7;
    c.name = QStringLiteral("7A1");
    c.homeroomTeacherId = teacherId;
    m.classId = schools.saveClass(c).value();

    const auto addStudent = [&](const QString& name, Gender g, const QString& pid, QDate birth) {
        Student st;
        st.fullName = name;
        st.gender = g;
        st.birthDate = birth;
        st.personalId = pid;
        st.ethnicity = QStringLiteral("Kinh");
        const Id id = students.saveStudent(st).value().id;
        const Record r = students.openRecord(id, SchoolLevel::Thcs).value();
        YearSection y;
        y.recordId = r.id;
        y.schoolYear = SchoolYear {2025};
        y.grade = 7;
        y.classId = m.classId;
        y.homeroomTeacherId = teacherId;
        y.circular = Circular::TT22;
        const Id sid = students.addSection(y).value();
        const QList<Assessment> inputs {
            {QStringLiteral("toan"), QStringLiteral("hk1"), QStringLiteral("regular"), 1, QStringLiteral("8")},
            {QStringLiteral("toan"), QStringLiteral("hk1"), QStringLiteral("regular"), 2, QStringLiteral("9")},
            {QStringLiteral("toan"), QStringLiteral("hk1"), QStringLiteral("midterm"), 0, QStringLiteral("7.5")},
            {QStringLiteral(""), QStringLiteral("hk1"), QStringLiteral("conduct"), 0, QStringLiteral("T")},
        };
        if (auto r = students.replaceAssessments(sid, inputs); !r)
            qFatal("replaceAssessments: %s", qPrintable(describe(r.error())));
        return std::tuple {id, r.id, sid};
    };
    std::tie(m.studentId, m.recordId, m.sectionId)
        = addStudent(QStringLiteral("Nguyễn Văn An"), Gender::Male, QStringLiteral("001213004567"), QDate(2013, 3, 4));
    m.otherSectionId = std::get<2>(
        addStudent(QStringLiteral("Trần Thị Bích"), Gender::Female, QStringLiteral("001313007654"), QDate(2013, 9, 1)));
    return m;
}

int runSqlite3(const QString& dbPath, const QString& sql, QString* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("sqlite3"), {QStringLiteral("-batch"), dbPath, sql});
    if (!p.waitForFinished(30000))
        return -1;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString scalar(store::Database& db, const QString& sql)
{
    auto st = db.prepare(sql);
    if (!st || !st->step().value_or(false))
        return {};
    return st->text(0);
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace hocba::test

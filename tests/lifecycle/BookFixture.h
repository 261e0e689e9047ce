// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The school the book import tests start from: a liên cấp school with 2025-2026, four students in 6A1 (THCS) and two
// in 3A1 (primary); and the rows an import may change, as one text.

#include "StoreFixture.h"
#include "TestSupport.h"

#include "domain/Types.h"
#include "lifecycle/StudentImport.h"
#include "rules/AssessmentMapping.h"
#include "sheets/Sheet.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QFile>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

namespace hocba::test {

inline const SchoolYear kYear {2025};

inline sheets::Sheet sheetOf(const QString& name, const QList<QStringList>& rows)
{
    sheets::Sheet sheet;
    sheet.name = name;
    int number = 1;
    for (const QStringList& cells : rows)
        sheet.rows.append({number++, cells});
    return sheet;
}

// Made-up people; the personal IDs pass the check (province 001, century+gender digit, birth year) and are no one's.
inline sheets::Sheet studentList()
{
    const QStringList header {
        u"STT"_qs,     u"Mã định danh Bộ GD&ĐT"_qs, u"Họ tên"_qs, u"Ngày sinh"_qs, u"Giới tính"_qs,
        u"Lớp học"_qs, u"Số định danh cá nhân"_qs};
    return sheetOf(
        u"list"_qs,
        {header,
         {u"1"_qs, u"0100000001"_qs, u"Nguyễn Văn An"_qs, u"05/03/2013"_qs, u"Nam"_qs, u"6A1"_qs, u"001213000001"_qs},
         {u"2"_qs, u"0100000002"_qs, u"Trần Thị Bích"_qs, u"12/11/2013"_qs, u"Nữ"_qs, u"6A1"_qs, u"001313000002"_qs},
         {u"3"_qs, QString(), u"Lê Minh Châu"_qs, u"01/01/2013"_qs, u"Nam"_qs, u"6A1"_qs, QString()},
         {u"4"_qs, QString(), u"Phạm Thu Dung"_qs, u"20/02/2013"_qs, u"Nữ"_qs, u"6A1"_qs, u"001313000004"_qs},
         {u"5"_qs, QString(), u"Lê Văn Đạt"_qs, u"10/10/2016"_qs, u"Nam"_qs, u"3A1"_qs, u"001216000011"_qs},
         {u"6"_qs, QString(), u"Hoàng Thị Mai"_qs, u"11/11/2016"_qs, u"Nữ"_qs, u"3A1"_qs, u"001316000012"_qs}});
}

inline /** The rows an import may change, as one text; every table's part is there even when the table is empty. */
    QString
    dump(store::Database& db)
{
    const QList<QPair<QString, QString>> parts {
        {u"assessment"_qs, u"section_id||'|'||subject||'|'||term||'|'||item||'|'||seq||'|'||value"_qs},
        {u"student"_qs, u"id||'|'||full_name||'|'||personal_id||'|'||moet_code||'|'||birth_date"_qs},
        {u"record"_qs, u"id||'|'||student_id||'|'||lookup_code"_qs},
        {u"year_section"_qs, u"id||'|'||record_id||'|'||class_id||'|'||state"_qs},
        {u"class"_qs, u"id||'|'||name"_qs},
        {u"school_year"_qs, u"start_year"_qs},
    };
    QString all;
    for (const auto& [table, row] : parts)
        all += scalar(db,
                      QStringLiteral("SELECT count(*) || ':' || ifnull(group_concat(x, ';'), '') FROM "
                                     "(SELECT %1 AS x FROM %2 ORDER BY 1)")
                          .arg(row, table))
            + u'#';
    return all;
}

/** The school with its year and the student list above; false (with a warning) when the store refuses it. */
inline bool addSchoolWithStudents(store::Database& db)
{
    School s;
    s.name = u"Trường Liên cấp Thử"_qs;
    s.moetCode = u"01000999"_qs;
    s.province = u"Hà Nội"_qs;
    s.hasPrimary = s.hasThcs = true;
    if (!store::SchoolRepository(db).saveSchool(s) || !store::SchoolRepository(db).addSchoolYear(kYear))
        return false;
    lifecycle::StudentImportOptions o;
    o.year = kYear;
    o.fileName = u"list"_qs;
    auto list = lifecycle::importStudents(db, studentList(), QByteArray(32, 'x'), o, lifecycle::Actor::unrestricted());
    if (!list || list->report.added != 6) {
        qWarning("the student list was not imported: %s", qPrintable(list ? QString() : describe(list.error())));
        return false;
    }
    return true;
}

/** What the book import tests share: a school file per test function, files written beside it, its students. */
class BookImportTest : public QObject
{
protected:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<store::Database> m_db;

    /** A new school file with addSchoolWithStudents(); call from init(). */
    bool openSchool()
    {
        static int n = 0;
        m_path = m_dir.filePath(QStringLiteral("school-%1.hocba").arg(++n));
        m_db = openTestDatabase(m_path);
        return m_db && addSchoolWithStudents(*m_db);
    }

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            return {};
        return f.fileName();
    }

    Id classId(const QString& name)
    {
        return store::SchoolRepository(*m_db).classByName(kYear, name).value().value().id;
    }

    /** The section of a student of 6A1 or 3A1 by name. */
    RosterEntry entry(const QString& className, const QString& name)
    {
        const QList<RosterEntry> roster = store::StudentRepository(*m_db).roster(classId(className)).value();
        for (const RosterEntry& e : roster)
            if (e.student.fullName == name)
                return e;
        qFatal("no student %s", qPrintable(name));
    }

    /** What the rules read of the student's section. */
    StudentYearInput input(const QString& className, const QString& name)
    {
        const RosterEntry e = entry(className, name);
        return rules::fromAssessments(store::StudentRepository(*m_db).assessments(e.section.id).value(),
                                      e.section.circular, e.section.schoolYear, e.section.grade);
    }

    /** The school file's bytes with the connection closed (WAL checkpointed), then opened again. */
    QByteArray closedDigest()
    {
        m_db.reset();
        const QByteArray d = fileDigest(m_path);
        m_db = openTestDatabase(m_path);
        return d;
    }
};

} // namespace hocba::test

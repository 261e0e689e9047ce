// SPDX-License-Identifier: GPL-3.0-or-later
// Locks on entry (EntryLocks.h): what a lock of the school, a grade, a class, a subject, a term or a column covers and
// what it does not (the neighbour class, subject, term, another year); the refusal names who, when and why; only the
// board sets and lifts locks, with a reason, audited; the triggers refuse raw SQL that changes, deletes or lifts a
// lock twice; the grade and homeroom imports refuse the rows that would change a locked cell and import the others.
#include "BookFixture.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "lifecycle/EntryLocks.h"
#include "lifecycle/Import.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QDate>
#include <QElapsedTimer>
#include <QTest>

using namespace hocba;
using lifecycle::Actor;
using lifecycle::EntryLock;
using lifecycle::EntryPlace;
using lifecycle::ImportKind;
using lifecycle::ImportRequest;
using test::kYear;

namespace {

Actor account(Role role, const QString& login, QList<lifecycle::Assignment> duties = {})
{
    User u;
    u.id = 70 + int(role);
    u.login = login;
    u.fullName = login;
    u.role = role;
    return Actor::forAccount(u, std::move(duties));
}

Actor principal()
{
    return account(Role::Principal, u"hieu.truong"_qs);
}

const QByteArray toanHk1 = QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGtx2,ĐĐGgk,ĐĐGck\n"
                                          "Nguyễn Văn An,05/03/2013,8,7,8,9\n"
                                          "Trần Thị Bích,12/11/2013,6,7,,\n")
                               .toUtf8();

} // namespace

class TestEntryLocks : public test::BookImportTest
{
    Q_OBJECT
    Id m_6a1 = 0;
    Id m_6a2 = 0;
    Id m_3a1 = 0;

    Id classId(const QString& name)
    {
        auto c = store::SchoolRepository(*m_db).classByName(kYear, name);
        return c && *c ? (*c)->id : 0;
    }

    Id lock(EntryLock l, const Actor& actor = principal())
    {
        l.year = l.year.startYear ? l.year : kYear;
        if (l.reason.isEmpty())
            l.reason = u"Hết hạn nhập điểm học kì I."_qs;
        auto id = lifecycle::lockEntry(*m_db, actor, l);
        if (!id)
            qWarning("lock refused: %s", qPrintable(describe(id.error())));
        return id ? *id : 0;
    }

    bool locked(Id cls, int grade, const QString& subject, const QString& term, const QString& item,
                SchoolYear year = kYear)
    {
        return !lifecycle::requireUnlocked(*m_db, EntryPlace {year, grade, cls, subject, term, item});
    }

    Result<lifecycle::ImportResult> importFile(ImportKind kind, const QString& name, const QByteArray& bytes,
                                               const QString& subject = {}, const QString& term = {})
    {
        ImportRequest r;
        r.kind = kind;
        r.filePath = writeFile(name, bytes);
        r.year = kYear;
        r.className = u"6A1"_qs;
        r.subject = subject;
        r.term = term;
        return lifecycle::runImport(*m_db, r, Actor::unrestricted());
    }

    QString mark(const QString& student, const QString& subject, const QString& term, const QString& item, int seq = 0)
    {
        return test::scalar(*m_db,
                            QStringLiteral("SELECT ifnull((SELECT a.value FROM assessment a JOIN year_section y "
                                           "ON y.id = a.section_id JOIN record r ON r.id = y.record_id JOIN "
                                           "student s ON s.id = r.student_id WHERE s.full_name = '%1' AND "
                                           "a.subject = '%2' AND a.term = '%3' AND a.item = '%4' AND a.seq = "
                                           "%5), '-')")
                                .arg(student, subject, term, item)
                                .arg(seq));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openSchool());
        ClassGroup c;
        c.schoolYear = kYear;
        c.grade = 6;
        c.name = u"6A2"_qs;
        QVERIFY(store::SchoolRepository(*m_db).saveClass(c));
        m_6a1 = classId(u"6A1"_qs);
        m_6a2 = classId(u"6A2"_qs);
        m_3a1 = classId(u"3A1"_qs);
        QVERIFY(m_6a1 && m_6a2 && m_3a1);
    }

    void cleanup() { m_db.reset(); }

    void aColumnLockCoversItsCellsAndNoNeighbour()
    {
        EntryLock l;
        l.classId = m_6a1;
        l.subject = u"toan"_qs;
        l.term = u"hk1"_qs;
        l.item = u"final"_qs;
        l.reason = u"Điểm cuối kì đã chốt."_qs;
        const Id id = lock(l);
        QVERIFY(id > 0);

        auto refusal = lifecycle::requireUnlocked(*m_db, {kYear, 6, m_6a1, u"toan"_qs, u"hk1"_qs, u"final"_qs});
        QVERIFY(!refusal);
        QCOMPARE(refusal.error().code, ErrorCode::PermissionDenied);
        const QString message = refusal.error().message;
        QVERIFY2(message.contains(u"hieu.truong"_qs), qPrintable(message)); // who
        QVERIFY2(message.contains(QDate::currentDate().toString(u"dd/MM/yyyy"_qs)), qPrintable(message)); // when
        QVERIFY2(message.contains(u"Điểm cuối kì đã chốt."_qs), qPrintable(message)); // why
        QVERIFY2(message.contains(u"6A1"_qs), qPrintable(message)); // where

        QVERIFY(!locked(m_6a2, 6, u"toan"_qs, u"hk1"_qs, u"final"_qs)); // the neighbour class
        QVERIFY(!locked(m_6a1, 6, u"ngu_van"_qs, u"hk1"_qs, u"final"_qs)); // another subject
        QVERIFY(!locked(m_6a1, 6, u"toan"_qs, u"hk2"_qs, u"final"_qs)); // another term
        QVERIFY(!locked(m_6a1, 6, u"toan"_qs, u"hk1"_qs, u"midterm"_qs)); // another column
        QVERIFY(!locked(m_6a1, 6, QString(), u"hk1"_qs, u"conduct"_qs)); // the homeroom columns
        QVERIFY(!locked(m_6a1, 6, u"toan"_qs, u"hk1"_qs, u"final"_qs, SchoolYear {2026})); // another year

        // A lock's class fixes its grade; a grade that is not the class's is refused.
        auto locks = lifecycle::entryLocks(*m_db, kYear);
        QVERIFY(locks);
        QCOMPARE(locks->size(), 1);
        QCOMPARE(locks->first().grade, std::optional<int>(6));
        EntryLock wrong;
        wrong.year = kYear;
        wrong.grade = 7;
        wrong.classId = m_6a1;
        wrong.reason = u"x"_qs;
        QVERIFY(!lifecycle::lockEntry(*m_db, principal(), wrong));
        wrong.grade.reset();
        wrong.term = u"hk3"_qs;
        QVERIFY(!lifecycle::lockEntry(*m_db, principal(), wrong));
    }

    void gradeSchoolAndSubjectLocks()
    {
        EntryLock grade;
        grade.grade = 6;
        grade.term = u"hk1"_qs;
        QVERIFY(lock(grade));
        QVERIFY(locked(m_6a1, 6, u"toan"_qs, u"hk1"_qs, u"regular"_qs));
        QVERIFY(locked(m_6a2, 6, QString(), u"hk1"_qs, u"conduct"_qs)); // empty subject: homeroom columns too
        QVERIFY(!locked(m_6a2, 6, u"toan"_qs, u"hk2"_qs, u"regular"_qs));
        QVERIFY(!locked(m_3a1, 3, u"toan"_qs, u"hk1"_qs, u"level"_qs));
        // A place that names its class but not its grade takes the class's grade.
        QVERIFY(locked(m_6a2, 0, u"toan"_qs, u"hk1"_qs, u"regular"_qs));
        QVERIFY(!locked(m_3a1, 0, u"toan"_qs, u"hk1"_qs, u"level"_qs));

        EntryLock subject;
        subject.subject = u"tieng_viet"_qs;
        QVERIFY(lock(subject));
        QVERIFY(locked(m_3a1, 3, u"tieng_viet"_qs, u"cn"_qs, u"level"_qs));
        QVERIFY(!locked(m_3a1, 3, u"toan"_qs, u"cn"_qs, u"level"_qs));
        QVERIFY(!locked(m_3a1, 3, QString(), u"year"_qs, u"comment"_qs));

        EntryLock school;
        QVERIFY(lock(school));
        QVERIFY(locked(m_3a1, 3, u"toan"_qs, u"cn"_qs, u"level"_qs));
        QVERIFY(locked(m_3a1, 3, QString(), u"year"_qs, u"comment"_qs));

        // A lock of another year does not apply to this one, and this year's do not apply there.
        QVERIFY(store::SchoolRepository(*m_db).addSchoolYear(SchoolYear {2026}));
        EntryLock next;
        next.year = SchoolYear {2026};
        next.reason = u"Năm sau"_qs;
        QVERIFY(lock(next));
        QVERIFY(locked(m_3a1, 3, u"toan"_qs, u"cn"_qs, u"level"_qs, SchoolYear {2026}));
        QCOMPARE(lifecycle::entryLocks(*m_db, kYear)->size(), 3);
        QCOMPARE(lifecycle::entryLocks(*m_db, SchoolYear {2026})->size(), 1);

        // The set loaded once answers as requireUnlocked does.
        auto set = lifecycle::EntryLockSet::load(*m_db, kYear);
        QVERIFY(set);
        QCOMPARE(set->locks().size(), 3);
        QVERIFY(set->covering({kYear, 6, m_6a1, u"toan"_qs, u"hk1"_qs, u"regular"_qs}));
        QVERIFY(!set->covering({SchoolYear {2026}, 6, m_6a1, u"toan"_qs, u"hk1"_qs, u"regular"_qs}));
    }

    void onlyTheBoardLocksAndUnlocksWithAReason()
    {
        const QList<Actor> refused {
            account(Role::SubjectTeacher, u"gv.toan"_qs, {{kYear, m_6a1, u"toan"_qs}}),
            account(Role::Homeroom, u"gvcn.6a1"_qs, {{kYear, m_6a1, {}}}),
            account(Role::Clerk, u"van.thu"_qs),
        };
        EntryLock l;
        l.year = kYear;
        l.classId = m_6a1;
        l.reason = u"Chốt sổ."_qs;
        for (const Actor& a : refused) {
            auto r = lifecycle::lockEntry(*m_db, a, l);
            QVERIFY2(!r, qPrintable(a.auditName()));
            QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
        }
        QCOMPARE(test::scalar(*m_db, u"SELECT count(*) FROM entry_lock"_qs), u"0"_qs);

        EntryLock noReason = l;
        noReason.reason = u"   "_qs;
        QVERIFY(!lifecycle::lockEntry(*m_db, principal(), noReason));

        const Id id = lock(l, account(Role::Admin, u"quan.tri"_qs));
        QVERIFY(id > 0);
        for (const Actor& a : refused) {
            auto r = lifecycle::unlockEntry(*m_db, a, id, u"Mở lại"_qs);
            QVERIFY2(!r, qPrintable(a.auditName()));
            QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
        }
        auto blank = lifecycle::unlockEntry(*m_db, principal(), id, u" "_qs);
        QVERIFY(!blank);
        QCOMPARE(blank.error().code, ErrorCode::InvalidInput);
        QVERIFY(locked(m_6a1, 6, u"toan"_qs, u"hk1"_qs, u"final"_qs));

        QVERIFY(lifecycle::unlockEntry(*m_db, principal(), id, u"Giáo viên sửa điểm nhập nhầm."_qs));
        QVERIFY(!locked(m_6a1, 6, u"toan"_qs, u"hk1"_qs, u"final"_qs));
        QVERIFY(lifecycle::entryLocks(*m_db, kYear)->isEmpty());
        auto twice = lifecycle::unlockEntry(*m_db, principal(), id, u"Lần nữa"_qs);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, ErrorCode::NotFound);

        // Both are audited with the scope; the lift with the lock's reason before and the lifting reason after.
        QCOMPARE(test::scalar(*m_db,
                              QStringLiteral("SELECT actor || '|' || entity_id || '|' || new_value FROM "
                                             "audit_log WHERE action = 'entry.lock'")),
                 QStringLiteral("quan.tri|%1|2025-2026 grade=6 class=%2 | Chốt sổ.").arg(id).arg(m_6a1));
        QCOMPARE(test::scalar(*m_db,
                              QStringLiteral("SELECT actor || '|' || old_value || '|' || new_value FROM "
                                             "audit_log WHERE action = 'entry.unlock'")),
                 QStringLiteral("hieu.truong|2025-2026 grade=6 class=%1 | Chốt sổ.|Giáo viên sửa điểm nhập nhầm.")
                     .arg(m_6a1));
        QCOMPARE(test::scalar(*m_db, u"SELECT lifted_by || '|' || lifted_reason FROM entry_lock"_qs),
                 u"hieu.truong|Giáo viên sửa điểm nhập nhầm."_qs);
    }

    void rawSqlCannotChangeDeleteOrLiftTwice()
    {
        EntryLock l;
        l.classId = m_6a1;
        const Id id = lock(l);
        QVERIFY(id > 0);
        const auto exec = [&](const QString& sql) { return m_db->exec(sql.arg(id)); };
        QVERIFY(!exec(u"UPDATE entry_lock SET reason = 'không có gì' WHERE id = %1"_qs));
        QVERIFY(!exec(u"UPDATE entry_lock SET class_id = NULL WHERE id = %1"_qs));
        QVERIFY(!exec(u"UPDATE entry_lock SET locked_by = 'ai đó' WHERE id = %1"_qs));
        QVERIFY(!exec(u"DELETE FROM entry_lock WHERE id = %1"_qs));
        QVERIFY(!exec(u"UPDATE entry_lock SET lifted_at = 'now', lifted_by = 'x' WHERE id = %1"_qs)); // no reason
        QVERIFY(locked(m_6a1, 6, u"toan"_qs, u"hk1"_qs, u"final"_qs));
        QVERIFY(lifecycle::unlockEntry(*m_db, principal(), id, u"Mở"_qs));
        QVERIFY(!exec(u"UPDATE entry_lock SET lifted_reason = 'khác' WHERE id = %1"_qs));
        QVERIFY(
            !exec(u"UPDATE entry_lock SET lifted_at = NULL, lifted_by = NULL, lifted_reason = NULL WHERE id = %1"_qs));
        QVERIFY(!exec(u"DELETE FROM entry_lock WHERE id = %1"_qs));
        QCOMPARE(test::scalar(*m_db, u"SELECT lifted_reason FROM entry_lock"_qs), u"Mở"_qs);
    }

    void theGradeImportRefusesTheRowsThatChangeALockedCell()
    {
        auto first = importFile(ImportKind::Grades, u"toan1.csv"_qs, toanHk1, u"toan"_qs, u"hk1"_qs);
        QVERIFY2(first, qPrintable(first ? QString() : describe(first.error())));
        QCOMPARE(first->report.added, 2);

        EntryLock l;
        l.classId = m_6a1;
        l.subject = u"toan"_qs;
        l.term = u"hk1"_qs;
        l.item = u"final"_qs;
        l.reason = u"Điểm cuối kì đã chốt."_qs;
        const Id id = lock(l);
        QVERIFY(id > 0);
        // The lock is newer than the import: the import can no longer be taken back.
        QVERIFY(!lifecycle::undoImport(*m_db, first->batchId, Actor::unrestricted()));
        QCOMPARE(mark(u"Nguyễn Văn An"_qs, u"toan"_qs, u"hk1"_qs, u"final"_qs), u"9"_qs);

        // An's end-of-term mark would change (locked): his row is refused whole; Bích's regular marks still import;
        // a row that leaves the locked cell as it is, is not refused.
        const QByteArray second = QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGtx2,ĐĐGgk,ĐĐGck\n"
                                                 "Nguyễn Văn An,05/03/2013,9,9,9,5\n"
                                                 "Trần Thị Bích,12/11/2013,6,7,8,\n")
                                      .toUtf8();
        auto result = importFile(ImportKind::Grades, u"toan2.csv"_qs, second, u"toan"_qs, u"hk1"_qs);
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.updated, 1);
        QCOMPARE(result->report.rejected.size(), 1);
        const auto& p = result->report.rejected.first();
        QCOMPARE(p.row, 2);
        QCOMPARE(p.code, u"entry_locked"_qs);
        QVERIFY2(p.message.contains(u"Điểm cuối kì đã chốt."_qs) && p.message.contains(u"hieu.truong"_qs),
                 qPrintable(p.message));
        QCOMPARE(mark(u"Nguyễn Văn An"_qs, u"toan"_qs, u"hk1"_qs, u"final"_qs), u"9"_qs);
        QCOMPARE(mark(u"Nguyễn Văn An"_qs, u"toan"_qs, u"hk1"_qs, u"regular"_qs, 1), u"8"_qs); // nothing of the row
        QCOMPARE(mark(u"Trần Thị Bích"_qs, u"toan"_qs, u"hk1"_qs, u"midterm"_qs), u"8"_qs);

        // The same file for hk2 is not under the lock.
        auto hk2 = importFile(ImportKind::Grades, u"toan3.csv"_qs, second, u"toan"_qs, u"hk2"_qs);
        QVERIFY(hk2);
        QCOMPARE(hk2->report.added, 2);
        QVERIFY(hk2->report.rejected.isEmpty());

        // Lifted, the row imports.
        QVERIFY(lifecycle::unlockEntry(*m_db, principal(), id, u"Sửa điểm chấm phúc khảo."_qs));
        auto again = importFile(ImportKind::Grades, u"toan4.csv"_qs, second, u"toan"_qs, u"hk1"_qs);
        QVERIFY(again);
        QCOMPARE(again->report.updated, 1);
        QVERIFY(again->report.rejected.isEmpty());
        QCOMPARE(mark(u"Nguyễn Văn An"_qs, u"toan"_qs, u"hk1"_qs, u"final"_qs), u"5"_qs);
    }

    void figureChecksOfAGridAgainstManyLocks()
    {
        // A figure, not a test of speed: 45 pupils × 15 columns checked against 60 locks of other classes.
        for (int i = 0; i < 60; ++i) {
            EntryLock l;
            l.classId = m_6a2;
            l.subject = u"toan"_qs;
            l.term = i % 2 ? u"hk1"_qs : u"hk2"_qs;
            QVERIFY(lock(l));
        }
        QElapsedTimer timer;
        timer.start();
        auto set = lifecycle::EntryLockSet::load(*m_db, kYear);
        QVERIFY(set);
        const qint64 loaded = timer.nsecsElapsed();
        int covered = 0;
        for (int row = 0; row < 45; ++row)
            for (int col = 0; col < 15; ++col)
                covered += set->covering({kYear, 6, m_6a1, u"toan"_qs, u"hk1"_qs, u"regular"_qs}) ? 1 : 0;
        QCOMPARE(covered, 0);
        qInfo("EntryLockSet: load of 60 locks %.2f ms, 675 cell checks %.3f ms", loaded / 1e6,
              (timer.nsecsElapsed() - loaded) / 1e6);
    }

    void theHomeroomImportRefusesALockedConductColumn()
    {
        const QByteArray book = QStringLiteral("Họ và tên,Ngày sinh,Rèn luyện HK1,Nhận xét của GVCN\n"
                                               "Nguyễn Văn An,05/03/2013,Tốt,Chăm ngoan\n"
                                               "Trần Thị Bích,12/11/2013,,Lễ phép\n")
                                    .toUtf8();
        EntryLock l;
        l.grade = 6;
        l.item = u"conduct"_qs;
        l.reason = u"Hội đồng đã xét rèn luyện."_qs;
        QVERIFY(lock(l));
        auto result = importFile(ImportKind::Homeroom, u"cn.csv"_qs, book);
        QVERIFY2(result, qPrintable(result ? QString() : describe(result.error())));
        QCOMPARE(result->report.added, 1);
        QCOMPARE(result->report.rejected.size(), 1);
        QCOMPARE(result->report.rejected.first().code, u"entry_locked"_qs);
        QCOMPARE(mark(u"Nguyễn Văn An"_qs, QString(), u"hk1"_qs, u"conduct"_qs), u"-"_qs);
        QCOMPARE(mark(u"Nguyễn Văn An"_qs, QString(), u"year"_qs, u"comment"_qs), u"-"_qs);
        QCOMPARE(mark(u"Trần Thị Bích"_qs, QString(), u"year"_qs, u"comment"_qs), u"Lễ phép"_qs);
    }
};

QTEST_GUILESS_MAIN(TestEntryLocks)
#include "TestEntryLocks.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"

#include "store/AuditLog.h"
#include "store/Backup.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace hocba;
using namespace hocba::store;

class TestBackup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backupWhileAWriterIsActiveIsConsistent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("live.hocba"));
        {
            auto db = test::openTestDatabase(path);
            QVERIFY(db);
            test::makeMiniSchool(*db);
        }
        // A writer on its own thread and connection keeps adding teachers, each with an audit entry.
        std::atomic<bool> stop {false};
        std::atomic<int> written {0};
        QThread* writer = QThread::create([&] {
            auto db = Database::openOrCreate(path);
            if (!db)
                return;
            SchoolRepository repo(**db);
            while (!stop) {
                Teacher t;
                t.fullName = QStringLiteral("Giáo viên %1").arg(written.load());
                if (repo.saveTeacher(t))
                    ++written;
            }
        });
        writer->start();
        QTRY_VERIFY(written > 20);
        QList<QString> backups;
        for (int i = 0; i < 3; ++i) {
            const QString out = dir.filePath(QStringLiteral("backup-%1.hocba").arg(i));
            auto s = backupFile(path, out);
            QVERIFY2(s, qPrintable(s ? QString() : describe(s.error())));
            backups << out;
            QTest::qWait(20);
        }
        stop = true;
        writer->wait();
        delete writer;
        QVERIFY(written > 20);
        for (const QString& b : backups) {
            QVERIFY(!QFile::exists(b + QStringLiteral(".part")));
            auto db = test::openTestDatabase(b);
            QVERIFY(db);
            // A consistent snapshot: every teacher row has its audit entry and the chain is whole.
            auto v = AuditLog(*db).verify().value();
            QVERIFY2(v.ok, qPrintable(v.problem));
            auto st = db->prepare(QStringLiteral("SELECT (SELECT count(*) FROM teacher), (SELECT count(*) FROM "
                                                 "audit_log WHERE action = 'teacher.create')"))
                          .value();
            QVERIFY(st.step().value());
            QCOMPARE(st.int64(0), st.int64(1));
        }
    }

    void restorePutsBackupInPlaceAndKeepsCurrent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("school.hocba"));
        const QString backup = dir.filePath(QStringLiteral("copy.hocba"));
        {
            auto db = test::openTestDatabase(path);
            test::makeMiniSchool(*db);
        }
        QVERIFY(backupFile(path, backup));
        {
            auto db = test::openTestDatabase(path);
            QVERIFY(db->exec(QStringLiteral("DELETE FROM assessment")));
        }
        QVERIFY(restoreFile(backup, path));
        auto db = test::openTestDatabase(path);
        QCOMPARE(StudentRepository(*db).assessments(1).value().size(), 4);
        const QStringList kept = QDir(dir.path()).entryList({QStringLiteral("school.hocba.before-restore-*")});
        QCOMPARE(kept.size(), 1);
    }

    void backupRefusesMissingSourceAndSameFile()
    {
        QTemporaryDir dir;
        QVERIFY(!backupFile(dir.filePath(QStringLiteral("none.hocba")), dir.filePath(QStringLiteral("x.hocba"))));
        const QString path = dir.filePath(QStringLiteral("a.hocba"));
        {
            auto db = test::openTestDatabase(path);
        }
        auto s = backupFile(path, path);
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "TestBackup.moc"

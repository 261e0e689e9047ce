// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"

#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace hocba;
using namespace hocba::store;

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshFileGetsLatestSchemaWalAndForeignKeys()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("a.hocba")));
        QVERIFY(db);
        QCOMPARE(db->userVersion().value(), Database::latestVersion());
        QVERIFY(Database::latestVersion() >= 2);
        auto mode = db->prepare(QStringLiteral("PRAGMA journal_mode")).value();
        QVERIFY(mode.step().value());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        auto fk = db->prepare(QStringLiteral("PRAGMA foreign_keys")).value();
        QVERIFY(fk.step().value());
        QCOMPARE(fk.int64(0), 1);
        // A fresh file needs no backup.
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a.hocba.bak-v0"))));
    }

    // Worker threads each open their own connection (hocba-cli render --jobs, the sign batch). Right after the last
    // connection closed, the first opener rebuilds the WAL index while the others probe the file: they must wait for
    // it, not fail with "database is locked".
    void concurrentOpensAfterLastClose()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.hocba"));
        QVERIFY(test::openTestDatabase(path));
        constexpr int kThreads = 8;
        for (int round = 0; round < 30; ++round) {
            QAtomicInt waiting(kThreads);
            QAtomicInt failures;
            QString firstError;
            QMutex errorMutex;
            std::vector<std::unique_ptr<QThread>> threads;
            for (int t = 0; t < kThreads; ++t) {
                threads.emplace_back(QThread::create([&] {
                    waiting.fetchAndSubOrdered(1);
                    while (waiting.loadAcquire() > 0) { } // all open at once
                    auto db = Database::openExisting(path);
                    auto st = db ? (*db)->prepare(QStringLiteral("SELECT count(*) FROM sqlite_master"))
                                 : Result<Statement>(std::unexpected(db.error()));
                    if (!st || !st->step()) {
                        failures.fetchAndAddRelaxed(1);
                        QMutexLocker lock(&errorMutex);
                        if (firstError.isEmpty())
                            firstError = st ? QStringLiteral("step") : st.error().detail;
                    }
                }));
                threads.back()->start();
            }
            for (auto& t : threads)
                QVERIFY(t->wait(60000));
            QVERIFY2(failures.loadRelaxed() == 0,
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(firstError)));
        }
    }

    void missingFileRefusedWhenNotCreating()
    {
        QTemporaryDir dir;
        auto db = Database::openExisting(dir.filePath(QStringLiteral("none.hocba")));
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::NotFound);
    }

    void migratesFromEachEarlierVersionKeepingDataAndBackup()
    {
        for (int from = 1; from < Database::latestVersion(); ++from) {
            // Migration numbers are reserved per branch, so a version may have no migration of its own.
            if (QDir(QStringLiteral(":/sql"))
                    .entryList({QStringLiteral("%1_*.sql").arg(from, 4, 10, QLatin1Char('0'))})
                    .isEmpty())
                continue;
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("old.hocba"));
            {
                Database::OpenOptions o;
                o.migrateTo = from;
                auto db = Database::openOrCreate(path, o);
                QVERIFY2(db, qPrintable(db ? QString() : describe(db.error())));
                QCOMPARE((*db)->userVersion().value(), from);
                test::makeMiniSchool(**db);
            }
            const QByteArray before = test::fileBytes(path);
            auto db = test::openTestDatabase(path);
            QVERIFY(db);
            QCOMPARE(db->userVersion().value(), Database::latestVersion());
            StudentRepository students(*db);
            auto s = students.student(1).value();
            QVERIFY(s);
            QCOMPARE(s->fullName, QStringLiteral("Nguyễn Văn An"));
            QCOMPARE(students.assessments(1).value().size(), 4);
            // The backup is the database as it was before the upgrade.
            const QString backup = path + QStringLiteral(".bak-v%1").arg(from);
            QVERIFY(QFile::exists(backup));
            Database::OpenOptions readOnly;
            readOnly.migrateTo = 0;
            auto old = Database::openExisting(backup, readOnly);
            QVERIFY(old);
            QCOMPARE((*old)->userVersion().value(), from);
            Q_UNUSED(before);
        }
    }

    /** Migration 13: years of an older file take the school's principal, what their pages printed until then. */
    void yearsOfAnOlderFileTakeTheSchoolsPrincipal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v12.hocba"));
        {
            Database::OpenOptions o;
            o.migrateTo = 12;
            auto db = Database::openOrCreate(path, o);
            QVERIFY(db);
            QVERIFY((*db)->exec(QStringLiteral(
                "INSERT INTO school (id, name, principal_name) VALUES (1, 'Trường Thử', 'Trần Văn Cũ'); "
                "INSERT INTO school_year (start_year, name) VALUES (2023, '2023-2024'), (2024, '2024-2025');")));
        }
        auto db = test::openTestDatabase(path);
        QVERIFY(db);
        SchoolRepository schools(*db);
        QCOMPARE(schools.yearPrincipal(SchoolYear {2023}).value(), std::optional(QStringLiteral("Trần Văn Cũ")));
        QCOMPARE(schools.yearPrincipal(SchoolYear {2024}).value(), std::optional(QStringLiteral("Trần Văn Cũ")));
        // A new principal: the years already open keep theirs; a year opened now takes the new one.
        School school = schools.school().value().value();
        school.principalName = QStringLiteral("Lê Thị Mới");
        QVERIFY(schools.saveSchool(school));
        QVERIFY(schools.addSchoolYear(SchoolYear {2025}));
        QCOMPARE(schools.yearPrincipal(SchoolYear {2024}).value(), std::optional(QStringLiteral("Trần Văn Cũ")));
        QCOMPARE(schools.yearPrincipal(SchoolYear {2025}).value(), std::optional(QStringLiteral("Lê Thị Mới")));
        QVERIFY(schools.setYearPrincipal(SchoolYear {2023}, QStringLiteral("Phan Văn Trước")).value());
        QCOMPARE(schools.yearPrincipal(SchoolYear {2023}).value(), std::optional(QStringLiteral("Phan Văn Trước")));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'year.principal'")),
                 QStringLiteral("1"));
    }

    void newerVersionRefusedAndFileUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.hocba"));
        {
            auto db = test::openTestDatabase(path);
            QVERIFY(db);
            test::makeMiniSchool(*db);
            QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 999; PRAGMA journal_mode = DELETE;")));
        }
        const QByteArray before = test::fileBytes(path);
        QVERIFY(!before.isEmpty());
        auto db = Database::openOrCreate(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::DbTooNew);
        QVERIFY(db.error().message.contains(QStringLiteral("999")));
        QCOMPARE(test::fileBytes(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral(".bak-v999")));
    }

    void notADatabaseRefusedAndNeverOverwritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("diem.xlsx"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 this is a spreadsheet, not a school file");
        f.close();
        const QByteArray before = test::fileBytes(path);
        auto db = Database::openOrCreate(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::DbNotADatabase);
        QVERIFY(!db.error().message.isEmpty());
        QCOMPARE(test::fileBytes(path), before);
    }

    void corruptedFileRefusedAndNeverOverwritten()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("hong.hocba"));
        {
            auto db = test::openTestDatabase(path);
            QVERIFY(db);
            test::makeMiniSchool(*db);
            QVERIFY(db->exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        QByteArray bytes = test::fileBytes(path);
        // Keep the magic string, destroy the rest of the header and the schema page.
        for (int i = 16; i < 4096 && i < bytes.size(); ++i)
            bytes[i] = char(0xA5 ^ i);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        auto db = Database::openOrCreate(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::DbNotADatabase);
        QCOMPARE(test::fileBytes(path), bytes);
    }

    void transactionRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        auto db = test::openTestDatabase(dir.filePath(QStringLiteral("t.hocba")));
        QVERIFY(db);
        {
            Transaction tx(*db);
            QVERIFY(tx.began());
            QVERIFY(db->exec(QStringLiteral("INSERT INTO teacher (full_name) VALUES ('A')")));
            {
                Transaction inner(*db); // a savepoint inside
                QVERIFY(inner.began());
                QVERIFY(db->exec(QStringLiteral("INSERT INTO teacher (full_name) VALUES ('B')")));
            } // inner rolled back
            QVERIFY(tx.commit());
        }
        {
            Transaction tx(*db);
            QVERIFY(db->exec(QStringLiteral("INSERT INTO teacher (full_name) VALUES ('C')")));
        } // rolled back
        auto st = db->prepare(QStringLiteral("SELECT group_concat(full_name) FROM teacher")).value();
        QVERIFY(st.step().value());
        QCOMPARE(st.text(0), QStringLiteral("A"));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Backup.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace hocba::store {

namespace {

/** Copies everything from `from` into `to` in one step (one read transaction: a consistent snapshot). */
Status copyDatabase(sqlite3* from, sqlite3* to, const QString& target)
{
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::store::Backup", "Cannot write the backup %1.")
                        .arg(QDir::toNativeSeparators(target)),
                    QString::fromUtf8(sqlite3_errmsg(to)));
    int rc;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::store::Backup", "Cannot write the backup %1.")
                        .arg(QDir::toNativeSeparators(target)),
                    QString::fromUtf8(sqlite3_errstr(rc)));
    return {};
}

Status integrityOk(sqlite3* db, const QString& what)
{
    sqlite3_stmt* st = nullptr;
    QString result;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK
        && sqlite3_step(st) == SQLITE_ROW)
        result = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    if (result != QLatin1String("ok"))
        return fail(ErrorCode::DbNotADatabase,
                    QCoreApplication::translate("hocba::store::Backup", "The file %1 failed its integrity check.")
                        .arg(QDir::toNativeSeparators(what)),
                    result);
    return {};
}

struct Handle
{
    sqlite3* db = nullptr;
    ~Handle() { sqlite3_close_v2(db); }
};

} // namespace

Status backupConnection(Database& source, const QString& outPath)
{
    const QString temp = outPath + QStringLiteral(".part");
    QFile::remove(temp);
    {
        Handle out;
        if (sqlite3_open_v2(QFile::encodeName(temp).constData(), &out.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr)
            != SQLITE_OK)
            return fail(ErrorCode::Io,
                        QCoreApplication::translate("hocba::store::Backup", "Cannot write the backup %1.")
                            .arg(QDir::toNativeSeparators(outPath)),
                        QString::fromUtf8(sqlite3_errmsg(out.db)));
        if (auto s = copyDatabase(source.handle(), out.db, outPath); !s) {
            QFile::remove(temp);
            return s;
        }
        // A backup is one self-contained file: no -wal beside it.
        sqlite3_exec(out.db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
        if (auto s = integrityOk(out.db, outPath); !s) {
            QFile::remove(temp);
            return s;
        }
    }
    QFile::remove(outPath);
    if (!QFile::rename(temp, outPath))
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::store::Backup", "Cannot write the backup %1.")
                        .arg(QDir::toNativeSeparators(outPath)),
                    QStringLiteral("rename failed"));
    return {};
}

Status backupFile(const QString& dbPath, const QString& outPath)
{
    auto db = Database::openExisting(dbPath);
    if (!db)
        return std::unexpected(db.error());
    if (QFileInfo(outPath).absoluteFilePath() == QFileInfo(dbPath).absoluteFilePath())
        return fail(ErrorCode::Usage,
                    QCoreApplication::translate("hocba::store::Backup",
                                                "The backup must be a different file from the data file."));
    return backupConnection(**db, outPath);
}

Status restoreFile(const QString& backupPath, const QString& dbPath)
{
    if (!QFileInfo::exists(backupPath))
        return fail(ErrorCode::NotFound,
                    QCoreApplication::translate("hocba::store::Backup", "The backup %1 does not exist.")
                        .arg(QDir::toNativeSeparators(backupPath)));
    // Opening through Database checks that it is one of our files and not from a newer version.
    Database::OpenOptions check;
    check.migrateTo = 0; // do not change the backup
    auto source = Database::openExisting(backupPath, check);
    if (!source)
        return std::unexpected(source.error());
    if (auto s = integrityOk((*source)->handle(), backupPath); !s)
        return s;
    if (QFileInfo::exists(dbPath)) {
        const QString keep
            = QStringLiteral("%1.before-restore-%2")
                  .arg(dbPath, QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")));
        if (auto s = backupFile(dbPath, keep); !s)
            return s;
    }
    Handle target;
    if (sqlite3_open_v2(QFile::encodeName(dbPath).constData(), &target.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr)
        != SQLITE_OK)
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::store::Backup", "Cannot write the data file %1.")
                        .arg(QDir::toNativeSeparators(dbPath)),
                    QString::fromUtf8(sqlite3_errmsg(target.db)));
    sqlite3_busy_timeout(target.db, 5000);
    return copyDatabase((*source)->handle(), target.db, dbPath);
}

} // namespace hocba::store

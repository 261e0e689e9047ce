// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"

#include "store/Backup.h"
#include "util/Log.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <sqlite3.h>

namespace hocba::store {

namespace {
/** How long a connection waits for another's lock (a writer on another PC, WAL recovery) before giving up. */
constexpr int kBusyTimeoutMs = 5000;
} // namespace

namespace {

struct Migration
{
    int version;
    QString path;
};

QList<Migration> migrations()
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    QList<Migration> list;
    const QStringList files = QDir(QStringLiteral(":/sql")).entryList(QDir::Files, QDir::Name);
    for (const QString& f : files) {
        const auto m = re.match(f);
        if (m.hasMatch())
            list.append({m.captured(1).toInt(), QStringLiteral(":/sql/") + f});
    }
    return list;
}

bool hasSqliteHeader(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    if (f.size() == 0)
        return true; // SQLite treats an empty file as an empty database
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

// ---------------------------------------------------------------------------------------------- Statement

Statement::Statement(sqlite3_stmt* stmt, Database* db)
    : m_stmt(stmt)
    , m_db(db)
{ }

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_db(other.m_db)
{ }

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, const QString& value)
{
    if (value.isNull()) {
        sqlite3_bind_null(m_stmt, index);
    } else {
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

Statement& Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value)
{
    if (value.isNull())
        sqlite3_bind_null(m_stmt, index);
    else
        sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::optional<qint64> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = m_db->lastError(QString::fromUtf8(sqlite3_sql(m_stmt)).left(80));
    sqlite3_reset(m_stmt);
    return std::unexpected(e);
}

Status Statement::exec()
{
    for (;;) {
        auto r = step();
        if (!r)
            return std::unexpected(r.error());
        if (!*r)
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    if (isNull(column))
        return {};
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray Statement::blob(int column) const
{
    if (isNull(column))
        return {};
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

std::optional<qint64> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

// ---------------------------------------------------------------------------------------------- Database

Database::Database(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{ }

Database::~Database()
{
    m_cache.clear(); // finalise cached statements before closing
    sqlite3_close_v2(m_db);
}

int Database::latestVersion()
{
    const auto list = migrations();
    return list.isEmpty() ? 0 : list.last().version;
}

Result<std::unique_ptr<Database>> Database::openExisting(const QString& path, const OpenOptions& options)
{
    return open(path, options, false);
}

Result<std::unique_ptr<Database>> Database::openOrCreate(const QString& path, const OpenOptions& options)
{
    return open(path, options, true);
}

void Database::removeFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const OpenOptions& options, bool createIfMissing)
{
    const QFileInfo info(path);
    const bool exists = info.exists();
    if (!exists && !createIfMissing)
        return fail(ErrorCode::NotFound,
                    QCoreApplication::translate("hocba::store::Database", "The data file %1 does not exist.")
                        .arg(QDir::toNativeSeparators(path)));
    if (exists && !info.isFile())
        return fail(ErrorCode::DbOpenFailed,
                    QCoreApplication::translate("hocba::store::Database", "%1 is not a file.")
                        .arg(QDir::toNativeSeparators(path)));
    if (exists && !hasSqliteHeader(path))
        return fail(ErrorCode::DbNotADatabase,
                    QCoreApplication::translate("hocba::store::Database",
                                                "%1 is not a school data file of this program. It was left unchanged.")
                        .arg(QDir::toNativeSeparators(path)),
                    QStringLiteral("missing SQLite header"));

    const QByteArray nativePath = QFile::encodeName(path);
    int fromVersion = 0;
    if (exists) {
        // Probe read-only first: a file we must refuse (damaged, or from a newer version) is never written to.
        sqlite3* probe = nullptr;
        int rc = sqlite3_open_v2(nativePath.constData(), &probe, SQLITE_OPEN_READONLY, nullptr);
        // Another thread or PC may be rebuilding the WAL index just now (the first to open after the last close
        // does): wait for it as every connection does, instead of failing with "database is locked".
        sqlite3_busy_timeout(probe, kBusyTimeoutMs);
        sqlite3_stmt* st = nullptr;
        if (rc == SQLITE_OK)
            rc = sqlite3_prepare_v2(
                probe, "SELECT (SELECT count(*) FROM sqlite_master), (SELECT user_version FROM pragma_user_version)",
                -1, &st, nullptr);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            fromVersion = sqlite3_column_int(st, 1);
        const QString detail = QString::fromUtf8(sqlite3_errmsg(probe));
        sqlite3_finalize(st);
        sqlite3_close_v2(probe);
        if (rc != SQLITE_ROW) {
            if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
                return fail(ErrorCode::DbNotADatabase,
                            QCoreApplication::translate(
                                "hocba::store::Database",
                                "The data file %1 is damaged and cannot be opened. It was left unchanged; restore "
                                "it from a backup.")
                                .arg(QDir::toNativeSeparators(path)),
                            detail);
            return fail(ErrorCode::DbOpenFailed,
                        QCoreApplication::translate("hocba::store::Database", "Cannot open the data file %1.")
                            .arg(QDir::toNativeSeparators(path)),
                        detail);
        }
        if (fromVersion > latestVersion())
            return fail(ErrorCode::DbTooNew,
                        QCoreApplication::translate(
                            "hocba::store::Database",
                            "The data file %1 was made by a newer version of this program (data version %2, this "
                            "program knows up to %3). Install the newer version; the file was left unchanged.")
                            .arg(QDir::toNativeSeparators(path))
                            .arg(fromVersion)
                            .arg(latestVersion()),
                        QStringLiteral("user_version=%1").arg(fromVersion));
    }

    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (exists ? 0 : SQLITE_OPEN_CREATE);
    const int rc = sqlite3_open_v2(nativePath.constData(), &raw, flags, nullptr);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs); // before the first statement touches the file
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK)
        return fail(ErrorCode::DbOpenFailed,
                    QCoreApplication::translate("hocba::store::Database", "Cannot open the data file %1.")
                        .arg(QDir::toNativeSeparators(path)),
                    QString::fromUtf8(sqlite3_errstr(rc)));
    db->m_actor = options.actor;
    if (auto s = db->configure(); !s)
        return std::unexpected(s.error());
    const int target = options.migrateTo ? *options.migrateTo : latestVersion();
    if (fromVersion < target) {
        if (fromVersion > 0) {
            if (auto s = db->backupBeforeMigration(fromVersion); !s)
                return std::unexpected(s.error());
        }
        if (auto s = db->migrate(fromVersion, target); !s)
            return std::unexpected(s.error());
    }
    return db;
}

Status Database::configure()
{
    sqlite3_extended_result_codes(m_db, 1);
    if (auto s = exec(QStringLiteral("PRAGMA foreign_keys = ON;")); !s)
        return s;
    // WAL lets the UI read while a worker writes; NORMAL sync is durable enough with WAL.
    if (auto s = exec(QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")); !s)
        return s;
    return {};
}

Status Database::backupBeforeMigration(int fromVersion)
{
    QString target = QStringLiteral("%1.bak-v%2").arg(m_path).arg(fromVersion);
    if (QFileInfo::exists(target))
        target += QLatin1Char('-') + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
    qCInfo(lcDb) << "backup before migration from version" << fromVersion;
    return backupConnection(*this, target);
}

Status Database::migrate(int from, int to)
{
    for (const Migration& m : migrations()) {
        if (m.version <= from || m.version > to)
            continue;
        QFile f(m.path);
        if (!f.open(QIODevice::ReadOnly))
            return fail(ErrorCode::DbMigrationFailed,
                        QCoreApplication::translate("hocba::store::Database", "Cannot upgrade the data file."), m.path);
        const QString sql = QString::fromUtf8(f.readAll());
        Transaction tx(*this);
        if (!tx.began())
            return std::unexpected(tx.began().error());
        if (auto s = exec(sql); !s)
            return fail(ErrorCode::DbMigrationFailed,
                        QCoreApplication::translate("hocba::store::Database",
                                                    "Cannot upgrade the data file to version %1. Nothing was changed.")
                            .arg(m.version),
                        s.error().detail);
        if (auto s = exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version)); !s)
            return s;
        if (auto s = tx.commit(); !s)
            return s;
        qCInfo(lcDb) << "migrated to version" << m.version;
    }
    return {};
}

Result<Statement> Database::prepare(const QString& sql)
{
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return std::unexpected(lastError(sql.left(80)));
    return Statement(stmt, this);
}

Result<Statement*> Database::cached(const QString& sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto st = prepare(sql);
        if (!st)
            return std::unexpected(st.error());
        it = m_cache.emplace(sql, std::move(*st)).first;
    } else {
        it->second.reset();
    }
    return &it->second;
}

Status Database::exec(const QString& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        sqlite3_free(message);
        return std::unexpected(lastError(sql.left(80)));
    }
    return {};
}

Result<int> Database::userVersion()
{
    auto st = prepare(QStringLiteral("PRAGMA user_version"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    return int(st->int64(0));
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(const QString& context) const
{
    const int rc = sqlite3_extended_errcode(m_db);
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_db));
    const QString detail = QStringLiteral("%1 [%2] in: %3").arg(message).arg(rc).arg(context);
    if (message.startsWith(QLatin1String("hocba:section_locked")))
        return {ErrorCode::RecordLocked,
                QCoreApplication::translate("hocba::store::Database",
                                            "This school year is locked; nothing in it can be changed."),
                detail};
    if (message.startsWith(QLatin1String("hocba:section_signed")))
        return {ErrorCode::RecordLocked,
                QCoreApplication::translate(
                    "hocba::store::Database",
                    "This school year has been signed; its results cannot be changed. Open a new version to "
                    "correct it."),
                detail};
    if (message.startsWith(QLatin1String("hocba:paper")))
        return {ErrorCode::RecordLocked,
                QCoreApplication::translate(
                    "hocba::store::Database",
                    "This school year is kept on paper; it cannot be confirmed or signed in the program."),
                detail};
    if (message.startsWith(QLatin1String("hocba:version_chain")))
        return {ErrorCode::InvalidInput,
                QCoreApplication::translate("hocba::store::Database",
                                            "A new version of a school year must follow its newest signed version."),
                detail};
    if (message.startsWith(QLatin1String("hocba:")))
        return {ErrorCode::RecordLocked,
                QCoreApplication::translate("hocba::store::Database", "This change is not allowed for stored records."),
                detail};
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        return {ErrorCode::DbConstraint,
                QCoreApplication::translate("hocba::store::Database", "The change conflicts with data already stored."),
                detail};
    if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        return {ErrorCode::DbNotADatabase,
                QCoreApplication::translate("hocba::store::Database",
                                            "The data file is damaged. Restore it from a backup."),
                detail};
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        return {
            ErrorCode::DbQueryFailed,
            QCoreApplication::translate("hocba::store::Database",
                                        "The data file is busy in another window or program. Try again in a moment."),
            detail};
    if ((rc & 0xff) == SQLITE_FULL)
        return {
            ErrorCode::Io,
            QCoreApplication::translate("hocba::store::Database", "The disk is full. Free some space and try again."),
            detail};
    return {ErrorCode::DbQueryFailed,
            QCoreApplication::translate("hocba::store::Database", "A database operation failed."), detail};
}

// ---------------------------------------------------------------------------------------------- Transaction

namespace {
thread_local int s_savepointCounter = 0;
}

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_savepoint(db.inTransaction() ? QStringLiteral("hocba_sp%1").arg(++s_savepointCounter) : QString())
    , m_began(db.exec(m_savepoint.isEmpty() ? QStringLiteral("BEGIN IMMEDIATE")
                                            : QStringLiteral("SAVEPOINT ") + m_savepoint))
{ }

Transaction::~Transaction()
{
    if (!m_began || m_done)
        return;
    if (m_savepoint.isEmpty())
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
    else
        (void)m_db.exec(QStringLiteral("ROLLBACK TO %1; RELEASE %1").arg(m_savepoint));
}

Status Transaction::commit()
{
    if (!m_began)
        return m_began;
    auto s = m_db.exec(m_savepoint.isEmpty() ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_savepoint);
    if (s)
        m_done = true;
    return s;
}

} // namespace hocba::store

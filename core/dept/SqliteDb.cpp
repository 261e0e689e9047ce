// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/SqliteDb.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <sqlite3.h>

namespace hocba::dept::sqlite {

namespace {

constexpr int kBusyTimeoutMs = 10000;

QString tr(const char* text)
{
    return QCoreApplication::translate("hocba::dept::SqliteDeptStore", text);
}

} // namespace

QString isoTime(const QDateTime& utc)
{
    return utc.toUTC().toString(Qt::ISODate);
}

// ---------------------------------------------------------------------------------------------- Connection

Result<std::unique_ptr<Connection>> Connection::open(const QString& path, Mode mode)
{
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (mode == Mode::Writer ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    std::unique_ptr<Connection> db(new Connection(raw));
    if (rc != SQLITE_OK)
        return fail(ErrorCode::DbOpenFailed,
                    tr("The Department's database %1 cannot be opened. Check that the data folder exists and that "
                       "the program may read and write it.")
                        .arg(QDir::toNativeSeparators(path)),
                    QStringLiteral("sqlite3_open_v2: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    // A receipt promises the packet is on disk: synchronous=FULL, not NORMAL (ENDPOINT.md §8).
    const char* pragmas = mode == Mode::Writer
        ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        : "PRAGMA foreign_keys=ON; PRAGMA query_only=ON;";
    if (auto ok = db->exec(pragmas); !ok) {
        if (sqlite3_errcode(raw) == SQLITE_NOTADB)
            return fail(ErrorCode::DbNotADatabase,
                        tr("%1 is not a Department database. Give the dept.db of a data folder made with "
                           "hocba-dept init.")
                            .arg(QDir::toNativeSeparators(path)),
                        ok.error().detail);
        return std::unexpected(ok.error());
    }
    return db;
}

Connection::~Connection()
{
    sqlite3_close_v2(m_db);
}

Status Connection::exec(const char* sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return std::unexpected(error(QStringLiteral("exec")));
    return {};
}

qint64 Connection::changes() const
{
    return sqlite3_changes64(m_db);
}

qint64 Connection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

Error Connection::error(const QString& what) const
{
    const int code = sqlite3_extended_errcode(m_db);
    const QString detail = QStringLiteral("%1: %2 (%3)").arg(what, QString::fromUtf8(sqlite3_errmsg(m_db))).arg(code);
    if (code == SQLITE_CONSTRAINT_TRIGGER)
        return {ErrorCode::RecordLocked,
                tr("The Department's database refused to change data that is received, locked or logged."), detail};
    if ((code & 0xff) == SQLITE_CONSTRAINT)
        return {ErrorCode::DbConstraint, tr("This entry already exists in the Department's database."), detail};
    if ((code & 0xff) == SQLITE_NOTADB)
        return {ErrorCode::DbNotADatabase, tr("The Department's database file is damaged or is not a database."),
                detail};
    return {ErrorCode::DbQueryFailed,
            tr("The Department's database could not be read or written. Check the disk space and the data folder, "
               "then try again."),
            detail};
}

Status Connection::migrate()
{
    static const QRegularExpression name(QStringLiteral("^(\\d{4})_.*\\.sql$"));
    const QString folder = QStringLiteral(":/sql/dept/sqlite/");
    Statement current(*this, "PRAGMA user_version");
    if (!current.next())
        return std::unexpected(current.error(QStringLiteral("user_version")));
    const qint64 version = current.integer(0);
    current.reset();
    for (const QString& file : QDir(folder).entryList(QDir::Files, QDir::Name)) {
        const auto m = name.match(file);
        if (!m.hasMatch() || m.captured(1).toInt() <= version)
            continue;
        QFile f(folder + file);
        if (!f.open(QIODevice::ReadOnly))
            return fail(ErrorCode::DbMigrationFailed, tr("The Department's database could not be updated."),
                        QStringLiteral("missing migration %1").arg(file));
        const QByteArray sql = f.readAll() + "\nPRAGMA user_version=" + m.captured(1).toLatin1() + ";";
        if (auto ok = exec("BEGIN IMMEDIATE"); !ok)
            return ok;
        if (auto ok = exec(sql.constData()); !ok) {
            const Error e = ok.error();
            (void)exec("ROLLBACK");
            return fail(ErrorCode::DbMigrationFailed, tr("The Department's database could not be updated."),
                        QStringLiteral("%1: %2").arg(file, e.detail));
        }
        if (auto ok = exec("COMMIT"); !ok)
            return ok;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------- Statement

Statement::Statement(Connection& db, const char* sql)
    : m_db(db)
{
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_stmt = nullptr;
        m_failed = true;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    if (m_stmt
        && sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT,
                               SQLITE_UTF8)
            != SQLITE_OK)
        m_failed = true;
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& blob)
{
    // A null pointer would bind NULL: an empty PDF is an empty blob, not a missing one.
    static const char empty = 0;
    const char* data = blob.isEmpty() ? &empty : blob.constData();
    if (m_stmt && sqlite3_bind_blob64(m_stmt, index, data, sqlite3_uint64(blob.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        m_failed = true;
    return *this;
}

Statement& Statement::bind(int index, qint64 value)
{
    if (m_stmt && sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        m_failed = true;
    return *this;
}

Statement& Statement::bind(int index, const QDateTime& utc)
{
    if (!utc.isValid()) {
        if (m_stmt && sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
            m_failed = true;
        return *this;
    }
    return bind(index, isoTime(utc));
}

bool Statement::next()
{
    if (m_failed || !m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_failed = true;
    return false;
}

Status Statement::run()
{
    if (next() || m_failed)
        return std::unexpected(error(QStringLiteral("step")));
    return {};
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_failed = !m_stmt;
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QDateTime Statement::time(int column) const
{
    if (isNull(column))
        return {};
    QDateTime t = QDateTime::fromString(text(column), Qt::ISODate);
    return t.toUTC();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace hocba::dept::sqlite

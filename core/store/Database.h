// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace hocba::store {

class Database;

/**
 * A prepared statement (RAII over sqlite3_stmt). Bind parameters are 1-based as in SQLite. Not copyable; owned by
 * the thread that owns its Database.
 */
class Statement
{
public:
    Statement() = default;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, const QString& value); ///< a null QString binds NULL
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QByteArray& value); ///< BLOB; a null QByteArray binds NULL
    Statement& bind(int index, std::optional<qint64> value);
    Statement& bindNull(int index);

    /** Runs one step: true when a row is available, false when done; an error names the SQL. */
    Result<bool> step();
    /** Runs to completion, ignoring rows (INSERT/UPDATE/DELETE). */
    Status exec();
    /** Resets so the statement can be bound and run again. */
    void reset();

    bool isNull(int column) const;
    QString text(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QByteArray blob(int column) const;
    std::optional<qint64> optionalInt64(int column) const;

private:
    friend class Database;
    Statement(sqlite3_stmt* stmt, Database* db);
    sqlite3_stmt* m_stmt = nullptr;
    Database* m_db = nullptr;
};

/**
 * One SQLite connection (WAL, foreign keys on). Use one per thread; it is opened without SQLite's own mutex, so it
 * may be lent to another thread only while its owner waits for that thread to hand it back (BatchPipeline does, for
 * its database helper). Opening refuses a file that is not a database
 * or comes from a newer program version without touching it, takes a backup copy, then applies the numbered
 * migrations in resources/sql, each in its own transaction.
 */
class Database
{
public:
    struct OpenOptions
    {
        /** Apply migrations up to this version only (tests of older schemas); default: all. */
        std::optional<int> migrateTo;
        /** Who changes data through this connection; written into the audit log. */
        QString actor = QStringLiteral("system");
    };

    /** Opens a data file that must exist: a mistyped or moved path must not become an empty school. */
    static Result<std::unique_ptr<Database>> openExisting(const QString& path, const OpenOptions& options);
    static Result<std::unique_ptr<Database>> openExisting(const QString& path)
    {
        return openExisting(path, OpenOptions {});
    }
    /** Deletes a data file with its WAL, shared-memory and journal files (a half-made file that must not stay). */
    static void removeFiles(const QString& path);
    /** Opens a data file, creating an empty one when it does not exist yet. */
    static Result<std::unique_ptr<Database>> openOrCreate(const QString& path, const OpenOptions& options);
    static Result<std::unique_ptr<Database>> openOrCreate(const QString& path)
    {
        return openOrCreate(path, OpenOptions {});
    }
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /** The newest schema version this program knows (the number of the last migration). */
    static int latestVersion();

    Result<Statement> prepare(const QString& sql);
    /**
     * A prepared statement kept for the life of the connection (for hot paths: audit appends, bulk inserts),
     * reset and with cleared bindings. Do not hold two uses of the same SQL at once.
     */
    Result<Statement*> cached(const QString& sql);
    /** Runs one or more statements without results. */
    Status exec(const QString& sql);
    Result<int> userVersion();
    qint64 lastInsertId() const;
    bool inTransaction() const;
    int changes() const;

    QString path() const { return m_path; }
    QString actor() const { return m_actor; }
    void setActor(const QString& actor) { m_actor = actor; }
    sqlite3* handle() const { return m_db; }

    /** Maps the last SQLite error to an Error (trigger refusals become RecordLocked with a clear message). */
    Error lastError(const QString& context) const;

private:
    Database(sqlite3* db, QString path);
    static Result<std::unique_ptr<Database>> open(const QString& path, const OpenOptions& options,
                                                  bool createIfMissing);
    Status configure();
    Status migrate(int from, int to);
    Status backupBeforeMigration(int fromVersion);

    // Finalised before the connection closes (declared after m_db, destroyed first).
    sqlite3* m_db = nullptr;
    QString m_path;
    QString m_actor;
    std::unordered_map<QString, Statement> m_cache;
};

/**
 * RAII transaction: BEGIN IMMEDIATE in the constructor, ROLLBACK in the destructor unless commit() succeeded.
 * Inside another transaction it becomes a SAVEPOINT, so repository methods can be called alone or in a batch.
 */
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    /** The BEGIN result; check it before writing. */
    const Status& began() const { return m_began; }
    Status commit();

private:
    Database& m_db;
    QString m_savepoint; ///< empty for a top-level transaction
    Status m_began;
    bool m_done = false;
};

} // namespace hocba::store

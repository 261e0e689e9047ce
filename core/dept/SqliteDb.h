// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the SQLite store: RAII over the sqlite3 C API (the Department's store uses no Qt SQL and not store/).
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace hocba::dept::sqlite {

/** One connection; closed on destruction. */
class Connection
{
public:
    enum class Mode { Writer, Reader };
    /** Opens with WAL, synchronous=FULL, foreign keys and a busy timeout; a Reader is query_only. */
    static Result<std::unique_ptr<Connection>> open(const QString& path, Mode mode);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return m_db; }
    Status exec(const char* sql);
    /** Applies the embedded :/sql/dept/sqlite/NNNN_*.sql above PRAGMA user_version, each in its own transaction. */
    Status migrate();
    qint64 changes() const;
    qint64 lastInsertId() const;
    /** An error value for the connection's last failure; `what` names the operation (technical, untranslated). */
    Error error(const QString& what) const;

private:
    explicit Connection(sqlite3* db)
        : m_db(db)
    { }
    sqlite3* m_db = nullptr;
};

/** A prepared statement with 1-based binds and 0-based columns. */
class Statement
{
public:
    Statement(Connection& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    bool prepared() const { return m_stmt != nullptr; }
    Statement& bind(int index, const QString& text);
    Statement& bind(int index, const QByteArray& blob);
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, const QDateTime& utc); ///< ISO text, or NULL when invalid
    /** True while a row is there; false at the end or on error (then failed() is set). */
    bool next();
    /** Runs a statement that returns no rows. */
    Status run();
    void reset();
    bool failed() const { return m_failed; }
    Error error(const QString& what) const { return m_db.error(what); }

    QString text(int column) const;
    QByteArray blob(int column) const;
    qint64 integer(int column) const;
    QDateTime time(int column) const; ///< invalid for NULL
    bool isNull(int column) const;

private:
    Connection& m_db;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_failed = false;
};

QString isoTime(const QDateTime& utc); ///< "2026-06-30T16:59:59Z"

} // namespace hocba::dept::sqlite

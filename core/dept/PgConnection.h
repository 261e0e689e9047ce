// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

struct pg_conn;
struct pg_result;

/** libpq underneath PgDeptStore (not part of the dept API): parameters, binary result rows, one connection. */
namespace hocba::dept::pg {

/** One statement parameter: text sent as UTF-8 text, bytes sent binary (bytea), or NULL. */
struct Param
{
    QByteArray value;
    bool binary = false;
    bool null = false;

    static Param text(const QString& text);
    static Param bytes(const QByteArray& bytes);
    static Param integer(qint64 value);
    static Param boolean(bool value);
    static Param date(const QDate& date);
    static Param time(const QDateTime& time); ///< ISO-8601 UTC, whole seconds; NULL when invalid
    static Param textArray(const QStringList& items); ///< a text[] literal
    static Param integerArray(const QList<qint64>& items); ///< a bigint[] literal
};

/** The rows of one result, fetched in binary; each reader checks for NULL and width itself. */
class Rows
{
public:
    explicit Rows(pg_result* result = nullptr);
    int size() const;
    bool isNull(int row, int column) const;
    QByteArray bytes(int row, int column) const;
    QString text(int row, int column) const;
    qint64 integer(int row, int column) const; ///< int2, int4 or int8
    bool boolean(int row, int column) const;
    QDate date(int row, int column) const;
    QDateTime time(int row, int column) const; ///< timestamptz as UTC; invalid when NULL

private:
    std::shared_ptr<pg_result> m_result;
};

/** A request the database could not carry out; `detail` says what, for the IT staff. */
Error queryFailed(const QString& detail);

/** Whether the last failure of a connection is worth running its transaction again (40001, 40P01). */
bool isRetryableState(const QByteArray& sqlState);

/** One libpq connection (one session's): prepared statements by name, transactions with retry. Not thread-safe. */
class Connection
{
public:
    static Result<std::unique_ptr<Connection>> open(const QByteArray& conninfo);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /** A statement prepared once per connection under `name`; results in binary. */
    Result<Rows> exec(const char* name, const char* sql, const QList<Param>& params = {});
    /** An unnamed statement (DECLARE, FETCH, one-off queries); results in binary. */
    Result<Rows> execOnce(const char* sql, const QList<Param>& params = {});
    /** Several statements as one simple query (migrations, BEGIN, COMMIT). */
    Status script(const QByteArray& sql);

    /**
     * Runs `body` between `begin` and COMMIT; a failure rolls back, and a serialization failure or deadlock runs it
     * again (a few times) from the start.
     */
    template <class T> Result<T> transaction(const std::function<Result<T>()>& body, const char* begin = "BEGIN")
    {
        for (int attempt = 1;; ++attempt) {
            if (auto started = beginTransaction(begin); !started)
                return std::unexpected(started.error());
            Result<T> result = body();
            if (result) {
                if (auto committed = finishTransaction(true); !committed)
                    result = std::unexpected(committed.error());
                else
                    return result;
            } else {
                (void)finishTransaction(false);
            }
            if (!isRetryableState(m_lastState) || attempt >= kAttempts)
                return result;
        }
    }

private:
    static constexpr int kAttempts = 5;
    explicit Connection(pg_conn* conn);
    Status beginTransaction(const char* begin);
    Status finishTransaction(bool commit);
    Status reconnectIfLost();
    /** Sends a statement; a NUL in a text parameter is refused (libpq would cut the text there). */
    Result<Rows> run(const std::function<Result<Rows>()>& send, const QList<Param>& params = {});
    Result<Rows> take(pg_result* result);

    pg_conn* m_conn = nullptr;
    QSet<QByteArray> m_prepared;
    QByteArray m_lastState; ///< SQLSTATE of the last failed statement
    bool m_inTransaction = false;
};

} // namespace hocba::dept::pg

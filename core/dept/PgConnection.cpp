// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/PgConnection.h"

#include <QCoreApplication>
#include <QtEndian>

#include <libpq-fe.h>

namespace hocba::dept::pg {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hocba::dept::PgDeptStore", text);
}

// PostgreSQL's binary dates and times count from 2000-01-01 (integer datetimes, the only kind since PostgreSQL 10).
constexpr qint64 kPgEpochSeconds = 946684800;
const QDate kPgEpochDate(2000, 1, 1);

QByteArray arrayElement(const QString& item)
{
    QByteArray quoted = item.toUtf8();
    quoted.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + quoted + '"';
}

/** The error of a failed statement: the SQLSTATE and PostgreSQL's primary message, never its DETAIL (row values). */
Error statementError(const PGresult* result, const QByteArray& state, PGconn* conn)
{
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const QString detail
        = QStringLiteral("PostgreSQL %1: %2")
              .arg(QString::fromLatin1(state), QString::fromUtf8(primary ? primary : PQerrorMessage(conn)).trimmed());
    if (state == "HBL01")
        return Error {ErrorCode::RecordLocked,
                      tr("The Department's database refused to change data that is received, locked or logged."),
                      detail};
    if (state == "23505")
        return Error {ErrorCode::DbConstraint, tr("This entry already exists in the Department's database."), detail};
    if (state.startsWith("23"))
        return Error {ErrorCode::DbConstraint, tr("The Department's database could not be updated."), detail};
    return queryFailed(detail);
}

} // namespace

Param Param::text(const QString& text)
{
    return Param {text.toUtf8()};
}

Param Param::bytes(const QByteArray& bytes)
{
    // A non-null pointer even for an empty value, or libpq would send NULL.
    return Param {bytes.isNull() ? QByteArray("") : bytes, true};
}

Param Param::integer(qint64 value)
{
    return Param {QByteArray::number(value)};
}

Param Param::boolean(bool value)
{
    return Param {value ? QByteArray("true") : QByteArray("false")};
}

Param Param::date(const QDate& date)
{
    return Param {date.toString(Qt::ISODate).toLatin1(), false, !date.isValid()};
}

Param Param::time(const QDateTime& time)
{
    if (!time.isValid())
        return Param {{}, false, true};
    return Param {time.toUTC().toString(Qt::ISODate).toLatin1()};
}

Param Param::textArray(const QStringList& items)
{
    QByteArrayList quoted;
    quoted.reserve(items.size());
    for (const QString& item : items)
        quoted.append(arrayElement(item));
    return Param {'{' + quoted.join(',') + '}'};
}

Param Param::integerArray(const QList<qint64>& items)
{
    QByteArrayList numbers;
    numbers.reserve(items.size());
    for (qint64 item : items)
        numbers.append(QByteArray::number(item));
    return Param {'{' + numbers.join(',') + '}'};
}

Rows::Rows(pg_result* result)
    : m_result(result, [](pg_result* r) { PQclear(r); })
{ }

int Rows::size() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

bool Rows::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

QByteArray Rows::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QByteArray(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

QString Rows::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

qint64 Rows::integer(int row, int column) const
{
    if (isNull(row, column))
        return 0;
    const uchar* value = reinterpret_cast<const uchar*>(PQgetvalue(m_result.get(), row, column));
    switch (PQgetlength(m_result.get(), row, column)) {
    case 2:
        return qFromBigEndian<qint16>(value);
    case 4:
        return qFromBigEndian<qint32>(value);
    case 8:
        return qFromBigEndian<qint64>(value);
    default:
        return 0;
    }
}

bool Rows::boolean(int row, int column) const
{
    return !isNull(row, column) && PQgetlength(m_result.get(), row, column) == 1
        && *PQgetvalue(m_result.get(), row, column) != 0;
}

QDate Rows::date(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return kPgEpochDate.addDays(integer(row, column));
}

QDateTime Rows::time(int row, int column) const
{
    if (isNull(row, column))
        return {};
    const qint64 micros = integer(row, column);
    // Floor division: whole seconds are what the store writes; a stray fraction never rounds up.
    const qint64 seconds = micros >= 0 ? micros / 1000000 : -((-micros + 999999) / 1000000);
    return QDateTime::fromSecsSinceEpoch(kPgEpochSeconds + seconds, Qt::UTC);
}

Error queryFailed(const QString& detail)
{
    return Error {ErrorCode::DbQueryFailed,
                  tr("The Department's database could not carry out a request. Try again; if it keeps failing, give "
                     "the technical details to the Department's IT staff."),
                  detail};
}

bool isRetryableState(const QByteArray& sqlState)
{
    return sqlState == "40001" || sqlState == "40P01";
}

Result<std::unique_ptr<Connection>> Connection::open(const QByteArray& conninfo)
{
    // The conninfo goes in as "dbname" with expansion, so URLs and keyword strings both work; UTF-8 always.
    const char* keywords[] = {"dbname", "client_encoding", "application_name", nullptr};
    const char* values[] = {conninfo.constData(), "UTF8", "hocba-dept", nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (!conn)
        return fail(ErrorCode::DbOpenFailed, tr("Out of memory while connecting to the Department's database."));
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString detail = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return fail(ErrorCode::DbOpenFailed,
                    tr("The Department's PostgreSQL database cannot be reached. Check that PostgreSQL is running and "
                       "that the database address, user and password are right."),
                    detail);
    }
    // Server notices ("already exists, skipping") are for a person at psql, not for a server's log.
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
    return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::Connection(pg_conn* conn)
    : m_conn(conn)
{ }

Connection::~Connection()
{
    PQfinish(m_conn);
}

Status Connection::reconnectIfLost()
{
    // Only between transactions: a transaction that lost its connection has failed and must not go on in autocommit.
    if (m_inTransaction || PQstatus(m_conn) == CONNECTION_OK)
        return {};
    PQreset(m_conn);
    m_prepared.clear();
    if (PQstatus(m_conn) != CONNECTION_OK)
        return fail(ErrorCode::DbOpenFailed,
                    tr("The connection to the Department's PostgreSQL database was lost and cannot be made again. "
                       "Check that PostgreSQL is running."),
                    QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    return {};
}

Result<Rows> Connection::take(pg_result* result)
{
    Rows rows(result);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return rows;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    m_lastState = state ? QByteArray(state) : QByteArray("08000");
    return std::unexpected(statementError(result, m_lastState, m_conn));
}

namespace {

struct ParamArrays
{
    QList<const char*> values;
    QList<int> lengths;
    QList<int> formats;

    explicit ParamArrays(const QList<Param>& params)
    {
        for (const Param& p : params) {
            values.append(p.null ? nullptr : p.value.constData());
            lengths.append(int(p.value.size()));
            formats.append(p.binary ? 1 : 0);
        }
    }
};

} // namespace

Result<Rows> Connection::run(const std::function<Result<Rows>()>& send, const QList<Param>& params)
{
    for (const Param& p : params)
        if (!p.binary && p.value.contains('\0'))
            return fail(ErrorCode::InvalidInput,
                        tr("The request holds a character (NUL) that cannot be stored. Nothing was stored."),
                        QStringLiteral("NUL in a text parameter"));
    if (auto ok = reconnectIfLost(); !ok)
        return std::unexpected(ok.error());
    auto result = send();
    // Between transactions a statement that met a dropped connection (a server restart) is only a read or BEGIN:
    // safe to send once more on a new connection.
    if (!result && !m_inTransaction && PQstatus(m_conn) == CONNECTION_BAD) {
        if (auto ok = reconnectIfLost(); !ok)
            return std::unexpected(ok.error());
        result = send();
    }
    return result;
}

Result<Rows> Connection::exec(const char* name, const char* sql, const QList<Param>& params)
{
    return run(
        [&]() -> Result<Rows> {
            const QByteArray key(name);
            if (!m_prepared.contains(key)) {
                auto prepared = take(PQprepare(m_conn, name, sql, int(params.size()), nullptr));
                if (!prepared)
                    return prepared;
                m_prepared.insert(key);
            }
            const ParamArrays a(params);
            return take(PQexecPrepared(m_conn, name, int(params.size()), a.values.constData(), a.lengths.constData(),
                                       a.formats.constData(), 1));
        },
        params);
}

Result<Rows> Connection::execOnce(const char* sql, const QList<Param>& params)
{
    return run(
        [&]() {
            const ParamArrays a(params);
            return take(PQexecParams(m_conn, sql, int(params.size()), nullptr, a.values.constData(),
                                     a.lengths.constData(), a.formats.constData(), 1));
        },
        params);
}

Status Connection::script(const QByteArray& sql)
{
    auto done = run([&]() { return take(PQexec(m_conn, sql.constData())); });
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Status Connection::beginTransaction(const char* begin)
{
    m_lastState.clear();
    if (auto started = script(begin); !started)
        return started;
    m_inTransaction = true;
    return {};
}

Status Connection::finishTransaction(bool commit)
{
    // Still "in a transaction" while COMMIT runs, so a lost connection fails it instead of reconnecting silently.
    if (commit && PQtransactionStatus(m_conn) != PQTRANS_INTRANS) {
        // A failed statement went unreported: COMMIT would only roll back, and the caller would think it stored.
        (void)script("ROLLBACK");
        m_inTransaction = false;
        return std::unexpected(queryFailed(QStringLiteral("COMMIT refused: the transaction had failed")));
    }
    Status finished;
    if (commit) {
        finished = script("COMMIT");
    } else {
        // Keep the SQLSTATE that made the transaction fail: it decides whether to run it again.
        const QByteArray cause = m_lastState;
        finished = script("ROLLBACK");
        m_lastState = cause;
    }
    m_inTransaction = false;
    return finished;
}

} // namespace hocba::dept::pg

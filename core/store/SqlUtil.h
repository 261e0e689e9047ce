// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Database.h"

#include <QDate>
#include <QList>
#include <QVariant>

#include <initializer_list>

namespace hocba::store {

inline QString isoDate(QDate d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

inline QDate fromIsoDate(const QString& s)
{
    return s.isEmpty() ? QDate() : QDate::fromString(s, Qt::ISODate);
}

/** "" for a null QString: for NOT NULL text columns where "no text" is a valid value (Statement binds null as NULL). */
inline QString nonNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

/** Runs a query with integer parameters and maps each row. */
template <class T, class RowFn>
Result<QList<T>> queryList(Database& db, const QString& sql, RowFn&& map, std::initializer_list<qint64> params = {})
{
    // Cached: list queries run in loops (a class list per class, inputs per student); the statement is run to
    // completion before returning, so reusing it is safe.
    auto cached = db.cached(sql);
    if (!cached)
        return std::unexpected(cached.error());
    Statement& st = **cached;
    int i = 1;
    for (qint64 p : params)
        st.bind(i++, p);
    QList<T> out;
    for (;;) {
        auto row = st.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        out.append(map(st));
    }
    st.reset();
    return out;
}

} // namespace hocba::store

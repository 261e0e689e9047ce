// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/DeptStore.h"

#include "dept/PgDeptStore.h"
#include "dept/SqliteDeptStore.h"

#include <QCoreApplication>

namespace hocba::dept {

namespace {

bool isPostgresUrl(const QString& url)
{
    return url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))
        || url.contains(QLatin1String("dbname=")) || url.contains(QLatin1String("host="));
}

} // namespace

Result<std::unique_ptr<DeptStore>> DeptStore::open(const QString& url)
{
    if (isPostgresUrl(url))
        return openPgDeptStore(url);
    const QString path = url.startsWith(QLatin1String("sqlite:")) ? url.mid(7) : url;
    if (path.isEmpty())
        return fail(ErrorCode::Usage,
                    QCoreApplication::translate("hocba::dept::DeptStore",
                                                "No database was given. Give the data folder's dept.db or a "
                                                "PostgreSQL address (postgresql://…)."),
                    QStringLiteral("empty store url"));
    return openSqliteDeptStore(path);
}

} // namespace hocba::dept

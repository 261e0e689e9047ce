// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/PgDeptStore.h"

namespace hocba::dept {

// Placeholder until the PostgreSQL store lands (helper dept-pg replaces this file).
Result<std::unique_ptr<DeptStore>> openPgDeptStore(const QString&)
{
    return fail(ErrorCode::Unsupported, QStringLiteral("PostgreSQL store not built yet"));
}

} // namespace hocba::dept

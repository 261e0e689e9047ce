// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptStore.h"

namespace hocba::dept {

/** The PostgreSQL 15 store over libpq (ENDPOINT.md §8): a connection per session, prepared statements, binary bytea. */
Result<std::unique_ptr<DeptStore>> openPgDeptStore(const QString& conninfo);

} // namespace hocba::dept

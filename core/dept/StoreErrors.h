// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptTypes.h"
#include "util/Error.h"

/** The errors both DeptStore engines (SQLite, PostgreSQL) give in the same words; internal to the dept module. */
namespace hocba::dept::storeerror {

/** The audit chain does not hold at `entry` (its id): an entry was changed, removed or reordered. */
Error auditChainBroken(qint64 entry);
/** No school with this id. */
Error schoolNotRegistered(Id schoolId);
/** No reporting window with this id. */
Error noWindow(const QString& windowId);

} // namespace hocba::dept::storeerror

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptStore.h"

namespace hocba::dept {

/**
 * The SQLite store over the sqlite3 C API (ENDPOINT.md §8): WAL, synchronous=FULL, foreign keys, a busy timeout.
 * The store owns the one writer connection; every write takes its mutex and runs in a BEGIN IMMEDIATE transaction
 * that also appends to the audit log. Each session reads through its own query-only connection.
 * Creates the file when missing and migrates it (resources/sql/dept/sqlite/NNNN_*.sql).
 */
Result<std::unique_ptr<DeptStore>> openSqliteDeptStore(const QString& path);

/** Records lockWindow locks per transaction: a crash part-way loses at most one batch, which the next call redoes. */
inline constexpr int kSqliteLockBatch = 5000;

} // namespace hocba::dept

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptStore.h"

namespace hocba::dept {

/** Tuning of the PostgreSQL store; the defaults are what a province needs (ENDPOINT.md §8). */
struct PgStoreOptions
{
    int lockBatchRows = 50000; ///< heads lockWindow locks per transaction
    int exportFetchRows = 200; ///< rows exportLocked fetches from its cursor at a time
};

/**
 * The PostgreSQL 15 store over libpq (ENDPOINT.md §8): a connection per session, prepared statements, binary bytea.
 * `conninfo` is a "postgresql://…" URL or a libpq "host=… dbname=…" string. Migrates resources/sql/dept/pg/ first.
 */
Result<std::unique_ptr<DeptStore>> openPgDeptStore(const QString& conninfo, const PgStoreOptions& options = {});

} // namespace hocba::dept

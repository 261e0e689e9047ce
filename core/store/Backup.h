// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QString>

namespace hocba::store {

class Database;

/**
 * Copies a live database to `outPath` with the SQLite online backup API: a consistent snapshot even while another
 * connection (the open app) writes. The copy is written to a temporary file, checked with PRAGMA integrity_check,
 * then renamed into place, so a failed backup never leaves a half-written file under the target name.
 */
Status backupConnection(Database& source, const QString& outPath);

/** Opens `dbPath` (its own connection, no migration) and backs it up to `outPath`. */
Status backupFile(const QString& dbPath, const QString& outPath);

/**
 * Replaces the contents of `dbPath` with the backup at `backupPath` through the backup API. The backup is checked
 * first (a school data file, not newer than this program, integrity ok); the current file is first saved as
 * `<dbPath>.before-restore-<time>` so nothing is lost.
 */
Status restoreFile(const QString& backupPath, const QString& dbPath);

} // namespace hocba::store

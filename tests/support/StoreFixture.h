// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "store/Database.h"

#include <QTemporaryDir>

#include <memory>

namespace hocba::test {

/** A small school written through the repositories: used by store, CLI and UI tests. */
struct MiniSchool
{
    Id classId = 0;
    Id studentId = 0;
    Id recordId = 0;
    Id sectionId = 0; ///< draft, grade 7, 2025-2026, with a few assessments
    Id otherSectionId = 0; ///< a second student's draft section in the same class
};

/** Opens (creating) a database at dir/name, failing the test on error (QVERIFY-style: returns null). */
std::unique_ptr<store::Database> openTestDatabase(const QString& path);

/** Fills a fresh database with MiniSchool content. */
MiniSchool makeMiniSchool(store::Database& db);

/** Runs the sqlite3 shell on a file: returns its exit code (stdout/stderr into `output`). */
int runSqlite3(const QString& dbPath, const QString& sql, QString* output = nullptr);

/** The first column of the first row of a query, as text (empty when there is none). */
QString scalar(store::Database& db, const QString& sql);

/** Reads a whole file. */
QByteArray fileBytes(const QString& path);

} // namespace hocba::test

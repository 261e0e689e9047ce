// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The write side shared by the student and the grade import (not for callers outside lifecycle: they use Import.h).

#include "lifecycle/Actor.h"
#include "lifecycle/ImportReport.h"
#include "store/Database.h"
#include "util/Error.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace hocba::lifecycle {

/** What the batch's audit entry says about the file. */
struct BatchDescription
{
    QString action; ///< "import.students", "import.grades" or "import.homeroom"
    QString fileName;
    QByteArray fileDigest; ///< SHA-256 of the file's bytes
    QString scope; ///< e.g. "class=6A1 subject=toan term=hk1"; no personal data
    bool dryRun = false;
    bool allOrNothing = false;
};

/**
 * One import's write (audited as the actor `permit` set before it): a transaction, and a record of every row the import
 * changes in the school's tables, kept with the batch's audit entry so that undoImport can take it back. The record is
 * made by temporary triggers, so whatever the repositories write for a row (classes, students, records, sections,
 * marks) is covered without each of them knowing about imports. Destroying an unfinished batch rolls everything back.
 */
class ImportBatch
{
public:
    explicit ImportBatch(store::Database& db);
    ~ImportBatch();
    ImportBatch(const ImportBatch&) = delete;
    ImportBatch& operator=(const ImportBatch&) = delete;

    const Status& began() const { return m_began; }

    /**
     * Writes the audit entry and the undo record and commits, unless it is a dry run, nothing changed, or a row was
     * rejected in an all-or-nothing import: then everything is rolled back. Returns `result` with its batch id set,
     * 0 when nothing was written.
     */
    Result<ImportResult> finish(const BatchDescription& description, ImportResult result);

private:
    store::Database& m_db;
    std::unique_ptr<store::Transaction> m_tx;
    Status m_began;
};

/** Takes back a batch (see undoImport in Import.h). */
Status undoBatch(store::Database& db, qint64 batchId, const Actor& actor);

} // namespace hocba::lifecycle

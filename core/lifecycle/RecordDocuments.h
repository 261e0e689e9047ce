// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "render/RecordRenderer.h"
#include "render/RenderBatch.h"
#include "util/Error.h"

#include <QList>

#include <functional>
#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * What the printed book of one record is made from: the packet of every year of the record and each packet's SHA-256
 * for the QR codes. A signed (submitted, locked) year is its stored signed packet, never live tables, and only when
 * its stored documents pass verifiedSignedSection: otherwise the whole book is refused with that error, which names
 * the year. Other years are built from the store (results from the rules) and marked as drafts. Years received from
 * earlier schools come with their signed PDFs (receivedYears).
 */
Result<render::RenderInput> renderInputForRecord(store::Database& db, Id recordId);

/**
 * The years the record received from earlier schools (transferIn), as the book prints them: per school year the
 * version in force at the earlier school, its signed packet and signed PDF exactly as stored (checked on receipt;
 * received_section is read-only). Superseded and revoked versions are kept but not printed.
 */
Result<QList<render::ReceivedYear>> receivedYears(store::Database& db, Id recordId);

/** The records with a year section in `year` (one class, or the whole school), in class-list order. */
Result<QList<Id>> recordsOfYear(store::Database& db, SchoolYear year, const std::optional<QString>& className = {});

/** The record a year section belongs to. */
Result<Id> recordOfSection(store::Database& db, Id sectionId);

/** What renderBooks did with one record. */
struct BookOutcome
{
    Status status; ///< the reason when the record failed (Cancelled when it was never started)
    QString lookupCode; ///< empty when the record's packets could not be made
    qsizetype pdfSize = 0;
};

/**
 * A rendered book, handed over on the worker thread that made it with that thread's connection to the school file:
 * `index` is the record's place in the list, `input` what the pages were made from.
 */
using BookOutput = std::function<Status(qsizetype index, const render::RenderInput& input, const QByteArray& pdf,
                                        store::Database& db)>;

/**
 * The books of `records` (renderInputForRecord, then render::renderBatch) on worker threads, each reading `dbPath`
 * through its own connection (one SQLite connection per thread); `connectionReady` is called with that connection
 * before each record (e.g. to set the audit name). What `hocba-cli render`, `hocba-cli print` and the desktop's print
 * dialog share. One outcome per record, in order.
 */
QList<BookOutcome> renderBooks(const QString& dbPath, const QList<Id>& records, const render::BatchOptions& options,
                               const BookOutput& output,
                               const std::function<void(store::Database&)>& connectionReady = {});

} // namespace hocba::lifecycle

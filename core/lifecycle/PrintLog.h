// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "render/RecordRenderer.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** Why a copy is printed (the print log's reason; docs/printing.md). */
enum class PrintReason { Archive, Transfer, Parent, Other };
QString toCode(PrintReason reason); ///< "archive" | "transfer" | "parent" | "other"
std::optional<PrintReason> printReasonFromCode(const QString& code);
/** Translated: "lưu trữ", "chuyển trường", "cho phụ huynh", "khác". */
QString displayName(PrintReason reason);

/** Where the copies go. */
enum class PrintTarget { Pdf, Printer };
QString toCode(PrintTarget target); ///< "pdf" | "printer"

inline constexpr int kMaxPrintCopies = 20;
inline constexpr int kMaxPrintNoteLength = 500;

/** What the clerk asks for: the same for every record of one print run. */
struct PrintRequest
{
    PrintReason reason = PrintReason::Archive;
    QString note; ///< required for Other; at most kMaxPrintNoteLength characters
    int copies = 1; ///< 1 … kMaxPrintCopies
    PrintTarget target = PrintTarget::Pdf;
};

/** Ok, or InvalidInput saying what to change (copies out of range, a note too long, Other without a note). */
Status checkPrintRequest(const PrintRequest& request);

/**
 * One record to print: its book (every year, as renderInputForRecord makes it) and the school year whose section the
 * copy is logged against, with that section's version and state when it was chosen.
 */
struct PrintItem
{
    Id recordId = 0;
    QString lookupCode;
    Id sectionId = 0;
    SchoolYear year;
    QString className;
    int version = 1;
    SectionState state = SectionState::Draft;

    /** Not signed: the year's pages carry the draft watermark and the log marks the copy as a draft. */
    bool draft() const { return state == SectionState::Draft || state == SectionState::Ready; }
};

/**
 * The records of one class of `year` (or of every class) with the current section of that year, in class-list order.
 * A record that cannot be printed as a school copy (a revoked year) is refused by printItemOfSection's rule: it comes
 * back in `refused` with the reason, the others print.
 */
struct PrintSelection
{
    QList<PrintItem> items;
    QList<Error> refused;
};
Result<PrintSelection> printItemsOfYear(store::Database& db, SchoolYear year,
                                        const std::optional<QString>& className = {});

/**
 * The section a caller names (a version chosen in the versions dialog, `hocba-cli print --section`), as an item. Only
 * the current version of a year prints: a superseded version (or one with a newer version) is refused with a message
 * naming the current version; a revoked year, or a record with any revoked year, is refused too. A draft or ready
 * section prints, marked as a draft.
 */
Result<PrintItem> printItemOfSection(store::Database& db, Id sectionId);

/** The right to print in `year`: permit(PrintExport). */
Status permitPrint(store::Database& db, const Actor& actor, SchoolYear year);

/**
 * The SHA-256 of the item's year as it is in `input` (the pages printed), checked against the item: that year is
 * there, its packet is the item's version and its draft flag the item's. An error when the section changed between
 * choosing and printing.
 */
Result<QByteArray> printedPacketDigest(const render::RenderInput& input, const PrintItem& item);

/** One printed record: the item and the digest of its year as printed. */
struct PrintedCopy
{
    PrintItem item;
    QByteArray packetSha256;
};

/**
 * Writes one print-log row per copy (with its request's count of copies) and a "record.print" audit entry each, in
 * one transaction: permit(PrintExport) first. The log records the connection's actor name as the one who printed
 * (the login; in a file without accounts the name the front end gave). Nothing is written when anything fails.
 */
Status logPrinted(store::Database& db, const Actor& actor, const PrintRequest& request,
                  const QList<PrintedCopy>& copies);

/** One row of the print log. */
struct PrintLogEntry
{
    Id id = 0;
    QDateTime printedAt; ///< UTC
    QString printedBy;
    Id recordId = 0;
    QString lookupCode;
    Id sectionId = 0;
    SchoolYear year;
    QString className;
    int version = 1;
    SectionState state = SectionState::Draft;
    bool draft = false;
    QString packetSha256; ///< hex
    int copies = 1;
    PrintReason reason = PrintReason::Archive;
    QString note;
    PrintTarget target = PrintTarget::Pdf;
};

/** The log, oldest first: of one school year (and class) when given. Needs PrintExport (the clerk's right). */
Result<QList<PrintLogEntry>> printLog(store::Database& db, const Actor& actor,
                                      const std::optional<SchoolYear>& year = {},
                                      const std::optional<QString>& className = {});

/** What a print run did, record by record (in the order of the items). */
struct PrintOutcome
{
    PrintItem item;
    Status status; ///< Cancelled for records never started
};

struct PrintRunOptions
{
    render::RenderOptions render;
    int threads = 0; ///< 0: one per core
    std::function<void(int done, int total)> progress; ///< from worker threads
    const std::atomic_bool* cancel = nullptr;
};

/**
 * Prints each item's book to its own PDF file in `folder` (named `<lookup code>.pdf`: no personal names in file
 * names), on worker threads that read `dbPath` through their own connections (renderBooks). Each file is written and
 * its log row committed together: the file is kept only when the row is committed. `printedBy` is the name the log
 * records (the front end's connection's actor name). Refuses a bad request or a missing right before anything.
 */
Result<QList<PrintOutcome>> printToFolder(const QString& dbPath, const Actor& actor, const QString& printedBy,
                                          const QList<PrintItem>& items, const PrintRequest& request,
                                          const QString& folder, const PrintRunOptions& options = {});

/**
 * The books of the items rendered one after another (one print job or one combined PDF), each checked against its
 * item; `paint` draws them on the device (renderRecordsPdf into a file, paintRecords on a printer) and only when it
 * succeeds are the copies logged, in one transaction. Items whose book cannot be made are left out and reported;
 * the others print.
 */
Result<QList<PrintOutcome>> printTogether(store::Database& db, const Actor& actor, const QList<PrintItem>& items,
                                          const PrintRequest& request,
                                          const std::function<Status(const QList<render::RenderInput>&)>& paint,
                                          const PrintRunOptions& options = {});

/** printTogether into one PDF file at `path` (written only when the log is committed). */
Result<QList<PrintOutcome>> printToPdfFile(store::Database& db, const Actor& actor, const QList<PrintItem>& items,
                                           const PrintRequest& request, const QString& path,
                                           const PrintRunOptions& options = {});

} // namespace hocba::lifecycle

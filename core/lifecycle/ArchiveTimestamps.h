// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "lifecycle/RevocationFetcher.h"
#include "token/Timestamper.h"
#include "util/CancellationToken.h"
#include "util/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * PAdES B-LTA for the school's stored PDFs (docs/signing.md §8). A time-stamp proves its time only while its TSA
 * certificate can still be checked: before the last one expires, the PDF gets the validation data of its signatures
 * and time-stamps and a document time-stamp over everything (PdfSigner::addValidationData, addDocumentTimestamp),
 * stored as an extension of the document (SignedDocuments::insertExtension; signed_document never changes).
 */

/** Records due within this many days make the desktop show its reminder. */
inline constexpr int kArchiveReminderDays = 90;
/** `hocba-cli extend` extends the records whose last time-stamp expires within this many days. */
inline constexpr int kArchiveExtendDays = 180;

/** One stored signed PDF and when the certificate of its last time-stamp (signature or archive) expires. */
struct ArchiveCandidate
{
    qint64 documentId = 0; ///< signed_document.id of the row that carries the PDF
    QString lookupCode; ///< the record's lookup code (no personal data)
    QString schoolYear;
    int version = 1;
    /** The last time-stamp's TSA certificate notAfter; invalid when the PDF carries no valid time-stamp. */
    QDateTime lastTimestampExpiry;
    bool archived = false; ///< it already carries a valid archive time-stamp
};

/** The stored signed PDFs with the expiry of their last time-stamp, oldest expiry first (those without last). */
Result<QList<ArchiveCandidate>> archiveCandidates(store::Database& db);

/** What the reminder says: how many records are due and the earliest expiry among them. */
struct ArchiveReminder
{
    int due = 0; ///< records whose last time-stamp expires within the window (or has expired)
    QDateTime earliestExpiry; ///< UTC; invalid when none is due
    int timestamped = 0; ///< records with a time-stamp at all
};

/** Records whose last time-stamp's certificate expires before `now + withinDays`. */
Result<ArchiveReminder> archiveReminder(store::Database& db, int withinDays = kArchiveReminderDays,
                                        const QDateTime& now = QDateTime::currentDateTimeUtc());

struct ExtendOptions
{
    int withinDays = kArchiveExtendDays;
    bool all = false; ///< every signed record, due or not (also those without a time-stamp)
    /** The TSA to ask; null: the school's (tsaSettings/makeTimestamper), an error when none is set. */
    signing::Timestamper* timestamper = nullptr;
    RevocationFetchOptions revocation;
    const CancellationToken* cancel = nullptr;
    /** Called after each record (done so far, how many to do, the record's lookup code, whether it was extended). */
    std::function<void(int done, int total, const QString& lookupCode, bool extended)> progress;
    QDateTime now = QDateTime::currentDateTimeUtc();
};

struct ExtendFailure
{
    QString lookupCode;
    QString schoolYear;
    int version = 1;
    QString message; ///< translated
};

struct ExtendReport
{
    int due = 0; ///< records chosen for this run
    int extended = 0; ///< each committed on its own
    QList<ExtendFailure> failed; ///< records skipped (e.g. a PDF that does not verify); the run went on
    /** Set when the run stopped early: the TSA or a revocation service did not answer, or it was cancelled. */
    std::optional<Error> stopped;
    bool cancelled = false;
};

/**
 * For each record chosen (due within `withinDays`, or all): fetches the validation data of its signatures' and
 * time-stamps' chains (certificates always; OCSP/CRL where the certificates name services), adds them and a document
 * time-stamp, checks the result with PdfVerifier and stores it with an audit entry, each record in its own
 * transaction. A TSA or revocation service that does not answer stops the run (`stopped`); the next run resumes with
 * the records still due. Needs Right::Report (the clerk, the principal, the administrator).
 */
Result<ExtendReport> extendArchiveTimestamps(store::Database& db, const Actor& actor, const ExtendOptions& options);

} // namespace hocba::lifecycle

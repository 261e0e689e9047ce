// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Actor.h"
#include "util/CancellationToken.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <optional>

namespace hocba::store {
class Database;
}

/**
 * The school's side of reporting to the Department (docs/api.md, docs/upload.md): the endpoint it reports to, the
 * outbox that signing fills, the upload, the receipts that move sections to `submitted` and `locked`, and the public
 * lookup by code. Both front ends call these; the network work runs on the calling thread (the desktop calls from a
 * worker thread) with its own event loop.
 */
namespace hocba::lifecycle {

/** Where and as whom the school reports; kept in the school file (the credential is a secret: never logged). */
struct EndpointSettings
{
    QString url; ///< https://…, or http:// on a loopback address only
    QString credential; ///< the bearer token the Department issued (64 hex)
    QByteArray departmentCertDer; ///< pinned: receipts must be signed by exactly this certificate
    QString departmentName; ///< the certificate's CN, for display
};

/**
 * Sets the endpoint (ManageSchool): checks the URL (https, or http only to a loopback address), reads the credential
 * file (one line, 64 hex) and the Department certificate (PEM or DER), and stores all three in one transaction with
 * an audit entry that names the URL and the certificate's SHA-256, never the credential.
 */
Status setEndpoint(store::Database& db, const Actor& actor, const QString& url, const QString& credentialFile,
                   const QString& departmentCertFile);
/** nullopt when none is set yet. */
Result<std::optional<EndpointSettings>> endpointSettings(store::Database& db);
/** A credential file's one line of 64 hex characters (lowercased); InvalidInput naming the file otherwise. */
Result<QString> readCredentialFile(const QString& path);

/** One signed section version waiting for (or past) its upload. */
struct OutboxEntry
{
    qint64 sectionId = 0;
    QString lookupCode;
    int version = 0;
    QString className;
    QString schoolYear; ///< "2025-2026"
    enum class State { Pending, Submitted, Locked } state = State::Pending;
    int attempts = 0;
    QString lastError; ///< translated; empty when none
    QDateTime submittedAt; ///< UTC, from the upload receipt
    QDateTime lockedAt; ///< UTC, the lock receipt's effective date
};

/** The outbox, optionally for one class (by name, in any year); pending entries first. */
Result<QList<OutboxEntry>> outbox(store::Database& db, const QString& className = {});

struct UploadRequest
{
    QString className; ///< empty: every pending entry (the CLI's --all)
    int maxAttempts = 4; ///< per entry in this run, with backoff between tries (network errors and 5xx/429 only)
    int firstBackoffMs = 500; ///< doubled after each failed try
};

/** What happened to one entry in an upload run. */
struct UploadItemResult
{
    QString lookupCode;
    int version = 0;
    enum class Outcome { Submitted, AlreadyThere, Refused, Failed } outcome = Outcome::Failed;
    int httpStatus = 0; ///< 0 when no answer came
    QString errorCode; ///< docs/api.md's `error`, when refused
    QString message; ///< translated
};

struct UploadReport
{
    QList<UploadItemResult> items;
    int submitted() const;
    int refused() const; ///< the Department said no (4xx): retrying will not help until something changes
    int failed() const; ///< no answer or a server error after every try: the entry stays pending
};

/**
 * Sends pending outbox entries (Right::Report: admin, principal and clerk), each with its signed packet
 * and signed PDF, and for each accepted one verifies the upload receipt against the pinned certificate before it
 * marks the section `submitted` and stores the receipt, in one transaction. Idempotent by digest: a crash or a pulled
 * cable loses nothing and a re-run never duplicates. `progress(done, total)` after each entry; cancel between entries.
 */
Result<UploadReport> uploadOutbox(store::Database& db, const Actor& actor, const UploadRequest& request,
                                  const CancellationToken* cancel = nullptr,
                                  const std::function<void(int done, int total)>& progress = {});

/**
 * Sends one exported record (its signed packet and signed PDF) without a school file: for scripts and tests
 * (`hocba-cli upload --url … --packet … --pdf …`). When `pinnedDepartmentCertDer` is not empty the receipt is
 * checked against it and must name this packet's digest; otherwise the outcome says the receipt was not checked.
 */
Result<UploadItemResult> uploadRecord(const QString& baseUrl, const QString& credential, const QByteArray& packetXml,
                                      const QByteArray& pdf, const QByteArray& pinnedDepartmentCertDer,
                                      const UploadRequest& retries = {});

struct ReceiptsReport
{
    int fetched = 0;
    int locked = 0; ///< sections newly marked locked
    int rejected = 0; ///< receipts that failed verification (nothing was marked for them)
};
/**
 * Fetches the lock receipts (all pages; Right::Report), verifies each against the pinned certificate, and marks its
 * section `locked` with the effective date; a receipt for a version or digest the school did not submit is rejected.
 */
Result<ReceiptsReport> fetchReceipts(store::Database& db, const Actor& actor,
                                     const CancellationToken* cancel = nullptr);

/**
 * The effective date of the Department's lock of this section version, from its stored lock receipt checked again
 * against the pinned Department certificate and against this record, version and packet digest, so that a row
 * written behind the program's back never prints as a lock; nullopt when there is none or it does not verify.
 */
Result<std::optional<QDateTime>> verifiedLockDate(store::Database& db, qint64 sectionId, int version,
                                                  const QString& lookupCode, const QString& packetDigest);

/** What a printed QR code says of its paper copy (its `nam`, `v` and `h`); empty digest: nothing to check. */
struct PaperCopyRef
{
    int schoolYearStart = 0;
    int version = 0;
    QString digest; ///< base64url SHA-256 of the packet
};

/** One version of a year as the Department lists it. */
struct LookupVersion
{
    int version = 0;
    QDateTime receivedAt;
    QDateTime replacedAt; ///< invalid for the current version
};

/** One school year of the record at the Department. */
struct LookupYear
{
    QString schoolYear; ///< "2025-2026"
    QString state; ///< "submitted" | "locked" | "revoked" | "history"
    int version = 0;
    QDateTime receivedAt;
    QDateTime lockedAt;
    QDateTime revokedAt;
    QList<LookupVersion> versions; ///< oldest first
};

struct LookupTransfer
{
    QString fromSchool;
    QString toSchool;
    QDate date;
};

/** The Department's answer about a paper copy (docs/api.md, `checked`). */
struct LookupCheck
{
    QString schoolYear;
    int version = 0; ///< the version that matched, or the one the paper names
    bool matches = false; ///< the Department received a version with this digest
    bool current = false;
    int currentVersion = 0;
    QDateTime replacedAt;
    QDateTime revokedAt;
};

/** The public answer for a lookup code (docs/api.md "Lookup by code"); no credential needed. */
struct LookupAnswer
{
    QString lookupCode;
    QString state; ///< "submitted" | "locked" | "revoked"
    int version = 0;
    QString schoolName;
    QDateTime receivedAt;
    QDateTime lockedAt; ///< invalid unless locked
    QDateTime revokedAt; ///< invalid unless revoked
    QByteArray contentJson; ///< the readable content object, as the Department sent it
    QList<LookupYear> years; ///< oldest first
    QList<LookupTransfer> transfers; ///< oldest first
    std::optional<LookupCheck> checked; ///< when a paper copy was asked about
};
/**
 * NotFound for an unknown code; InvalidInput for a code that is not 32 hex characters (checked before sending). With
 * a `paper` digest the Department also checks that paper copy (`checked`).
 */
Result<LookupAnswer> lookupCode(const QString& baseUrl, const QString& code, const PaperCopyRef& paper = {});

/** What a person typed or a QR code holds: the lookup code and, from a printed QR code's link, its paper copy. */
struct LookupLink
{
    QString code; ///< lowercased; empty if none
    PaperCopyRef paper; ///< empty unless the link carries a well-formed nam and h
};
/**
 * The lookup code in what a person types or a QR code holds: the printed QR's "…?ma=<code>&nam=…&v=…&h=…" (the
 * paper copy kept), a "…/tra-cuu/<code>" link (with the same query kept), or the bare code, also grouped with spaces
 * or dashes as printed.
 */
LookupLink lookupLinkFromText(const QString& text);
/** lookupLinkFromText(text).code */
QString lookupCodeFromText(const QString& text);

/**
 * The answer's history in Vietnamese (through tr) as (term, value) rows for both front ends: per school year its
 * current version with the date received, or the date it was revoked, and each earlier version with the date it was
 * replaced; then each transfer.
 */
QList<QPair<QString, QString>> lookupHistoryRows(const LookupAnswer& answer);
/** What the Department said of the paper copy, as one sentence for the reader. */
QString paperCheckSentence(const LookupCheck& check);

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"
#include "verify/Receipt.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

/** The Department endpoint's values (ENDPOINT.md §8, §11): no Qt SQL, no HTTP types, no personal data. */
namespace hocba::dept {

using Id = qint64;

/** The state of a record version at the Department. */
enum class RecordState { Submitted, Locked, Revoked };
QString recordStateCode(RecordState state); ///< "submitted" | "locked" | "revoked"
std::optional<RecordState> recordStateFromCode(const QString& code);

enum class WindowState { Open, Locked };

/** A reporting window: one school year's June (30/6) or August (15/8, additional assessment) deadline. */
struct Window
{
    QString id; ///< e.g. "2025-2026-06"
    int schoolYearStart = 0; ///< 2025 for 2025-2026
    bool august = false; ///< pupils assessed again in August
    QDate deadline; ///< the last day; the window closes at its end, Vietnam time (lockInstant)
    WindowState state = WindowState::Open;
    QDateTime lockedAt; ///< UTC; the effective date of every record it locked
};
/** The end of the deadline day in Asia/Ho_Chi_Minh, as UTC: the effective date a lock at the deadline gives. */
QDateTime lockInstant(const QDate& deadline);

struct School
{
    Id id = 0;
    QString code; ///< MOET school code; packets name their school by it
    QString name;
};

/** One accepted upload: the packet and the PDF as sent, already verified. */
struct NewSubmission
{
    QString lookupCode;
    int schoolYearStart = 0; ///< the year section this packet is: each year has its own head and versions
    int version = 0;
    Id schoolId = 0;
    QString windowId;
    QString digest; ///< packet::packetDigest of packetXml: the idempotency key
    QByteArray packetXml;
    QByteArray pdf;
    QDateTime receivedAt; ///< UTC, whole seconds
    QByteArray lookupJson; ///< the readable, public part of the content (LookupView), computed once on upload
};

enum class SubmitStatus {
    Accepted, ///< new: 201
    Duplicate, ///< the same packet again: 200 with the original receipt
    VersionNotNewer, ///< not above the version of this year's head: 409
    Locked, ///< this year of the record is locked: 409
    OtherSchool, ///< a head of the lookup code (any year) belongs to another school: 403
    WindowClosed, ///< the window locked between the caller's check and the transaction: 409 window_closed
};

/** A receipt as stored and sent: the canonical bytes and their detached CMS (DER). */
struct SignedReceipt
{
    QByteArray canonical;
    QByteArray signature;
};

struct SubmitOutcome
{
    SubmitStatus status = SubmitStatus::Accepted;
    SignedReceipt receipt; ///< Accepted: the new upload receipt; Duplicate: the original one
};

/** The head of one year of a record as a school sees it (status) and the public sees it (lookup). */
struct RecordStatus
{
    QString lookupCode;
    int schoolYearStart = 0; ///< 2025 for 2025-2026
    int version = 0;
    RecordState state = RecordState::Submitted;
    QString digest;
    QString windowId;
    QDateTime receivedAt;
    QDateTime lockedAt; ///< invalid unless locked
};

/** What a public lookup returns per year: the head, the school, and the readable content stored at upload. */
struct LookupRow
{
    RecordStatus status;
    School school;
    QByteArray lookupJson;
};

/**
 * The checks of a lock receipts page request both engines share: `limit` at least 1, `after` empty (from the start)
 * or a receipt id; the id to read after, or InvalidInput.
 */
Result<qint64> receiptsCursor(const QString& after, int limit);

template <class T> struct Page
{
    QList<T> items;
    QString next; ///< cursor for the next page; empty on the last
};

/** One locked record for the Ministry's export. */
struct ExportItem
{
    RecordStatus status;
    QString schoolCode;
    QByteArray packetXml;
    QByteArray pdf;
    SignedReceipt lockReceipt;
};

/** One entry of the Department's append-only, hash-chained audit log (the same chain rule as the school's). */
struct AuditEvent
{
    QString actor; ///< "school:<code>", "admin", "scheduler"
    QString action; ///< "submit", "lock_window", "school_add", "credential_revoke", "trust_add", "window_add", …
    QString entity;
    QString entityId; ///< a lookup code, window id or school code: never a name or an ID number
    QString detail;
};

/**
 * The chain rule both engines apply in C++ (never in SQL): hex SHA-256 over the previous entry's hash and this entry's
 * fields, each followed by a 0x1F separator, UTF-8. The first entry's previous hash is 64 zeros.
 */
QString auditEntryHash(const QString& prevHash, const QString& atIso, const AuditEvent& event);

/** Counts for `hocba-dept status`. */
struct WindowCounts
{
    Window window;
    qint64 submitted = 0;
    qint64 locked = 0;
    qint64 schools = 0;
};

} // namespace hocba::dept

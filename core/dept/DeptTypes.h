// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"
#include "verify/Receipt.h"
#include "verify/SignatureReport.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** The Department endpoint's values (ENDPOINT.md §8, §11): no Qt SQL, no HTTP types, no personal data. */
namespace hocba::dept {

using Id = qint64;

/** The state of a record version at the Department. */
enum class RecordState {
    Submitted,
    Locked,
    Revoked,
    History, ///< received with a transfer from another province: signed and reported elsewhere, never changes here
};
QString recordStateCode(RecordState state); ///< "submitted" | "locked" | "revoked" | "history"
std::optional<RecordState> recordStateFromCode(const QString& code);

/**
 * A level the upload policy may demand, from its code ("B", "T", "LT"; case-insensitive): nullopt for anything else,
 * LTA included (no school signs at LTA yet).
 */
std::optional<signing::BaselineLevel> policyLevelFromCode(const QString& code);

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
    /** Hex SHA-256 of the DER of each certificate that signed the packet as principal: who may sign its school's
     * revoke requests and transfer statements from then on. */
    QStringList principalCertSha256;
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
    QDateTime revokedAt; ///< invalid unless revoked
};

/** One version of a year of a record as the lookup lists it. */
struct VersionRow
{
    int version = 0;
    QString digest;
    QDateTime receivedAt;
    QDateTime replacedAt; ///< when the next version of the year arrived; invalid for the current one
};

/** What a public lookup returns per year: the head, the school, and the readable content stored at upload. */
struct LookupRow
{
    RecordStatus status;
    School school; ///< for a history year: the school its packet names (id 0)
    QByteArray lookupJson;
    QList<VersionRow> versions; ///< every version of the year received, oldest first
};

/** One transfer of a record, for the lookup. */
struct TransferRow
{
    QString fromSchoolName;
    QString toSchoolName;
    QDate transferDate; ///< the statement's date
    QDateTime receivedAt;
};

/** The store's answer to a revoke request or a transfer statement. */
enum class RequestStatus {
    Accepted, ///< 201
    Duplicate, ///< the same request (digest) again: 200 with the original receipt
    NotFound, ///< no head of that code and year (revoke), or the new school is not registered (transfer): 404
    OtherSchool, ///< the credential's school does not manage the record (or is neither side of the transfer): 403
    Locked, ///< the year is locked (or history): 409
    VersionNotNewer, ///< the request's version is not the head's current one: 409
    SignerNotPrincipal, ///< the signer never signed as principal a packet of the school: 422 invalid_request
};

/** A revoke request whose signature verified (RequestVerifier), as the store needs it. */
struct NewRevocation
{
    QString lookupCode;
    int schoolYearStart = 0;
    int version = 0;
    Id schoolId = 0; ///< the credential's school (the request names the same school: the caller checked)
    QString digest; ///< base64url SHA-256 of the request's bytes: the idempotency key
    QByteArray requestXml;
    QString signerCertSha256; ///< hex SHA-256 of the signer's certificate DER
    QDateTime receivedAt; ///< UTC, whole seconds
};

struct RevokeOutcome
{
    RequestStatus status = RequestStatus::Accepted;
    SignedReceipt receipt; ///< Accepted / Duplicate
    int version = 0; ///< the version revoked
    QDateTime revokedAt;
};

/** A version of another province's record that arrives with a transfer, verified as on submit. */
struct HistoryVersion
{
    int schoolYearStart = 0;
    int version = 0;
    QString digest;
    QString schoolCode; ///< the school its packet names
    QString schoolName;
    QByteArray packetXml;
    QByteArray pdf;
    QByteArray lookupJson;
};

/** A transfer statement whose signature verified, as the store needs it. */
struct NewTransfer
{
    QString lookupCode;
    QString fromSchoolCode;
    QString fromSchoolName;
    QString toSchoolCode;
    Id senderSchoolId = 0; ///< the credential's school: the statement's from- or to-school
    QDate transferDate;
    QString digest; ///< base64url SHA-256 of the statement's bytes
    QByteArray statementXml;
    QString signerCertSha256;
    QDateTime receivedAt;
    QList<HistoryVersion> history; ///< stored only when the record is unknown here
};

struct TransferOutcome
{
    RequestStatus status = RequestStatus::Accepted;
    SignedReceipt receipt;
    School toSchool;
    QDateTime transferredAt;
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

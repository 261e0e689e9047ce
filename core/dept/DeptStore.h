// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptTypes.h"
#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <functional>
#include <memory>

namespace hocba::dept {

/** Signs one receipt with the Department's key (ReceiptSigner.h makes one from the data folder). */
using ReceiptSigning = std::function<Result<SignedReceipt>(const signing::Receipt&)>;

/**
 * One worker thread's connection to the Department's storage (ENDPOINT.md §8). Not thread-safe: each HTTP worker and
 * each admin command opens its own. Every write is one transaction and appends to the hash-chained audit log in it.
 */
class DeptSession
{
public:
    virtual ~DeptSession() = default;

    // --- schools and their credentials (admin)
    virtual Result<School> addSchool(const QString& code, const QString& name) = 0; ///< DbConstraint if the code exists
    virtual Result<std::optional<School>> schoolByCode(const QString& code) = 0;
    /** Stores SHA-256(token) for the school; the token itself is never stored. */
    virtual Status addCredential(Id schoolId, const QByteArray& tokenSha256) = 0;
    virtual Result<int> revokeCredentials(Id schoolId) = 0; ///< how many were revoked
    /** The school of an unrevoked credential, or nullopt. */
    virtual Result<std::optional<School>> schoolForCredential(const QByteArray& tokenSha256) = 0;

    // --- trust anchors: the CAs whose signatures are accepted (never the system bundle)
    virtual Status addTrustAnchor(const QByteArray& der, const QString& label) = 0; ///< idempotent by SHA-256
    virtual Result<QList<QByteArray>> trustAnchors() = 0;

    // --- upload policy (docs/api.md "Department policy")
    /** The lowest baseline level every signature of an upload must reach; B when never set. */
    virtual Result<signing::BaselineLevel> minimumLevel() = 0;
    /**
     * Sets it (B, T or LT; LTA is InvalidInput), one transaction with an audit entry (action policy_set, entity
     * upload_policy, detail "B -> T"); setting the level it already has changes and logs nothing.
     */
    virtual Status setMinimumLevel(signing::BaselineLevel level) = 0;

    // --- windows
    virtual Status addWindow(const Window& window) = 0; ///< DbConstraint if the id exists
    virtual Result<QList<Window>> windows() = 0;
    virtual Result<std::optional<Window>> window(const QString& id) = 0;
    /** The open window a packet of this school year (June, or August when `august`) goes into, if any. */
    virtual Result<std::optional<Window>> openWindowFor(int schoolYearStart, bool august) = 0;

    // --- records
    /**
     * One transaction, idempotent by digest: a digest already stored gives Duplicate with the original receipt (also
     * after the lock); otherwise a lookup code managed by another school gives OtherSchool (a record
     * is managed by one school: the first to report it, until a transfer moves it), and the head of the submission's
     * school year decides: locked gives Locked, a version not above its current one VersionNotNewer; else the packet is
     * stored, that year's head moves to it (or is made: the first version of a year) and the `sign`ed upload receipt is
     * stored with it. The window must be open (the caller checked; the store checks again inside the transaction and
     * answers WindowClosed when it closed meanwhile).
     */
    virtual Result<SubmitOutcome> submit(const NewSubmission& submission, const ReceiptSigning& sign) = 0;
    /**
     * Heads of the school's own records among `codes`, one per (code, school year), in the order of `codes` and then
     * by year (unknown or other schools' codes are left out).
     */
    virtual Result<QList<RecordStatus>> status(Id schoolId, const QStringList& codes) = 0;
    /**
     * Lock receipts of the school, ordered, `limit` (at least 1) at most, after the cursor; window empty = all
     * windows. A bad cursor or limit is InvalidInput (receiptsCursor).
     */
    virtual Result<Page<SignedReceipt>> lockReceipts(Id schoolId, const QString& windowId, const QString& after,
                                                     int limit)
        = 0;
    /**
     * Revokes the current version of one year (docs/api.md "Revoke"), one transaction, idempotent by digest: the
     * head becomes revoked with revoked_at = receivedAt, the request and the signed revoke receipt are stored.
     * Refusals in this order: NotFound, OtherSchool (the school does not manage the record), Locked (locked or
     * history), SignerNotPrincipal, VersionNotNewer (not the current version, or already revoked).
     */
    virtual Result<RevokeOutcome> revoke(const NewRevocation& revocation, const ReceiptSigning& sign) = 0;
    /**
     * Moves the record's management to the statement's to-school (docs/api.md "Transfer"), one transaction,
     * idempotent by digest. Refusals: NotFound (to-school not registered), OtherSchool (the sender is neither side,
     * or the from-school does not manage the record), SignerNotPrincipal (the from-school is registered here and the
     * signer never signed one of its packets as principal). For a record unknown here the history versions are
     * stored and each year's head is made from its latest version in state history.
     */
    virtual Result<TransferOutcome> transfer(const NewTransfer& transfer, const ReceiptSigning& sign) = 0;
    /** The record's transfers, oldest first. */
    virtual Result<QList<TransferRow>> transfers(const QString& lookupCode) = 0;
    /** Every year of the record, oldest school year first, with its versions; empty for an unknown code. */
    virtual Result<QList<LookupRow>> lookup(const QString& lookupCode) = 0;
    /**
     * The signed PDF of the current version of one year of the record; `schoolYearStart` 0 = the latest year. Empty
     * when the code or that year is unknown.
     */
    virtual Result<QByteArray> signedPdf(const QString& lookupCode, int schoolYearStart) = 0;

    /**
     * Locks the window: state locked, every submitted record of it locked with locked_at = `effectiveAt`, one signed
     * lock receipt per record; in batches, so a crash part-way leaves a window that the next call finishes.
     * Returns how many records this call locked. Idempotent. `actor` is who the audit log names: "admin" for
     * `hocba-dept lock`, "scheduler" for the lock at the deadline.
     */
    virtual Result<qint64> lockWindow(const QString& windowId, const QDateTime& effectiveAt, const ReceiptSigning& sign,
                                      const QString& actor = QStringLiteral("admin"))
        = 0;
    /** Locked records of the window in a consistent snapshot; the sink returns false to stop. */
    virtual Status exportLocked(const QString& windowId, const std::function<bool(const ExportItem&)>& sink) = 0;
    virtual Result<QList<WindowCounts>> counts() = 0;

    // --- audit
    virtual Status appendAudit(const AuditEvent& event) = 0;
    /** Re-computes the chain; an AuditChainBroken error names the first entry that does not match. */
    virtual Result<qint64> verifyAudit() = 0;
};

/**
 * The Department's storage: SQLite (WAL, one writer, synchronous=FULL; the default, in the data folder) or
 * PostgreSQL 15 through libpq. Thread-safe: sessions are opened per thread.
 */
class DeptStore
{
public:
    virtual ~DeptStore() = default;
    /**
     * "sqlite:/path/dept.db" (or a plain path) or "postgresql://…" / a libpq "host=… dbname=…" string. Migrates the
     * schema (resources/sql/dept/{sqlite,pg}/NNNN_*.sql) before returning.
     */
    static Result<std::unique_ptr<DeptStore>> open(const QString& url);
    virtual Result<std::unique_ptr<DeptSession>> openSession() = 0;
    virtual QString engine() const = 0; ///< "sqlite" | "postgresql"
};

} // namespace hocba::dept

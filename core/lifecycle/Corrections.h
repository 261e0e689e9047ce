// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "token/Signer.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace hocba::store {
class Database;
}

/**
 * Corrections before the Department's lock (docs/corrections.md): reopening a signed year section as a new draft
 * version that replaces the old one once signed and uploaded, and revoking a reported one with a request the
 * principal signs. After the lock nothing changes: the school file's triggers refuse it whatever program writes, and
 * these functions say why first.
 */
namespace hocba::lifecycle {

/** One version of one school year of a record, for the chain the desktop and the CLI show. */
struct SectionVersion
{
    Id sectionId = 0;
    int version = 1;
    SectionState state = SectionState::Draft;
    Id replacesSectionId = 0; ///< 0 for the first version
    QString reopenReason; ///< why this version was opened (empty for version 1)
    QDateTime openedAt; ///< UTC: when this version was made (reopened); invalid for version 1
    QDateTime signedAt; ///< UTC, invalid while not signed
    QDateTime submittedAt; ///< UTC, from the upload receipt
    QDateTime lockedAt; ///< UTC, the lock's effective date
    QDateTime revokedAt; ///< UTC: when the revoke was signed
    QString revokeReason;
};

/** Every version of the school year that `sectionId` belongs to (any of its versions), oldest first. */
Result<QList<SectionVersion>> sectionVersions(store::Database& db, Id sectionId);

/**
 * The newest version of the student's record's section in `year` (the student by MOET code, or the school's own
 * student code where the CLI accepts either); NotFound when there is none.
 */
Result<Id> currentSectionOf(store::Database& db, const QString& studentCode, SchoolYear year);

/**
 * Reopens a `signed` or `submitted` section (Right::Sign: the board) with a reason (1–500 characters): in one
 * transaction a new `draft` section version N+1 (replaces_id = the old one) with a copy of its assessments, and an
 * audit entry. The old version and its signed files stay untouched, and stay the school's valid version (and the
 * Department's current one) until the new one is signed: then the old one becomes `superseded` (a trigger does it, so
 * no signing path can forget) and the upload sends the new one as its replacement. Refused with a message that says
 * why: locked (the Department has locked the year: nothing can change), revoked, superseded, a draft already open for
 * that year (reopened before), a paper section, a record transferred away. Returns the new section's id.
 */
Result<Id> reopenSection(store::Database& db, const Actor& actor, Id sectionId, const QString& reason);

/**
 * Revokes a `signed` or `submitted` section before the lock (Right::Sign): makes the packet::RevokeRequest, signs it
 * with `signer` (the principal's token, role principal), and in one transaction moves the section to `revoked`, stores
 * the signed request in the Department request outbox (it goes after the section's own packet, if that has not been
 * sent yet) and writes the audit entry. Refused, with nothing written, after the lock, for a draft or a superseded
 * version, or when a newer version exists. Returns the signed request XML.
 */
/**
 * The checks revokeSection makes before it signs (the right, the reason, the section's state and lock), so that a front
 * end refuses before it asks for the token's PIN.
 */
Status checkRevoke(store::Database& db, const Actor& actor, Id sectionId, const QString& reason);

Result<QByteArray> revokeSection(store::Database& db, const Actor& actor, Id sectionId, const QString& reason,
                                 signing::Signer& signer);

/** A signed request waiting for (or past) its sending to the Department. */
struct DepartmentRequest
{
    Id id = 0;
    enum class Kind { Revoke, Transfer } kind = Kind::Revoke;
    QString lookupCode;
    int schoolYearStart = 0; ///< revoke: the year revoked; transfer: 0
    QByteArray signedXml;
    QByteArray versionsJson; ///< transfer from the receiving school: the JSON array docs/api.md names; else empty
    enum class State { Pending, Sent, Refused } state = State::Pending;
    int attempts = 0;
    QString lastError; ///< translated
    QDateTime queuedAt;
    QDateTime sentAt;
};

/**
 * Queues a signed request for the next upload (in the caller's transaction: the revoke and the transfer write it
 * with the change it reports). Idempotent by the request's digest.
 */
Status queueDepartmentRequest(store::Database& db, DepartmentRequest::Kind kind, const QString& lookupCode,
                              int schoolYearStart, const QByteArray& signedXml, const QByteArray& versionsJson = {});

/** The request outbox, pending first. */
Result<QList<DepartmentRequest>> departmentRequests(store::Database& db);

} // namespace hocba::lifecycle

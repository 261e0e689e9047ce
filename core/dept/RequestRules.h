// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptTypes.h"

#include <optional>

/**
 * What both DeptStore engines decide about a revoke request or a transfer statement once they have read the rows it
 * touches, and the audit entries they write: the same refusals in the same order, the same words in the log. Internal
 * to the dept module; the engines only read and write rows.
 */
namespace hocba::dept::rules {

/** The rows a revoke request is decided on. */
struct RevokeFacts
{
    std::optional<RecordState> headState; ///< nullopt: no head of that code and year
    int currentVersion = 0;
    std::optional<Id> manager; ///< the school that manages the record; nullopt when unknown
    bool signerIsPrincipal = false; ///< the signer signed, as principal, a packet of the requesting school
};

/** Refusals in the order DeptSession::revoke gives; nullopt when the head may be revoked. */
std::optional<RequestStatus> revokeRefusal(const NewRevocation& request, const RevokeFacts& facts);

/** The rows a transfer statement is decided on. */
struct TransferFacts
{
    bool toSchoolRegistered = false;
    QString senderCode; ///< the credential's school
    std::optional<QString> managerCode; ///< the school that manages the record; nullopt when unknown here
    std::optional<bool> signerIsPrincipal; ///< of the from-school; nullopt when it is not registered here
};

/** Refusals in the order DeptSession::transfer gives; nullopt when the record may move. */
std::optional<RequestStatus> transferRefusal(const NewTransfer& transfer, const TransferFacts& facts);

/** The versions of each school year that become its head (the highest stored), oldest year first. */
QList<const HistoryVersion*> historyHeads(const QList<const HistoryVersion*>& stored);

AuditEvent submitAudit(const QString& schoolCode, const NewSubmission& submission);
AuditEvent revokeAudit(const QString& schoolCode, const NewRevocation& request, int versionRevoked);
AuditEvent transferAudit(const QString& senderCode, const NewTransfer& transfer, qsizetype historyStored);

} // namespace hocba::dept::rules

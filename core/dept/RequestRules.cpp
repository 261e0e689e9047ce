// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/RequestRules.h"

#include <QMap>

namespace hocba::dept::rules {

std::optional<RequestStatus> revokeRefusal(const NewRevocation& r, const RevokeFacts& f)
{
    if (!f.headState)
        return RequestStatus::NotFound;
    if (f.manager && *f.manager != r.schoolId)
        return RequestStatus::OtherSchool;
    if (*f.headState == RecordState::Locked || *f.headState == RecordState::History)
        return RequestStatus::Locked;
    if (!f.signerIsPrincipal)
        return RequestStatus::SignerNotPrincipal;
    if (*f.headState == RecordState::Revoked || r.version != f.currentVersion)
        return RequestStatus::VersionNotNewer;
    return std::nullopt;
}

std::optional<RequestStatus> transferRefusal(const NewTransfer& t, const TransferFacts& f)
{
    if (!f.toSchoolRegistered)
        return RequestStatus::NotFound;
    if (f.senderCode != t.fromSchoolCode && f.senderCode != t.toSchoolCode)
        return RequestStatus::OtherSchool;
    if (f.managerCode && *f.managerCode != t.fromSchoolCode)
        return RequestStatus::OtherSchool;
    if (f.signerIsPrincipal && !*f.signerIsPrincipal)
        return RequestStatus::SignerNotPrincipal;
    return std::nullopt;
}

QList<const HistoryVersion*> historyHeads(const QList<const HistoryVersion*>& stored)
{
    QMap<int, const HistoryVersion*> latest;
    for (const HistoryVersion* v : stored) {
        const HistoryVersion*& best = latest[v->schoolYearStart];
        if (!best || best->version < v->version)
            best = v;
    }
    return latest.values();
}

AuditEvent submitAudit(const QString& schoolCode, const NewSubmission& s)
{
    return {QStringLiteral("school:") + schoolCode, QStringLiteral("submit"), QStringLiteral("record"), s.lookupCode,
            QStringLiteral("version %1").arg(s.version)};
}

AuditEvent revokeAudit(const QString& schoolCode, const NewRevocation& r, int versionRevoked)
{
    return {QStringLiteral("school:") + schoolCode, QStringLiteral("revoke"), QStringLiteral("record"), r.lookupCode,
            QStringLiteral("year %1 version %2").arg(r.schoolYearStart).arg(versionRevoked)};
}

AuditEvent transferAudit(const QString& senderCode, const NewTransfer& t, qsizetype historyStored)
{
    return {
        QStringLiteral("school:") + senderCode, QStringLiteral("transfer"), QStringLiteral("record"), t.lookupCode,
        QStringLiteral("from %1 to %2, %3 history versions").arg(t.fromSchoolCode, t.toSchoolCode).arg(historyStored)};
}

} // namespace hocba::dept::rules

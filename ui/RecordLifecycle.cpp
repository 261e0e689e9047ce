// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordLifecycle.h"

#include "domain/PrintedText.h"

#include <QCoreApplication>

namespace hocba::ui {

bool packageAccepted(const lifecycle::TransferInspection& inspection)
{
    // TransferInspection::ok() is lifecycle's; the same test here keeps the dialogs free of its implementation.
    if (!inspection.problems.isEmpty() || inspection.versions.isEmpty())
        return false;
    for (const lifecycle::ArrivingVersion& v : inspection.versions)
        if (!v.ok || !v.problems.isEmpty())
            return false;
    return true;
}

QStringList packageProblems(const lifecycle::TransferInspection& inspection)
{
    QStringList out = inspection.problems;
    if (inspection.versions.isEmpty() && inspection.problems.isEmpty())
        out << QCoreApplication::translate("RecordLifecycle", "The package holds no signed version.");
    for (const lifecycle::ArrivingVersion& v : inspection.versions) {
        const QString which = QCoreApplication::translate("RecordLifecycle", "School year %1–%2, version %3")
                                  .arg(v.item.schoolYearStart)
                                  .arg(v.item.schoolYearStart + 1)
                                  .arg(v.item.version);
        for (const QString& p : v.problems)
            out << QStringLiteral("%1: %2").arg(which, p);
        if (!v.ok && v.problems.isEmpty())
            out << QCoreApplication::translate("RecordLifecycle", "%1: did not pass the checks.").arg(which);
    }
    return out;
}

QString versionStateText(SectionState state)
{
    switch (state) {
    case SectionState::Draft:
        return QCoreApplication::translate("RecordLifecycle", "Draft");
    case SectionState::Ready:
        return QCoreApplication::translate("RecordLifecycle", "Confirmed, not signed");
    case SectionState::Signed:
        return QCoreApplication::translate("RecordLifecycle", "Signed");
    case SectionState::Submitted:
        return QCoreApplication::translate("RecordLifecycle", "Submitted to the Department");
    case SectionState::Locked:
        return QCoreApplication::translate("RecordLifecycle", "Locked by the Department");
    case SectionState::Revoked:
        return QCoreApplication::translate("RecordLifecycle", "Revoked");
    case SectionState::Superseded:
        return QCoreApplication::translate("RecordLifecycle", "Replaced by a newer version");
    }
    return {};
}

QString chainDate(const QDateTime& utc)
{
    if (!utc.isValid())
        return QStringLiteral("–");
    return vietnamDate(utc).toString(QStringLiteral("dd/MM/yyyy"));
}

namespace {

const lifecycle::SectionVersion* newest(const QList<lifecycle::SectionVersion>& chain)
{
    return chain.isEmpty() ? nullptr : &chain.last();
}

} // namespace

QString frozenReason(const QList<lifecycle::SectionVersion>& chain, const std::optional<TransferredAway>& away)
{
    if (away)
        return QCoreApplication::translate("RecordLifecycle",
                                           "This record was transferred to %1 (%2) on %3 (\"chuyển đi\"): it is "
                                           "kept here read-only and nothing in it can change.")
            .arg(away->toSchoolName, away->toSchoolCode, away->transferDate.toString(QStringLiteral("dd/MM/yyyy")));
    for (const lifecycle::SectionVersion& v : chain)
        if (v.state == SectionState::Locked || v.lockedAt.isValid())
            return QCoreApplication::translate("RecordLifecycle",
                                               "The Department has locked this school year on %1: nothing can "
                                               "change any more, neither a correction nor a revocation.")
                .arg(chainDate(v.lockedAt));
    if (const auto* v = newest(chain); v && v->state == SectionState::Revoked)
        return QCoreApplication::translate("RecordLifecycle", "This school year was revoked on %1: %2")
            .arg(chainDate(v->revokedAt), v->revokeReason);
    return {};
}

QString reopenRefusal(const QList<lifecycle::SectionVersion>& chain, const std::optional<TransferredAway>& away)
{
    if (QString frozen = frozenReason(chain, away); !frozen.isEmpty())
        return frozen;
    const auto* v = newest(chain);
    if (!v)
        return QCoreApplication::translate("RecordLifecycle", "This school year has no version yet.");
    if (v->state == SectionState::Signed || v->state == SectionState::Submitted)
        return {};
    if (v->version > 1)
        return QCoreApplication::translate("RecordLifecycle",
                                           "Version %1 is already open for correction: finish, confirm and sign it.")
            .arg(v->version);
    return QCoreApplication::translate("RecordLifecycle",
                                       "This school year is not signed yet: correct it directly, no reopening is "
                                       "needed.");
}

QString revokeRefusal(const QList<lifecycle::SectionVersion>& chain, const std::optional<TransferredAway>& away)
{
    if (QString frozen = frozenReason(chain, away); !frozen.isEmpty())
        return frozen;
    const auto* v = newest(chain);
    if (!v)
        return QCoreApplication::translate("RecordLifecycle", "This school year has no version yet.");
    if (v->state == SectionState::Signed || v->state == SectionState::Submitted)
        return {};
    return QCoreApplication::translate("RecordLifecycle",
                                       "Only a signed or submitted version can be revoked; the newest version "
                                       "(version %1) is \"%2\".")
        .arg(v->version)
        .arg(versionStateText(v->state));
}

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Corrections.h"
#include "lifecycle/Transfer.h"
#include "util/Error.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace hocba::store {
class Database;
}
namespace hocba::lifecycle {
class Actor;
}

namespace hocba::ui {

/** A record this school handed over to another one: read-only here from then on ("chuyển đi"). */
struct TransferredAway
{
    QString toSchoolCode;
    QString toSchoolName;
    QDate transferDate;
};

/**
 * What the desktop asks of corrections and transfers (lifecycle/Corrections.h, lifecycle/Transfer.h) for one school
 * file and the account working on it. The dialogs call it on worker threads, one call at a time; `revoke` and
 * `transferOut` run inside SignerSource::withSigner, on the token's thread. The desktop's implementation is in
 * app/desktop/RecordLifecycleImpl.cpp; the tests put a fake behind it.
 */
class RecordLifecycle
{
public:
    virtual ~RecordLifecycle() = default;
    /** Every version of the school year `sectionId` belongs to, oldest first. */
    virtual Result<QList<lifecycle::SectionVersion>> versions(Id sectionId) = 0;
    /** A new draft version of a signed or submitted section; the new section's id. */
    virtual Result<Id> reopen(Id sectionId, const QString& reason) = 0;
    /** The revoke request, signed by `signer` (the principal's token), queued for the Department. */
    virtual Result<QByteArray> revoke(Id sectionId, const QString& reason, signing::Signer& signer) = 0;
    virtual Result<lifecycle::TransferOutResult> transferOut(const lifecycle::TransferOutRequest& request,
                                                             signing::Signer& signer)
        = 0;
    /** Reads and checks a transfer package; writes nothing. */
    virtual Result<lifecycle::TransferInspection> inspectPackage(const QString& packagePath) = 0;
    virtual Result<lifecycle::TransferInResult> transferIn(const QString& packagePath, const QString& className) = 0;
    /** Whether the record of `lookupCode` left this school, and for where. */
    virtual Result<std::optional<TransferredAway>> transferredAway(const QString& lookupCode) = 0;
};

/** Makes the lifecycle of one school file for the account working (MainWindow::setRecordLifecycle). */
using RecordLifecycleFactory
    = std::function<std::unique_ptr<RecordLifecycle>(store::Database& db, const lifecycle::Actor& actor)>;

/** True when the package passed every check: no problem with the statement, and every version verified. */
bool packageAccepted(const lifecycle::TransferInspection& inspection);
/** Every problem of the package, the statement's first, each version's prefixed with its year and version. */
QStringList packageProblems(const lifecycle::TransferInspection& inspection);

/** "Bản nháp", "Đã ký", … for the version chain. */
QString versionStateText(SectionState state);
/** dd/MM/yyyy in Vietnam time; "–" for an invalid date. */
QString chainDate(const QDateTime& utc);

/** Why nothing can change in this chain (locked, revoked, transferred away); empty when the board may act. */
QString frozenReason(const QList<lifecycle::SectionVersion>& chain, const std::optional<TransferredAway>& away);
/** Why the newest version cannot be reopened (or revoked): empty when it can. */
QString reopenRefusal(const QList<lifecycle::SectionVersion>& chain, const std::optional<TransferredAway>& away);
QString revokeRefusal(const QList<lifecycle::SectionVersion>& chain, const std::optional<TransferredAway>& away);

} // namespace hocba::ui

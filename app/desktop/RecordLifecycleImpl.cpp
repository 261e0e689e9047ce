// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's RecordLifecycle: lifecycle/Corrections and lifecycle/Transfer on the open school file. Each call
// opens its own connection to the file (the dialogs call from worker threads and the token's thread, while the
// window keeps reading on the GUI thread).
#include "RecordLifecycleImpl.h"

#include "RecordLifecycle.h"
#include "lifecycle/Actor.h"
#include "store/Database.h"

namespace hocba::desktop {

namespace {

class RecordLifecycleImpl final : public ui::RecordLifecycle
{
public:
    RecordLifecycleImpl(QString path, lifecycle::Actor actor)
        : m_path(std::move(path))
        , m_actor(std::move(actor))
    { }

    Result<QList<lifecycle::SectionVersion>> versions(Id sectionId) override
    {
        auto db = store::Database::openExisting(m_path);
        if (!db)
            return std::unexpected(db.error());
        return lifecycle::sectionVersions(**db, sectionId);
    }
    Result<Id> reopen(Id sectionId, const QString& reason) override
    {
        auto db = store::Database::openExisting(m_path);
        if (!db)
            return std::unexpected(db.error());
        return lifecycle::reopenSection(**db, m_actor, sectionId, reason);
    }
    Result<QByteArray> revoke(Id sectionId, const QString& reason, signing::Signer& signer) override
    {
        auto db = store::Database::openExisting(m_path);
        if (!db)
            return std::unexpected(db.error());
        return lifecycle::revokeSection(**db, m_actor, sectionId, reason, signer);
    }
    Result<lifecycle::TransferOutResult> transferOut(const lifecycle::TransferOutRequest& request,
                                                     signing::Signer& signer) override
    {
        auto db = store::Database::openExisting(m_path);
        if (!db)
            return std::unexpected(db.error());
        return lifecycle::transferOut(**db, m_actor, request, signer);
    }
    Result<lifecycle::TransferInspection> inspectPackage(const QString& packagePath) override
    {
        auto db = store::Database::openExisting(m_path);
        if (!db)
            return std::unexpected(db.error());
        return lifecycle::inspectTransferPackage(**db, packagePath);
    }
    Result<lifecycle::TransferInResult> transferIn(const QString& packagePath, const QString& className) override
    {
        auto db = store::Database::openExisting(m_path);
        if (!db)
            return std::unexpected(db.error());
        return lifecycle::transferIn(**db, m_actor, packagePath, className);
    }
    Result<std::optional<ui::TransferredAway>> transferredAway(const QString& lookupCode) override
    {
        auto db = store::Database::openExisting(m_path);
        if (!db)
            return std::unexpected(db.error());
        // The record's own mark (migration 0012), written with the transfer: it stays when the outbox's request
        // has been sent.
        auto q = (*db)->prepare(
            QStringLiteral("SELECT transferred_to_code, transferred_to_name, transferred_at FROM record "
                           "WHERE lookup_code = ?1 AND transferred_at IS NOT NULL"));
        if (!q)
            return std::unexpected(q.error());
        q->bind(1, lookupCode);
        auto found = q->step();
        if (!found)
            return std::unexpected(found.error());
        if (*found)
            return std::optional<ui::TransferredAway>(
                ui::TransferredAway {q->text(0), q->text(1), QDate::fromString(q->text(2).left(10), Qt::ISODate)});
        return std::optional<ui::TransferredAway> {};
    }

private:
    QString m_path;
    lifecycle::Actor m_actor;
};

} // namespace

std::unique_ptr<ui::RecordLifecycle> recordLifecycle(store::Database& db, const lifecycle::Actor& actor)
{
    return std::make_unique<RecordLifecycleImpl>(db.path(), actor);
}

} // namespace hocba::desktop

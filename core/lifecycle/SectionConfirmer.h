// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Finding.h"
#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "util/Error.h"

#include <QList>
#include <QString>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

struct ConfirmOptions
{
    SchoolYear year;
    std::optional<QString> className; ///< one class, or the whole school
    /** Warnings do not block when acknowledged; the acknowledgement is audited with this name. */
    bool acknowledgeWarnings = false;
    QString acknowledgedBy;
};

struct ConfirmItem
{
    Id studentId = 0;
    QString fullName; ///< for the teacher's list on screen; never logged
    Id sectionId = 0;
    QString className;
    Findings findings;
    QString reason; ///< translated; why it was not confirmed
};

struct ConfirmReport
{
    QList<ConfirmItem> confirmed;
    QList<ConfirmItem> notConfirmed; ///< with findings (errors, or unacknowledged warnings)
    int alreadyConfirmed = 0; ///< ready or later
};

/**
 * The homeroom teacher's confirmation (draft → ready, ARCHITECTURE.md §3): the results cache is refreshed first (so
 * packets carry computed results), then every draft section whose lint is clean — or whose only findings are warnings
 * that were acknowledged, audited by name — moves to ready, each in its own transaction. `actor` needs WriteHomeroom
 * for every class of the scope (the whole school: every class of the year), checked before anything is written.
 */
Result<ConfirmReport> confirmSections(store::Database& db, const Actor& actor, const ConfirmOptions& options);

} // namespace hocba::lifecycle

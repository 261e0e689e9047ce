// SPDX-License-Identifier: GPL-3.0-or-later
// INTERFACE PLACEHOLDER (issue 14 split): the locks helper replaces this whole file before anything lands.
#include "lifecycle/EntryLocks.h"

namespace hocba::lifecycle {

Status requireUnlocked(store::Database&, const EntryPlace&)
{
    return {};
}
Result<Id> lockEntry(store::Database&, const Actor&, const EntryLock&)
{
    return fail(ErrorCode::Unsupported, QStringLiteral("not built yet"));
}
Status unlockEntry(store::Database&, const Actor&, Id, const QString&)
{
    return fail(ErrorCode::Unsupported, QStringLiteral("not built yet"));
}
Result<QList<EntryLock>> entryLocks(store::Database&, SchoolYear)
{
    return QList<EntryLock> {};
}

} // namespace hocba::lifecycle

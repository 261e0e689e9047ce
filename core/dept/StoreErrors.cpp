// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/StoreErrors.h"

#include <QCoreApplication>

namespace hocba::dept::storeerror {

Error auditChainBroken(qint64 entry)
{
    return {ErrorCode::AuditChainBroken,
            QCoreApplication::translate("hocba::dept::DeptStore",
                                        "The Department's audit log has been changed outside the program (entry %1). "
                                        "Keep the database as it is and tell the Department's IT staff.")
                .arg(entry),
            QStringLiteral("audit chain broken at id %1").arg(entry)};
}

Error schoolNotRegistered(Id schoolId)
{
    return {ErrorCode::NotFound,
            QCoreApplication::translate("hocba::dept::DeptStore", "The school is not registered at the Department."),
            QStringLiteral("no school id %1").arg(schoolId)};
}

Error noWindow(const QString& windowId)
{
    return {ErrorCode::NotFound,
            QCoreApplication::translate("hocba::dept::DeptStore", "There is no reporting window %1.").arg(windowId),
            QStringLiteral("no window %1").arg(windowId)};
}

} // namespace hocba::dept::storeerror

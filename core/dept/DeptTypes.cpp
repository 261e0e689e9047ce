// SPDX-License-Identifier: GPL-3.0-or-later
#include "dept/DeptTypes.h"

#include "domain/PrintedText.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QTimeZone>

namespace hocba::dept {

QString recordStateCode(RecordState state)
{
    switch (state) {
    case RecordState::Submitted:
        return QStringLiteral("submitted");
    case RecordState::Locked:
        return QStringLiteral("locked");
    case RecordState::Revoked:
        return QStringLiteral("revoked");
    case RecordState::History:
        return QStringLiteral("history");
    }
    return {};
}

std::optional<RecordState> recordStateFromCode(const QString& code)
{
    for (RecordState s : {RecordState::Submitted, RecordState::Locked, RecordState::Revoked, RecordState::History})
        if (recordStateCode(s) == code)
            return s;
    return std::nullopt;
}

std::optional<signing::BaselineLevel> policyLevelFromCode(const QString& code)
{
    using signing::BaselineLevel;
    for (BaselineLevel level : {BaselineLevel::B, BaselineLevel::T, BaselineLevel::LT})
        if (signing::levelCode(level).compare(code.trimmed(), Qt::CaseInsensitive) == 0)
            return level;
    return std::nullopt;
}

QDateTime lockInstant(const QDate& deadline)
{
    return QDateTime(deadline, QTime(23, 59, 59), vietnamTimeZone()).toUTC();
}

Result<qint64> receiptsCursor(const QString& after, int limit)
{
    if (limit < 1)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("hocba::dept::DeptTypes",
                                                "At least one receipt must be asked for. Update the program."),
                    QStringLiteral("receipts limit %1").arg(limit));
    bool numeric = true;
    const qint64 afterId = after.isEmpty() ? 0 : after.toLongLong(&numeric);
    if (!numeric || afterId < 0)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("hocba::dept::DeptTypes",
                                                "The page cursor is not valid. Start again from the first page."),
                    QStringLiteral("bad receipts cursor"));
    return afterId;
}

QString auditEntryHash(const QString& prevHash, const QString& atIso, const AuditEvent& event)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString* field :
         {&prevHash, &atIso, &event.actor, &event.action, &event.entity, &event.entityId, &event.detail}) {
        hash.addData(field->toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace hocba::dept

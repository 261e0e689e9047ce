// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Error.h"

namespace hocba {

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Usage:
        return ExitUsage;
    case ErrorCode::DbOpenFailed:
    case ErrorCode::DbNotADatabase:
    case ErrorCode::DbTooNew:
    case ErrorCode::DbMigrationFailed:
    case ErrorCode::DbQueryFailed:
    case ErrorCode::DbConstraint:
    case ErrorCode::RecordLocked:
    case ErrorCode::AuditChainBroken:
        return ExitDatabase;
    case ErrorCode::TokenError:
    case ErrorCode::TokenNotFound:
    case ErrorCode::TokenRemoved:
    case ErrorCode::PinIncorrect:
    case ErrorCode::PinLocked:
    case ErrorCode::PinCancelled:
    case ErrorCode::CertificateInvalid:
        return ExitToken;
    case ErrorCode::Network:
        return ExitNetwork;
    case ErrorCode::InvalidInput:
    case ErrorCode::NotFound:
    case ErrorCode::Unsupported:
    case ErrorCode::PermissionDenied:
    case ErrorCode::Io:
    case ErrorCode::Cancelled:
    case ErrorCode::Internal:
        return ExitFailed;
    }
    return ExitFailed;
}

QString describe(const Error& error)
{
    if (error.detail.isEmpty())
        return error.message;
    return QStringLiteral("%1 (%2)").arg(error.message, error.detail);
}

} // namespace hocba

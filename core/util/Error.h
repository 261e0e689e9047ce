// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <expected>

namespace hocba {

/** Error classes. The CLI maps each to an exit code (exitCodeFor), the UI to a dialog. */
enum class ErrorCode {
    // input and usage
    InvalidInput, ///< data that breaks a rule: an impossible score, a malformed file, a failed ID check
    Usage, ///< a command line that cannot be understood
    NotFound, ///< a named class, student, record or file that does not exist
    Unsupported, ///< a year/grade/circular combination the rules do not cover
    PermissionDenied, ///< the account working lacks the right an action needs (nothing was written)
    // database
    DbOpenFailed,
    DbNotADatabase,
    DbTooNew,
    DbMigrationFailed,
    DbQueryFailed,
    DbConstraint,
    RecordLocked, ///< a trigger refused a change to signed or locked data
    AuditChainBroken,
    // files
    Io,
    // token / signing (filled by the signing component); all map to exit code 3
    TokenError, ///< any other token failure (module cannot be loaded, key not found, C_Sign failed, …)
    TokenNotFound, ///< no token with the wanted label/serial is plugged in
    TokenRemoved, ///< the token went away during use (CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT, …)
    PinIncorrect, ///< wrong PIN; never retried automatically
    PinLocked, ///< the user PIN is blocked; only the CA can unblock it with the PUK
    PinCancelled, ///< the user did not give a PIN
    CertificateInvalid, ///< the certificate policy refuses this certificate (expired, key usage, untrusted chain)
    // network
    Network,
    Cancelled,
    Internal
};

/**
 * An error as a value: a code, a message for the user (translated, Vietnamese by default) and an untranslated
 * technical detail for logs and bug reports. The detail never holds personal data or PINs.
 */
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;
};

template <class T> using Result = std::expected<T, Error>;
using Status = Result<void>;

inline std::unexpected<Error> fail(ErrorCode code, QString message, QString detail = {})
{
    return std::unexpected(Error {code, std::move(message), std::move(detail)});
}

/** CLI exit codes by error class (documented in every command's --help). */
enum ExitCode : int {
    ExitOk = 0,
    ExitFailed = 1, ///< validation failed, or some items of a batch failed
    ExitUsage = 2,
    ExitToken = 3,
    ExitDatabase = 4,
    ExitNetwork = 5,
};

int exitCodeFor(ErrorCode code);

/** "message (detail)" for one-line display. */
QString describe(const Error& error);

} // namespace hocba

// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/Pkcs11Codes.h"

#include <QCoreApplication>

#include <libp11.h>
#include <openssl/err.h>

namespace hocba::signing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::signing::Token)
};

struct Named
{
    CkRv rv;
    const char* name;
};

constexpr Named kNames[] = {
    {CkrOk, "CKR_OK"},
    {CkrCancel, "CKR_CANCEL"},
    {CkrHostMemory, "CKR_HOST_MEMORY"},
    {CkrGeneralError, "CKR_GENERAL_ERROR"},
    {CkrFunctionFailed, "CKR_FUNCTION_FAILED"},
    {CkrArgumentsBad, "CKR_ARGUMENTS_BAD"},
    {CkrDeviceError, "CKR_DEVICE_ERROR"},
    {CkrDeviceMemory, "CKR_DEVICE_MEMORY"},
    {CkrDeviceRemoved, "CKR_DEVICE_REMOVED"},
    {CkrFunctionCanceled, "CKR_FUNCTION_CANCELED"},
    {CkrKeyHandleInvalid, "CKR_KEY_HANDLE_INVALID"},
    {CkrKeyFunctionNotPermitted, "CKR_KEY_FUNCTION_NOT_PERMITTED"},
    {CkrMechanismInvalid, "CKR_MECHANISM_INVALID"},
    {CkrObjectHandleInvalid, "CKR_OBJECT_HANDLE_INVALID"},
    {CkrPinIncorrect, "CKR_PIN_INCORRECT"},
    {CkrPinInvalid, "CKR_PIN_INVALID"},
    {CkrPinLenRange, "CKR_PIN_LEN_RANGE"},
    {CkrPinExpired, "CKR_PIN_EXPIRED"},
    {CkrPinLocked, "CKR_PIN_LOCKED"},
    {CkrSessionClosed, "CKR_SESSION_CLOSED"},
    {CkrSessionHandleInvalid, "CKR_SESSION_HANDLE_INVALID"},
    {CkrTokenNotPresent, "CKR_TOKEN_NOT_PRESENT"},
    {CkrTokenNotRecognized, "CKR_TOKEN_NOT_RECOGNIZED"},
    {CkrUserAlreadyLoggedIn, "CKR_USER_ALREADY_LOGGED_IN"},
    {CkrUserNotLoggedIn, "CKR_USER_NOT_LOGGED_IN"},
    {CkrUserPinNotInitialized, "CKR_USER_PIN_NOT_INITIALIZED"},
    {CkrCryptokiNotInitialized, "CKR_CRYPTOKI_NOT_INITIALIZED"},
    {CkrCryptokiAlreadyInitialized, "CKR_CRYPTOKI_ALREADY_INITIALIZED"},
    {HocbaModuleLoadFailed, "HOCBA_MODULE_LOAD_FAILED"},
    {HocbaKeyNotFound, "HOCBA_KEY_NOT_FOUND"},
    {HocbaCertificateNotFound, "HOCBA_CERTIFICATE_NOT_FOUND"},
    {HocbaSignFailed, "HOCBA_SIGN_FAILED"},
};

} // namespace

QString ckrName(CkRv rv)
{
    for (const auto& n : kNames)
        if (n.rv == rv)
            return QString::fromLatin1(n.name);
    return QStringLiteral("CKR_0x%1").arg(rv, 0, 16);
}

QString ckrDetail(CkRv rv, const QString& module)
{
    return QStringLiteral("%1 (0x%2) from %3").arg(ckrName(rv)).arg(rv, 0, 16).arg(module);
}

bool isRemoval(CkRv rv)
{
    // A vanished token shows up under several names depending on the module and on the moment it was pulled:
    // during C_Sign most vendor modules answer DEVICE_REMOVED, later calls SESSION_HANDLE_INVALID/CLOSED, and an
    // OpenSC reader whose card is gone TOKEN_NOT_PRESENT (DigiDoc4 treats them all alike).
    switch (rv) {
    case CkrDeviceRemoved:
    case CkrTokenNotPresent:
    case CkrSessionHandleInvalid:
    case CkrSessionClosed:
    case CkrDeviceError:
        return true;
    default:
        return false;
    }
}

Error errorForCkr(CkRv rv, const QString& module)
{
    const QString detail = ckrDetail(rv, module);
    if (isRemoval(rv))
        return {ErrorCode::TokenRemoved,
                Text::tr("The USB token was removed or stopped answering. Plug it back in and try again."), detail};
    switch (rv) {
    case CkrPinIncorrect:
        return {ErrorCode::PinIncorrect, Text::tr("Wrong PIN."), detail};
    case CkrPinInvalid:
    case CkrPinLenRange:
        return {ErrorCode::PinIncorrect,
                Text::tr("The PIN has the wrong length or contains characters the USB token does not accept."), detail};
    case CkrPinLocked:
        return {ErrorCode::PinLocked,
                Text::tr("The PIN of the USB token is locked after too many wrong attempts. Contact your certification "
                         "service provider to unblock it with the PUK code."),
                detail};
    case CkrPinExpired:
        return {ErrorCode::TokenError,
                Text::tr("The PIN of the USB token has expired. Change it with the token software from your "
                         "certification service provider."),
                detail};
    case CkrCancel:
    case CkrFunctionCanceled:
        return {ErrorCode::PinCancelled, Text::tr("PIN entry was cancelled."), detail};
    case CkrUserPinNotInitialized:
        return {ErrorCode::TokenError,
                Text::tr("The USB token has no PIN set up yet. Ask your certification service provider."), detail};
    case HocbaModuleLoadFailed:
        return {ErrorCode::TokenError,
                Text::tr("Cannot load the USB token driver (PKCS#11 module) %1. Install the token software from your "
                         "certification service provider or check the module path in the settings.")
                    .arg(module),
                detail};
    case HocbaKeyNotFound:
    case CkrKeyHandleInvalid:
        return {ErrorCode::TokenError,
                Text::tr("The private key of this digital certificate was not found on the USB token."), detail};
    case HocbaCertificateNotFound:
        return {ErrorCode::TokenError, Text::tr("The digital certificate was not found on the USB token."), detail};
    case CkrKeyFunctionNotPermitted:
        return {ErrorCode::TokenError, Text::tr("The key on the USB token may not be used for signing."), detail};
    default:
        return {ErrorCode::TokenError, Text::tr("The USB token could not complete the operation."), detail};
    }
}

CkRv drainPkcs11Error(CkRv fallback)
{
    CkRv found = fallback;
    const int ckrLib = ERR_get_CKR_code();
    while (const unsigned long e = ERR_get_error()) {
        // ERR_GET_REASON keeps 23 bits: vendor-defined CK_RVs lose their top bit, the standard ones are intact.
        if (ckrLib != 0 && ERR_GET_LIB(e) == ckrLib && ERR_GET_REASON(e) != 0)
            found = CkRv(ERR_GET_REASON(e));
    }
    return found;
}

} // namespace hocba::signing

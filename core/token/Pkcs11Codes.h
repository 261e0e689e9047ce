// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// PKCS#11 return values we map, from the standard (v2.40 §5.1). libp11.h does not ship pkcs11.h, and including
// p11-kit's or NSS's copy would pull a second, conflicting set of CK_* typedefs into every file.

#include "util/Error.h"

#include <QString>

namespace hocba::signing {

using CkRv = unsigned long;

inline constexpr CkRv CkrOk = 0x00;
inline constexpr CkRv CkrCancel = 0x01;
inline constexpr CkRv CkrHostMemory = 0x02;
inline constexpr CkRv CkrGeneralError = 0x05;
inline constexpr CkRv CkrFunctionFailed = 0x06;
inline constexpr CkRv CkrArgumentsBad = 0x07;
inline constexpr CkRv CkrDeviceError = 0x30;
inline constexpr CkRv CkrDeviceMemory = 0x31;
inline constexpr CkRv CkrDeviceRemoved = 0x32;
inline constexpr CkRv CkrFunctionCanceled = 0x50;
inline constexpr CkRv CkrKeyHandleInvalid = 0x60;
inline constexpr CkRv CkrKeyFunctionNotPermitted = 0x68;
inline constexpr CkRv CkrMechanismInvalid = 0x70;
inline constexpr CkRv CkrObjectHandleInvalid = 0x82;
inline constexpr CkRv CkrPinIncorrect = 0xA0;
inline constexpr CkRv CkrPinInvalid = 0xA1;
inline constexpr CkRv CkrPinLenRange = 0xA2;
inline constexpr CkRv CkrPinExpired = 0xA3;
inline constexpr CkRv CkrPinLocked = 0xA4;
inline constexpr CkRv CkrSessionClosed = 0xB0;
inline constexpr CkRv CkrSessionHandleInvalid = 0xB3;
inline constexpr CkRv CkrTokenNotPresent = 0xE0;
inline constexpr CkRv CkrTokenNotRecognized = 0xE1;
inline constexpr CkRv CkrUserAlreadyLoggedIn = 0x100;
inline constexpr CkRv CkrUserNotLoggedIn = 0x101;
inline constexpr CkRv CkrUserPinNotInitialized = 0x102;
inline constexpr CkRv CkrCryptokiNotInitialized = 0x190;
inline constexpr CkRv CkrCryptokiAlreadyInitialized = 0x191;
inline constexpr CkRv CkrVendorDefined = 0x80000000UL;

// Outcomes that are not a CK_RV from the module but come from our lookup around it. Kept in the vendor range so
// they can travel through the same code path; 0x484B = "HK".
inline constexpr CkRv HocbaModuleLoadFailed = CkrVendorDefined | 0x484B01;
inline constexpr CkRv HocbaKeyNotFound = CkrVendorDefined | 0x484B02;
inline constexpr CkRv HocbaCertificateNotFound = CkrVendorDefined | 0x484B03;
inline constexpr CkRv HocbaSignFailed = CkrVendorDefined | 0x484B04;

/** "CKR_PIN_INCORRECT" (or "CKR_0x…" for an unknown value). */
QString ckrName(CkRv rv);
/** "CKR_PIN_INCORRECT (0xa0) from /usr/lib/…/libsofthsm2.so": the technical detail of token errors. */
QString ckrDetail(CkRv rv, const QString& module);

/**
 * Maps a failed PKCS#11 call to an error value with a Vietnamese message (STYLE.md C6 §3). PinIncorrect is built by
 * the login logic itself, which re-reads the token flags first to add the remaining-tries hint.
 */
Error errorForCkr(CkRv rv, const QString& module);

/** True for the return codes that mean the token went away (removed, session gone with it). */
bool isRemoval(CkRv rv);

/**
 * libp11 reports a failing PKCS#11 call by pushing the CK_RV as the *reason* of an error in its own OpenSSL error
 * library (ERR_get_CKR_code()). Drains the whole OpenSSL error queue of this thread (so later calls start clean)
 * and returns the last CK_RV found, or `fallback` when libp11 pushed none.
 */
CkRv drainPkcs11Error(CkRv fallback);

} // namespace hocba::signing

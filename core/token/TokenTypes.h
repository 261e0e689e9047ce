// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "verify/Certificate.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hocba::signing {

/** PKCS#11 token flags the UI and the login logic need (CK_TOKEN_INFO.flags, as libp11 exposes them). */
struct TokenFlags
{
    bool loginRequired = true;
    bool protectedAuthPath = false; ///< PIN pad on the reader: log in with a null PIN
    bool pinCountLow = false; ///< a wrong PIN was entered at least once since the last good login
    bool pinFinalTry = false; ///< the next wrong PIN blocks it
    bool pinLocked = false; ///< blocked: never try, the CA unblocks it with the PUK
    bool pinToBeChanged = false; ///< the token wants a new PIN before use (factory PIN)
};

/**
 * One token as found in one PKCS#11 module. Identify it by label + serial (`id()`), never by slot number: slot ids
 * change when a token is re-plugged, and SoftHSM's `--init-token --free` even assigns random ones.
 */
struct TokenInfo
{
    QString module; ///< path of the PKCS#11 library it was found through
    QString slotDescription;
    QString label;
    QString serial;
    QString manufacturer;
    QString model;
    TokenFlags flags;

    /** "label/serial": stable across re-plugging and slot renumbering. */
    QString id() const { return label + QLatin1Char('/') + serial; }
    /** True when `wanted` names this token: its label, its serial, or "label/serial". */
    bool matches(const QString& wanted) const;
};

} // namespace hocba::signing

Q_DECLARE_METATYPE(hocba::signing::TokenInfo)

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Pkcs11Codes.h"
#include "token/TokenTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace hocba::signing {

/**
 * The seam between our token logic and one PKCS#11 module. Every call answers with a CK_RV, exactly as the module
 * did, so the flag handling, the error mapping and the no-retry rule above it are tested without hardware: the
 * real implementation goes through libp11 (makeLibp11Backend), tests use a FakeTokenBackend that returns
 * CKR_PIN_LOCKED, CKR_DEVICE_REMOVED, … on demand (SoftHSM2 never locks a PIN and cannot be unplugged).
 *
 * Internal to core/token and its tests. Not thread-safe: used only on the TokenService thread.
 */
class TokenBackend
{
public:
    virtual ~TokenBackend() = default;

    /** The module path, for details in error messages. */
    virtual QString module() const = 0;
    /** The module is installed (a missing default module is normal: not every PC has OpenSC). */
    virtual bool isPresent() const = 0;
    /** Loads the module (dlopen + C_Initialize); idempotent. */
    virtual CkRv load() = 0;
    /** Re-reads the slots and the info and flags of each present, initialised token. */
    virtual CkRv tokens(QList<TokenInfo>& out) = 0;
    /** Certificates on a token (public objects: no login needed). */
    virtual CkRv certificates(const TokenInfo& token, QList<CertificateInfo>& out) = 0;
    /** C_Login as the user. `pin` is null for a protected authentication path (PIN pad). */
    virtual CkRv login(const TokenInfo& token, const char* pin) = 0;
    virtual CkRv logout(const TokenInfo& token) = 0;
    /** Signs `data` with SHA-256 (RSA PKCS#1 v1.5 or ECDSA, DER) using the private key with CKA_ID `keyId`. */
    virtual CkRv signSha256(const TokenInfo& token, const QByteArray& keyId, const QByteArray& data,
                            QByteArray& signature)
        = 0;
};

/** The real backend for one PKCS#11 library, through libp11 0.4.12 and OpenSSL 3 EVP. */
std::unique_ptr<TokenBackend> makeLibp11Backend(const QString& modulePath);

} // namespace hocba::signing

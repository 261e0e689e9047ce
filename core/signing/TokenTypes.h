// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/Signer.h"

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

/** Key usage bits of an X.509 certificate that matter for signing (RFC 5280 §4.2.1.3). */
struct KeyUsage
{
    bool present = false; ///< the extension exists (absent = any usage, but our policy requires it)
    bool digitalSignature = false;
    bool nonRepudiation = false; ///< "contentCommitment"
    bool keyEncipherment = false;
};

/** A certificate on a token (or any certificate), decoded for display: the principal picks theirs from these. */
struct CertificateInfo
{
    QByteArray der;
    QByteArray id; ///< CKA_ID on the token; the private key carries the same id
    QString tokenLabel; ///< empty for a certificate not on a token
    QString holder; ///< subject CN, UTF-8 decoded (Vietnamese names stay intact)
    QString organization; ///< subject O
    QString subject; ///< whole subject, RFC 2253 order, UTF-8
    QString issuer; ///< issuer CN (whole issuer DN when it has no CN)
    QString serialHex; ///< upper-case hex
    QDateTime notBefore; ///< UTC
    QDateTime notAfter; ///< UTC
    KeyUsage keyUsage;
    KeyType keyType = KeyType::Rsa;
    int keyBits = 0;
    QString sha256; ///< fingerprint, lower-case hex

    bool isNull() const { return der.isEmpty(); }
    /** Decodes a DER certificate; an error when it is not one. */
    static Result<CertificateInfo> fromDer(const QByteArray& der);
    /** Decodes the first certificate of a PEM text (or DER bytes). */
    static Result<CertificateInfo> fromPemOrDer(const QByteArray& bytes);
};

} // namespace hocba::signing

Q_DECLARE_METATYPE(hocba::signing::TokenInfo)
Q_DECLARE_METATYPE(hocba::signing::CertificateInfo)

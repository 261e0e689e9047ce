// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace hocba::signing {

enum class KeyType { Rsa, Ec };

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

Q_DECLARE_METATYPE(hocba::signing::CertificateInfo)

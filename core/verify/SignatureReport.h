// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace hocba::signing {

/** Who signs a year section, written into every signature (DOMAIN.md §5). */
enum class SignerRole { Principal, Homeroom, Seal };

/** "principal" | "homeroom" | "seal": the technical role code written into XML and PDF signatures. */
QString roleCode(SignerRole role);
std::optional<SignerRole> roleFromCode(const QString& code);
/** The role as shown to people ("Hiệu trưởng", …); also the PDF /Reason. */
QString roleLabel(SignerRole role);

/**
 * The ETSI baseline level a signature reaches (EN 319 142-1 for PAdES, EN 319 132-1 for XAdES): B = signed, with the
 * time the signer's PC claims; T = plus a trusted RFC 3161 signature time-stamp; LT = plus the certificates and
 * revocation data (OCSP/CRL) needed to check it offline; LTA = plus an archive (document) time-stamp over all that.
 */
enum class BaselineLevel { B, T, LT, LTA };
/** "B" | "T" | "LT" | "LTA"; levelLabel is the translated text `verify` shows. */
QString levelCode(BaselineLevel level);
QString levelLabel(BaselineLevel level);

/**
 * What a signature's certificate says about its holder; no private data beyond what the certificate publishes.
 * (Named apart from Certificate.h's CertificateInfo: two classes of one name in one namespace break the ODR.)
 */
struct SignerCertificate
{
    QString commonName; ///< CN, UTF-8 decoded
    QString subject; ///< RFC 2253, UTF-8
    QString issuer; ///< RFC 2253, UTF-8
    QString serialHex;
    QDateTime notBefore; ///< UTC
    QDateTime notAfter; ///< UTC
    QByteArray der;
};

/** The outcome of checking one signature (one XMLDSig <Signature> or one PDF signature field). */
struct SignatureCheck
{
    QString id; ///< XML Signature/@Id or PDF field name
    QString signerName; ///< the certificate's CN
    std::optional<SignerRole> role;
    QDateTime signingTime; ///< UTC; claimed by the signer (XML SigningTime property, PDF /M), not a timestamp
    SignerCertificate certificate;

    bool integrityOk = false; ///< the signed bytes/data are unchanged and the signature value matches the key
    bool certificateTrusted = false; ///< the certificate chains to one of the given trust anchors
    bool validAtSigningTime = false; ///< signingTime lies within the certificate's validity
    bool coversWholeDocument = true; ///< PDF: false when bytes follow the signed range
    bool changedAfterSigning = false; ///< PDF: the last signature does not cover the whole file
    /**
     * The genTime of a valid signature time-stamp (RFC 3161 token over the signature value, issued by a TSA that chains
     * to a trust anchor). When present it, not signingTime, is the time the certificate is judged at.
     */
    std::optional<QDateTime> trustedTime;
    QString timestampAuthority; ///< the TSA certificate's CN, when trustedTime is set
    /** DER: the TSA's certificate first, then the other certificates its token carries (to judge the TSA's chain). */
    QList<QByteArray> timestampCertificates;
    /** The signature time-stamp's TSA certificate, when trustedTime is set (its notAfter: when to archive-stamp). */
    SignerCertificate timestampCertificate;
    /**
     * PDF: the time of the earliest valid document time-stamp (PAdES B-LTA) whose byte range covers this signature;
     * the signature is at level LTA when it is also LT.
     */
    std::optional<QDateTime> archiveTime;
    /** PDF: the certificates the signature's CMS carries (the chain the signer gave), DER. */
    QList<QByteArray> embeddedCertificates;
    BaselineLevel level = BaselineLevel::B;
    /** False when the signature carries a time-stamp that does not verify (forged, another signature's, untrusted). */
    bool timestampOk = true;
    /** LT and above: the embedded revocation data covered the signer's chain (and the TSA's) at the judged time. */
    bool revocationChecked = false;
    /** The embedded revocation data says the signer's certificate was revoked at or before the judged time. */
    bool revoked = false;
    QDateTime revokedAt; ///< UTC, when revoked
    /** Translated: what the embedded revocation data said ("not revoked at …", "could not be checked: …"); empty when
     *  the document carries none. */
    QString revocationNote;
    /** The time the certificate is judged at: the trusted time when there is one, else the claimed signingTime. */
    QDateTime judgedTime() const { return trustedTime.value_or(signingTime); }

    /** Translated (Vietnamese) explanations of each failed check; empty when the signature is fine. */
    QStringList problems;

    bool ok() const
    {
        return integrityOk && certificateTrusted && validAtSigningTime && !changedAfterSigning && !revoked
            && timestampOk;
    }
};

/**
 * One document time-stamp of a PDF (PAdES B-LTA, /Type /DocTimeStamp, /SubFilter /ETSI.RFC3161): an RFC 3161 token over
 * the byte range of everything before it (signatures, packet, /DSS), from a TSA that chains to a trust anchor.
 */
struct ArchiveTimestampCheck
{
    QString id; ///< the field name
    bool ok = false; ///< the token verifies over its byte range and nothing but validation data follows it
    QDateTime time; ///< UTC, the token's genTime (when ok)
    QString authority; ///< the TSA certificate's CN (when ok)
    SignerCertificate authorityCertificate; ///< its notAfter is when the next archive time-stamp is due
    qsizetype coveredUpTo = 0; ///< the end of its byte range
    QStringList problems; ///< translated
};

/** All signatures of one document. */
struct VerificationReport
{
    enum class Format { Xml, Pdf };
    Format format = Format::Xml;
    QList<SignatureCheck> signatures;
    /** PDF: the packet XML embedded in the PDF, if any (to be verified and compared by the caller). */
    QByteArray embeddedPacket;
    QString embeddedPacketName;
    /** PDF: the packet digest the PDF says it was rendered for (kPacketDigestInfoKey), if any. */
    QString renderedPacketDigest;
    /** PDF: the document time-stamps (B-LTA), in file order; not counted among `signatures`. */
    QList<ArchiveTimestampCheck> archiveTimestamps;

    /** The latest valid document time-stamp, if any. */
    const ArchiveTimestampCheck* lastArchiveTimestamp() const;

    /** True if there is at least one signature, every one is ok() and every document time-stamp is ok. */
    bool ok() const;
    /** A translated multi-line text for the CLI `verify` command (no personal data beyond the certificates). */
    QString toText() const;
};

} // namespace hocba::signing

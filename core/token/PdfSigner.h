// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/Signer.h"
#include "token/Timestamper.h"
#include "verify/Revocation.h"
#include "verify/SignatureFormats.h"
#include "verify/SignatureReport.h"

#include <QDateTime>

#include <optional>

namespace hocba::signing {

/** The signed packet to carry inside the PDF as an associated file. */
struct PdfPacketAttachment
{
    QByteArray packetXml;
    QString fileName = QString::fromLatin1(kPacketFileName);
    /** Base64url SHA-256 the pages (QR codes) were rendered for; goes into the document information. */
    QString renderedDigest;
};

struct PdfSignOptions
{
    SignerRole role = SignerRole::Principal;
    QDateTime signingTime; ///< written as /M (PAdES keeps the time out of the CMS); default: now
    QString location; ///< optional /Location, e.g. the school's commune
    /**
     * Room for the DER CMS in /Contents. 0: the certificate and chain sizes plus 4 KiB for the signed attributes and
     * a signature value up to RSA-8192, so the file is not padded with tens of KiB of zeros that every reader hashes.
     */
    int reservedBytes = 0;
    /** Embed this packet in the same incremental update as the signature, so it lies inside the signed range. */
    std::optional<PdfPacketAttachment> packet;
    /**
     * PAdES B-T: a signature time-stamp from this TSA goes into the CMS (signDetachedCms); /Contents then also has
     * room for the token (kTimestampReserveBytes). Its failure fails the signing: nothing is returned.
     */
    Timestamper* timestamper = nullptr;
};

/** Room kept in /Contents for a signature time-stamp token: the TSA's certificate and a chain of two or three CAs. */
inline constexpr int kTimestampReserveBytes = 12 * 1024;

/** Where the sign step spent its time (for the benchmark print in tests; never asserted). */
struct PdfSignStats
{
    qint64 totalNs = 0;
    qint64 keyNs = 0; ///< inside Signer::signSha256 (the token)
    qint64 tsaNs = 0; ///< waiting for the time-stamping authority
};

/**
 * PAdES baseline B signatures by hand-written incremental update (SIGNING.md §3c): the original bytes stay
 * untouched, qpdf only parses, so every earlier signature stays valid. /SubFilter /ETSI.CAdES.detached, a CMS with
 * signing-certificate-v2 and no signingTime (§3b), /M, an /ID when missing, an invisible signature field per signer
 * and /Reason = the signer's role.
 */
class PdfSigner
{
public:
    /**
     * Embeds the signed packet XML as an associated file (Factur-X/ZUGFeRD pattern: /EmbeddedFiles + /AF,
     * /AFRelationship /Data), by incremental update. It refuses a PDF that already carries a signature (the packet
     * would lie outside every signed range) or embedded files. PdfSignOptions::packet does the same while signing.
     * `renderedDigest`, when given, goes into the document information as kPacketDigestInfoKey.
     */
    static Result<QByteArray> embedPacket(const QByteArray& pdf, const QByteArray& packetXml,
                                          const QString& fileName = QString::fromLatin1(kPacketFileName),
                                          const QString& renderedDigest = {});

    static Result<QByteArray> sign(const QByteArray& pdf, Signer& signer, const PdfSignOptions& options,
                                   PdfSignStats* stats = nullptr);

    /**
     * PAdES B-LT: adds the certificates, OCSP responses and CRLs to the document security store (/DSS in the catalog:
     * /Certs, /OCSPs, /CRLs, arrays of streams) by incremental update, after the signatures, so every signature stays
     * valid. An existing /DSS is merged (items already in it are not added twice). No /VRI: the verifier looks the
     * responses up by the certificates they answer for.
     */
    static Result<QByteArray> addValidationData(const QByteArray& pdf, const ValidationData& data);

    /**
     * PAdES B-LTA: a document time-stamp over the whole file, by incremental update: an invisible signature field
     * (not on a page) whose value is /Type /DocTimeStamp /SubFilter /ETSI.RFC3161, its /ByteRange over everything but
     * /Contents, and /Contents the RFC 3161 token from `tsa` over SHA-256 of those bytes (kTimestampReserveBytes of
     * room). It covers every earlier signature and the /DSS: add the validation data first (addValidationData). The
     * TSA's failure fails the call; nothing is returned.
     */
    static Result<QByteArray> addDocumentTimestamp(const QByteArray& pdf, Timestamper& tsa);
};

} // namespace hocba::signing

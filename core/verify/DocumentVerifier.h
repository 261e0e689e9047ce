// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"
#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace hocba::signing {

/** Everything checked about one file (a signed packet or a signed PDF). */
struct DocumentVerification
{
    enum class Kind { Packet, Pdf };
    Kind kind = Kind::Packet;
    signing::VerificationReport report; ///< the file's own signatures
    /** PDF: the embedded packet's signatures (absent when the PDF carries no packet). */
    std::optional<signing::VerificationReport> embedded;
    QString packetDigest; ///< of the packet file, or of the packet embedded in the PDF
    QString renderedDigest; ///< PDF: the digest its QR codes were made for (document information)
    bool packetValid = false; ///< the packet (file or embedded) passes the packet schema
    QStringList problems; ///< translated, beyond the per-signature problems
    /**
     * The visible signature appearance the packet records (issue 13), checked against the principal's signature and,
     * for a PDF, against the page text; absent for packets signed before it ("no visible appearance recorded").
     */
    std::optional<packet::SignatureAppearance> appearance;
    /** Translated remarks that are not failures (e.g. that no visible appearance is recorded). */
    QStringList notes;

    /** Valid and trusted: every signature ok, and for a PDF the embedded packet too and the digests agree. */
    bool ok() const;
};

/**
 * Checks a file with XmlVerifier / PdfVerifier against the given trust anchors (DER): integrity, signers (name, role,
 * time, certificate at signing time), a PDF changed after signing, and for a PDF its embedded packet, which must
 * verify itself and have the digest the PDF was rendered for (kPacketDigestInfoKey, the value in the QR
 * codes' h=), and every PDF signature must be by the certificate of the packet's last (completing) signer. The packet's
 * visible signature appearance (Appearance.h) must name the principal's certificate holder, issuer and signing time,
 * and a PDF's page text may show only holders and times of its signatures, the recorded appearance among them. A PDF
 * is recognised by its "%PDF-" header; anything else is read as a packet.
 * A Result error only when the file cannot be examined at all.
 */
Result<DocumentVerification> verifyDocument(const QByteArray& bytes, const QList<QByteArray>& trustAnchorsDer);

/** A signed record PDF is about 70 KiB and a packet a few tens; anything this large is refused before it is read. */
inline constexpr qint64 kMaxDocumentFileBytes = 64 * 1024 * 1024;

/**
 * verifyDocument on a file, for the CLI and the desktop alike: an Io error when it cannot be read, InvalidInput when
 * it is larger than kMaxDocumentFileBytes (checked before reading, so a huge file costs no memory).
 */
Result<DocumentVerification> verifyDocumentFile(const QString& path, const QList<QByteArray>& trustAnchorsDer);

} // namespace hocba::signing

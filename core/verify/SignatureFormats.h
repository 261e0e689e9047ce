// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/* What the signers write and the verifiers accept: shared by core/token (signing) and core/verify (checking). */
namespace hocba::signing {

/** The name the signed packet has inside the PDF (`pdfdetach -list` shows it; the verifier looks for it). */
inline constexpr char kPacketFileName[] = "hocba-packet.xml";

/**
 * Document information key that records the packet digest (base64url SHA-256, as in the QR codes' h=) the PDF
 * was rendered for. A QR code is an image and cannot be read back cheaply, so verification compares the embedded
 * packet's digest with this value; both are covered by the PDF signature.
 */
inline constexpr char kPacketDigestInfoKey[] = "/HocbaPacketDigest";

/** Where the packet keeps its data and its signatures (DOMAIN.md §5.1: like the e-invoice HDon/DLHDon/DSCKS). */
struct XmlSignatureLayout
{
    QString dataId = QStringLiteral("data"); ///< Id attribute of the signed data element
    QString containerName = QStringLiteral("DSCKS"); ///< element that receives the signatures
    QString containerNamespace = QStringLiteral("urn:hocba:packet:1");
    /** Namespace of the per-signer wrapper elements, and of the SigningTime/SignerRole properties of signatures made
     *  before XAdES (issue 16), which XmlVerifier still reads. */
    QString propertiesNamespace = QStringLiteral("urn:hocba:packet:1");
    /** Wrap each signature in a per-role child of the container (HieuTruong / GVCN / DonVi), like DSCKS/NBan. */
    bool wrapPerRole = true;
};

} // namespace hocba::signing

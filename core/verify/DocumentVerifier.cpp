// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/DocumentVerifier.h"

#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "verify/Appearance.h"
#include "verify/PdfVerifier.h"
#include "verify/XmlVerifier.h"

#include <QCoreApplication>
#include <QFile>

namespace hocba::signing {

namespace {

signing::XmlSignatureLayout packetLayout()
{
    signing::XmlSignatureLayout layout;
    layout.containerName = QStringLiteral("Signatures");
    layout.wrapPerRole = false;
    return layout;
}

/**
 * The signer who completes a record signs the packet (its last XMLDSig signature) and then the PDF, with one
 * certificate (SectionSigner::signPacket, then finishDocument). So every PDF signature must be by that certificate:
 * another one would put a stranger's PAdES signature around a genuinely signed packet.
 */
QStringList signerMismatches(const signing::VerificationReport& pdf, const signing::VerificationReport& packet)
{
    QStringList problems;
    if (packet.signatures.isEmpty() || packet.signatures.last().certificate.der.isEmpty())
        return problems; // the packet's own report already says it is not (properly) signed
    const signing::SignerCertificate& completing = packet.signatures.last().certificate;
    for (const auto& s : pdf.signatures)
        if (!s.certificate.der.isEmpty() && s.certificate.der != completing.der) // without one: already not ok
            problems << QCoreApplication::translate(
                            "hocba::lifecycle::DocumentVerifier",
                            "The PDF is signed with the certificate of %1 (serial %2), but the packet inside it was "
                            "completed with the certificate of %3 (serial %4). The signer who completes a record signs "
                            "the packet and the PDF with the same certificate.")
                            .arg(s.signerName, s.certificate.serialHex, completing.commonName, completing.serialHex);
    return problems;
}

/**
 * One hardened parse serves the schema check and the signature check: a file the parser refuses (DOCTYPE, entities,
 * too big, too deep, too many attributes) reaches neither, and the error says why.
 */
Result<signing::VerificationReport> checkPacket(const QByteArray& bytes, const QList<QByteArray>& anchors,
                                                DocumentVerification& v)
{
    auto doc = packet::SafeXmlDocument::parse(bytes);
    if (!doc)
        return std::unexpected(doc.error());
    v.packetValid = bool(packet::validatePacket(*doc));
    return signing::XmlVerifier::verify(*doc, anchors, packetLayout());
}

/**
 * The packet's recorded appearance against its principal's signature (Appearance.h). Packets signed before issue 13
 * record none: that is said, not refused.
 */
void checkAppearance(const QByteArray& packetBytes, const signing::VerificationReport& signatures,
                     DocumentVerification& v)
{
    auto p = packet::readPacket(packetBytes);
    if (!p)
        return; // the schema check already said what is wrong with it
    v.appearance = p->principalSignature;
    if (!v.appearance)
        v.notes << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                               "No visible signature appearance is recorded in the packet (signed "
                                               "before the appearance was introduced).");
    v.problems << signing::appearanceMismatches(*p, signatures);
}

/** A signed PDF's page text against its signatures and the packet's recorded appearance. */
void checkPageText(const QByteArray& pdf, const DocumentVerification& v, QStringList& problems)
{
    auto text = signing::pdfText(pdf);
    if (!text) {
        problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                                "The text of the PDF's pages cannot be read, so its visible signature "
                                                "cannot be checked.");
        return;
    }
    QList<signing::SignatureCheck> signatures = v.report.signatures;
    if (v.embedded)
        signatures += v.embedded->signatures;
    problems << signing::pageAppearanceMismatches(*text, signatures, v.appearance);
}

} // namespace

bool DocumentVerification::ok() const
{
    if (!report.ok() || !problems.isEmpty() || !packetValid)
        return false;
    if (kind == Kind::Pdf)
        return embedded && embedded->ok() && !renderedDigest.isEmpty() && renderedDigest == packetDigest;
    return true;
}

Result<DocumentVerification> verifyDocument(const QByteArray& bytes, const QList<QByteArray>& anchors)
{
    DocumentVerification v;
    if (bytes.startsWith("%PDF-")) {
        v.kind = DocumentVerification::Kind::Pdf;
        auto pdf = signing::PdfVerifier::verify(bytes, anchors);
        if (!pdf)
            return std::unexpected(pdf.error());
        v.report = *pdf;
        v.renderedDigest = pdf->renderedPacketDigest;
        if (pdf->signatures.isEmpty())
            v.problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier", "The PDF is not signed.");
        if (pdf->embeddedPacket.isEmpty()) {
            v.problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                                      "The PDF carries no record packet.");
            return v;
        }
        v.packetDigest = packet::packetDigest(pdf->embeddedPacket);
        auto xml = checkPacket(pdf->embeddedPacket, anchors, v);
        if (!v.packetValid)
            v.problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                                      "The packet in the PDF is not a valid record packet.");
        if (!xml) {
            v.problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                                      "The packet in the PDF cannot be checked: %1")
                              .arg(describe(xml.error()));
            return v;
        }
        v.embedded = *xml;
        if (xml->signatures.isEmpty())
            v.problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                                      "The packet in the PDF is not signed.");
        v.problems << signerMismatches(v.report, *xml);
        if (v.packetValid)
            checkAppearance(pdf->embeddedPacket, *xml, v);
        checkPageText(bytes, v, v.problems);
        if (v.renderedDigest.isEmpty())
            v.problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                                      "The PDF does not say which packet it was made from.");
        else if (v.renderedDigest != v.packetDigest)
            v.problems << QCoreApplication::translate(
                "hocba::lifecycle::DocumentVerifier",
                "The packet in the PDF is not the one the PDF (and its QR codes) was made from.");
        return v;
    }
    v.kind = DocumentVerification::Kind::Packet;
    v.packetDigest = packet::packetDigest(bytes);
    auto xml = checkPacket(bytes, anchors, v);
    if (!v.packetValid)
        v.problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                                  "The file is not a valid record packet.");
    if (!xml)
        return std::unexpected(xml.error());
    v.report = *xml;
    if (xml->signatures.isEmpty())
        v.problems << QCoreApplication::translate("hocba::lifecycle::DocumentVerifier", "The packet is not signed.");
    if (v.packetValid)
        checkAppearance(bytes, *xml, v);
    return v;
}

Result<DocumentVerification> verifyDocumentFile(const QString& path, const QList<QByteArray>& trustAnchorsDer)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::lifecycle::DocumentVerifier", "The file cannot be opened."),
                    file.errorString());
    if (file.size() > kMaxDocumentFileBytes)
        return fail(ErrorCode::InvalidInput,
                    QCoreApplication::translate("hocba::lifecycle::DocumentVerifier",
                                                "The file is too large to be a signed record (over %1 MiB).")
                        .arg(kMaxDocumentFileBytes / (1024 * 1024)),
                    QStringLiteral("%1 bytes").arg(file.size()));
    const QByteArray bytes = file.read(kMaxDocumentFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return fail(ErrorCode::Io,
                    QCoreApplication::translate("hocba::lifecycle::DocumentVerifier", "The file cannot be read."),
                    file.errorString());
    return verifyDocument(bytes, trustAnchorsDer);
}

} // namespace hocba::signing

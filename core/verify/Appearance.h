// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"
#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace hocba::signing {

/**
 * The visible signature appearance (issue 13): what a signed year section shows of its principal's signature
 * ("Ký số bởi: <holder>", the role, "Thời gian ký: dd/MM/yyyy HH:mm", the issuer). The signer writes it into the
 * packet before signing (SectionSigner), the renderer draws it from the packet, so it lies inside the signed bytes
 * of both the packet and the PDF; verification checks that it says what the signature says.
 */

/** The label before the holder's name on the page. */
inline constexpr char kAppearanceHolderLabel[] = "Ký số bởi:";
/** The label before the signing time on the page. */
inline constexpr char kAppearanceTimeLabel[] = "Thời gian ký:";

/** The role's title as the printed form writes it ("Hiệu trưởng"); never translated. */
QString appearanceRoleTitle(SignerRole role);
/** The issuer as the appearance names it: the issuer's CN, else its O, else the whole issuer name. */
QString appearanceIssuer(const SignerCertificate& certificate);
/** "dd/MM/yyyy HH:mm" in Vietnam time (UTC+7, no daylight saving), as the page shows a signing time. */
QString appearanceTime(const QDateTime& utc);

/**
 * The appearance of a signature by `certificateDer` in `role` at `signedAt` (truncated to whole seconds, UTC): holder
 * = the subject's CN, issuer = appearanceIssuer. InvalidInput when the certificate cannot be read or has no CN.
 */
Result<packet::SignatureAppearance> appearanceFor(const QByteArray& certificateDer, SignerRole role,
                                                  const QDateTime& signedAt);

/**
 * Where the packet's recorded appearance differs from the packet's principal signature (its certificate's CN and
 * issuer, its SigningTime), translated, one line per difference; empty when they agree or when the packet records no
 * appearance (packets signed before issue 13). `packetSignatures` is the packet's XMLDSig report.
 */
QStringList appearanceMismatches(const packet::Packet& packet, const VerificationReport& packetSignatures);

/**
 * Checks the text of a signed PDF's pages against its signatures: every "Ký số bởi: X" must name the CN of one of
 * `signatures` and every "Thời gian ký: T" the signing time of one of them (in Vietnam time, to the minute), and when
 * `expected` is given (the packet's recorded appearance, already checked against its signature) the page must show it.
 * Whitespace runs (line breaks included) count as one space. Translated problems; empty when the page is true.
 */
QStringList pageAppearanceMismatches(const QString& pageText, const QList<SignatureCheck>& signatures,
                                     const std::optional<packet::SignatureAppearance>& expected);

/** The text of every page of a PDF (poppler-cpp), pages joined by form feeds; an error when it cannot be read. */
Result<QString> pdfText(const QByteArray& pdf);

} // namespace hocba::signing

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "packet/Packet.h"
#include "util/Error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** A signed section as findings and refusals name it: what the book and the packet show, never who the student is. */
struct SectionRef
{
    Id sectionId = 0; ///< this file's row id; not shown (it means nothing outside the file)
    QString lookupCode;
    SchoolYear schoolYear;
    int version = 1;
    /** "<lookup code>, school year 2025-2026, version 1" (translated). */
    QString toText() const;
};

/** What is wrong with one signed section's stored documents or data. */
struct SectionFinding
{
    SectionRef section;
    QStringList problems; ///< translated, one sentence each
};

/** The outcome of checking every signed (signed, submitted, locked) section of a school file. */
struct SchoolFileReport
{
    int sectionsChecked = 0;
    QList<SectionFinding> findings; ///< one per bad section, in school-year order
    bool ok() const { return findings.isEmpty(); }
};

/** A signed section's stored documents after they passed every check of checkSignedSection. */
struct VerifiedSignedSection
{
    SectionRef section;
    packet::Packet packet; ///< read from the stored signed packet (never built from live tables)
    QByteArray packetXml; ///< the signed packet, as stored
    QByteArray packetSha256; ///< of packetXml: what the PDF's QR codes carry
    QByteArray pdf; ///< the signed PDF, as stored
};

/** Signed, submitted and locked sections are issued: their stored documents are the only source of their book. */
bool isIssuedState(SectionState state);

/**
 * Checks every issued section of the file against its stored signatures (table signed_document), so a file edited
 * behind the program's back (triggers dropped) is found:
 *  - the rows of the section's version: in seq order, each packet with the digest and certificate fingerprint its row
 *    records, each packet the previous one plus one more signature, the PDF on the last row only;
 *  - the PDF: verifyDocument with the school's trust anchors, carrying exactly the last row's packet, PAdES-signed
 *    by the last row's certificate; the packet's signatures have the rows' roles, certificates, signer
 *    names and signing times, in order;
 *  - the packet is this section's: the record's lookup code and level, the section's school year, version, grade
 *    and class, and it is final (not a draft);
 *  - the live data still make the signed packet: the packet built now from the store (PacketBuilder), with the
 *    signed packet's creation time, serialises to the same bytes as the signed packet read back (writePacket of
 *    readPacket reproduces the signed <Data> element exactly: docs/packet.md). Before comparing, the fields the
 *    program lets change after signing are taken from the signed packet: school, student identity, study history,
 *    the names of the class, homeroom teacher, principal and subject teachers, the principal's signature appearance
 *    and the correction count (record and section are fixed by triggers and checked
 *    above). So every input, result, state and section field is compared byte for byte;
 *  - the results cache (computed_result), when not stale, holds the signed packet's results.
 * A Result error only for a database error; the anchors are the school's (TrustAnchors::load).
 */
Result<SchoolFileReport> checkSignedSections(store::Database& db);

/**
 * One issued section's stored documents, checked as checkSignedSections checks them. Fails with InvalidInput and a
 * translated message naming the section (lookup code, school year, version) when they do not pass; NotFound when
 * the section does not exist or is not issued.
 */
Result<VerifiedSignedSection> verifiedSignedSection(store::Database& db, Id sectionId,
                                                    const QList<QByteArray>& trustAnchorsDer);

/** The school's trust anchors (built-in and stored), DER, for verifiedSignedSection. */
Result<QList<QByteArray>> schoolTrustAnchors(store::Database& db);

} // namespace hocba::lifecycle

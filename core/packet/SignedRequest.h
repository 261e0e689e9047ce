// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

/**
 * The two small signed documents a school sends besides its packets (docs/corrections.md, docs/transfer.md): a revoke
 * request and a transfer statement. Each is XML in its own namespace with the packet's layout: the data element with
 * Id "data" and an empty signatures container DSCKS, so the same XmlSigner signs it and the same XmlVerifier checks it
 * (signing::requestSignatureLayout()). Values and XML only: verification is verify/RequestVerifier.h.
 */
namespace hocba::packet {

inline constexpr char kRequestNamespace[] = "urn:hocba:request:1";

/** Withdraws one school year of a record at the Department before the lock ("thu hồi"). */
struct RevokeRequest
{
    QString lookupCode; ///< 32 lowercase hex
    int schoolYearStart = 0; ///< 2025 for 2025-2026
    int version = 0; ///< the version withdrawn (the Department's current one for that year)
    QString schoolCode; ///< MOET code of the school asking: the record's school
    QString schoolName;
    QString reason; ///< NFC, 1–500 characters
    QDateTime requestedAt; ///< UTC, whole seconds
    friend bool operator==(const RevokeRequest&, const RevokeRequest&) = default;
};

/** One signed version that a transfer package carries, as the statement lists it. */
struct TransferItem
{
    int schoolYearStart = 0;
    int grade = 0;
    int version = 0;
    QString schoolCode; ///< the school that signed it: the old school, or an earlier one for years it received
    QString state; ///< at the old school when the package was made: "current" | "superseded" | "revoked"
    QString packetDigest; ///< packet::packetDigest of the signed packet in the package
    QString pdfSha256; ///< lowercase hex SHA-256 of the signed PDF in the package
    friend bool operator==(const TransferItem&, const TransferItem&) = default;
};

/**
 * The old school's signed statement that a pupil leaves it for another school ("chuyển trường"), naming every signed
 * version it hands over, so that a version removed from or changed in the package is found.
 */
struct TransferStatement
{
    QString lookupCode;
    SchoolLevel level = SchoolLevel::Primary;
    QString studentName; ///< as in the record, NFC
    QDate birthDate;
    QString studentMoetCode; ///< may be empty
    QString fromSchoolCode;
    QString fromSchoolName;
    QString fromProvince;
    QString toSchoolCode; ///< the receiving school's MOET code: only that school may import the package
    QString toSchoolName;
    QDate transferDate;
    QString reason; ///< NFC, 0–500 characters
    QDateTime madeAt; ///< UTC, whole seconds
    QList<TransferItem> items; ///< oldest school year first, then by version; at least one
    friend bool operator==(const TransferStatement&, const TransferStatement&) = default;
};

/**
 * Unsigned XML, ready for XmlSigner: `<RevokeRequest xmlns="urn:hocba:request:1" formatVersion="1"><Data Id="data">…
 * </Data><DSCKS/></RevokeRequest>` (TransferStatement likewise). NFC text, canonical attribute order, UTF-8.
 */
QByteArray writeRevokeRequest(const RevokeRequest& request);
QByteArray writeTransferStatement(const TransferStatement& statement);

/**
 * Reads a (signed or unsigned) document through SafeXmlDocument: no DTD, no entities, size-capped. InvalidInput with a
 * translated message naming what is wrong (wrong root or namespace, a missing or malformed field, a code that is not
 * 32 hex, an empty item list).
 */
Result<RevokeRequest> readRevokeRequest(const QByteArray& xml);
Result<TransferStatement> readTransferStatement(const QByteArray& xml);

} // namespace hocba::packet

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "packet/SignedRequest.h"
#include "token/Signer.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace hocba::store {
class Database;
}

/**
 * A pupil changing school (docs/transfer.md). The old school makes a transfer package: one zip file that holds the
 * principal-signed packet::TransferStatement and every signed version of every year of the record, packets and PDFs
 * exactly as signed. The new school checks all of it offline against its own trust anchors before it writes
 * anything, then keeps the record under the same lookup code: the years received are shown and printed as received
 * (signed by the old school, never signed again) and the new school adds the following years.
 */
namespace hocba::lifecycle {

/** The package's file suffix and its parts (docs/transfer.md names the layout). */
inline constexpr char kTransferPackageSuffix[] = ".hocba-transfer.zip";

struct TransferOutRequest
{
    QString studentCode; ///< the student's MOET code
    QString toSchoolCode; ///< MOET code of the receiving school
    QString toSchoolName;
    QDate transferDate; ///< default: today (Vietnam time)
    QString reason;
    QString outDir; ///< the package is written here as <lookup code>.hocba-transfer.zip
};

struct TransferOutResult
{
    QString packagePath;
    QString lookupCode;
    int versions = 0; ///< signed versions in the package
};

/**
 * Makes the package (Right::Sign; the principal's token signs the statement as principal). Refused, with nothing
 * written, when the student has no record here, when a year section of it is not signed yet (draft or ready: finish
 * or leave it first; the message names the year), when the record was already transferred away, or when a stored
 * signed version fails verifiedSignedSection. On success, in one transaction: the record is marked transferred
 * ("chuyển đi": read-only from then on, by trigger), the statement is queued for the Department (so it moves the
 * record to the new school) and the audit entry written. The zip is written to a temporary name and renamed.
 */
Result<TransferOutResult> transferOut(store::Database& db, const Actor& actor, const TransferOutRequest& request,
                                      signing::Signer& signer);

/** One version in a package, as checked. */
struct ArrivingVersion
{
    packet::TransferItem item;
    QString schoolName; ///< of the school that signed it
    int grade = 0;
    bool ok = false;
    QStringList problems; ///< translated
};

/** What a package holds and what its checks found, before anything is written. */
struct TransferInspection
{
    packet::TransferStatement statement;
    QList<ArrivingVersion> versions;
    QStringList problems; ///< translated: statement signature, trust, wrong school, missing or extra or altered files
    bool ok() const;
};

/**
 * Reads and checks a package against this school file: the statement's signature (trusted by this school's trust
 * anchors at its signing time, role principal), that it names this school (toSchoolCode = the school's MOET code),
 * every listed version present with the listed digests and nothing unlisted, each packet and PDF verifying (the same
 * signing::verifyDocument as `hocba-cli verify`, this school's anchors) and carrying the statement's lookup code, level
 * and student, and that this school file does not have the lookup code yet. Touches nothing.
 */
Result<TransferInspection> inspectTransferPackage(store::Database& db, const QString& packagePath);

struct TransferInResult
{
    Id studentId = 0;
    Id recordId = 0;
    QString lookupCode;
    int versions = 0;
};

/**
 * inspectTransferPackage, then (only when everything passed; Right::ManageSchool) in one transaction: the student
 * (identity from the latest current packet), the record under the same lookup code, each received version as stored
 * read-only history (received_section), the statement, the audit entry, and the statement with the versions queued
 * for the Department; with `className`, also the pupil's draft section of the current school year in that class. A
 * package that fails any check is refused with the reasons and nothing is written.
 */
Result<TransferInResult> transferIn(store::Database& db, const Actor& actor, const QString& packagePath,
                                    const QString& className = {});

/** The years a record received from earlier schools, for the printed book and the desktop. */
struct ReceivedVersion
{
    Id id = 0;
    Id recordId = 0;
    packet::TransferItem item;
    QString schoolName;
    QByteArray packetXml;
    QByteArray pdf;
};
Result<QList<ReceivedVersion>> receivedVersions(store::Database& db, Id recordId);

} // namespace hocba::lifecycle

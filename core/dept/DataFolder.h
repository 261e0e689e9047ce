// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptStore.h"

#include <QString>

namespace hocba::dept {

/**
 * The Department's data folder (`hocba-dept init --data DIR`): dept.db (SQLite, unless the serve/admin commands are
 * given --database), department-key.pem (the receipt key, ECDSA P-256, mode 0600), department-cert.pem (its
 * self-signed certificate, which schools pin) and department.ini (the Department's name).
 */
struct DataFolder
{
    QString path;

    QString databasePath() const; ///< DIR/dept.db
    QString keyPath() const; ///< DIR/department-key.pem
    QString certificatePath() const; ///< DIR/department-cert.pem

    /** Makes the folder (0700), the key and certificate (CN = name, 10 years) and the database; refuses a used folder.
     */
    static Result<DataFolder> init(const QString& path, const QString& departmentName);
    /** Opens an initialised folder; NotFound with a message naming `hocba-dept init` when it is not one. */
    static Result<DataFolder> open(const QString& path);

    Result<QString> departmentName() const;
    /** A signer over the folder's key and certificate (detached CMS, CMS_CADES, DER); sets receipt.department to the
     * name. */
    Result<ReceiptSigning> receiptSigner() const;
};

/** A new school credential: 256 random bits as 64 lowercase hex characters; the store keeps only its SHA-256. */
QString newCredentialToken();
/** SHA-256 of a token's text (what DeptSession stores and looks up). */
QByteArray credentialDigest(const QString& token);

} // namespace hocba::dept

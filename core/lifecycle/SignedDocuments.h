// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "util/Error.h"
#include "verify/SignatureReport.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** One stored signature of a section version (table signed_document). */
struct SignedDocument
{
    qint64 id = 0;
    Id sectionId = 0;
    int version = 1;
    int seq = 1; ///< 1 for the first signer of this version, 2 for the next, …
    signing::SignerRole role = signing::SignerRole::Principal;
    QByteArray packetXml; ///< the packet with every signature up to and including this one
    QString packetDigest; ///< packetDigest(packetXml)
    /**
     * The signed PDF; only on the signature that completed the policy. Its latest extension (validation data and
     * archive time-stamps, table signed_document_extension) when it has one: the same bytes with updates appended.
     */
    QByteArray pdf;
    QByteArray certificate; ///< DER
    QString certificateSha256;
    QString signerName;
    QDateTime signedAt; ///< UTC, as written into the signatures
};

/**
 * The signed artifacts of year sections. Append-only: the database refuses UPDATE and DELETE, and INSERT unless the
 * section is `ready` (migration 0004); a PDF is extended only by appending (migration 0020).
 */
class SignedDocuments
{
public:
    explicit SignedDocuments(store::Database& db)
        : m_db(db)
    { }

    /** Every signature of one version, in signing order. */
    Result<QList<SignedDocument>> ofSection(Id sectionId, int version);
    /** The signature that completed the section (it carries the PDF), if the section is signed. */
    Result<std::optional<SignedDocument>> completed(Id sectionId, int version);
    /** Stores one signature; returns its row id. Runs in the caller's transaction. */
    Result<qint64> insert(const SignedDocument& doc);
    /**
     * Stores an extension of document `documentId`'s PDF (B-LTA, migration 0020); the database refuses a PDF that does
     * not begin with the document's current PDF. Runs in the caller's transaction.
     */
    Result<qint64> insertExtension(qint64 documentId, const QByteArray& pdf, const QDateTime& archiveTsaNotAfter);
    /** Document `documentId`'s current PDF (its latest extension, else the signed one); NotFound when no such row. */
    Result<QByteArray> currentPdf(qint64 documentId);

    /**
     * The SQL expression of a signed_document row's current PDF, for queries that select it beside other columns;
     * `row` names the signed_document table or its alias in the query.
     */
    static QString currentPdfSql(const QString& row);

private:
    Result<QList<SignedDocument>> query(const QString& where, Id sectionId, int version);
    store::Database& m_db;
};

} // namespace hocba::lifecycle

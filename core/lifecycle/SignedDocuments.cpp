// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/SignedDocuments.h"

#include "store/Database.h"
#include "verify/SignatureReport.h"

#include <QCoreApplication>

namespace hocba::lifecycle {

Result<QList<SignedDocument>> SignedDocuments::query(const QString& where, Id sectionId, int version)
{
    // The PDF is the latest extension's (archive time-stamps, migration 0020) when there is one.
    auto st = m_db.cached(QStringLiteral("SELECT id, section_id, version, seq, role, packet_xml, packet_digest, %2, "
                                         "certificate, certificate_sha256, signer_name, signed_at "
                                         "FROM signed_document WHERE section_id = ?1 AND version = ?2 %1 ORDER BY seq")
                              .arg(where, currentPdfSql(QStringLiteral("signed_document"))));
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, sectionId).bind(2, version);
    QList<SignedDocument> out;
    while (true) {
        auto row = (*st)->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        SignedDocument d;
        d.id = (*st)->int64(0);
        d.sectionId = (*st)->int64(1);
        d.version = int((*st)->int64(2));
        d.seq = int((*st)->int64(3));
        d.role = signing::roleFromCode((*st)->text(4)).value_or(signing::SignerRole::Principal);
        d.packetXml = (*st)->blob(5);
        d.packetDigest = (*st)->text(6);
        d.pdf = (*st)->blob(7);
        d.certificate = (*st)->blob(8);
        d.certificateSha256 = (*st)->text(9);
        d.signerName = (*st)->text(10);
        d.signedAt = QDateTime::fromString((*st)->text(11), Qt::ISODate);
        out << d;
    }
    (*st)->reset(); // a cached statement left at its last row would keep the read open
    return out;
}

Result<QList<SignedDocument>> SignedDocuments::ofSection(Id sectionId, int version)
{
    return query({}, sectionId, version);
}

Result<std::optional<SignedDocument>> SignedDocuments::completed(Id sectionId, int version)
{
    auto list = query(QStringLiteral("AND pdf IS NOT NULL"), sectionId, version);
    if (!list)
        return std::unexpected(list.error());
    if (list->isEmpty())
        return std::optional<SignedDocument> {};
    return std::optional(list->last());
}

QString SignedDocuments::currentPdfSql(const QString& row)
{
    return QStringLiteral("coalesce((SELECT e.pdf FROM signed_document_extension e WHERE e.document_id = %1.id "
                          "ORDER BY e.id DESC LIMIT 1), %1.pdf)")
        .arg(row);
}

Result<QByteArray> SignedDocuments::currentPdf(qint64 documentId)
{
    // Not cached: a cached statement left on its row would keep this connection's read snapshot open.
    auto st = m_db.prepare(
        QStringLiteral("SELECT %1 FROM signed_document d WHERE d.id = ?1").arg(currentPdfSql(QStringLiteral("d"))));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, documentId);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound,
                    QCoreApplication::translate("hocba::lifecycle::ArchiveTimestamps",
                                                "The signed record is no longer in the file."));
    return st->blob(0);
}

Result<qint64> SignedDocuments::insertExtension(qint64 documentId, const QByteArray& pdf,
                                                const QDateTime& archiveTsaNotAfter)
{
    auto st = m_db.cached(QStringLiteral("INSERT INTO signed_document_extension (document_id, pdf, added_at, "
                                         "archive_tsa_not_after) VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', "
                                         "'now'), ?3)"));
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, documentId).bind(2, pdf).bind(3, archiveTsaNotAfter.toUTC().toString(Qt::ISODate));
    if (auto s = (*st)->exec(); !s)
        return std::unexpected(s.error());
    return m_db.lastInsertId();
}

Result<qint64> SignedDocuments::insert(const SignedDocument& d)
{
    auto st = m_db.cached(QStringLiteral(
        "INSERT INTO signed_document (section_id, version, seq, role, packet_xml, packet_digest, pdf, certificate, "
        "certificate_sha256, signer_name, signed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
    if (!st)
        return std::unexpected(st.error());
    (*st)
        ->bind(1, d.sectionId)
        .bind(2, d.version)
        .bind(3, d.seq)
        .bind(4, signing::roleCode(d.role))
        .bind(5, d.packetXml)
        .bind(6, d.packetDigest)
        .bind(7, d.pdf.isEmpty() ? QByteArray() : d.pdf)
        .bind(8, d.certificate)
        .bind(9, d.certificateSha256)
        .bind(10, d.signerName)
        .bind(11, d.signedAt.toUTC().toString(Qt::ISODate));
    if (auto s = (*st)->exec(); !s)
        return std::unexpected(s.error());
    return m_db.lastInsertId();
}

} // namespace hocba::lifecycle

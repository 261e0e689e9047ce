// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/ArchiveTimestamps.h"

#include "lifecycle/BatchSignJob.h"
#include "lifecycle/SignedDocuments.h"
#include "lifecycle/TrustAnchors.h"
#include "lifecycle/TsaSettings.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "token/PdfSigner.h"
#include "verify/PdfVerifier.h"

#include <QCoreApplication>

#include <algorithm>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::ArchiveTimestamps)
};

/** The latest PDF of every signed_document row that carries one, with the extension's recorded expiry. */
struct StoredPdf
{
    ArchiveCandidate candidate;
    QDateTime recordedExpiry; ///< from the latest extension, when there is one
};

Result<QList<StoredPdf>> storedPdfs(store::Database& db)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT d.id, r.lookup_code, s.school_year, d.version, "
        "(SELECT e.archive_tsa_not_after FROM signed_document_extension e WHERE e.document_id = d.id "
        "ORDER BY e.id DESC LIMIT 1) "
        "FROM signed_document d JOIN year_section s ON s.id = d.section_id JOIN record r ON r.id = s.record_id "
        "WHERE d.pdf IS NOT NULL ORDER BY d.id"));
    if (!st)
        return std::unexpected(st.error());
    QList<StoredPdf> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return out;
        StoredPdf p;
        p.candidate.documentId = st->int64(0);
        p.candidate.lookupCode = st->text(1);
        p.candidate.schoolYear = st->text(2);
        p.candidate.version = int(st->int64(3));
        if (!st->isNull(4)) {
            p.recordedExpiry = QDateTime::fromString(st->text(4), Qt::ISODate);
            p.candidate.archived = true;
        }
        out << p;
    }
}

/** The expiry of the certificate of the PDF's last valid time-stamp: its last archive time-stamp, else the latest
 *  signature time-stamp. Invalid when it carries none. */
QDateTime lastTimestampExpiry(const signing::VerificationReport& report)
{
    if (const auto* a = report.lastArchiveTimestamp())
        return a->authorityCertificate.notAfter;
    QDateTime expiry;
    for (const auto& s : report.signatures)
        if (s.trustedTime && !s.timestampCertificate.der.isEmpty())
            expiry = s.timestampCertificate.notAfter; // the last signature's, in revision order
    return expiry;
}

Result<QList<ArchiveCandidate>> candidates(store::Database& db, const QList<QByteArray>& anchors)
{
    auto stored = storedPdfs(db);
    if (!stored)
        return std::unexpected(stored.error());
    QList<ArchiveCandidate> out;
    for (auto& p : *stored) {
        if (p.candidate.archived && p.recordedExpiry.isValid()) {
            // Checked when it was stored (extendArchiveTimestamps verifies before it commits); no need to parse again.
            p.candidate.lastTimestampExpiry = p.recordedExpiry;
        } else {
            auto pdf = SignedDocuments(db).currentPdf(p.candidate.documentId);
            if (!pdf)
                return std::unexpected(pdf.error());
            auto report = signing::PdfVerifier::verify(*pdf, anchors);
            if (report)
                p.candidate.lastTimestampExpiry = lastTimestampExpiry(*report);
        }
        out << p.candidate;
    }
    std::stable_sort(out.begin(), out.end(), [](const ArchiveCandidate& a, const ArchiveCandidate& b) {
        if (a.lastTimestampExpiry.isValid() != b.lastTimestampExpiry.isValid())
            return a.lastTimestampExpiry.isValid();
        return a.lastTimestampExpiry < b.lastTimestampExpiry;
    });
    return out;
}

bool isDue(const ArchiveCandidate& c, const QDateTime& limit)
{
    return c.lastTimestampExpiry.isValid() && c.lastTimestampExpiry <= limit;
}

/** The certificates of the PDF's signatures and time-stamps, and OCSP/CRL answers where they name services. */
Result<signing::ValidationData> validationData(const signing::VerificationReport& report,
                                               const QList<QByteArray>& anchors, const RevocationFetchOptions& options)
{
    // Each chain with the time its answers must speak about: a certificate revoked after the signature's (or the
    // time-stamp's) time does not make that signature invalid, so the answer is judged at that time, not now.
    QList<ChainToCover> chains;
    QList<QByteArray> known = anchors;
    for (const auto& s : report.signatures) {
        QList<QByteArray> chain {s.certificate.der};
        for (const auto& c : s.embeddedCertificates)
            if (c != s.certificate.der)
                chain << c;
        chains.append({chain, s.judgedTime()});
        known << s.embeddedCertificates;
        if (s.trustedTime)
            chains.append({s.timestampCertificates, *s.trustedTime});
    }
    for (const auto& a : report.archiveTimestamps)
        if (a.ok && !a.authorityCertificate.der.isEmpty())
            chains.append({{a.authorityCertificate.der}, a.time});
    return fetchValidationDataFor(chains, known, options);
}

/** One record: extend, verify, store with its audit entry in one transaction. */
Status extendOne(store::Database& db, const ArchiveCandidate& c, const QList<QByteArray>& anchors,
                 signing::Timestamper& tsa, const RevocationFetchOptions& revocation)
{
    auto pdf = SignedDocuments(db).currentPdf(c.documentId);
    if (!pdf)
        return std::unexpected(pdf.error());
    auto before = signing::PdfVerifier::verify(*pdf, anchors);
    if (!before)
        return std::unexpected(before.error());
    if (!before->ok())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("Its signed PDF does not verify, so it is not time-stamped again: check it with "
                             "\"hocba-cli audit verify\"."));
    auto data = validationData(*before, anchors, revocation);
    if (!data)
        return std::unexpected(data.error());
    auto withData = signing::PdfSigner::addValidationData(*pdf, *data);
    if (!withData)
        return std::unexpected(withData.error());
    auto archived = signing::PdfSigner::addDocumentTimestamp(*withData, tsa);
    if (!archived)
        return std::unexpected(archived.error());
    auto after = signing::PdfVerifier::verify(*archived, anchors);
    if (!after)
        return std::unexpected(after.error());
    const signing::ArchiveTimestampCheck* last = after->lastArchiveTimestamp();
    if (!after->ok() || !last || last->coveredUpTo != archived->size()) {
        return fail(ErrorCode::CertificateInvalid,
                    Text::tr("The archive time-stamp from the time-stamping server does not verify: is the server's "
                             "root certificate the one set with \"hocba-cli tsa set\"?"),
                    QStringLiteral("archive: verification failed"));
    }
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    if (auto id = SignedDocuments(db).insertExtension(c.documentId, *archived, last->authorityCertificate.notAfter);
        !id)
        return std::unexpected(id.error());
    if (auto ok = store::AuditLog(db).append(
            QStringLiteral("record.archive_timestamp"), QStringLiteral("signed_document"),
            QString::number(c.documentId), QStringLiteral("pdf"), std::nullopt,
            QStringLiteral("archive time-stamp %1, valid until %2")
                .arg(last->time.toString(Qt::ISODate), last->authorityCertificate.notAfter.toString(Qt::ISODate)));
        !ok)
        return ok;
    return tx.commit();
}

} // namespace

Result<QList<ArchiveCandidate>> archiveCandidates(store::Database& db)
{
    auto store = TrustAnchors::load(db);
    if (!store)
        return std::unexpected(store.error());
    return candidates(db, store->anchorsDer());
}

Result<ArchiveReminder> archiveReminder(store::Database& db, int withinDays, const QDateTime& now)
{
    auto list = archiveCandidates(db);
    if (!list)
        return std::unexpected(list.error());
    ArchiveReminder r;
    const QDateTime limit = now.addDays(withinDays);
    for (const auto& c : *list) {
        if (c.lastTimestampExpiry.isValid())
            ++r.timestamped;
        if (!isDue(c, limit))
            continue;
        ++r.due;
        if (!r.earliestExpiry.isValid() || c.lastTimestampExpiry < r.earliestExpiry)
            r.earliestExpiry = c.lastTimestampExpiry;
    }
    return r;
}

Result<ExtendReport> extendArchiveTimestamps(store::Database& db, const Actor& actor, const ExtendOptions& options)
{
    if (auto ok = permit(db, actor, Right::Report); !ok)
        return std::unexpected(ok.error());
    std::unique_ptr<signing::Timestamper> own;
    signing::Timestamper* tsa = options.timestamper;
    if (!tsa) {
        auto settings = tsaSettings(db);
        if (!settings)
            return std::unexpected(settings.error());
        if (!*settings)
            return fail(ErrorCode::InvalidInput,
                        Text::tr("No time-stamping server is set for the school, so no archive time-stamp can be "
                                 "added. Set the one of your certification service provider with \"hocba-cli tsa "
                                 "set\" (or in the school's settings) first."));
        own = makeTimestamper(**settings);
        tsa = own.get();
    }
    auto store = TrustAnchors::load(db);
    if (!store)
        return std::unexpected(store.error());
    const QList<QByteArray> anchors = store->anchorsDer();
    auto list = candidates(db, anchors);
    if (!list)
        return std::unexpected(list.error());
    const QDateTime limit = options.now.addDays(options.withinDays);
    QList<ArchiveCandidate> chosen;
    for (const auto& c : *list)
        if (options.all || isDue(c, limit))
            chosen << c;
    ExtendReport report;
    report.due = int(chosen.size());
    int done = 0;
    for (const auto& c : chosen) {
        if (options.cancel && options.cancel->isCancelled()) {
            report.cancelled = true;
            report.stopped = Error {ErrorCode::Cancelled, Text::tr("Stopped at your request."), {}};
            break;
        }
        auto ok = extendOne(db, c, anchors, *tsa, options.revocation);
        ++done;
        if (ok) {
            ++report.extended;
        } else if (isTimestampError(ok.error())) {
            report.stopped = ok.error();
            if (options.progress)
                options.progress(done, report.due, c.lookupCode, false);
            break;
        } else {
            report.failed << ExtendFailure {c.lookupCode, c.schoolYear, c.version, ok.error().message};
        }
        if (options.progress)
            options.progress(done, report.due, c.lookupCode, ok.has_value());
    }
    return report;
}

} // namespace hocba::lifecycle

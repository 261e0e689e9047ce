// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/AuditCheckpoints.h"

#include "lifecycle/TrustAnchors.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "token/CmsSigner.h"
#include "util/Digest.h"
#include "util/Text.h"
#include "verify/CertificatePolicy.h"
#include "verify/DetachedCms.h"
#include "verify/SignatureReport.h"
#include "verify/TrustStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>
#include <utility>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::AuditCheckpoints)
};

/** A checkpoint's content is about 300 bytes; anything far larger is not one and is not parsed. */
constexpr qsizetype kMaxContentBytes = 4096;

QString isoSeconds(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString sha256Hex(const QByteArray& data)
{
    return QString::fromLatin1(digest::sha256(data).toHex());
}

QByteArray contentOf(const AuditCheckpoint& c)
{
    // QJsonObject keeps its keys sorted, so the bytes follow from the values alone.
    const QJsonObject school {{QStringLiteral("code"), c.schoolCode}, {QStringLiteral("name"), c.schoolName}};
    const QJsonObject o {{QStringLiteral("format"), QLatin1String(kCheckpointFormat)},
                         {QStringLiteral("version"), kCheckpointVersion},
                         {QStringLiteral("headId"), c.headId},
                         {QStringLiteral("headHash"), c.headHash},
                         {QStringLiteral("at"), isoSeconds(c.at)},
                         {QStringLiteral("school"), school},
                         {QStringLiteral("role"), signing::roleCode(c.role)}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/** The signed values; nullopt when `content` is not a checkpoint of this format and version. */
std::optional<AuditCheckpoint> parseContent(const QByteArray& content)
{
    if (content.size() > kMaxContentBytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kCheckpointFormat)
        || o.value(QStringLiteral("version")).toInteger(-1) != kCheckpointVersion)
        return std::nullopt;
    AuditCheckpoint c;
    c.headId = o.value(QStringLiteral("headId")).toInteger(-1);
    c.headHash = o.value(QStringLiteral("headHash")).toString();
    c.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODate);
    const QJsonObject school = o.value(QStringLiteral("school")).toObject();
    c.schoolCode = school.value(QStringLiteral("code")).toString();
    c.schoolName = school.value(QStringLiteral("name")).toString();
    const auto role = signing::roleFromCode(o.value(QStringLiteral("role")).toString());
    if (c.headId < 0 || c.headHash.size() != 64 || !c.at.isValid() || !role)
        return std::nullopt;
    c.role = *role;
    c.content = content;
    return c;
}

Status readSchool(store::Database& db, AuditCheckpoint& c)
{
    auto st = db.prepare(QStringLiteral("SELECT moet_code, name FROM school WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (*row) {
        c.schoolCode = st->text(0);
        c.schoolName = st->text(1);
    }
    return {};
}

Status insertCheckpoint(store::Database& db, AuditCheckpoint& c)
{
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto st = db.prepare(QStringLiteral("INSERT INTO audit_checkpoint (made_at, role, head_id, head_hash, "
                                        "certificate_sha256, content, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, isoSeconds(c.at)).bind(2, signing::roleCode(c.role)).bind(3, c.headId).bind(4, c.headHash);
    st->bind(5, c.certificateSha256).bind(6, c.content).bind(7, c.signature);
    if (auto s = st->exec(); !s)
        return s;
    c.id = db.lastInsertId();
    if (auto s = store::AuditLog(db).append(QStringLiteral("audit.checkpoint"), QStringLiteral("audit_checkpoint"),
                                            QString::number(c.id), signing::roleCode(c.role), std::nullopt,
                                            QStringLiteral("%1 %2").arg(c.headId).arg(c.headHash));
        !s)
        return s;
    return tx.commit();
}

/** A checkpoint row as stored: the columns may have been edited, so they are compared with the signed content. */
struct StoredCheckpoint
{
    qint64 id = 0;
    QString madeAt;
    QString role;
    qint64 headId = 0;
    QString headHash;
    QString certificateSha256;
    QByteArray content;
    QByteArray signature;
};

Result<QList<StoredCheckpoint>> storedCheckpoints(store::Database& db)
{
    return store::queryList<StoredCheckpoint>(
        db,
        QStringLiteral("SELECT id, made_at, role, head_id, head_hash, certificate_sha256, content, signature "
                       "FROM audit_checkpoint ORDER BY id"),
        [](store::Statement& st) {
            return StoredCheckpoint {st.int64(0), st.text(1), st.text(2), st.int64(3),
                                     st.text(4),  st.text(5), st.blob(6), st.blob(7)};
        });
}

Finding error(const QString& code, const QString& field, const QString& message)
{
    return Finding {Finding::Severity::Error, code, field, message};
}

QString checkpointField(qint64 id)
{
    return QStringLiteral("checkpoint:%1").arg(id);
}

QString holderOf(const QByteArray& certificateDer)
{
    auto info = signing::CertificateInfo::fromDer(certificateDer);
    if (!info)
        return {};
    return info->holder.isEmpty() ? info->subject : info->holder;
}

/** Whether the audit entry the checkpoint names still has the signed hash; a finding when it does not. */
Result<std::optional<Finding>> checkChainEntry(store::Database& db, const AuditCheckpoint& c, const QString& who)
{
    auto st = db.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE id = ?1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, c.headId);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    const QString field = checkpointField(c.id);
    const QString when = text::shownDateTime(c.at);
    if (!*row && c.headId > 0)
        return std::optional(error(
            QStringLiteral("audit.checkpoint.entry-missing"), field,
            Text::tr("Audit checkpoint %1 (made on %2, signed by %3) vouches for audit entry %4, which is missing: "
                     "the audit log was cut or rewritten before that entry.")
                .arg(QString::number(c.id), when, who, QString::number(c.headId))));
    const QString stored = *row ? st->text(0) : store::AuditLog::genesisHash();
    if (stored != c.headHash)
        return std::optional(
            error(QStringLiteral("audit.checkpoint.entry-changed"), field,
                  Text::tr("Audit checkpoint %1 (made on %2, signed by %3) vouches for audit entry %4, but that "
                           "entry's hash has changed since: the audit log was rewritten up to that entry.")
                      .arg(QString::number(c.id), when, who, QString::number(c.headId))));
    return std::optional<Finding> {};
}

/**
 * Checks one stored checkpoint. On success `valid` gets its signed values and signer; otherwise the finding says
 * what is wrong with it.
 */
Result<std::optional<Finding>> checkCheckpoint(store::Database& db, const signing::CertificatePolicy& policy,
                                               const StoredCheckpoint& row, AuditCheckpoint& valid)
{
    const QString field = checkpointField(row.id);
    auto parsed = parseContent(row.content);
    if (!parsed)
        return std::optional(error(QStringLiteral("audit.checkpoint.unreadable"), field,
                                   Text::tr("Audit checkpoint %1 cannot be read: it is not a checkpoint this "
                                            "program made.")
                                       .arg(row.id)));
    parsed->id = row.id;
    const signing::DetachedCmsCheck cms = signing::checkDetachedCms(row.signature, row.content);
    if (!cms.intact)
        return std::optional(
            error(QStringLiteral("audit.checkpoint.signature"), field,
                  Text::tr("Audit checkpoint %1: its signature is not valid. %2").arg(row.id).arg(cms.problem)));
    parsed->certificateSha256 = sha256Hex(cms.signerCertificate);
    if (row.headId != parsed->headId || row.headHash != parsed->headHash || row.role != signing::roleCode(parsed->role)
        || row.madeAt != isoSeconds(parsed->at) || row.certificateSha256 != parsed->certificateSha256)
        return std::optional(error(QStringLiteral("audit.checkpoint.altered"), field,
                                   Text::tr("Audit checkpoint %1 was altered: what the file says about it differs "
                                            "from what was signed.")
                                       .arg(row.id)));
    // The same policy signing applies (key usage, validity, trusted chain), at the checkpoint's signed time.
    auto verdict = policy.check(cms.signerCertificate, cms.otherCertificates, parsed->at);
    if (!verdict)
        return std::optional(error(QStringLiteral("audit.checkpoint.certificate"), field,
                                   Text::tr("Audit checkpoint %1 is not signed with an acceptable signing "
                                            "certificate: %2")
                                       .arg(row.id)
                                       .arg(verdict.error().message)));
    auto entry = checkChainEntry(db, *parsed, holderOf(cms.signerCertificate));
    if (!entry || *entry)
        return entry;
    valid = std::move(*parsed);
    return std::optional<Finding> {};
}

/**
 * A checkpoint and its audit entry are written in one transaction, so each has the other. An entry without its
 * checkpoint means the checkpoint was deleted; a checkpoint without its entry means the log was cut after it.
 */
Status findUnpairedCheckpoints(store::Database& db, Findings& findings)
{
    struct Unpaired
    {
        qint64 entryId = 0;
        QString checkpoint;
        bool entryWithoutCheckpoint = false; ///< else a checkpoint without its entry
    };
    auto unpaired = store::queryList<Unpaired>(
        db,
        QStringLiteral(
            "SELECT a.id, a.entity_id, 0 FROM audit_log a WHERE a.action = 'audit.checkpoint' AND NOT EXISTS "
            "(SELECT 1 FROM audit_checkpoint c WHERE CAST(c.id AS TEXT) = a.entity_id) "
            "UNION ALL SELECT 0, CAST(c.id AS TEXT), 1 FROM audit_checkpoint c WHERE NOT EXISTS (SELECT 1 FROM "
            "audit_log a WHERE a.action = 'audit.checkpoint' AND a.entity_id = CAST(c.id AS TEXT))"),
        [](store::Statement& st) {
            return Unpaired {st.int64(0), st.text(1), st.int64(2) == 0};
        });
    if (!unpaired)
        return std::unexpected(unpaired.error());
    for (const Unpaired& u : *unpaired) {
        const QString field = checkpointField(u.checkpoint.toLongLong());
        if (u.entryWithoutCheckpoint)
            findings << error(QStringLiteral("audit.checkpoint.deleted"), field,
                              Text::tr("Audit entry %1 records audit checkpoint %2, which is no longer in the file: "
                                       "it was deleted.")
                                  .arg(QString::number(u.entryId), u.checkpoint));
        else
            findings << error(QStringLiteral("audit.checkpoint.unrecorded"), field,
                              Text::tr("Audit checkpoint %1 is not recorded in the audit log: the newest entries "
                                       "of the log were cut.")
                                  .arg(u.checkpoint));
    }
    return {};
}

/** A valid checkpoint, as far as coverage needs it. */
struct Vouch
{
    qint64 headId = 0;
    QDateTime at;
};

/** The audit entry a section signature wrote ("section.sign"): chained, so it dates the signature within the log. */
struct SignEntry
{
    qint64 id = 0;
    QString certificateSha256;
};

/** The "section.sign" entries by section and role ("12/principal"), oldest first. */
Result<QHash<QString, QList<SignEntry>>> signEntries(store::Database& db)
{
    auto rows = store::queryList<std::pair<QString, SignEntry>>(
        db,
        QStringLiteral("SELECT id, entity_id, field, new_value FROM audit_log WHERE action = 'section.sign' AND "
                       "entity = 'year_section' ORDER BY id"),
        [](store::Statement& st) {
            return std::pair {st.text(1) + QLatin1Char('/') + st.text(2), SignEntry {st.int64(0), st.text(3)}};
        });
    if (!rows)
        return std::unexpected(rows.error());
    QHash<QString, QList<SignEntry>> entries;
    for (const auto& [key, entry] : *rows)
        entries[key] << entry;
    return entries;
}

/** A stored signature, as coverage needs it. */
struct SignedSignature
{
    qint64 sectionId = 0;
    QString key; ///< section and role, as signEntries keys them
    QByteArray certificate;
    QDateTime signedAt;
};

/** Every stored signature, by section and role, in signing order. */
Result<QList<SignedSignature>> signedSignatures(store::Database& db)
{
    return store::queryList<SignedSignature>(
        db,
        QStringLiteral(
            "SELECT section_id, role, certificate, signed_at FROM signed_document ORDER BY section_id, role, version"),
        [](store::Statement& st) {
            return SignedSignature {st.int64(0), st.text(0) + QLatin1Char('/') + st.text(1), st.blob(2),
                                    QDateTime::fromString(st.text(3), Qt::ISODate)};
        });
}

/** Signed sections of one certificate that no valid checkpoint of it covers. */
struct Uncovered
{
    int count = 0;
    qint64 firstSection = 0;
    QDateTime firstSignedAt;
    QString holder;
};

void addUncovered(QHash<QString, Uncovered>& uncovered, const QString& sha, qint64 sectionId, const QDateTime& signedAt,
                  const QByteArray& certificate)
{
    Uncovered& u = uncovered[sha];
    if (u.count++ == 0)
        u.holder = holderOf(certificate);
    if (u.count == 1 || (signedAt.isValid() && signedAt < u.firstSignedAt)) {
        u.firstSection = sectionId;
        u.firstSignedAt = signedAt;
    }
}

/**
 * Every signed section must be covered by a valid checkpoint of its certificate made after it was signed: one whose
 * head is at or after the signature's own audit entry (the k-th signature of a section and role has the k-th
 * "section.sign" entry), and whose time is at or after the signing time. The entry is what counts: the chain before
 * a checkpoint's head cannot be changed unnoticed, while the signing time is a column that could be back-dated.
 * `vouches`: certificate SHA-256 → its valid checkpoints.
 */
Status checkCoverage(store::Database& db, const QHash<QString, QList<Vouch>>& vouches, CheckpointVerification& v)
{
    auto entries = signEntries(db);
    if (!entries)
        return std::unexpected(entries.error());
    auto signatures = signedSignatures(db);
    if (!signatures)
        return std::unexpected(signatures.error());
    QHash<QString, Uncovered> uncovered;
    QHash<QString, int> nth; // signatures seen so far per section and role
    for (const SignedSignature& s : *signatures) {
        ++v.signedDocuments;
        const QString sha = sha256Hex(s.certificate);
        const SignEntry entry = entries->value(s.key).value(nth[s.key]++);
        const bool covered = entry.id > 0 && entry.certificateSha256 == sha && s.signedAt.isValid()
            && std::ranges::any_of(vouches.value(sha),
                                   [&](const Vouch& c) { return c.headId >= entry.id && c.at >= s.signedAt; });
        if (!covered)
            addUncovered(uncovered, sha, s.sectionId, s.signedAt, s.certificate);
    }
    QList<Uncovered> found = uncovered.values();
    std::ranges::sort(found, {}, &Uncovered::firstSignedAt);
    for (const Uncovered& u : found)
        v.findings << error(
            QStringLiteral("audit.checkpoint.uncovered"), QStringLiteral("section:%1").arg(u.firstSection),
            Text::tr("%1 signed section(s) signed by %2 are not covered by an audit checkpoint of that certificate "
                     "(the first: section %3, signed on %4). Checkpoints were deleted, or the signing stopped "
                     "before it could make one; in that case, sign again with the same token to make one.")
                .arg(QString::number(u.count), u.holder, QString::number(u.firstSection),
                     text::shownDateTime(u.firstSignedAt)));
    return {};
}

} // namespace

Result<AuditCheckpoint> makeAuditCheckpoint(store::Database& db, signing::Signer& signer, signing::SignerRole role)
{
    AuditCheckpoint c;
    auto head = store::AuditLog(db).head();
    if (!head)
        return std::unexpected(head.error());
    c.headId = head->id;
    c.headHash = head->hash;
    if (auto s = readSchool(db, c); !s)
        return std::unexpected(s.error());
    c.at = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    c.role = role;
    c.certificateSha256 = sha256Hex(signer.certificate());
    c.content = contentOf(c);
    // The head read above may gain entries before the row is written; the checkpoint stays true for that head,
    // and the next checkpoint covers the rest.
    auto signature = signing::signDetachedCms(digest::sha256(c.content), signer);
    if (!signature)
        return std::unexpected(signature.error());
    c.signature = std::move(*signature);
    if (auto s = insertCheckpoint(db, c); !s)
        return std::unexpected(s.error());
    return c;
}

Result<CheckpointVerification> verifyAuditCheckpoints(store::Database& db)
{
    auto trust = lifecycle::TrustAnchors::load(db);
    if (!trust)
        return std::unexpected(trust.error());
    const signing::CertificatePolicy policy(std::move(*trust));
    auto rows = storedCheckpoints(db);
    if (!rows)
        return std::unexpected(rows.error());
    CheckpointVerification v;
    QHash<QString, QList<Vouch>> vouches;
    for (const StoredCheckpoint& row : *rows) {
        ++v.checkpoints;
        AuditCheckpoint valid;
        auto finding = checkCheckpoint(db, policy, row, valid);
        if (!finding)
            return std::unexpected(finding.error());
        if (*finding) {
            v.findings << **finding;
            continue;
        }
        ++v.validCheckpoints;
        v.lastVouchedEntry = std::max(v.lastVouchedEntry, valid.headId);
        vouches[valid.certificateSha256] << Vouch {valid.headId, valid.at};
    }
    if (auto s = findUnpairedCheckpoints(db, v.findings); !s)
        return std::unexpected(s.error());
    if (auto s = checkCoverage(db, vouches, v); !s)
        return std::unexpected(s.error());
    return v;
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/RecordDocuments.h"

#include "lifecycle/Department.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SchoolFileCheck.h"
#include "lifecycle/Transfer.h"
#include "packet/PacketDigest.h"
#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "store/StudentRepository.h"
#include "util/Digest.h"
#include "verify/DocumentVerifier.h"

#include <QCoreApplication>
#include <QSet>

#include <memory>
#include <vector>

namespace hocba::lifecycle {

Result<render::RenderInput> renderInputForRecord(store::Database& db, Id recordId)
{
    auto sections = store::StudentRepository(db).sectionsOfRecord(recordId);
    if (!sections)
        return std::unexpected(sections.error());
    auto received = receivedYears(db, recordId);
    if (!received)
        return std::unexpected(received.error());
    lifecycle::PacketBuilder builder(db);
    if (sections->isEmpty() && received->isEmpty()) // no year yet, or no such record: the builder tells which
        if (auto none = builder.buildRecord(recordId); !none)
            return std::unexpected(none.error());
    // The latest version of each year (sectionsOfRecord orders by year, then version).
    QList<YearSection> latest;
    for (const YearSection& s : *sections) {
        if (!latest.isEmpty() && latest.last().schoolYear == s.schoolYear)
            latest.last() = s;
        else
            latest.append(s);
    }
    std::optional<QList<QByteArray>> anchors; // read once, and only for a record with a signed year
    render::RenderInput input;
    input.received = std::move(*received);
    for (const YearSection& s : latest) {
        if (isIssuedState(s.state)) {
            // A signed year is printed from its signed packet alone, and only when the stored files verify.
            if (!anchors) {
                auto loaded = schoolTrustAnchors(db);
                if (!loaded)
                    return std::unexpected(loaded.error());
                anchors = std::move(*loaded);
            }
            auto verified = verifiedSignedSection(db, s.id, *anchors);
            if (!verified)
                return std::unexpected(verified.error());
            QDateTime lockedAt;
            if (s.state == SectionState::Locked) {
                auto locked = verifiedLockDate(db, s.id, s.version, verified->packet.lookupCode,
                                               packet::packetDigestFromSha256(verified->packetSha256));
                if (!locked)
                    return std::unexpected(locked.error());
                lockedAt = locked->value_or(QDateTime());
            }
            input.years.append(std::move(verified->packet));
            input.packetSha256.append(verified->packetSha256);
            input.lockedAt.append(lockedAt);
            continue;
        }
        auto p = builder.build(s.id);
        if (!p)
            return std::unexpected(p.error());
        auto bytes = packet::writePacket(*p);
        if (!bytes)
            return std::unexpected(bytes.error());
        input.packetSha256.append(digest::sha256(*bytes));
        input.years.append(std::move(*p));
        input.lockedAt.append(QDateTime());
    }
    return input;
}

Result<QList<render::ReceivedYear>> receivedYears(store::Database& db, Id recordId)
{
    auto versions = receivedVersions(db, recordId);
    if (!versions)
        return std::unexpected(versions.error());
    QList<render::ReceivedYear> out;
    if (versions->isEmpty())
        return out;
    auto anchors = schoolTrustAnchors(db);
    if (!anchors)
        return std::unexpected(anchors.error());
    auto codes = store::queryList<QString>(db, QStringLiteral("SELECT lookup_code FROM record WHERE id = ?1"),
                                           [](store::Statement& st) { return st.text(0); }, {recordId});
    if (!codes)
        return std::unexpected(codes.error());
    for (const ReceivedVersion& v : *versions) {
        // The version the earlier school had in force; its superseded and revoked ones stay stored, not printed.
        if (v.item.state != QLatin1String("current"))
            continue;
        // Checked on receipt, and again before the book says "signed by" that school: a school file can be edited
        // outside the program, and the pages must be the ones the packet's school signed.
        const QString year = v.item.schoolYearStart > 0 ? SchoolYear {v.item.schoolYearStart}.toString() : QString();
        auto refused = [&](const QString& detail) {
            return fail(ErrorCode::InvalidInput,
                        QCoreApplication::translate("hocba::lifecycle::RecordDocuments",
                                                    "The signed files of school year %1, received from %2, do not "
                                                    "verify, so the record is not printed.")
                            .arg(year, v.schoolName),
                        detail);
        };
        auto packetCheck = signing::verifyDocument(v.packetXml, *anchors);
        auto pdfCheck = signing::verifyDocument(v.pdf, *anchors);
        if (!packetCheck || !packetCheck->ok() || !pdfCheck || !pdfCheck->ok())
            return refused(QStringLiteral("received %1: signature").arg(v.id));
        if (pdfCheck->packetDigest != packet::packetDigest(v.packetXml)
            || v.item.packetDigest != packetCheck->packetDigest
            || v.item.pdfSha256 != QString::fromLatin1(digest::sha256(v.pdf).toHex()))
            return refused(QStringLiteral("received %1: digests").arg(v.id));
        auto p = packet::readPacket(v.packetXml);
        if (!p)
            return std::unexpected(p.error());
        if (codes->isEmpty() || p->lookupCode != codes->first())
            return refused(QStringLiteral("received %1: lookup code").arg(v.id));
        out.append(render::ReceivedYear {std::move(*p), digest::sha256(v.packetXml), v.schoolName, v.pdf});
    }
    return out;
}

Result<QList<Id>> recordsOfYear(store::Database& db, SchoolYear year, const std::optional<QString>& className)
{
    auto sections = lifecycle::sectionsToExport(db, year, className);
    if (!sections)
        return std::unexpected(sections.error());
    QList<Id> records;
    QSet<Id> seen;
    for (Id section : *sections) {
        auto record = recordOfSection(db, section);
        if (!record)
            return std::unexpected(record.error());
        if (!seen.contains(*record)) {
            seen.insert(*record);
            records.append(*record);
        }
    }
    return records;
}

Result<Id> recordOfSection(store::Database& db, Id sectionId)
{
    auto ids = store::queryList<Id>(db, QStringLiteral("SELECT record_id FROM year_section WHERE id = ?1"),
                                    [](store::Statement& st) { return st.int64(0); }, {sectionId});
    if (!ids)
        return std::unexpected(ids.error());
    if (ids->isEmpty())
        return fail(ErrorCode::NotFound,
                    QCoreApplication::translate("hocba::lifecycle::RecordDocuments",
                                                "The school year of this record no longer exists."));
    return ids->first();
}

QList<BookOutcome> renderBooks(const QString& dbPath, const QList<Id>& records, const render::BatchOptions& options,
                               const BookOutput& output, const std::function<void(store::Database&)>& connectionReady)
{
    // One connection per worker thread, closed when the batch's pool ends its threads.
    const auto connection = [dbPath]() -> Result<store::Database*> {
        thread_local std::unique_ptr<store::Database> local;
        thread_local QString localPath;
        if (!local || localPath != dbPath) {
            auto opened = store::Database::openExisting(dbPath);
            if (!opened)
                return std::unexpected(opened.error());
            local = std::move(*opened);
            localPath = dbPath;
        }
        return local.get();
    };
    // Each job writes only its own slots; a record's input lives from its packets to its output.
    std::vector<QString> lookupCodes(size_t(records.size()));
    std::vector<std::optional<render::RenderInput>> inputs(size_t(records.size()));
    std::vector<store::Database*> connections(size_t(records.size()), nullptr);
    QList<render::RenderJob> batch;
    batch.reserve(records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const Id recordId = records.at(i);
        const size_t slot = size_t(i);
        render::RenderJob job;
        job.input = [&, recordId, slot]() -> Result<render::RenderInput> {
            auto conn = connection();
            if (!conn)
                return std::unexpected(conn.error());
            if (connectionReady)
                connectionReady(**conn);
            connections[slot] = *conn;
            auto input = renderInputForRecord(**conn, recordId);
            if (input && !input->years.isEmpty())
                lookupCodes[slot] = input->years.first().lookupCode;
            else if (input && !input->received.isEmpty())
                lookupCodes[slot] = input->received.first().packet.lookupCode;
            if (input && output)
                inputs[slot] = *input;
            return input;
        };
        if (output)
            job.output = [&, slot](const QByteArray& pdf) -> Status {
                const render::RenderInput input = std::move(*inputs[slot]);
                inputs[slot].reset();
                return output(qsizetype(slot), input, pdf, *connections[slot]);
            };
        batch.append(std::move(job));
    }
    const QList<render::RenderOutcome> outcomes = render::renderBatch(batch, options);
    QList<BookOutcome> out;
    out.reserve(outcomes.size());
    for (qsizetype i = 0; i < outcomes.size(); ++i)
        out.append({outcomes[i].status, lookupCodes[size_t(i)], outcomes[i].pdfSize});
    return out;
}

} // namespace hocba::lifecycle

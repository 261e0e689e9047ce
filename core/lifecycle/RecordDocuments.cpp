// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/RecordDocuments.h"

#include "packet/PacketBuilder.h"
#include "packet/PacketWriter.h"
#include "store/Database.h"
#include "store/SqlUtil.h"

#include "util/Digest.h"
#include <QCoreApplication>
#include <QSet>

namespace hocba::lifecycle {

Result<render::RenderInput> renderInputForRecord(store::Database& db, Id recordId)
{
    auto packets = packet::buildRecordPackets(db, recordId);
    if (!packets)
        return std::unexpected(packets.error());
    render::RenderInput input;
    for (const packet::Packet& p : *packets) {
        auto bytes = packet::writePacket(p);
        if (!bytes)
            return std::unexpected(bytes.error());
        input.packetSha256.append(digest::sha256(*bytes));
        input.years.append(p);
    }
    return input;
}

Result<QList<Id>> recordsOfYear(store::Database& db, SchoolYear year, const std::optional<QString>& className)
{
    auto sections = packet::sectionsToExport(db, year, className);
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

} // namespace hocba::lifecycle

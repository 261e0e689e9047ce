// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/RecordDocuments.h"

#include "lifecycle/Department.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SchoolFileCheck.h"
#include "packet/PacketDigest.h"
#include "packet/PacketWriter.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "store/StudentRepository.h"
#include "util/Digest.h"

#include <QCoreApplication>
#include <QSet>

namespace hocba::lifecycle {

Result<render::RenderInput> renderInputForRecord(store::Database& db, Id recordId)
{
    auto sections = store::StudentRepository(db).sectionsOfRecord(recordId);
    if (!sections)
        return std::unexpected(sections.error());
    lifecycle::PacketBuilder builder(db);
    if (sections->isEmpty()) // no year yet, or no such record: the builder tells which
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

} // namespace hocba::lifecycle

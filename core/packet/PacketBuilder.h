// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"
#include "util/Error.h"

#include <QHash>
#include <QList>

#include <memory>
#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::packet {

struct BuildOptions
{
    /** When the packet is made; default now. Whole seconds in UTC are kept (the format has no fractions). */
    QDateTime createdAt;
};

/**
 * Makes packets from the store: one year section plus the record's identity (ARCHITECTURE.md §5). Results are
 * computed by the rules from the section's inputs, never guessed. A section that is not signed, submitted or locked
 * gives a draft (revoked and superseded ones too: they are no longer a valid issue); only drafts carry lint
 * findings. Database ids are not part of a packet (they mean nothing outside this file) and are left 0.
 * Caches the school, classes and teachers, so one builder serves a whole export. Not thread-safe.
 */
class PacketBuilder
{
public:
    explicit PacketBuilder(store::Database& db, BuildOptions options = {});
    ~PacketBuilder();
    PacketBuilder(const PacketBuilder&) = delete;
    PacketBuilder& operator=(const PacketBuilder&) = delete;

    /** The packet of one year section; NotFound when the section does not exist. */
    Result<Packet> build(Id sectionId);
    /** Every year of one record, in year order, the current (latest) version of each (the PDF book needs them all). */
    Result<QList<Packet>> buildRecord(Id recordId);

private:
    struct Cache;
    store::Database& m_db;
    BuildOptions m_options;
    std::unique_ptr<Cache> m_cache;
};

/** One section of one record. */
Result<Packet> buildPacket(store::Database& db, Id sectionId, const BuildOptions& options = {});
/** All years of one record in year order (latest version of each). */
Result<QList<Packet>> buildRecordPackets(store::Database& db, Id recordId, const BuildOptions& options = {});

/**
 * The year sections to export for a school year: the current (latest) version of each record's section, class by
 * class (grade, then class name), students in class-list order; sections without a class last. With `className`,
 * only that class of that year (NotFound when the year has no such class).
 */
Result<QList<Id>> sectionsToExport(store::Database& db, SchoolYear year, const std::optional<QString>& className = {});

} // namespace hocba::packet

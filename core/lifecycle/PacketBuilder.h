// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"
#include "util/Error.h"

#include <QList>

#include <memory>
#include <optional>

namespace hocba::store {
class Database;
class SectionRepository;
} // namespace hocba::store

namespace hocba::lifecycle {

struct BuildOptions
{
    /** When the packet is made; default now. Whole seconds in UTC are kept (the format has no fractions). */
    QDateTime createdAt;
};

/**
 * Makes packets from the store: one year section plus the record's identity (ARCHITECTURE.md §5). The store gives each
 * section whole, as values (store::SectionRepository); the builder turns them into a packet. Results are
 * computed by the rules from the section's inputs, never guessed. A section that is not signed, submitted or locked
 * gives a draft (revoked and superseded ones too: they are no longer a valid issue); only drafts carry lint
 * findings. Database ids are not part of a packet (they mean nothing outside this file) and are left 0.
 * Its repository caches the school, classes and teachers, so one builder serves a whole export. Not thread-safe.
 */
class PacketBuilder
{
public:
    explicit PacketBuilder(store::Database& db, BuildOptions options = {});
    ~PacketBuilder();
    PacketBuilder(const PacketBuilder&) = delete;
    PacketBuilder& operator=(const PacketBuilder&) = delete;

    /** The packet of one year section; NotFound when the section does not exist. */
    Result<packet::Packet> build(Id sectionId);
    /** Every year of one record, in year order, the current (latest) version of each (the PDF book needs them all). */
    Result<QList<packet::Packet>> buildRecord(Id recordId);

private:
    BuildOptions m_options;
    std::unique_ptr<store::SectionRepository> m_sections;
};

/** One section of one record. */
Result<packet::Packet> buildPacket(store::Database& db, Id sectionId, const BuildOptions& options = {});
/** All years of one record in year order (latest version of each). */
Result<QList<packet::Packet>> buildRecordPackets(store::Database& db, Id recordId, const BuildOptions& options = {});

/**
 * The year sections to export for a school year: the current (latest) version of each record's section, class by
 * class (grade, then class name), students in class-list order; sections without a class last. With `className`,
 * only that class of that year (NotFound when the year has no such class).
 */
Result<QList<Id>> sectionsToExport(store::Database& db, SchoolYear year, const std::optional<QString>& className = {});

} // namespace hocba::lifecycle

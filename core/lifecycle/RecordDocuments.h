// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "render/RecordRenderer.h"
#include "util/Error.h"

#include <QList>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/**
 * What the printed book of one record is made from: the packet of every year of the record and each packet's SHA-256
 * for the QR codes. A signed (submitted, locked) year is its stored signed packet, never live tables, and only when
 * its stored documents pass verifiedSignedSection: otherwise the whole book is refused with that error, which names
 * the year. Other years are built from the store (results from the rules) and marked as drafts. Years received from
 * earlier schools come with their signed PDFs (receivedYears).
 */
Result<render::RenderInput> renderInputForRecord(store::Database& db, Id recordId);

/**
 * The years the record received from earlier schools (transferIn), as the book prints them: per school year the
 * version in force at the earlier school, its signed packet and signed PDF exactly as stored (checked on receipt;
 * received_section is read-only). Superseded and revoked versions are kept but not printed.
 */
Result<QList<render::ReceivedYear>> receivedYears(store::Database& db, Id recordId);

/** The records with a year section in `year` (one class, or the whole school), in class-list order. */
Result<QList<Id>> recordsOfYear(store::Database& db, SchoolYear year, const std::optional<QString>& className = {});

/** The record a year section belongs to. */
Result<Id> recordOfSection(store::Database& db, Id sectionId);

} // namespace hocba::lifecycle

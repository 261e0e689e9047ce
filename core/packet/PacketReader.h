// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"
#include "packet/SafeXml.h"
#include "util/Error.h"

#include <QByteArray>

namespace hocba::packet {

/** Larger files are refused before parsing: a year section is a few KiB, so this is hostile or not a packet. */
inline constexpr qsizetype kMaxPacketBytes = kMaxXmlBytes;

/**
 * Checks bytes against the packet format without building a Packet: SafeXmlDocument::parse (size, no DOCTYPE or
 * entities, depth, element and attribute counts, well-formed UTF-8, no network), then valid against
 * hocba-packet-1.xsd, every text and attribute in NFC. Fails with ErrorCode::InvalidInput and a translated message
 * naming the line and the element ("Line 12, element <Hk1Average>: …").
 */
Status validatePacket(const QByteArray& bytes);
/** The schema and NFC checks of validatePacket on a document already parsed (so one parse serves all checks). */
Status validatePacket(const SafeXmlDocument& doc);

/**
 * Reads a packet written by writePacket (or anything else that validates): validatePacket's checks, then the
 * values. read(write(p)) equals p field by field, and write(read(bytes)) == bytes for bytes writePacket made
 * (the contents of <Signatures> are not part of Packet and are not kept). Safe on hostile input: errors, no crash.
 */
Result<Packet> readPacket(const QByteArray& bytes);

} // namespace hocba::packet

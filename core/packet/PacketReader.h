// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"
#include "util/Error.h"

#include <QByteArray>

namespace hocba::packet {

/** Larger files are refused before parsing: a year section is a few KiB, so this is hostile or not a packet. */
inline constexpr qsizetype kMaxPacketBytes = 4 * 1024 * 1024;

/**
 * Checks bytes against the packet format without building a Packet: size, no DOCTYPE (so no entities at all),
 * well-formed UTF-8 XML within libxml2's default depth limit, no network, valid against hocba-packet-1.xsd, every
 * text and attribute in NFC. Fails with ErrorCode::InvalidInput and a translated message naming the line and the
 * element ("Line 12, element <Hk1Average>: …").
 */
Status validatePacket(const QByteArray& bytes);

/**
 * Reads a packet written by writePacket (or anything else that validates): validatePacket's checks, then the
 * values. read(write(p)) equals p field by field, and write(read(bytes)) == bytes for bytes writePacket made
 * (the contents of <Signatures> are not part of Packet and are not kept). Safe on hostile input: errors, no crash.
 */
Result<Packet> readPacket(const QByteArray& bytes);

} // namespace hocba::packet

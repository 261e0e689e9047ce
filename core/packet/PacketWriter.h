// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"
#include "util/Error.h"

#include <QByteArray>

namespace hocba::packet {

/**
 * The packet as XML (docs/packet.md): UTF-8, NFC, namespace urn:hocba:packet:1, the data element <Data Id="data">
 * followed by an empty <Signatures> container. Deterministic: the same packet gives the same bytes. The output is
 * already in the shape exclusive C14N produces (attributes sorted, no self-closing tags, C14N escaping), so the
 * signed bytes are the bytes a reader sees. Lint findings are written for drafts only.
 * Fails with ErrorCode::InvalidInput when a text holds a character XML 1.0 cannot carry (e.g. U+0001).
 */
Result<QByteArray> writePacket(const Packet& packet);

} // namespace hocba::packet

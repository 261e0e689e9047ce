// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"

#include <QByteArray>

namespace hocba::dept {

/**
 * The signed content of a packet in the readable form a lookup shows (docs/api.md, "Lookup by code"): compact JSON
 * {"student_name", "birth_date" (dd/MM/yyyy), "school_year", "grade", "class", "results": [{"subject", "level" |
 * "score" (decimal comma), "comment"}], "qualities" + "competencies" (primary) | "conduct" (lower secondary),
 * "comment", "outcome"}, in the fixed Vietnamese words of the printed record. It leaves out everything that
 * identifies the student beyond the paper copy's first line: never the personal ID number, the MOET student code,
 * the ethnicity, the address or the parents. Computed once on upload and stored with the record.
 */
QByteArray lookupContentJson(const packet::Packet& packet);

} // namespace hocba::dept

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptTypes.h"

#include <QByteArray>

namespace hocba::dept {

/** The lookup page's Content-Security-Policy: no scripts, no fetches, no frames; only its own inline style. */
inline constexpr char kLookupPageCsp[] = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The public page /tra-cuu/{code} (docs/api.md): a small HTML page in UTF-8, in the language installed (the server
 * installs Vietnamese), under the Department's name, with the lookup code and school, then every school year of the
 * record, latest first (`years` comes oldest first, as DeptSession::lookup gives it), each with its state, version,
 * dates, the readable content stored at upload and a link to that year's signed PDF; a revoked year shows its state
 * only. Every value is HTML-escaped; no scripts.
 */
QByteArray lookupPageHtml(const QString& departmentName, const QList<LookupRow>& years);
/** 404: says plainly that no record has this code, and nothing else (never whether a similar code exists). */
QByteArray lookupNotFoundHtml(const QString& departmentName);
/** 400: the code is not 32 lowercase hex characters. */
QByteArray lookupBadCodeHtml(const QString& departmentName);

} // namespace hocba::dept

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dept/DeptTypes.h"

#include <QByteArray>

#include <optional>

namespace hocba::dept {

/** The lookup page's Content-Security-Policy: no scripts, no fetches, no frames; only its own inline style. */
inline constexpr char kLookupPageCsp[] = "default-src 'none'; style-src 'unsafe-inline'";

/** What a printed QR code says of its paper copy (`nam`, `v`, `h`): the school year, the version, the digest. */
struct PaperCopy
{
    int schoolYearStart = 0;
    int version = 0; ///< 0 when the link gives none
    QString digest; ///< base64url SHA-256 of the packet, as packet::packetDigest
};

/** What the Department knows of a paper copy (docs/api.md "Lookup by code", `checked`). */
struct PaperCheck
{
    int schoolYearStart = 0;
    int version = 0; ///< the version whose digest matched; the version the paper names when none did
    bool matches = false; ///< the digest is a version of that year the Department received
    bool current = false; ///< it is the year's current version, not revoked
    int currentVersion = 0; ///< 0 when the record has no such year
    QDateTime replacedAt; ///< when a newer version replaced the matched one; invalid otherwise
    QDateTime revokedAt; ///< when the year was revoked; invalid otherwise
};
/** The paper copy against the record's years (as DeptSession::lookup gives them). */
PaperCheck checkPaperCopy(const QList<LookupRow>& years, const PaperCopy& paper);

/**
 * The public page /tra-cuu/{code} (docs/api.md): a small HTML page in UTF-8, in the language installed (the server
 * installs Vietnamese), under the Department's name, with the lookup code and school, then every school year of the
 * record, latest first (`years` comes oldest first, as DeptSession::lookup gives it), each with its state, version,
 * dates, the readable content stored at upload and a link to that year's signed PDF; a revoked year shows its state
 * only. Each year lists its current version and the earlier ones with the dates they were replaced; the record's
 * transfers follow the school; a `check` (the page opened from a QR code) comes first, as a notice.
 * Every value is HTML-escaped; no scripts.
 */
QByteArray lookupPageHtml(const QString& departmentName, const QList<LookupRow>& years,
                          const QList<TransferRow>& transfers = {}, const std::optional<PaperCheck>& check = {});
/** 404: says plainly that no record has this code, and nothing else (never whether a similar code exists). */
QByteArray lookupNotFoundHtml(const QString& departmentName);
/** 400: the code is not 32 lowercase hex characters. */
QByteArray lookupBadCodeHtml(const QString& departmentName);
/** 400: the link's school year, version or digest is not as a printed QR code gives them. */
QByteArray lookupBadLinkHtml(const QString& departmentName, const QString& lookupCode);

} // namespace hocba::dept

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace hocba::store {

class Database;

/** One row of trust_anchor: a CA certificate the school added (the DER is what counts; the rest is for display). */
struct StoredTrustAnchor
{
    qint64 id = 0;
    QByteArray der;
    QString subject; ///< RFC 2253
    QString sha256; ///< lower-case hex of the DER
    QDateTime notAfter; ///< UTC
    QDateTime addedAt; ///< UTC, whole seconds
    QString addedBy;
};

/**
 * The school's trust anchors in its data file (table trust_anchor), so every PC of the school trusts the same CAs.
 * Rows are never changed once written (a trigger refuses it). Parsing and checking the certificates is the caller's
 * business (lifecycle::TrustAnchors); this class only reads and writes rows.
 */
class TrustAnchorRepository
{
public:
    explicit TrustAnchorRepository(Database& db)
        : m_db(db)
    { }

    /** Every stored anchor, oldest first. */
    Result<QList<StoredTrustAnchor>> list();
    /** Inserts `anchor` (its id is ignored) and returns the new id; a duplicate sha256 is refused by the schema. */
    Result<qint64> insert(const StoredTrustAnchor& anchor);

private:
    Database& m_db;
};

} // namespace hocba::store

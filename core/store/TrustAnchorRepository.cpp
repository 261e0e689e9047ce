// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/TrustAnchorRepository.h"

#include "store/SqlUtil.h"

namespace hocba::store {

Result<QList<StoredTrustAnchor>> TrustAnchorRepository::list()
{
    return queryList<StoredTrustAnchor>(
        m_db,
        QStringLiteral("SELECT id, der, subject, sha256, not_after, added_at, added_by FROM trust_anchor ORDER BY id"),
        [](Statement& st) {
            StoredTrustAnchor a;
            a.id = st.int64(0);
            a.der = st.blob(1);
            a.subject = st.text(2);
            a.sha256 = st.text(3);
            a.notAfter = QDateTime::fromString(st.text(4), Qt::ISODate);
            a.addedAt = QDateTime::fromString(st.text(5), Qt::ISODate);
            a.addedBy = st.text(6);
            return a;
        });
}

Result<qint64> TrustAnchorRepository::insert(const StoredTrustAnchor& anchor)
{
    auto st = m_db.prepare(QStringLiteral("INSERT INTO trust_anchor (der, subject, sha256, not_after, added_at, "
                                          "added_by) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, anchor.der)
        .bind(2, anchor.subject)
        .bind(3, anchor.sha256)
        .bind(4, anchor.notAfter.toString(Qt::ISODate))
        .bind(5, anchor.addedAt.toString(Qt::ISODate))
        .bind(6, anchor.addedBy);
    if (auto ok = st->exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

} // namespace hocba::store

// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SigningQueries.h"

#include "store/Database.h"

namespace hocba::store {

namespace {

Result<QList<Id>> ids(Statement& st)
{
    QList<Id> out;
    while (true) {
        auto row = st.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return out;
        out << st.int64(0);
    }
}

} // namespace

Result<QList<Id>> unplacedSections(Database& db, SchoolYear year)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT ys.id FROM year_section ys WHERE ys.school_year = ?1 AND ys.class_id IS NULL AND ys.version = "
        "(SELECT max(version) FROM year_section y2 WHERE y2.record_id = ys.record_id AND y2.school_year = "
        "ys.school_year) ORDER BY ys.id"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear);
    return ids(*st);
}

Result<QSet<Id>> sectionsSignedInRole(Database& db, SchoolYear year, const QString& roleCode)
{
    auto st = db.prepare(QStringLiteral("SELECT sd.section_id FROM signed_document sd JOIN year_section ys ON ys.id = "
                                        "sd.section_id AND ys.version = sd.version WHERE ys.school_year = ?1 AND "
                                        "sd.role = ?2"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear).bind(2, roleCode);
    auto list = ids(*st);
    if (!list)
        return std::unexpected(list.error());
    return QSet<Id>(list->cbegin(), list->cend());
}

} // namespace hocba::store

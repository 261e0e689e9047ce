// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/ResultsCache.h"

#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "store/Database.h"
#include "store/SqlUtil.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace hocba::lifecycle {

namespace {

/** Flattens the evaluate JSON to dotted keys; arrays (rulesApplied, findings) are not results and are skipped. */
void flatten(const QJsonObject& o, const QString& prefix, QMap<QString, QString>& out)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        const QJsonValue v = it.value();
        if (v.isObject())
            flatten(v.toObject(), key, out);
        else if (v.isArray())
            continue;
        else if (v.isNull() || v.isUndefined())
            out.insert(key, QString());
        else if (v.isBool())
            out.insert(key, v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (v.isDouble())
            out.insert(key, QString::number(v.toDouble(), 'f', 1)); // averages have exactly one decimal
        else
            out.insert(key, v.toString());
    }
}

} // namespace

QMap<QString, QString> flattenResults(const EvaluationOutput& output)
{
    QMap<QString, QString> values;
    flatten(toJson(output), {}, values);
    return values;
}

ResultsCache::ResultsCache(store::Database& db)
    : m_db(db)
{ }

namespace {

/** The rules' results for a section's current inputs, written nowhere; Unsupported when no circular covers it. */
Result<EvaluationOutput> evaluateSection(store::Database& db, Id sectionId)
{
    store::StudentRepository repo(db);
    auto section = repo.section(sectionId);
    if (!section)
        return std::unexpected(section.error());
    if (!*section)
        return fail(ErrorCode::NotFound,
                    QCoreApplication::translate("hocba::lifecycle::ResultsCache",
                                                "The school year of this record no longer exists."));
    auto rows = repo.assessments(sectionId);
    if (!rows)
        return std::unexpected(rows.error());
    const auto input = rules::fromAssessments(*rows, (*section)->circular, (*section)->schoolYear, (*section)->grade);
    return rules::evaluate(input);
}

} // namespace

Result<EvaluationOutput> ResultsCache::recompute(Id sectionId)
{
    auto output = evaluateSection(m_db, sectionId);
    if (!output && output.error().code != ErrorCode::Unsupported)
        return output;

    store::Transaction tx(m_db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    auto del = m_db.cached(QStringLiteral("DELETE FROM computed_result WHERE section_id = ?1"));
    if (!del)
        return std::unexpected(del.error());
    if (auto s = (*del)->bind(1, sectionId).exec(); !s)
        return std::unexpected(s.error());
    if (output) {
        const QMap<QString, QString> values = flattenResults(*output);
        auto ins = m_db.cached(QStringLiteral(
            "INSERT INTO computed_result (section_id, key, value, rules_version) VALUES (?1, ?2, ?3, ?4)"));
        if (!ins)
            return std::unexpected(ins.error());
        for (auto it = values.begin(); it != values.end(); ++it) {
            (*ins)->bind(1, sectionId).bind(2, it.key()).bind(3, it.value()).bind(4, output->ruleSetId);
            if (auto s = (*ins)->exec(); !s)
                return std::unexpected(s.error());
        }
    }
    auto fresh = m_db.cached(QStringLiteral("UPDATE year_section SET results_stale = 0 WHERE id = ?1"));
    if (!fresh)
        return std::unexpected(fresh.error());
    if (auto s = (*fresh)->bind(1, sectionId).exec(); !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return output;
}

Result<int> ResultsCache::refreshStale(std::optional<SchoolYear> year)
{
    QString sql = QStringLiteral("SELECT id FROM year_section WHERE results_stale = 1 AND state IN ('draft', 'ready')");
    if (year)
        sql += QStringLiteral(" AND school_year = %1").arg(year->startYear);
    auto ids = store::queryList<Id>(m_db, sql, [](store::Statement& st) { return st.int64(0); });
    if (!ids)
        return std::unexpected(ids.error());
    store::Transaction tx(m_db); // one transaction for the batch: many small commits would be slow
    if (!tx.began())
        return std::unexpected(tx.began().error());
    for (Id id : *ids) {
        auto r = recompute(id);
        if (!r && r.error().code != ErrorCode::Unsupported)
            return std::unexpected(r.error());
    }
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return int(ids->size());
}

Result<bool> ResultsCache::isStale(Id sectionId)
{
    auto st = m_db.cached(QStringLiteral("SELECT results_stale FROM year_section WHERE id = ?1"));
    if (!st)
        return std::unexpected(st.error());
    (*st)->bind(1, sectionId);
    auto row = (*st)->step();
    if (!row)
        return std::unexpected(row.error());
    const bool stale = !*row || (*st)->int64(0) != 0;
    (*st)->reset();
    return stale;
}

Result<QMap<QString, QString>> ResultsCache::results(Id sectionId)
{
    auto stale = isStale(sectionId);
    if (!stale)
        return std::unexpected(stale.error());
    if (*stale) {
        // A signed section is never stale (its inputs cannot change), so recomputing only touches drafts.
        // A signed section's results are fixed in the data; whatever was computed before signing stays.
        if (auto r = recompute(sectionId);
            !r && r.error().code != ErrorCode::Unsupported && r.error().code != ErrorCode::RecordLocked)
            return std::unexpected(r.error());
    }
    return stored(sectionId);
}

Result<QMap<QString, QString>> ResultsCache::current(Id sectionId)
{
    auto stale = isStale(sectionId);
    if (!stale)
        return std::unexpected(stale.error());
    if (!*stale)
        return stored(sectionId);
    auto output = evaluateSection(m_db, sectionId);
    if (!output && output.error().code == ErrorCode::Unsupported)
        return QMap<QString, QString>();
    if (!output)
        return std::unexpected(output.error());
    return flattenResults(*output);
}

Result<QMap<QString, QString>> ResultsCache::stored(Id sectionId)
{
    auto rows = store::queryList<std::pair<QString, QString>>(
        m_db, QStringLiteral("SELECT key, value FROM computed_result WHERE section_id = ?1"),
        [](store::Statement& st) {
            return std::pair {st.text(0), st.text(1)};
        },
        {sectionId});
    if (!rows)
        return std::unexpected(rows.error());
    QMap<QString, QString> out;
    for (const auto& [k, v] : *rows)
        out.insert(k, v);
    return out;
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/ImportBatch.h"

#include "store/AuditLog.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace hocba::lifecycle {

namespace {

struct BatchText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::ImportBatch)
};

/** The school's tables an import may change; the undo record covers these and only these. */
const QStringList& capturedTables()
{
    static const QStringList tables {QStringLiteral("school_year"),  QStringLiteral("class"),
                                     QStringLiteral("student"),      QStringLiteral("record"),
                                     QStringLiteral("year_section"), QStringLiteral("assessment")};
    return tables;
}

const QStringList& operations()
{
    static const QStringList ops {QStringLiteral("insert"), QStringLiteral("update"), QStringLiteral("delete")};
    return ops;
}

struct TableShape
{
    QStringList columns;
    QStringList key; ///< the primary key's columns, or "rowid"
};

Result<TableShape> shapeOf(store::Database& db, const QString& table)
{
    auto st = db.prepare(QStringLiteral("SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, table);
    TableShape shape;
    QMap<qint64, QString> key;
    for (auto row = st->step(); row && *row; row = st->step()) {
        shape.columns.append(st->text(0));
        if (st->int64(1) > 0)
            key.insert(st->int64(1), st->text(0));
    }
    shape.key = key.isEmpty() ? QStringList {QStringLiteral("rowid")} : key.values();
    return shape;
}

QString quoted(const QString& identifier)
{
    return u'"' + QString(identifier).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString jsonObjectSql(const QString& row, const QStringList& columns)
{
    QStringList args;
    for (const QString& c : columns)
        args << u'\'' + c + u'\'' << row + u'.' + quoted(c);
    return QStringLiteral("json_object(%1)").arg(args.join(QStringLiteral(", ")));
}

QString triggerName(const QString& table, const QString& op)
{
    return QStringLiteral("hocba_undo_%1_%2").arg(table, op);
}

Status createCapture(store::Database& db)
{
    QString sql = QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS hocba_undo_capture (seq INTEGER PRIMARY KEY, tbl "
                                 "TEXT NOT NULL, op TEXT NOT NULL, key TEXT NOT NULL, old TEXT);\n"
                                 "DELETE FROM temp.hocba_undo_capture;\n");
    for (const QString& table : capturedTables()) {
        auto shape = shapeOf(db, table);
        if (!shape)
            return std::unexpected(shape.error());
        for (const QString& op : operations()) {
            const QString row = op == QLatin1String("insert") ? QStringLiteral("NEW") : QStringLiteral("OLD");
            const QString old
                = op == QLatin1String("insert") ? QStringLiteral("NULL") : jsonObjectSql(row, shape->columns);
            sql += QStringLiteral("CREATE TEMP TRIGGER IF NOT EXISTS %1 AFTER %2 ON main.%3 BEGIN INSERT INTO "
                                  "hocba_undo_capture (tbl, op, key, old) VALUES ('%4', '%5', %6, %7); END;\n")
                       .arg(triggerName(table, op), op.toUpper(), quoted(table), table, op,
                            jsonObjectSql(row, shape->key), old);
        }
    }
    return db.exec(sql);
}

void dropCapture(store::Database& db)
{
    QString sql;
    for (const QString& table : capturedTables())
        for (const QString& op : operations())
            sql += QStringLiteral("DROP TRIGGER IF EXISTS temp.%1;\n").arg(triggerName(table, op));
    sql += QStringLiteral("DROP TABLE IF EXISTS temp.hocba_undo_capture;");
    (void)db.exec(sql); // nothing is left to roll back; a failure leaves only connection-local triggers
}

QString batchSummary(const BatchDescription& d, const ImportReport& r)
{
    QString s = QStringLiteral("sha256=%1").arg(QString::fromLatin1(d.fileDigest.toHex()));
    if (!d.scope.isEmpty())
        s += u' ' + d.scope;
    return s
        + QStringLiteral(" added=%1 updated=%2 unchanged=%3 conflicts=%4 rejected=%5")
              .arg(r.added)
              .arg(r.updated)
              .arg(r.unchanged)
              .arg(r.conflicts.size())
              .arg(r.rejected.size());
}

} // namespace

ImportBatch::ImportBatch(store::Database& db)
    : m_db(db)
{
    if (m_began = createCapture(m_db); !m_began)
        return;
    m_tx = std::make_unique<store::Transaction>(m_db);
    m_began = m_tx->began();
}

ImportBatch::~ImportBatch()
{
    m_tx.reset();
    dropCapture(m_db);
}

Result<ImportResult> ImportBatch::finish(const BatchDescription& d, ImportResult result)
{
    const ImportReport& report = result.report;
    const bool refused = d.allOrNothing && !report.rejected.isEmpty();
    // A dry run, an import that changes nothing and a refused all-or-nothing import all end in the rollback.
    if (d.dryRun || refused || report.added + report.updated == 0)
        return result;
    store::AuditLog audit(m_db);
    if (auto s
        = audit.append(d.action, QStringLiteral("import"), d.fileName, {}, std::nullopt, batchSummary(d, report));
        !s)
        return std::unexpected(s.error());
    auto head = audit.head();
    if (!head)
        return std::unexpected(head.error());
    auto keep = m_db.prepare(QStringLiteral("INSERT INTO main.import_undo (audit_id, seq, tbl, op, key, old) SELECT "
                                            "?1, seq, tbl, op, key, old FROM temp.hocba_undo_capture"));
    if (!keep)
        return std::unexpected(keep.error());
    if (auto s = keep->bind(1, head->id).exec(); !s)
        return std::unexpected(s.error());
    if (auto s = m_tx->commit(); !s)
        return std::unexpected(s.error());
    result.batchId = head->id;
    return result;
}

namespace {

struct UndoStep
{
    QString table;
    QString op;
    QJsonObject key;
    QJsonObject old;
};

void bindJson(store::Statement& st, int index, const QJsonValue& v)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::trunc(d) == d && std::abs(d) < 9.0e15)
            st.bind(index, qint64(d));
        else
            st.bind(index, d);
    } else if (v.isString())
        st.bind(index, v.toString());
    else if (v.isBool())
        st.bind(index, qint64(v.toBool()));
    else
        st.bindNull(index);
}

/** Replays one step backwards; table and column names are checked against the schema, never taken on trust. */
Status replay(store::Database& db, const UndoStep& step)
{
    if (!capturedTables().contains(step.table) || !operations().contains(step.op))
        return fail(ErrorCode::InvalidInput,
                    BatchText::tr("The record of this import is damaged; it cannot be undone."),
                    QStringLiteral("step %1 on %2").arg(step.op, step.table));
    auto shape = shapeOf(db, step.table);
    if (!shape)
        return std::unexpected(shape.error());
    const auto known = [&](const QJsonObject& o) {
        return std::ranges::all_of(
            o.keys(), [&](const QString& c) { return shape->columns.contains(c) || c == QLatin1String("rowid"); });
    };
    if (!known(step.key) || !known(step.old) || step.key.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    BatchText::tr("The record of this import is damaged; it cannot be undone."),
                    QStringLiteral("unknown column in %1").arg(step.table));
    QStringList where;
    for (const QString& c : step.key.keys())
        where << quoted(c) + QStringLiteral(" IS ?");
    QString sql;
    QList<QJsonValue> values;
    if (step.op == QLatin1String("insert")) {
        sql = QStringLiteral("DELETE FROM main.%1 WHERE %2")
                  .arg(quoted(step.table), where.join(QStringLiteral(" AND ")));
    } else if (step.op == QLatin1String("update")) {
        QStringList set;
        for (const QString& c : step.old.keys()) {
            set << quoted(c) + QStringLiteral(" = ?");
            values << step.old.value(c);
        }
        sql = QStringLiteral("UPDATE main.%1 SET %2 WHERE %3")
                  .arg(quoted(step.table), set.join(QStringLiteral(", ")), where.join(QStringLiteral(" AND ")));
    } else {
        QStringList columns;
        for (const QString& c : step.old.keys()) {
            columns << quoted(c);
            values << step.old.value(c);
        }
        sql = QStringLiteral("INSERT INTO main.%1 (%2) VALUES (%3)")
                  .arg(quoted(step.table), columns.join(QStringLiteral(", ")),
                       QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    }
    if (step.op != QLatin1String("delete"))
        for (const QString& c : step.key.keys())
            values << step.key.value(c);
    auto st = db.prepare(sql);
    if (!st)
        return std::unexpected(st.error());
    for (int i = 0; i < values.size(); ++i)
        bindJson(*st, i + 1, values.at(i));
    return st->exec();
}

Result<QList<UndoStep>> undoSteps(store::Database& db, qint64 batchId)
{
    auto st
        = db.prepare(QStringLiteral("SELECT tbl, op, key, old FROM import_undo WHERE audit_id = ?1 ORDER BY seq DESC"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, batchId);
    QList<UndoStep> steps;
    for (auto row = st->step();; row = st->step()) {
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        steps.append({st->text(0), st->text(1), QJsonDocument::fromJson(st->text(2).toUtf8()).object(),
                      QJsonDocument::fromJson(st->text(3).toUtf8()).object()});
    }
    return steps;
}

/** Who imported the batch, or nothing when `batchId` is not an import's audit entry. */
Result<std::optional<QString>> importer(store::Database& db, qint64 batchId)
{
    auto st = db.prepare(QStringLiteral("SELECT actor FROM audit_log WHERE id = ?1 AND action IN ('import.students', "
                                        "'import.grades', 'import.homeroom')"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->bind(1, batchId).step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? std::optional<QString>(st->text(0)) : std::nullopt;
}

} // namespace

Status undoBatch(store::Database& db, qint64 batchId, const Actor& actor)
{
    actAs(db, actor); // the importer needs no further right, so permit below may not run
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto who = importer(db, batchId);
    if (!who)
        return std::unexpected(who.error());
    if (!*who)
        return fail(ErrorCode::NotFound,
                    BatchText::tr("There is no such import in this school file. Nothing was changed."),
                    QStringLiteral("batch %1").arg(batchId));
    // The account that imported the file may take it back; anyone else needs the right to manage the school.
    if (auto s
        = actor.isUnrestricted() || **who != actor.auditName() ? permit(db, actor, Right::ManageSchool) : Status {};
        !s)
        return s;
    auto head = store::AuditLog(db).head();
    if (!head)
        return std::unexpected(head.error());
    auto steps = undoSteps(db, batchId);
    if (!steps)
        return std::unexpected(steps.error());
    if (head->id != batchId || steps->isEmpty())
        return fail(ErrorCode::InvalidInput,
                    BatchText::tr("This import can no longer be undone: the school file has changed since (or the "
                                  "import was already undone). Nothing was changed; correct the values by hand or "
                                  "import a corrected file."),
                    QStringLiteral("batch %1, audit head %2").arg(batchId).arg(head->id));
    for (const UndoStep& step : *steps)
        if (auto s = replay(db, step); !s)
            return s;
    auto forget = db.prepare(QStringLiteral("DELETE FROM import_undo WHERE audit_id = ?1"));
    if (!forget)
        return std::unexpected(forget.error());
    if (auto s = forget->bind(1, batchId).exec(); !s)
        return s;
    if (auto s
        = store::AuditLog(db).append(QStringLiteral("import.undo"), QStringLiteral("import"), QString::number(batchId),
                                     {}, std::nullopt, QStringLiteral("steps=%1").arg(steps->size()));
        !s)
        return s;
    return tx.commit();
}

} // namespace hocba::lifecycle

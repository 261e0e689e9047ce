// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportPreviewModel.h"

#include <QApplication>
#include <QHash>
#include <QStyle>

namespace hocba::ui {

using lifecycle::ImportProblem;
using lifecycle::ImportRow;
using lifecycle::RowOutcome;

namespace {

QString rowKey(const QString& sheet, int row)
{
    return sheet + QLatin1Char('\n') + QString::number(row);
}

/** The report's problems that belong to no row, grouped into one line per sheet row, in the report's order. */
QList<ImportRow> linesForProblemsWithoutRow(const QList<ImportRow>& rows, const QList<ImportProblem>& problems,
                                            RowOutcome outcome)
{
    QHash<QString, int> known;
    for (const ImportRow& r : rows)
        known.insert(rowKey(r.sheet, r.row), -1);
    QList<ImportRow> lines;
    for (const ImportProblem& p : problems) {
        const QString key = rowKey(p.sheet, p.row);
        const int at = known.value(key, -2);
        if (at == -1)
            continue; // shown with its row
        if (at >= 0) {
            lines[at].problems.append(p);
            continue;
        }
        known.insert(key, int(lines.size()));
        lines.append(ImportRow {p.sheet, p.row, outcome, QString(), {p}});
    }
    return lines;
}

QString joinedColumns(const ImportRow& row)
{
    QStringList columns;
    for (const ImportProblem& p : row.problems)
        if (!p.column.isEmpty() && !columns.contains(p.column))
            columns << p.column;
    return columns.join(QStringLiteral(", "));
}

QString joinedReasons(const ImportRow& row)
{
    QStringList reasons;
    for (const ImportProblem& p : row.problems)
        reasons << p.message;
    return reasons.join(QStringLiteral("; "));
}

/** One line per problem with the column it is in, for the tooltip. */
QString problemLines(const ImportRow& row)
{
    QStringList lines;
    for (const ImportProblem& p : row.problems)
        lines << (p.column.isEmpty() ? p.message : ImportPreviewModel::tr("Column “%1”: %2").arg(p.column, p.message));
    return lines.join(QLatin1Char('\n'));
}

QStyle::StandardPixmap outcomeIcon(RowOutcome outcome)
{
    switch (outcome) {
    case RowOutcome::Added:
        return QStyle::SP_DialogApplyButton;
    case RowOutcome::Updated:
        return QStyle::SP_BrowserReload;
    case RowOutcome::Unchanged:
        break; // the word is enough: nothing happens to the row
    case RowOutcome::Conflict:
        return QStyle::SP_MessageBoxWarning;
    case RowOutcome::Rejected:
        return QStyle::SP_MessageBoxCritical;
    }
    return QStyle::SP_CustomBase;
}

} // namespace

ImportPreviewModel::ImportPreviewModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

QList<ImportRow> ImportPreviewModel::lines(const lifecycle::ImportResult& result)
{
    QList<ImportRow> lines = result.rows;
    const QList<ImportRow> conflicts = linesForProblemsWithoutRow(lines, result.report.conflicts, RowOutcome::Conflict);
    const QList<ImportRow> rejected = linesForProblemsWithoutRow(lines, result.report.rejected, RowOutcome::Rejected);
    lines << conflicts << rejected;
    return lines;
}

void ImportPreviewModel::setResult(const lifecycle::ImportResult& result)
{
    beginResetModel();
    m_rows = lines(result);
    endResetModel();
}

void ImportPreviewModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ImportPreviewModel::count(RowOutcome outcome) const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [outcome](const ImportRow& r) { return r.outcome == outcome; }));
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ImportRow& row = m_rows.at(index.row());
    switch (role) {
    case OutcomeRole:
        return int(row.outcome);
    case Qt::BackgroundRole:
        return outcomeColor(row.outcome);
    case Qt::ForegroundRole:
        return QColor(Qt::black); // on the light outcome colours, also under a dark desktop theme
    case Qt::DecorationRole:
        if (index.column() == Outcome && row.outcome != RowOutcome::Unchanged)
            return QApplication::style()->standardIcon(outcomeIcon(row.outcome));
        return {};
    case Qt::ToolTipRole:
        return row.problems.isEmpty() ? outcomeText(row.outcome) : problemLines(row);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Outcome:
        return outcomeText(row.outcome);
    case Sheet:
        return row.sheet;
    case Row:
        return row.row > 0 ? QVariant(row.row) : QVariant();
    case Summary:
        return row.summary;
    case ProblemColumn:
        return joinedColumns(row);
    case Reason:
        return joinedReasons(row);
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Outcome:
        return tr("Result");
    case Sheet:
        return tr("Sheet");
    case Row:
        return tr("Row");
    case Summary:
        return tr("Content");
    case ProblemColumn:
        return tr("Column");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

QString ImportPreviewModel::outcomeText(RowOutcome outcome)
{
    switch (outcome) {
    case RowOutcome::Added:
        return tr("New");
    case RowOutcome::Updated:
        return tr("Updated");
    case RowOutcome::Unchanged:
        return tr("Unchanged");
    case RowOutcome::Conflict:
        return tr("Conflict");
    case RowOutcome::Rejected:
        return tr("Rejected");
    }
    return {};
}

QColor ImportPreviewModel::outcomeColor(RowOutcome outcome)
{
    switch (outcome) {
    case RowOutcome::Added:
        return QColor(0xd8, 0xf0, 0xd8); // light green
    case RowOutcome::Updated:
        return QColor(0xd8, 0xe8, 0xf8); // light blue
    case RowOutcome::Unchanged:
        return QColor(0xf0, 0xf0, 0xf0); // light grey
    case RowOutcome::Conflict:
        return QColor(0xff, 0xe8, 0xb0); // amber
    case RowOutcome::Rejected:
        return QColor(0xf8, 0xd0, 0xd0); // light red
    }
    return {};
}

bool ImportPreviewModel::isProblem(RowOutcome outcome)
{
    return outcome == RowOutcome::Conflict || outcome == RowOutcome::Rejected;
}

ImportProblemFilter::ImportProblemFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{ }

void ImportProblemFilter::setProblemsOnly(bool on)
{
    if (on == m_problemsOnly)
        return;
    m_problemsOnly = on;
    invalidateFilter();
}

bool ImportProblemFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_problemsOnly)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return ImportPreviewModel::isProblem(RowOutcome(index.data(ImportPreviewModel::OutcomeRole).toInt()));
}

} // namespace hocba::ui

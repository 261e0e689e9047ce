// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntryGridModel.h"

#include "util/Text.h"

#include <QBrush>
#include <QColor>
#include <QElapsedTimer>
#include <QIcon>
#include <QMap>
#include <QPainter>
#include <QPixmap>
#include <QUndoCommand>
#include <QUndoStack>

namespace hocba::ui {

using lifecycle::CellEdit;
using lifecycle::CellKind;
using lifecycle::CellOutcome;
using lifecycle::GridColumn;

namespace {

const QColor kInvalid(0xff, 0xcd, 0xd2); // light red: a typed value that was refused
const QColor kComputed(0xec, 0xef, 0xf1); // grey: worked out by the rules
const QColor kReadOnlyText(0x80, 0x80, 0x80);
const QColor kAbsenceWarning(0xff, 0xe0, 0x82); // amber: nearing the 45 sessions
const QColor kAbsenceOver(0xff, 0x8a, 0x80); // red: over the 45 sessions

/** A red padlock, drawn (no icon theme is needed offscreen or on a bare desktop). */
QIcon padlockIcon()
{
    static const QIcon icon = [] {
        QPixmap pm(16, 16);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0xc6, 0x28, 0x28), 2));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(4, 1.5, 8, 9), 0, 180 * 16);
        p.drawLine(QPointF(4, 6), QPointF(4, 8));
        p.drawLine(QPointF(12, 6), QPointF(12, 8));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xc6, 0x28, 0x28));
        p.drawRoundedRect(QRectF(2, 7, 12, 8), 1.5, 1.5);
        return QIcon(pm);
    }();
    return icon;
}

bool isScoreKind(CellKind kind)
{
    return kind == CellKind::Score || kind == CellKind::IntegerScore || kind == CellKind::Computed;
}

} // namespace

/** One gesture's saved cells: undo writes the old values back, redo the new ones, both through writeCells. */
class CellWriteCommand : public QUndoCommand
{
public:
    CellWriteCommand(EntryGridModel* model, QList<CellOutcome> saved, const QString& text)
        : QUndoCommand(text)
        , m_model(model)
        , m_saved(std::move(saved))
    { }

    void undo() override { write(true); }
    void redo() override
    {
        if (m_firstRedo) { // already written when the gesture happened
            m_firstRedo = false;
            return;
        }
        write(false);
    }

private:
    void write(bool back)
    {
        QList<CellEdit> edits;
        for (const CellOutcome& o : m_saved)
            edits.append(CellEdit {o.slot, back ? o.oldValue : o.newValue});
        auto outcomes = m_model->writeThrough(edits);
        if (!outcomes) {
            m_model->setStatus(outcomes.error().message);
            return;
        }
        int saved = 0;
        QStringList refused;
        for (const CellOutcome& o : *outcomes) {
            if (o.saved)
                ++saved;
            else
                refused.append(o.message);
        }
        const QString what
            = back ? EntryGridModel::tr("Undone: %1.").arg(text()) : EntryGridModel::tr("Redone: %1.").arg(text());
        if (refused.isEmpty())
            m_model->setStatus(what);
        else
            m_model->setStatus(
                what + QLatin1Char(' ')
                + EntryGridModel::tr("%n cell(s) could not be changed back: %1", nullptr, int(refused.size()))
                      .arg(refused.first()));
    }

    EntryGridModel* m_model;
    QList<CellOutcome> m_saved;
    bool m_firstRedo = true;
};

EntryGridModel::EntryGridModel(store::Database& db, lifecycle::Actor actor, QObject* parent)
    : QAbstractTableModel(parent)
    , m_db(db)
    , m_actor(std::move(actor))
    , m_undo(new QUndoStack(this))
{ }

EntryGridModel::~EntryGridModel() = default;

QString EntryGridModel::slotKey(const lifecycle::CellSlot& s)
{
    return QStringLiteral("%1|%2|%3|%4|%5").arg(s.sectionId).arg(s.subject, s.term, s.item).arg(s.seq);
}

void EntryGridModel::setGrid(lifecycle::EntryGrid grid)
{
    beginResetModel();
    m_grid = std::move(grid);
    m_invalid.clear();
    m_cells.clear();
    for (int r = 0; r < m_grid.rows.size(); ++r)
        for (int c = 0; c < m_grid.columns.size(); ++c)
            m_cells.insert(slotKey(m_grid.slot(r, c)), {r, c + FixedColumns});
    endResetModel();
    m_undo->clear();
}

int EntryGridModel::rowOfSection(Id sectionId) const
{
    for (int r = 0; r < m_grid.rows.size(); ++r)
        if (m_grid.rows.at(r).student.section.id == sectionId)
            return r;
    return -1;
}

QPair<int, int> EntryGridModel::cellOf(const lifecycle::CellSlot& slot) const
{
    return m_cells.value(slotKey(slot), {-1, -1});
}

int EntryGridModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_grid.rows.size());
}

int EntryGridModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FixedColumns + int(m_grid.columns.size());
}

QString EntryGridModel::displayValue(const GridColumn& column, const QString& stored)
{
    return lifecycle::displayCell(column, stored);
}

bool EntryGridModel::isAbsenceColumn(int gridCol) const
{
    return m_grid.kind == lifecycle::GridKind::Homeroom && m_grid.level == SchoolLevel::Thcs
        && m_grid.columns.at(gridCol).kind == CellKind::Count;
}

int EntryGridModel::absenceTotal(int row) const
{
    int total = 0;
    const auto& values = m_grid.rows.at(row).values;
    for (int c = 0; c < m_grid.columns.size() && c < values.size(); ++c)
        if (isAbsenceColumn(c))
            total += values.at(c).toInt();
    return total;
}

bool EntryGridModel::isCellEditable(int row, int modelColumn) const
{
    return whyNotEditable(row, modelColumn).isEmpty();
}

QString EntryGridModel::whyNotEditable(int row, int modelColumn) const
{
    if (row < 0 || row >= m_grid.rows.size() || modelColumn < 0 || modelColumn >= columnCount())
        return tr("outside the grid");
    const int c = gridColumn(modelColumn);
    if (c < 0)
        return tr("the pupil's number, code and name are not entered here");
    const GridColumn& col = m_grid.columns.at(c);
    if (col.kind == CellKind::Computed)
        return tr("%1 is worked out from the other marks").arg(col.header);
    if (col.isLocked())
        return col.lockedReason;
    const auto& r = m_grid.rows.at(row);
    if (!r.editable)
        return r.readOnlyReason.isEmpty() ? tr("this pupil's record cannot be changed") : r.readOnlyReason;
    return {};
}

QVariant EntryGridModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_grid.rows.size())
        return {};
    const int row = index.row();
    const auto& r = m_grid.rows.at(row);
    const int c = gridColumn(index.column());
    if (c < 0) {
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case 0:
                return row + 1;
            case 1:
                return r.student.student.moetCode;
            case 2:
                return text::familyAndMiddleNames(r.student.student.fullName);
            case 3:
                return text::givenName(r.student.student.fullName);
            }
        }
        if (role == Qt::ToolTipRole && !r.editable)
            return r.readOnlyReason;
        if (role == Qt::ForegroundRole && !r.editable)
            return QBrush(kReadOnlyText);
        if (role == Qt::TextAlignmentRole && index.column() == 0)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const GridColumn& col = m_grid.columns.at(c);
    const QString stored = c < r.values.size() ? r.values.at(c) : QString();
    const auto invalid = m_invalid.constFind({row, index.column()});
    const bool isInvalid = invalid != m_invalid.constEnd();
    switch (role) {
    case Qt::DisplayRole:
        return isInvalid ? invalid->first : displayValue(col, stored);
    case Qt::EditRole:
        return isInvalid ? invalid->first : displayValue(col, stored);
    case StoredValueRole:
        return isInvalid ? invalid->first : stored;
    case InvalidRole:
        return isInvalid;
    case Qt::BackgroundRole:
        if (isInvalid)
            return QBrush(kInvalid);
        if (col.kind == CellKind::Computed)
            return QBrush(kComputed);
        if (isAbsenceColumn(c)) {
            const int total = absenceTotal(row);
            if (total > AbsenceLimit)
                return QBrush(kAbsenceOver);
            if (total >= AbsenceWarning)
                return QBrush(kAbsenceWarning);
        }
        return {};
    case Qt::ForegroundRole:
        if (!r.editable || col.isLocked())
            return QBrush(kReadOnlyText);
        return {};
    case Qt::ToolTipRole: {
        if (isInvalid)
            return invalid->second;
        if (!r.editable)
            return r.readOnlyReason;
        if (col.isLocked())
            return col.lockedReason;
        if (isAbsenceColumn(c)) {
            const int total = absenceTotal(row);
            if (total > AbsenceLimit)
                return tr("%1 sessions absent: more than the %2 sessions Circular 22 allows in a year.")
                    .arg(total)
                    .arg(AbsenceLimit);
            if (total >= AbsenceWarning)
                return tr("%1 sessions absent: near the %2 sessions Circular 22 allows in a year.")
                    .arg(total)
                    .arg(AbsenceLimit);
        }
        if (col.kind == CellKind::Text && !stored.isEmpty())
            return stored;
        return col.toolTip.isEmpty() ? QVariant() : QVariant(col.toolTip);
    }
    case Qt::TextAlignmentRole:
        if (isScoreKind(col.kind) || col.kind == CellKind::Count || col.kind == CellKind::Level)
            return int(Qt::AlignCenter);
        return {};
    default:
        return {};
    }
}

QVariant EntryGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    const int c = gridColumn(section);
    if (c < 0) {
        if (role != Qt::DisplayRole)
            return {};
        // The book's words, as teachers know them (not translated).
        static const char* const names[] = {"STT", "Mã", "Họ đệm", "Tên"};
        return QString::fromUtf8(names[section]);
    }
    if (c >= m_grid.columns.size())
        return {};
    const GridColumn& col = m_grid.columns.at(c);
    switch (role) {
    case Qt::DisplayRole:
        return col.header;
    case Qt::DecorationRole:
        return col.isLocked() ? QVariant(padlockIcon()) : QVariant();
    case Qt::ToolTipRole:
        if (col.isLocked())
            return col.toolTip.isEmpty() ? col.lockedReason : col.toolTip + QLatin1Char('\n') + col.lockedReason;
        return col.toolTip.isEmpty() ? QVariant() : QVariant(col.toolTip);
    default:
        return {};
    }
}

Qt::ItemFlags EntryGridModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (isCellEditable(index.row(), index.column()))
        f |= Qt::ItemIsEditable;
    return f;
}

bool EntryGridModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !index.isValid())
        return false;
    const int c = gridColumn(index.column());
    if (c < 0)
        return false;
    const QString typed = value.toString().trimmed();
    const GridColumn& col = m_grid.columns.at(c);
    const QString stored = m_grid.rows.at(index.row()).values.value(c);
    // The same value typed again (also "7,5" over "7.5"): nothing to write.
    if (auto n = lifecycle::normaliseCell(col, typed);
        n && *n == stored && !m_invalid.contains({index.row(), index.column()}))
        return true;
    applyEdits({CellEdit {m_grid.slot(index.row(), c), typed}}, tr("Typing in %1").arg(col.header));
    return true;
}

QList<CellOutcome> EntryGridModel::applyEdits(const QList<CellEdit>& edits, const QString& undoText,
                                              const QStringList& refusedBefore)
{
    QStringList refused = refusedBefore;
    QList<CellEdit> send;
    for (const CellEdit& e : edits) {
        const auto [row, mc] = cellOf(e.slot);
        if (row < 0) {
            refused.append(tr("not in this grid"));
            continue;
        }
        const GridColumn& col = m_grid.columns.at(gridColumn(mc));
        if (col.kind == CellKind::Computed) {
            refused.append(tr("%1 is worked out from the other marks").arg(col.header));
            continue;
        }
        auto normal = lifecycle::normaliseCell(col, e.value);
        if (!normal) {
            // Kept in the cell, coloured, with the reason; never written.
            m_invalid.insert({row, mc}, {e.value, normal.error().message});
            const QModelIndex i = index(row, mc);
            Q_EMIT dataChanged(i, i);
            refused.append(normal.error().message);
            continue;
        }
        if (m_invalid.remove({row, mc}) > 0) {
            const QModelIndex i = index(row, mc);
            Q_EMIT dataChanged(i, i);
        }
        send.append(CellEdit {e.slot, *normal});
    }

    QList<CellOutcome> outcomes;
    int saved = 0;
    if (!send.isEmpty()) {
        auto written = writeThrough(send);
        if (!written) {
            setStatus(tr("Nothing was saved: %1").arg(written.error().message));
            return {};
        }
        outcomes = *written;
        QList<CellOutcome> done;
        for (const CellOutcome& o : outcomes) {
            if (o.saved) {
                ++saved;
                if (o.oldValue != o.newValue)
                    done.append(o);
            } else {
                refused.append(o.message);
            }
        }
        if (!done.isEmpty())
            m_undo->push(new CellWriteCommand(this, done, undoText));
    }

    // "12 cells saved; 3 refused: <reason> (2), <reason> (1)."
    QString text = tr("%n cell(s) saved", nullptr, saved);
    if (!refused.isEmpty()) {
        QMap<QString, int> reasons;
        QStringList order;
        for (const QString& r : refused) {
            if (!reasons.contains(r))
                order.append(r);
            ++reasons[r];
        }
        QStringList parts;
        for (const QString& r : order)
            parts.append(reasons.value(r) > 1 ? QStringLiteral("%1 (%2)").arg(r).arg(reasons.value(r)) : r);
        text += QStringLiteral("; ")
            + tr("%n refused: %1", nullptr, int(refused.size())).arg(parts.join(QStringLiteral("; ")));
    }
    setStatus(text.endsWith(QLatin1Char('.')) ? text : text + QLatin1Char('.'));
    return outcomes;
}

Result<QList<CellOutcome>> EntryGridModel::writeThrough(const QList<CellEdit>& edits)
{
    auto outcomes = lifecycle::writeCells(m_db, m_actor, edits);
    if (!outcomes)
        return outcomes;
    QList<int> rows;
    for (const CellOutcome& o : *outcomes) {
        const auto [row, mc] = cellOf(o.slot);
        if (row < 0)
            continue;
        if (!o.saved)
            continue;
        auto& values = m_grid.rows[row].values;
        const int c = gridColumn(mc);
        while (values.size() <= c)
            values.append(QString());
        values[c] = o.newValue;
        m_invalid.remove({row, mc});
        if (!rows.contains(row))
            rows.append(row);
    }
    for (int row : rows) {
        QElapsedTimer t;
        t.start();
        lifecycle::recomputeRow(m_grid, row);
        m_recomputeMs = double(t.nsecsElapsed()) / 1e6;
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    return outcomes;
}

void EntryGridModel::setStatus(const QString& text)
{
    m_status = text;
    Q_EMIT statusMessage(text);
}

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/Import.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QList>
#include <QSortFilterProxyModel>

namespace hocba::ui {

/**
 * The preview of an import, one line per data row of the file in file order: what would become of it (added,
 * updated, unchanged, in conflict, rejected) and, for a problem, its sheet, row, column and reason. Each outcome has
 * a word and an icon as well as a colour, so nobody has to tell colours apart to read it.
 */
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Outcome, Sheet, Row, Summary, ProblemColumn, Reason, ColumnCount };
    enum Role { OutcomeRole = Qt::UserRole + 1 };

    explicit ImportPreviewModel(QObject* parent = nullptr);

    /**
     * Shows `result`'s rows. A problem of the report that belongs to no row (a whole-sheet problem, or a row the
     * core did not list) becomes a line of its own, so every problem the core found is on screen.
     */
    void setResult(const lifecycle::ImportResult& result);
    /** The lines `setResult` shows for `result`. */
    static QList<lifecycle::ImportRow> lines(const lifecycle::ImportResult& result);
    void clear();
    const QList<lifecycle::ImportRow>& rows() const { return m_rows; }
    /** How many lines have `outcome`. */
    int count(lifecycle::RowOutcome outcome) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /** "Thêm mới", "Cập nhật", "Không đổi", "Xung đột", "Bị từ chối". */
    static QString outcomeText(lifecycle::RowOutcome outcome);
    /** The row's background; light, so the default dark text stays readable. */
    static QColor outcomeColor(lifecycle::RowOutcome outcome);
    static bool isProblem(lifecycle::RowOutcome outcome);

private:
    QList<lifecycle::ImportRow> m_rows;
};

/** Shows every line, or with `setProblemsOnly(true)` only the conflicts and rejections. */
class ImportProblemFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ImportProblemFilter(QObject* parent = nullptr);

    void setProblemsOnly(bool on);
    bool problemsOnly() const { return m_problemsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool m_problemsOnly = false;
};

} // namespace hocba::ui

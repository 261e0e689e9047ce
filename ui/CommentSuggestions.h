// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/CommentBank.h"
#include "lifecycle/EntryGrid.h"

#include <QAbstractListModel>

class QCompleter;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * The comment bank's suggestions for one cell of a grid (docs/comment-bank.md), as a list model for a QCompleter or a
 * popup list: the entries that suit the cell's subject, level, grade, term and the row's band, best first, each in
 * the school's house style. The grid's delegate calls `load` when the teacher starts a comment in an empty cell and
 * shows `completer()` on its editor; picking a line puts its text into the editor.
 */
class CommentSuggestionModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Roles { CodeRole = Qt::UserRole + 1, RankRole };

    explicit CommentSuggestionModel(QObject* parent = nullptr);

    /** Suggestions for `row` of `column` from the school's bank and house style; false (and empty) when unreadable. */
    bool load(store::Database& db, const lifecycle::EntryGrid& grid, int column, int row, int limit = 30);
    /** The same from a bank and a house style already read (a grid reads them once for all its cells). */
    void load(const QList<lifecycle::CommentEntry>& bank, const lifecycle::HouseStyle& style,
              const lifecycle::EntryGrid& grid, int column, int row, int limit = 30);
    void setSuggestions(QList<lifecycle::CommentSuggestion> suggestions);
    const QList<lifecycle::CommentSuggestion>& suggestions() const { return m_suggestions; }

    /** A completer over this model: case-blind, matching anywhere in the text, the popup shows every suggestion. */
    QCompleter* completer(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<lifecycle::CommentSuggestion> m_suggestions;
};

} // namespace hocba::ui

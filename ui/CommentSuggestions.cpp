// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommentSuggestions.h"

#include <QCompleter>

namespace hocba::ui {

CommentSuggestionModel::CommentSuggestionModel(QObject* parent)
    : QAbstractListModel(parent)
{ }

bool CommentSuggestionModel::load(store::Database& db, const lifecycle::EntryGrid& grid, int column, int row, int limit)
{
    auto got = lifecycle::suggestComments(db, lifecycle::commentFilterForCell(grid, column, row), limit);
    setSuggestions(got ? *got : QList<lifecycle::CommentSuggestion> {});
    return got.has_value();
}

void CommentSuggestionModel::load(const QList<lifecycle::CommentEntry>& bank, const lifecycle::HouseStyle& style,
                                  const lifecycle::EntryGrid& grid, int column, int row, int limit)
{
    setSuggestions(lifecycle::rankComments(bank, lifecycle::commentFilterForCell(grid, column, row), style, limit));
}

void CommentSuggestionModel::setSuggestions(QList<lifecycle::CommentSuggestion> suggestions)
{
    beginResetModel();
    m_suggestions = std::move(suggestions);
    endResetModel();
}

QCompleter* CommentSuggestionModel::completer(QObject* parent)
{
    auto* c = new QCompleter(this, parent);
    c->setCaseSensitivity(Qt::CaseInsensitive);
    c->setFilterMode(Qt::MatchContains);
    c->setCompletionRole(Qt::EditRole);
    c->setMaxVisibleItems(12);
    return c;
}

int CommentSuggestionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_suggestions.size());
}

QVariant CommentSuggestionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_suggestions.size())
        return {};
    const auto& s = m_suggestions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return s.text;
    case Qt::ToolTipRole:
        return tr("Code %1 in the school's comment bank").arg(s.entry.code);
    case CodeRole:
        return s.entry.code;
    case RankRole:
        return s.rank;
    default:
        return {};
    }
}

} // namespace hocba::ui

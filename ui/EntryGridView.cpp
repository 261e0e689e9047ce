// SPDX-License-Identifier: GPL-3.0-or-later
#include "EntryGridView.h"

#include "BulkFillDialog.h"
#include "CommentSuggestions.h"
#include "EntryGridModel.h"

#include <QApplication>
#include <QClipboard>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace hocba::ui {

using lifecycle::CellEdit;

namespace {

/**
 * The cell editor's keys as in a spreadsheet: Enter commits and moves down (Shift+Enter up), Tab commits and moves
 * right (Shift+Tab left), without opening the next cell's editor; Esc cancels (Qt's default).
 */
class EntryGridDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    std::function<void(QWidget*, const QModelIndex&)> editorCreated;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QWidget* editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (editor && editorCreated)
            editorCreated(editor, index);
        return editor;
    }

Q_SIGNALS:
    void moveAfterCommit(int rows, int columns);

protected:
    bool eventFilter(QObject* object, QEvent* event) override
    {
        auto* editor = qobject_cast<QWidget*>(object);
        if (editor && event->type() == QEvent::KeyPress) {
            auto* key = static_cast<QKeyEvent*>(event);
            int rows = 0;
            int columns = 0;
            switch (key->key()) {
            case Qt::Key_Return:
            case Qt::Key_Enter:
                if (key->modifiers() & Qt::AltModifier)
                    break;
                rows = (key->modifiers() & Qt::ShiftModifier) ? -1 : 1;
                break;
            case Qt::Key_Tab:
                columns = 1;
                break;
            case Qt::Key_Backtab:
                columns = -1;
                break;
            default:
                break;
            }
            if (rows != 0 || columns != 0) {
                Q_EMIT commitData(editor);
                Q_EMIT closeEditor(editor, QAbstractItemDelegate::NoHint);
                Q_EMIT moveAfterCommit(rows, columns);
                return true;
            }
        }
        return QStyledItemDelegate::eventFilter(object, event);
    }
};

QString quoteCell(const QString& text)
{
    if (!text.contains(QLatin1Char('\t')) && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

bool isRedo(const QKeyEvent* key)
{
    return key->matches(QKeySequence::Redo)
        || (key->key() == Qt::Key_Y && (key->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier)
        || (key->key() == Qt::Key_Z
            && (key->modifiers() & ~Qt::KeypadModifier) == (Qt::ControlModifier | Qt::ShiftModifier));
}

bool isBulkFill(const QKeyEvent* key)
{
    return key->key() == Qt::Key_F
        && (key->modifiers() & ~Qt::KeypadModifier) == (Qt::ControlModifier | Qt::ShiftModifier);
}

bool isHistory(const QKeyEvent* key)
{
    return key->key() == Qt::Key_H && (key->modifiers() & ~Qt::KeypadModifier) == Qt::ControlModifier;
}

} // namespace

EntryGridView::EntryGridView(QWidget* parent)
    : QTableView(parent)
    , m_frozen(new QTableView(this))
{
    setObjectName(QStringLiteral("entryGridView"));
    setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::DoubleClicked);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setTabKeyNavigation(true);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerPixel);

    auto* delegate = new EntryGridDelegate(this);
    setItemDelegate(delegate);
    connect(delegate, &EntryGridDelegate::moveAfterCommit, this, &EntryGridView::onEditorMove);
    delegate->editorCreated = [this](QWidget* editor, const QModelIndex& index) { decorateEditor(editor, index); };

    m_frozen->setObjectName(QStringLiteral("entryGridFrozen"));
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(ScrollPerPixel);
    m_frozen->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border: none; }"));
    viewport()->stackUnder(m_frozen);

    connect(m_frozen, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.isValid())
            Q_EMIT pupilActivated(index.row());
    });
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (section < EntryGridModel::FixedColumns) {
            m_frozen->setColumnWidth(section, size);
            updateFrozenGeometry();
        }
    });
    connect(verticalHeader(), &QHeaderView::sectionResized, this,
            [this](int section, int, int size) { m_frozen->setRowHeight(section, size); });
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
}

EntryGridView::~EntryGridView() = default;

void EntryGridView::setGridModel(EntryGridModel* model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    setModel(model);
    m_frozen->setModel(model);
    m_frozen->setSelectionModel(selectionModel());
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &EntryGridView::syncFrozenColumns);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EntryGridView::syncFrozenColumns);
    }
    syncFrozenColumns();
}

void EntryGridView::syncFrozenColumns()
{
    if (!m_model)
        return;
    resizeColumnsToContents();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const bool fixed = c < EntryGridModel::FixedColumns;
        m_frozen->setColumnHidden(c, !fixed);
        if (fixed)
            m_frozen->setColumnWidth(c, columnWidth(c));
        else
            setColumnWidth(c, std::max(columnWidth(c), 56));
    }
    m_frozen->show();
    updateFrozenGeometry();
    if (m_model->rowCount() > 0 && m_model->columnCount() > EntryGridModel::FixedColumns)
        setCurrentIndex(m_model->index(0, EntryGridModel::FixedColumns));
}

void EntryGridView::updateFrozenGeometry()
{
    int width = 0;
    for (int c = 0; c < EntryGridModel::FixedColumns && m_model && c < m_model->columnCount(); ++c)
        width += columnWidth(c);
    m_frozen->setGeometry(frameWidth(), frameWidth(), width, viewport()->height() + horizontalHeader()->height());
}

void EntryGridView::resizeEvent(QResizeEvent* event)
{
    QTableView::resizeEvent(event);
    updateFrozenGeometry();
}

void EntryGridView::updateGeometries()
{
    QTableView::updateGeometries();
    updateFrozenGeometry();
}

QModelIndex EntryGridView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    QModelIndex current = QTableView::moveCursor(cursorAction, modifiers);
    int frozenWidth = 0;
    for (int c = 0; c < EntryGridModel::FixedColumns; ++c)
        frozenWidth += columnWidth(c);
    if (cursorAction == MoveLeft && current.column() >= EntryGridModel::FixedColumns
        && visualRect(current).topLeft().x() < frozenWidth) {
        const int newValue = horizontalScrollBar()->value() + visualRect(current).topLeft().x() - frozenWidth;
        horizontalScrollBar()->setValue(newValue);
    }
    return current;
}

void EntryGridView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (index.column() >= EntryGridModel::FixedColumns)
        QTableView::scrollTo(index, hint);
}

void EntryGridView::moveBy(int rows, int columns)
{
    if (!m_model)
        return;
    QModelIndex cur = currentIndex();
    if (!cur.isValid())
        return;
    const int row = std::clamp(cur.row() + rows, 0, m_model->rowCount() - 1);
    const int column = std::clamp(cur.column() + columns, 0, m_model->columnCount() - 1);
    setCurrentIndex(m_model->index(row, column));
}

void EntryGridView::onEditorMove(int rows, int columns)
{
    moveBy(rows, columns);
}

bool EntryGridView::event(QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride && state() != EditingState) {
        // The grid's own keys win over the window's shortcuts (the main window's Ctrl+Z undoes an import).
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Undo) || isRedo(key) || key->matches(QKeySequence::Copy)
            || key->matches(QKeySequence::Paste) || key->matches(QKeySequence::Delete) || isHistory(key)
            || key->key() == Qt::Key_Delete) {
            event->accept();
            return true;
        }
    }
    return QTableView::event(event);
}

void EntryGridView::keyPressEvent(QKeyEvent* event)
{
    if (!m_model) {
        QTableView::keyPressEvent(event);
        return;
    }
    if (state() != EditingState) {
        const auto mods = event->modifiers() & ~Qt::KeypadModifier;
        if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
            moveBy(mods & Qt::ShiftModifier ? -1 : 1, 0);
            return;
        }
        if (event->key() == Qt::Key_Tab && mods == Qt::NoModifier) {
            moveBy(0, 1);
            return;
        }
        if (event->key() == Qt::Key_Backtab) {
            moveBy(0, -1);
            return;
        }
        if (event->key() == Qt::Key_Delete && mods == Qt::NoModifier) {
            clearSelection();
            return;
        }
        if (event->matches(QKeySequence::Copy)) {
            copySelection();
            return;
        }
        if (event->matches(QKeySequence::Paste)) {
            pasteClipboard();
            return;
        }
        if (event->matches(QKeySequence::Undo)) {
            m_model->undoStack()->undo();
            return;
        }
        if (isRedo(event)) {
            m_model->undoStack()->redo();
            return;
        }
        if (isHistory(event)) {
            showCellHistory();
            return;
        }
        if (isBulkFill(event)) {
            bulkFillColumn();
            return;
        }
    }
    QTableView::keyPressEvent(event);
}

QList<lifecycle::CellOutcome> EntryGridView::applyEdits(const QList<CellEdit>& edits, const QString& undoText)
{
    if (!m_model)
        return {};
    return m_model->applyEdits(edits, undoText);
}

QString EntryGridView::selectionAsText() const
{
    if (!m_model)
        return {};
    QModelIndexList selected = selectionModel()->selectedIndexes();
    if (selected.isEmpty() && currentIndex().isValid())
        selected.append(currentIndex());
    if (selected.isEmpty())
        return {};
    int top = INT_MAX, left = INT_MAX, bottom = -1, right = -1;
    for (const QModelIndex& i : selected) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c) {
            const QModelIndex i = m_model->index(r, c);
            cells.append(selectionModel()->isSelected(i) || selected.size() == 1 ? quoteCell(i.data().toString())
                                                                                 : QString());
        }
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void EntryGridView::copySelection()
{
    const QString text = selectionAsText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void EntryGridView::pasteClipboard()
{
    pasteText(QApplication::clipboard()->text());
}

void EntryGridView::pasteText(const QString& text)
{
    if (!m_model)
        return;
    const QList<QStringList> block = lifecycle::parseClipboardBlock(text);
    const QModelIndex current = currentIndex();
    if (block.isEmpty() || !current.isValid())
        return;
    QList<QPair<QPair<int, int>, QString>> targets; // (row, model column) → value
    const QModelIndexList selected = selectionModel()->selectedIndexes();
    if (block.size() == 1 && block.first().size() == 1 && selected.size() > 1) {
        // One value into every selected cell.
        for (const QModelIndex& i : selected)
            targets.append({{i.row(), i.column()}, block.first().first()});
    } else {
        for (int i = 0; i < block.size(); ++i)
            for (int j = 0; j < block.at(i).size(); ++j)
                targets.append({{current.row() + i, current.column() + j}, block.at(i).at(j)});
    }
    QList<CellEdit> edits;
    QStringList refused;
    const auto& grid = m_model->grid();
    for (const auto& [cell, value] : targets) {
        const auto [row, column] = cell;
        if (row >= m_model->rowCount() || column >= m_model->columnCount()) {
            refused.append(EntryGridModel::tr("outside the grid"));
            continue;
        }
        const int c = EntryGridModel::gridColumn(column);
        if (c < 0 || grid.columns.at(c).kind == lifecycle::CellKind::Computed) {
            refused.append(m_model->whyNotEditable(row, column));
            continue;
        }
        // Locked columns and read-only rows go to writeCells, which refuses them and says why.
        edits.append(CellEdit {grid.slot(row, c), value});
    }
    m_model->applyEdits(edits, tr("Paste of %n cell(s)", nullptr, int(targets.size())), refused);
}

void EntryGridView::clearSelection()
{
    if (!m_model)
        return;
    QModelIndexList selected = selectionModel()->selectedIndexes();
    if (selected.isEmpty() && currentIndex().isValid())
        selected.append(currentIndex());
    QList<CellEdit> edits;
    QStringList refused;
    for (const QModelIndex& i : selected) {
        const int c = EntryGridModel::gridColumn(i.column());
        if (c < 0)
            continue;
        if (m_model->grid().columns.at(c).kind == lifecycle::CellKind::Computed)
            continue;
        if (i.data(EntryGridModel::StoredValueRole).toString().isEmpty())
            continue;
        edits.append(CellEdit {m_model->grid().slot(i.row(), c), QString()});
    }
    if (edits.isEmpty())
        return;
    m_model->applyEdits(edits, tr("Clearing %n cell(s)", nullptr, int(edits.size())), refused);
}

void EntryGridView::showCellHistory()
{
    if (!m_model || !m_db)
        return;
    const QModelIndex i = currentIndex();
    const int c = i.isValid() ? EntryGridModel::gridColumn(i.column()) : -1;
    if (c < 0)
        return;
    const auto& grid = m_model->grid();
    auto changes = lifecycle::cellHistory(*m_db, grid.slot(i.row(), c));
    const QString name = tr("%1 of %2").arg(grid.columns.at(c).header, grid.rows.at(i.row()).student.student.fullName);
    auto* dialog = new CellHistoryDialog(name, changes ? *changes : QList<lifecycle::CellChange> {}, this);
    if (!changes)
        dialog->setToolTip(changes.error().message);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    Q_EMIT historyShown(dialog);
}

bool EntryGridView::canBulkFill() const
{
    if (!m_model || !m_db)
        return false;
    const int c = currentIndex().isValid() ? EntryGridModel::gridColumn(currentIndex().column()) : -1;
    if (c < 0 || c >= m_model->grid().columns.size())
        return false;
    const auto& column = m_model->grid().columns.at(c);
    return column.kind == lifecycle::CellKind::Text && !column.isLocked();
}

void EntryGridView::bulkFillColumn()
{
    if (!canBulkFill())
        return;
    const int c = EntryGridModel::gridColumn(currentIndex().column());
    auto* dialog = new BulkFillDialog(*m_db, m_model->grid(), c, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!dialog->edits().isEmpty())
            applyEdits(dialog->edits(), tr("Fill of %n comment(s)", nullptr, int(dialog->edits().size())));
    });
    dialog->open();
    Q_EMIT bulkFillShown(dialog);
}

void EntryGridView::decorateEditor(QWidget* editor, const QModelIndex& index)
{
    auto* line = qobject_cast<QLineEdit*>(editor);
    if (!line || !m_model || !m_db)
        return;
    const int c = EntryGridModel::gridColumn(index.column());
    const auto& grid = m_model->grid();
    if (c < 0 || c >= grid.columns.size() || grid.columns.at(c).kind != lifecycle::CellKind::Text)
        return;
    if (index.row() >= grid.rows.size() || !grid.rows.at(index.row()).values.value(c).isEmpty())
        return;
    // The model lives with the editor: a new cell asks the bank again, so phrases added meanwhile show up.
    auto* suggestions = new CommentSuggestionModel(line);
    if (!suggestions->load(*m_db, grid, c, index.row()) || suggestions->rowCount() == 0)
        return;
    line->setCompleter(suggestions->completer(line));
    line->setPlaceholderText(tr("Type to search the comment bank"));
}

void EntryGridView::contextMenuEvent(QContextMenuEvent* event)
{
    if (!m_model)
        return;
    QMenu menu(this);
    QAction* history = menu.addAction(tr("Cell &history…"), this, &EntryGridView::showCellHistory);
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    history->setEnabled(m_db && currentIndex().column() >= EntryGridModel::FixedColumns);
    QAction* fill = menu.addAction(tr("&Fill comments from the bank…"), this, &EntryGridView::bulkFillColumn);
    fill->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    fill->setEnabled(canBulkFill());
    menu.addSeparator();
    menu.addAction(tr("&Copy"), this, &EntryGridView::copySelection)->setShortcut(QKeySequence::Copy);
    menu.addAction(tr("&Paste"), this, &EntryGridView::pasteClipboard)->setShortcut(QKeySequence::Paste);
    menu.addAction(tr("C&lear"), this, &EntryGridView::clearSelection)->setShortcut(QKeySequence::Delete);
    menu.addSeparator();
    QAction* undo = m_model->undoStack()->createUndoAction(&menu, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_model->undoStack()->createRedoAction(&menu, tr("&Redo"));
    redo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Y));
    menu.addAction(undo);
    menu.addAction(redo);
    menu.exec(event->globalPos());
}

CellHistoryDialog::CellHistoryDialog(const QString& cellName, const QList<lifecycle::CellChange>& changes,
                                     QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("cellHistoryDialog"));
    setWindowTitle(tr("History of %1").arg(cellName));
    auto* layout = new QVBoxLayout(this);
    auto* caption = new QLabel(changes.isEmpty() ? tr("This cell has not been changed yet.")
                                                 : tr("Every change of this cell, oldest first:"),
                               this);
    layout->addWidget(caption);
    m_table->setObjectName(QStringLiteral("cellHistoryTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Old value"), tr("New value")});
    m_table->setRowCount(int(changes.size()));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    for (int r = 0; r < changes.size(); ++r) {
        const auto& ch = changes.at(r);
        const auto shown = [](const QString& v) { return QString(v).replace(QLatin1Char('.'), QLatin1Char(',')); };
        m_table->setItem(r, 0, new QTableWidgetItem(ch.at.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))));
        m_table->setItem(r, 1, new QTableWidgetItem(ch.who));
        // Scores with a decimal comma; a comment's dot stays where a number is not a score.
        bool oldNumber = false;
        bool newNumber = false;
        ch.oldValue.toDouble(&oldNumber);
        ch.newValue.toDouble(&newNumber);
        m_table->setItem(r, 2, new QTableWidgetItem(oldNumber ? shown(ch.oldValue) : ch.oldValue));
        m_table->setItem(r, 3, new QTableWidgetItem(newNumber ? shown(ch.newValue) : ch.newValue));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 320);
}

} // namespace hocba::ui

#include "EntryGridView.moc"

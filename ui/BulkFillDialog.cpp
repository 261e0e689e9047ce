// SPDX-License-Identifier: GPL-3.0-or-later
#include "BulkFillDialog.h"

#include "MessageBox.h"
#include "ScreenFit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <QHash>

namespace hocba::ui {

namespace {

QList<lifecycle::CommentEntry> readBank(store::Database& db)
{
    auto bank = lifecycle::commentEntries(db);
    return bank ? *bank : QList<lifecycle::CommentEntry> {};
}

lifecycle::HouseStyle readStyle(store::Database& db)
{
    auto style = lifecycle::houseStyle(db);
    return style ? *style : lifecycle::HouseStyle {};
}

} // namespace

BulkFillDialog::BulkFillDialog(lifecycle::EntryGrid grid, int column, QList<lifecycle::CommentEntry> bank,
                               lifecycle::HouseStyle style, QWidget* parent)
    : QDialog(parent)
    , m_grid(std::move(grid))
    , m_column(column)
    , m_bank(std::move(bank))
    , m_style(std::move(style))
{
    build();
}

BulkFillDialog::BulkFillDialog(store::Database& db, lifecycle::EntryGrid grid, int column, QWidget* parent)
    : BulkFillDialog(std::move(grid), column, readBank(db), readStyle(db), parent)
{ }

void BulkFillDialog::build()
{
    const QString header
        = m_column >= 0 && m_column < m_grid.columns.size() ? m_grid.columns.at(m_column).header : QString();
    setWindowTitle(tr("Fill the column %1").arg(header));
    setObjectName(QStringLiteral("bulkFillDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Class %1: the comment goes into the empty cells of the column %2. Comments already "
                                "written are kept unless you tick \"Also replace\".")
                                 .arg(m_grid.className, header),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Words or a code to find in the comment bank"));
    form->addRow(tr("Find:"), m_search);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("suggestions"));
    m_list->setWordWrap(true);
    form->addRow(tr("Comment bank:"), m_list);
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("text"));
    m_text->setPlaceholderText(tr("Pick a phrase above or type the comment"));
    form->addRow(tr("Comment:"), m_text);
    m_styleWarnings = new QLabel(this);
    m_styleWarnings->setObjectName(QStringLiteral("styleWarnings"));
    m_styleWarnings->setWordWrap(true);
    m_styleWarnings->setStyleSheet(QStringLiteral("color: #9a6700"));
    form->addRow(QString(), m_styleWarnings);
    layout->addLayout(form);

    m_suitLevel = new QCheckBox(
        tr("Suit each pupil's level: a phrase of the bank for each pupil's level, varied when the bank has several"),
        this);
    m_suitLevel->setObjectName(QStringLiteral("suitLevel"));
    layout->addWidget(m_suitLevel);
    m_overwrite = new QCheckBox(tr("Also replace comments already written (asks before replacing)"), this);
    m_overwrite->setObjectName(QStringLiteral("overwrite"));
    layout->addWidget(m_overwrite);

    m_preview = new QTableWidget(0, 4, this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setHorizontalHeaderLabels({tr("Pupil"), tr("Now"), tr("After"), tr("What happens")});
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_preview->verticalHeader()->setVisible(false);
    layout->addWidget(m_preview, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_identical = new QLabel(this);
    m_identical->setObjectName(QStringLiteral("identicalWarning"));
    m_identical->setWordWrap(true);
    m_identical->setStyleSheet(QStringLiteral("color: #9a6700"));
    layout->addWidget(m_identical);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_fill = buttons->button(QDialogButtonBox::Ok);
    m_fill->setText(tr("Fill"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &BulkFillDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_search, &QLineEdit::textChanged, this, &BulkFillDialog::refreshList);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            chooseSuggestion(row);
    });
    connect(m_text, &QLineEdit::textChanged, this, &BulkFillDialog::refreshPlan);
    connect(m_overwrite, &QCheckBox::toggled, this, &BulkFillDialog::refreshPlan);
    connect(m_suitLevel, &QCheckBox::toggled, this, [this](bool on) {
        m_text->setEnabled(!on);
        m_list->setEnabled(!on);
        m_search->setEnabled(!on);
        refreshPlan();
    });
    resizeWithinScreen(this, QSize(820, 620));
    refreshList();
    refreshPlan();
}

void BulkFillDialog::refreshList()
{
    lifecycle::CommentFilter filter = lifecycle::commentFilterForCell(m_grid, m_column, -1);
    filter.search = m_search->text();
    m_shown = lifecycle::rankComments(m_bank, filter, m_style, -1);
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const auto& s : m_shown) {
        auto* item = new QListWidgetItem(s.entry.band.isEmpty()
                                             ? QStringLiteral("%1  %2").arg(s.entry.code, s.text)
                                             : QStringLiteral("%1 (%2)  %3").arg(s.entry.code, s.entry.band, s.text),
                                         m_list);
        item->setToolTip(s.text);
    }
}

QStringList BulkFillDialog::rowTexts() const
{
    QStringList texts;
    if (!m_suitLevel->isChecked()) {
        for (qsizetype i = 0; i < m_grid.rows.size(); ++i)
            texts << m_text->text();
        return texts;
    }
    // Each pupil: the best phrases for the pupil's level, taken in turn so that pupils of one level get different ones.
    QHash<QString, int> turn;
    for (int row = 0; row < m_grid.rows.size(); ++row) {
        const lifecycle::CommentFilter filter = lifecycle::commentFilterForCell(m_grid, m_column, row);
        if (filter.band.isEmpty()) {
            texts << QString();
            continue;
        }
        const auto ranked = lifecycle::rankComments(m_bank, filter, m_style, -1);
        QList<lifecycle::CommentSuggestion> best;
        for (const auto& s : ranked)
            if (!s.entry.band.isEmpty() && (best.isEmpty() || s.rank == best.first().rank))
                best << s;
        if (best.isEmpty()) {
            texts << QString();
            continue;
        }
        int& n = turn[filter.band];
        texts << best.at(n % best.size()).text;
        ++n;
    }
    return texts;
}

void BulkFillDialog::refreshPlan()
{
    const QStringList texts = rowTexts();
    m_plan = lifecycle::planBulkFill(m_grid, m_column, texts, m_overwrite->isChecked());
    const QString typed = m_text->text();
    m_styleWarnings->setText(m_suitLevel->isChecked() ? QString()
                                                      : lifecycle::styleWarnings(m_style, typed).join(u'\n'));

    QHash<int, QString> after;
    for (qsizetype i = 0; i < m_plan.rows.size(); ++i)
        after.insert(m_plan.rows.at(i), m_plan.edits.at(i).value);
    m_preview->setRowCount(int(m_grid.rows.size()));
    QStringList resulting;
    const bool locked = m_column >= 0 && m_column < m_grid.columns.size() && m_grid.columns.at(m_column).isLocked();
    for (int row = 0; row < m_grid.rows.size(); ++row) {
        const auto& r = m_grid.rows.at(row);
        const QString now = m_column < r.values.size() ? r.values.at(m_column) : QString();
        const QString wanted = texts.value(row).trimmed();
        QString what;
        QString next = now;
        if (after.contains(row)) {
            next = after.value(row);
            what = now.trimmed().isEmpty() ? tr("Filled") : tr("Replaced");
        } else if (wanted.isEmpty()) {
            what = m_suitLevel->isChecked() && now.trimmed().isEmpty() ? tr("No level yet: left empty") : QString();
        } else if (!r.editable || locked) {
            what = locked ? m_grid.columns.at(m_column).lockedReason : r.readOnlyReason;
            if (what.isEmpty())
                what = tr("Cannot be changed");
        } else if (now.trimmed() == wanted) {
            what = tr("Already this comment");
        } else {
            what = tr("Kept: a comment is already written");
        }
        resulting << next;
        const QStringList cells {r.student.student.fullName, now, next, what};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            m_preview->setItem(row, c, item);
        }
    }

    QStringList parts;
    parts << tr("%n empty cell(s) get a comment", nullptr, m_plan.filled);
    if (m_plan.overwritten > 0)
        parts << tr("%n written comment(s) are replaced", nullptr, m_plan.overwritten);
    if (m_plan.skipped > 0)
        parts << tr("%n written comment(s) are kept", nullptr, m_plan.skipped);
    if (m_plan.notEditable > 0)
        parts << tr("%n cell(s) cannot be changed", nullptr, m_plan.notEditable);
    m_summary->setText(parts.join(QStringLiteral("; ")) + u'.');

    QStringList warnings;
    for (const auto& g : lifecycle::identicalComments(resulting, lifecycle::kIdenticalCommentsWarnAt))
        warnings << tr("%n pupil(s) of the class would have the same comment: \"%1\".", nullptr, int(g.rows.size()))
                        .arg(g.text);
    if (!warnings.isEmpty() && m_suitLevel->isChecked())
        warnings << tr("Parents and the board notice identical comments: the bank has too few phrases for these "
                       "levels. Add more in Settings → Comment bank, or change some comments after filling.");
    else if (!warnings.isEmpty())
        warnings << tr("Parents and the board notice identical comments: vary them, or tick \"Suit each pupil's "
                       "level\".");
    m_identical->setText(warnings.join(u'\n'));
    m_fill->setEnabled(!m_plan.edits.isEmpty());
}

void BulkFillDialog::accept()
{
    if (m_plan.edits.isEmpty())
        return;
    if (m_plan.overwritten > 0) {
        const auto answer = MessageBox::question(
            this, tr("Replace written comments"),
            tr("%n comment(s) already written will be replaced and the old text lost (it stays in the cell's "
               "history). Replace them?",
               nullptr, m_plan.overwritten),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_accepted = m_plan.edits;
    QDialog::accept();
}

void BulkFillDialog::setText(const QString& text)
{
    m_text->setText(text);
}

QString BulkFillDialog::text() const
{
    return m_text->text();
}

void BulkFillDialog::setOverwrite(bool on)
{
    m_overwrite->setChecked(on);
}

void BulkFillDialog::setSuitEachLevel(bool on)
{
    m_suitLevel->setChecked(on);
}

void BulkFillDialog::setSearch(const QString& words)
{
    m_search->setText(words);
}

void BulkFillDialog::chooseSuggestion(int index)
{
    if (index < 0 || index >= m_shown.size())
        return;
    m_text->setText(m_shown.at(index).text);
}

int BulkFillDialog::suggestionCount() const
{
    return int(m_shown.size());
}

QString BulkFillDialog::summaryText() const
{
    return m_summary->text();
}

QString BulkFillDialog::identicalWarning() const
{
    return m_identical->text();
}

QString BulkFillDialog::styleWarningText() const
{
    return m_styleWarnings->text();
}

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeadlineBoardWidget.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hocba::ui {

namespace {

const QString kDate = QStringLiteral("dd/MM/yyyy");

/** Enter on a row does what a double-click does. */
class BoardTable : public QTableWidget
{
public:
    using QTableWidget::QTableWidget;

protected:
    void keyPressEvent(QKeyEvent* event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem()) {
            Q_EMIT itemDoubleClicked(currentItem());
            return;
        }
        QTableWidget::keyPressEvent(event);
    }
};

QString daysText(int days, QDate deadline)
{
    if (days > 0)
        return DeadlineBoardWidget::tr("%n day(s) left to %1", nullptr, days).arg(deadline.toString(kDate));
    if (days == 0)
        return DeadlineBoardWidget::tr("%1 is today").arg(deadline.toString(kDate));
    return DeadlineBoardWidget::tr("%1 passed %n day(s) ago", nullptr, -days).arg(deadline.toString(kDate));
}

} // namespace

DeadlineBoardWidget::DeadlineBoardWidget(store::Database& db, SchoolYear year, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_year(year)
    , m_today(QDate::currentDate())
{
    setObjectName(QStringLiteral("deadlineBoard"));
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("deadlineHeader"));
    m_header->setWordWrap(true);
    m_table = new BoardTable(this);
    m_table->setObjectName(QStringLiteral("deadlineTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Class"), tr("Homeroom teacher"), tr("Pupils"), tr("Marks missing"),
                                        tr("Comments missing"), tr("Checked clean"), tr("Confirmed"), tr("Approved"),
                                        tr("Signed"), tr("Uploaded"), tr("August cohort")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(TeacherColumn, QHeaderView::Stretch);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, [this](QTableWidgetItem* item) {
        auto* cls = m_table->item(item->row(), ClassColumn);
        if (!cls || item->row() >= m_board.rows.size())
            return;
        if (item->column() == MarksMissingColumn || item->column() == CommentsMissingColumn)
            Q_EMIT gridActivated(cls->text());
        else
            Q_EMIT classActivated(cls->text());
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);
    refresh();
}

void DeadlineBoardWidget::setToday(QDate today)
{
    m_today = today;
    refresh();
}

QString DeadlineBoardWidget::headerText() const
{
    return m_header->text();
}

void DeadlineBoardWidget::refresh()
{
    auto board = lifecycle::deadlineBoard(m_db, m_year, m_today);
    m_table->setRowCount(0);
    if (!board) {
        m_board = {};
        m_header->setText(board.error().message);
        return;
    }
    m_board = std::move(*board);
    m_header->setText(tr("School year %1, %2: %3; August cohort: %4.")
                          .arg(m_year.toString(), m_today.toString(kDate),
                               daysText(m_board.daysToMain, m_board.mainDeadline),
                               daysText(m_board.daysToAugust, m_board.augustDeadline)));
    const auto fill = [this](int row, const QString& name, const QString& teacher,
                             const lifecycle::ClassReviewCounts& n, const QColor& colour, const QString& tip) {
        const QStringList cells {name,
                                 teacher,
                                 QString::number(n.pupils),
                                 QString::number(n.marksMissing),
                                 QString::number(n.commentsMissing),
                                 QString::number(n.clean),
                                 QString::number(n.ready),
                                 QString::number(n.approved),
                                 QString::number(n.signedCount),
                                 QString::number(n.uploaded),
                                 tr("%1 (%2 signed)").arg(n.augustCohort).arg(n.augustSigned)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c >= PupilsColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (colour.isValid())
                item->setBackground(colour);
            item->setToolTip(tip);
            m_table->setItem(row, c, item);
        }
    };
    m_table->setRowCount(int(m_board.rows.size()) + 1);
    int row = 0;
    for (const auto& r : m_board.rows) {
        QColor colour;
        QString tip;
        if (r.mainDone()) {
            colour = QColor(0xd8, 0xf0, 0xd8);
            tip = tr("Every record due by 30/6 is signed.");
        } else if (r.errors > 0 || (r.lastReturn && r.counts.ready == 0)) {
            colour = QColor(0xf8, 0xd7, 0xda);
            tip = r.lastReturn && r.counts.ready == 0
                ? tr("Returned by the board: %1").arg(r.lastReturn->reason)
                : tr("%n error(s) to correct before the records can be confirmed.", nullptr, r.errors);
        } else {
            colour = QColor(0xff, 0xf3, 0xcd);
            tip = tr("In progress: %1 of %2 records due by 30/6 signed.").arg(r.mainSigned()).arg(r.mainPupils());
        }
        fill(row++, r.cls.name, r.homeroomTeacher, r.counts, colour, tip);
    }
    fill(row, tr("Total"), QString(), m_board.totals, QColor(), QString());
    QFont bold = m_table->font();
    bold.setBold(true);
    for (int c = 0; c < ColumnCount; ++c)
        m_table->item(row, c)->setFont(bold);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(TeacherColumn, QHeaderView::Stretch);
}

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/DeadlineBoard.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * The deadline board (WORKFLOWS.md §7 item 12): one row per class and homeroom teacher with what is missing and how
 * far its records are (checked, confirmed, approved, signed, uploaded), the August cohort apart, and the days left to
 * 30/6 and 15/8 above. A row is green when every record due by 30/6 is signed, red while the review finds errors or
 * the board returned the class, amber otherwise. A double-click (or Enter) asks for that class's review.
 */
class DeadlineBoardWidget : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        ClassColumn,
        TeacherColumn,
        PupilsColumn,
        MarksMissingColumn,
        CommentsMissingColumn,
        CleanColumn,
        ConfirmedColumn,
        ApprovedColumn,
        SignedColumn,
        UploadedColumn,
        AugustColumn,
        ColumnCount
    };

    DeadlineBoardWidget(store::Database& db, SchoolYear year, QWidget* parent = nullptr);

    /** Counts the days from this date (today by default). */
    void setToday(QDate today);
    /** Reads the board again. */
    void refresh();

    const lifecycle::DeadlineBoard& board() const { return m_board; }
    QTableWidget* table() const { return m_table; }
    QString headerText() const;

Q_SIGNALS:
    /** The user wants the review of this class (the fix list). */
    void classActivated(const QString& className);
    /** The user wants to fill in what is missing: a double click on a class's missing marks or comments. */
    void gridActivated(const QString& className);

private:
    store::Database& m_db;
    SchoolYear m_year;
    QDate m_today;
    lifecycle::DeadlineBoard m_board;
    QLabel* m_header = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/ClassReview.h"

#include <QDate>
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * The check before signing ("rà soát") of one class (WORKFLOWS.md §7 item 7): what the review finds, pupil by pupil,
 * with where and how serious; the board's returns with their reasons; the fix list to print; and the steps that
 * follow — the homeroom teacher confirms, the board approves or returns the class with a reason. Every step goes
 * through lifecycle with the actor, which decides what is allowed; the buttons a role cannot use are hidden only to
 * spare a refusal.
 */
class ClassReviewDialog : public QDialog
{
    Q_OBJECT
public:
    ClassReviewDialog(store::Database& db, lifecycle::Actor actor, SchoolYear year, QString className,
                      QWidget* parent = nullptr);
    ~ClassReviewDialog() override;

    /** Reads the review again (after a step, or when the grid changed). */
    void refresh();
    const lifecycle::ClassReview& review() const { return m_review; }
    /** The last outcome shown under the list (a step's result or refusal), for tests and screen readers. */
    QString statusText() const;
    /** The date printed on the fix list (today unless a test sets it). */
    void setToday(QDate today) { m_today = today; }
    /** The school's name, printed at the top of the fix list. */
    void setSchoolName(const QString& name) { m_schoolName = name; }

public Q_SLOTS:
    /** Asks for a PDF file name (FileDialog's hook) and writes the fix list; false when cancelled or failed. */
    bool printFixList();
    /** The homeroom teacher's confirmation of the class (warnings acknowledged by the account's name). */
    void confirmClass();
    void approveClass();
    /** Returns the class with the reason typed in the reason field. */
    void returnClass();

Q_SIGNALS:
    /** A step changed the class's records: the caller refreshes its lists. */
    void changed();

private:
    void setStatus(const QString& text, bool problem);
    void updateButtons();

    store::Database& m_db;
    lifecycle::Actor m_actor;
    SchoolYear m_year;
    QString m_className;
    QString m_schoolName;
    QDate m_today;
    lifecycle::ClassReview m_review;

    QLabel* m_summary = nullptr;
    QLabel* m_returns = nullptr;
    QTreeWidget* m_items = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_printButton = nullptr;
    QPushButton* m_confirmButton = nullptr;
    QPushButton* m_approveButton = nullptr;
    QLineEdit* m_reasonEdit = nullptr;
    QPushButton* m_returnButton = nullptr;
};

} // namespace hocba::ui

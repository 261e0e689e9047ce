// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/Exports.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * Records → Export…: one class's workbook as offices send it (docs/export.md): the detailed grade book of a subject
 * and semester, the class summary, or the student list; the file is asked for, then lifecycle::exportWorkbook writes
 * it (a class takes well under a second, so it runs here). Refusals (a right missing) are shown in the dialog.
 */
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(store::Database& db, lifecycle::Actor actor, ClassGroup cls, QWidget* parent = nullptr);

    /** The request the choices make. */
    lifecycle::ExportRequest request() const;
    QString resultText() const;

public Q_SLOTS:
    /** Asks for the file and writes the workbook; true when written. */
    bool exportNow();

private:
    void updateChoices();

    store::Database& m_db;
    lifecycle::Actor m_actor;
    ClassGroup m_class;
    QComboBox* m_kind = nullptr;
    QComboBox* m_subject = nullptr;
    QComboBox* m_term = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace hocba::ui

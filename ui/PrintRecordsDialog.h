// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/PrintLog.h"
#include "render/RecordRenderer.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPrinter;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace hocba::store {
class Database;
}

namespace hocba::ui {

/**
 * The clerk's printing (Records → Print records…, and the preview's Print… and Export PDF…): the chosen pupils or
 * the whole class, why (archive, transfer, parent, other with a note), how many copies, to a printer (QPrintDialog) or
 * to one PDF file. The books are made and printed on a worker thread with its own connection to the school file, with
 * progress and Cancel (between records); lifecycle's printTogether / printToPdfFile write every copy to the print log,
 * so nothing printed here goes unlogged. Refusals (a revoked year, a right missing) are shown in the dialog.
 */
class PrintRecordsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Scope
    {
        SchoolYear year;
        QString className;
        /** The chosen pupils' current sections; empty: only the whole class is offered. */
        QList<Id> selectedSections;
        /** Start with the whole class chosen (a class preview). */
        bool wholeClass = false;
    };

    PrintRecordsDialog(QString schoolPath, lifecycle::Actor actor, Scope scope, render::RenderOptions options,
                       QWidget* parent = nullptr);
    ~PrintRecordsDialog() override;

    /**
     * What sets up the printer before a print job: QPrintDialog by default (false: the user cancelled). Tests set a
     * printer that writes a PDF file instead (QPrinter::PdfFormat).
     */
    using PrinterSetup = std::function<bool(QPrinter&, QWidget* parent)>;
    static void setPrinterSetup(PrinterSetup setup);

    bool isRunning() const { return m_watcher.isRunning(); }
    /** The outcome text of the last run, as shown. */
    QString resultText() const;

public Q_SLOTS:
    /** Starts printing with the choices made (a file is asked for when the target is PDF). */
    void start();
    /** Stops a run between records. */
    void cancelRun();

Q_SIGNALS:
    void progressed(int done, int total);
    /** A run is over; `printed` records were printed and logged. */
    void finishedRun(int printed);

private:
    struct Run;
    void onFinished();
    void updateState();
    lifecycle::PrintRequest request() const;

    QString m_path;
    lifecycle::Actor m_actor;
    Scope m_scope;
    render::RenderOptions m_options;

    QRadioButton* m_selected = nullptr;
    QRadioButton* m_class = nullptr;
    QComboBox* m_reason = nullptr;
    QLineEdit* m_note = nullptr;
    QSpinBox* m_copies = nullptr;
    QRadioButton* m_toPrinter = nullptr;
    QRadioButton* m_toPdf = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_result = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_cancel = nullptr;

    std::shared_ptr<std::atomic_bool> m_stop;
    std::unique_ptr<QPrinter> m_printer;
    QFutureWatcher<std::shared_ptr<Run>> m_watcher;
};

/** Records → Print log…: the print log of a school year (and class), newest last. */
class PrintLogDialog : public QDialog
{
    Q_OBJECT

public:
    PrintLogDialog(store::Database& db, const lifecycle::Actor& actor, std::optional<SchoolYear> year,
                   std::optional<QString> className, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
};

} // namespace hocba::ui

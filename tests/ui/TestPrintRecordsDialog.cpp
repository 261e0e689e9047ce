// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's print dialog (issue 14, clerk printing) offscreen: chosen pupils to a PDF file, the whole class to a
// "printer" that writes a PDF, each run written to the print log (who, version, reason, copies, target); a reason
// "other" without a note refused before anything; Cancel leaves a log that matches what was printed; the print log
// dialog lists the rows; the export dialog writes a grade book.
#include "ExportDialog.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "PrintRecordsDialog.h"
#include "RecordPreviewWidget.h"

#include "demo/DemoSchool.h"
#include "lifecycle/PrintLog.h"
#include "lifecycle/SchoolFile.h"
#include "sheets/Workbook.h"
#include "util/Settings.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace hocba;
using ui::PrintRecordsDialog;

namespace {

const SchoolYear kYear {2025};

bool isPdf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(5) == "%PDF-";
}

} // namespace

class TestPrintRecordsDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;
    ClassGroup m_class;
    QList<RosterEntry> m_roster;

    QList<lifecycle::PrintLogEntry> log()
    {
        auto file = lifecycle::SchoolFile::open(m_path);
        if (!file)
            return {};
        return lifecycle::printLog((*file)->database(), lifecycle::Actor::unrestricted(), kYear)
            .value_or(QList<lifecycle::PrintLogEntry>());
    }

    PrintRecordsDialog::Scope scope(QList<Id> sections) { return {kYear, m_class.name, std::move(sections), false}; }

    /** Clicks Print and waits for the run to end; the count of records printed. */
    int runPrint(PrintRecordsDialog& dialog)
    {
        QSignalSpy done(&dialog, &PrintRecordsDialog::finishedRun);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("printButton")), Qt::LeftButton);
        if (!dialog.isRunning() && done.isEmpty())
            return -1;
        if (done.isEmpty() && !done.wait(120000))
            return -2;
        return done.first().first().toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("school.hocba"));
        demo::DemoOptions o;
        o.levels = demo::DemoOptions::Levels::Thcs;
        o.students = 40;
        o.seed = 9;
        o.year = kYear;
        QVERIFY(demo::createDemoSchool(m_path, o));
        auto file = lifecycle::SchoolFile::open(m_path);
        QVERIFY(file);
        const lifecycle::SchoolOverview overview = (*file)->overview().value();
        for (const ClassGroup& c : overview.classes)
            if (c.schoolYear == kYear && c.name == QLatin1String("6A1"))
                m_class = c;
        QVERIFY(m_class.id > 0);
        m_roster = (*file)->roster(m_class.id).value();
        QVERIFY(m_roster.size() > 3);
    }

    void chosenPupilsToAPdfFile()
    {
        PrintRecordsDialog dialog(m_path, lifecycle::Actor::unrestricted(),
                                  scope({m_roster.at(0).section.id, m_roster.at(1).section.id}), {});
        QVERIFY(dialog.findChild<QRadioButton*>(QStringLiteral("selectedPupils"))->isChecked());
        dialog.findChild<QRadioButton*>(QStringLiteral("toPdf"))->setChecked(true);
        auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reason"));
        reason->setCurrentIndex(reason->findData(QStringLiteral("parent")));
        const QString pdf = m_dir.filePath(QStringLiteral("two.pdf"));
        ui::FileDialog::setNextFileName(pdf);
        QCOMPARE(runPrint(dialog), 2);
        QVERIFY(isPdf(pdf));
        const auto rows = log();
        QCOMPARE(rows.size(), 2);
        for (const auto& e : rows) {
            QCOMPARE(e.reason, lifecycle::PrintReason::Parent);
            QCOMPARE(e.target, lifecycle::PrintTarget::Pdf);
            QCOMPARE(e.version, 1);
            QVERIFY(e.draft); // the demo's year is not signed
            QCOMPARE(e.className, m_class.name);
            QCOMPARE(e.printedBy, QStringLiteral("system"));
        }
        QCOMPARE(rows.at(0).sectionId, m_roster.at(0).section.id);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("2 record")), qPrintable(dialog.resultText()));
    }

    void otherWithoutANoteIsRefused()
    {
        PrintRecordsDialog dialog(m_path, lifecycle::Actor::unrestricted(), scope({m_roster.at(0).section.id}), {});
        auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reason"));
        reason->setCurrentIndex(reason->findData(QStringLiteral("other")));
        const qsizetype before = log().size();
        QCOMPARE(runPrint(dialog), -1);
        QVERIFY2(dialog.resultText().contains(QStringLiteral("note")), qPrintable(dialog.resultText()));
        QCOMPARE(log().size(), before);
    }

    void wholeClassToAPrinter()
    {
        const QString out = m_dir.filePath(QStringLiteral("printer.pdf"));
        PrintRecordsDialog::setPrinterSetup([out](QPrinter& printer, QWidget*) {
            printer.setOutputFormat(QPrinter::PdfFormat);
            printer.setOutputFileName(out);
            return true;
        });
        PrintRecordsDialog dialog(m_path, lifecycle::Actor::unrestricted(), scope({}), {});
        QVERIFY(dialog.findChild<QRadioButton*>(QStringLiteral("wholeClass"))->isChecked());
        QVERIFY(!dialog.findChild<QRadioButton*>(QStringLiteral("selectedPupils"))->isEnabled());
        auto* reason = dialog.findChild<QComboBox*>(QStringLiteral("reason"));
        reason->setCurrentIndex(reason->findData(QStringLiteral("archive")));
        const qsizetype before = log().size();
        QCOMPARE(runPrint(dialog), int(m_roster.size()));
        PrintRecordsDialog::setPrinterSetup({});
        QVERIFY(isPdf(out));
        const auto rows = log();
        QCOMPARE(rows.size(), before + m_roster.size());
        for (qsizetype i = before; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).target, lifecycle::PrintTarget::Printer);
            QCOMPARE(rows.at(i).reason, lifecycle::PrintReason::Archive);
        }
    }

    void cancelledRunLogsWhatWasPrinted()
    {
        PrintRecordsDialog dialog(m_path, lifecycle::Actor::unrestricted(), scope({}), {});
        dialog.findChild<QRadioButton*>(QStringLiteral("toPdf"))->setChecked(true);
        const QString pdf = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        ui::FileDialog::setNextFileName(pdf);
        const qsizetype before = log().size();
        QSignalSpy done(&dialog, &PrintRecordsDialog::finishedRun);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("printButton")), Qt::LeftButton);
        QVERIFY(dialog.isRunning());
        QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("cancelButton"))->text(),
                 PrintRecordsDialog::tr("&Cancel"));
        dialog.cancelRun();
        QVERIFY(done.wait(120000));
        const int printed = done.first().first().toInt();
        QVERIFY(printed < m_roster.size());
        QCOMPARE(log().size(), before + printed);
        QCOMPARE(QFile::exists(pdf), printed > 0);
    }

    void printLogDialogListsTheRows()
    {
        auto file = lifecycle::SchoolFile::open(m_path);
        QVERIFY(file);
        ui::PrintLogDialog dialog((*file)->database(), lifecycle::Actor::unrestricted(), kYear, m_class.name);
        QCOMPARE(dialog.table()->rowCount(), int(log().size()));
        QVERIFY(dialog.table()->rowCount() >= 2);
        QCOMPARE(dialog.table()->item(0, 4)->text(), m_roster.at(0).lookupCode);
    }

    void mainWindowOffersPrintingThroughTheLog()
    {
        ui::MessageBox::setAutoAnswer(true);
        Settings settings(m_dir.filePath(QStringLiteral("hocba.ini")));
        ui::MainWindow window(settings);
        QVERIFY(window.openDatabase(m_path));
        const auto action = [&](const char* name) { return window.findChild<QAction*>(QString::fromLatin1(name)); };
        QVERIFY(action("printAction") && action("printLogAction") && action("exportAction"));
        QVERIFY(action("printLogAction")->isEnabled());
        auto* tree = window.findChild<QTreeView*>(QStringLiteral("navigationTreeView"));
        const QAbstractItemModel* m = tree->model();
        QModelIndex cls;
        for (int y = 0; y < m->rowCount() && !cls.isValid(); ++y) {
            const QModelIndex year = m->index(y, 0);
            if (year.data(ui::MainWindow::SchoolYearRole).toInt() != kYear.startYear)
                continue;
            for (int g = 0; g < m->rowCount(year); ++g)
                for (int c = 0; c < m->rowCount(m->index(g, 0, year)); ++c) {
                    const QModelIndex i = m->index(c, 0, m->index(g, 0, year));
                    if (i.data(ui::MainWindow::ClassIdRole).toLongLong() == m_class.id)
                        cls = i;
                }
        }
        QVERIFY(cls.isValid());
        tree->setCurrentIndex(cls);
        QVERIFY(action("printAction")->isEnabled());
        QVERIFY(action("exportAction")->isEnabled());
        auto* table = window.findChild<QTableView*>(QStringLiteral("studentTableView"));
        table->setCurrentIndex(table->model()->index(0, 0));
        // The preview's Print… opens the print dialog with the chosen pupil, not a printer.
        auto* print = window.findChild<ui::RecordPreviewWidget*>()->findChild<QToolButton*>(QStringLiteral("print"));
        QVERIFY(print);
        QSignalSpy rendered(window.findChild<ui::RecordPreviewWidget*>(), &ui::RecordPreviewWidget::rendered);
        QVERIFY(rendered.count() > 0 || rendered.wait(30000));
        print->click();
        auto* dialog = window.findChild<PrintRecordsDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QRadioButton*>(QStringLiteral("selectedPupils"))->isChecked());
        dialog->close();
    }

    void exportDialogWritesAGradeBook()
    {
        auto file = lifecycle::SchoolFile::open(m_path);
        QVERIFY(file);
        ui::ExportDialog dialog((*file)->database(), lifecycle::Actor::unrestricted(), m_class);
        auto* subject = dialog.findChild<QComboBox*>(QStringLiteral("subject"));
        subject->setCurrentIndex(subject->findData(QStringLiteral("toan")));
        const QString path = m_dir.filePath(QStringLiteral("toan.xlsx"));
        ui::FileDialog::setNextFileName(path);
        QVERIFY2(dialog.exportNow(), qPrintable(dialog.resultText()));
        auto sheets = sheets::readFile(path);
        QVERIFY(sheets && sheets->size() == 1);
        QVERIFY(sheets->first().rows.size() > m_roster.size());
    }
};

QTEST_MAIN(TestPrintRecordsDialog)
#include "TestPrintRecordsDialog.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// File → Import…: the preview of each row's outcome, the filter to problems, what Accept and Cancel send to the
// import, and the undo step's confirmation and refusal. The import itself is a fake: this test needs no school file.
#include "ImportDialog.h"
#include "ImportPreviewModel.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "StandInSchool.h"
#include "lifecycle/ImportTemplates.h"

#include "rules/Names.h"
#include "sheets/Workbook.h"
#include "store/Database.h"
#include "util/Settings.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeView>

#include <memory>

using namespace hocba;
using lifecycle::ImportKind;
using lifecycle::ImportProblem;
using lifecycle::ImportRequest;
using lifecycle::ImportResult;
using lifecycle::ImportRow;
using lifecycle::RowOutcome;

namespace {

/** The import as the dialog sees it: answers a fixed result and remembers what it was asked, from any thread. */
struct FakeImport
{
    QMutex mutex;
    QList<ImportRequest> requests;
    bool ranOnGuiThread = false;
    Result<ImportResult> answer;
    std::unique_ptr<QSemaphore> gate; ///< when set, each call waits for a release: the dialog is seen busy

    ui::ImportRunner runner()
    {
        return [this](const ImportRequest& request) -> Result<ImportResult> {
            if (gate)
                gate->acquire();
            QMutexLocker lock(&mutex);
            requests << request;
            ranOnGuiThread = ranOnGuiThread || QThread::currentThread() == QCoreApplication::instance()->thread();
            return answer;
        };
    }
    int calls(bool dryRun)
    {
        QMutexLocker lock(&mutex);
        return int(std::count_if(requests.cbegin(), requests.cend(),
                                 [dryRun](const ImportRequest& r) { return r.dryRun == dryRun; }));
    }
    ImportRequest last()
    {
        QMutexLocker lock(&mutex);
        return requests.last();
    }
};

ImportProblem problem(int row, const QString& column, const QString& code, const QString& message)
{
    return ImportProblem {QStringLiteral("Sheet1"), row, column, code, message};
}

/** One row of each outcome, a second rejected row, and a rejection of the title row that belongs to no data row. */
ImportResult everyOutcome()
{
    const ImportProblem conflict
        = problem(8, QString(), QStringLiteral("duplicate"), QStringLiteral("Trùng với học sinh ở dòng 5"));
    const ImportProblem badId = problem(9, QStringLiteral("Số định danh cá nhân"), QStringLiteral("personal_id"),
                                        QStringLiteral("Số định danh cá nhân sai chữ số kiểm tra"));
    const ImportProblem badDate
        = problem(10, QStringLiteral("Ngày sinh"), QStringLiteral("birth_date"), QStringLiteral("Ngày sinh sai"));
    const ImportProblem badTitle
        = problem(2, QString(), QStringLiteral("year"), QStringLiteral("Năm học ở dòng tiêu đề khác năm đã chọn"));
    ImportResult r;
    r.report.added = 1;
    r.report.updated = 1;
    r.report.unchanged = 1;
    r.report.conflicts = {conflict};
    r.report.rejected = {badId, badDate, badTitle};
    const QString sheet = QStringLiteral("Sheet1");
    r.rows = {
        ImportRow {sheet, 5, RowOutcome::Added, QStringLiteral("Nguyễn Văn An, 6A1"), {}},
        ImportRow {sheet, 6, RowOutcome::Updated, QStringLiteral("Trần Thị Bình, 6A1"), {}},
        ImportRow {sheet, 7, RowOutcome::Unchanged, QStringLiteral("Lê Văn Cường, 6A1"), {}},
        ImportRow {sheet, 8, RowOutcome::Conflict, QStringLiteral("Phạm Thu Dung, 6A1"), {conflict}},
        ImportRow {sheet, 9, RowOutcome::Rejected, QStringLiteral("Hoàng Minh Em, 6A1"), {badId}},
        ImportRow {sheet, 10, RowOutcome::Rejected, QStringLiteral("Vũ Thị Gấm, 6A1"), {badDate}},
    };
    return r;
}

ImportResult withoutProblems()
{
    ImportResult r = everyOutcome();
    r.report.conflicts.clear();
    r.report.rejected.clear();
    r.rows.resize(3);
    return r;
}

ui::ImportDialog::Choices choices()
{
    ClassGroup thcs {61, SchoolYear {2025}, 6, QStringLiteral("6A1"), std::nullopt};
    ClassGroup primary {11, SchoolYear {2024}, 1, QStringLiteral("1A1"), std::nullopt};
    return ui::ImportDialog::Choices {{SchoolYear {2025}, SchoolYear {2024}}, {primary, thcs}};
}

template <class T> T* child(QDialog& dialog, const char* name)
{
    T* found = dialog.findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

/** Chooses a file and runs the preview to its end. */
bool preview(ui::ImportDialog& dialog, const QString& file = QStringLiteral("/tmp/danh-sach-6A1.xlsx"))
{
    child<QLineEdit>(dialog, "file")->setText(file);
    child<QPushButton>(dialog, "previewButton")->click();
    return QTest::qWaitFor([&] { return dialog.isPreviewShown(); }, 5000);
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    /** File → Import… of `window`, run to the end with a file of any name; false when a step did not happen. */
    bool importThroughTheMenu(ui::MainWindow& window)
    {
        window.findChild<QAction*>(QStringLiteral("importAction"))->trigger();
        QPointer<ui::ImportDialog> dialog = window.findChild<ui::ImportDialog*>();
        if (!dialog || !preview(*dialog))
            return false;
        dialog->findChild<QPushButton*>(QStringLiteral("importButton"))->click();
        if (!QTest::qWaitFor([&] { return dialog.isNull(); }, 5000)) // closed and deleted
            return false;
        // The offscreen platform does not give the focus back to the window as a desktop does.
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ui::MessageBox::setAutoAnswer(true);
        QVERIFY(m_dir.isValid());
    }
    void init() { ui::MessageBox::resetShown(); }

    void previewShowsEveryOutcomeWithItsCount()
    {
        FakeImport fake;
        fake.answer = everyOutcome();
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        QVERIFY(preview(dialog));

        QCOMPARE(fake.calls(true), 1);
        QCOMPARE(fake.calls(false), 0);
        QVERIFY(!fake.ranOnGuiThread);
        const ImportRequest sent = fake.last();
        QCOMPARE(sent.kind, ImportKind::Students);
        QCOMPARE(sent.filePath, QStringLiteral("/tmp/danh-sach-6A1.xlsx"));
        QCOMPARE(sent.year, std::optional<SchoolYear>(SchoolYear {2025})); // the newest year by default

        // The title-row problem belongs to no data row: it gets a line of its own, so 7 lines and 3 rejected.
        QCOMPARE(dialog.countsText(), QStringLiteral("New: 1 · Updated: 1 · Unchanged: 1 · Conflict: 1 · Rejected: 3"));
        const ui::ImportPreviewModel* model = dialog.previewModel();
        QCOMPARE(model->rowCount(), 7);
        QSet<QRgb> colours;
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto outcome = RowOutcome(model->index(row, 0).data(ui::ImportPreviewModel::OutcomeRole).toInt());
            const QModelIndex first = model->index(row, ui::ImportPreviewModel::Outcome);
            QCOMPARE(first.data().toString(), ui::ImportPreviewModel::outcomeText(outcome)); // a word, not only colour
            QCOMPARE(first.data(Qt::BackgroundRole).value<QColor>(), ui::ImportPreviewModel::outcomeColor(outcome));
            QCOMPARE(first.data(Qt::DecorationRole).isValid(), outcome != RowOutcome::Unchanged);
            colours.insert(ui::ImportPreviewModel::outcomeColor(outcome).rgb());
        }
        QCOMPARE(colours.size(), 5);
        QCOMPARE(model->index(0, ui::ImportPreviewModel::Outcome).data().toString(), QStringLiteral("New"));
        QCOMPARE(model->index(4, ui::ImportPreviewModel::Outcome).data().toString(), QStringLiteral("Rejected"));

        // Each problem with its sheet, row, column and reason.
        QCOMPARE(model->index(4, ui::ImportPreviewModel::Sheet).data().toString(), QStringLiteral("Sheet1"));
        QCOMPARE(model->index(4, ui::ImportPreviewModel::Row).data().toInt(), 9);
        QCOMPARE(model->index(4, ui::ImportPreviewModel::ProblemColumn).data().toString(),
                 QStringLiteral("Số định danh cá nhân"));
        QCOMPARE(model->index(4, ui::ImportPreviewModel::Reason).data().toString(),
                 QStringLiteral("Số định danh cá nhân sai chữ số kiểm tra"));
        QVERIFY(model->index(4, ui::ImportPreviewModel::Reason)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Số định danh cá nhân")));
        QCOMPARE(model->index(6, ui::ImportPreviewModel::Row).data().toInt(), 2);
        QCOMPARE(model->index(6, ui::ImportPreviewModel::Reason).data().toString(),
                 QStringLiteral("Năm học ở dòng tiêu đề khác năm đã chọn"));
        QVERIFY(!child<QLabel>(dialog, "note")->text().isEmpty()); // says the problem rows are left out
    }

    void theFilterShowsOnlyRowsWithAProblem()
    {
        FakeImport fake;
        fake.answer = everyOutcome();
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        QVERIFY(preview(dialog));
        QAbstractItemModel* shown = child<QTableView>(dialog, "previewTable")->model();
        QCOMPARE(shown->rowCount(), 7);
        child<QCheckBox>(dialog, "problemsOnly")->setChecked(true);
        QCOMPARE(shown->rowCount(), 4);
        for (int row = 0; row < shown->rowCount(); ++row) {
            const auto outcome = RowOutcome(shown->index(row, 0).data(ui::ImportPreviewModel::OutcomeRole).toInt());
            QVERIFY(outcome == RowOutcome::Conflict || outcome == RowOutcome::Rejected);
        }
        child<QCheckBox>(dialog, "problemsOnly")->setChecked(false);
        QCOMPARE(shown->rowCount(), 7);
    }

    void importWritesWhatThePreviewRead()
    {
        FakeImport fake;
        fake.answer = everyOutcome();
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        QVERIFY(preview(dialog));
        // What the first page says after the preview does not change what is written.
        child<QLineEdit>(dialog, "file")->setText(QStringLiteral("/tmp/another.csv"));

        ImportResult written = everyOutcome();
        written.batchId = 42;
        fake.answer = written;
        auto* import = child<QPushButton>(dialog, "importButton");
        QVERIFY(import->isEnabled());
        import->click();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(fake.calls(false), 1);
        const ImportRequest sent = fake.last();
        QVERIFY(!sent.dryRun);
        QVERIFY(!sent.allOrNothing);
        QCOMPARE(sent.filePath, QStringLiteral("/tmp/danh-sach-6A1.xlsx"));
        QVERIFY(!fake.ranOnGuiThread);
        QVERIFY(dialog.written());
        QCOMPARE(dialog.written()->batchId, 42);
        QCOMPARE(dialog.written()->fileName, QStringLiteral("danh-sach-6A1.xlsx"));
        QCOMPARE(ui::MessageBox::lastShown().icon, QMessageBox::Information);
        QVERIFY(ui::MessageBox::lastShown().text.contains(QStringLiteral("1 new, 1 updated, 1 unchanged")));
    }

    void allOrNothingIsSentAsTicked()
    {
        FakeImport fake;
        fake.answer = withoutProblems();
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        QVERIFY(preview(dialog));
        child<QCheckBox>(dialog, "allOrNothing")->setChecked(true);
        child<QPushButton>(dialog, "importButton")->click();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(fake.calls(false), 1);
        QVERIFY(fake.last().allOrNothing);
        QVERIFY(!dialog.written()); // the fake wrote no batch
    }

    void allOrNothingWithRejectedRowsOffersNoImport()
    {
        FakeImport fake;
        fake.answer = everyOutcome();
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        QVERIFY(preview(dialog));
        auto* import = child<QPushButton>(dialog, "importButton");
        QVERIFY(import->isEnabled());
        child<QCheckBox>(dialog, "allOrNothing")->setChecked(true);
        QVERIFY(!import->isEnabled());
        QVERIFY(child<QLabel>(dialog, "note")->text().contains(QStringLiteral("3 rows are rejected")));
        dialog.startImport();
        QTest::qWait(50);
        QCOMPARE(fake.calls(false), 0);
    }

    void cancelAfterThePreviewWritesNothing()
    {
        FakeImport fake;
        fake.answer = everyOutcome();
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        QVERIFY(preview(dialog));
        child<QPushButton>(dialog, "cancelButton")->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(fake.calls(false), 0);
        QVERIFY(!dialog.written());
    }

    void cancelWhileReadingClosesWhenTheReadEndsAndWritesNothing()
    {
        FakeImport fake;
        fake.answer = everyOutcome();
        fake.gate = std::make_unique<QSemaphore>();
        ui::ImportDialog dialog(fake.runner(), choices());
        const auto unblock = qScopeGuard([&] { fake.gate->release(8); }); // a failed check must not hang the test
        dialog.show();
        child<QLineEdit>(dialog, "file")->setText(QStringLiteral("/tmp/big.xlsx"));
        child<QPushButton>(dialog, "previewButton")->click();
        QVERIFY(dialog.isBusy());
        QVERIFY(child<QWidget>(dialog, "progress")->isVisible());
        QTest::qWait(20); // the window keeps handling events while the file is read
        auto* cancel = child<QPushButton>(dialog, "cancelButton");
        QVERIFY(cancel->isEnabled());
        cancel->click();
        QVERIFY(dialog.isVisible()); // the read cannot be cut short; it writes nothing, so it may finish
        fake.gate->release();
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(fake.calls(true), 1);
        QCOMPARE(fake.calls(false), 0);
    }

    void aWriteCannotBeCancelled()
    {
        FakeImport fake;
        fake.answer = everyOutcome();
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        QVERIFY(preview(dialog));
        fake.gate = std::make_unique<QSemaphore>();
        const auto unblock = qScopeGuard([&] { fake.gate->release(8); }); // a failed check must not hang the test
        child<QPushButton>(dialog, "importButton")->click();
        QVERIFY(dialog.isBusy());
        QVERIFY(!child<QPushButton>(dialog, "cancelButton")->isEnabled());
        dialog.reject(); // Esc or the window's close button
        QVERIFY(dialog.isVisible());
        fake.gate->release();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(fake.calls(false), 1);
    }

    void aFileThatCannotBeReadIsReportedAndTheChoicesStay()
    {
        FakeImport fake;
        fake.answer = fail(ErrorCode::InvalidInput, QStringLiteral("Tệp không phải bảng tính."), QStringLiteral("zip"));
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        child<QLineEdit>(dialog, "file")->setText(QStringLiteral("/tmp/not-a-sheet.xlsx"));
        QSignalSpy finished(&dialog, &ui::ImportDialog::previewFinished);
        child<QPushButton>(dialog, "previewButton")->click();
        QVERIFY(finished.wait(5000));
        QCOMPARE(ui::MessageBox::lastShown().icon, QMessageBox::Critical);
        QCOMPARE(ui::MessageBox::lastShown().text, QStringLiteral("Tệp không phải bảng tính."));
        QVERIFY(!dialog.isPreviewShown());
        QVERIFY(child<QPushButton>(dialog, "previewButton")->isVisible());
        QCOMPARE(child<QLineEdit>(dialog, "file")->text(), QStringLiteral("/tmp/not-a-sheet.xlsx"));
        QCOMPARE(fake.calls(false), 0);
    }

    void aGradeBookNamesItsClassSubjectAndTerm()
    {
        FakeImport fake;
        fake.answer = withoutProblems();
        ui::ImportDialog dialog(fake.runner(), choices());
        auto* kind = child<QComboBox>(dialog, "kind");
        kind->setCurrentIndex(kind->findData(int(ImportKind::Grades)));
        auto* cls = child<QComboBox>(dialog, "class");
        QCOMPARE(cls->count(), 2);
        QCOMPARE(cls->currentData().toLongLong(), 61); // the newest year's class first
        auto* subject = child<QComboBox>(dialog, "subject");
        QVERIFY(subject->findText(rules::subjectName(QStringLiteral("ngu_van"))) >= 0);
        subject->setCurrentIndex(subject->findData(QStringLiteral("toan")));
        auto* term = child<QComboBox>(dialog, "term");
        QCOMPARE(term->count(), 3);
        term->setCurrentIndex(term->findData(QStringLiteral("hk2")));
        dialog.show();
        QVERIFY(preview(dialog, QStringLiteral("/tmp/bang-diem.xls")));
        ImportRequest sent = fake.last();
        QCOMPARE(sent.kind, ImportKind::Grades);
        QCOMPARE(sent.year, std::optional<SchoolYear>(SchoolYear {2025}));
        QCOMPARE(sent.className, QStringLiteral("6A1"));
        QCOMPARE(sent.subject, QStringLiteral("toan"));
        QCOMPARE(sent.term, QStringLiteral("hk2"));

        // A primary class offers its own subjects (Tiếng Việt, no Ngữ văn).
        child<QPushButton>(dialog, "backButton")->click();
        cls->setCurrentIndex(cls->findData(11));
        QVERIFY(subject->findData(QStringLiteral("tieng_viet")) >= 0);
        QCOMPARE(subject->findData(QStringLiteral("ngu_van")), -1);

        // A homeroom book names its class only: no subject, no term.
        kind->setCurrentIndex(kind->findData(int(ImportKind::Homeroom)));
        QVERIFY(cls->isVisible());
        QVERIFY(!subject->isVisible());
        QVERIFY(!term->isVisible());
        QVERIFY(preview(dialog, QStringLiteral("/tmp/so-chu-nhiem.xlsx")));
        sent = fake.last();
        QCOMPARE(sent.kind, ImportKind::Homeroom);
        QCOMPARE(sent.className, QStringLiteral("1A1"));
        QCOMPARE(sent.year, std::optional<SchoolYear>(SchoolYear {2024}));
        QCOMPARE(sent.subject, QString());
        QCOMPARE(sent.term, QString());
    }

    void theTemplateButtonWritesTheTemplateOfTheChoice()
    {
        FakeImport fake;
        ui::ImportDialog dialog(fake.runner(), choices());
        dialog.show();
        auto* button = child<QPushButton>(dialog, "saveTemplate");
        QVERIFY(button->isEnabled());
        QVERIFY(!button->toolTip().isEmpty());
        const auto headerOf = [](const QString& path) {
            const auto read = sheets::readFile(path);
            return read && !read->isEmpty() && !read->first().rows.isEmpty() ? read->first().rows.first().cells
                                                                             : QStringList {};
        };
        const auto headings = [](const sheets::SheetTemplate& t) {
            QStringList h;
            for (const sheets::TemplateColumn& c : t.columns)
                h << c.heading;
            return h;
        };

        // The name gets its .xlsx; the saved template reads back with the header of the student list.
        const QString list = m_dir.filePath(QStringLiteral("danh-sach"));
        ui::FileDialog::setNextFileName(list);
        button->click();
        QCOMPARE(headerOf(list + QStringLiteral(".xlsx")), headings(lifecycle::studentListTemplate()));
        QCOMPARE(ui::MessageBox::lastShown().icon, QMessageBox::Information);

        // A grade book follows the chosen class: TT22 marks for 6A1, TT27 levels for the primary 1A1.
        auto* kind = child<QComboBox>(dialog, "kind");
        kind->setCurrentIndex(kind->findData(int(ImportKind::Grades)));
        auto* cls = child<QComboBox>(dialog, "class");
        const QList<QPair<int, SchoolLevel>> classes {{61, SchoolLevel::Thcs}, {11, SchoolLevel::Primary}};
        for (const auto& [id, level] : classes) {
            cls->setCurrentIndex(cls->findData(id));
            const QString book = m_dir.filePath(QStringLiteral("bang-diem-%1.xlsx").arg(id));
            ui::FileDialog::setNextFileName(book);
            button->click();
            QCOMPARE(headerOf(book), headings(lifecycle::gradeBookTemplate(level)));
        }
        QVERIFY(headings(lifecycle::gradeBookTemplate(SchoolLevel::Thcs)).contains(QStringLiteral("ĐĐGgk")));
        QVERIFY(headings(lifecycle::gradeBookTemplate(SchoolLevel::Primary)).contains(QStringLiteral("Mức đạt được")));

        // A folder that cannot be written: an error says so and nothing is left behind; cancelling writes nothing.
        ui::MessageBox::resetShown();
        const QString nowhere = m_dir.filePath(QStringLiteral("khong-co/mau.xlsx"));
        ui::FileDialog::setNextFileName(nowhere);
        button->click();
        QCOMPARE(ui::MessageBox::lastShown().icon, QMessageBox::Critical);
        QVERIFY(!ui::MessageBox::lastShown().text.isEmpty());
        QVERIFY(!QFile::exists(nowhere));
        ui::MessageBox::resetShown();
        ui::FileDialog::setNextFileName({});
        button->click();
        QCOMPARE(ui::MessageBox::shownCount(), 0);
    }

    void undoAsksFirstAndShowsARefusal()
    {
        QList<qint64> asked;
        Status answer = fail(ErrorCode::InvalidInput, QStringLiteral("Tệp dữ liệu đã thay đổi sau lần nhập này."));
        const ui::UndoRunner undo = [&](qint64 batchId) {
            asked << batchId;
            return answer;
        };
        const ui::WrittenImport written {42, QStringLiteral("danh-sach-6A1.xlsx")};

        ui::MessageBox::setNextAnswer(QMessageBox::No);
        QCOMPARE(ui::undoImportWithConfirmation(nullptr, undo, written), ui::UndoAnswer::Declined);
        QVERIFY(asked.isEmpty());
        QVERIFY(ui::MessageBox::lastShown().text.contains(QStringLiteral("danh-sach-6A1.xlsx")));

        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QCOMPARE(ui::undoImportWithConfirmation(nullptr, undo, written), ui::UndoAnswer::Refused);
        QCOMPARE(asked, QList<qint64> {42});
        QCOMPARE(ui::MessageBox::lastShown().icon, QMessageBox::Critical);
        QVERIFY(ui::MessageBox::lastShown().text.startsWith(QStringLiteral("Tệp dữ liệu đã thay đổi sau lần nhập")));
        QVERIFY(ui::MessageBox::lastShown().text.contains(QStringLiteral("Nothing was changed")));

        answer = {};
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QCOMPARE(ui::undoImportWithConfirmation(nullptr, undo, written), ui::UndoAnswer::Undone);
        QCOMPARE(ui::MessageBox::lastShown().icon, QMessageBox::Information);
    }

    void theWindowOffersImportOnlyWithAFileAndAnImport()
    {
        const QString path = m_dir.filePath(QStringLiteral("offer.hocba"));
        QVERIFY(test::createStandInSchool(path));
        Settings settings(m_dir.filePath(QStringLiteral("offer.ini")));
        ui::MainWindow window(settings);
        auto* import = window.findChild<QAction*>(QStringLiteral("importAction"));
        auto* undo = window.findChild<QAction*>(QStringLiteral("undoImportAction"));
        QVERIFY(import && undo);
        QVERIFY(window.openDatabase(path));
        QVERIFY(!import->isEnabled()); // nothing to run it with
        window.setImportRunners([](store::Database&, const lifecycle::Actor&) { return ui::ImportRunners {}; });
        QVERIFY(import->isEnabled());
        QVERIFY(!undo->isEnabled()); // nothing imported yet
    }

    void theWholeImportIsOneUndoStep()
    {
        const QString path = m_dir.filePath(QStringLiteral("undo.hocba"));
        QVERIFY(test::createStandInSchool(path));
        Settings settings(m_dir.filePath(QStringLiteral("undo.ini")));
        ui::MainWindow window(settings);
        FakeImport fake;
        QList<qint64> undoAsked;
        Status undoAnswer = fail(ErrorCode::InvalidInput, QStringLiteral("Tệp dữ liệu đã thay đổi sau lần nhập này."));
        // The fake's write and undo change the school's name, so the window's refresh can be seen.
        const auto rename = [](store::Database& db, const char* name) {
            return db.exec(QStringLiteral("UPDATE school SET name = '%1'").arg(QString::fromUtf8(name)));
        };
        bool unrestricted = false;
        window.setImportRunners([&](store::Database& db, const lifecycle::Actor& actor) {
            unrestricted = actor.isUnrestricted();
            const ui::ImportRunner run = fake.runner();
            return ui::ImportRunners {
                [&db, run, rename](const ImportRequest& request) {
                    if (!request.dryRun && !rename(db, "Trường đã nhập"))
                        return Result<ImportResult>(fail(ErrorCode::Internal, QStringLiteral("rename")));
                    return run(request);
                },
                [&](qint64 batchId) {
                    undoAsked << batchId;
                    if (!undoAnswer)
                        return undoAnswer;
                    return rename(db, test::kStandInSchoolName);
                },
            };
        });
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.openDatabase(path));
        auto* tree = window.findChild<QTreeView*>(QStringLiteral("navigationTreeView"));
        const QModelIndex chosen = tree->model()->index(1, 0, tree->model()->index(0, 0, tree->model()->index(0, 0)));
        tree->setCurrentIndex(chosen); // a class other than the first, kept through the refresh
        const QString chosenText = chosen.data().toString();

        ImportResult written = withoutProblems();
        written.batchId = 7;
        fake.answer = written;
        QVERIFY(importThroughTheMenu(window));
        QVERIFY(unrestricted); // until the login dialog says who is working
        QCOMPARE(window.lastImport()->batchId, 7);
        QVERIFY(window.statusText().contains(QStringLiteral("Trường đã nhập")));
        QCOMPARE(tree->currentIndex().data().toString(), chosenText);
        auto* undo = window.findChild<QAction*>(QStringLiteral("undoImportAction"));
        QVERIFY(undo->isEnabled());

        // Ctrl+Z in a text field undoes the typing there, not the import.
        auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterLineEdit"));
        filter->setFocus();
        QTest::keyClicks(filter, QStringLiteral("An"));
        QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(ui::MessageBox::shownCount(), 1); // only the import's own report
        QVERIFY(undoAsked.isEmpty());

        // Elsewhere Ctrl+Z asks, and core's refusal is shown; the step is gone after it.
        tree->setFocus();
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(tree, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(undoAsked, QList<qint64> {7});
        QCOMPARE(ui::MessageBox::lastShown().icon, QMessageBox::Critical);
        QVERIFY(ui::MessageBox::lastShown().text.contains(QStringLiteral("đã thay đổi sau lần nhập")));
        QVERIFY(!undo->isEnabled());
        QVERIFY(window.statusText().contains(QStringLiteral("Trường đã nhập")));

        // A later import, taken back from the Edit menu: the window shows the file as it was.
        written.batchId = 8;
        fake.answer = written;
        QVERIFY(importThroughTheMenu(window));
        undoAnswer = {};
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        undo->trigger();
        QCOMPARE(undoAsked, (QList<qint64> {7, 8}));
        QCOMPARE(ui::MessageBox::lastShown().icon, QMessageBox::Information);
        QVERIFY(window.statusText().contains(QString::fromUtf8(test::kStandInSchoolName)));
        QVERIFY(!window.lastImport());
        QVERIFY(!undo->isEnabled());
    }
};

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"

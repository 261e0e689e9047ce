// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's desktop screens for the check before signing, offscreen on a demo school: the review dialog confirms,
// approves and returns a class with a reason (a teacher is refused); the deadline board counts and colours the
// classes and opens a class's review; the principal's queue lists the approved records and hands a class's ticked
// ones to the sign dialog; the PIN dialog warns about Caps Lock and Vietnamese typing, and shows the tries left.
#include "ClassReviewDialog.h"
#include "DeadlineBoardWidget.h"
#include "EntryWorkspace.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "PinDialog.h"
#include "RecordPreviewWidget.h"
#include "SignDialog.h"
#include "SigningQueueDialog.h"
#include "SigningSchool.h"

#include "demo/DemoSchool.h"
#include "lifecycle/SectionConfirmer.h"
#include "store/Database.h"
#include "util/Settings.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace hocba;
using lifecycle::Actor;

namespace {

const SchoolYear kYear {2025};

Actor principal()
{
    User u;
    u.id = 90;
    u.login = QStringLiteral("hieu.truong");
    u.role = Role::Principal;
    return Actor::forAccount(u, {});
}

Actor teacherOf(Id classId)
{
    User u;
    u.id = 91;
    u.login = QStringLiteral("gvcn");
    u.role = Role::Homeroom;
    return Actor::forAccount(u, {lifecycle::Assignment {kYear, classId, {}}});
}

QString scalar(store::Database& db, const QString& sql)
{
    auto st = db.prepare(sql);
    if (!st || !st->step().value_or(false))
        return {};
    return st->text(0);
}

} // namespace

class TestReviewUi : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

    std::unique_ptr<store::Database> open()
    {
        auto db = store::Database::openExisting(m_path);
        return db ? std::move(*db) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        ui::MessageBox::setAutoAnswer(true);
        m_path = m_dir.filePath(QStringLiteral("review-ui.hocba"));
        demo::DemoOptions o;
        o.students = 90;
        o.levels = demo::DemoOptions::Levels::Thcs;
        o.year = kYear;
        QVERIFY(demo::createDemoSchool(m_path, o));
    }

    void cleanup() { ui::PinDialog::setKeyboardProbe({}); }

    void reviewDialogConfirmsApprovesAndReturns()
    {
        auto db = open();
        QVERIFY(db);
        const Id classId = scalar(*db, QStringLiteral("SELECT id FROM class WHERE name = '6A1' AND school_year = 2025"))
                               .toLongLong();
        QVERIFY(classId > 0);

        // A teacher sees no board buttons, and the board's step is refused in core anyway.
        {
            ui::ClassReviewDialog teacher(*db, teacherOf(classId), kYear, QStringLiteral("6A1"));
            QVERIFY(!teacher.findChild<QPushButton*>(QStringLiteral("approveClassButton"))->isVisibleTo(&teacher));
            QVERIFY(!teacher.findChild<QPushButton*>(QStringLiteral("returnClassButton"))->isVisibleTo(&teacher));
            teacher.approveClass();
            QVERIFY(!teacher.statusText().isEmpty()); // the refusal, in words
            QCOMPARE(scalar(*db, QStringLiteral("SELECT count(*) FROM year_section WHERE approved_at IS NOT NULL")),
                     QStringLiteral("0"));
        }

        ui::ClassReviewDialog dialog(*db, principal(), kYear, QStringLiteral("6A1"));
        dialog.setToday(QDate(2026, 6, 2));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* items = dialog.findChild<QTreeWidget*>(QStringLiteral("reviewItems"));
        QVERIFY(items->topLevelItemCount() > 0);
        QVERIFY(dialog.review().counts.pupils > 0);

        ui::FileDialog::setNextFileName(m_dir.filePath(QStringLiteral("fix-6A1.pdf")));
        QVERIFY(dialog.printFixList());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("fix-6A1.pdf"))));

        // Confirming (warnings acknowledged after the question) needs the homeroom right: the principal has none.
        auto* confirm = dialog.findChild<QPushButton*>(QStringLiteral("confirmClassButton"));
        QVERIFY(confirm->isEnabled());
        QTest::mouseClick(confirm, Qt::LeftButton);
        QCOMPARE(dialog.review().counts.ready, 0);
        ui::ClassReviewDialog homeroom(*db, teacherOf(classId), kYear, QStringLiteral("6A1"));
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(homeroom.findChild<QPushButton*>(QStringLiteral("confirmClassButton")), Qt::LeftButton);
        QVERIFY2(homeroom.review().counts.ready > 0, qPrintable(homeroom.statusText()));
        const int ready = homeroom.review().counts.ready;

        dialog.refresh();
        auto* approve = dialog.findChild<QPushButton*>(QStringLiteral("approveClassButton"));
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        QCOMPARE(dialog.review().counts.approved, ready);
        QVERIFY(!approve->isEnabled());

        auto* reason = dialog.findChild<QLineEdit*>(QStringLiteral("returnReasonEdit"));
        auto* giveBack = dialog.findChild<QPushButton*>(QStringLiteral("returnClassButton"));
        QVERIFY(!giveBack->isEnabled()); // no reason yet
        reason->setFocus();
        reason->insert(QStringLiteral("Sửa nơi sinh của học sinh."));
        QVERIFY(giveBack->isEnabled());
        QSignalSpy changed(&dialog, &ui::ClassReviewDialog::changed);
        QTest::mouseClick(giveBack, Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(dialog.review().counts.ready, 0);
        QCOMPARE(dialog.review().counts.approved, 0);
        auto* returns = dialog.findChild<QLabel*>(QStringLiteral("reviewReturns"));
        QVERIFY(returns->isVisible());
        QVERIFY(returns->text().contains(QStringLiteral("Sửa nơi sinh của học sinh.")));
        QVERIFY(reason->text().isEmpty());
        // The teacher opening the class later reads the reason.
        ui::ClassReviewDialog later(*db, teacherOf(classId), kYear, QStringLiteral("6A1"));
        QVERIFY(later.findChild<QLabel*>(QStringLiteral("reviewReturns"))
                    ->text()
                    .contains(QStringLiteral("Sửa nơi sinh của học sinh.")));
    }

    void deadlineBoardCountsColoursAndOpensAClass()
    {
        auto db = open();
        ui::DeadlineBoardWidget board(*db, kYear);
        board.setToday(QDate(2026, 6, 1));
        board.resize(1200, 500);
        board.show();
        QVERIFY(QTest::qWaitForWindowExposed(&board));
        QVERIFY2(board.headerText().contains(QStringLiteral("29")), qPrintable(board.headerText()));
        QVERIFY(board.headerText().contains(QStringLiteral("15/08/2026")));
        auto* table = board.table();
        const int classes = int(board.board().rows.size());
        QVERIFY(classes >= 4); // 6A1 … 9A1
        QCOMPARE(table->rowCount(), classes + 1); // and the total
        QCOMPARE(table->item(classes, ui::DeadlineBoardWidget::PupilsColumn)->text(), QStringLiteral("90"));
        for (int r = 0; r < classes; ++r) {
            const auto& row = board.board().rows.at(r);
            const QColor colour = table->item(r, 0)->background().color();
            if (row.errors > 0)
                QCOMPARE(colour, QColor(0xf8, 0xd7, 0xda));
        }
        QSignalSpy activated(&board, &ui::DeadlineBoardWidget::classActivated);
        const QRect cell = table->visualItemRect(table->item(1, ui::DeadlineBoardWidget::ClassColumn));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), table->item(1, 0)->text());
        // Enter on the current row does the same (keyboard-complete).
        table->setCurrentCell(2, ui::DeadlineBoardWidget::PupilsColumn);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.last().first().toString(), table->item(2, 0)->text());
        // Double-clicking the total opens nothing.
        const QRect total = table->visualItemRect(table->item(classes, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, total.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, total.center());
        QCOMPARE(activated.count(), 2);
        // The missing marks or comments lead to the grid instead.
        QSignalSpy grid(&board, &ui::DeadlineBoardWidget::gridActivated);
        table->setCurrentCell(1, ui::DeadlineBoardWidget::MarksMissingColumn);
        QTest::keyClick(table, Qt::Key_Return);
        table->setCurrentCell(2, ui::DeadlineBoardWidget::CommentsMissingColumn);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(grid.count(), 2);
        QCOMPARE(grid.first().first().toString(), table->item(1, 0)->text());
        QCOMPARE(activated.count(), 2);
    }

    void mainWindowOffersTheBoardAndTheReview()
    {
        Settings settings(m_dir.filePath(QStringLiteral("hocba.ini")));
        ui::MainWindow window(settings);
        QVERIFY(window.openDatabase(m_path));
        auto* action = window.findChild<QAction*>(QStringLiteral("deadlineBoardAction"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        action->trigger();
        QDialog* dialog = window.findChild<QDialog*>(QStringLiteral("deadlineBoardDialog"));
        QVERIFY(dialog);
        auto* board = dialog->findChild<ui::DeadlineBoardWidget*>();
        QVERIFY(board);
        Q_EMIT board->classActivated(QStringLiteral("7A1"));
        auto* review = window.findChild<ui::ClassReviewDialog*>(QStringLiteral("classReviewDialog"));
        QVERIFY(review);
        QVERIFY(review->windowTitle().contains(QStringLiteral("7A1")));
        QVERIFY(!window.entryWorkspace());
        Q_EMIT board->gridActivated(QStringLiteral("7A1"));
        QVERIFY(window.entryWorkspace());
        QVERIFY(window.entryWorkspace()->windowTitle().contains(QStringLiteral("7A1")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("reviewClassAction")));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("signingQueueAction")));
    }

    void signingQueueListsApprovedRecordsByClass()
    {
        auto db = open();
        const Id classId = scalar(*db, QStringLiteral("SELECT id FROM class WHERE name = '8A1' AND school_year = 2025"))
                               .toLongLong();
        lifecycle::ConfirmOptions co;
        co.year = kYear;
        co.className = QStringLiteral("8A1");
        co.acknowledgeWarnings = true;
        co.acknowledgedBy = QStringLiteral("gvcn");
        QVERIFY(lifecycle::confirmSections(*db, teacherOf(classId), co));
        auto approved = lifecycle::approveClass(*db, principal(), kYear, QStringLiteral("8A1"));
        QVERIFY(approved && approved->approved > 0);

        ui::SigningQueueDialog queue(*db, principal(), kYear);
        queue.show();
        QVERIFY(QTest::qWaitForWindowExposed(&queue));
        QCOMPARE(queue.queue().size(), 1);
        QCOMPARE(queue.queue().first().cls.name, QStringLiteral("8A1"));
        auto* tree = queue.tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem* top = tree->topLevelItem(0);
        QCOMPARE(top->childCount(), approved->approved);
        QVERIFY(top->text(0).contains(QString::number(approved->approved)));
        // Untick one: the batch takes the others.
        top->child(0)->setCheckState(0, Qt::Unchecked);
        const Id left = top->child(0)->data(0, Qt::UserRole + 1).toLongLong();
        QSignalSpy requested(&queue, &ui::SigningQueueDialog::signRequested);
        QTest::mouseClick(queue.findChild<QPushButton*>(QStringLiteral("signQueueButton")), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("8A1"));
        const auto sections = requested.first().at(1).value<QList<Id>>();
        QCOMPARE(sections.size(), approved->approved - 1);
        QVERIFY(!sections.contains(left));
        // The record under the cursor is previewed.
        QSignalSpy rendered(queue.preview(), &ui::RecordPreviewWidget::rendered);
        tree->setCurrentItem(top->child(1));
        QVERIFY(rendered.wait(20000));
    }

    void queueSignsTheTickedRecordsWithOnePin()
    {
        test::SigningSchool school;
        QVERIFY(school.create());
        auto db = school.copy();
        QVERIFY(db);
        QVERIFY(test::confirmAcknowledged(*db, school.year, school.className));
        auto approved = lifecycle::approveClass(*db, principal(), school.year, school.className);
        QVERIFY(approved && approved->approved >= 3);

        ui::SigningQueueDialog queue(*db, principal(), school.year);
        QCOMPARE(queue.tree()->topLevelItemCount(), 1);
        QTreeWidgetItem* top = queue.tree()->topLevelItem(0);
        top->child(0)->setCheckState(0, Qt::Unchecked);
        const Id left = top->child(0)->data(0, Qt::UserRole + 1).toLongLong();
        QSignalSpy requested(&queue, &ui::SigningQueueDialog::signRequested);
        queue.signChecked();
        QCOMPARE(requested.count(), 1);
        const auto sections = requested.first().at(1).value<QList<Id>>();

        int pins = 0;
        ui::PinDialog::setTestAnswer([&pins](ui::PinDialog& d) {
            ++pins;
            d.findChild<QLineEdit*>(QStringLiteral("pinLineEdit"))->setText(QStringLiteral("123456"));
            d.accept();
        });
        test::SoftwareSignerSource source(school.pki);
        ui::GuiPinProvider provider(nullptr);
        ui::SignDialog sign(*db, principal(), ui::SignDialog::Scope {school.year, school.className, sections}, source,
                            provider);
        QTRY_VERIFY(sign.canSign());
        QSignalSpy finished(&sign, &ui::SignDialog::finished);
        sign.start();
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 180000);
        ui::PinDialog::setTestAnswer({});
        QCOMPARE(pins, 1);
        QVERIFY(sign.lastReport());
        QCOMPARE(sign.lastReport()->signedItems.size(), sections.size());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT state FROM year_section WHERE id = %1").arg(left)),
                 QStringLiteral("ready"));
        queue.refresh();
        QCOMPARE(queue.queue().size(), 1);
        QCOMPARE(queue.queue().first().entries.size(), 1);
        QCOMPARE(queue.queue().first().entries.first().sectionId, left);
    }

    void pinDialogWarnsAboutTheKeyboard()
    {
        signing::PinRequest request;
        request.token.label = QStringLiteral("HOCBA-TEST");
        {
            ui::PinDialog quiet(request);
            QVERIFY(quiet.keyboardWarningText().isEmpty());
        }
        ui::PinDialog::setKeyboardProbe([] { return ui::PinDialog::KeyboardState {true, false}; });
        {
            ui::PinDialog caps(request);
            QVERIFY(caps.keyboardWarningText().contains(QStringLiteral("Caps Lock")));
            QVERIFY(caps.findChild<QLabel*>(QStringLiteral("keyboardWarningLabel"))->isVisibleTo(&caps));
        }
        ui::PinDialog::setKeyboardProbe([] { return ui::PinDialog::KeyboardState {false, true}; });
        {
            ui::PinDialog vietnamese(request);
            QVERIFY(vietnamese.keyboardWarningText().contains(QStringLiteral("Unikey")));
        }
        ui::PinDialog::setKeyboardProbe([] { return ui::PinDialog::KeyboardState {}; });
        {
            // What Unikey's Telex makes of "dd" reaches the PIN field as "đ"; an upper-case letter without Shift is
            // what Caps Lock gives.
            ui::PinDialog typed(request);
            auto* edit = typed.findChild<QLineEdit*>(QStringLiteral("pinLineEdit"));
            QTest::keyClicks(edit, QStringLiteral("12"));
            QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QStringLiteral("đ"), Qt::NoModifier);
            QCOMPARE(edit->text(), QStringLiteral("12đ"));
            QVERIFY(typed.keyboardWarningText().contains(QStringLiteral("Unikey")));
            edit->clear();
            QVERIFY(typed.keyboardWarningText().isEmpty());
            QTest::keyClick(edit, 'A');
            QVERIFY(typed.keyboardWarningText().contains(QStringLiteral("Caps Lock")));
            QTest::keyClick(edit, 'a');
            QVERIFY(typed.keyboardWarningText().isEmpty());
        }
        request.triesLeft = 2;
        ui::PinDialog tries(request);
        QVERIFY2(tries.warningText().contains(QStringLiteral("2")), qPrintable(tries.warningText()));
    }
};

QTEST_MAIN(TestReviewUi)
#include "TestReviewUi.moc"

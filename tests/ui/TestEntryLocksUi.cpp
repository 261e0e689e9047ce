// SPDX-License-Identifier: GPL-3.0-or-later
// Records → Entry locks, offscreen: the principal adds a lock of a class's subject and column through the pickers
// (the reason required) and lifts it with a reason after the confirmation; a teacher sees the list read-only and is
// refused by core even when the dialog is driven; the main window's menu entry opens the dialog.
#include "MessageBox.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "EntryLocksDialog.h"
#include "MainWindow.h"
#include "lifecycle/EntryLocks.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "util/Settings.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using lifecycle::Actor;

namespace {

const SchoolYear kYear {2025};

Actor account(Role role, const QString& login, QList<lifecycle::Assignment> duties = {})
{
    User u;
    u.id = 80 + int(role);
    u.login = login;
    u.role = role;
    return Actor::forAccount(u, std::move(duties));
}

int indexOfData(QComboBox* box, const QVariant& data)
{
    for (int i = 0; i < box->count(); ++i)
        if (box->itemData(i) == data)
            return i;
    return -1;
}

int indexOfText(QComboBox* box, const QString& text)
{
    return box->findText(text);
}

} // namespace

class TestEntryLocksUi : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    QList<ClassGroup> m_classes;

private Q_SLOTS:
    void initTestCase()
    {
        ui::MessageBox::setAutoAnswer(true);
        m_db = test::openTestDatabase(m_dir.filePath(QStringLiteral("locks.hocba")));
        QVERIFY(m_db);
        School s;
        s.name = u"Trường THCS Thử"_qs;
        s.moetCode = u"01000998"_qs;
        s.province = u"Hà Nội"_qs;
        s.hasThcs = true;
        store::SchoolRepository schools(*m_db);
        QVERIFY(schools.saveSchool(s));
        QVERIFY(schools.addSchoolYear(kYear));
        for (const QString& name : {u"6A1"_qs, u"6A2"_qs, u"7A1"_qs}) {
            ClassGroup c;
            c.schoolYear = kYear;
            c.grade = name.left(1).toInt();
            c.name = name;
            QVERIFY(schools.saveClass(c));
        }
        m_classes = schools.classes(kYear).value();
        QCOMPARE(m_classes.size(), 3);
    }

    void principalAddsAndLiftsALock()
    {
        ui::EntryLocksDialog dialog(*m_db, account(Role::Principal, u"hieu.truong"_qs), kYear, m_classes);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.mayLock());
        auto* table = dialog.findChild<QTableWidget*>(u"entryLocksTable"_qs);
        auto* scope = dialog.findChild<QComboBox*>(u"lockScopeCombo"_qs);
        auto* subject = dialog.findChild<QComboBox*>(u"lockSubjectCombo"_qs);
        auto* term = dialog.findChild<QComboBox*>(u"lockTermCombo"_qs);
        auto* item = dialog.findChild<QComboBox*>(u"lockItemCombo"_qs);
        auto* reason = dialog.findChild<QLineEdit*>(u"lockReasonEdit"_qs);
        auto* add = dialog.findChild<QPushButton*>(u"addLockButton"_qs);
        QVERIFY(table && scope && subject && term && item && reason && add);
        QCOMPARE(table->rowCount(), 0);
        // Whole school, grades 6 and 7, the three classes.
        QCOMPARE(scope->count(), 6);
        QVERIFY(!add->isEnabled()); // no reason yet

        scope->setCurrentIndex(indexOfText(scope, u"Class 6A2"_qs));
        QVERIFY(scope->currentIndex() > 0);
        subject->setCurrentIndex(indexOfData(subject, u"toan"_qs));
        QVERIFY(subject->currentIndex() > 0);
        term->setCurrentIndex(indexOfData(term, u"hk1"_qs));
        item->setCurrentIndex(indexOfData(item, u"final"_qs));
        reason->setText(u"Điểm cuối kì I đã chốt."_qs);
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(dialog.locks().size(), 1);
        const lifecycle::EntryLock l = dialog.locks().first();
        QCOMPARE(l.classId, std::optional<Id>(m_classes.at(1).id));
        QCOMPARE(l.subject, u"toan"_qs);
        QCOMPARE(l.term, u"hk1"_qs);
        QCOMPARE(l.item, u"final"_qs);
        QCOMPARE(l.lockedBy, u"hieu.truong"_qs);
        QCOMPARE(table->item(0, 1)->text(), u"Class 6A2"_qs);
        QCOMPARE(table->item(0, 7)->text(), u"Điểm cuối kì I đã chốt."_qs);
        QVERIFY(!lifecycle::requireUnlocked(*m_db, {kYear, 6, m_classes.at(1).id, u"toan"_qs, u"hk1"_qs, u"final"_qs}));
        QVERIFY(reason->text().isEmpty());

        // Lifting needs a selected lock, a reason and the confirmation.
        auto* liftReason = dialog.findChild<QLineEdit*>(u"liftReasonEdit"_qs);
        auto* lift = dialog.findChild<QPushButton*>(u"liftLockButton"_qs);
        table->selectRow(0);
        QVERIFY(!lift->isEnabled());
        QVERIFY(!dialog.liftSelected());
        liftReason->setText(u"Chấm phúc khảo."_qs);
        QVERIFY(lift->isEnabled());
        ui::MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(!dialog.liftSelected());
        QCOMPARE(dialog.locks().size(), 1);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(lift, Qt::LeftButton);
        QCOMPARE(dialog.locks().size(), 0);
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(lifecycle::requireUnlocked(*m_db, {kYear, 6, m_classes.at(1).id, u"toan"_qs, u"hk1"_qs, u"final"_qs}));
        QCOMPARE(test::scalar(*m_db, u"SELECT lifted_by || '|' || lifted_reason FROM entry_lock"_qs),
                 u"hieu.truong|Chấm phúc khảo."_qs);
    }

    void aTeacherSeesTheLocksButCannotAdd()
    {
        lifecycle::EntryLock l;
        l.year = kYear;
        l.grade = 7;
        l.reason = u"Khối 7 đã chốt."_qs;
        QVERIFY(lifecycle::lockEntry(*m_db, account(Role::Admin, u"quan.tri"_qs), l));
        const Actor teacher = account(Role::SubjectTeacher, u"gv.toan"_qs, {{kYear, m_classes.at(0).id, u"toan"_qs}});
        ui::EntryLocksDialog dialog(*m_db, teacher, kYear, m_classes);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.mayLock());
        QVERIFY(!dialog.findChild<QGroupBox*>(u"addLockGroup"_qs)->isVisibleTo(&dialog));
        QVERIFY(!dialog.findChild<QPushButton*>(u"liftLockButton"_qs)->isVisibleTo(&dialog));
        auto* table = dialog.findChild<QTableWidget*>(u"entryLocksTable"_qs);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), u"Grade 7"_qs);

        // Driven anyway, core refuses it.
        dialog.findChild<QLineEdit*>(u"lockReasonEdit"_qs)->setText(u"Thử"_qs);
        QVERIFY(!dialog.addLock());
        QVERIFY(!dialog.statusText().isEmpty());
        table->selectRow(0);
        dialog.findChild<QLineEdit*>(u"liftReasonEdit"_qs)->setText(u"Thử"_qs);
        ui::MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(!dialog.liftSelected());
        QCOMPARE(lifecycle::entryLocks(*m_db, kYear)->size(), 1);
    }

    void theRecordsMenuOpensTheDialog()
    {
        Settings settings(m_dir.filePath(QStringLiteral("hocba.ini")));
        ui::MainWindow window(settings);
        QVERIFY(window.openDatabase(m_dir.filePath(QStringLiteral("locks.hocba"))));
        auto* action = window.findChild<QAction*>(QStringLiteral("entryLocksAction"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        action->trigger();
        auto* dialog = window.findChild<ui::EntryLocksDialog*>(QStringLiteral("entryLocksDialog"));
        QVERIFY(dialog);
        QVERIFY(dialog->mayLock()); // a file without accounts: unrestricted
        QCOMPARE(dialog->locks().size(), 1);
    }
};

QTEST_MAIN(TestEntryLocksUi)
#include "TestEntryLocksUi.moc"

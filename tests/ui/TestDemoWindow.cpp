// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a real demo school (hocba::demo::createDemoSchool), in Vietnamese as users see it.
#include "DemoCreation.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "RecordPreviewWidget.h"
#include "StudentTableModel.h"

#include "demo/DemoSchool.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"
#include "util/Settings.h"
#include "util/Translations.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace hocba;

class TestDemoWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        installTranslations(*qApp, QStringLiteral("vi"));
        ui::MessageBox::setAutoAnswer(true);
        m_path = m_dir.filePath(QStringLiteral("truong-demo.hocba"));
        demo::DemoOptions o;
        o.students = 180;
        o.year = SchoolYear {2025};
        auto made = demo::createDemoSchool(m_path, o);
        QVERIFY2(made, qPrintable(made ? QString() : describe(made.error())));
    }

    void opensOnDemoSchoolInVietnamese()
    {
        Settings settings(m_dir.filePath(QStringLiteral("hocba.ini")));
        ui::MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openDatabase(m_path));

        auto* tree = window.findChild<QTreeView*>(QStringLiteral("navigationTreeView"));
        auto* table = window.findChild<QTableView*>(QStringLiteral("studentTableView"));
        QVERIFY(tree && table);
        // It opens on the first class of the newest year, so a teacher sees students at once.
        QVERIFY(table->model()->rowCount() > 0);
        QVERIFY(tree->currentIndex().data().toString().startsWith(QStringLiteral("Lớp 1A1")));
        const QAbstractItemModel* m = tree->model();
        QCOMPARE(m->rowCount(), 5); // 2025-2026 and four years of paper history
        const QModelIndex newest = m->index(0, 0);
        QCOMPARE(newest.data().toString(), QStringLiteral("Năm học 2025-2026"));
        QCOMPARE(m->rowCount(newest), 9);
        QCOMPARE(m->index(0, 0, newest).data().toString(), QStringLiteral("Khối 1"));
        const QModelIndex grade1 = m->index(0, 0, newest);
        const QModelIndex class1A1 = m->index(0, 0, grade1);
        QVERIFY2(class1A1.data().toString().startsWith(QStringLiteral("Lớp 1A1")),
                 qPrintable(class1A1.data().toString()));

        tree->setCurrentIndex(class1A1);
        auto db = store::Database::openOrCreate(m_path).value();
        const auto cls = store::SchoolRepository(*db).classByName(SchoolYear {2025}, QStringLiteral("1A1")).value();
        const auto roster = store::StudentRepository(*db).roster(cls->id).value();
        QCOMPARE(table->model()->rowCount(), roster.size());
        QCOMPARE(table->model()->index(0, ui::StudentTableModel::FullName).data().toString(),
                 roster.first().student.fullName);
        QCOMPARE(table->model()->index(0, ui::StudentTableModel::State).data().toString(), QStringLiteral("Bản nháp"));
        QCOMPARE(table->model()->headerData(ui::StudentTableModel::FullName, Qt::Horizontal).toString(),
                 QStringLiteral("Họ và tên"));
        QVERIFY(window.statusText().contains(QStringLiteral("Hoa Sen")));
        // Qt's own buttons are Vietnamese too (our qtbase_vi: Qt 6.4 ships none).
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), QStringLiteral("&Có"));

        // Choosing a student shows their printed record (a grade-1 book: cover, information page, one year),
        // rendered in the background.
        auto* preview = window.findChild<ui::RecordPreviewWidget*>(QStringLiteral("recordPreviewWidget"));
        QVERIFY(preview);
        QSignalSpy failed(preview, &ui::RecordPreviewWidget::renderFailed);
        table->setCurrentIndex(table->model()->index(0, ui::StudentTableModel::FullName));
        QTRY_VERIFY_WITH_TIMEOUT(preview->pageCount() >= 3 || !failed.isEmpty(), 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        QVERIFY(!preview->pdf().isEmpty());
        // The whole class as one document: every record's pages, one after another.
        auto* previewClass = window.findChild<QAction*>(QStringLiteral("previewClassAction"));
        QVERIFY(previewClass && previewClass->isEnabled());
        const int onePupil = preview->pageCount();
        previewClass->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(preview->pageCount() == onePupil * int(roster.size()), 30000);
        // Another class clears it until a student is chosen.
        tree->setCurrentIndex(m->index(1, 0, grade1));
        QCOMPARE(preview->pageCount(), 0);
    }

    /** The progress dialog follows the worker; its Cancel button stops the worker, and no file is left. */
    void demoCreationShowsProgressAndCancels()
    {
        const QString path = m_dir.filePath(QStringLiteral("cancelled.hocba"));
        int seen = -1;
        QTimer watch;
        QObject::connect(&watch, &QTimer::timeout, [&] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                auto* dialog = qobject_cast<QProgressDialog*>(w);
                if (!dialog || dialog->objectName() != QStringLiteral("demoProgressDialog") || dialog->value() <= 0)
                    continue;
                seen = dialog->value();
                if (auto* cancel = dialog->findChild<QPushButton*>())
                    cancel->click();
                watch.stop();
            }
        });
        watch.start(10);
        const Status made = ui::createDemoWithProgress(nullptr, path, 2000);
        QVERIFY(seen > 0);
        QVERIFY(!made);
        QCOMPARE(made.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(path));
    }

    void demoCreationFinishes()
    {
        const QString path = m_dir.filePath(QStringLiteral("made.hocba"));
        const Status made = ui::createDemoWithProgress(nullptr, path, 40);
        QVERIFY2(made, qPrintable(made ? QString() : describe(made.error())));
        QVERIFY(store::Database::openExisting(path));
    }
};

QTEST_MAIN(TestDemoWindow)
#include "TestDemoWindow.moc"

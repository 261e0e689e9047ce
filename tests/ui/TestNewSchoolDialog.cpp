// SPDX-License-Identifier: GPL-3.0-or-later
// File → New school…: the form, its refusals, and the main window opening the new file.
#include "MainWindow.h"
#include "MessageBox.h"
#include "NewSchoolDialog.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "store/Database.h"
#include "util/Digest.h"
#include "util/Settings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace hocba;

namespace {

void fill(QDialog& dialog, const QString& file)
{
    dialog.findChild<QLineEdit*>(QStringLiteral("schoolName"))->setText(QStringLiteral("Trường Tiểu học Kim Đồng"));
    dialog.findChild<QLineEdit*>(QStringLiteral("schoolCode"))->setText(QStringLiteral("02000456"));
    dialog.findChild<QLineEdit*>(QStringLiteral("province"))->setText(QStringLiteral("Lào Cai"));
    auto* levels = dialog.findChild<QComboBox*>(QStringLiteral("levels"));
    levels->setCurrentIndex(levels->findData(QStringLiteral("primary")));
    dialog.findChild<QLineEdit*>(QStringLiteral("file"))->setText(file);
    dialog.findChild<QLineEdit*>(QStringLiteral("adminLogin"))->setText(QStringLiteral("thu.it"));
    dialog.findChild<QLineEdit*>(QStringLiteral("adminName"))->setText(QStringLiteral("Lò Văn Thu"));
    dialog.findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("mật khẩu trường"));
    dialog.findChild<QLineEdit*>(QStringLiteral("passwordAgain"))->setText(QStringLiteral("mật khẩu trường"));
}

QPushButton* okButton(QDialog& dialog)
{
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestNewSchoolDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void createIsOfferedOnlyWhenTheFormIsComplete()
    {
        ui::NewSchoolDialog dialog;
        QVERIFY(!okButton(dialog)->isEnabled());
        fill(dialog, m_dir.filePath(QStringLiteral("a.hocba")));
        QVERIFY(okButton(dialog)->isEnabled());
        dialog.findChild<QLineEdit*>(QStringLiteral("province"))->clear();
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("problem"))->text().isEmpty());
    }

    void createsTheSchoolFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("kim-dong.hocba"));
        ui::NewSchoolDialog dialog;
        fill(dialog, path);
        okButton(dialog)->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.path(), path);
        auto db = store::Database::openExisting(path);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT name || '|' || has_primary || has_thcs FROM school")),
                 QStringLiteral("Trường Tiểu học Kim Đồng|10"));
        QCOMPARE(test::scalar(**db, QStringLiteral("SELECT login || '|' || full_name || '|' || role FROM app_user")),
                 QStringLiteral("thu.it|Lò Văn Thu|admin"));
        QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("password"))->text().isEmpty()); // not kept around
    }

    void passwordsThatDifferOrAreTooShortCreateNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("no-admin.hocba"));
        ui::NewSchoolDialog dialog;
        dialog.show();
        fill(dialog, path);
        dialog.findChild<QLineEdit*>(QStringLiteral("passwordAgain"))->setText(QStringLiteral("something else"));
        okButton(dialog)->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(!QFile::exists(path));
        auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
        password->setText(QStringLiteral("short"));
        dialog.findChild<QLineEdit*>(QStringLiteral("passwordAgain"))->setText(QStringLiteral("short"));
        okButton(dialog)->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("problem"))->text().isEmpty());
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }

    void anExistingFileIsNeverOverwritten()
    {
        const QString path = m_dir.filePath(QStringLiteral("taken.hocba"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("somebody's work");
        }
        const QByteArray before = test::fileDigest(path);
        ui::NewSchoolDialog dialog;
        dialog.show();
        fill(dialog, path);
        okButton(dialog)->click();
        QVERIFY(dialog.isVisible()); // still open with what was typed
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("problem"))->text().contains(QStringLiteral("already exists")));
        QCOMPARE(test::fileDigest(path), before);
        QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("schoolName"))->text(),
                 QStringLiteral("Trường Tiểu học Kim Đồng"));
    }

    void chooseFileAddsTheExtension()
    {
        ui::NewSchoolDialog dialog;
        ui::FileDialog::setNextFileName(m_dir.filePath(QStringLiteral("chosen")));
        dialog.findChild<QPushButton*>(QStringLiteral("chooseFile"))->click();
        QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("file"))->text().endsWith(QStringLiteral("chosen.hocba")));
    }

    void theMainWindowOpensTheNewSchool()
    {
        const QString path = m_dir.filePath(QStringLiteral("from-menu.hocba"));
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        ui::MainWindow window(settings);
        auto* action = window.findChild<QAction*>(QStringLiteral("newSchoolAction"));
        QVERIFY(action);
        bool filled = false;
        QTimer::singleShot(0, this, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            fill(*dialog, path);
            okButton(*dialog)->click();
            filled = true;
        });
        action->trigger();
        QVERIFY(filled);
        QVERIFY(window.hasDatabase());
        QCOMPARE(window.databasePath(), path);
    }
};

QTEST_MAIN(TestNewSchoolDialog)
#include "TestNewSchoolDialog.moc"

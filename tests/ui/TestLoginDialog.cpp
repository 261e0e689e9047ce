// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's login: the dialog's refusals (wrong password, lock), and the main window asking who works on a school
// file with accounts, showing them, disabling what they may not use, and closing the file on log out.
#include "LoginDialog.h"
#include "MainWindow.h"

#include "lifecycle/Accounts.h"
#include "lifecycle/SchoolFile.h"
#include "lifecycle/SchoolSetup.h"
#include "lifecycle/Session.h"
#include "util/Settings.h"

#include <QAction>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using ui::LoginDialog;

namespace {

const QByteArray kAdminPassword = QByteArrayLiteral("quan-tri-truong-1");
const QByteArray kPassword = QByteArrayLiteral("mat-khau-chung-1");

void fill(LoginDialog& dialog, const QString& login, const QByteArray& password)
{
    dialog.findChild<QLineEdit*>(QStringLiteral("login"))->setText(login);
    dialog.findChild<QLineEdit*>(QStringLiteral("password"))->setText(QString::fromUtf8(password));
}

} // namespace

class TestLoginDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("school.hocba"));
        lifecycle::NewSchool school;
        school.name = QStringLiteral("Trường THCS Nguyễn Du");
        school.moetCode = QStringLiteral("01000123");
        school.province = QStringLiteral("Hà Nội");
        school.thcs = true;
        school.year = SchoolYear {2025};
        school.adminLogin = QStringLiteral("hang.it");
        school.adminName = QStringLiteral("Nguyễn Thu Hằng");
        QVERIFY(lifecycle::createSchool(m_path, school, kAdminPassword, QStringLiteral("test")));
        auto file = lifecycle::SchoolFile::open(m_path);
        QVERIFY(file);
        auto admin = lifecycle::logIn((*file)->database(), QStringLiteral("hang.it"), kAdminPassword);
        QVERIFY(admin);
        for (const auto& [login, name] : {std::pair {"van.thu", "Đỗ Thu Hà"}, std::pair {"bi.khoa", "Người Bị Khoá"}})
            QVERIFY(lifecycle::Accounts::add((*file)->database(), *admin, QString::fromLatin1(login),
                                             QString::fromUtf8(name), Role::Clerk, kPassword,
                                             lifecycle::Accounts::HashCost::Minimum));
    }

    void cleanup() { LoginDialog::setTestAnswer({}); }

    void wrongPasswordsAreRefusedThenTheAccountLocks()
    {
        auto file = lifecycle::SchoolFile::open(m_path);
        QVERIFY(file);
        LoginDialog dialog((*file)->database(), QStringLiteral("Trường THCS Nguyễn Du"));
        for (int i = 0; i < lifecycle::Accounts::kMaxFailures; ++i) {
            fill(dialog, QStringLiteral("bi.khoa"), QByteArrayLiteral("sai-mat-khau"));
            dialog.accept();
            QVERIFY(dialog.result() != QDialog::Accepted);
            QVERIFY(!dialog.actor());
            QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("password"))->text().isEmpty()); // wiped
        }
        fill(dialog, QStringLiteral("bi.khoa"), kPassword);
        dialog.accept();
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY2(dialog.problemText().contains(QStringLiteral("locked")), qPrintable(dialog.problemText()));

        fill(dialog, QStringLiteral("van.thu"), QByteArrayLiteral("sai-mat-khau"));
        dialog.accept();
        QVERIFY2(dialog.problemText().contains(QStringLiteral("wrong")), qPrintable(dialog.problemText()));
        fill(dialog, QStringLiteral("van.thu"), kPassword);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.actor());
        QCOMPARE(dialog.actor()->auditName(), QStringLiteral("van.thu"));
        QVERIFY(dialog.problemText().isEmpty());
    }

    void theWindowAsksWhoWorksAndShowsThem()
    {
        Settings settings(m_dir.filePath(QStringLiteral("settings.ini")));
        ui::MainWindow window(settings);

        LoginDialog::setTestAnswer([](LoginDialog& d) { d.reject(); });
        QVERIFY(!window.openDatabase(m_path)); // nobody logged in: the file is not opened
        QVERIFY(!window.hasDatabase());

        LoginDialog::setTestAnswer([](LoginDialog& d) {
            fill(d, QStringLiteral("van.thu"), kPassword);
            d.accept();
        });
        QVERIFY(window.openDatabase(m_path));
        QVERIFY2(window.statusText().contains(QStringLiteral("Đỗ Thu Hà")), qPrintable(window.statusText()));
        QVERIFY(!window.actor().isUnrestricted());
        // A clerk prints and exports: the school's settings and signing are not offered (core refuses them too).
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("trustAnchorsAction"))->isEnabled());
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("signPolicyAction"))->isEnabled());
        // The time-stamping server is shown to everyone (read-only without the right: TestTsaSettingsUi).
        QVERIFY(window.findChild<QAction*>(QStringLiteral("tsaSettingsAction"))->isEnabled());
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("signSchoolAction"))->isEnabled());
        auto* switchUser = window.findChild<QAction*>(QStringLiteral("switchUserAction"));
        QVERIFY(switchUser->isEnabled());

        LoginDialog::setTestAnswer([](LoginDialog& d) {
            fill(d, QStringLiteral("hang.it"), kAdminPassword);
            d.accept();
        });
        switchUser->trigger();
        QVERIFY(window.hasDatabase());
        QVERIFY2(window.statusText().contains(QStringLiteral("Nguyễn Thu Hằng")), qPrintable(window.statusText()));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("trustAnchorsAction"))->isEnabled());

        LoginDialog::setTestAnswer([](LoginDialog& d) { d.reject(); });
        switchUser->trigger();
        QVERIFY(!window.hasDatabase()); // logged out without a new login: the file is closed
        QVERIFY(window.actor().isUnrestricted());
    }
};

QTEST_MAIN(TestLoginDialog)
#include "TestLoginDialog.moc"

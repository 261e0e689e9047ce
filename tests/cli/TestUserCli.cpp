// SPDX-License-Identifier: GPL-3.0-or-later
// `hocba-cli user add/list/passwd/disable` with the password from a 0600 file or HOCBA_PASSWORD.
#include "CliRunner.h"
#include "StoreFixture.h"

#include "lifecycle/Accounts.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

class TestUserCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QString m_adminPassword; ///< the 0600 password file of the administrator, the file's first account

    QString writeFile(const QString& name, const QByteArray& content, QFile::Permissions permissions)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
            return {};
        f.close();
        f.setPermissions(permissions);
        return path;
    }

    test::CliRun user(QStringList args)
    {
        args.prepend(QStringLiteral("user"));
        args << QStringLiteral("--db") << m_db;
        return test::runCliInProcess(args);
    }

    /** A change in a file that has accounts: made by the administrator, logged in with --user. */
    test::CliRun asAdmin(QStringList args)
    {
        args << QStringLiteral("--user") << QStringLiteral("quan.tri") << QStringLiteral("--user-password-file")
             << m_adminPassword;
        return user(args);
    }

    static QJsonArray users(const test::CliRun& run)
    {
        return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("users")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("school.db"));
        QVERIFY(test::openTestDatabase(m_db));
        qunsetenv("HOCBA_PASSWORD");
        // The first account of a file without accounts needs no login; every later change does.
        m_adminPassword = writeFile(QStringLiteral("admin-pw"), QByteArrayLiteral("quan-tri-truong-1"),
                                    QFile::ReadOwner | QFile::WriteOwner);
        auto admin = user({QStringLiteral("add"), QStringLiteral("--login"), QStringLiteral("quan.tri"),
                           QStringLiteral("--name"), QStringLiteral("Nguyễn Thu Hằng"), QStringLiteral("--role"),
                           QStringLiteral("admin"), QStringLiteral("--password-file"), m_adminPassword});
        QVERIFY2(admin.code == 0, qPrintable(admin.err));
    }

    void addListPasswdDisable()
    {
        const QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner;
        const QString file = writeFile(QStringLiteral("pw"), QByteArrayLiteral("Mật-khẩu-đúng-42\n"), owner);
        QVERIFY(!file.isEmpty());
        auto add = asAdmin({QStringLiteral("add"), QStringLiteral("--login"), QStringLiteral("gv.toan"),
                            QStringLiteral("--name"), QStringLiteral("Phạm Minh Cường"), QStringLiteral("--role"),
                            QStringLiteral("subject"), QStringLiteral("--password-file"), file});
        QVERIFY2(add.code == 0, qPrintable(add.err));

        qputenv("HOCBA_PASSWORD", "hieu-truong-pass");
        auto fromEnv = asAdmin({QStringLiteral("add"), QStringLiteral("--login"), QStringLiteral("hieutruong"),
                                QStringLiteral("--name"), QStringLiteral("Trần Thị Bình"), QStringLiteral("--role"),
                                QStringLiteral("principal")});
        QVERIFY2(fromEnv.code == 0, qPrintable(fromEnv.err));
        QVERIFY(!qEnvironmentVariableIsSet("HOCBA_PASSWORD")); // taken out of the environment once read

        auto dup = asAdmin({QStringLiteral("add"), QStringLiteral("--login"), QStringLiteral("hieutruong"),
                            QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--role"),
                            QStringLiteral("clerk"), QStringLiteral("--password-file"), file});
        QCOMPARE(dup.code, int(ExitFailed));
        auto badRole = asAdmin({QStringLiteral("add"), QStringLiteral("--login"), QStringLiteral("abc"),
                                QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--role"),
                                QStringLiteral("subject_teacher"), QStringLiteral("--password-file"), file});
        QCOMPARE(badRole.code, int(ExitUsage));

        auto list = user({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.code, 0);
        const QJsonArray rows = users(list);
        QCOMPARE(rows.size(), 3); // with the administrator, last by login
        QCOMPARE(rows[0][QStringLiteral("login")].toString(), QStringLiteral("gv.toan"));
        QCOMPARE(rows[0][QStringLiteral("role")].toString(), QStringLiteral("subject"));
        QCOMPARE(rows[1][QStringLiteral("role")].toString(), QStringLiteral("principal"));
        QVERIFY(!list.out.contains(QStringLiteral("argon2")));
        auto text = user({QStringLiteral("list")});
        QVERIFY(text.out.contains(QStringLiteral("Trần Thị Bình")));

        {
            auto db = test::openTestDatabase(m_db);
            QVERIFY(lifecycle::Accounts::authenticate(*db, QStringLiteral("gv.toan"),
                                                      QByteArrayLiteral("Mật-khẩu-đúng-42")));
            QVERIFY(lifecycle::Accounts::authenticate(*db, QStringLiteral("hieutruong"),
                                                      QByteArrayLiteral("hieu-truong-pass")));
        }

        const QString newFile = writeFile(QStringLiteral("pw2"), QByteArrayLiteral("mat-khau-moi-7"), owner);
        auto passwd = asAdmin({QStringLiteral("passwd"), QStringLiteral("--login"), QStringLiteral("gv.toan"),
                               QStringLiteral("--password-file"), newFile});
        QVERIFY2(passwd.code == 0, qPrintable(passwd.err));
        auto disable = asAdmin({QStringLiteral("disable"), QStringLiteral("--login"), QStringLiteral("hieutruong")});
        QVERIFY2(disable.code == 0, qPrintable(disable.err));
        {
            auto db = test::openTestDatabase(m_db);
            QVERIFY(!lifecycle::Accounts::authenticate(*db, QStringLiteral("gv.toan"),
                                                       QByteArrayLiteral("Mật-khẩu-đúng-42")));
            QVERIFY(
                lifecycle::Accounts::authenticate(*db, QStringLiteral("gv.toan"), QByteArrayLiteral("mat-khau-moi-7")));
            QVERIFY(!lifecycle::Accounts::authenticate(*db, QStringLiteral("hieutruong"),
                                                       QByteArrayLiteral("hieu-truong-pass")));
        }
        auto disabledList = user({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(users(disabledList)[1][QStringLiteral("disabled")].toBool());

        auto missing = asAdmin({QStringLiteral("disable"), QStringLiteral("--login"), QStringLiteral("nobody")});
        QCOMPARE(missing.code, int(ExitFailed));
    }

    void unsafePasswordFilesAreRefused()
    {
        const QString open = writeFile(QStringLiteral("open"), QByteArrayLiteral("readable-by-all"),
                                       QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        auto add = asAdmin({QStringLiteral("add"), QStringLiteral("--login"), QStringLiteral("van-thu"),
                            QStringLiteral("--name"), QStringLiteral("Đỗ Thu Hà"), QStringLiteral("--role"),
                            QStringLiteral("clerk"), QStringLiteral("--password-file"), open});
        QCOMPARE(add.code, int(ExitUsage));
        QVERIFY(add.err.contains(QStringLiteral("chmod 600")));
        const QString big = writeFile(QStringLiteral("big"), QByteArray(300, 'x'), QFile::ReadOwner);
        auto tooLong = asAdmin({QStringLiteral("passwd"), QStringLiteral("--login"), QStringLiteral("gv.toan"),
                                QStringLiteral("--password-file"), big});
        QCOMPARE(tooLong.code, int(ExitUsage));
        auto none = asAdmin({QStringLiteral("passwd"), QStringLiteral("--login"), QStringLiteral("gv.toan")});
        QCOMPARE(none.code, int(ExitUsage)); // no file, no HOCBA_PASSWORD, no terminal under ctest
        auto list = user({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(users(list).size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestUserCli)
#include "TestUserCli.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Local accounts: argon2id hashes, wrong passwords, the lock after five, disabled accounts, and no password text
// anywhere in the data file or the audit log.
#include "StoreFixture.h"

#include "lifecycle/Accounts.h"
#include "store/AuditLog.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using lifecycle::Accounts;

namespace {

const QByteArray kPassword = QByteArrayLiteral("Mật-khẩu-đúng-42");
constexpr auto kFast = Accounts::HashCost::Minimum;
/** A file with accounts takes changes only from a logged-in account: the administrator's. */
const lifecycle::Actor kAdmin = lifecycle::Actor::forAccount(
    User {0, QStringLiteral("quan.tri"), QStringLiteral("Quản trị"), Role::Admin, std::nullopt}, {});

QByteArray fileBytes(const QString& dbPath)
{
    QByteArray all;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
        QFile f(dbPath + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    QString m_path;
    int m_n = 0;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("school-%1.db").arg(++m_n));
        m_db = test::openTestDatabase(m_path);
        QVERIFY(m_db);
    }

    void addAndAuthenticate()
    {
        auto added = Accounts::add(*m_db, kAdmin, QStringLiteral("le.an"), QStringLiteral("Lê Văn An"), Role::Homeroom,
                                   kPassword, kFast);
        QVERIFY2(added, qPrintable(describe(added.error())));
        QVERIFY(added->id > 0);
        auto ok = Accounts::authenticate(*m_db, QStringLiteral("le.an"), kPassword);
        QVERIFY2(ok, qPrintable(describe(ok.error())));
        QCOMPARE(ok->login, QStringLiteral("le.an"));
        QCOMPARE(ok->fullName, QStringLiteral("Lê Văn An"));
        QCOMPARE(ok->role, Role::Homeroom);
        QVERIFY(test::scalar(*m_db, QStringLiteral("SELECT password_hash FROM app_user"))
                    .startsWith(QStringLiteral("$argon2id$")));

        auto wrong = Accounts::authenticate(*m_db, QStringLiteral("le.an"), QByteArrayLiteral("Mật-khẩu-sai-42"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::InvalidInput);
        QCOMPARE(wrong.error().detail, QStringLiteral("wrong password"));
        QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT failed_attempts FROM app_user")), QStringLiteral("1"));
        // An unknown login gets the same answer as a wrong password.
        auto unknown = Accounts::authenticate(*m_db, QStringLiteral("nobody"), kPassword);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().message, wrong.error().message);
        // A good password clears the count.
        QVERIFY(Accounts::authenticate(*m_db, QStringLiteral("le.an"), kPassword));
        QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT failed_attempts FROM app_user")), QStringLiteral("0"));
    }

    void fiveFailuresLockForFifteenMinutes()
    {
        QVERIFY(Accounts::add(*m_db, kAdmin, QStringLiteral("hieu_truong"), QStringLiteral("Trần Thị Bình"),
                              Role::Principal, kPassword, kFast));
        const QDateTime t0(QDate(2026, 9, 5), QTime(8, 0), Qt::UTC);
        for (int i = 1; i <= Accounts::kMaxFailures; ++i) {
            auto r = Accounts::authenticate(*m_db, QStringLiteral("hieu_truong"), QByteArrayLiteral("wrong-pass"),
                                            t0.addSecs(i));
            QVERIFY(!r);
            QCOMPARE(r.error().detail, QStringLiteral("wrong password"));
        }
        // Locked: even the right password is refused, and the refusal does not count.
        auto locked = Accounts::authenticate(*m_db, QStringLiteral("hieu_truong"), kPassword, t0.addSecs(60));
        QVERIFY(!locked);
        QCOMPARE(locked.error().detail, QStringLiteral("locked"));
        auto stillLocked
            = Accounts::authenticate(*m_db, QStringLiteral("hieu_truong"), kPassword, t0.addSecs(5 + 15 * 60 - 1));
        QVERIFY(!stillLocked);
        QCOMPARE(stillLocked.error().detail, QStringLiteral("locked"));
        // Fifteen minutes after the fifth failure the right password works again.
        auto after = Accounts::authenticate(*m_db, QStringLiteral("hieu_truong"), kPassword, t0.addSecs(5 + 15 * 60));
        QVERIFY2(after, qPrintable(after ? QString() : describe(after.error())));
        QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT count(*) FROM app_user WHERE locked_until IS NULL")),
                 QStringLiteral("1"));
    }

    void adminResetLiftsTheLock()
    {
        QVERIFY(Accounts::add(*m_db, kAdmin, QStringLiteral("gv-toan"), QStringLiteral("Phạm Minh Cường"),
                              Role::SubjectTeacher, kPassword, kFast));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < Accounts::kMaxFailures; ++i)
            QVERIFY(!Accounts::authenticate(*m_db, QStringLiteral("gv-toan"), QByteArrayLiteral("wrong-pass"), now));
        QVERIFY(!Accounts::authenticate(*m_db, QStringLiteral("gv-toan"), kPassword, now));
        const QByteArray fresh = QByteArrayLiteral("mot-mat-khau-moi");
        QVERIFY(Accounts::changePassword(*m_db, kAdmin, QStringLiteral("gv-toan"), fresh, kFast));
        QVERIFY(!Accounts::authenticate(*m_db, QStringLiteral("gv-toan"), kPassword, now));
        QVERIFY(Accounts::authenticate(*m_db, QStringLiteral("gv-toan"), fresh, now));
        auto missing = Accounts::changePassword(*m_db, kAdmin, QStringLiteral("nobody"), fresh, kFast);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void disabledAccountIsRefused()
    {
        QVERIFY(Accounts::add(*m_db, kAdmin, QStringLiteral("van-thu"), QStringLiteral("Đỗ Thu Hà"), Role::Clerk,
                              kPassword, kFast));
        QVERIFY(Accounts::disable(*m_db, kAdmin, QStringLiteral("van-thu")));
        auto r = Accounts::authenticate(*m_db, QStringLiteral("van-thu"), kPassword);
        QVERIFY(!r);
        QCOMPARE(r.error().detail, QStringLiteral("disabled"));
        QVERIFY(r.error().message.contains(QStringLiteral("van-thu")));
        auto listed = Accounts::list(*m_db);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QVERIFY(listed->first().disabled);
        QVERIFY(listed->first().passwordHash.isEmpty());
    }

    void badInputIsRefused()
    {
        QVERIFY(Accounts::add(*m_db, kAdmin, QStringLiteral("admin"), QStringLiteral("Quản trị"), Role::Admin,
                              kPassword, kFast));
        auto dup = Accounts::add(*m_db, kAdmin, QStringLiteral("admin"), QStringLiteral("Người khác"), Role::Clerk,
                                 QByteArrayLiteral("another-password"), kFast);
        QVERIFY(!dup);
        QCOMPARE(dup.error().code, ErrorCode::InvalidInput);
        QVERIFY(dup.error().message.contains(QStringLiteral("already taken")));
        for (const QString& login :
             {QStringLiteral("ab"), QStringLiteral("Admin2"), QStringLiteral("có dấu"), QString(33, QLatin1Char('a'))})
            QVERIFY2(!Accounts::add(*m_db, kAdmin, login, QStringLiteral("X"), Role::Clerk, kPassword, kFast),
                     qPrintable(login));
        // Eight characters, not eight bytes: "mậtkhẩu" is 7 characters in 10 bytes.
        QVERIFY(!Accounts::add(*m_db, kAdmin, QStringLiteral("short"), QStringLiteral("X"), Role::Clerk,
                               QByteArrayLiteral("mậtkhẩu"), kFast));
        QVERIFY(Accounts::add(*m_db, kAdmin, QStringLiteral("long-enough"), QStringLiteral("X"), Role::Clerk,
                              QByteArrayLiteral("mậtkhẩu1"), kFast));
        QVERIFY(!Accounts::add(*m_db, kAdmin, QStringLiteral("noname"), QStringLiteral("  "), Role::Clerk, kPassword,
                               kFast));
        QCOMPARE(test::scalar(*m_db, QStringLiteral("SELECT count(*) FROM app_user")), QStringLiteral("2"));
    }

    void passwordIsNowhereInTheFileOrTheLog()
    {
        QVERIFY(Accounts::add(*m_db, kAdmin, QStringLiteral("le.an"), QStringLiteral("Lê Văn An"), Role::Homeroom,
                              kPassword, kFast));
        const QByteArray second = QByteArrayLiteral("second-Secret-99");
        QVERIFY(Accounts::changePassword(*m_db, kAdmin, QStringLiteral("le.an"), second, kFast));
        QVERIFY(!Accounts::authenticate(*m_db, QStringLiteral("le.an"), kPassword));
        QVERIFY(Accounts::authenticate(*m_db, QStringLiteral("le.an"), second));
        QVERIFY(Accounts::disable(*m_db, kAdmin, QStringLiteral("le.an")));
        const QString hash = test::scalar(*m_db, QStringLiteral("SELECT password_hash FROM app_user"));
        QVERIFY(hash.startsWith(QStringLiteral("$argon2id$")));

        const QString log = test::scalar(
            *m_db,
            QStringLiteral("SELECT group_concat(action || '|' || field || '|' || coalesce(old_value, '') || "
                           "'|' || coalesce(new_value, ''), '\n') FROM audit_log"));
        for (const char* action : {"user.add", "user.password", "user.login_failed", "user.login", "user.disable"})
            QVERIFY2(log.contains(QLatin1String(action)), action);
        QVERIFY(!log.contains(QString::fromUtf8(kPassword)));
        QVERIFY(!log.contains(QString::fromUtf8(second)));
        QVERIFY(!log.contains(QStringLiteral("argon2")));
        auto chain = store::AuditLog(*m_db).verify();
        QVERIFY(chain && chain->ok);

        m_db.reset();
        const QByteArray bytes = fileBytes(m_path);
        QVERIFY(bytes.contains(hash.toLatin1())); // the check reads the real file
        QVERIFY(!bytes.contains(kPassword));
        QVERIFY(!bytes.contains(second));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "TestAccounts.moc"

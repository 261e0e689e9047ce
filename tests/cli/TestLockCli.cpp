// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli lock, unlock and locks (docs/entry-locks.md) on a school file with accounts: a teacher and the clerk are
// refused and the file stays byte-identical; the principal locks a column, the teacher's import of that column is
// refused row by row with the lock's reason while the other rows import; lifted with a reason, the import goes in.
#include "CliRunner.h"
#include "StoreFixture.h"
#include "TestSupport.h"

#include "store/Database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

const QByteArray kAdminPassword = QByteArrayLiteral("quan-tri-truong-1");
const QByteArray kPassword = QByteArrayLiteral("mat-khau-chung-1");

} // namespace

class TestLockCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QString m_adminFile;
    QString m_staffFile;

    test::CliRun as(const QString& login, QStringList args)
    {
        args << QStringLiteral("--db") << m_db;
        if (!login.isEmpty()) {
            args << QStringLiteral("--user") << login;
            qputenv("HOCBA_PASSWORD", login == QLatin1String("hang.it") ? kAdminPassword : kPassword);
        }
        auto run = test::runCliInProcess(args);
        qunsetenv("HOCBA_PASSWORD");
        return run;
    }

    void ok(const QString& login, const QStringList& args)
    {
        const auto run = as(login, args);
        QVERIFY2(run.code == 0, qPrintable(args.join(u' ') + QStringLiteral(": ") + run.err + run.out));
    }

    void expectRefused(const QString& login, const QStringList& args, const QString& expected)
    {
        const QByteArray before = test::fileDigest(m_db);
        const auto run = as(login, args);
        QVERIFY2(run.code != 0, qPrintable(args.join(u' ')));
        QVERIFY2(run.err.contains(expected), qPrintable(args.join(u' ') + QStringLiteral(": ") + run.err + run.out));
        QVERIFY2(test::fileDigest(m_db) == before, qPrintable(args.join(u' ')));
    }

    QString writeBook(const QString& name, const QString& csv)
    {
        QFile f(m_dir.filePath(name));
        const QByteArray bytes = csv.toUtf8();
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() ? f.fileName() : QString();
    }

    static QStringList importGrades(const QString& file)
    {
        return {
            QStringLiteral("import"),    QStringLiteral("grades"),    QStringLiteral("--file"),  file,
            QStringLiteral("--year"),    QStringLiteral("2025-2026"), QStringLiteral("--class"), QStringLiteral("6A1"),
            QStringLiteral("--subject"), QStringLiteral("toan"),      QStringLiteral("--term"),  QStringLiteral("hk1")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qunsetenv("HOCBA_PASSWORD");
        m_db = m_dir.filePath(QStringLiteral("school.hocba"));
        m_adminFile = test::writeSecretFile(m_dir.filePath(QStringLiteral("admin-pw")), kAdminPassword + '\n');
        m_staffFile = test::writeSecretFile(m_dir.filePath(QStringLiteral("staff-pw")), kPassword + '\n');
        auto init = test::runCliInProcess(
            {QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--school-name"),
             QStringLiteral("Trường THCS Nguyễn Du"), QStringLiteral("--school-code"), QStringLiteral("01000123"),
             QStringLiteral("--province"), QStringLiteral("Hà Nội"), QStringLiteral("--levels"), QStringLiteral("thcs"),
             QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--admin"),
             QStringLiteral("hang.it"), QStringLiteral("--password-file"), m_adminFile});
        QVERIFY2(init.code == 0, qPrintable(init.err));
        for (const auto& [login, role] : {std::pair {QStringLiteral("hieu.truong"), QStringLiteral("principal")},
                                          std::pair {QStringLiteral("van.thu"), QStringLiteral("clerk")},
                                          std::pair {QStringLiteral("gv.toan"), QStringLiteral("subject")}})
            ok(QStringLiteral("hang.it"),
               {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"), login,
                QStringLiteral("--name"), login, QStringLiteral("--role"), role, QStringLiteral("--password-file"),
                m_staffFile});
        ok(QStringLiteral("hang.it"),
           {QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("6A1")});
        ok(QStringLiteral("hang.it"),
           {QStringLiteral("assign"), QStringLiteral("--teacher"), QStringLiteral("gv.toan"), QStringLiteral("--class"),
            QStringLiteral("6A1"), QStringLiteral("--subject"), QStringLiteral("toan")});
        const QString list = writeBook(QStringLiteral("lop6a1.csv"),
                                       QStringLiteral("STT,Họ và tên,Ngày sinh,Giới tính,Lớp\n"
                                                      "1,Nguyễn Văn An,05/03/2013,Nam,6A1\n"
                                                      "2,Trần Thị Bích,12/11/2013,Nữ,6A1\n"));
        ok(QStringLiteral("hang.it"),
           {QStringLiteral("import"), QStringLiteral("students"), QStringLiteral("--file"), list});
        ok(QStringLiteral("gv.toan"),
           importGrades(writeBook(QStringLiteral("toan1.csv"),
                                  QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGgk,ĐĐGck\n"
                                                 "Nguyễn Văn An,05/03/2013,8,7,9\n"
                                                 "Trần Thị Bích,12/11/2013,6,,\n"))));
    }

    void lockImportRefusedUnlockImportAccepted()
    {
        const QStringList lock {QStringLiteral("lock"),
                                QStringLiteral("--year"),
                                QStringLiteral("2025-2026"),
                                QStringLiteral("--class"),
                                QStringLiteral("6A1"),
                                QStringLiteral("--subject"),
                                QStringLiteral("toan"),
                                QStringLiteral("--term"),
                                QStringLiteral("hk1"),
                                QStringLiteral("--item"),
                                QStringLiteral("final"),
                                QStringLiteral("--reason"),
                                QStringLiteral("Điểm cuối kì I đã chốt.")};
        expectRefused(QStringLiteral("gv.toan"), lock, QStringLiteral("gv.toan"));
        expectRefused(QStringLiteral("van.thu"), lock, QStringLiteral("van.thu"));
        expectRefused({}, lock, QStringLiteral("--user LOGIN"));
        expectRefused(QStringLiteral("hieu.truong"), lock.mid(0, lock.size() - 2), QStringLiteral("--reason"));

        const auto locked = as(QStringLiteral("hieu.truong"), lock);
        QVERIFY2(locked.code == 0, qPrintable(locked.err));
        bool isNumber = false;
        const int id = locked.out.trimmed().toInt(&isNumber);
        QVERIFY2(isNumber && id > 0, qPrintable(locked.out));

        const auto listed = as(
            {},
            {QStringLiteral("locks"), QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--json")});
        QCOMPARE(listed.code, 0);
        const QJsonArray locks = QJsonDocument::fromJson(listed.out.toUtf8()).object().value(u"locks"_qs).toArray();
        QCOMPARE(locks.size(), 1);
        const QJsonObject l = locks.first().toObject();
        QCOMPARE(l.value(u"id"_qs).toInt(), id);
        QCOMPARE(l.value(u"class"_qs).toString(), u"6A1"_qs);
        QCOMPARE(l.value(u"item"_qs).toString(), u"final"_qs);
        QCOMPARE(l.value(u"lockedBy"_qs).toString(), u"hieu.truong"_qs);
        const auto table = as({}, {QStringLiteral("locks")});
        QVERIFY2(table.code == 0 && table.out.contains(u"6A1"_qs) && table.out.contains(u"Điểm cuối kì I đã chốt."_qs),
                 qPrintable(table.out));

        // An's end-of-term mark would change: refused with the lock's reason; Bích's row still imports.
        const QString second = writeBook(QStringLiteral("toan2.csv"),
                                         QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGgk,ĐĐGck\n"
                                                        "Nguyễn Văn An,05/03/2013,8,7,5\n"
                                                        "Trần Thị Bích,12/11/2013,6,8,\n"));
        const auto refused = as(QStringLiteral("gv.toan"), importGrades(second));
        QCOMPARE(refused.code, int(ExitFailed));
        QVERIFY2(refused.out.contains(u"updated: 1"_qs) && refused.out.contains(u"rejected: 1"_qs),
                 qPrintable(refused.out));
        QVERIFY2(refused.out.contains(u"Điểm cuối kì I đã chốt."_qs) && refused.out.contains(u"hieu.truong"_qs),
                 qPrintable(refused.out));

        const QStringList unlock {QStringLiteral("unlock"), QStringLiteral("--id"), QString::number(id),
                                  QStringLiteral("--reason"), QStringLiteral("Chấm phúc khảo.")};
        expectRefused(QStringLiteral("gv.toan"), unlock, QStringLiteral("gv.toan"));
        expectRefused(QStringLiteral("hieu.truong"), unlock.mid(0, 3), QStringLiteral("--reason"));
        ok(QStringLiteral("hieu.truong"), unlock);
        expectRefused(QStringLiteral("hieu.truong"), unlock, QString::number(id)); // lifted already

        const auto accepted = as(QStringLiteral("gv.toan"), importGrades(second));
        QVERIFY2(accepted.code == 0 && accepted.out.contains(u"updated: 1"_qs),
                 qPrintable(accepted.out + accepted.err));
        const auto none = as({}, {QStringLiteral("locks")});
        QVERIFY2(none.code == 0 && !none.out.contains(u"6A1"_qs), qPrintable(none.out));

        auto db = test::openTestDatabase(m_db);
        QVERIFY(db);
        QCOMPARE(test::scalar(*db,
                              u"SELECT group_concat(actor || ' ' || action, ', ') FROM (SELECT actor, action FROM "
                              "audit_log WHERE action LIKE 'entry.%' ORDER BY id)"_qs),
                 u"hieu.truong entry.lock, hieu.truong entry.unlock"_qs);
    }
};

QTEST_GUILESS_MAIN(TestLockCli)
#include "TestLockCli.moc"

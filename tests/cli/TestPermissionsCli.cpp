// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli's --user: a school file with accounts takes a change only from a logged-in account that has the right;
// a refusal exits 1 naming the missing right (or the missing --user) and leaves the file byte-identical. The imports
// and the opening of a year too, and the school's time-stamping server (tsa set, tsa clear).
#include "CliRunner.h"
#include "StoreFixture.h"
#include "TestSupport.h"
#include "TsaFixture.h"
#include "WorkbookFixtures.h"

#include "store/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

const QByteArray kAdminPassword = QByteArrayLiteral("quan-tri-truong-1");
const QByteArray kPassword = QByteArrayLiteral("mat-khau-chung-1");

} // namespace

class TestPermissionsCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    QString m_adminFile;
    QString m_staffFile; ///< the password every other account of the test has

    QString writeSecret(const QString& name, const QByteArray& content)
    {
        return test::writeSecretFile(m_dir.filePath(name), content + '\n');
    }

    /** Runs a command on the school file as `login` (no --user when empty), the password from HOCBA_PASSWORD. */
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

    void addUser(const QString& login, const QString& role)
    {
        auto run = as(QStringLiteral("hang.it"),
                      {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"), login,
                       QStringLiteral("--name"), login, QStringLiteral("--role"), role,
                       QStringLiteral("--password-file"), m_staffFile});
        QVERIFY2(run.code == 0, qPrintable(run.err));
    }

    /** `args` as `login` must exit 1 with `expected` in the message and change nothing. */
    void expectRefused(const QString& login, const QStringList& args, const QString& expected)
    {
        const QByteArray before = test::fileDigest(m_db);
        const auto run = as(login, args);
        QVERIFY2(run.code == int(ExitFailed), qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.err));
        QVERIFY2(run.err.contains(expected), qPrintable(args.join(u' ') + QStringLiteral(": ") + run.err + run.out));
        QVERIFY2(test::fileDigest(m_db) == before, qPrintable(args.join(QLatin1Char(' '))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qunsetenv("HOCBA_PASSWORD");
        m_db = m_dir.filePath(QStringLiteral("school.hocba"));
        m_adminFile = writeSecret(QStringLiteral("admin-pw"), kAdminPassword);
        m_staffFile = writeSecret(QStringLiteral("staff-pw"), kPassword);
        auto init = test::runCliInProcess(
            {QStringLiteral("init"), QStringLiteral("--db"), m_db, QStringLiteral("--school-name"),
             QStringLiteral("Trường THCS Nguyễn Du"), QStringLiteral("--school-code"), QStringLiteral("01000123"),
             QStringLiteral("--province"), QStringLiteral("Hà Nội"), QStringLiteral("--levels"), QStringLiteral("thcs"),
             QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--admin"),
             QStringLiteral("hang.it"), QStringLiteral("--password-file"), m_adminFile});
        QVERIFY2(init.code == 0, qPrintable(init.err));
        addUser(QStringLiteral("hieu.truong"), QStringLiteral("principal"));
        addUser(QStringLiteral("van.thu"), QStringLiteral("clerk"));
        addUser(QStringLiteral("gvcn.a1"), QStringLiteral("homeroom"));
        addUser(QStringLiteral("gv.toan"), QStringLiteral("subject"));
        addUser(QStringLiteral("bi.sai"), QStringLiteral("clerk")); // only ever given a wrong password
    }

    void adminSetsUpClassesAndAssignments()
    {
        auto added = as(QStringLiteral("hang.it"),
                        {QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("--name"),
                         QStringLiteral("6A1"), QStringLiteral("--homeroom"), QStringLiteral("gvcn.a1")});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        auto other
            = as(QStringLiteral("hang.it"),
                 {QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("6A2")});
        QVERIFY2(other.code == 0, qPrintable(other.err));
        auto assigned = as(QStringLiteral("hang.it"),
                           {QStringLiteral("assign"), QStringLiteral("--teacher"), QStringLiteral("gv.toan"),
                            QStringLiteral("--class"), QStringLiteral("6A1"), QStringLiteral("--subject"),
                            QStringLiteral("toan")});
        QVERIFY2(assigned.code == 0, qPrintable(assigned.err));
        auto list = as({}, {QStringLiteral("assign"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QStringLiteral("\"gvcn.a1\"")) && list.out.contains(QStringLiteral("\"toan\"")),
                 qPrintable(list.out));

        auto db = store::Database::openExisting(m_db);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT group_concat(DISTINCT actor) FROM audit_log WHERE action "
                                             "IN ('class.create', 'assignment.add')")),
                 QStringLiteral("hang.it"));
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT t.full_name FROM class c JOIN teacher t ON t.id = "
                                             "c.homeroom_teacher_id WHERE c.name = '6A1'")),
                 QStringLiteral("gvcn.a1"));
    }

    void badAssignmentsAreRefused()
    {
        expectRefused(QStringLiteral("hang.it"),
                      {QStringLiteral("assign"), QStringLiteral("--teacher"), QStringLiteral("gv.toan"),
                       QStringLiteral("--class"), QStringLiteral("6A1"), QStringLiteral("--subject"),
                       QStringLiteral("tieng_viet")},
                      QStringLiteral("not a subject code"));
        expectRefused(QStringLiteral("hang.it"),
                      {QStringLiteral("assign"), QStringLiteral("--teacher"), QStringLiteral("van.thu"),
                       QStringLiteral("--class"), QStringLiteral("6A1")},
                      QStringLiteral("only teacher accounts"));
        expectRefused(QStringLiteral("hang.it"),
                      {QStringLiteral("assign"), QStringLiteral("--teacher"), QStringLiteral("gv.toan"),
                       QStringLiteral("--class"), QStringLiteral("6A1")},
                      QStringLiteral("already has a homeroom teacher"));
    }

    void changesNeedALogin()
    {
        expectRefused({},
                      {QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("7A1")},
                      QStringLiteral("--user LOGIN"));
        expectRefused({}, {QStringLiteral("policy"), QStringLiteral("--require"), QStringLiteral("seal")},
                      QStringLiteral("--user LOGIN"));
        expectRefused({},
                      {QStringLiteral("school"), QStringLiteral("print"), QStringLiteral("--instructions"),
                       QStringLiteral("off")},
                      QStringLiteral("--user LOGIN"));
        const QByteArray before = test::fileDigest(m_db);
        qputenv("HOCBA_PASSWORD", "sai-mat-khau-9");
        auto wrong = test::runCliInProcess({QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("--name"),
                                            QStringLiteral("7A1"), QStringLiteral("--db"), m_db,
                                            QStringLiteral("--user"), QStringLiteral("bi.sai")});
        qunsetenv("HOCBA_PASSWORD");
        QCOMPARE(wrong.code, int(ExitFailed));
        QVERIFY2(wrong.err.contains(QStringLiteral("password is wrong")), qPrintable(wrong.err));
        QVERIFY(test::fileDigest(m_db) != before); // the wrong password is counted, as a lock needs
    }

    void eachRoleIsRefusedWhatItMayNotDo()
    {
        const QStringList addAccount {QStringLiteral("user"),
                                      QStringLiteral("add"),
                                      QStringLiteral("--login"),
                                      QStringLiteral("ke.moi"),
                                      QStringLiteral("--name"),
                                      QStringLiteral("Kẻ mới"),
                                      QStringLiteral("--role"),
                                      QStringLiteral("admin"),
                                      QStringLiteral("--password-file"),
                                      m_staffFile};
        expectRefused(QStringLiteral("gvcn.a1"), addAccount, QStringLiteral("manage accounts"));
        expectRefused(QStringLiteral("hieu.truong"), addAccount, QStringLiteral("manage accounts"));
        expectRefused(
            QStringLiteral("gvcn.a1"),
            {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--login"), QStringLiteral("hang.it")},
            QStringLiteral("manage accounts"));
        expectRefused(QStringLiteral("van.thu"),
                      {QStringLiteral("class"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("7A1")},
                      QStringLiteral("manage the school"));
        expectRefused(QStringLiteral("hieu.truong"),
                      {QStringLiteral("assign"), QStringLiteral("--teacher"), QStringLiteral("gv.toan"),
                       QStringLiteral("--class"), QStringLiteral("6A2"), QStringLiteral("--subject"),
                       QStringLiteral("toan")},
                      QStringLiteral("manage the school"));
        expectRefused(QStringLiteral("gvcn.a1"),
                      {QStringLiteral("policy"), QStringLiteral("--require"), QStringLiteral("seal")},
                      QStringLiteral("manage the school"));
        expectRefused(QStringLiteral("gvcn.a1"),
                      {QStringLiteral("school"), QStringLiteral("print"), QStringLiteral("--instructions"),
                       QStringLiteral("off")},
                      QStringLiteral("manage the school"));
        expectRefused(QStringLiteral("gv.toan"),
                      {QStringLiteral("confirm"), QStringLiteral("--class"), QStringLiteral("6A1")},
                      QStringLiteral("confirm its records"));
        expectRefused(QStringLiteral("gvcn.a1"),
                      {QStringLiteral("confirm"), QStringLiteral("--class"), QStringLiteral("6A2")},
                      QStringLiteral("confirm its records"));
        // Refused before the key files are read or a token is asked for its PIN.
        for (const QString& login : {QStringLiteral("van.thu"), QStringLiteral("hang.it")})
            expectRefused(login,
                          {QStringLiteral("sign"), QStringLiteral("--role"), QStringLiteral("principal"),
                           QStringLiteral("--demo-key"), m_dir.filePath(QStringLiteral("no.key")),
                           QStringLiteral("--demo-cert"), m_dir.filePath(QStringLiteral("no.pem"))},
                          QStringLiteral("sign and approve records"));
        for (const QString& command : {QStringLiteral("render"), QStringLiteral("export")})
            expectRefused(QStringLiteral("gv.toan"), {command, QStringLiteral("--out"), m_dir.filePath(command)},
                          QStringLiteral("print and export records"));
        auto printed = as(QStringLiteral("van.thu"),
                          {QStringLiteral("export"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("out"))});
        QVERIFY2(printed.code == 0, qPrintable(printed.err));
        expectRefused(QStringLiteral("gv.toan"),
                      {QStringLiteral("restore"), QStringLiteral("--from"), m_dir.filePath(QStringLiteral("any.bak"))},
                      QStringLiteral("manage the school"));
    }

    void importsAndYearOpeningNeedTheirRights()
    {
        // Before any student is in the year, so that it could be opened: the CLI asks for the login only when
        // --yes is given and the plan has no problem.
        const QStringList openYear {QStringLiteral("year"), QStringLiteral("open"), QStringLiteral("--year"),
                                    QStringLiteral("2026-2027"), QStringLiteral("--yes")};
        for (const QString& login : {QStringLiteral("van.thu"), QStringLiteral("gv.toan"), QStringLiteral("gvcn.a1")})
            expectRefused(login, openYear, QStringLiteral("manage the school"));
        expectRefused({}, openYear, QStringLiteral("--user LOGIN"));

        const QString list = m_dir.filePath(QStringLiteral("lop6a1.csv"));
        QVERIFY(test::writeBytes(list,
                                 QStringLiteral("STT,Họ và tên,Ngày sinh,Giới tính,Lớp\n"
                                                "1,Nguyễn Văn An,05/03/2013,Nam,6A1\n"
                                                "2,Trần Thị Bích,12/11/2013,Nữ,6A1\n")
                                     .toUtf8()));
        const QStringList students {QStringLiteral("import"), QStringLiteral("students"), QStringLiteral("--file"),
                                    list};
        for (const QString& login : {QStringLiteral("van.thu"), QStringLiteral("gv.toan")})
            expectRefused(login, students, QStringLiteral("manage the school"));
        expectRefused({}, students, QStringLiteral("--user LOGIN"));
        const auto listed = as(QStringLiteral("hang.it"), students);
        QVERIFY2(listed.code == 0, qPrintable(listed.err + listed.out));

        const QString book = m_dir.filePath(QStringLiteral("bang-diem.csv"));
        QVERIFY(test::writeBytes(book,
                                 QStringLiteral("Họ và tên,Ngày sinh,ĐĐGtx1,ĐĐGgk,ĐĐGck\n"
                                                "Nguyễn Văn An,05/03/2013,8,7,9\n")
                                     .toUtf8()));
        const auto grades = [&](const QString& cls, const QString& subject) {
            return QStringList {QStringLiteral("import"),    QStringLiteral("grades"),
                                QStringLiteral("--file"),    book,
                                QStringLiteral("--year"),    QStringLiteral("2025-2026"),
                                QStringLiteral("--class"),   cls,
                                QStringLiteral("--subject"), subject,
                                QStringLiteral("--term"),    QStringLiteral("hk1")};
        };
        const QString marks = QStringLiteral("enter this subject's marks in this class");
        expectRefused(QStringLiteral("gv.toan"), grades(QStringLiteral("6A1"), QStringLiteral("khtn")), marks);
        expectRefused(QStringLiteral("gv.toan"), grades(QStringLiteral("6A2"), QStringLiteral("toan")), marks);
        // The homeroom teacher of a THCS class does not enter its subjects' marks (in a primary class they would).
        expectRefused(QStringLiteral("gvcn.a1"), grades(QStringLiteral("6A1"), QStringLiteral("toan")), marks);
        expectRefused(QStringLiteral("hang.it"), grades(QStringLiteral("6A1"), QStringLiteral("toan")), marks);
        expectRefused({}, grades(QStringLiteral("6A1"), QStringLiteral("toan")), QStringLiteral("--user LOGIN"));
        const auto own = as(QStringLiteral("gv.toan"), grades(QStringLiteral("6A1"), QStringLiteral("toan")));
        QVERIFY2(own.code == 0, qPrintable(own.err + own.out));

        // Now the year has unconfirmed sections: the clerk is still told about the right, not about them.
        expectRefused(QStringLiteral("van.thu"), openYear, QStringLiteral("manage the school"));

        auto db = store::Database::openExisting(m_db);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT group_concat(actor || ' ' || action, ', ') FROM (SELECT actor, "
                                             "action FROM audit_log WHERE action LIKE 'import.%' ORDER BY id)")),
                 QStringLiteral("hang.it import.students, gv.toan import.grades"));
    }

    void ownPasswordOnly()
    {
        const QString fresh = writeSecret(QStringLiteral("new-pw"), QByteArrayLiteral("mat-khau-moi-22"));
        expectRefused(QStringLiteral("gv.toan"),
                      {QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--login"),
                       QStringLiteral("gvcn.a1"), QStringLiteral("--password-file"), fresh},
                      QStringLiteral("change another account's password"));
        auto own = as(QStringLiteral("gv.toan"),
                      {QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--login"),
                       QStringLiteral("gv.toan"), QStringLiteral("--password-file"), fresh});
        QVERIFY2(own.code == 0, qPrintable(own.err));
    }

    void timeStampingServerNeedsTheRightToManageTheSchool()
    {
        test::TsaFixture tsa;
        QVERIFY(tsa.create());
        const QString url = QStringLiteral("http://tsa.example.vn/tsr");
        const QStringList set {QStringLiteral("tsa"),     QStringLiteral("set"), QStringLiteral("--url"), url,
                               QStringLiteral("--trust"), tsa.rootPemPath()};
        const QStringList clear {QStringLiteral("tsa"), QStringLiteral("clear")};
        // Refused, exit 1, the file byte-identical (a refusal writes no audit entry, as for every other command).
        expectRefused({}, set, QStringLiteral("--user LOGIN"));
        // (Not gv.toan: ownPasswordOnly, before, changed its password.)
        for (const QString& login :
             {QStringLiteral("hieu.truong"), QStringLiteral("van.thu"), QStringLiteral("gvcn.a1")})
            expectRefused(login, set, QStringLiteral("manage the school"));
        const auto shown = as({}, {QStringLiteral("tsa"), QStringLiteral("show")});
        QCOMPARE(shown.code, 0);
        QVERIFY2(shown.out.contains(QStringLiteral("No time-stamping server")), qPrintable(shown.out));

        // The administrator may; then the others cannot remove it either.
        const auto byAdmin = as(QStringLiteral("hang.it"), set);
        QVERIFY2(byAdmin.code == 0, qPrintable(byAdmin.err));
        expectRefused({}, clear, QStringLiteral("--user LOGIN"));
        for (const QString& login : {QStringLiteral("hieu.truong"), QStringLiteral("van.thu")})
            expectRefused(login, clear, QStringLiteral("manage the school"));
        const auto still = as({}, {QStringLiteral("tsa"), QStringLiteral("show")});
        QVERIFY2(still.code == 0 && still.out.contains(url), qPrintable(still.out + still.err));
        const auto cleared = as(QStringLiteral("hang.it"), clear);
        QVERIFY2(cleared.code == 0, qPrintable(cleared.err));
        QVERIFY(cleared.out.contains(QStringLiteral("No time-stamping server")));

        auto db = store::Database::openExisting(m_db);
        QVERIFY(db);
        QCOMPARE(test::scalar(**db,
                              QStringLiteral("SELECT group_concat(actor, ', ') FROM (SELECT actor FROM audit_log "
                                             "WHERE entity = 'tsa_settings' ORDER BY id)")),
                 QStringLiteral("hang.it, hang.it"));
    }
};

QTEST_GUILESS_MAIN(TestPermissionsCli)
#include "TestPermissionsCli.moc"

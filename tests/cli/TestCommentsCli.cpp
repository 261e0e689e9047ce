// SPDX-License-Identifier: GPL-3.0-or-later
// hocba-cli comments (issue 14, docs/comment-bank.md), the real binary on a school file with accounts: a teacher may
// list but not change the bank; the administrator seeds the default phrases (once), adds and removes entries, sets
// the house style; "comments check" applies it; every change is in an audit chain that still verifies.
#include "TestSupport.h"

#include "lifecycle/CommentBank.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

namespace {

const QByteArray kAdminPassword = QByteArrayLiteral("quan-tri-truong-1");
const QByteArray kPassword = QByteArrayLiteral("giao-vien-truong-1");

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestCommentsCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;

    /** The real hocba-cli as `login` (no --user when empty), the password from HOCBA_PASSWORD. */
    Run cli(const QString& login, QStringList args)
    {
        args << QStringLiteral("--db") << m_db;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOCBA_LANG"), QStringLiteral("en"));
        env.remove(QStringLiteral("HOCBA_PASSWORD"));
        if (!login.isEmpty()) {
            args << QStringLiteral("--user") << login;
            env.insert(QStringLiteral("HOCBA_PASSWORD"),
                       QString::fromUtf8(login == QLatin1String("quan.tri") ? kAdminPassword : kPassword));
        }
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(test::executable(QStringLiteral("hocba-cli")), args);
        Run r;
        if (!p.waitForFinished(120000))
            return r;
        r.code = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QJsonArray list(const QStringList& filters)
    {
        const Run r = cli(
            {}, QStringList {QStringLiteral("comments"), QStringLiteral("list"), QStringLiteral("--json")} + filters);
        if (r.code != 0)
            qWarning("comments list: %s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("comments")).toArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("school.hocba"));
        const QString adminFile = test::writeSecretFile(m_dir.filePath(QStringLiteral("admin-pw")), kAdminPassword);
        const QString staffFile = test::writeSecretFile(m_dir.filePath(QStringLiteral("staff-pw")), kPassword);
        Run init = cli({},
                       {QStringLiteral("init"), QStringLiteral("--school-name"), QStringLiteral("Trường TH Kim Đồng"),
                        QStringLiteral("--school-code"), QStringLiteral("01000124"), QStringLiteral("--province"),
                        QStringLiteral("Hà Nội"), QStringLiteral("--levels"), QStringLiteral("both"),
                        QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--admin"),
                        QStringLiteral("quan.tri"), QStringLiteral("--password-file"), adminFile});
        QVERIFY2(init.code == 0, qPrintable(init.err));
        Run teacher
            = cli(QStringLiteral("quan.tri"),
                  {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--login"), QStringLiteral("gv.toan"),
                   QStringLiteral("--name"), QStringLiteral("gv.toan"), QStringLiteral("--role"),
                   QStringLiteral("subject"), QStringLiteral("--password-file"), staffFile});
        QVERIFY2(teacher.code == 0, qPrintable(teacher.err));
    }

    void emptyUntilSeededAndTeachersCannotChange()
    {
        QCOMPARE(list({}).size(), 0);
        Run refused = cli(QStringLiteral("gv.toan"), {QStringLiteral("comments"), QStringLiteral("seed")});
        QCOMPARE(refused.code, 1);
        QCOMPARE(list({}).size(), 0);
        // A change without --user in a file with accounts is refused too.
        Run anonymous = cli({}, {QStringLiteral("comments"), QStringLiteral("seed")});
        QVERIFY(anonymous.code != 0);

        Run seed = cli(QStringLiteral("quan.tri"), {QStringLiteral("comments"), QStringLiteral("seed")});
        QVERIFY2(seed.code == 0, qPrintable(seed.err));
        const int size = int(lifecycle::defaultCommentBank().size());
        QVERIFY2(seed.out.contains(QString::number(size)), qPrintable(seed.out));
        QCOMPARE(list({}).size(), size);
        Run again = cli(QStringLiteral("quan.tri"), {QStringLiteral("comments"), QStringLiteral("seed")});
        QVERIFY2(again.code == 0 && again.out.contains(QStringLiteral("Added 0")), qPrintable(again.out));
        QCOMPARE(list({}).size(), size);
    }

    void filteredListRanksTheSubjectFirst()
    {
        const QJsonArray toanT = list({QStringLiteral("--subject"), QStringLiteral("toan"), QStringLiteral("--band"),
                                       QStringLiteral("T"), QStringLiteral("--level"), QStringLiteral("primary")});
        QVERIFY(toanT.size() >= 3);
        QCOMPARE(toanT.at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("T02"));
        QCOMPARE(toanT.at(1).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("T05"));
        for (const auto& v : toanT) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(QStringLiteral("band")).toString() == QLatin1String("T"));
            const QString subject = o.value(QStringLiteral("subject")).toString();
            QVERIFY2(subject.isEmpty() || subject == QLatin1String("toan"), qPrintable(subject));
        }
        const QJsonArray homeroom = list({QStringLiteral("--subject"), QStringLiteral("homeroom"),
                                          QStringLiteral("--band"), QStringLiteral("Chưa đạt")});
        QVERIFY(!homeroom.isEmpty());
        QCOMPARE(list({QStringLiteral("--search"), QStringLiteral("bang nhan")}).size(), 1);
        Run bad = cli(
            {}, {QStringLiteral("comments"), QStringLiteral("list"), QStringLiteral("--grade"), QStringLiteral("12")});
        QCOMPARE(bad.code, 2);
    }

    void addRemoveAndStyle()
    {
        Run add = cli(QStringLiteral("quan.tri"),
                      {QStringLiteral("comments"), QStringLiteral("add"), QStringLiteral("--code"),
                       QStringLiteral("X01"), QStringLiteral("--text"), QStringLiteral("Chữ viết đẹp, trình bày sạch."),
                       QStringLiteral("--subject"), QStringLiteral("tieng_viet"), QStringLiteral("--grade"),
                       QStringLiteral("2"), QStringLiteral("--term"), QStringLiteral("gk1")});
        QVERIFY2(add.code == 0, qPrintable(add.err));
        QCOMPARE(list({QStringLiteral("--search"), QStringLiteral("X01")}).size(), 1);
        Run dup = cli(QStringLiteral("quan.tri"),
                      {QStringLiteral("comments"), QStringLiteral("add"), QStringLiteral("--code"),
                       QStringLiteral("X01"), QStringLiteral("--text"), QStringLiteral("Khác.")});
        QCOMPARE(dup.code, 1);
        Run teacherRemove = cli(
            QStringLiteral("gv.toan"),
            {QStringLiteral("comments"), QStringLiteral("remove"), QStringLiteral("--code"), QStringLiteral("X01")});
        QCOMPARE(teacherRemove.code, 1);
        Run remove = cli(
            QStringLiteral("quan.tri"),
            {QStringLiteral("comments"), QStringLiteral("remove"), QStringLiteral("--code"), QStringLiteral("X01")});
        QVERIFY2(remove.code == 0, qPrintable(remove.err));
        QCOMPARE(list({QStringLiteral("--search"), QStringLiteral("X01")}).size(), 0);

        Run style = cli(QStringLiteral("quan.tri"),
                        {QStringLiteral("comments"), QStringLiteral("style"), QStringLiteral("--em"),
                         QStringLiteral("always"), QStringLiteral("--banned"), QStringLiteral("lười, yếu kém"),
                         QStringLiteral("--max-length"), QStringLiteral("60"), QStringLiteral("--json")});
        QVERIFY2(style.code == 0, qPrintable(style.err));
        const QJsonObject shown = QJsonDocument::fromJson(style.out.toUtf8()).object();
        QCOMPARE(shown.value(QStringLiteral("em")).toString(), QStringLiteral("always"));
        QCOMPARE(shown.value(QStringLiteral("banned")).toArray().size(), 2);
        QCOMPARE(shown.value(QStringLiteral("max_length")).toInt(), 60);
        // The list shows each phrase in the house style.
        const QJsonArray t02 = list({QStringLiteral("--search"), QStringLiteral("T02")});
        QVERIFY(t02.at(0).toObject().value(QStringLiteral("styled")).toString().startsWith(QStringLiteral("Em tính")));

        Run ok = cli({},
                     {QStringLiteral("comments"), QStringLiteral("check"), QStringLiteral("--text"),
                      QStringLiteral("Em nắm chắc kiến thức.")});
        QVERIFY2(ok.code == 0, qPrintable(ok.out + ok.err));
        Run warned = cli({},
                         {QStringLiteral("comments"), QStringLiteral("check"), QStringLiteral("--text"),
                          QStringLiteral("Còn lười học.")});
        QCOMPARE(warned.code, 1);
        QVERIFY2(warned.out.contains(QStringLiteral("lười")), qPrintable(warned.out));
        QVERIFY2(warned.out.contains(QStringLiteral("\"Em\"")), qPrintable(warned.out));

        Run audit = cli({}, {QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(audit.code == 0, qPrintable(audit.out + audit.err));
    }

    void identicalCommentsOfADemoClass()
    {
        const QString demo = m_dir.filePath(QStringLiteral("demo.hocba"));
        QProcess make;
        make.start(test::executable(QStringLiteral("hocba-cli")),
                   {QStringLiteral("demo"), QStringLiteral("--db"), demo, QStringLiteral("--level"),
                    QStringLiteral("primary"), QStringLiteral("--students"), QStringLiteral("24"),
                    QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--year"),
                    QStringLiteral("2025-2026")});
        QVERIFY(make.waitForFinished(120000));
        QCOMPARE(make.exitCode(), 0);
        QProcess p;
        p.start(test::executable(QStringLiteral("hocba-cli")),
                {QStringLiteral("comments"), QStringLiteral("identical"), QStringLiteral("--db"), demo,
                 QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--class"),
                 QStringLiteral("5A1"), QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonArray found
            = QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("identical")).toArray();
        QVERIFY(!found.isEmpty()); // the demo draws its comments from a small list
        for (const auto& v : found) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(QStringLiteral("pupils")).toInt() >= lifecycle::kIdenticalCommentsWarnAt);
            QCOMPARE(o.value(QStringLiteral("sections")).toArray().size(), o.value(QStringLiteral("pupils")).toInt());
            QVERIFY(!o.value(QStringLiteral("text")).toString().isEmpty());
        }
        QProcess missing;
        missing.start(test::executable(QStringLiteral("hocba-cli")),
                      {QStringLiteral("comments"), QStringLiteral("identical"), QStringLiteral("--db"), demo,
                       QStringLiteral("--year"), QStringLiteral("2025-2026"), QStringLiteral("--class"),
                       QStringLiteral("9Z9")});
        QVERIFY(missing.waitForFinished(60000));
        QCOMPARE(missing.exitCode(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCommentsCli)
#include "TestCommentsCli.moc"

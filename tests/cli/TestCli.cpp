// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "Command.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <QBuffer>
#include <QTest>

using namespace hocba;

namespace {
using Run = test::CliRun;

Run runCli(const QStringList& args)
{
    return test::runCliInProcess(args);
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noArgumentsIsUsageError()
    {
        const Run r = runCli({});
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY(r.err.contains(QStringLiteral("hocba-cli")));
    }
    void unknownCommandIsUsageError()
    {
        const Run r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY(r.err.contains(QStringLiteral("frobnicate")));
    }
    void demoThenInfo()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.hocba"));
        Run r = runCli({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--students"),
                        QStringLiteral("90"), QStringLiteral("--level"), QStringLiteral("thcs"),
                        QStringLiteral("--json")});
        QCOMPARE(r.code, int(ExitOk));
        const QJsonObject made = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(made.value(QStringLiteral("students")).toInt(), 90);
        QCOMPARE(made.value(QStringLiteral("schoolYear")).toString(), QStringLiteral("2025-2026"));

        r = runCli({QStringLiteral("info"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(r.code, int(ExitOk));
        const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(info.value(QStringLiteral("students")).toInt(), 90);
        QCOMPARE(info.value(QStringLiteral("sections")).toInt(), made.value(QStringLiteral("sections")).toInt());
        QVERIFY(info.value(QStringLiteral("school"))
                    .toObject()
                    .value(QStringLiteral("name"))
                    .toString()
                    .contains(QStringLiteral("THCS")));
        // 90 THCS students: grades 6-9, 23/23/22/22, one class each, plus paper-history classes.
        int classes2025 = 0;
        for (const auto& c : info.value(QStringLiteral("classes")).toArray())
            if (c.toObject().value(QStringLiteral("schoolYear")).toString() == QLatin1String("2025-2026"))
                ++classes2025;
        QCOMPARE(classes2025, 4);

        r = runCli({QStringLiteral("info"), QStringLiteral("--db"), db});
        QCOMPARE(r.code, int(ExitOk));
        QVERIFY(r.out.contains(QStringLiteral("9A1")));

        // The demo is only made in a new file; the existing one is kept.
        r = runCli({QStringLiteral("demo"), QStringLiteral("--db"), db});
        QCOMPARE(r.code, int(ExitFailed));
        r = runCli({QStringLiteral("demo"), QStringLiteral("--db"), dir.filePath(QStringLiteral("x.hocba")),
                    QStringLiteral("--level"), QStringLiteral("college")});
        QCOMPARE(r.code, int(ExitUsage));
    }

    void sameSeedSameInfo()
    {
        QTemporaryDir dir;
        QStringList outs;
        for (const char* name : {"a.hocba", "b.hocba"}) {
            const QString db = dir.filePath(QString::fromLatin1(name));
            QCOMPARE(runCli({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--students"),
                             QStringLiteral("40"), QStringLiteral("--seed"), QStringLiteral("9")})
                         .code,
                     int(ExitOk));
            outs << runCli({QStringLiteral("info"), QStringLiteral("--db"), db, QStringLiteral("--json")}).out;
        }
        QCOMPARE(outs.at(0), outs.at(1));
    }

    void infoOnBadFiles()
    {
        QTemporaryDir dir;
        Run r = runCli({QStringLiteral("info"), QStringLiteral("--db"), dir.filePath(QStringLiteral("none.hocba"))});
        QVERIFY(r.code != 0);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.hocba")))); // never created by a read command
        r = runCli({QStringLiteral("info")});
        QCOMPARE(r.code, int(ExitUsage));
    }

    void helpFollowsTheLanguage_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("expected");
        QTest::newRow("vi") << QStringLiteral("vi") << QStringLiteral("Cách dùng: hocba-cli demo");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Usage: hocba-cli demo");
    }

    void helpFollowsTheLanguage()
    {
        QFETCH(QString, lang);
        QFETCH(QString, expected);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOCBA_LANG"), lang);
        p.setProcessEnvironment(env);
        p.start(test::executable(QStringLiteral("hocba-cli")), {QStringLiteral("demo"), QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(expected), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("--students")));
    }

    // The school's signing rule: the principal always; the homeroom teacher and the seal on request, with an audit
    // entry each; the principal cannot be made optional; unknown roles are usage errors and change nothing.
    void policyRequiredRoles()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("demo.hocba"));
        QCOMPARE(runCli({QStringLiteral("demo"), QStringLiteral("--db"), db, QStringLiteral("--students"),
                         QStringLiteral("10"), QStringLiteral("--level"), QStringLiteral("thcs")})
                     .code,
                 int(ExitOk));
        auto required = [&](const QStringList& extra) {
            const Run r = runCli(
                QStringList {QStringLiteral("policy"), QStringLiteral("--db"), db, QStringLiteral("--json")} + extra);
            QStringList roles;
            for (const auto& v : QJsonDocument::fromJson(r.out.toUtf8())[QStringLiteral("required")].toArray())
                roles << v.toString();
            return std::pair {r.code, roles};
        };
        QCOMPARE(required({}), std::pair(int(ExitOk), QStringList {QStringLiteral("principal")}));
        QCOMPARE(
            required({QStringLiteral("--require"), QStringLiteral("homeroom"), QStringLiteral("--require"),
                      QStringLiteral("seal"), QStringLiteral("--by"), QStringLiteral("Lê Văn Tâm")}),
            std::pair(int(ExitOk),
                      QStringList {QStringLiteral("homeroom"), QStringLiteral("principal"), QStringLiteral("seal")}));
        QCOMPARE(required({QStringLiteral("--optional"), QStringLiteral("seal")}).second,
                 (QStringList {QStringLiteral("homeroom"), QStringLiteral("principal")}));

        Run r = runCli({QStringLiteral("policy"), QStringLiteral("--db"), db, QStringLiteral("--optional"),
                        QStringLiteral("principal")});
        QCOMPARE(r.code, int(ExitUsage));
        r = runCli({QStringLiteral("policy"), QStringLiteral("--db"), db, QStringLiteral("--require"),
                    QStringLiteral("janitor")});
        QCOMPARE(r.code, int(ExitUsage));
        QCOMPARE(required({}).second, (QStringList {QStringLiteral("homeroom"), QStringLiteral("principal")}));

        // Each change is in the audit log, with who made it.
        auto opened = store::Database::openOrCreate(db);
        QVERIFY(opened);
        auto st = (*opened)->prepare(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'policy.sign' AND actor = 'Lê Văn Tâm'"));
        QVERIFY(st && st->step().value_or(false));
        QCOMPARE(st->int64(0), 2);

        r = runCli({QStringLiteral("policy"), QStringLiteral("--db"), db});
        QCOMPARE(r.code, int(ExitOk));
        QVERIFY2(r.out.contains(QStringLiteral("Hiệu trưởng")) || r.out.contains(QStringLiteral("Principal")),
                 qPrintable(r.out));
    }

    void helpListsCommands()
    {
        const Run r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.code, int(ExitOk));
        for (const auto& c : cli::allCommands())
            QVERIFY2(r.out.contains(c->name()), qPrintable(c->name()));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"

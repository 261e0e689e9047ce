// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "Command.h"
#include "StoreFixture.h"

#include "demo/DemoSchool.h"
#include "lifecycle/SchoolLint.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::store;

namespace {

QByteArray tableDigest(Database& db)
{
    QByteArray all;
    for (const char* sql : {"SELECT count(*) FROM assessment", "SELECT count(*) FROM audit_log",
                            "SELECT group_concat(value, '|') FROM (SELECT value FROM assessment ORDER BY 1)"}) {
        auto st = db.prepare(QString::fromLatin1(sql)).value();
        if (st.step().value())
            all += st.text(0).toUtf8() + '\n';
    }
    return all;
}

int runCli(const QStringList& args, QString* out)
{
    const test::CliRun r = test::runCliInProcess(args);
    *out = r.out + r.err;
    return r.code;
}

} // namespace

class TestSchoolLint : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("lint.hocba"));
        demo::DemoOptions o;
        o.students = 120;
        o.year = SchoolYear {2025};
        QVERIFY(demo::createDemoSchool(m_path, o));
    }

    void findsDeliberateDefectsAndIdErrorsWithoutChangingData()
    {
        auto db = test::openTestDatabase(m_path);
        const QByteArray before = tableDigest(*db);
        lifecycle::SchoolLintOptions options;
        options.year = SchoolYear {2025};
        const auto result = lifecycle::lintSchool(*db, options).value();
        int students = 0, withErrors = 0, pidFindings = 0;
        for (const auto& c : result)
            for (const auto& s : c.students) {
                ++students;
                withErrors += hasErrors(s.findings) ? 1 : 0;
                for (const Finding& f : s.findings)
                    if (f.field == QLatin1String("personalId"))
                        ++pidFindings;
            }
        QCOMPARE(students, 120);
        QVERIFY(withErrors >= 4); // 120 / 30 deliberate defects
        QVERIFY(pidFindings >= 1 || withErrors >= 4);
        QCOMPARE(tableDigest(*db), before); // lint never changes data
    }

    void commentNamingAClassmateIsFound()
    {
        auto db = test::openTestDatabase(m_path);
        const auto cls = SchoolRepository(*db).classByName(SchoolYear {2025}, QStringLiteral("3A1")).value().value();
        StudentRepository repo(*db);
        const auto roster = repo.roster(cls.id).value();
        QVERIFY(roster.size() >= 3);
        const RosterEntry& target = roster.at(0);
        const QString classmate = roster.at(2).student.fullName;
        QVERIFY(repo.setAssessment(target.section.id,
                                   {QStringLiteral("toan"), QStringLiteral("cn"), QStringLiteral("comment"), 0,
                                    QStringLiteral("Em học tốt hơn bạn %1.").arg(classmate)}));
        lifecycle::SchoolLintOptions options;
        options.year = SchoolYear {2025};
        options.className = QStringLiteral("3A1");
        const auto result = lifecycle::lintSchool(*db, options).value();
        QCOMPARE(result.size(), 1);
        bool found = false;
        for (const auto& s : result.first().students)
            if (s.sectionId == target.section.id)
                for (const Finding& f : s.findings)
                    found = found || f.code == QLatin1String("comment.names_classmate");
        QVERIFY(found);
    }

    void unknownClassIsAClearError()
    {
        auto db = test::openTestDatabase(m_path);
        lifecycle::SchoolLintOptions options;
        options.year = SchoolYear {2025};
        options.className = QStringLiteral("9Z9");
        auto r = lifecycle::lintSchool(*db, options);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(r.error().message.contains(QStringLiteral("9Z9")));
    }

    void cliGroupsByClassAndStudentWithExitCodes()
    {
        QString out;
        QCOMPARE(runCli({QStringLiteral("lint"), QStringLiteral("--db"), m_path, QStringLiteral("--json")}, &out),
                 int(ExitFailed)); // the demo has deliberate errors
        const QJsonObject o = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("schoolYear")).toString(), QStringLiteral("2025-2026"));
        QVERIFY(o.value(QStringLiteral("errors")).toInt() >= 4);
        QVERIFY(!o.value(QStringLiteral("classes")).toArray().isEmpty());
        const auto first = o.value(QStringLiteral("classes")).toArray().first().toObject();
        QVERIFY(first.contains(QStringLiteral("class")));

        // A class without errors exits 0 (find one from the JSON).
        QString clean;
        for (const auto& c : o.value(QStringLiteral("classes")).toArray()) {
            bool hasError = false;
            for (const auto& s : c.toObject().value(QStringLiteral("withFindings")).toArray())
                for (const auto& f : s.toObject().value(QStringLiteral("findings")).toArray())
                    hasError = hasError
                        || f.toObject().value(QStringLiteral("severity")).toString() == QLatin1String("error");
            if (!hasError) {
                clean = c.toObject().value(QStringLiteral("class")).toString();
                break;
            }
        }
        QVERIFY(!clean.isEmpty());
        QCOMPARE(
            runCli({QStringLiteral("lint"), QStringLiteral("--db"), m_path, QStringLiteral("--class"), clean}, &out),
            int(ExitOk));
        QVERIFY(out.contains(clean));
        QCOMPARE(runCli({QStringLiteral("lint"), QStringLiteral("--db"), m_path, QStringLiteral("--year"),
                         QStringLiteral("2025")},
                        &out),
                 int(ExitUsage));
    }
};

QTEST_GUILESS_MAIN(TestSchoolLint)
#include "TestSchoolLint.moc"

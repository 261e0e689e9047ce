// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "Command.h"
#include "StoreFixture.h"

#include "store/AuditLog.h"
#include "store/StudentRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::store;

namespace {

test::CliRun auditVerify(const QString& path)
{
    test::CliRun r = test::runCliInProcess(
        {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), path, QStringLiteral("--json")});
    r.out += r.err;
    return r;
}

// Tampering "behind the program's back" first has to get past the append-only triggers, as an attacker would.
const QString kDropGuards = QStringLiteral("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ");

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    /** Makes a school with some history (≥ 10 entries), closes it and returns the path. */
    void makeHistory()
    {
        m_path = m_dir.filePath(
            QStringLiteral("%1-%2.hocba")
                .arg(QLatin1String(QTest::currentTestFunction()),
                     QString::fromUtf8(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'))));
        auto db = test::openTestDatabase(m_path);
        QVERIFY(db);
        db->setActor(QStringLiteral("gvcn.hong"));
        const auto school = test::makeMiniSchool(*db);
        StudentRepository repo(*db);
        Student s = repo.student(school.studentId).value().value();
        s.address = QStringLiteral("12 Phố Huế, Hà Nội");
        QVERIFY(repo.saveStudent(s));
        QVERIFY(repo.setAssessment(
            school.sectionId,
            {QStringLiteral("toan"), QStringLiteral("hk1"), QStringLiteral("final"), 0, QStringLiteral("8.5")}));
        QVERIFY(repo.setSectionState(school.sectionId, SectionState::Ready));
    }

private Q_SLOTS:
    void entriesHoldWhoWhenWhatOldAndNew()
    {
        makeHistory();
        auto db = test::openTestDatabase(m_path);
        auto st = db->prepare(QStringLiteral("SELECT actor, action, field, old_value, new_value, at, prev_hash, hash "
                                             "FROM audit_log WHERE action = 'student.update'"))
                      .value();
        QVERIFY(st.step().value());
        QCOMPARE(st.text(0), QStringLiteral("gvcn.hong"));
        QCOMPARE(st.text(2), QStringLiteral("address"));
        QCOMPARE(st.text(3), QStringLiteral(""));
        QCOMPARE(st.text(4), QStringLiteral("12 Phố Huế, Hà Nội"));
        QVERIFY(QDateTime::fromString(st.text(5), Qt::ISODateWithMs).isValid());
        QCOMPARE(st.text(6).size(), 64);
        QCOMPARE(st.text(7).size(), 64);
        auto state = db->prepare(QStringLiteral("SELECT old_value, new_value FROM audit_log WHERE action = "
                                                "'section.state'"))
                         .value();
        QVERIFY(state.step().value());
        QCOMPARE(state.text(0), QStringLiteral("draft"));
        QCOMPARE(state.text(1), QStringLiteral("ready"));
    }

    void intactChainVerifies()
    {
        makeHistory();
        auto db = test::openTestDatabase(m_path);
        auto v = AuditLog(*db).verify().value();
        QVERIFY(v.ok);
        QVERIFY(v.entries >= 10);
        db.reset();
        const test::CliRun r = auditVerify(m_path);
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("\"ok\": true")));
    }

    void programRefusesToEditOrDeleteEntries()
    {
        makeHistory();
        auto db = test::openTestDatabase(m_path);
        QVERIFY(!db->exec(QStringLiteral("UPDATE audit_log SET actor = 'x' WHERE id = 1")));
        QVERIFY(!db->exec(QStringLiteral("DELETE FROM audit_log WHERE id = 1")));
    }

    void detectsTampering_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("firstBad");
        QTest::newRow("edited value") << QStringLiteral(
            "UPDATE audit_log SET new_value = 'Nguyễn Văn Bình' WHERE id = 5;")
                                      << qint64(5);
        QTest::newRow("edited actor") << QStringLiteral("UPDATE audit_log SET actor = 'hieutruong' WHERE id = 3;")
                                      << qint64(3);
        QTest::newRow("deleted entry") << QStringLiteral("DELETE FROM audit_log WHERE id = 4;") << qint64(4);
        QTest::newRow("deleted newest") << QStringLiteral("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM "
                                                          "audit_log);")
                                        << qint64(-1);
        QTest::newRow("reordered") << QStringLiteral("UPDATE audit_log SET id = -6 WHERE id = 6; UPDATE audit_log SET "
                                                     "id = 6 WHERE id = 7; UPDATE audit_log SET id = 7 WHERE id = -6;")
                                   << qint64(6);
        QTest::newRow("edit with rehash of one entry")
            << QStringLiteral("UPDATE audit_log SET new_value = 'x', hash = '%1' WHERE id = 2;")
                   .arg(QString(64, QLatin1Char('e')))
            << qint64(2);
    }

    void detectsTampering()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, firstBad);
        makeHistory();
        qint64 newest = 0;
        {
            auto db = test::openTestDatabase(m_path);
            auto st = db->prepare(QStringLiteral("SELECT max(id) FROM audit_log")).value();
            QVERIFY(st.step().value());
            newest = st.int64(0);
        }
        QString out;
        QCOMPARE(test::runSqlite3(m_path, kDropGuards + sql, &out), 0);
        if (firstBad < 0)
            firstBad = newest;
        const test::CliRun r = auditVerify(m_path);
        QCOMPARE(r.code, int(ExitFailed)); // invalid data; 4 is only for a database that cannot be read
        QVERIFY2(r.out.contains(QStringLiteral("\"firstBadEntry\": %1").arg(firstBad)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("\"ok\": false")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "TestAuditLog.moc"

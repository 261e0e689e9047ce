// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreFixture.h"

#include "store/BatchJournal.h"
#include "store/Database.h"
#include "store/StudentRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::store;

namespace {

const QString kPrincipal = QStringLiteral("principal");
const QString kCertificate = QString(64, QLatin1Char('a'));

QList<std::pair<int, Id>> pairs(const QList<JournalItem>& items)
{
    QList<std::pair<int, Id>> out;
    for (const JournalItem& item : items)
        out.append({item.seq, item.sectionId});
    return out;
}

/** The audit entries the journal wrote, as "action entity_id new_value". */
QStringList batchAudit(Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT action, entity_id, coalesce(new_value, '-') FROM audit_log "
                                        "WHERE entity = 'sign_batch' ORDER BY id"))
                  .value();
    QStringList out;
    while (st.step().value())
        out << QStringLiteral("%1 %2 %3").arg(st.text(0), st.text(1), st.text(2));
    return out;
}

} // namespace

class TestBatchJournal : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    QList<Id> m_sections; ///< three sections of the mini school

    std::unique_ptr<Database> freshSchool()
    {
        m_path = m_dir.filePath(QLatin1String(QTest::currentTestFunction()) + QStringLiteral(".hocba"));
        auto db = test::openTestDatabase(m_path);
        if (!db)
            return db;
        const test::MiniSchool school = test::makeMiniSchool(*db);
        YearSection next;
        next.recordId = school.recordId;
        next.schoolYear = SchoolYear {2026};
        next.grade = 8;
        next.circular = Circular::TT22;
        m_sections = {school.sectionId, school.otherSectionId, StudentRepository(*db).addSection(next).value()};
        return db;
    }

private Q_SLOTS:
    void reopenedBatchResumesWhatIsLeft()
    {
        auto db = freshSchool();
        QVERIFY(db);
        const auto [s1, s2, s3] = std::tuple {m_sections[0], m_sections[1], m_sections[2]};
        qint64 batchId = 0;
        {
            BatchJournal journal(*db);
            auto started = journal.start(kPrincipal, kCertificate, {s1, s2, s3, s1});
            QVERIFY2(started, started ? "" : qPrintable(describe(started.error())));
            batchId = *started;
            QCOMPARE(pairs(journal.unfinishedItems(batchId).value()),
                     (QList<std::pair<int, Id>> {{1, s1}, {2, s2}, {3, s3}}));
            QVERIFY(journal.record(batchId, 1, JournalItemState::Signed));
            QVERIFY(journal.record(batchId, 2, JournalItemState::Skipped, QStringLiteral("paper")));
        }
        db.reset(); // a crash after the second section: only what was committed is left
        db = test::openTestDatabase(m_path);
        QVERIFY(db);
        BatchJournal journal(*db);
        auto open = journal.openBatch(kPrincipal).value();
        QVERIFY(open);
        QCOMPARE(open->id, batchId);
        QCOMPARE(open->certificateSha256, kCertificate);
        QCOMPARE(open->unfinished, 1);
        QVERIFY(!journal.openBatch(QStringLiteral("homeroom")).value());
        QCOMPARE(pairs(journal.unfinishedItems(batchId).value()), (QList<std::pair<int, Id>> {{3, s3}}));
        QCOMPARE(journal.pendingCount(batchId).value(), 1);

        // A failed item is tried again by the next run, but no longer counts as pending for closing the batch.
        QVERIFY(journal.record(batchId, 3, JournalItemState::Failed, QStringLiteral("render")));
        QCOMPARE(pairs(journal.unfinishedItems(batchId).value()), (QList<std::pair<int, Id>> {{3, s3}}));
        QCOMPARE(journal.pendingCount(batchId).value(), 0);
        QCOMPARE(journal.openBatch(kPrincipal).value()->unfinished, 1);
        // A signed item stays signed.
        QVERIFY(!journal.record(batchId, 1, JournalItemState::Failed, QStringLiteral("late")));
    }

    void extendAppendsOnlyNewSections()
    {
        auto db = freshSchool();
        QVERIFY(db);
        BatchJournal journal(*db);
        const qint64 batchId = journal.start(kPrincipal, kCertificate, {m_sections[1]}).value();
        QVERIFY(journal.record(batchId, 1, JournalItemState::Signed));
        QVERIFY(journal.extend(batchId, {m_sections[0], m_sections[1], m_sections[2]}));
        QCOMPARE(pairs(journal.unfinishedItems(batchId).value()),
                 (QList<std::pair<int, Id>> {{2, m_sections[0]}, {3, m_sections[2]}}));
    }

    void finishedOrAbandonedBatchIsNotResumed()
    {
        auto db = freshSchool();
        QVERIFY(db);
        BatchJournal journal(*db);
        const qint64 first = journal.start(kPrincipal, kCertificate, {m_sections[0], m_sections[1]}).value();
        QVERIFY(journal.record(first, 1, JournalItemState::Signed));
        QVERIFY(journal.record(first, 2, JournalItemState::Skipped, QStringLiteral("not-ready")));
        QVERIFY(journal.finish(first, 1, 1, 0));
        QVERIFY(!journal.openBatch(kPrincipal).value());
        QVERIFY(!journal.finish(first, 1, 1, 0)); // a closed batch stays closed

        const qint64 second = journal.start(kPrincipal, kCertificate, {m_sections[2]}).value();
        QVERIFY(second != first);
        QCOMPARE(journal.openBatch(kPrincipal).value()->id, second);
        QVERIFY(journal.abandon(second));
        QVERIFY(!journal.openBatch(kPrincipal).value());

        db.reset();
        db = test::openTestDatabase(m_path);
        QVERIFY(db);
        QVERIFY(!BatchJournal(*db).openBatch(kPrincipal).value());
        QCOMPARE(batchAudit(*db),
                 (QStringList {QStringLiteral("sign_batch.start %1 %2").arg(first).arg(kCertificate),
                               QStringLiteral("sign_batch.finish %1 signed=1 skipped=1 failed=0").arg(first),
                               QStringLiteral("sign_batch.start %1 %2").arg(second).arg(kCertificate),
                               QStringLiteral("sign_batch.abandon %1 -").arg(second)}));
    }
};

QTEST_GUILESS_MAIN(TestBatchJournal)
#include "TestBatchJournal.moc"

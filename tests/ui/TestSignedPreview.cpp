// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's record preview of a signed year: the signed packet when the stored documents verify; after a mark
// was changed in the file behind the program's back, the translated refusal naming the section, and no book.
#include "MainWindow.h"
#include "MessageBox.h"
#include "RecordPreviewWidget.h"
#include "SigningSchool.h"
#include "StoreFixture.h"
#include "StudentTableModel.h"
#include "lifecycle/BatchSignJob.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SectionConfirmer.h"
#include "store/Database.h"
#include "store/StudentRepository.h"
#include "util/Settings.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace hocba;
using hocba::ui::MainWindow;
using hocba::ui::MessageBox;
using hocba::ui::StudentTableModel;

namespace {
struct NullSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};
} // namespace

class TestSignedPreview : public QObject
{
    Q_OBJECT
    test::SigningSchool m_school;
    QTemporaryDir m_dir;
    Id m_sectionId = 0;
    QString m_lookupCode;

    /** A copy of the school with one signed section; `sql` run on it with the sqlite3 shell. Returns its path. */
    QString signedSchool(const QString& sql = {})
    {
        auto db = m_school.copy();
        if (!db)
            return {};
        lifecycle::ConfirmOptions co;
        co.year = m_school.year;
        co.className = m_school.className;
        co.acknowledgeWarnings = true;
        co.acknowledgedBy = QStringLiteral("GVCN test");
        if (!lifecycle::confirmSections(*db, lifecycle::Actor::unrestricted(), co))
            return {};
        const QList<Id> ids
            = lifecycle::sectionsToExport(*db, m_school.year, m_school.className).value_or(QList<Id> {});
        store::StudentRepository repo(*db);
        for (Id id : ids)
            if (auto s = repo.section(id); s && *s && (*s)->state == SectionState::Ready) {
                m_sectionId = id;
                break;
            }
        auto signer = m_school.pki.signer(false);
        lifecycle::BatchSignJob job(*db, *signer, {}, lifecycle::Actor::unrestricted());
        NullSink sink;
        CancellationToken cancel;
        auto report = job.run({m_sectionId}, sink, cancel);
        if (!report || report->signedItems.size() != 1)
            return {};
        auto st = db->prepare(QStringLiteral("SELECT r.lookup_code FROM record r JOIN year_section s ON s.record_id = "
                                             "r.id WHERE s.id = %1")
                                  .arg(m_sectionId));
        if (!st || !st->step().value_or(false))
            return {};
        m_lookupCode = st->text(0);
        const QString path = db->path();
        db.reset();
        if (!sql.isEmpty() && test::runSqlite3(path, sql.arg(m_sectionId)) != 0)
            return {};
        return path;
    }

    /** Opens the file in a main window and selects the signed student's row of the class. */
    void showSignedRecord(MainWindow& window, const QString& path)
    {
        QVERIFY(window.openDatabase(path));
        auto* tree = window.findChild<QTreeView*>(QStringLiteral("navigationTreeView"));
        QVERIFY(tree);
        const QModelIndexList classes = tree->model()->match(tree->model()->index(0, 0), Qt::DisplayRole,
                                                             QStringLiteral("Class %1 ").arg(m_school.className), 1,
                                                             Qt::MatchStartsWith | Qt::MatchRecursive);
        QCOMPARE(classes.size(), 1);
        tree->setCurrentIndex(classes.first());
        auto* table = window.findChild<QTableView*>(QStringLiteral("studentTableView"));
        QVERIFY(table);
        QString grouped;
        for (int i = 0; i < m_lookupCode.size(); i += 4)
            grouped += (i ? QStringLiteral(" ") : QString()) + m_lookupCode.mid(i, 4);
        const QModelIndexList rows = table->model()->match(table->model()->index(0, StudentTableModel::LookupCode),
                                                           Qt::DisplayRole, grouped, 1, Qt::MatchExactly);
        QCOMPARE(rows.size(), 1);
        table->setCurrentIndex(rows.first());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        MessageBox::setAutoAnswer(true); // no test may wait on a modal dialog
        QVERIFY(m_school.create());
    }

    void verifiedSignedYearIsShown()
    {
        const QString path = signedSchool();
        QVERIFY(!path.isEmpty());
        Settings settings(m_dir.filePath(QStringLiteral("clean.ini")));
        MainWindow window(settings);
        auto* preview = window.findChild<ui::RecordPreviewWidget*>(QStringLiteral("recordPreviewWidget"));
        QVERIFY(preview);
        QSignalSpy rendered(preview, &ui::RecordPreviewWidget::rendered);
        MessageBox::resetShown();
        showSignedRecord(window, path);
        QVERIFY(rendered.wait(60000) || rendered.count() > 0);
        QVERIFY(preview->pageCount() > 0);
        QCOMPARE(MessageBox::shownCount(), 0);
    }

    void changedMarkIsRefusedByName()
    {
        const QString path = signedSchool(QStringLiteral(
            "DROP TRIGGER assessment_fixed_update; UPDATE assessment SET value = CASE WHEN CAST(value AS REAL) >= 9 "
            "THEN '5' ELSE '9' END WHERE section_id = %1 AND (subject, term, item, seq) = (SELECT subject, term, "
            "item, seq FROM assessment WHERE section_id = %1 AND value GLOB '[0-9]*' ORDER BY subject, term, item, "
            "seq LIMIT 1);"));
        QVERIFY(!path.isEmpty());
        Settings settings(m_dir.filePath(QStringLiteral("tampered.ini")));
        MainWindow window(settings);
        auto* preview = window.findChild<ui::RecordPreviewWidget*>(QStringLiteral("recordPreviewWidget"));
        QVERIFY(preview);
        MessageBox::resetShown();
        showSignedRecord(window, path);
        QCOMPARE(MessageBox::shownCount(), 1);
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        QVERIFY2(MessageBox::lastShown().text.contains(m_lookupCode), qPrintable(MessageBox::lastShown().text));
        QVERIFY2(MessageBox::lastShown().text.contains(QStringLiteral("do not verify")),
                 qPrintable(MessageBox::lastShown().text));
        QCOMPARE(preview->pageCount(), 0);
    }
};

QTEST_MAIN(TestSignedPreview)
#include "TestSignedPreview.moc"

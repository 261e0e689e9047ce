// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "MessageBox.h"
#include "RecordLifecycle.h"
#include "StandInSchool.h"
#include "StudentTableModel.h"
#include "store/Database.h"
#include "util/Settings.h"

#include <QAction>
#include <QDialog>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using hocba::Settings;
using hocba::ui::MainWindow;
using hocba::ui::MessageBox;
using hocba::ui::StudentTableModel;

namespace {

/** The Records menu's corrections and transfers need a lifecycle; what it answers does not matter here. */
class IdleLifecycle final : public hocba::ui::RecordLifecycle
{
public:
    hocba::Result<QList<hocba::lifecycle::SectionVersion>> versions(hocba::Id) override
    {
        return QList<hocba::lifecycle::SectionVersion> {};
    }
    hocba::Result<hocba::Id> reopen(hocba::Id, const QString&) override { return hocba::Id {0}; }
    hocba::Result<QByteArray> revoke(hocba::Id, const QString&, hocba::signing::Signer&) override
    {
        return QByteArray();
    }
    hocba::Result<hocba::lifecycle::TransferOutResult> transferOut(const hocba::lifecycle::TransferOutRequest&,
                                                                   hocba::signing::Signer&) override
    {
        return hocba::lifecycle::TransferOutResult {};
    }
    hocba::Result<hocba::lifecycle::TransferInspection> inspectPackage(const QString&) override
    {
        return hocba::lifecycle::TransferInspection {};
    }
    hocba::Result<hocba::lifecycle::TransferInResult> transferIn(const QString&, const QString&) override
    {
        return hocba::lifecycle::TransferInResult {};
    }
    hocba::Result<std::optional<hocba::ui::TransferredAway>> transferredAway(const QString&) override
    {
        return std::optional<hocba::ui::TransferredAway> {};
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_school;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    QString iniPath() const { return m_dir.filePath(QStringLiteral("hocba.ini")); }
    QTreeView* tree() const { return m_window->findChild<QTreeView*>(QStringLiteral("navigationTreeView")); }
    QTableView* table() const { return m_window->findChild<QTableView*>(QStringLiteral("studentTableView")); }
    QLineEdit* filter() const { return m_window->findChild<QLineEdit*>(QStringLiteral("filterLineEdit")); }

    /** The tree item "Class <name>" under "School year <year>". */
    QModelIndex classIndex(int startYear, const QString& name) const
    {
        const QAbstractItemModel* m = tree()->model();
        for (int y = 0; y < m->rowCount(); ++y) {
            const QModelIndex year = m->index(y, 0);
            if (year.data(MainWindow::SchoolYearRole).toInt() != startYear)
                continue;
            for (int g = 0; g < m->rowCount(year); ++g)
                for (int c = 0; c < m->rowCount(m->index(g, 0, year)); ++c) {
                    const QModelIndex cls = m->index(c, 0, m->index(g, 0, year));
                    if (cls.data(Qt::DisplayRole).toString().startsWith(QStringLiteral("Class %1 ").arg(name)))
                        return cls;
                }
        }
        return {};
    }
    void selectClass(int startYear, const QString& name)
    {
        const QModelIndex idx = classIndex(startYear, name);
        QVERIFY(idx.isValid());
        tree()->setCurrentIndex(idx);
    }
    QString cell(int row, int column) const { return table()->model()->index(row, column).data().toString(); }
    QAction* action(const char* name) const { return m_window->findChild<QAction*>(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // No test may ever wait on a modal dialog.
        MessageBox::setAutoAnswer(true);
        m_school = m_dir.filePath(QStringLiteral("truong.hocba"));
        auto made = hocba::test::createStandInSchool(m_school);
        QVERIFY2(made.has_value(), qPrintable(made ? QString() : hocba::describe(made.error())));
    }

    void init()
    {
        QFile::remove(iniPath());
        m_settings = std::make_unique<Settings>(iniPath());
        m_window = std::make_unique<MainWindow>(*m_settings);
        MessageBox::resetShown();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
    }

    void startsEmptyWithoutFile()
    {
        QVERIFY(!m_window->hasDatabase());
        QCOMPARE(tree()->model()->rowCount(), 0);
        QVERIFY(m_window->statusText().contains(QStringLiteral("No data file is open")));
    }

    void treeShowsYearsGradesClasses()
    {
        QVERIFY(m_window->openDatabase(m_school));
        const QAbstractItemModel* m = tree()->model();
        QCOMPARE(m->rowCount(), 2);
        // Newest year first.
        const QModelIndex y2025 = m->index(0, 0);
        QCOMPARE(y2025.data().toString(), QStringLiteral("School year 2025-2026"));
        QCOMPARE(m->index(1, 0).data().toString(), QStringLiteral("School year 2024-2025"));
        QCOMPARE(m->rowCount(y2025), 3);
        QCOMPARE(m->index(0, 0, y2025).data().toString(), QStringLiteral("Grade 1"));
        QCOMPARE(m->index(1, 0, y2025).data().toString(), QStringLiteral("Grade 2"));
        QCOMPARE(m->index(2, 0, y2025).data().toString(), QStringLiteral("Grade 6"));
        const QModelIndex grade1 = m->index(0, 0, y2025);
        QCOMPARE(m->rowCount(grade1), 2);
        QCOMPARE(m->index(0, 0, grade1).data().toString(), QStringLiteral("Class 1A1 (10)"));
        QCOMPARE(m->index(1, 0, grade1).data().toString(), QStringLiteral("Class 1A2 (8)"));
        QCOMPARE(classIndex(2025, QStringLiteral("2A1")).data(MainWindow::StudentCountRole).toInt(), 10);
        QCOMPARE(classIndex(2025, QStringLiteral("6A1")).data(MainWindow::StudentCountRole).toInt(), 9);
        QCOMPARE(classIndex(2024, QStringLiteral("1A1")).data().toString(), QStringLiteral("Class 1A1 (10)"));
        QVERIFY(tree()->isExpanded(y2025));
    }

    void selectingClassFillsTableInNameOrder()
    {
        QVERIFY(m_window->openDatabase(m_school));
        selectClass(2025, QStringLiteral("1A1"));
        QCOMPARE(table()->model()->rowCount(), 10);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(cell(i, StudentTableModel::FullName), QString::fromUtf8(hocba::test::kClass1A1InOrder[i]));
            QCOMPARE(cell(i, StudentTableModel::RowNumber), QString::number(i + 1));
        }
        QCOMPARE(table()->model()->headerData(StudentTableModel::FullName, Qt::Horizontal).toString(),
                 QStringLiteral("Full name"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d/\\d\\d/2019$"))
                    .match(cell(0, StudentTableModel::BirthDate))
                    .hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^([0-9a-f]{4} ){7}[0-9a-f]{4}$"))
                    .match(cell(0, StudentTableModel::LookupCode))
                    .hasMatch());
        QStringList states;
        for (int i = 0; i < 10; ++i)
            states << cell(i, StudentTableModel::State);
        // A locked section without a lock receipt (this stand-in school has none) shows no date.
        for (const char* s : {"Draft", "Confirmed", "Signed", "Submitted to the Department", "Locked"})
            QVERIFY2(states.contains(QString::fromLatin1(s)), s);

        // Another class replaces the list.
        selectClass(2025, QStringLiteral("1A2"));
        QCOMPARE(table()->model()->rowCount(), 8);
        // A grade shows no students.
        tree()->setCurrentIndex(classIndex(2025, QStringLiteral("6A1")).parent());
        QCOMPARE(table()->model()->rowCount(), 0);
        QVERIFY(!filter()->isEnabled());
    }

    void sortsByVietnameseNameAndDate()
    {
        QVERIFY(m_window->openDatabase(m_school));
        selectClass(2025, QStringLiteral("1A1"));
        table()->sortByColumn(StudentTableModel::FullName, Qt::DescendingOrder);
        QCOMPARE(cell(0, StudentTableModel::FullName), QStringLiteral("Phạm Thị Yến"));
        QCOMPARE(cell(9, StudentTableModel::FullName), QStringLiteral("Hoàng Văn An"));
        QCOMPARE(cell(0, StudentTableModel::RowNumber), QStringLiteral("1")); // STT counts rows as shown
        table()->sortByColumn(StudentTableModel::FullName, Qt::AscendingOrder);
        QCOMPARE(cell(6, StudentTableModel::FullName), QStringLiteral("Lê Minh Đức")); // d < đ: Dũng before Đức

        table()->sortByColumn(StudentTableModel::BirthDate, Qt::AscendingOrder);
        const QAbstractItemModel* m = table()->model();
        for (int i = 1; i < m->rowCount(); ++i) {
            const QDate a = m->index(i - 1, StudentTableModel::BirthDate).data(StudentTableModel::SortRole).toDate();
            const QDate b = m->index(i, StudentTableModel::BirthDate).data(StudentTableModel::SortRole).toDate();
            QVERIFY2(a <= b, qPrintable(QStringLiteral("row %1").arg(i)));
        }
    }

    void filterNarrowsRows()
    {
        QVERIFY(m_window->openDatabase(m_school));
        selectClass(2025, QStringLiteral("1A1"));
        QVERIFY(filter()->isEnabled());
        QCOMPARE(filter()->placeholderText(), QStringLiteral("Find a student…"));
        const QString someId = cell(3, StudentTableModel::PersonalId);

        filter()->setText(QStringLiteral("Đức"));
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(cell(0, StudentTableModel::FullName), QStringLiteral("Lê Minh Đức"));
        QCOMPARE(cell(0, StudentTableModel::RowNumber), QStringLiteral("1"));
        // Without accents, as many teachers type: "anh" finds Anh and Ánh.
        filter()->setText(QStringLiteral("anh"));
        QCOMPARE(table()->model()->rowCount(), 2);
        QVERIFY(m_window->statusText().contains(QStringLiteral("Showing 2 of 10 students")));
        filter()->setText(someId);
        QCOMPARE(table()->model()->rowCount(), 1);
        filter()->setText(QStringLiteral("không có ai"));
        QCOMPARE(table()->model()->rowCount(), 0);
        filter()->clear();
        QCOMPARE(table()->model()->rowCount(), 10);
    }

    void statusBarShowsSchoolFileCountsSelection()
    {
        QVERIFY(m_window->openDatabase(m_school));
        const QString status = m_window->statusText();
        QVERIFY2(status.contains(QString::fromUtf8(hocba::test::kStandInSchoolName)), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("truong.hocba")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("Students: %1 · Classes: %2")
                                     .arg(hocba::test::kStandInStudents)
                                     .arg(hocba::test::kStandInClasses)),
                 qPrintable(status));
        selectClass(2025, QStringLiteral("1A1"));
        const QString selected = m_window->statusText();
        QVERIFY2(selected.contains(QStringLiteral("Class 1A1 · School year 2025-2026")), qPrintable(selected));
        QVERIFY2(selected.contains(QStringLiteral("Homeroom teacher: Nguyễn Thị Lan")), qPrintable(selected));
        QVERIFY(m_window->windowTitle().contains(QString::fromUtf8(hocba::test::kStandInSchoolName)));
    }

    void openingRemembersFile()
    {
        QVERIFY(m_window->openDatabase(m_school));
        const QString absolute = QFileInfo(m_school).absoluteFilePath();
        QCOMPARE(m_settings->value(hocba::settings::LastDatabase), absolute);
        QCOMPARE(m_settings->value(hocba::settings::RecentDatabases), QStringList {absolute});
    }

    void recentFilesMenuReopens()
    {
        QVERIFY(m_window->openDatabase(m_school));
        const QString absolute = QFileInfo(m_school).absoluteFilePath();
        // A fresh window (next start) lists the file under File → Open recent and opens it from there.
        m_window = std::make_unique<MainWindow>(*m_settings);
        QVERIFY(!m_window->hasDatabase());
        auto* recent = m_window->findChild<QMenu*>(QStringLiteral("recentFilesMenu"));
        QVERIFY(recent);
        QAction* entry = nullptr;
        for (QAction* a : recent->actions())
            if (a->data().toString() == absolute)
                entry = a;
        QVERIFY(entry);
        QVERIFY(entry->text().contains(QStringLiteral("truong.hocba")));
        entry->trigger();
        QCOMPARE(m_window->databasePath(), absolute);
    }

    void openingNonDatabaseShowsErrorAndStaysUsable()
    {
        QVERIFY(m_window->openDatabase(m_school));
        const QString bad = m_dir.filePath(QStringLiteral("ghi-chu.hocba"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("Đây không phải tệp dữ liệu học bạ.\n").repeated(200));
        }
        MessageBox::resetShown();
        hocba::ui::FileDialog::setNextFileName(bad);
        action("openDatabaseAction")->trigger();
        QCOMPARE(MessageBox::shownCount(), 1);
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        QCOMPARE(MessageBox::lastShown().title, QStringLiteral("Cannot open the data file"));
        QVERIFY(!MessageBox::lastShown().text.isEmpty());
        // The school that was open stays open and usable.
        QCOMPARE(m_window->databasePath(), QFileInfo(m_school).absoluteFilePath());
        QCOMPARE(tree()->model()->rowCount(), 2);
        selectClass(2025, QStringLiteral("1A1"));
        QCOMPARE(table()->model()->rowCount(), 10);
        QCOMPARE(m_settings->value(hocba::settings::LastDatabase), QFileInfo(m_school).absoluteFilePath());
    }

    void openingMissingFileDoesNotCreateIt()
    {
        const QString missing = m_dir.filePath(QStringLiteral("khong-co.hocba"));
        QVERIFY(!m_window->openDatabase(missing));
        QCOMPARE(MessageBox::lastShown().icon, QMessageBox::Critical);
        QVERIFY(!QFile::exists(missing));
        QVERIFY(!m_window->hasDatabase());
        // Cancelling the file dialog does nothing.
        MessageBox::resetShown();
        hocba::ui::FileDialog::setNextFileName(QString());
        action("openDatabaseAction")->trigger();
        QCOMPARE(MessageBox::shownCount(), 0);
    }

    // Settings → Trusted root certificates, Required signatures and the time-stamping server need a school file (they
    // live in it).
    void schoolSettingsNeedSchoolFile()
    {
        QVERIFY(!action("trustAnchorsAction")->isEnabled());
        QVERIFY(!action("signPolicyAction")->isEnabled());
        QVERIFY(!action("tsaSettingsAction")->isEnabled());
        QVERIFY(m_window->openDatabase(m_school));
        QVERIFY(action("trustAnchorsAction")->isEnabled());
        QVERIFY(action("signPolicyAction")->isEnabled());
        action("trustAnchorsAction")->trigger();
        QTRY_VERIFY(m_window->findChild<QDialog*>(QStringLiteral("trustAnchorsDialog")));
        m_window->findChild<QDialog*>(QStringLiteral("trustAnchorsDialog"))->reject();
        action("signPolicyAction")->trigger();
        QTRY_VERIFY(m_window->findChild<QDialog*>(QStringLiteral("signPolicyDialog")));
        m_window->findChild<QDialog*>(QStringLiteral("signPolicyDialog"))->reject();
        QVERIFY(action("tsaSettingsAction")->isEnabled());
        action("tsaSettingsAction")->trigger();
        QTRY_VERIFY(m_window->findChild<QDialog*>(QStringLiteral("tsaSettingsDialog")));
        m_window->findChild<QDialog*>(QStringLiteral("tsaSettingsDialog"))->reject();
    }

    /**
     * A record handed over to another school (record.transferred_at, migration 0012) stays in its class list, marked
     * "Transferred away dd/MM/yyyy" and greyed, and the Records menu offers it nothing that would change it.
     */
    void transferredAwayRecordIsMarkedAndReadOnly()
    {
        const QString path = m_dir.filePath(QStringLiteral("chuyen-di.hocba"));
        QFile::remove(path);
        QVERIFY(QFile::copy(m_school, path));
        const QString leaving = QString::fromUtf8(hocba::test::kClass1A1InOrder[2]);
        {
            auto db = hocba::store::Database::openExisting(path);
            QVERIFY(db);
            auto mark = (*db)->prepare(QStringLiteral(
                "UPDATE record SET transferred_at = '2026-03-02', transferred_to_code = '0100999902', "
                "transferred_to_name = 'Trường Tiểu học Lê Lợi' WHERE student_id = (SELECT id FROM student WHERE "
                "full_name = ?1)"));
            QVERIFY(mark);
            mark->bind(1, leaving);
            QVERIFY(mark->exec());
        }
        m_window->setRecordLifecycle([](hocba::store::Database&, const hocba::lifecycle::Actor&) {
            return std::unique_ptr<hocba::ui::RecordLifecycle>(new IdleLifecycle);
        });
        QVERIFY(m_window->openDatabase(path));
        selectClass(2025, QStringLiteral("1A1"));
        int away = -1, stays = -1;
        for (int i = 0; i < table()->model()->rowCount(); ++i) {
            const QModelIndex state = table()->model()->index(i, StudentTableModel::State);
            if (cell(i, StudentTableModel::FullName) == leaving) {
                away = i;
                QCOMPARE(state.data().toString(), QStringLiteral("Transferred away 02/03/2026"));
                QVERIFY(state.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Trường Tiểu học Lê Lợi")));
                QVERIFY(table()->model()->index(i, StudentTableModel::FullName).data(Qt::ForegroundRole).isValid());
            } else {
                QVERIFY(!state.data().toString().startsWith(QStringLiteral("Transferred")));
                QVERIFY(!table()->model()->index(i, StudentTableModel::FullName).data(Qt::ForegroundRole).isValid());
                if (state.data().toString() == QStringLiteral("Signed"))
                    stays = i;
            }
        }
        QVERIFY(away >= 0 && stays >= 0);

        // The Records menu has the corrections and transfers (tr() source strings: no translation loaded).
        auto* menu = m_window->findChild<QMenu*>(QStringLiteral("recordsMenu"));
        QVERIFY(menu);
        QStringList texts;
        for (const QAction* a : menu->actions())
            texts << a->text();
        for (const char* t : {"&Versions of this school year…", "Co&rrect after signing…", "Re&voke…",
                              "&Transfer to another school…", "Receive a trans&ferred record…"})
            QVERIFY2(texts.contains(QString::fromUtf8(t)), t);

        const QList<QAction*> changing {action("reopenAction"), action("revokeAction"), action("transferOutAction")};
        table()->setCurrentIndex(table()->model()->index(stays, StudentTableModel::FullName));
        for (QAction* a : changing)
            QVERIFY2(a->isEnabled(), qPrintable(a->objectName()));
        table()->setCurrentIndex(table()->model()->index(away, StudentTableModel::FullName));
        for (QAction* a : changing) {
            QVERIFY2(!a->isEnabled(), qPrintable(a->objectName()));
            QVERIFY(a->toolTip().contains(QStringLiteral("Trường Tiểu học Lê Lợi")));
        }
        // Its versions can still be read, and another pupil can still be received.
        QVERIFY(action("versionsAction")->isEnabled());
        QVERIFY(action("transferInAction")->isEnabled());
    }

    void aboutNamesProductAndFile()
    {
        QVERIFY(m_window->openDatabase(m_school));
        action("aboutAction")->trigger();
        const QString text = MessageBox::lastShown().text;
        QVERIFY(text.contains(QStringLiteral("Học bạ số")));
        QVERIFY(text.contains(QStringLiteral("27/2020")));
        QVERIFY(text.contains(QStringLiteral("22/2021")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral("truong.hocba")));
    }

    void languageIsSavedForNextStart()
    {
        QCOMPARE(m_settings->value(hocba::settings::UiLanguage), QStringLiteral("vi"));
        QVERIFY(action("viLanguageAction")->isChecked());
        action("enLanguageAction")->trigger();
        QCOMPARE(MessageBox::shownCount(), 1);
        QVERIFY(MessageBox::lastShown().text.contains(QStringLiteral("next time")));
        QVERIFY(action("enLanguageAction")->isChecked());
        Settings reread(iniPath());
        QCOMPARE(reread.value(hocba::settings::UiLanguage), QStringLiteral("en"));
    }

    void geometryIsSavedOnClose()
    {
        m_window->resize(900, 640);
        QVERIFY(m_window->close());
        Settings reread(iniPath());
        QVERIFY(!reread.value(hocba::settings::MainWindowGeometry).isEmpty());
        QVERIFY(!reread.value(hocba::settings::MainSplitterState).isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"

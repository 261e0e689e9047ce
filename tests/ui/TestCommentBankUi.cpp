// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's comment bank in the desktop (docs/comment-bank.md): the bulk fill fills empty cells only, replacing
// written comments needs the tick and a confirmation, the identical-comment warning shows, "suit each pupil's level"
// varies the phrases; the bank dialog's filters, its refusals for a teacher, the house style tab; the suggestions
// model for a grid cell.
#include "BulkFillDialog.h"
#include "CommentBankDialog.h"
#include "CommentSuggestions.h"
#include "MessageBox.h"
#include "StoreFixture.h"

#include "demo/DemoSchool.h"
#include "lifecycle/CommentBank.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"

#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::lifecycle;
using namespace hocba::ui;

namespace {

const Actor kTeacher = Actor::forAccount(
    User {0, QStringLiteral("gv.toan"), QStringLiteral("Giáo viên"), Role::SubjectTeacher, std::nullopt}, {});

/** A primary Toán grid at ck1: Nhận xét, XL (T/H/C); one row per pair of comment and level. */
EntryGrid grid(const QStringList& comments, const QStringList& levels)
{
    EntryGrid g;
    g.className = QStringLiteral("3A");
    g.level = SchoolLevel::Primary;
    g.subject = QStringLiteral("toan");
    g.term = QStringLiteral("cn");
    GridColumn comment;
    comment.header = QStringLiteral("Nhận xét");
    comment.kind = CellKind::Text;
    comment.subject = g.subject;
    comment.term = g.term;
    comment.item = QStringLiteral("comment");
    GridColumn level = comment;
    level.header = QStringLiteral("XL");
    level.kind = CellKind::Level;
    level.levels = {QStringLiteral("T"), QStringLiteral("H"), QStringLiteral("C")};
    level.item = QStringLiteral("level");
    g.columns = {comment, level};
    for (int i = 0; i < comments.size(); ++i) {
        GridRow r;
        r.student.student.fullName = QStringLiteral("Học sinh %1").arg(i + 1);
        r.student.section.id = 10 + i;
        r.student.section.grade = 3;
        r.values = {comments.at(i), levels.value(i)};
        g.rows.append(r);
    }
    return g;
}

QList<CommentEntry> bank()
{
    QList<CommentEntry> out;
    for (const CommentEntry& e : defaultCommentBank())
        if (e.level == SchoolLevel::Primary)
            out << e;
    return out;
}

} // namespace

class TestCommentBankUi : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        MessageBox::setAutoAnswer(true);
    }

    void bulkFillGoesIntoEmptyCellsOnly()
    {
        const EntryGrid g = grid(
            {QString(), QStringLiteral("Đã có nhận xét."), QString(), QString(), QStringLiteral("Nhận xét khác.")}, {});
        BulkFillDialog dialog(g, 0, bank(), {});
        QVERIFY(dialog.suggestionCount() > 3);
        dialog.setSearch(QStringLiteral("bảng nhân"));
        QCOMPARE(dialog.suggestionCount(), 1);
        dialog.chooseSuggestion(0);
        QVERIFY(dialog.text().startsWith(QStringLiteral("Hoàn thành yêu cầu cơ bản")));
        QCOMPARE(dialog.plan().filled, 3);
        QCOMPARE(dialog.plan().skipped, 2);
        QCOMPARE(dialog.plan().overwritten, 0);
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("3")), qPrintable(dialog.summaryText()));
        auto* preview = dialog.findChild<QTableWidget*>(QStringLiteral("preview"));
        QVERIFY(preview);
        QCOMPARE(preview->rowCount(), 5);
        QCOMPARE(preview->item(1, 2)->text(), QStringLiteral("Đã có nhận xét.")); // kept

        const int shown = MessageBox::shownCount();
        dialog.accept();
        QCOMPARE(MessageBox::shownCount(), shown); // nothing to confirm
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.edits().size(), 3);
        QList<Id> sections;
        for (const CellEdit& e : dialog.edits()) {
            sections << e.slot.sectionId;
            QCOMPARE(e.slot.item, QStringLiteral("comment"));
            QCOMPARE(e.value, dialog.text());
        }
        QCOMPARE(sections, (QList<Id> {10, 12, 13}));
    }

    void overwritingNeedsTheTickAndAConfirmation()
    {
        const EntryGrid g = grid({QString(), QStringLiteral("Đã có nhận xét."), QString()}, {});
        BulkFillDialog dialog(g, 0, bank(), {});
        dialog.setText(QStringLiteral("Nắm chắc kiến thức."));
        QCOMPARE(dialog.plan().edits.size(), 2);
        dialog.setOverwrite(true);
        QCOMPARE(dialog.plan().overwritten, 1);
        QCOMPARE(dialog.plan().edits.size(), 3);

        MessageBox::resetShown();
        MessageBox::setNextAnswer(QMessageBox::No);
        dialog.accept();
        QCOMPARE(MessageBox::shownCount(), 1);
        QVERIFY2(MessageBox::lastShown().text.contains(QStringLiteral("1")), qPrintable(MessageBox::lastShown().text));
        QVERIFY(dialog.edits().isEmpty());
        QVERIFY(dialog.result() != int(QDialog::Accepted));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        dialog.accept();
        QCOMPARE(MessageBox::shownCount(), 2);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.edits().size(), 3);
    }

    void identicalCommentsAreWarnedAndLevelsVary()
    {
        const EntryGrid g = grid({QString(), QString(), QString(), QString(), QString(), QString()},
                                 {QStringLiteral("T"), QStringLiteral("T"), QStringLiteral("T"), QStringLiteral("H"),
                                  QStringLiteral("H"), QString()});
        BulkFillDialog dialog(g, 0, bank(), {});
        QVERIFY(dialog.identicalWarning().isEmpty());
        dialog.setText(QStringLiteral("Nắm chắc kiến thức."));
        QVERIFY2(dialog.identicalWarning().contains(QStringLiteral("6")), qPrintable(dialog.identicalWarning()));
        auto* label = dialog.findChild<QLabel*>(QStringLiteral("identicalWarning"));
        QVERIFY(label && !label->text().isEmpty());

        // Each pupil's level: the T pupils get Toán's T phrases in turn, the H pupils the H ones, the pupil without a
        // level nothing; no three pupils share one phrase.
        dialog.setSuitEachLevel(true);
        const auto& plan = dialog.plan();
        QCOMPARE(plan.rows, (QList<int> {0, 1, 2, 3, 4}));
        QVERIFY(plan.edits.at(0).value != plan.edits.at(1).value);
        QVERIFY(plan.edits.at(3).value != plan.edits.at(4).value);
        const auto t = defaultCommentBank();
        const auto codeOf = [&t](const QString& text) {
            for (const auto& e : t)
                if (e.text == text)
                    return e.band + u'/' + e.subject;
            return QString();
        };
        QCOMPARE(codeOf(plan.edits.at(0).value), QStringLiteral("T/toan"));
        QCOMPARE(codeOf(plan.edits.at(3).value), QStringLiteral("H/toan"));
        QVERIFY2(dialog.identicalWarning().isEmpty(), qPrintable(dialog.identicalWarning()));
    }

    void bankDialogFiltersAndRights()
    {
        auto db = test::openTestDatabase(m_dir.filePath(QStringLiteral("bank.db")));
        QVERIFY(db);
        CommentBankDialog dialog(*db, Actor::unrestricted());
        QCOMPARE(dialog.shownEntries().size(), 0);
        QVERIFY(dialog.seedDefaults());
        const int all = int(dialog.shownEntries().size());
        QCOMPARE(all, int(defaultCommentBank().size()));
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("entries"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), all);

        CommentFilter f;
        f.subject = QStringLiteral("toan");
        f.level = SchoolLevel::Primary;
        f.band = QStringLiteral("T");
        dialog.setFilter(f);
        QVERIFY(!dialog.shownEntries().isEmpty());
        QVERIFY(dialog.shownEntries().size() < all);
        QCOMPARE(table->rowCount(), int(dialog.shownEntries().size()));
        for (const auto& e : dialog.shownEntries()) {
            QCOMPARE(e.band, QStringLiteral("T"));
            QVERIFY(e.subject.isEmpty() || e.subject == QLatin1String("toan"));
        }
        // Typing in the search field narrows the table at once.
        dialog.setFilter({});
        auto* search = dialog.findChild<QLineEdit*>(QStringLiteral("filterSearch"));
        QVERIFY(search);
        QTest::keyClicks(search, QStringLiteral("bang nhan"));
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("H01"));

        // Edit and remove the shown entry.
        dialog.selectRow(0);
        CommentEntry changed = dialog.shownEntries().first();
        changed.text = QStringLiteral("Cần luyện thêm bảng nhân, chia.");
        QVERIFY(dialog.updateEntry(changed));
        QCOMPARE(table->item(0, 1)->text(), changed.text);
        // The Remove button asks first.
        dialog.selectRow(0);
        QPushButton* remove = nullptr;
        for (auto* b : dialog.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Remove")))
                remove = b;
        QVERIFY(remove);
        MessageBox::setNextAnswer(QMessageBox::No);
        remove->click();
        QCOMPARE(table->rowCount(), 1);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        remove->click();
        QCOMPARE(table->rowCount(), 0);

        // The house style tab saves and tries a text.
        HouseStyle style;
        style.leadingEm = LeadingEm::Always;
        style.bannedWords = {QStringLiteral("lười")};
        style.maxLength = 40;
        dialog.setStyleFields(style);
        QVERIFY(dialog.saveStyle());
        QCOMPARE(*houseStyle(*db), style);
        const QString tried = dialog.tryText(QStringLiteral("Còn lười học bài."));
        QVERIFY2(tried.contains(QStringLiteral("lười")) && tried.contains(QStringLiteral("Em còn")), qPrintable(tried));

        // A teacher reads the bank but cannot change it: the buttons are off and a change is refused.
        CommentBankDialog asTeacher(*db, kTeacher);
        QCOMPARE(asTeacher.shownEntries().size(), all - 1);
        for (auto* b : asTeacher.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("Add")))
                QVERIFY(!b->isEnabled());
        CommentEntry e;
        e.code = QStringLiteral("X1");
        e.text = QStringLiteral("Thử.");
        QVERIFY(!asTeacher.addEntry(e));
        QVERIFY(!asTeacher.message().isEmpty());
        QCOMPARE(asTeacher.shownEntries().size(), all - 1);
    }

    /** The dialog on a demo school's grid, reading the school's bank: each empty cell gets a phrase of its level. */
    void bulkFillOnASchoolGrid()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.hocba"));
        demo::DemoOptions o;
        o.levels = demo::DemoOptions::Levels::Primary;
        o.students = 60;
        o.seed = 9;
        o.year = SchoolYear {2025};
        QVERIFY(demo::createDemoSchool(path, o));
        auto db = test::openTestDatabase(path);
        QVERIFY(db);
        QVERIFY(seedDefaultBank(*db, Actor::unrestricted()));
        const auto cls = store::SchoolRepository(*db).classByName(o.year, QStringLiteral("3A1"));
        QVERIFY(cls && *cls);
        auto g = loadSubjectGrid(*db, o.year, (*cls)->id, QStringLiteral("toan"), QStringLiteral("cn"));
        QVERIFY(g);
        QCOMPARE(g->columns.first().item, QStringLiteral("comment"));
        QList<CellEdit> clear;
        for (const GridRow& r : g->rows)
            if (r.editable && clear.size() < 4)
                clear.append({CellSlot {r.student.section.id, QStringLiteral("toan"), QStringLiteral("cn"),
                                        QStringLiteral("comment"), 0},
                              QString()});
        QCOMPARE(clear.size(), 4);
        QVERIFY(writeCells(*db, Actor::unrestricted(), clear));
        g = loadSubjectGrid(*db, o.year, (*cls)->id, QStringLiteral("toan"), QStringLiteral("cn"));
        QVERIFY(g);

        BulkFillDialog dialog(*db, *g, 0);
        QVERIFY(dialog.suggestionCount() > 0);
        dialog.setSuitEachLevel(true);
        QCOMPARE(dialog.plan().filled, 4);
        QCOMPARE(dialog.plan().overwritten, 0);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto saved = writeCells(*db, Actor::unrestricted(), dialog.edits());
        QVERIFY(saved);
        QCOMPARE(saved->size(), 4);
        for (const CellOutcome& out : *saved)
            QVERIFY2(out.saved, qPrintable(out.message));
    }

    void suggestionsForACell()
    {
        const EntryGrid g = grid({QString(), QString()}, {QStringLiteral("C"), QString()});
        CommentSuggestionModel model;
        HouseStyle style;
        style.leadingEm = LeadingEm::Always;
        model.load(bank(), style, g, 0, 0);
        QVERIFY(model.rowCount() > 0);
        const QString first = model.data(model.index(0)).toString();
        QVERIFY2(first.startsWith(QStringLiteral("Em ")), qPrintable(first));
        QCOMPARE(model.suggestions().first().entry.band, QStringLiteral("C"));
        QCOMPARE(model.suggestions().first().entry.subject, QStringLiteral("toan"));
        QCOMPARE(model.data(model.index(0), CommentSuggestionModel::CodeRole).toString(),
                 model.suggestions().first().entry.code);
        QCompleter* completer = model.completer(&model);
        QVERIFY(completer);
        completer->setCompletionPrefix(QStringLiteral("bảng cộng"));
        QCOMPARE(completer->completionCount(), 1);

        // From the school file.
        auto db = test::openTestDatabase(m_dir.filePath(QStringLiteral("suggest.db")));
        QVERIFY(db);
        QVERIFY(seedDefaultBank(*db, Actor::unrestricted()));
        QVERIFY(model.load(*db, g, 0, 1));
        QVERIFY(model.rowCount() > 10); // no level yet: every Toán and any-subject primary phrase
    }
};

QTEST_MAIN(TestCommentBankUi)
#include "TestCommentBankUi.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14's entry grids in the desktop, offscreen on demo schools: typing a mark stores it (read back with loadGrid)
// and recomputes the average; F2, Esc, Enter, Shift+Enter, Tab and Shift+Tab move as in a spreadsheet; "11" stays in
// its cell coloured and is not stored; a 45×15 block pasted from the clipboard lands in one writeCells call and one
// undo step, undone and redone; a locked column refuses typing and paste; a subject teacher is refused another
// subject; the history dialog lists a change; the qualities form names its pupil and writes only that pupil's row.
// Prints the time to open a 45-pupil grid, to recompute a row and to paste 45×15 (not asserted).
#include "BulkFillDialog.h"
#include "EntryGridModel.h"
#include "EntryGridView.h"
#include "EntryWorkspace.h"
#include "MainWindow.h"
#include "MessageBox.h"

#include "demo/DemoSchool.h"
#include "lifecycle/CommentBank.h"
#include "lifecycle/EntryGrid.h"
#include "lifecycle/EntryLocks.h"
#include "lifecycle/GridSheet.h"
#include "sheets/Workbook.h"
#include "sheets/XlsxWriter.h"
#include "store/Database.h"
#include "util/Settings.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace hocba;
using lifecycle::Actor;
using lifecycle::CellKind;
using lifecycle::GridKind;
using ui::EntryGridModel;
using ui::EntryGridView;
using ui::EntryWorkspace;

namespace {

const SchoolYear kYear {2025};

Actor principal()
{
    User u;
    u.id = 90;
    u.login = QStringLiteral("hieu.truong");
    u.role = Role::Principal;
    return Actor::forAccount(u, {});
}

Actor subjectTeacher(Id classId, const QString& subject)
{
    User u;
    u.id = 92;
    u.login = QStringLiteral("gv.van");
    u.role = Role::SubjectTeacher;
    return Actor::forAccount(u, {lifecycle::Assignment {kYear, classId, subject}});
}

QString scalar(store::Database& db, const QString& sql)
{
    auto st = db.prepare(sql);
    if (!st || !st->step().value_or(false))
        return {};
    return st->text(0);
}

/** The open cell editor (closed ones are hidden until deleted), null when none. */
QLineEdit* openEditor(QAbstractItemView* view)
{
    for (auto* e : view->viewport()->findChildren<QLineEdit*>())
        if (e->isVisible())
            return e;
    return nullptr;
}

/** Types `text` into the current cell as a user would: the first key opens the editor, the rest go into it. */
void typeText(EntryGridView* view, const QString& text)
{
    for (const QChar ch : text) {
        auto* editor = openEditor(view);
        QWidget* target = (editor && view->isEditing()) ? static_cast<QWidget*>(editor) : static_cast<QWidget*>(view);
        QTest::keyClicks(target, QString(ch));
    }
}

/** Sends a key to the open editor, or to the view when none is open. */
void key(EntryGridView* view, Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    auto* editor = openEditor(view);
    QWidget* target = (editor && view->isEditing()) ? static_cast<QWidget*>(editor) : static_cast<QWidget*>(view);
    QTest::keyClick(target, k, mods);
    QCoreApplication::processEvents();
}

/** A mark or an average as stored or shown ("7.5", "7,5"). */
double number(const QString& text)
{
    return QString(text).replace(QLatin1Char(','), QLatin1Char('.')).toDouble();
}

int firstColumnOf(const lifecycle::EntryGrid& grid, CellKind kind)
{
    for (int c = 0; c < grid.columns.size(); ++c)
        if (grid.columns.at(c).kind == kind)
            return c;
    return -1;
}

} // namespace

class TestEntryGridUi : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_thcs; ///< a THCS demo school whose 6A1 has 45 pupils
    QString m_primary; ///< a primary demo school
    Id m_classId = 0; ///< 6A1
    int m_copies = 0;

    /** A fresh copy of a demo file for one test. */
    std::unique_ptr<store::Database> copyOf(const QString& path)
    {
        const QString copy = m_dir.filePath(QStringLiteral("copy-%1.hocba").arg(++m_copies));
        if (!QFile::copy(path, copy))
            return nullptr;
        auto db = store::Database::openExisting(copy);
        return db ? std::move(*db) : nullptr;
    }

    static int choiceOf(const EntryWorkspace& w, GridKind kind, const QString& subject = {}, const QString& term = {})
    {
        for (int i = 0; i < w.choices().size(); ++i) {
            const auto& c = w.choices().at(i);
            if (c.kind == kind && (subject.isEmpty() || c.subject == subject) && (term.isEmpty() || c.term == term))
                return i;
        }
        return -1;
    }

    /** The stored grid again, straight from the file. */
    static lifecycle::EntryGrid reload(store::Database& db, const EntryWorkspace& w, int choice, Id classId)
    {
        auto grid = lifecycle::loadGrid(db, kYear, classId, w.choices().at(choice));
        return grid ? *grid : lifecycle::EntryGrid {};
    }

    /** A workspace on 6A1's Toán, HK1 grid, shown. */
    std::unique_ptr<EntryWorkspace> mathGrid(store::Database& db, const Actor& actor, int* choice)
    {
        auto w = std::make_unique<EntryWorkspace>(db, actor, kYear, m_classId, QStringLiteral("6A1"));
        *choice = choiceOf(*w, GridKind::Subject, QStringLiteral("toan"), QStringLiteral("hk1"));
        if (*choice < 0 || !w->openChoice(*choice))
            return nullptr;
        w->resize(1200, 800);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        QApplication::setActiveWindow(w.get());
        w->view()->setFocus();
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        ui::MessageBox::setAutoAnswer(true);
        m_thcs = m_dir.filePath(QStringLiteral("entry-thcs.hocba"));
        demo::DemoOptions o;
        o.students = 320; // 80 pupils a grade: two classes of 40
        o.levels = demo::DemoOptions::Levels::Thcs;
        o.year = kYear;
        QVERIFY(demo::createDemoSchool(m_thcs, o));
        {
            auto db = store::Database::openExisting(m_thcs);
            QVERIFY(db);
            store::Database& d = **db;
            m_classId = scalar(d, QStringLiteral("SELECT id FROM class WHERE name = '6A1' AND school_year = 2025"))
                            .toLongLong();
            const Id other = scalar(d, QStringLiteral("SELECT id FROM class WHERE name = '6A2' AND school_year = 2025"))
                                 .toLongLong();
            QVERIFY(m_classId > 0 && other > 0);
            // Five pupils of 6A2 move to 6A1: a class of 45, the most TT22 allows.
            QVERIFY(d.exec(QStringLiteral("UPDATE year_section SET class_id = %1 WHERE id IN (SELECT id FROM "
                                          "year_section WHERE class_id = %2 AND state = 'draft' ORDER BY id LIMIT 5)")
                               .arg(m_classId)
                               .arg(other)));
            QCOMPARE(scalar(d, QStringLiteral("SELECT count(*) FROM year_section WHERE class_id = %1").arg(m_classId)),
                     QStringLiteral("45"));
        }
        m_primary = m_dir.filePath(QStringLiteral("entry-primary.hocba"));
        demo::DemoOptions p;
        p.students = 35;
        p.levels = demo::DemoOptions::Levels::Primary;
        p.year = kYear;
        QVERIFY(demo::createDemoSchool(m_primary, p));
    }

    void typedScoreIsStoredAndAverageRecomputed()
    {
        auto db = copyOf(m_thcs);
        QVERIFY(db);
        int choice = -1;
        QElapsedTimer open;
        open.start();
        auto w = mathGrid(*db, Actor::unrestricted(), &choice);
        QVERIFY(w);
        auto* view = w->view();
        auto* model = w->model();
        const auto& grid = model->grid();
        qDebug("Opening 6A1's Toán grid (%lld pupils × %lld columns): %.1f ms (loadGrid and the view %.1f ms)",
               qint64(grid.rows.size()), qint64(grid.columns.size()), double(open.nsecsElapsed()) / 1e6,
               w->lastOpenMs());
        QCOMPARE(grid.rows.size(), 45);
        {
            lifecycle::EntryGrid copy = grid;
            QElapsedTimer t;
            t.start();
            for (int r = 0; r < copy.rows.size(); ++r)
                lifecycle::recomputeRow(copy, r);
            qDebug("recomputeRow: %.3f ms a row (45 rows)", double(t.nsecsElapsed()) / 1e6 / 45);
        }
        const int score = firstColumnOf(grid, CellKind::Score);
        const int computed = firstColumnOf(grid, CellKind::Computed);
        QVERIFY(score >= 0);
        QVERIFY(computed >= 0);
        QVERIFY(!(model->flags(model->index(0, computed + EntryGridModel::FixedColumns)) & Qt::ItemIsEditable));

        // Every mark of the first row 8, then the first one 10: the average must rise.
        view->setCurrentIndex(model->index(0, EntryGridModel::FixedColumns));
        for (int c = 0; c < grid.columns.size(); ++c) {
            const auto kind = grid.columns.at(c).kind;
            if (kind != CellKind::Score)
                continue;
            view->setCurrentIndex(model->index(0, c + EntryGridModel::FixedColumns));
            typeText(view, QStringLiteral("8"));
            key(view, Qt::Key_Return);
        }
        const QString before = model->grid().rows.at(0).values.at(computed);
        QVERIFY2(!before.isEmpty(), qPrintable(w->statusText()));
        QCOMPARE(number(before), 8.0);

        view->setCurrentIndex(model->index(0, score + EntryGridModel::FixedColumns));
        QElapsedTimer typing;
        typing.start();
        typeText(view, QStringLiteral("9,5"));
        key(view, Qt::Key_Return);
        qDebug("Typing one mark (writeCells and recomputeRow): %.1f ms; recomputeRow alone: %.3f ms",
               double(typing.nsecsElapsed()) / 1e6, model->lastRecomputeMs());
        QCOMPARE(view->currentIndex().row(), 1); // Enter moved down
        QCOMPARE(model->index(0, score + EntryGridModel::FixedColumns).data().toString(), QStringLiteral("9,5"));
        QVERIFY(number(model->grid().rows.at(0).values.at(computed)) > 8.0);
        QVERIFY(model->index(0, computed + EntryGridModel::FixedColumns).data().toString().contains(QLatin1Char(','))
                || !model->grid().rows.at(0).values.at(computed).contains(QLatin1Char('.')));

        const auto stored = reload(*db, *w, choice, m_classId);
        QCOMPARE(stored.rows.at(0).values.at(score), QStringLiteral("9.5"));
        QCOMPARE(stored.rows.at(0).values.at(computed), model->grid().rows.at(0).values.at(computed));
        QVERIFY(w->statusText().contains(QLatin1Char('1')));

        // Ctrl+Z writes the old value back through writeCells; Ctrl+Y the new one again.
        view->setCurrentIndex(model->index(3, score + EntryGridModel::FixedColumns));
        key(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(0).values.at(score).toDouble(), 8.0);
        key(view, Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(0).values.at(score), QStringLiteral("9.5"));
        key(view, Qt::Key_Z, Qt::ControlModifier);
        key(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(0).values.at(score), QStringLiteral("9.5"));

        // The history dialog lists the changes: who, when, old → new.
        view->setCurrentIndex(model->index(0, score + EntryGridModel::FixedColumns));
        QSignalSpy shown(view, &EntryGridView::historyShown);
        key(view, Qt::Key_H, Qt::ControlModifier);
        QCOMPARE(shown.size(), 1);
        auto* dialog = qobject_cast<ui::CellHistoryDialog*>(shown.first().first().value<QDialog*>());
        QVERIFY(dialog);
        QTableWidget* table = dialog->table();
        QVERIFY(table->rowCount() >= 2);
        const int last = table->rowCount() - 1;
        QCOMPARE(table->item(last, 3)->text(), QStringLiteral("9,5"));
        QVERIFY(!table->item(last, 1)->text().isEmpty());
        QVERIFY(QRegularExpression(QStringLiteral("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$"))
                    .match(table->item(last, 0)->text())
                    .hasMatch());
        dialog->close();
    }

    void keysMoveAsInASpreadsheet()
    {
        auto db = copyOf(m_thcs);
        QVERIFY(db);
        int choice = -1;
        auto w = mathGrid(*db, Actor::unrestricted(), &choice);
        QVERIFY(w);
        auto* view = w->view();
        auto* model = w->model();
        const int first = EntryGridModel::FixedColumns;
        view->setCurrentIndex(model->index(5, first));
        const QString was = model->index(5, first).data(EntryGridModel::StoredValueRole).toString();

        // F2 edits in place; Esc cancels without writing.
        key(view, Qt::Key_F2);
        QVERIFY(view->isEditing());
        auto* editor = openEditor(view);
        QVERIFY(editor);
        editor->setText(QStringLiteral("3"));
        key(view, Qt::Key_Escape);
        QVERIFY(!view->isEditing());
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(5).values.at(0), was);
        QCOMPARE(view->currentIndex(), model->index(5, first));

        // Tab right, Shift+Tab left, Enter down, Shift+Enter up; arrows move.
        key(view, Qt::Key_Tab);
        QCOMPARE(view->currentIndex(), model->index(5, first + 1));
        key(view, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(view->currentIndex(), model->index(5, first));
        key(view, Qt::Key_Return);
        QCOMPARE(view->currentIndex(), model->index(6, first));
        key(view, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(view->currentIndex(), model->index(5, first));
        key(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex(), model->index(6, first));
        key(view, Qt::Key_Right);
        QCOMPARE(view->currentIndex(), model->index(6, first + 1));

        // Typing overwrites; Tab commits and moves right (no editor left open).
        view->setCurrentIndex(model->index(5, first));
        typeText(view, QStringLiteral("6"));
        QVERIFY(view->isEditing());
        key(view, Qt::Key_Tab);
        QVERIFY(!view->isEditing());
        QCOMPARE(view->currentIndex(), model->index(5, first + 1));
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(5).values.at(0).toDouble(), 6.0);

        // An impossible mark stays in its cell, light red, with the reason, and is not stored.
        view->setCurrentIndex(model->index(7, first));
        const QString before = reload(*db, *w, choice, m_classId).rows.at(7).values.at(0);
        typeText(view, QStringLiteral("11"));
        key(view, Qt::Key_Return);
        const QModelIndex bad = model->index(7, first);
        QCOMPARE(bad.data().toString(), QStringLiteral("11"));
        QVERIFY(bad.data(EntryGridModel::InvalidRole).toBool());
        QCOMPARE(bad.data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xff, 0xcd, 0xd2));
        QVERIFY(!bad.data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(7).values.at(0), before);
        // A valid value typed over it clears the colour.
        view->setCurrentIndex(bad);
        typeText(view, QStringLiteral("7"));
        key(view, Qt::Key_Return);
        QVERIFY(!model->index(7, first).data(EntryGridModel::InvalidRole).toBool());
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(7).values.at(0).toDouble(), 7.0);

        // Delete clears the selection as one undo step.
        const int steps = model->undoStack()->count();
        view->setCurrentIndex(model->index(10, first));
        view->selectionModel()->select(QItemSelection(model->index(10, first), model->index(11, first + 1)),
                                       QItemSelectionModel::ClearAndSelect);
        key(view, Qt::Key_Delete);
        QCOMPARE(model->undoStack()->count(), steps + 1);
        auto cleared = reload(*db, *w, choice, m_classId);
        QVERIFY(cleared.rows.at(10).values.at(0).isEmpty());
        QVERIFY(cleared.rows.at(11).values.at(1).isEmpty());
        key(view, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!reload(*db, *w, choice, m_classId).rows.at(10).values.at(0).isEmpty());

        // The frozen columns show the names over the same model.
        QCOMPARE(view->frozenView()->model(), model);
        QVERIFY(!view->frozenView()->isColumnHidden(3));
        QVERIFY(view->frozenView()->isColumnHidden(first));
    }

    void pasteBlockIsOneWriteAndOneUndoStep()
    {
        auto db = copyOf(m_thcs);
        QVERIFY(db);
        int choice = -1;
        auto w = mathGrid(*db, Actor::unrestricted(), &choice);
        QVERIFY(w);
        auto* view = w->view();
        auto* model = w->model();
        const auto grid = model->grid();
        const auto old = reload(*db, *w, choice, m_classId);

        // 45 rows × 15 cells, as Excel copies them (CRLF, a decimal comma or a dot, one quoted cell).
        QStringList lines;
        for (int r = 0; r < 45; ++r) {
            QStringList cells;
            for (int c = 0; c < 15; ++c)
                cells.append((r + c) % 2 ? QStringLiteral("%1,5").arg((r + c) % 9 + 1)
                                         : QStringLiteral("%1.0").arg((r + c) % 9 + 1));
            if (r == 2)
                cells[0] = QStringLiteral("\"4,5\"");
            lines.append(cells.join(QLatin1Char('\t')));
        }
        QApplication::clipboard()->setText(lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n"));
        view->setCurrentIndex(model->index(0, EntryGridModel::FixedColumns));
        const int steps = model->undoStack()->count();
        QElapsedTimer t;
        t.start();
        key(view, Qt::Key_V, Qt::ControlModifier);
        qDebug("Pasting 45×15 cells (one writeCells call): %.1f ms — %s", double(t.nsecsElapsed()) / 1e6,
               qPrintable(w->statusText()));
        QCOMPARE(model->undoStack()->count(), steps + 1);

        int written = 0;
        auto now = reload(*db, *w, choice, m_classId);
        for (int r = 0; r < 45; ++r)
            for (int c = 0; c < std::min<qsizetype>(15, grid.columns.size()); ++c) {
                const auto kind = grid.columns.at(c).kind;
                if (kind == CellKind::Computed)
                    continue;
                ++written;
                if (kind != CellKind::Score)
                    continue;
                const double want = (r + c) % 9 + 1 + ((r + c) % 2 ? 0.5 : 0.0);
                QCOMPARE(now.rows.at(r).values.at(c).toDouble(), r == 2 && c == 0 ? 4.5 : want);
            }
        QVERIFY(written >= 45 * 4);
        // The status says how many were written and how many refused (the cells past the grid's edge and on the
        // computed average).
        const QString status = w->statusText();
        QVERIFY2(status.startsWith(EntryGridModel::tr("%n cell(s) saved", nullptr, written)), qPrintable(status));
        QVERIFY2(status.contains(EntryGridModel::tr("%n refused: %1", nullptr, 45 * 15 - written).arg(QString())),
                 qPrintable(status));

        // Undo puts every old value back (through writeCells), redo the pasted ones.
        t.restart();
        w->findChild<QToolButton*>(QStringLiteral("entryUndoButton"))->click();
        qDebug("Undoing the paste: %.1f ms", double(t.nsecsElapsed()) / 1e6);
        auto undone = reload(*db, *w, choice, m_classId);
        // (A value the demo stored on purpose for lint to find, such as an 11, cannot be written back: writeCells
        // refuses it like any typed value.)
        for (int r = 0; r < 45; ++r)
            for (int c = 0; c < grid.columns.size(); ++c)
                if (lifecycle::normaliseCell(grid.columns.at(c), old.rows.at(r).values.at(c)))
                    QCOMPARE(undone.rows.at(r).values.at(c), old.rows.at(r).values.at(c));
        w->findChild<QToolButton*>(QStringLiteral("entryRedoButton"))->click();
        auto redone = reload(*db, *w, choice, m_classId);
        for (int r = 0; r < 45; ++r)
            QCOMPARE(redone.rows.at(r).values, now.rows.at(r).values);
        // One value into every selected cell; the bulk-fill hook: a list of edits as one undo step.
        const int before = model->undoStack()->count();
        view->setCurrentIndex(model->index(20, EntryGridModel::FixedColumns));
        view->selectionModel()->select(QItemSelection(model->index(20, EntryGridModel::FixedColumns),
                                                      model->index(21, EntryGridModel::FixedColumns + 1)),
                                       QItemSelectionModel::ClearAndSelect);
        QApplication::clipboard()->setText(QStringLiteral("6,5\n"));
        key(view, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(model->undoStack()->count(), before + 1);
        auto filled = reload(*db, *w, choice, m_classId);
        for (int r = 20; r <= 21; ++r)
            for (int c = 0; c <= 1; ++c)
                QCOMPARE(number(filled.rows.at(r).values.at(c)), 6.5);
        const int comment = firstColumnOf(grid, CellKind::Text);
        QVERIFY(comment >= 0);
        QList<lifecycle::CellEdit> bulk;
        for (int r = 0; r < 3; ++r)
            bulk.append({grid.slot(r, comment), QStringLiteral("Em tiến bộ rõ, cần phát huy.")});
        const auto outcomes = view->applyEdits(bulk, QStringLiteral("Bulk fill"));
        QCOMPARE(outcomes.size(), 3);
        QCOMPARE(model->undoStack()->count(), before + 2);
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(2).values.at(comment),
                 QStringLiteral("Em tiến bộ rõ, cần phát huy."));
        key(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(2).values.at(comment),
                 filled.rows.at(2).values.at(comment));

        // Copying gives the block back as shown: tab-separated, decimal commas.
        const int first = EntryGridModel::FixedColumns;
        view->selectionModel()->select(QItemSelection(model->index(0, first), model->index(1, first + 1)),
                                       QItemSelectionModel::ClearAndSelect);
        key(view, Qt::Key_C, Qt::ControlModifier);
        const auto shown = [&](int r, int c) { return model->index(r, c).data().toString(); };
        QCOMPARE(QApplication::clipboard()->text(),
                 QStringLiteral("%1\t%2\n%3\t%4\n")
                     .arg(shown(0, first), shown(0, first + 1), shown(1, first), shown(1, first + 1)));
        QVERIFY(QApplication::clipboard()->text().contains(QLatin1Char(',')));
        QVERIFY(!QApplication::clipboard()->text().contains(QLatin1Char('.')));
    }

    void lockedColumnRefusesTypingAndPaste()
    {
        auto db = copyOf(m_thcs);
        QVERIFY(db);
        lifecycle::EntryLock lock;
        lock.year = kYear;
        lock.classId = m_classId;
        lock.subject = QStringLiteral("toan");
        lock.term = QStringLiteral("hk1");
        lock.reason = QStringLiteral("Đã chốt điểm học kì I");
        QVERIFY(lifecycle::lockEntry(*db, principal(), lock));
        int choice = -1;
        auto w = mathGrid(*db, Actor::unrestricted(), &choice);
        QVERIFY(w);
        auto* view = w->view();
        auto* model = w->model();
        const auto old = reload(*db, *w, choice, m_classId);
        const int first = EntryGridModel::FixedColumns;
        QVERIFY(model->grid().columns.first().isLocked());
        QVERIFY(!model->headerData(first, Qt::Horizontal, Qt::DecorationRole).isNull()); // the padlock
        QVERIFY(!(model->flags(model->index(0, first)) & Qt::ItemIsEditable));

        view->setCurrentIndex(model->index(0, first));
        typeText(view, QStringLiteral("5"));
        QVERIFY(!view->isEditing());
        QApplication::clipboard()->setText(QStringLiteral("5\t6\n7\t8\n"));
        key(view, Qt::Key_V, Qt::ControlModifier);
        qDebug("Paste on a locked column: %s", qPrintable(w->statusText()));
        QVERIFY2(w->statusText().startsWith(EntryGridModel::tr("%n cell(s) saved", nullptr, 0)),
                 qPrintable(w->statusText()));
        QVERIFY2(w->statusText().contains(lock.reason), qPrintable(w->statusText()));
        QCOMPARE(model->undoStack()->count(), 0);
        const auto now = reload(*db, *w, choice, m_classId);
        QCOMPARE(now.rows.at(0).values, old.rows.at(0).values);
        QCOMPARE(now.rows.at(1).values, old.rows.at(1).values);
    }

    void commentCellsSuggestAndFillFromTheBank()
    {
        auto db = copyOf(m_thcs);
        QVERIFY(db);
        QVERIFY(lifecycle::seedDefaultBank(*db, Actor::unrestricted()).value_or(0) > 0);
        int choice = -1;
        auto w = mathGrid(*db, Actor::unrestricted(), &choice);
        QVERIFY(w);
        auto* view = w->view();
        auto* model = w->model();
        const int comment = firstColumnOf(model->grid(), CellKind::Text);
        QVERIFY(comment >= 0);
        const int modelColumn = comment + EntryGridModel::FixedColumns;

        // Three pupils without a comment, the others keep theirs (written here so the test does not rely on the demo).
        QList<lifecycle::CellEdit> setUp;
        for (int r = 0; r < model->grid().rows.size(); ++r)
            setUp.append({model->grid().slot(r, comment), r < 3 ? QString() : QStringLiteral("Viết riêng %1").arg(r)});
        view->applyEdits(setUp, QStringLiteral("set-up"));
        model->undoStack()->clear();
        QVERIFY(model->grid().rows.at(0).values.at(comment).isEmpty());

        // An empty comment cell offers the bank's phrases as the teacher types; a written one does not.
        view->setCurrentIndex(model->index(0, modelColumn));
        typeText(view, QStringLiteral("c"));
        QLineEdit* editor = openEditor(view);
        QVERIFY(editor && view->isEditing());
        QVERIFY(editor->completer());
        QVERIFY(editor->completer()->model()->rowCount() > 0);
        key(view, Qt::Key_Escape);
        QVERIFY(!view->isEditing());
        view->setCurrentIndex(model->index(5, modelColumn));
        key(view, Qt::Key_F2);
        editor = openEditor(view);
        QVERIFY(editor && view->isEditing());
        QVERIFY(!editor->completer());
        key(view, Qt::Key_Escape);

        // Ctrl+Shift+F fills the empty cells only, as one undo step.
        view->setCurrentIndex(model->index(0, modelColumn));
        QVERIFY(view->canBulkFill());
        QSignalSpy shown(view, &EntryGridView::bulkFillShown);
        key(view, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(shown.size(), 1);
        auto* dialog = qobject_cast<ui::BulkFillDialog*>(shown.first().first().value<QDialog*>());
        QVERIFY(dialog);
        QVERIFY(dialog->suggestionCount() > 0);
        dialog->setText(QStringLiteral("Chăm chỉ, tiến bộ rõ."));
        dialog->accept();
        QCoreApplication::processEvents();
        QCOMPARE(model->undoStack()->count(), 1);
        auto stored = reload(*db, *w, choice, m_classId);
        for (int r = 0; r < 3; ++r)
            QCOMPARE(stored.rows.at(r).values.at(comment), QStringLiteral("Chăm chỉ, tiến bộ rõ."));
        QCOMPARE(stored.rows.at(3).values.at(comment), QStringLiteral("Viết riêng 3"));

        key(view, Qt::Key_Z, Qt::ControlModifier);
        stored = reload(*db, *w, choice, m_classId);
        for (int r = 0; r < 3; ++r)
            QVERIFY(stored.rows.at(r).values.at(comment).isEmpty());

        // A locked comment column is not offered.
        lifecycle::EntryLock lock;
        lock.year = kYear;
        lock.classId = m_classId;
        lock.subject = QStringLiteral("toan");
        lock.term = QStringLiteral("hk1");
        lock.reason = QStringLiteral("Đã chốt");
        QVERIFY(lifecycle::lockEntry(*db, principal(), lock));
        auto locked = mathGrid(*db, Actor::unrestricted(), &choice);
        QVERIFY(locked);
        locked->view()->setCurrentIndex(locked->model()->index(0, modelColumn));
        QVERIFY(!locked->view()->canBulkFill());
    }

    void spreadsheetFillIsOneUndoStep()
    {
        auto db = copyOf(m_thcs);
        QVERIFY(db);
        int choice = -1;
        auto w = mathGrid(*db, Actor::unrestricted(), &choice);
        QVERIFY(w);
        auto* model = w->model();
        const int score = firstColumnOf(model->grid(), CellKind::Score);
        QVERIFY(score >= 0);

        // Saved from the grid, filled at home: three pupils' first marks.
        const QString saved = m_dir.filePath(QStringLiteral("saved-%1.xlsx").arg(m_copies));
        QVERIFY(w->saveGridAs(saved));
        auto read = sheets::readFile(saved);
        QVERIFY(read);
        QCOMPARE(read->first().rows.size(), model->grid().rows.size() + 2); // title, header, one row a pupil
        sheets::DataSheet filled = lifecycle::gridAsSheet(model->grid(), QStringLiteral("x"));
        const QStringList marks {QStringLiteral("4,5"), QStringLiteral("6"), QStringLiteral("12")};
        for (int r = 0; r < 3; ++r)
            filled.rows[2 + r][EntryGridModel::FixedColumns + score] = sheets::Cell::ofText(marks.at(r));
        const QString path = m_dir.filePath(QStringLiteral("filled-%1.xlsx").arg(m_copies));
        QVERIFY(sheets::writeWorkbook(path, {filled}));
        const auto before = reload(*db, *w, choice, m_classId);

        QVERIFY(w->fillFromFile(path));
        QCOMPARE(model->undoStack()->count(), 1);
        auto after = reload(*db, *w, choice, m_classId);
        QCOMPARE(after.rows.at(0).values.at(score), QStringLiteral("4.5"));
        QCOMPARE(after.rows.at(1).values.at(score), QStringLiteral("6"));
        QCOMPARE(after.rows.at(2).values.at(score), before.rows.at(2).values.at(score)); // 12 is no mark
        QVERIFY2(w->statusText().contains(QStringLiteral("12")), qPrintable(w->statusText()));

        key(w->view(), Qt::Key_Z, Qt::ControlModifier);
        after = reload(*db, *w, choice, m_classId);
        QCOMPARE(after.rows.at(0).values.at(score), before.rows.at(0).values.at(score));
        QCOMPARE(after.rows.at(1).values.at(score), before.rows.at(1).values.at(score));

        // A sheet of something else changes nothing and says why.
        ui::MessageBox::resetShown();
        QVERIFY(!w->fillFromFile(m_dir.filePath(QStringLiteral("entry-thcs.hocba"))));
        QCOMPARE(ui::MessageBox::shownCount(), 1);
        QCOMPARE(model->undoStack()->count(), 1);
    }

    void subjectTeacherIsRefusedAnotherSubject()
    {
        auto db = copyOf(m_thcs);
        QVERIFY(db);
        int choice = -1;
        auto w = mathGrid(*db, subjectTeacher(m_classId, QStringLiteral("van")), &choice);
        QVERIFY(w);
        QVERIFY(!w->choices().at(choice).mayWrite);
        auto* view = w->view();
        auto* model = w->model();
        const auto old = reload(*db, *w, choice, m_classId);
        view->setCurrentIndex(model->index(0, EntryGridModel::FixedColumns));
        typeText(view, QStringLiteral("3"));
        key(view, Qt::Key_Return);
        QCOMPARE(reload(*db, *w, choice, m_classId).rows.at(0).values, old.rows.at(0).values);
        qDebug("A subject teacher of Ngữ văn typing in Toán: %s", qPrintable(w->statusText()));
        QVERIFY2(w->statusText().startsWith(EntryGridModel::tr("%n cell(s) saved", nullptr, 0)),
                 qPrintable(w->statusText()));
        QCOMPARE(model->undoStack()->count(), 0);
    }

    void absencesWarnNear45AndReadOnlyRowsAreGrey()
    {
        auto db = copyOf(m_thcs);
        QVERIFY(db);
        // The first pupil's year is confirmed (ready): no longer a draft, so read-only in the grids.
        const auto first = lifecycle::loadHomeroomGrid(*db, kYear, m_classId, QStringLiteral("year"));
        QVERIFY(first);
        const Id confirmed = first->rows.at(0).student.section.id;
        QVERIFY(db->exec(QStringLiteral("UPDATE year_section SET state = 'ready' WHERE id = %1").arg(confirmed)));

        EntryWorkspace w(*db, Actor::unrestricted(), kYear, m_classId, QStringLiteral("6A1"));
        const int choice = choiceOf(w, GridKind::Homeroom, {}, QStringLiteral("year"));
        QVERIFY(choice >= 0);
        QVERIFY(w.openChoice(choice));
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QApplication::setActiveWindow(&w);
        auto* view = w.view();
        auto* model = w.model();
        const int absences = firstColumnOf(model->grid(), CellKind::Count);
        QVERIFY(absences >= 0);
        const int column = absences + EntryGridModel::FixedColumns;

        // The confirmed pupil's row: grey, its reason as tooltip, no editor.
        QCOMPARE(model->rowOfSection(confirmed), 0);
        const QModelIndex locked = model->index(0, column);
        QVERIFY(!(model->flags(locked) & Qt::ItemIsEditable));
        QVERIFY(!model->grid().rows.at(0).readOnlyReason.isEmpty());
        QCOMPARE(locked.data(Qt::ToolTipRole).toString(), model->grid().rows.at(0).readOnlyReason);
        QCOMPARE(model->index(0, 3).data(Qt::ToolTipRole).toString(), model->grid().rows.at(0).readOnlyReason);
        QVERIFY(locked.data(Qt::ForegroundRole).isValid());
        view->setCurrentIndex(locked);
        typeText(view, QStringLiteral("3"));
        QVERIFY(!view->isEditing());

        // Absences: amber from 40 sessions, red above 45, plain below.
        const QModelIndex cell = model->index(1, column);
        const auto typeCount = [&](const QString& n) {
            view->setCurrentIndex(cell);
            typeText(view, n);
            key(view, Qt::Key_Return);
        };
        typeCount(QStringLiteral("12"));
        QVERIFY(!cell.data(Qt::BackgroundRole).isValid());
        typeCount(QStringLiteral("41"));
        QCOMPARE(cell.data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xff, 0xe0, 0x82));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("41")));
        typeCount(QStringLiteral("46"));
        QCOMPARE(cell.data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xff, 0x8a, 0x80));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("45")));
        auto stored = lifecycle::loadHomeroomGrid(*db, kYear, m_classId, QStringLiteral("year"));
        QVERIFY(stored);
        QCOMPARE(stored->rows.at(1).values.at(absences), QStringLiteral("46"));
    }

    void qualitiesFormNamesItsPupilAndWritesOnlyThatRow()
    {
        auto db = copyOf(m_primary);
        QVERIFY(db);
        const Id classId = scalar(*db, QStringLiteral("SELECT id FROM class WHERE name = '1A1' AND school_year = 2025"))
                               .toLongLong();
        QVERIFY(classId > 0);
        EntryWorkspace w(*db, Actor::unrestricted(), kYear, classId, QStringLiteral("1A1"));
        const int choice = choiceOf(w, GridKind::Qualities);
        QVERIFY(choice >= 0);
        QVERIFY(w.openChoice(choice));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* model = w.model();
        QVERIFY(model->rowCount() >= 3);
        const auto before = reload(*db, w, choice, classId);
        w.view()->setCurrentIndex(model->index(1, EntryGridModel::FixedColumns));
        QSignalSpy opened(&w, &EntryWorkspace::pupilFormOpened);
        w.findChild<QPushButton*>(QStringLiteral("pupilFormButton"))->click();
        QCOMPARE(opened.size(), 1);
        auto* form = qobject_cast<ui::QualitiesFormDialog*>(opened.first().first().value<QDialog*>());
        QVERIFY(form);
        const auto& pupil = model->grid().rows.at(1).student;
        QVERIFY(form->windowTitle().contains(pupil.student.fullName));
        QVERIFY(pupil.student.moetCode.isEmpty() || form->windowTitle().contains(pupil.student.moetCode));

        // The teacher moves to another pupil in the grid; the form still saves the pupil it names.
        w.view()->setCurrentIndex(model->index(2, EntryGridModel::FixedColumns));
        int levelColumn = -1;
        for (int c = 0; c < model->grid().columns.size(); ++c)
            if (model->grid().columns.at(c).kind == CellKind::Level && form->editorOf(c)) {
                levelColumn = c;
                break;
            }
        QVERIFY(levelColumn >= 0);
        auto* box = qobject_cast<QComboBox*>(form->editorOf(levelColumn));
        QVERIFY(box);
        const QString was = before.rows.at(1).values.at(levelColumn);
        const QString want = model->grid().columns.at(levelColumn).levels.last() == was
            ? model->grid().columns.at(levelColumn).levels.first()
            : model->grid().columns.at(levelColumn).levels.last();
        box->setCurrentIndex(box->findText(want));
        form->save();
        const auto after = reload(*db, w, choice, classId);
        QCOMPARE(after.rows.at(1).values.at(levelColumn), want);
        for (int r = 0; r < after.rows.size(); ++r)
            if (r != 1)
                QCOMPARE(after.rows.at(r).values, before.rows.at(r).values);
        QCOMPARE(model->undoStack()->count(), 1);

        // A double click on a pupil's name opens that pupil's form too.
        Q_EMIT w.view()->frozenView()->doubleClicked(model->index(2, 3));
        QCOMPARE(opened.size(), 2);
        auto* second = qobject_cast<ui::QualitiesFormDialog*>(opened.last().first().value<QDialog*>());
        QVERIFY(second);
        QCOMPARE(second->sectionId(), model->grid().rows.at(2).student.section.id);
        QVERIFY(second->windowTitle().contains(model->grid().rows.at(2).student.student.fullName));
    }

    void mainWindowOpensTheGridOfTheChosenClass()
    {
        QTemporaryDir home;
        Settings settings(home.filePath(QStringLiteral("hocba.ini")));
        ui::MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openDatabase(m_primary));
        auto* action = window.findChild<QAction*>(QStringLiteral("openEntryGridAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        QVERIFY(!window.entryWorkspace());

        // Choose class 1A1 in the tree, then Entry → Open grid….
        auto* tree = window.findChild<QTreeView*>(QStringLiteral("navigationTreeView"));
        QVERIFY(tree);
        const QAbstractItemModel* m = tree->model();
        QModelIndex found;
        for (int y = 0; y < m->rowCount() && !found.isValid(); ++y) {
            const QModelIndex year = m->index(y, 0);
            if (year.data(ui::MainWindow::SchoolYearRole).toInt() != kYear.startYear)
                continue;
            for (int g = 0; g < m->rowCount(year) && !found.isValid(); ++g)
                for (int c = 0; c < m->rowCount(m->index(g, 0, year)); ++c) {
                    const QModelIndex cls = m->index(c, 0, m->index(g, 0, year));
                    if (cls.data(ui::MainWindow::NodeKindRole).toInt() == ui::MainWindow::ClassNode
                        && cls.data(Qt::DisplayRole).toString().contains(QStringLiteral("1A1"))) {
                        found = cls;
                        break;
                    }
                }
        }
        QVERIFY(found.isValid());
        tree->setCurrentIndex(found);
        action->trigger();
        EntryWorkspace* w = window.entryWorkspace();
        QVERIFY(w);
        QVERIFY(w->windowTitle().contains(QStringLiteral("1A1")));
        QVERIFY(!w->choices().isEmpty());
        QVERIFY(w->model());
        QVERIFY(w->model()->rowCount() > 0);
        // Logging in as someone else or opening another file closes it.
        QVERIFY(window.openDatabase(m_thcs));
        QVERIFY(!window.entryWorkspace());
    }
};

QTEST_MAIN(TestEntryGridUi)
#include "TestEntryGridUi.moc"

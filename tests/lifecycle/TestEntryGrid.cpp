// SPDX-License-Identifier: GPL-3.0-or-later
// The entry grids' core (issue 14, docs/entry.md): the grids a class offers, the THCS, primary, homeroom and
// qualities columns with the stored values, typed values checked and normalised, writeCells as the only write path
// (saved and audited; refused for a wrong value, a wrong role, a section past draft, a locked column, a slot no grid
// has), the computed columns recomputed, a pasted 45-row block, undo by writing old values back, the cell history from
// the audit log, and the clipboard parser.
#include "StoreFixture.h"
#include "TestSupport.h"

#include "demo/DemoSchool.h"
#include "domain/Curriculum.h"
#include "domain/Decimal.h"
#include "lifecycle/EntryGrid.h"
#include "lifecycle/EntryLocks.h"
#include "lifecycle/GridSheet.h"
#include "sheets/Workbook.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::lifecycle;

namespace {

const SchoolYear kYear {2025};

Actor account(Role role, const QString& login, QList<Assignment> assignments)
{
    User u;
    u.id = 70 + int(role);
    u.login = login;
    u.fullName = login;
    u.role = role;
    return Actor::forAccount(u, std::move(assignments));
}

int columnOf(const EntryGrid& g, const QString& header)
{
    for (int c = 0; c < g.columns.size(); ++c)
        if (g.columns[c].header == header)
            return c;
    return -1;
}

/** The first row of a grid that can be typed in. */
int firstEditableRow(const EntryGrid& g)
{
    for (int r = 0; r < g.rows.size(); ++r)
        if (g.rows[r].editable)
            return r;
    return -1;
}

} // namespace

class TestEntryGrid : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;

    ClassGroup cls(const QString& name)
    {
        return store::SchoolRepository(*m_db).classByName(kYear, name).value().value();
    }

    QString stored(const CellSlot& s)
    {
        const QList<Assessment> rows = store::StudentRepository(*m_db).assessments(s.sectionId).value();
        for (const Assessment& a : rows)
            if (a.subject == s.subject && a.term == s.term && a.item == s.item && a.seq == s.seq)
                return a.value;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("school.hocba"));
        demo::DemoOptions o;
        o.students = 720; // two classes of 40 a grade
        o.seed = 11;
        o.year = kYear;
        QVERIFY(demo::createDemoSchool(path, o));
        m_db = test::openTestDatabase(path);
        QVERIFY(m_db);
        // 8A1 gets five pupils of 8A2: 45 rows, as the figures ask.
        QVERIFY(
            m_db->exec(QStringLiteral("UPDATE year_section SET class_id = %1 WHERE id IN (SELECT id FROM year_section "
                                      "WHERE class_id = %2 ORDER BY id LIMIT 5)")
                           .arg(cls(QStringLiteral("8A1")).id)
                           .arg(cls(QStringLiteral("8A2")).id)));
    }

    void choices()
    {
        const auto thcs = gridChoices(*m_db, Actor::unrestricted(), kYear, cls(QStringLiteral("6A1")).id);
        QVERIFY2(thcs, thcs ? "" : qPrintable(describe(thcs.error())));
        QVERIFY(std::ranges::any_of(*thcs, [](const GridChoice& c) {
            return c.kind == GridKind::Subject && c.subject == QLatin1String("toan") && c.term == QLatin1String("hk2")
                && c.subjectName == QStringLiteral("Toán") && c.mayWrite;
        }));
        QVERIFY(std::ranges::any_of(*thcs, [](const GridChoice& c) { return c.kind == GridKind::Homeroom; }));
        QVERIFY(std::ranges::none_of(*thcs, [](const GridChoice& c) { return c.kind == GridKind::Qualities; }));
        const auto primary = gridChoices(*m_db, Actor::unrestricted(), kYear, cls(QStringLiteral("3A1")).id);
        QVERIFY(primary);
        QCOMPARE(std::ranges::count_if(*primary, [](const GridChoice& c) { return c.kind == GridKind::Qualities; }), 4);
        // A subject teacher of Toán in 6A1 may write that grid and no other.
        const Id id = cls(QStringLiteral("6A1")).id;
        const auto teacher
            = gridChoices(*m_db, account(Role::SubjectTeacher, u"gv.toan"_qs, {{kYear, id, u"toan"_qs}}), kYear, id);
        QVERIFY(teacher);
        for (const GridChoice& c : *teacher)
            QCOMPARE(c.mayWrite, c.kind == GridKind::Subject && c.subject == QLatin1String("toan"));
    }

    void thcsSubjectGrid()
    {
        const auto grid = loadSubjectGrid(*m_db, kYear, cls(QStringLiteral("6A1")).id, u"toan"_qs, u"hk1"_qs);
        QVERIFY2(grid, grid ? "" : qPrintable(describe(grid.error())));
        QStringList headers;
        for (const GridColumn& c : grid->columns)
            headers << c.header;
        // Toán has 140 periods a year: four regular assessments (TT22 Art. 6).
        QCOMPARE(headers,
                 (QStringList {u"ĐĐGtx1"_qs, u"ĐĐGtx2"_qs, u"ĐĐGtx3"_qs, u"ĐĐGtx4"_qs, u"ĐĐGgk"_qs, u"ĐĐGck"_qs,
                               u"ĐTBmhk"_qs, u"Nhận xét"_qs}));
        QCOMPARE(grid->columns[columnOf(*grid, u"ĐTBmhk"_qs)].kind, CellKind::Computed);
        QCOMPARE(grid->rows.size(), store::StudentRepository(*m_db).roster(grid->classId).value().size());
        // The values are the stored ones, and the average the rules' (a complete row has one).
        int averaged = 0;
        for (int r = 0; r < grid->rows.size(); ++r) {
            QCOMPARE(grid->rows[r].values.size(), grid->columns.size());
            QCOMPARE(grid->rows[r].values[columnOf(*grid, u"ĐĐGgk"_qs)],
                     stored(grid->slot(r, columnOf(*grid, u"ĐĐGgk"_qs))));
            if (!grid->rows[r].values[columnOf(*grid, u"ĐTBmhk"_qs)].isEmpty())
                ++averaged;
        }
        QVERIFY(averaged > grid->rows.size() / 2);
        // A comment subject: Đ/CĐ levels, two regular assessments and a result column instead of an average.
        const auto gdtc = loadSubjectGrid(*m_db, kYear, cls(QStringLiteral("6A1")).id, u"gdtc"_qs, u"hk2"_qs);
        QVERIFY2(gdtc, gdtc ? "" : qPrintable(describe(gdtc.error())));
        QCOMPARE(gdtc->columns[0].kind, CellKind::Level);
        QCOMPARE(gdtc->columns[0].levels, (QStringList {u"D"_qs, u"CD"_qs}));
        QCOMPARE(columnOf(*gdtc, u"ĐĐGtx3"_qs), -1);
        QVERIFY(columnOf(*gdtc, u"KQ"_qs) > 0);
        // No such subject, no such term.
        QVERIFY(!loadSubjectGrid(*m_db, kYear, cls(QStringLiteral("6A1")).id, u"tieng_viet"_qs, u"hk1"_qs));
        QVERIFY(!loadSubjectGrid(*m_db, kYear, cls(QStringLiteral("6A1")).id, u"toan"_qs, u"gk1"_qs));
    }

    void primaryGrids()
    {
        const Id id = cls(QStringLiteral("4A1")).id;
        const auto ck1 = loadSubjectGrid(*m_db, kYear, id, u"toan"_qs, u"ck1"_qs);
        QVERIFY2(ck1, ck1 ? "" : qPrintable(describe(ck1.error())));
        QStringList headers;
        for (const GridColumn& c : ck1->columns)
            headers << c.header;
        QCOMPARE(headers, (QStringList {u"Nhận xét"_qs, u"KT"_qs, u"XL"_qs}));
        QCOMPARE(ck1->columns[1].kind, CellKind::IntegerScore);
        // Đạo đức has no periodic test.
        const auto daoDuc = loadSubjectGrid(*m_db, kYear, id, u"dao_duc"_qs, u"cn"_qs);
        QVERIFY2(daoDuc, daoDuc ? "" : qPrintable(describe(daoDuc.error())));
        QCOMPARE(columnOf(*daoDuc, u"KT"_qs), -1);
        // The year-end point shows what the record prints.
        const auto cn = loadSubjectGrid(*m_db, kYear, id, u"toan"_qs, u"cn"_qs);
        QVERIFY(cn);
        const int xl = columnOf(*cn, u"XL"_qs);
        QVERIFY(std::ranges::any_of(cn->rows, [&](const GridRow& r) { return !r.values[xl].isEmpty(); }));
        const auto q = loadQualitiesGrid(*m_db, kYear, id, u"cn"_qs);
        QVERIFY(q);
        QCOMPARE(q->columns.size(), 2 * (primaryQualities().size() + primaryCompetencies().size()));
        QCOMPARE(q->columns[0].levels, (QStringList {u"T"_qs, u"D"_qs, u"C"_qs}));
        const auto homeroom = loadHomeroomGrid(*m_db, kYear, id, u"cn"_qs);
        QVERIFY(homeroom);
        QVERIFY(columnOf(*homeroom, u"Kết quả"_qs) >= 0);
        QVERIFY(!loadQualitiesGrid(*m_db, kYear, cls(QStringLiteral("6A1")).id, u"cn"_qs));
    }

    void normalising()
    {
        GridColumn score;
        score.kind = CellKind::Score;
        QCOMPARE(normaliseCell(score, u" 7,5 "_qs).value(), u"7.5"_qs);
        QCOMPARE(normaliseCell(score, u"8"_qs).value(), u"8"_qs);
        QCOMPARE(normaliseCell(score, u""_qs).value(), QString());
        QVERIFY(!normaliseCell(score, u"11"_qs));
        QVERIFY(!normaliseCell(score, u"7,55"_qs));
        QVERIFY(!normaliseCell(score, u"bảy"_qs));
        GridColumn test;
        test.kind = CellKind::IntegerScore;
        QCOMPARE(normaliseCell(test, u"9"_qs).value(), u"9"_qs);
        QVERIFY(!normaliseCell(test, u"7.5"_qs));
        GridColumn level;
        level.kind = CellKind::Level;
        level.levels = {u"D"_qs, u"CD"_qs};
        QCOMPARE(normaliseCell(level, u"đ"_qs).value(), u"D"_qs);
        QCOMPARE(normaliseCell(level, u"cđ"_qs).value(), u"CD"_qs);
        const auto wrong = normaliseCell(level, u"T"_qs);
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().message.contains(u"Đ, CĐ"_qs), qPrintable(wrong.error().message));
        QCOMPARE(displayCell(level, u"CD"_qs), u"CĐ"_qs);
        QCOMPARE(displayCell(score, u"7.5"_qs), u"7,5"_qs);
        GridColumn count;
        count.kind = CellKind::Count;
        QVERIFY(!normaliseCell(count, u"-1"_qs));
        QCOMPARE(normaliseCell(count, u"03"_qs).value(), u"3"_qs);
    }

    void spreadsheetRoundTrip()
    {
        auto grid = loadSubjectGrid(*m_db, kYear, cls(QStringLiteral("8A1")).id, u"toan"_qs, u"hk1"_qs);
        QVERIFY(grid);
        QVERIFY(grid->rows.size() > 5);
        int score = -1, comment = -1, computed = -1;
        for (int c = 0; c < grid->columns.size(); ++c) {
            const auto kind = grid->columns.at(c).kind;
            if (kind == CellKind::Score && score < 0)
                score = c;
            if (kind == CellKind::Text)
                comment = c;
            if (kind == CellKind::Computed)
                computed = c;
        }
        QVERIFY(score >= 0 && comment >= 0 && computed >= 0);

        // Saved and read back unchanged: nothing to write.
        sheets::DataSheet sheet = gridAsSheet(*grid, u"Toán — Học kì I — 8A1"_qs);
        const QString path = m_dir.filePath(u"grid.xlsx"_qs);
        QVERIFY(sheets::writeWorkbook(path, {sheet}));
        auto read = sheets::readFile(path);
        QVERIFY(read);
        auto same = editsFromSheet(*grid, read->first());
        QVERIFY(same);
        QCOMPARE(same->edits.size(), 0);
        QVERIFY2(same->problems.isEmpty(), qPrintable(same->problems.join(u'\n')));
        QCOMPARE(same->matchedRows, grid->rows.size());

        // The teacher's changes at home: a mark with a decimal comma, a comment, a cleared cell (ignored), a
        // computed average (ignored), an impossible mark, a pupil of another class and a shuffled order.
        const int fixed = 4;
        auto& rows = sheet.rows; // row 0 title, row 1 header, row 2 the first pupil
        rows[2][fixed + score] = sheets::Cell::ofText(u"7,5"_qs);
        rows[3][fixed + comment] = sheets::Cell::ofText(u"Tiến bộ rõ."_qs);
        rows[4][fixed + score] = sheets::Cell::ofText(QString());
        rows[4][fixed + computed] = sheets::Cell::ofNumber(1);
        rows[5][fixed + score] = sheets::Cell::ofText(u"11"_qs);
        QList<sheets::Cell> stranger = rows[6];
        stranger[1] = sheets::Cell::ofText(u"9999999999"_qs);
        rows.append(stranger);
        std::swap(rows[2], rows[3]);
        QVERIFY(sheets::writeWorkbook(path, {sheet}));
        read = sheets::readFile(path);
        QVERIFY(read);
        auto changed = editsFromSheet(*grid, read->first());
        QVERIFY(changed);
        QStringList wrote;
        for (const CellEdit& e : changed->edits)
            wrote.append(e.value);
        QVERIFY2(changed->edits.size() == 2, qPrintable(wrote.join(u" | "_qs)));
        QCOMPARE(changed->edits.at(0).slot, grid->slot(1, comment)); // sheet order, shuffled
        QCOMPARE(changed->edits.at(1).slot, grid->slot(0, score));
        QCOMPARE(changed->edits.at(1).value, u"7.5"_qs);
        QCOMPARE(changed->problems.size(), 2);
        QVERIFY(changed->problems.at(0).contains(u"6"_qs)); // the sheet's row 6: the impossible mark
        QVERIFY(changed->problems.at(1).contains(u"9999999999"_qs));

        // A sheet of something else is refused with a message, not read as marks.
        sheets::Sheet other;
        other.rows = {{1, {u"Họ và tên"_qs, u"Ngày sinh"_qs}}, {2, {u"Nguyễn An"_qs, u"01/02/2013"_qs}}};
        auto refused = editsFromSheet(*grid, other);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(grid->columns.at(score).header));
    }

    void writeAndHistory()
    {
        auto grid = loadSubjectGrid(*m_db, kYear, cls(QStringLiteral("7A1")).id, u"toan"_qs, u"hk1"_qs);
        QVERIFY(grid);
        const int row = firstEditableRow(*grid);
        QVERIFY(row >= 0);
        const int gk = columnOf(*grid, u"ĐĐGgk"_qs);
        const CellSlot slot = grid->slot(row, gk);
        const QString before = stored(slot);
        const Actor teacher = account(Role::SubjectTeacher, u"gv.toan7"_qs, {{kYear, grid->classId, u"toan"_qs}});
        auto out = writeCells(*m_db, teacher,
                              {{slot, u"3,5"_qs}, {grid->slot(row, columnOf(*grid, u"ĐĐGck"_qs)), u"12"_qs}});
        QVERIFY2(out, out ? "" : qPrintable(describe(out.error())));
        QCOMPARE(out->size(), 2);
        QVERIFY2(out->at(0).saved, qPrintable(out->at(0).message));
        QCOMPARE(out->at(0).oldValue, before);
        QCOMPARE(out->at(0).newValue, u"3.5"_qs);
        QVERIFY(!out->at(1).saved);
        QVERIFY(out->at(1).message.contains(u"10"_qs));
        QCOMPARE(stored(slot), u"3.5"_qs);
        // The history names the account and the change.
        const auto history = cellHistory(*m_db, slot);
        QVERIFY(history);
        QVERIFY(!history->isEmpty());
        QCOMPARE(history->last().who, u"gv.toan7"_qs);
        QCOMPARE(history->last().newValue, u"3.5"_qs);
        QCOMPARE(history->last().oldValue, before);
        QVERIFY(history->last().at.isValid());
        // The average follows the edit.
        grid->rows[row].values[gk] = u"3.5"_qs;
        const QString averageBefore = grid->rows[row].values[columnOf(*grid, u"ĐTBmhk"_qs)];
        grid->rows[row].values[gk] = u"10"_qs;
        QElapsedTimer timer;
        timer.start();
        recomputeRow(*grid, row);
        const qint64 ns = timer.nsecsElapsed();
        qInfo("recomputeRow: %.3f ms", ns / 1e6);
        if (!averageBefore.isEmpty())
            QVERIFY(grid->rows[row].values[columnOf(*grid, u"ĐTBmhk"_qs)] != averageBefore);
        // Undo writes the old value back through the same path.
        out = writeCells(*m_db, teacher, {{slot, before}});
        QVERIFY(out && out->first().saved);
        QCOMPARE(stored(slot), before);
    }

    void refusals()
    {
        const Id id = cls(QStringLiteral("7A2")).id;
        auto grid = loadSubjectGrid(*m_db, kYear, id, u"ngu_van"_qs, u"hk2"_qs);
        QVERIFY(grid);
        const int row = firstEditableRow(*grid);
        const CellSlot slot = grid->slot(row, 0);
        const QString before = stored(slot);
        // Another subject's teacher, and a teacher of another class.
        for (const Actor& a : {account(Role::SubjectTeacher, u"gv.toan"_qs, {{kYear, id, u"toan"_qs}}),
                               account(Role::SubjectTeacher, u"gv.van"_qs, {{kYear, id + 1, u"ngu_van"_qs}}),
                               account(Role::Clerk, u"van.thu"_qs, {})}) {
            const auto out = writeCells(*m_db, a, {{slot, u"9"_qs}});
            QVERIFY(out);
            QVERIFY(!out->first().saved);
            QVERIFY(!out->first().message.isEmpty());
        }
        QCOMPARE(stored(slot), before);
        // A homeroom teacher writes conduct but not a subject's marks in a THCS class.
        const Actor homeroom = account(Role::Homeroom, u"gvcn"_qs, {{kYear, id, {}}});
        auto hr = loadHomeroomGrid(*m_db, kYear, id, u"hk1"_qs);
        QVERIFY(hr);
        auto out = writeCells(*m_db, homeroom, {{hr->slot(row, 0), u"k"_qs}, {slot, u"9"_qs}});
        QVERIFY(out);
        QVERIFY2(out->at(0).saved, qPrintable(out->at(0).message));
        QCOMPARE(out->at(0).newValue, u"K"_qs);
        QVERIFY(!out->at(1).saved);
        // A section past draft is refused, and shown read-only.
        store::StudentRepository students(*m_db);
        QVERIFY(students.setSectionState(slot.sectionId, SectionState::Ready));
        out = writeCells(*m_db, Actor::unrestricted(), {{slot, u"9"_qs}});
        QVERIFY(out && !out->first().saved);
        grid = loadSubjectGrid(*m_db, kYear, id, u"ngu_van"_qs, u"hk2"_qs);
        QVERIFY(!grid->rows[row].editable);
        QVERIFY(!grid->rows[row].readOnlyReason.isEmpty());
        QVERIFY(students.setSectionState(slot.sectionId, SectionState::Draft));
        // A locked column: shown locked, refused; the next column is not.
        EntryLock lock;
        lock.year = kYear;
        lock.classId = id;
        lock.subject = u"ngu_van"_qs;
        lock.term = u"hk2"_qs;
        lock.item = u"regular"_qs;
        lock.reason = u"Hết hạn nhập điểm thường xuyên"_qs;
        const auto lockId = lockEntry(*m_db, Actor::unrestricted(), lock);
        QVERIFY2(lockId, lockId ? "" : qPrintable(describe(lockId.error())));
        grid = loadSubjectGrid(*m_db, kYear, id, u"ngu_van"_qs, u"hk2"_qs);
        QVERIFY(grid->columns[0].isLocked());
        QVERIFY(grid->columns[0].lockedReason.contains(lock.reason));
        QVERIFY(!grid->columns[columnOf(*grid, u"ĐĐGgk"_qs)].isLocked());
        out = writeCells(*m_db, Actor::unrestricted(),
                         {{slot, u"9"_qs}, {grid->slot(row, columnOf(*grid, u"ĐĐGgk"_qs)), u"9"_qs}});
        QVERIFY(out);
        QVERIFY(!out->at(0).saved);
        QVERIFY(out->at(0).message.contains(lock.reason));
        QVERIFY2(out->at(1).saved, qPrintable(out->at(1).message));
        QCOMPARE(stored(slot), before);
        QVERIFY(unlockEntry(*m_db, Actor::unrestricted(), *lockId, u"Mở lại để sửa điểm"_qs));
        out = writeCells(*m_db, Actor::unrestricted(), {{slot, u"9"_qs}});
        QVERIFY(out && out->first().saved);
        // A slot no grid has (a forged edit) is refused.
        out = writeCells(*m_db, Actor::unrestricted(),
                         {{{slot.sectionId, u"ngu_van"_qs, u"hk2"_qs, u"retest"_qs, 0}, u"9"_qs},
                          {{slot.sectionId, u"toan"_qs, u"gk1"_qs, u"level"_qs, 0}, u"T"_qs}});
        QVERIFY(out && !out->at(0).saved && !out->at(1).saved);
    }

    void pasteBlock()
    {
        // A 45×15 block as Excel copies it: CRLF rows, a quoted comment with a tab, a newline and doubled quotes.
        QString text;
        for (int r = 0; r < 45; ++r) {
            QStringList cells;
            for (int c = 0; c < 14; ++c)
                cells << QStringLiteral("%1,%2").arg(5 + (r + c) % 5).arg(c % 2 ? 5 : 0);
            cells << u"\"Em \"\"chăm\"\"\tngoan\nlắm\""_qs;
            text += cells.join(u'\t') + u"\r\n"_qs;
        }
        const QList<QStringList> block = parseClipboardBlock(text);
        QCOMPARE(block.size(), 45);
        QCOMPARE(block.first().size(), 15);
        QCOMPARE(block.first().last(), u"Em \"chăm\"\tngoan\nlắm"_qs);
        QCOMPARE(block.first().first(), u"5,0"_qs);
        QCOMPARE(parseClipboardBlock(u"a\tb\n\tc\n"_qs), (QList<QStringList> {{u"a"_qs, u"b"_qs}, {u""_qs, u"c"_qs}}));
        QCOMPARE(parseClipboardBlock(u"x"_qs), (QList<QStringList> {{u"x"_qs}}));

        // The whole of 8A1's Toán grid as one gesture: every editable cell of the block lands.
        auto grid = loadSubjectGrid(*m_db, kYear, cls(QStringLiteral("8A1")).id, u"toan"_qs, u"hk2"_qs);
        QVERIFY(grid);
        QCOMPARE(grid->rows.size(), 45);
        QList<CellEdit> edits;
        for (int r = 0; r < grid->rows.size() && r < block.size(); ++r)
            for (int c = 0; c < grid->columns.size(); ++c)
                if (grid->columns[c].kind != CellKind::Computed)
                    edits.append({grid->slot(r, c), block[r][c]});
        QElapsedTimer timer;
        timer.start();
        const auto out = writeCells(*m_db, Actor::unrestricted(), edits);
        qInfo("writeCells of %lld cells: %lld ms", qlonglong(edits.size()), timer.elapsed());
        QVERIFY(out);
        for (int i = 0; i < out->size(); ++i) {
            const int r = i / (grid->columns.size() - 1);
            if (grid->rows[r].editable)
                QVERIFY2(out->at(i).saved, qPrintable(out->at(i).message));
        }
        timer.restart();
        const auto reloaded = loadSubjectGrid(*m_db, kYear, grid->classId, u"toan"_qs, u"hk2"_qs);
        qInfo("loadSubjectGrid of %lld rows: %lld ms", qlonglong(reloaded->rows.size()), timer.elapsed());
        const int r = firstEditableRow(*reloaded);
        QCOMPARE(reloaded->rows[r].values[0], normaliseCell(reloaded->columns[0], block[r][0]).value());
        QCOMPARE(reloaded->rows[r].values[columnOf(*reloaded, u"Nhận xét"_qs)],
                 block[r][columnOf(*reloaded, u"Nhận xét"_qs)]);
        QVERIFY(!reloaded->rows[r].values[columnOf(*reloaded, u"ĐTBmhk"_qs)].isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEntryGrid)
#include "TestEntryGrid.moc"

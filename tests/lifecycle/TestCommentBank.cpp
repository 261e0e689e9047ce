// SPDX-License-Identifier: GPL-3.0-or-later
// The comment bank (issue 14, docs/comment-bank.md): entries added, changed and removed by the school's
// administrator only and audited; suggestions ranked exact subject/term/band first; the house style's "Em" rule,
// banned words and length; identical comments across a class; the bulk fill's plan (empty cells only unless
// overwrite, read-only rows and locked columns left alone).
#include "StoreFixture.h"

#include "demo/DemoSchool.h"
#include "lifecycle/CommentBank.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;
using namespace hocba::lifecycle;

namespace {

const Actor kAdmin = Actor::forAccount(
    User {0, QStringLiteral("quan.tri"), QStringLiteral("Quản trị"), Role::Admin, std::nullopt}, {});
const Actor kTeacher = Actor::forAccount(
    User {0, QStringLiteral("gv.toan"), QStringLiteral("Giáo viên"), Role::SubjectTeacher, std::nullopt}, {});

CommentEntry entry(const char* code, const char* subject, const char* term, const char* band, const char* text)
{
    CommentEntry e;
    e.code = QString::fromUtf8(code);
    e.subject = QString::fromUtf8(subject);
    e.term = QString::fromUtf8(term);
    e.band = QString::fromUtf8(band);
    e.text = QString::fromUtf8(text);
    return e;
}

/** A primary grid of one subject and point: Nhận xét (text), KT (score), XL (level T/H/C). */
EntryGrid grid(const QStringList& comments, const QStringList& levels)
{
    EntryGrid g;
    g.kind = GridKind::Subject;
    g.level = SchoolLevel::Primary;
    g.subject = QStringLiteral("toan");
    g.term = QStringLiteral("ck1");
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
        r.student.section.id = 100 + i;
        r.student.section.grade = 3;
        r.values = {comments.at(i), levels.value(i)};
        g.rows.append(r);
    }
    return g;
}

} // namespace

class TestCommentBank : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    std::unique_ptr<store::Database> freshDb()
    {
        return test::openTestDatabase(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void addUpdateRemoveAudited()
    {
        auto db = freshDb();
        QVERIFY(db);
        auto id = addComment(*db, kAdmin, entry("T01", "toan", "ck1", "T", "  Tính toán  nhanh, chính xác. "));
        QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
        auto all = commentEntries(*db);
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().text, QStringLiteral("Tính toán nhanh, chính xác."));
        QCOMPARE(all->first().level, std::optional<SchoolLevel>());

        // A duplicate code, an unknown band or term, a grade against its level are refused.
        QVERIFY(!addComment(*db, kAdmin, entry("T01", "", "", "", "Khác.")));
        QVERIFY(!addComment(*db, kAdmin, entry("T02", "", "", "Giỏi", "Khác.")));
        QVERIFY(!addComment(*db, kAdmin, entry("T03", "", "hk9", "", "Khác.")));
        CommentEntry wrongGrade = entry("T04", "", "", "", "Khác.");
        wrongGrade.grade = 7;
        wrongGrade.level = SchoolLevel::Primary;
        QVERIFY(!addComment(*db, kAdmin, wrongGrade));
        // The stored spelling of a level ("D") is the bank's "Đ".
        auto d = addComment(*db, kAdmin, entry("PC02", "q.yeu_nuoc", "", "D", "Biết giữ gìn cảnh quan trường lớp."));
        QVERIFY(d);
        QCOMPARE(commentEntries(*db)->first().code, QStringLiteral("PC02")); // ordered by code
        QCOMPARE(commentEntries(*db)->first().band, QStringLiteral("Đ"));

        // A teacher reads but may not change the bank.
        auto refused = addComment(*db, kTeacher, entry("X01", "", "", "", "Bất kì."));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!removeComment(*db, kTeacher, *id));

        CommentEntry changed = commentEntries(*db)->last();
        changed.text = QStringLiteral("Tính nhẩm nhanh.");
        changed.grade = 3;
        QVERIFY(updateComment(*db, kAdmin, changed));
        auto back = commentEntries(*db);
        QCOMPARE(back->last().text, QStringLiteral("Tính nhẩm nhanh."));
        QCOMPARE(back->last().level, std::optional<SchoolLevel>(SchoolLevel::Primary));
        QVERIFY(removeComment(*db, kAdmin, *id));
        QCOMPARE(commentEntries(*db)->size(), 1);
        QCOMPARE(commentIdByCode(*db, QStringLiteral("T01")).error().code, ErrorCode::NotFound);

        QCOMPARE(test::scalar(*db,
                              QStringLiteral("SELECT group_concat(action, ',') FROM (SELECT action FROM "
                                             "audit_log WHERE entity = 'comment_bank' ORDER BY id)")),
                 QStringLiteral("comment.add,comment.add,comment.update,comment.remove"));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT actor FROM audit_log WHERE action = 'comment.remove'")),
                 QStringLiteral("quan.tri"));
    }

    void seedIsOnDemandAndIdempotent()
    {
        auto db = freshDb();
        QVERIFY(db);
        QCOMPARE(commentEntries(*db)->size(), 0); // never seeded by itself
        QVERIFY(!seedDefaultBank(*db, kTeacher));
        auto first = seedDefaultBank(*db, kAdmin);
        QVERIFY(first);
        QCOMPARE(*first, int(defaultCommentBank().size()));
        QVERIFY(*first >= 36);
        QCOMPARE(*seedDefaultBank(*db, kAdmin), 0);
        QCOMPARE(commentEntries(*db)->size(), *first);
    }

    void suggestionsRankExactFirst()
    {
        const QList<CommentEntry> bank {
            entry("A", "", "", "", "Bất kì môn."),
            entry("B", "toan", "", "T", "Toán, mức T."),
            entry("C", "toan", "ck1", "T", "Toán, cuối kì I, mức T."),
            entry("D", "toan", "ck1", "H", "Toán, mức H."),
            entry("E", "tieng_viet", "", "", "Tiếng Việt."),
            entry("F", "", "ck1", "", "Cuối kì I."),
        };
        CommentFilter f;
        f.subject = QStringLiteral("toan");
        f.term = QStringLiteral("ck1");
        f.band = QStringLiteral("T");
        const auto got = rankComments(bank, f, {});
        QStringList codes;
        for (const auto& s : got)
            codes << s.entry.code;
        QCOMPARE(codes, (QStringList {"C", "B", "F", "A"}));
        // The search is case- and accent-blind.
        f = {};
        f.search = QStringLiteral("tieng viet");
        QCOMPARE(rankComments(bank, f, {}).size(), 1);
        // "c" suits every competency; a quality is not a competency.
        CommentEntry anyCompetency = entry("N", "c", "", "", "Tự giác.");
        QVERIFY(commentRank(anyCompetency, CommentFilter {QStringLiteral("c.tu_chu_tu_hoc"), {}, 0, {}, {}, {}}) > 0);
        QCOMPARE(commentRank(anyCompetency, CommentFilter {QStringLiteral("q.nhan_ai"), {}, 0, {}, {}, {}}), -1);
        // TT22's whole year is the bank's "cn".
        QVERIFY(
            commentRank(entry("Y", "", "cn", "", "Cả năm."), CommentFilter {{}, {}, 0, QStringLiteral("year"), {}, {}})
            > 0);
    }

    void suggestionsFromTheStoreInHouseStyle()
    {
        auto db = freshDb();
        QVERIFY(db);
        QVERIFY(addComment(*db, kAdmin, entry("T02", "toan", "", "T", "Tính toán nhanh, chính xác.")));
        HouseStyle style;
        style.leadingEm = LeadingEm::Always;
        style.bannedWords = {QStringLiteral("lười"), QStringLiteral("yếu")};
        style.maxLength = 60;
        QVERIFY(setHouseStyle(*db, kAdmin, style));
        QVERIFY(!setHouseStyle(*db, kTeacher, {}));
        QCOMPARE(*houseStyle(*db), style);
        CommentFilter f;
        f.subject = QStringLiteral("toan");
        auto s = suggestComments(*db, f);
        QVERIFY(s);
        QCOMPARE(s->size(), 1);
        QCOMPARE(s->first().text, QStringLiteral("Em tính toán nhanh, chính xác."));
        QCOMPARE(test::scalar(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'comment.style'")),
                 QStringLiteral("1"));
    }

    void houseStyleAndWarnings()
    {
        HouseStyle style;
        style.leadingEm = LeadingEm::Always;
        QCOMPARE(applyHouseStyle(style, QStringLiteral("Nắm chắc kiến thức.")),
                 QStringLiteral("Em nắm chắc kiến thức."));
        QCOMPARE(applyHouseStyle(style, QStringLiteral("em nắm chắc.")), QStringLiteral("Em nắm chắc."));
        style.leadingEm = LeadingEm::Never;
        QCOMPARE(applyHouseStyle(style, QStringLiteral("Em nắm chắc kiến thức.")),
                 QStringLiteral("Nắm chắc kiến thức."));
        QCOMPARE(applyHouseStyle(style, QStringLiteral("Emily nắm chắc.")), QStringLiteral("Emily nắm chắc."));
        style.leadingEm = LeadingEm::Free;
        QCOMPARE(applyHouseStyle(style, QStringLiteral("  Em   nắm chắc. ")), QStringLiteral("Em nắm chắc."));

        style.bannedWords = {QStringLiteral("lười"), QStringLiteral("yếu kém")};
        style.maxLength = 30;
        QVERIFY(styleWarnings(style, QStringLiteral("Nắm chắc kiến thức.")).isEmpty());
        const QStringList w = styleWarnings(style, QStringLiteral("Còn Lười học, kết quả yếu kém trong học kì."));
        QCOMPARE(w.size(), 2); // banned words (both named in one sentence) and too long
        QVERIFY(w.first().contains(QStringLiteral("lười")) && w.first().contains(QStringLiteral("yếu kém")));
        // A banned word inside another word is not that word.
        QVERIFY(styleWarnings(style, QStringLiteral("Chăm chỉ, không lườiiii.")).isEmpty());
        style.leadingEm = LeadingEm::Always;
        QCOMPARE(styleWarnings(style, QStringLiteral("Nắm chắc.")).size(), 1);
        style.leadingEm = LeadingEm::Never;
        QCOMPARE(styleWarnings(style, QStringLiteral("Em nắm chắc.")).size(), 1);
    }

    void identicalCommentsAcrossAClass()
    {
        const QStringList values {QStringLiteral("Nắm chắc kiến thức."),
                                  QString(),
                                  QStringLiteral("Khác."),
                                  QStringLiteral(" nắm chắc  kiến thức. "),
                                  QStringLiteral("Khác."),
                                  QStringLiteral("Nắm chắc kiến thức."),
                                  QString()};
        const auto groups = identicalComments(values);
        QCOMPARE(groups.size(), 2);
        QCOMPARE(groups.first().rows, (QList<int> {0, 3, 5}));
        QCOMPARE(groups.last().rows, (QList<int> {2, 4}));
        QCOMPARE(identicalComments(values, 3).size(), 1);
        QVERIFY(identicalComments({QStringLiteral("a"), QStringLiteral("b"), QString(), QString()}).isEmpty());
    }

    void identicalCommentsOfAStoredClass()
    {
        auto db = freshDb();
        QVERIFY(db);
        const auto school = test::makeMiniSchool(*db);
        for (Id section : {school.sectionId, school.otherSectionId})
            QVERIFY(db->exec(QStringLiteral("INSERT OR REPLACE INTO assessment (section_id, subject, term, item, seq, "
                                            "value) VALUES (%1, 'gdcd', 'hk1', 'comment', 0, 'Chăm chỉ, tích cực.')")
                                 .arg(section)));
        QVERIFY(
            db->exec(QStringLiteral("INSERT OR REPLACE INTO assessment (section_id, subject, term, item, seq, value) "
                                    "VALUES (%1, 'gdcd', 'hk2', 'comment', 0, 'Một mình.')")
                         .arg(school.sectionId)));
        auto found = identicalCommentsInClass(*db, SchoolYear {2025}, QStringLiteral("7A1"), 2);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().subject, QStringLiteral("gdcd"));
        QCOMPARE(found->first().term, QStringLiteral("hk1"));
        QCOMPARE(found->first().comments, 2);
        QCOMPARE(found->first().groups.first().text, QStringLiteral("Chăm chỉ, tích cực."));
        QCOMPARE(found->first().groups.first().rows.size(), 2);
        // Two pupils are under the warning's three.
        QCOMPARE(identicalCommentsInClass(*db, SchoolYear {2025}, QStringLiteral("7A1"))->size(), 0);
        QCOMPARE(identicalCommentsInClass(*db, SchoolYear {2025}, QStringLiteral("9Z9")).error().code,
                 ErrorCode::NotFound);
    }

    void bulkFillOnlyEmptyUnlessOverwrite()
    {
        EntryGrid g = grid({QString(), QStringLiteral("Đã viết."), QString(), QStringLiteral("Chung."), QString()},
                           {QStringLiteral("T"), QStringLiteral("H"), QStringLiteral("C"), QString(), QString()});
        g.rows[4].editable = false; // e.g. signed
        auto plan = planBulkFill(g, 0, QStringLiteral("Chung."), false);
        QCOMPARE(plan.filled, 2);
        QCOMPARE(plan.skipped, 1);
        QCOMPARE(plan.unchanged, 1);
        QCOMPARE(plan.overwritten, 0);
        QCOMPARE(plan.notEditable, 1);
        QCOMPARE(plan.rows, (QList<int> {0, 2}));
        QCOMPARE(plan.edits.size(), 2);
        QCOMPARE(plan.edits.first().slot,
                 (CellSlot {100, QStringLiteral("toan"), QStringLiteral("ck1"), QStringLiteral("comment"), 0}));
        QCOMPARE(plan.edits.first().value, QStringLiteral("Chung."));

        plan = planBulkFill(g, 0, QStringLiteral("Chung."), true);
        QCOMPARE(plan.filled, 2);
        QCOMPARE(plan.overwritten, 1);
        QCOMPARE(plan.rows, (QList<int> {0, 1, 2}));

        // One text per row; an empty text leaves the row alone.
        plan = planBulkFill(g, 0, QStringList {QStringLiteral("Một."), QStringLiteral("Hai."), QString()}, false);
        QCOMPARE(plan.rows, (QList<int> {0}));
        QCOMPARE(plan.skipped, 1);

        // Not a text column, or a locked one: nothing written.
        QVERIFY(planBulkFill(g, 1, QStringLiteral("T"), true).edits.isEmpty());
        g.columns[0].lockedReason = QStringLiteral("Khoá");
        plan = planBulkFill(g, 0, QStringLiteral("Chung."), true);
        QVERIFY(plan.edits.isEmpty());
        QCOMPARE(plan.notEditable, 5);
    }

    /** The plan on grids loaded from a demo school, written through writeCells: empty cells filled, the others kept. */
    void bulkFillOnARealGrid()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.hocba"));
        demo::DemoOptions o;
        o.students = 180;
        o.seed = 5;
        o.year = SchoolYear {2025};
        QVERIFY(demo::createDemoSchool(path, o));
        auto db = test::openTestDatabase(path);
        QVERIFY(db);
        const auto cls = store::SchoolRepository(*db).classByName(o.year, QStringLiteral("3A1"));
        QVERIFY(cls && *cls);
        const Id classId = (*cls)->id;
        auto grid = loadSubjectGrid(*db, o.year, classId, QStringLiteral("toan"), QStringLiteral("cn"));
        QVERIFY2(grid, grid ? "" : qPrintable(describe(grid.error())));
        int column = -1;
        for (int c = 0; c < grid->columns.size(); ++c)
            if (grid->columns[c].item == QLatin1String("comment"))
                column = c;
        QVERIFY(column >= 0);

        // Clear three pupils' comments.
        QList<CellEdit> clear;
        for (int r = 0; r < grid->rows.size() && clear.size() < 3; ++r)
            if (grid->rows[r].editable)
                clear.append({CellSlot {grid->rows[r].student.section.id, QStringLiteral("toan"), QStringLiteral("cn"),
                                        QStringLiteral("comment"), 0},
                              QString()});
        QCOMPARE(clear.size(), 3);
        QVERIFY(writeCells(*db, Actor::unrestricted(), clear));
        grid = loadSubjectGrid(*db, o.year, classId, QStringLiteral("toan"), QStringLiteral("cn"));
        QVERIFY(grid);
        int empty = 0, written = 0;
        for (const GridRow& r : grid->rows) {
            if (!r.editable)
                continue;
            (r.values[column].isEmpty() ? empty : written) += 1;
        }
        QVERIFY(empty >= 3);
        QVERIFY(written > 0);
        const QStringList before = [&] {
            QStringList v;
            for (const GridRow& r : grid->rows)
                v << r.values[column];
            return v;
        }();

        const QString text = QStringLiteral("Làm bài cẩn thận, trình bày sạch.");
        QElapsedTimer timer;
        timer.start();
        const BulkFillPlan plan = planBulkFill(*grid, column, text, false);
        const qint64 planNs = timer.nsecsElapsed();
        // The suggestions of every cell of the column from the default bank (what a grid asks as the teacher moves).
        const QList<CommentEntry> bank = defaultCommentBank();
        timer.restart();
        int suggested = 0;
        for (int r = 0; r < grid->rows.size(); ++r)
            suggested += int(rankComments(bank, commentFilterForCell(*grid, column, r), {}).size());
        qInfo("figures: %d rows, bulk fill plan %.3f ms, suggestions for every row %.3f ms (%d in all, bank of %d)",
              int(grid->rows.size()), double(planNs) / 1e6, double(timer.nsecsElapsed()) / 1e6, suggested,
              int(bank.size()));
        QVERIFY(suggested > 0);
        QCOMPARE(plan.filled, empty);
        QCOMPARE(plan.skipped + plan.unchanged, written);
        auto outcome = writeCells(*db, Actor::unrestricted(), plan.edits);
        QVERIFY(outcome);
        for (const CellOutcome& out : *outcome)
            QVERIFY2(out.saved, qPrintable(out.message));
        auto after = loadSubjectGrid(*db, o.year, classId, QStringLiteral("toan"), QStringLiteral("cn"));
        QVERIFY(after);
        for (int r = 0; r < after->rows.size(); ++r) {
            if (plan.rows.contains(r))
                QCOMPARE(after->rows[r].values[column], text);
            else
                QCOMPARE(after->rows[r].values[column], before[r]);
        }

        // The band of a cell comes from the row's XL.
        int xl = -1;
        for (int c = 0; c < after->columns.size(); ++c)
            if (after->columns[c].item == QLatin1String("level"))
                xl = c;
        QVERIFY(xl >= 0);
        int withLevel = 0;
        for (int r = 0; r < after->rows.size(); ++r)
            if (!after->rows[r].values[xl].isEmpty()) {
                QCOMPARE(commentFilterForCell(*after, column, r).band, after->rows[r].values[xl]);
                ++withLevel;
            }
        QVERIFY(withLevel > 0);

        // THCS: the band from ĐTBmhk (or KQ); the homeroom comment's from the year's conduct.
        const auto thcs = store::SchoolRepository(*db).classByName(o.year, QStringLiteral("6A1"));
        QVERIFY(thcs && *thcs);
        auto toan = loadSubjectGrid(*db, o.year, (*thcs)->id, QStringLiteral("toan"), QStringLiteral("hk1"));
        QVERIFY(toan);
        int toanComment = -1;
        for (int c = 0; c < toan->columns.size(); ++c)
            if (toan->columns[c].item == QLatin1String("comment"))
                toanComment = c;
        QVERIFY(toanComment >= 0);
        const QStringList fourBands {QStringLiteral("Tốt"), QStringLiteral("Khá"), QStringLiteral("Đạt"),
                                     QStringLiteral("Chưa đạt")};
        QVERIFY2(fourBands.contains(commentFilterForCell(*toan, toanComment, 0).band),
                 qPrintable(commentFilterForCell(*toan, toanComment, 0).band));
        auto homeroom = loadHomeroomGrid(*db, o.year, (*thcs)->id, QStringLiteral("year"));
        QVERIFY2(homeroom, homeroom ? "" : qPrintable(describe(homeroom.error())));
        const CommentFilter hf = commentFilterForCell(*homeroom, int(homeroom->columns.size()) - 1, 0);
        QCOMPARE(hf.subject, QStringLiteral("homeroom"));
        QCOMPARE(hf.term, QStringLiteral("cn"));
        QVERIFY2(fourBands.contains(hf.band), qPrintable(hf.band));
    }

    void filterOfACell()
    {
        const EntryGrid g = grid({QString(), QString()}, {QStringLiteral("H"), QString()});
        CommentFilter f = commentFilterForCell(g, 0, 0);
        QCOMPARE(f.subject, QStringLiteral("toan"));
        QCOMPARE(f.term, QStringLiteral("ck1"));
        QCOMPARE(f.band, QStringLiteral("H"));
        QCOMPARE(f.grade, 3);
        QCOMPARE(commentFilterForCell(g, 0, 1).band, QString());

        // TT22 homeroom: the conduct level (T, K, D, CD) as Tốt … Chưa đạt; the homeroom subject.
        EntryGrid h;
        h.kind = GridKind::Homeroom;
        h.level = SchoolLevel::Thcs;
        h.term = QStringLiteral("hk1");
        GridColumn conduct;
        conduct.kind = CellKind::Level;
        conduct.levels = {QStringLiteral("T"), QStringLiteral("K"), QStringLiteral("D"), QStringLiteral("CD")};
        conduct.term = h.term;
        conduct.item = QStringLiteral("conduct");
        GridColumn comment;
        comment.kind = CellKind::Text;
        comment.term = h.term;
        comment.item = QStringLiteral("comment");
        h.columns = {conduct, comment};
        GridRow r;
        r.values = {QStringLiteral("D"), QString()};
        h.rows = {r};
        f = commentFilterForCell(h, 1, 0);
        QCOMPARE(f.subject, QStringLiteral("homeroom"));
        QCOMPARE(f.band, QStringLiteral("Đạt"));
    }
};

QTEST_GUILESS_MAIN(TestCommentBank)
#include "TestCommentBank.moc"

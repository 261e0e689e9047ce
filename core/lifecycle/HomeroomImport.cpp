// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/HomeroomImport.h"

#include "domain/Curriculum.h"

#include "lifecycle/ClassBook.h"
#include "lifecycle/ImportBatch.h"
#include "lifecycle/ImportColumns.h"
#include "store/StudentRepository.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <array>
#include <variant>

namespace hocba::lifecycle {

namespace {

struct HomeroomText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::HomeroomImport)
};

/** The homeroom book's own columns (ClassBook.h); the 15 traits follow Trait0 in traits()'s order. */
enum Field {
    ConductHk1 = BookFieldBase,
    ConductHk2,
    ConductOfTitle, ///< "Kết quả rèn luyện": the semester the title or the caller names
    ConductYear, ///< computed by the rules from the two semesters; read past
    AbsencesTotal,
    AbsencesExcused,
    AbsencesUnexcused,
    Comment,
    HeightCm, ///< primary year header: chiều cao (cm)
    WeightKg, ///< cân nặng (kg)
    Certificates, ///< chứng chỉ: one per line of the cell (or separated by ";")
    Competitions, ///< cuộc thi: one per line of the cell (or separated by ";")
    Trait0,
    TraitComment0 = Trait0 + 15 ///< "Nhận xét <trait>": the comment on each quality and competency, in traits()'s order
};

struct Trait
{
    QString key; ///< "q.yeu_nuoc", "c.tu_chu_tu_hoc": the store's subject of the trait's row
    QStringList names; ///< folded
};

/**
 * TT27's 5 qualities and 10 competencies (docs/evaluate.md), headed by their printed names (traitName) or the
 * shorter forms some summary sheets use.
 */
const QList<Trait>& traits()
{
    static const QList<Trait> list = [] {
        static const QHash<QString, QStringList> shorter {
            {u"tu_chu_tu_hoc"_qs, {u"tu chu tu hoc"_qs}},
            {u"giao_tiep_hop_tac"_qs, {u"giao tiep hop tac"_qs}},
            {u"giai_quyet_van_de"_qs, {u"giai quyet van de sang tao"_qs, u"giai quyet van de"_qs}},
            {u"tham_mi"_qs, {u"tham my"_qs}},
        };
        QList<Trait> out;
        for (const QString& code : primaryQualities())
            out.append({u"q."_qs + code, QStringList {foldedHeader(traitName(code))} + shorter.value(code)});
        for (const QString& code : primaryCompetencies())
            out.append({u"c."_qs + code, QStringList {foldedHeader(traitName(code))} + shorter.value(code)});
        return out;
    }();
    return list;
}

const int FieldCount = TraitComment0 + 15;

/** Header spellings of the homeroom columns, folded; the conduct ones are built from a name and a semester. */
const QHash<QString, int>& aliases()
{
    static const QHash<QString, int> table = [] {
        QHash<QString, int> t;
        const QStringList conduct {u"ren luyen"_qs, u"ket qua ren luyen"_qs, u"kqrl"_qs, u"hanh kiem"_qs,
                                   u"xep loai hanh kiem"_qs};
        const QList<QPair<int, QStringList>> terms {
            {ConductHk1,
             {u"hk1"_qs, u"hki"_qs, u"hk i"_qs, u"hoc ky 1"_qs, u"hoc ky i"_qs, u"hoc ki 1"_qs, u"hoc ki i"_qs}},
            {ConductHk2,
             {u"hk2"_qs, u"hkii"_qs, u"hk ii"_qs, u"hoc ky 2"_qs, u"hoc ky ii"_qs, u"hoc ki 2"_qs, u"hoc ki ii"_qs}},
            {ConductYear, {u"cn"_qs, u"ca nam"_qs}},
        };
        for (const QString& name : conduct) {
            t.insert(name, ConductOfTitle);
            for (const auto& [field, spellings] : terms)
                for (const QString& term : spellings)
                    t.insert(name + u' ' + term, field);
        }
        for (const QString& a : {u"so buoi nghi"_qs, u"tong so buoi nghi"_qs, u"buoi nghi"_qs, u"nghi"_qs,
                                 u"nghi hoc"_qs, u"so buoi nghi hoc"_qs, u"so ngay nghi"_qs, u"tong"_qs})
            t.insert(a, AbsencesTotal);
        for (const QString& a : {u"p"_qs, u"co phep"_qs, u"nghi co phep"_qs})
            t.insert(a, AbsencesExcused);
        for (const QString& a : {u"k"_qs, u"khong phep"_qs, u"nghi khong phep"_qs})
            t.insert(a, AbsencesUnexcused);
        for (const QString& a :
             {u"nhan xet"_qs, u"nhan xet cua gvcn"_qs, u"nhan xet gvcn"_qs, u"nhan xet cua giao vien chu nhiem"_qs})
            t.insert(a, Comment);
        for (int i = 0; i < traits().size(); ++i)
            for (const QString& name : traits().at(i).names)
                for (const QString& prefix : {QString(), u"pham chat "_qs, u"nang luc "_qs}) {
                    t.insert(prefix + name, Trait0 + i);
                    for (const QString& comment : {u"nhan xet "_qs, u"nx "_qs})
                        t.insert(comment + prefix + name, TraitComment0 + i);
                    t.insert(prefix + name + u" nhan xet"_qs, TraitComment0 + i);
                }
        for (const QString& a : {u"chieu cao"_qs, u"chieu cao cm"_qs})
            t.insert(a, HeightCm);
        for (const QString& a : {u"can nang"_qs, u"can nang kg"_qs})
            t.insert(a, WeightKg);
        for (const QString& a : {u"chung chi"_qs, u"cac chung chi"_qs, u"chung chi dat duoc"_qs})
            t.insert(a, Certificates);
        for (const QString& a : {u"cuoc thi"_qs, u"cac cuoc thi"_qs, u"ket qua cuoc thi"_qs, u"giai thuong cuoc thi"_qs,
                                 u"thanh tich cuoc thi"_qs})
            t.insert(a, Competitions);
        return t;
    }();
    return table;
}

ColumnKind classify(const QString& key)
{
    // "Rèn luyện (HK1)", "Rèn luyện - HKI" read as "ren luyen hk1".
    static const QRegularExpression punctuation(QStringLiteral(R"([()\-:–]+)"));
    const QString plain = QString(key).replace(punctuation, u" "_qs).simplified();
    const auto it = aliases().constFind(plain);
    return it == aliases().constEnd() ? ColumnKind {} : ColumnKind {it.value(), 0};
}

bool hasThcsColumns(const BookColumns& c)
{
    return std::ranges::any_of(
        std::array {ConductHk1, ConductHk2, ConductOfTitle, AbsencesTotal, AbsencesExcused, AbsencesUnexcused, Comment},
        [&](int f) { return c.has(f); });
}

bool hasPrimaryColumns(const BookColumns& c)
{
    for (int f = Trait0; f < FieldCount; ++f)
        if (c.has(f))
            return true;
    return c.has(Comment) || c.has(HeightCm) || c.has(WeightKg) || c.has(AbsencesExcused) || c.has(AbsencesUnexcused);
}

/** Columns of both levels: certificates and competitions. */
bool hasCommonColumns(const BookColumns& c)
{
    return c.has(Certificates) || c.has(Competitions);
}

const QList<QPair<QStringList, QString>>& conductLevels()
{
    static const QList<QPair<QStringList, QString>> levels {{{u"t"_qs, u"tot"_qs}, u"T"_qs},
                                                            {{u"k"_qs, u"kha"_qs}, u"K"_qs},
                                                            {{u"d"_qs, u"dat"_qs}, u"D"_qs},
                                                            {{u"cd"_qs, u"chua dat"_qs}, u"CD"_qs}};
    return levels;
}

const QList<QPair<QStringList, QString>>& traitLevels()
{
    static const QList<QPair<QStringList, QString>> levels {{{u"t"_qs, u"tot"_qs}, u"T"_qs},
                                                            {{u"d"_qs, u"dat"_qs}, u"D"_qs},
                                                            {{u"c"_qs, u"ccg"_qs, u"can co gang"_qs}, u"C"_qs}};
    return levels;
}

/** The book's class and the semester of a conduct column that names none. */
struct Book : ClassBook
{
    QString conductTerm; ///< "hk1", "hk2", "cn" (read past) or empty
};

class HomeroomRowReader
{
public:
    HomeroomRowReader(const ClassBookRows& rows, const BookColumns& columns, const Book& book)
        : m_rows(rows)
        , m_columns(columns)
        , m_book(book)
    { }

    /** The row's homeroom values (the level's, and the comment). */
    std::optional<ImportProblem> values(const sheets::SheetRow& row, QList<Assessment>& values) const
    {
        const auto problem
            = m_book.level == SchoolLevel::Primary ? primaryValues(row, values) : thcsValues(row, values);
        if (problem)
            return problem;
        if (const QString comment = m_columns.value(row, Comment); !comment.isEmpty())
            values.append({QString(), u"year"_qs, u"comment"_qs, 0, comment});
        lines(row, Certificates, u"certificate"_qs, values);
        lines(row, Competitions, u"competition"_qs, values);
        return std::nullopt;
    }

private:
    /** A cell of several lines ("line 1\nline 2" or "line 1; line 2"): one row each, numbered from 1. */
    void lines(const sheets::SheetRow& row, int field, const QString& item, QList<Assessment>& h) const
    {
        static const QRegularExpression separator(QStringLiteral("[\r\n;]+"));
        // The cell as written: cellText would fold its line breaks into spaces.
        const int column = m_columns.index.value(field, -1);
        const QString cell = column >= 0 ? row.cell(column) : QString();
        int seq = 0;
        for (const QString& line : cell.split(separator, Qt::SkipEmptyParts))
            if (const QString cleaned = text::normalized(line); !cleaned.isEmpty())
                h.append({QString(), u"year"_qs, item, ++seq, cleaned});
    }

    /** A measure such as "132,5" or "30" within [low, high], kept as written; a problem otherwise. */
    std::optional<ImportProblem> measure(const sheets::SheetRow& row, int field, const QString& item, double low,
                                         double high, QList<Assessment>& h) const
    {
        static const QRegularExpression number(QStringLiteral(R"(^\d{1,3}([.,]\d{1,2})?$)"));
        const QString cell = m_columns.value(row, field);
        if (cell.isEmpty())
            return std::nullopt;
        const double v = QString(cell).replace(u',', u'.').toDouble();
        if (!number.match(cell).hasMatch() || v < low || v > high)
            return m_rows.problem(row, m_columns.name(field), item,
                                  item == u"height"_qs
                                      ? HomeroomText::tr("\"%1\" is not a height in centimetres: write a number "
                                                         "such as 132 or 132,5.")
                                            .arg(cell)
                                      : HomeroomText::tr("\"%1\" is not a weight in kilograms: write a number such "
                                                         "as 30 or 30,5.")
                                            .arg(cell));
        h.append({QString(), u"year"_qs, item, 0, cell});
        return std::nullopt;
    }

    std::optional<ImportProblem> conduct(const sheets::SheetRow& row, int field, const QString& term,
                                         QList<Assessment>& h) const
    {
        const QString cell = m_columns.value(row, field);
        if (cell.isEmpty())
            return std::nullopt;
        const QString level = parseLevel(cell, conductLevels());
        if (level.isEmpty())
            return m_rows.problem(row, m_columns.name(field), u"conduct"_qs,
                                  HomeroomText::tr("\"%1\" is not a conduct result: write T (Tốt), K (Khá), Đ (Đạt) "
                                                   "or CĐ (Chưa đạt).")
                                      .arg(cell));
        h.append({QString(), term, u"conduct"_qs, 0, level});
        return std::nullopt;
    }

    /** A number of sessions, or -1 with the problem in `problem`. */
    int sessions(const sheets::SheetRow& row, int field, std::optional<ImportProblem>& problem) const
    {
        static const QRegularExpression count(QStringLiteral(R"(^\d{1,3}$)"));
        const QString cell = m_columns.value(row, field);
        if (cell.isEmpty())
            return 0;
        if (!count.match(cell).hasMatch()) {
            problem = m_rows.problem(row, m_columns.name(field), u"absences"_qs,
                                     HomeroomText::tr("\"%1\" is not a number of sessions missed: write a whole "
                                                      "number such as 0 or 3.")
                                         .arg(cell));
            return -1;
        }
        return cell.toInt();
    }

    /** A row's sessions missed: Tổng, P and K as given (0 where empty), and which of them were given. */
    struct Absences
    {
        int total = 0, excused = 0, unexcused = 0;
        bool hasTotal = false, hasExcused = false, hasUnexcused = false;
    };

    /** The row's absences; a problem for a cell that is not a count, or a Tổng given beside P/K that is not P + K. */
    std::variant<Absences, ImportProblem> absenceCells(const sheets::SheetRow& row) const
    {
        std::optional<ImportProblem> problem;
        Absences a;
        a.total = sessions(row, AbsencesTotal, problem);
        a.excused = problem ? 0 : sessions(row, AbsencesExcused, problem);
        a.unexcused = problem ? 0 : sessions(row, AbsencesUnexcused, problem);
        if (problem)
            return *problem;
        a.hasTotal = !m_columns.value(row, AbsencesTotal).isEmpty();
        a.hasExcused = !m_columns.value(row, AbsencesExcused).isEmpty();
        a.hasUnexcused = !m_columns.value(row, AbsencesUnexcused).isEmpty();
        if (a.hasTotal && (a.hasExcused || a.hasUnexcused) && a.total != a.excused + a.unexcused)
            return m_rows.problem(row, m_columns.name(AbsencesTotal), u"absences"_qs,
                                  HomeroomText::tr("The total of sessions missed (%1) is not the excused (%2) plus "
                                                   "the unexcused (%3) ones.")
                                      .arg(a.total)
                                      .arg(a.excused)
                                      .arg(a.unexcused));
        return a;
    }

    /** THCS: Tổng when it is given, else P + K (VnEdu leaves Tổng empty at times). */
    std::optional<ImportProblem> absences(const sheets::SheetRow& row, QList<Assessment>& h) const
    {
        const auto cells = absenceCells(row);
        if (const auto* problem = std::get_if<ImportProblem>(&cells))
            return *problem;
        const Absences& a = std::get<Absences>(cells);
        if (a.hasTotal || a.hasExcused || a.hasUnexcused)
            h.append({QString(), u"year"_qs, u"absences"_qs, 0,
                      QString::number(a.hasTotal ? a.total : a.excused + a.unexcused)});
        return std::nullopt;
    }

    std::optional<ImportProblem> thcsValues(const sheets::SheetRow& row, QList<Assessment>& h) const
    {
        if (auto p = conduct(row, ConductHk1, u"hk1"_qs, h))
            return p;
        if (auto p = conduct(row, ConductHk2, u"hk2"_qs, h))
            return p;
        if (m_book.conductTerm == u"hk1"_qs || m_book.conductTerm == u"hk2"_qs)
            if (auto p = conduct(row, ConductOfTitle, m_book.conductTerm, h))
                return p;
        return absences(row, h);
    }

    std::optional<ImportProblem> primaryValues(const sheets::SheetRow& row, QList<Assessment>& h) const
    {
        for (int i = 0; i < traits().size(); ++i) {
            const QString cell = m_columns.value(row, Trait0 + i);
            if (cell.isEmpty())
                continue;
            const QString level = parseLevel(cell, traitLevels());
            if (level.isEmpty())
                return m_rows.problem(row, m_columns.name(Trait0 + i), u"level"_qs,
                                      HomeroomText::tr("\"%1\" is not a level: write T (Tốt), Đ (Đạt) or C (Cần cố "
                                                       "gắng).")
                                          .arg(cell));
            h.append({traits().at(i).key, u"cn"_qs, u"level"_qs, 0, level});
        }
        for (int i = 0; i < traits().size(); ++i)
            if (const QString comment = m_columns.value(row, TraitComment0 + i); !comment.isEmpty())
                h.append({traits().at(i).key, u"cn"_qs, u"comment"_qs, 0, comment});
        if (auto p = measure(row, HeightCm, u"height"_qs, 50, 250, h))
            return p;
        if (auto p = measure(row, WeightKg, u"weight"_qs, 5, 200, h))
            return p;
        // TT27's year header has days absent with and without leave; a total, when given, must be their sum.
        const auto cells = absenceCells(row);
        if (const auto* problem = std::get_if<ImportProblem>(&cells))
            return *problem;
        const Absences& a = std::get<Absences>(cells);
        if (a.hasExcused)
            h.append({QString(), u"year"_qs, u"absences_excused"_qs, 0, QString::number(a.excused)});
        if (a.hasUnexcused)
            h.append({QString(), u"year"_qs, u"absences_unexcused"_qs, 0, QString::number(a.unexcused)});
        return std::nullopt;
    }

    const ClassBookRows& m_rows;
    const BookColumns& m_columns;
    const Book& m_book;
};

/** The rows of a section that are the homeroom teacher's part. */
bool isHomeroomRow(const Assessment& a)
{
    static const QStringList items {u"conduct"_qs,          u"absences"_qs,           u"comment"_qs,
                                    u"absences_excused"_qs, u"absences_unexcused"_qs, u"height"_qs,
                                    u"weight"_qs,           u"certificate"_qs,        u"competition"_qs};
    if (a.subject.isEmpty())
        return items.contains(a.item);
    return a.subject.startsWith(u"q."_qs) || a.subject.startsWith(u"c."_qs);
}

/** A list (certificates, competitions) given in the book replaces the stored one whole, not line by line. */
bool replacedList(const QList<Assessment>& values, const Assessment& stored)
{
    if (!stored.subject.isEmpty() || (stored.item != u"certificate"_qs && stored.item != u"competition"_qs))
        return false;
    return std::ranges::any_of(values,
                               [&](const Assessment& v) { return v.subject.isEmpty() && v.item == stored.item; });
}

Result<Book> resolveBook(store::Database& db, const HomeroomImportOptions& options, const BookColumns& columns,
                         const BookTitle& title)
{
    auto cls = resolveClassBook(db, options.year, options.className, title);
    if (!cls)
        return std::unexpected(cls.error());
    Book book;
    static_cast<ClassBook&>(book) = *cls;
    book.conductTerm = options.term.isEmpty() ? title.term : options.term.trimmed().toLower();
    const bool primary = book.level == SchoolLevel::Primary;
    // Primary has no conduct in its record: such a book is a THCS class's (its absences are days with and without
    // leave, read as such). A THCS summary may head a subject "Tin học", so trait columns in a THCS book are only
    // read past.
    const bool thcsOnly = std::ranges::any_of(std::array {ConductHk1, ConductHk2, ConductOfTitle},
                                              [&](int f) { return columns.has(f); });
    if (primary ? !(hasPrimaryColumns(columns) || hasCommonColumns(columns)) || thcsOnly
                : !(hasThcsColumns(columns) || hasCommonColumns(columns)))
        return fail(ErrorCode::InvalidInput,
                    primary
                        ? HomeroomText::tr("Class %1 is a primary class: its book has a column for each quality and "
                                           "competency (\"Yêu nước\", \"Tự chủ và tự học\", …), \"Nhận xét\", "
                                           "\"Chiều cao\", \"Cân nặng\", days absent \"P\" and \"K\", and no "
                                           "conduct.")
                              .arg(book.cls.name)
                        : HomeroomText::tr("Class %1 is a THCS class, but the file has no \"Rèn luyện HK1\", "
                                           "\"Rèn luyện HK2\", \"Số buổi nghỉ\" or \"Nhận xét\" column.")
                              .arg(book.cls.name));
    if (!primary && columns.has(ConductOfTitle) && book.conductTerm.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    HomeroomText::tr("Say which semester the column \"%1\" is for: hk1 or hk2 (the title names none), "
                                     "or head it \"Rèn luyện HK1\" or \"Rèn luyện HK2\".")
                        .arg(columns.name(ConductOfTitle)));
    return book;
}

} // namespace

Result<ImportResult> importHomeroomBook(store::Database& db, const sheets::Sheet& sheet, const QByteArray& fileDigest,
                                        const HomeroomImportOptions& options, const Actor& actor)
{
    const auto columns = findBookHeader(sheet, classify, FieldCount, [](const BookColumns& c) {
        return hasThcsColumns(c) || hasPrimaryColumns(c) || hasCommonColumns(c);
    });
    if (!columns)
        return fail(ErrorCode::InvalidInput,
                    HomeroomText::tr("No header row found: one of the first %1 rows must name the columns, with at "
                                     "least \"Họ và tên\" (or \"Họ đệm\" and \"Tên\") and a column such as \"Rèn "
                                     "luyện HK1\", \"Số buổi nghỉ\", \"Yêu nước\" or \"Nhận xét\".")
                        .arg(headerSearchRows),
                    QString::fromLatin1(kNoHeaderRow));
    auto book = resolveBook(db, options, *columns, readBookTitle(sheet, columns->firstHeaderRow));
    if (!book)
        return std::unexpected(book.error());
    if (auto s = permit(db, actor, Right::WriteHomeroom, RightScope::inClass(book->year, book->cls.id)); !s)
        return std::unexpected(s.error());
    ImportBatch batch(db);
    if (!batch.began())
        return std::unexpected(batch.began().error());
    auto roster = store::StudentRepository(db).roster(book->cls.id);
    if (!roster)
        return std::unexpected(roster.error());
    ClassBookRows rows(db, sheet, *columns, *book, std::move(*roster));
    const HomeroomRowReader reader(rows, *columns, *book);
    ImportReport report;
    QList<ImportRow> lines;
    if (auto s = rows.importRows(
            [&](const sheets::SheetRow& row, QList<Assessment>& values) { return reader.values(row, values); },
            isHomeroomRow, replacedList, report, lines);
        !s)
        return std::unexpected(s.error());
    const QString scope = QStringLiteral("year=%1 class=%2").arg(book->year.toString(), book->cls.name);
    return batch.finish(
        {QStringLiteral("import.homeroom"), options.fileName, fileDigest, scope, options.dryRun, options.allOrNothing},
        {report, lines, 0});
}

} // namespace hocba::lifecycle

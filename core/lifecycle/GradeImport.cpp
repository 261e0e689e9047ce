// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/GradeImport.h"

#include "domain/Curriculum.h"

#include "lifecycle/ClassBook.h"
#include "lifecycle/ImportBatch.h"
#include "lifecycle/ImportColumns.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <array>
#include <variant>

namespace hocba::lifecycle {

namespace {

struct GradeText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::GradeImport)
};

/** The grade book's own columns (ClassBook.h). */
enum Field { RegularAll = BookFieldBase, Midterm, Final, Comment, Level, Score, FieldCount };

/** Header spellings of the mark columns of VnEdu, CSDL Mẫu 1/Mẫu 2 and the Hà Nội export (WORKFLOWS.md §2.2). */
const QStringList& aliases(int field)
{
    static const std::array<QStringList, std::size_t(FieldCount) - BookFieldBase> table {
        QStringList {u"ddgtx"_qs, u"ddg tx"_qs, u"diem danh gia thuong xuyen"_qs},
        QStringList {u"ddggk"_qs, u"ddg gk"_qs, u"giua ky"_qs, u"giua ki"_qs},
        QStringList {u"ddgck"_qs, u"ddg ck"_qs, u"cuoi ky"_qs, u"cuoi ki"_qs},
        QStringList {u"nhan xet"_qs, u"noi dung nhan xet"_qs},
        QStringList {u"muc dat duoc"_qs, u"muc dat"_qs, u"xl"_qs},
        QStringList {u"diem ktdk"_qs, u"diem kiem tra dinh ky"_qs, u"ktdk"_qs, u"kt"_qs},
    };
    return table[field - BookFieldBase];
}

/** Subject names as titles write them (folded), to their codes of docs/evaluate.md. */
const QList<QPair<QString, QString>>& subjectNames()
{
    static const QList<QPair<QString, QString>> names = [] {
        QList<QPair<QString, QString>> list {
            {u"toan"_qs, u"toan"_qs},
            {u"ngu van"_qs, u"ngu_van"_qs},
            {u"tieng viet"_qs, u"tieng_viet"_qs},
            {u"ngoai ngu 1"_qs, u"ngoai_ngu_1"_qs},
            {u"ngoai ngu"_qs, u"ngoai_ngu_1"_qs},
            {u"tieng anh"_qs, u"ngoai_ngu_1"_qs},
            {u"ngoai ngu 2"_qs, u"ngoai_ngu_2"_qs},
            {u"giao duc cong dan"_qs, u"gdcd"_qs},
            {u"lich su va dia li"_qs, u"lich_su_dia_li"_qs},
            {u"lich su va dia ly"_qs, u"lich_su_dia_li"_qs},
            {u"lich su & dia li"_qs, u"lich_su_dia_li"_qs},
            {u"khoa hoc tu nhien"_qs, u"khtn"_qs},
            {u"khoa hoc"_qs, u"khoa_hoc"_qs},
            {u"cong nghe"_qs, u"cong_nghe"_qs},
            {u"tin hoc va cong nghe"_qs, u"tin_hoc_cong_nghe"_qs},
            {u"tin hoc va cong nghe (tin hoc)"_qs, u"tin_hoc"_qs},
            {u"tin hoc va cong nghe (cong nghe)"_qs, u"cong_nghe"_qs},
            {u"tin hoc va cong nghe - tin hoc"_qs, u"tin_hoc"_qs},
            {u"tin hoc va cong nghe - cong nghe"_qs, u"cong_nghe"_qs},
            {u"tin hoc"_qs, u"tin_hoc"_qs},
            {u"giao duc the chat"_qs, u"gdtc"_qs},
            {u"the duc"_qs, u"gdtc"_qs},
            {u"am nhac"_qs, u"am_nhac"_qs},
            {u"mi thuat"_qs, u"mi_thuat"_qs},
            {u"my thuat"_qs, u"mi_thuat"_qs},
            {u"noi dung giao duc dia phuong"_qs, u"noi_dung_gddp"_qs},
            {u"giao duc dia phuong"_qs, u"noi_dung_gddp"_qs},
            {u"hoat dong trai nghiem, huong nghiep"_qs, u"hdtn_hn"_qs},
            {u"hoat dong trai nghiem va huong nghiep"_qs, u"hdtn_hn"_qs},
            {u"hoat dong trai nghiem"_qs, u"hdtn"_qs},
            {u"dao duc"_qs, u"dao_duc"_qs},
            {u"tu nhien va xa hoi"_qs, u"tnxh"_qs},
            {u"tieng dan toc"_qs, u"tieng_dan_toc"_qs},
        };
        // The longest name first, so that "tin hoc va cong nghe" is not read as "tin hoc".
        std::stable_sort(list.begin(), list.end(),
                         [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return list;
    }();
    return names;
}

bool isKnownSubject(const QString& code)
{
    return std::ranges::any_of(subjectNames(), [&](const auto& n) { return n.second == code; });
}

/** THCS subjects assessed by comment (Đ/CĐ) instead of scores (TT22 Art. 5). */
bool isCommentSubject(const QString& code)
{
    static const QSet<QString> codes {u"gdtc"_qs, u"am_nhac"_qs, u"mi_thuat"_qs, u"noi_dung_gddp"_qs, u"hdtn_hn"_qs};
    return codes.contains(code);
}

ColumnKind classify(const QString& key)
{
    static const QRegularExpression regular(QStringLiteral(R"(^(?:ddg\s*)?tx\s*(\d{1,2})$)"));
    if (const auto m = regular.match(key); m.hasMatch() && m.captured(1).toInt() > 0)
        return {-1, m.captured(1).toInt()};
    for (int f = BookFieldBase; f < FieldCount; ++f)
        if (aliases(f).contains(key))
            return {f, 0};
    return {};
}

bool hasThcsMarks(const BookColumns& c)
{
    return !c.series.isEmpty() || c.has(RegularAll) || c.has(Midterm) || c.has(Final) || c.has(Comment);
}

bool hasPrimaryMarks(const BookColumns& c)
{
    return c.has(Level) || c.has(Score) || c.has(Comment);
}

/** The first row that names the student and at least one mark column; a cell must equal an alias. */
std::optional<BookColumns> findHeader(const sheets::Sheet& sheet)
{
    return findBookHeader(sheet, classify, FieldCount,
                          [](const BookColumns& c) { return hasThcsMarks(c) || hasPrimaryMarks(c); });
}

QString subjectAt(const QString& rest)
{
    for (const auto& [name, code] : subjectNames())
        if (rest.startsWith(name) && (rest.size() == name.size() || !rest.at(name.size()).isLetterOrNumber()))
            return code;
    return {};
}

QString titleSubject(const BookTitle& title)
{
    static const QRegularExpression subject(QStringLiteral(R"((?:^|[^a-z])mon(?: hoc)?\s*:?\s*(.+)$)"));
    for (const QString& f : title.folded)
        if (auto m = subject.match(f); m.hasMatch())
            if (QString code = subjectAt(m.captured(1)); !code.isEmpty())
                return code;
    return {};
}

/** The class, subject and term of the book, from the caller first and the title second. */
struct Book : ClassBook
{
    QString subject;
    QString term;
};

Status resolveSubjectAndTerm(const GradeImportOptions& options, const BookTitle& title, Book& book)
{
    book.subject = options.subject.isEmpty() ? titleSubject(title) : options.subject.trimmed().toLower();

    if (book.subject.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    GradeText::tr("Say which subject the grade book is for (its title names none), for example toan."));
    // THCS names the activity "Hoạt động trải nghiệm, hướng nghiệp"; a title may leave out the second half.
    if (book.level == SchoolLevel::Thcs && book.subject == u"hdtn"_qs)
        book.subject = u"hdtn_hn"_qs;
    if (!isKnownSubject(book.subject))
        return fail(ErrorCode::InvalidInput,
                    GradeText::tr("\"%1\" is not a subject code; the codes are listed in docs/evaluate.md, for "
                                  "example toan or ngu_van.")
                        .arg(book.subject));
    // The record has a row each for Tin học and Công nghệ (DOMAIN.md §3.1): a book of the whole subject cannot say
    // which part a mark is for.
    if (book.level == SchoolLevel::Primary && book.subject == QLatin1String(kMergedInformaticsTechnology))
        return fail(ErrorCode::InvalidInput,
                    GradeText::tr("Tin học and Công nghệ each have their own row in the record: import one book for "
                                  "Tin học (tin_hoc) and one for Công nghệ (cong_nghe)."));
    book.term = options.term.isEmpty() ? title.term : options.term.trimmed().toLower();
    if (book.level == SchoolLevel::Primary) {
        if (book.term.isEmpty())
            book.term = u"cn"_qs;
        if (book.term != u"cn"_qs)
            return fail(ErrorCode::InvalidInput,
                        GradeText::tr("A primary grade book is imported for the whole year (cn): the school file "
                                      "keeps the year-end level, test score and comment."));
    } else if (book.term != u"hk1"_qs && book.term != u"hk2"_qs)
        return fail(ErrorCode::InvalidInput,
                    GradeText::tr("Say which semester the grade book is for: hk1 or hk2 (the year's results are "
                                  "computed from both)."));
    return {};
}

Result<Book> resolveBook(store::Database& db, const GradeImportOptions& options, const BookTitle& title)
{
    auto cls = resolveClassBook(db, options.year, options.className, title);
    if (!cls)
        return std::unexpected(cls.error());
    Book book;
    static_cast<ClassBook&>(book) = *cls;
    if (auto s = resolveSubjectAndTerm(options, title, book); !s)
        return std::unexpected(s.error());
    return book;
}

} // namespace

namespace {

/** "8,5" and "8.5" → "8.5"; "8,0" → "8". Empty with `why` set when it is not a score of 0–10 with one decimal. */
QString parseScore(const QString& cell, QString& why)
{
    static const QRegularExpression shape(QStringLiteral(R"(^(\d{1,2})(?:\.(\d+))?$)"));
    const QString text = cell.trimmed().replace(u',', u'.');
    const auto m = shape.match(text);
    QString decimals = m.captured(2);
    while (decimals.endsWith(u'0'))
        decimals.chop(1);
    const int whole = m.captured(1).toInt();
    if (!m.hasMatch() || whole > 10 || (whole == 10 && !decimals.isEmpty())) {
        why = GradeText::tr("\"%1\" is not a score from 0 to 10.").arg(cell.trimmed());
        return {};
    }
    if (decimals.size() > 1) {
        why = GradeText::tr("\"%1\" has more than one decimal; write a score like 8 or 8,5.").arg(cell.trimmed());
        return {};
    }
    return decimals.isEmpty() ? QString::number(whole) : QString::number(whole) + u'.' + decimals;
}

const QList<QPair<QStringList, QString>>& commentResults()
{
    static const QList<QPair<QStringList, QString>> levels {{{u"d"_qs, u"dat"_qs}, u"D"_qs},
                                                            {{u"cd"_qs, u"chua dat"_qs}, u"CD"_qs}};
    return levels;
}

const QList<QPair<QStringList, QString>>& primaryLevels()
{
    static const QList<QPair<QStringList, QString>> levels {{{u"t"_qs, u"htt"_qs, u"hoan thanh tot"_qs}, u"T"_qs},
                                                            {{u"h"_qs, u"ht"_qs, u"hoan thanh"_qs}, u"H"_qs},
                                                            {{u"c"_qs, u"cht"_qs, u"chua hoan thanh"_qs}, u"C"_qs}};
    return levels;
}

class GradeRowReader
{
public:
    GradeRowReader(const ClassBookRows& rows, const BookColumns& columns, const Book& book)
        : m_rows(rows)
        , m_columns(columns)
        , m_book(book)
    { }

    /** The row's marks of the book's subject and term. */
    std::optional<ImportProblem> marks(const sheets::SheetRow& row, QList<Assessment>& marks) const
    {
        return m_book.level == SchoolLevel::Primary ? primaryMarks(row, marks) : thcsMarks(row, marks);
    }

private:
    /** A THCS mark: a score, or Đ/CĐ in a subject assessed by comment. */
    std::optional<ImportProblem> thcsMark(const sheets::SheetRow& row, int column, const QString& cell,
                                          const QString& item, int seq, QList<Assessment>& marks) const
    {
        QString value;
        QString why;
        if (isCommentSubject(m_book.subject)) {
            value = parseLevel(cell, commentResults());
            if (value.isEmpty())
                return problem(row, m_columns.columnName(column), u"level"_qs,
                               GradeText::tr("\"%1\" is not Đ (Đạt) or CĐ (Chưa đạt).").arg(cell.trimmed()));
        } else if (value = parseScore(cell, why); value.isEmpty())
            return problem(row, m_columns.columnName(column), u"score"_qs, why);
        marks.append({m_book.subject, m_book.term, item, seq, value});
        return std::nullopt;
    }

    std::optional<ImportProblem> thcsMarks(const sheets::SheetRow& row, QList<Assessment>& marks) const
    {
        if (const int col = m_columns.index[RegularAll]; col >= 0 && m_columns.series.isEmpty()) {
            static const QRegularExpression separators(QStringLiteral(R"([\s;|]+)"));
            const QStringList tokens = row.cell(col).split(separators, Qt::SkipEmptyParts);
            for (int i = 0; i < tokens.size(); ++i)
                if (auto p = thcsMark(row, col, tokens.at(i), u"regular"_qs, i + 1, marks))
                    return p;
        }
        for (auto it = m_columns.series.cbegin(); it != m_columns.series.cend(); ++it)
            if (const QString cell = row.cell(it.value()); !cell.trimmed().isEmpty())
                if (auto p = thcsMark(row, it.value(), cell, u"regular"_qs, it.key(), marks))
                    return p;
        for (const auto& [field, item] : {std::pair {Midterm, u"midterm"_qs}, std::pair {Final, u"final"_qs}})
            if (const QString cell = m_columns.value(row, field); !cell.isEmpty())
                if (auto p = thcsMark(row, m_columns.index[field], cell, item, 0, marks))
                    return p;
        if (const QString comment = m_columns.value(row, Comment); !comment.isEmpty())
            marks.append({m_book.subject, m_book.term, u"comment"_qs, 0, comment});
        return std::nullopt;
    }

    std::optional<ImportProblem> primaryMarks(const sheets::SheetRow& row, QList<Assessment>& marks) const
    {
        // Only the level column is read for a level: a name cell ("Đạt") is never taken for one.
        if (const QString cell = m_columns.value(row, Level); !cell.isEmpty()) {
            const QString level = parseLevel(cell, primaryLevels());
            if (level.isEmpty())
                return problem(row, m_columns.name(Level), u"level"_qs,
                               GradeText::tr("\"%1\" is not a level: write T (Hoàn thành tốt), H (Hoàn thành) or C "
                                             "(Chưa hoàn thành).")
                                   .arg(cell));
            marks.append({m_book.subject, m_book.term, u"level"_qs, 0, level});
        }
        if (const QString cell = m_columns.value(row, Score); !cell.isEmpty()) {
            QString why;
            const QString score = parseScore(cell, why);
            if (score.isEmpty() || score.contains(u'.'))
                return problem(
                    row, m_columns.name(Score), u"score"_qs,
                    score.isEmpty()
                        ? why
                        : GradeText::tr("\"%1\": the periodic test score is a whole number from 0 to 10.").arg(cell));
            marks.append({m_book.subject, m_book.term, u"score"_qs, 0, score});
        }
        if (const QString comment = m_columns.value(row, Comment); !comment.isEmpty())
            marks.append({m_book.subject, m_book.term, u"comment"_qs, 0, comment});
        return std::nullopt;
    }

    ImportProblem problem(const sheets::SheetRow& row, const QString& column, const QString& code,
                          const QString& message) const
    {
        return m_rows.problem(row, column, code, message);
    }

    const ClassBookRows& m_rows;
    const BookColumns& m_columns;
    const Book& m_book;
};

} // namespace

namespace {

/** The book's marks are the row's of its subject and term; a row's regular marks replace the stored list. */
Status importMarks(ClassBookRows& rows, const GradeRowReader& reader, const Book& book, ImportReport& report,
                   QList<ImportRow>& lines)
{
    const auto isBooks = [&](const Assessment& a) { return a.subject == book.subject && a.term == book.term; };
    const auto isRegular = [](const Assessment& a) { return a.item == u"regular"_qs; };
    // A primary book of Tin học or Công nghệ replaces the merged "Tin học và Công nghệ" of before the split
    // (DOMAIN.md §3.1): a section has either the merged subject or its two parts, never both.
    const bool splitsMerged = book.level == SchoolLevel::Primary
        && (book.subject == QLatin1String("tin_hoc") || book.subject == QLatin1String("cong_nghe"));
    const auto dropped = [&](const QList<Assessment>& given, const Assessment& stored) {
        if (splitsMerged && stored.subject == QLatin1String(kMergedInformaticsTechnology) && !given.isEmpty())
            return true;
        return isBooks(stored) && isRegular(stored) && std::ranges::any_of(given, isRegular)
            && std::ranges::none_of(given, [&](const Assessment& a) { return isRegular(a) && a.seq == stored.seq; });
    };
    return rows.importRows(
        [&](const sheets::SheetRow& row, QList<Assessment>& marks) { return reader.marks(row, marks); }, isBooks,
        dropped, report, lines);
}

} // namespace

Result<ImportResult> importGrades(store::Database& db, const sheets::Sheet& sheet, const QByteArray& fileDigest,
                                  const GradeImportOptions& options, const Actor& actor)
{
    const auto columns = findHeader(sheet);
    if (!columns)
        return fail(ErrorCode::InvalidInput,
                    GradeText::tr("No header row found: one of the first %1 rows must name the columns, with at least "
                                  "\"Họ và tên\" (or \"Họ đệm\" and \"Tên\") and a mark column such as \"ĐĐGtx1\", "
                                  "\"ĐĐGgk\", \"ĐĐGck\", \"Mức đạt được\" or \"Điểm KTĐK\".")
                        .arg(headerSearchRows),
                    QString::fromLatin1(kNoHeaderRow));
    auto book = resolveBook(db, options, readBookTitle(sheet, columns->firstHeaderRow));
    if (!book)
        return std::unexpected(book.error());
    if (auto s = permit(db, actor, Right::WriteGrades,
                        RightScope::ofSubject(book->year, book->cls.id, book->subject, book->level));
        !s)
        return std::unexpected(s.error());
    const bool primary = book->level == SchoolLevel::Primary;
    if (primary ? !hasPrimaryMarks(*columns) : !hasThcsMarks(*columns))
        return fail(ErrorCode::InvalidInput,
                    primary ? GradeText::tr("Class %1 is a primary class, but the file has no \"Mức đạt được\", "
                                            "\"Điểm KTĐK\" or \"Nhận xét\" column.")
                                  .arg(book->cls.name)
                            : GradeText::tr("Class %1 is a THCS class, but the file has no \"ĐĐGtx\", \"ĐĐGgk\", "
                                            "\"ĐĐGck\" or \"Nhận xét\" column.")
                                  .arg(book->cls.name));
    ImportBatch batch(db);
    if (!batch.began())
        return std::unexpected(batch.began().error());
    auto roster = store::StudentRepository(db).roster(book->cls.id);
    if (!roster)
        return std::unexpected(roster.error());
    ClassBookRows rows(db, sheet, *columns, *book, std::move(*roster));
    ImportReport report;
    QList<ImportRow> lines;
    if (auto s = importMarks(rows, GradeRowReader(rows, *columns, *book), *book, report, lines); !s)
        return std::unexpected(s.error());
    const QString scope = QStringLiteral("year=%1 class=%2 subject=%3 term=%4")
                              .arg(book->year.toString(), book->cls.name, book->subject, book->term);
    return batch.finish(
        {QStringLiteral("import.grades"), options.fileName, fileDigest, scope, options.dryRun, options.allOrNothing},
        {report, lines, 0});
}

} // namespace hocba::lifecycle

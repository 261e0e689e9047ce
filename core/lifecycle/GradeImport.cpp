// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/GradeImport.h"

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

/** The columns after the identity ones (ImportColumns.h), numbered on from them. */
enum Field { SchoolCode = IdentityFieldCount, RegularAll, Midterm, Final, Comment, Level, Score, FieldCount };

/** Header spellings of the mark columns of VnEdu, CSDL Mẫu 1/Mẫu 2 and the Hà Nội export (WORKFLOWS.md §2.2). */
const QStringList& aliases(int field)
{
    static const std::array<QStringList, std::size_t(FieldCount) - IdentityFieldCount> table {
        QStringList {u"so dang bo"_qs},
        QStringList {u"ddgtx"_qs, u"ddg tx"_qs, u"diem danh gia thuong xuyen"_qs},
        QStringList {u"ddggk"_qs, u"ddg gk"_qs, u"giua ky"_qs, u"giua ki"_qs},
        QStringList {u"ddgck"_qs, u"ddg ck"_qs, u"cuoi ky"_qs, u"cuoi ki"_qs},
        QStringList {u"nhan xet"_qs, u"noi dung nhan xet"_qs},
        QStringList {u"muc dat duoc"_qs, u"muc dat"_qs, u"xl"_qs},
        QStringList {u"diem ktdk"_qs, u"diem kiem tra dinh ky"_qs, u"ktdk"_qs, u"kt"_qs},
    };
    return field < IdentityFieldCount ? identityAliases()[field] : table[field - IdentityFieldCount];
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

/** What a header cell names: a field, or a single regular mark (seq > 0), or nothing. */
struct ColumnKind
{
    int field = -1;
    int seq = 0;

    bool known() const { return field >= 0 || seq > 0; }
};

ColumnKind classify(const QString& cell)
{
    static const QRegularExpression regular(QStringLiteral(R"(^(?:ddg\s*)?tx\s*(\d{1,2})$)"));
    const QString key = foldedHeader(cell);
    if (key.isEmpty())
        return {};
    if (const auto m = regular.match(key); m.hasMatch() && m.captured(1).toInt() > 0)
        return {-1, m.captured(1).toInt()};
    for (int f = 0; f < FieldCount; ++f)
        if (aliases(f).contains(key))
            return {f, 0};
    return {};
}

struct Columns
{
    int firstHeaderRow = -1; ///< title rows are above it
    int headerIndex = -1; ///< the last header row (of two when the header has sub-columns)
    std::array<int, FieldCount> index;
    QMap<int, int> regular; ///< seq → column
    QStringList names;

    QString columnName(int column) const { return names.value(column); }
    QString name(int f) const { return index[f] >= 0 ? names.value(index[f]) : QString(); }
    QString value(const sheets::SheetRow& row, int f) const { return cellText(row, index[f]); }
    bool named() const { return index[IdFullName] >= 0 || (index[IdFamilyAndMiddle] >= 0 && index[IdGivenName] >= 0); }
    bool hasThcsMarks() const
    {
        return !regular.isEmpty() || index[RegularAll] >= 0 || index[Midterm] >= 0 || index[Final] >= 0
            || index[Comment] >= 0;
    }
    bool hasPrimaryMarks() const { return index[Level] >= 0 || index[Score] >= 0 || index[Comment] >= 0; }
};

/** The second row of a two-row header (VnEdu: "ĐĐGtx" above "TX1 TX2 …", "Họ và tên" above "Họ đệm · Tên"). */
bool isSubHeader(const QStringList& cells)
{
    bool named = false;
    for (const QString& cell : cells) {
        if (parseBirthDate(cell.trimmed()).isValid())
            return false;
        named = named || classify(cell).known();
    }
    return named;
}

Columns columnsAt(const sheets::Sheet& sheet, int r)
{
    Columns c;
    c.firstHeaderRow = c.headerIndex = r;
    c.index.fill(-1);
    const QStringList& top = sheet.rows.at(r).cells;
    const QStringList sub = r + 1 < sheet.rows.size() ? sheet.rows.at(r + 1).cells : QStringList();
    const bool twoRows = isSubHeader(sub);
    if (twoRows)
        c.headerIndex = r + 1;
    const qsizetype width = std::max(top.size(), twoRows ? sub.size() : qsizetype(0));
    for (int col = 0; col < width; ++col) {
        ColumnKind kind;
        QString name = top.value(col).trimmed();
        if (twoRows && !sub.value(col).trimmed().isEmpty()) {
            kind = classify(sub.value(col));
            if (kind.known())
                name = sub.value(col).trimmed();
        }
        if (!kind.known())
            kind = classify(top.value(col));
        c.names.append(name);
        if (kind.seq > 0 && !c.regular.contains(kind.seq))
            c.regular.insert(kind.seq, col);
        else if (kind.field >= 0 && c.index[kind.field] < 0)
            c.index[kind.field] = col;
    }
    return c;
}

/** Whether a row names the student by itself: a title row above a header is not the header's first row. */
bool namesStudent(const QStringList& cells)
{
    return std::ranges::any_of(cells, [](const QString& cell) {
        const int f = classify(cell).field;
        return f == IdFullName || f == IdFamilyAndMiddle;
    });
}

/** The first row that names the student and at least one mark column; a cell must equal an alias. */
std::optional<Columns> findHeader(const sheets::Sheet& sheet)
{
    for (int r = 0; r < std::min<int>(headerSearchRows, sheet.rows.size()); ++r) {
        if (!namesStudent(sheet.rows.at(r).cells))
            continue;
        Columns c = columnsAt(sheet, r);
        if (c.named() && (c.hasThcsMarks() || c.hasPrimaryMarks()))
            return c;
    }
    return std::nullopt;
}

/** What the title rows above the header say about the book. */
struct TitleInfo
{
    std::optional<SchoolYear> year;
    QString className;
    QString subject;
    QString term;
};

QString subjectAt(const QString& rest)
{
    for (const auto& [name, code] : subjectNames())
        if (rest.startsWith(name) && (rest.size() == name.size() || !rest.at(name.size()).isLetterOrNumber()))
            return code;
    return {};
}

void readTitleCell(const QString& cell, TitleInfo& t)
{
    static const QRegularExpression year(QStringLiteral(R"(nam hoc\s*:?\s*(\d{4})\s*[-–]\s*(\d{4}))"));
    static const QRegularExpression term(QStringLiteral(R"(hoc k[yi]\s*:?\s*(ii|i|1|2)\b)"));
    static const QRegularExpression cls(QStringLiteral(R"((?:^|[^a-z])lop\s*:?\s*(\d{1,2}[a-z0-9.]*))"));
    static const QRegularExpression subject(QStringLiteral(R"((?:^|[^a-z])mon(?: hoc)?\s*:?\s*(.+)$)"));
    const QString f = foldedHeader(cell);
    if (auto m = year.match(f); m.hasMatch() && !t.year)
        t.year = SchoolYear::fromString(m.captured(1) + u'-' + m.captured(2));
    if (auto m = term.match(f); m.hasMatch() && t.term.isEmpty())
        t.term = (m.captured(1) == u"ii"_qs || m.captured(1) == u"2"_qs) ? u"hk2"_qs : u"hk1"_qs;
    else if (f.contains(u"ca nam"_qs) && t.term.isEmpty())
        t.term = u"cn"_qs;
    if (auto m = cls.match(f); m.hasMatch() && t.className.isEmpty() && m.captured(1).size() > 1)
        t.className = m.captured(1).toUpper();
    if (auto m = subject.match(f); m.hasMatch() && t.subject.isEmpty())
        t.subject = subjectAt(m.captured(1));
}

TitleInfo readTitle(const sheets::Sheet& sheet, int headerRow)
{
    TitleInfo t;
    for (int r = 0; r < headerRow; ++r)
        for (const QString& cell : sheet.rows.at(r).cells)
            if (!cell.trimmed().isEmpty())
                readTitleCell(cell, t);
    return t;
}

/** The class, subject and term of the book, from the caller first and the title second. */
struct Book
{
    SchoolYear year;
    ClassGroup cls;
    SchoolLevel level = SchoolLevel::Thcs;
    QString subject;
    QString term;
};

Status resolveYear(const GradeImportOptions& options, const TitleInfo& title, Book& book)
{
    if (options.year && title.year && *options.year != *title.year)
        return fail(ErrorCode::InvalidInput,
                    GradeText::tr("The file's title says it is for the school year %1, but the import is for %2. "
                                  "Nothing was imported: choose the grade book of %2, or the year %1.")
                        .arg(title.year->toString(), options.year->toString()));
    if (!options.year && !title.year)
        return fail(ErrorCode::InvalidInput,
                    GradeText::tr("Say which school year the grade book is for (its title names none)."));
    book.year = options.year ? *options.year : *title.year;
    return {};
}

Status resolveSubjectAndTerm(const GradeImportOptions& options, const TitleInfo& title, Book& book)
{
    book.subject = options.subject.isEmpty() ? title.subject : options.subject.trimmed().toLower();
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

Result<Book> resolveBook(store::Database& db, const GradeImportOptions& options, const TitleInfo& title)
{
    Book book;
    if (auto s = resolveYear(options, title, book); !s)
        return std::unexpected(s.error());
    const QString className = options.className.isEmpty() ? title.className : options.className.trimmed().toUpper();
    if (className.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    GradeText::tr("Say which class the grade book is for (its title names none), for example 6A1."));
    auto cls = store::SchoolRepository(db).classByName(book.year, text::normalized(className));
    if (!cls)
        return std::unexpected(cls.error());
    if (!*cls)
        return fail(ErrorCode::NotFound,
                    GradeText::tr("There is no class %1 in %2. Import the class list first.")
                        .arg(className, book.year.toString()));
    book.cls = **cls;
    book.level = levelOfGrade(book.cls.grade).value_or(SchoolLevel::Thcs);
    if (auto s = resolveSubjectAndTerm(options, title, book); !s)
        return std::unexpected(s.error());
    return book;
}

} // namespace

namespace {

/** One data row read and checked: who it names and the marks it gives (empty cells give none). */
struct GradeRow
{
    int row = 0;
    QString name;
    QDate birthDate;
    QString personalId;
    QString moetCode;
    QString schoolCode;
    QList<Assessment> marks;
    QList<int> regularSeqs; ///< the regular marks the row gives; they replace the stored ones
};

using ReadOutcome = std::variant<GradeRow, ImportProblem>;

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

/** A spelling of a level to its code ("Hoàn thành tốt" → "T"); empty when it is none of `levels`. */
QString parseLevel(const QString& cell, const QList<QPair<QStringList, QString>>& levels)
{
    const QString key = foldedHeader(cell);
    for (const auto& [spellings, code] : levels)
        if (spellings.contains(key))
            return code;
    return {};
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
    GradeRowReader(const sheets::Sheet& sheet, const Columns& columns, const Book& book)
        : m_sheet(sheet)
        , m_columns(columns)
        , m_book(book)
    { }

    QString name(const sheets::SheetRow& row) const
    {
        const QString full = m_columns.value(row, IdFullName);
        return full.isEmpty()
            ? (m_columns.value(row, IdFamilyAndMiddle) + u' ' + m_columns.value(row, IdGivenName)).simplified()
            : full;
    }

    ReadOutcome read(const sheets::SheetRow& row) const
    {
        GradeRow g;
        g.row = row.number;
        g.name = name(row);
        if (g.name.isEmpty())
            return problem(row, m_columns.name(IdFullName), u"name"_qs,
                           GradeText::tr("The student's name is missing."));
        if (const QString birth = m_columns.value(row, IdBirthDate); !birth.isEmpty()) {
            g.birthDate = parseBirthDate(birth);
            if (!g.birthDate.isValid())
                return problem(row, m_columns.name(IdBirthDate), u"birth_date"_qs,
                               GradeText::tr("\"%1\" is not a date as dd/mm/yyyy.").arg(birth));
        }
        g.personalId = m_columns.value(row, IdPersonalId);
        g.moetCode = m_columns.value(row, IdMoetCode);
        g.schoolCode = m_columns.value(row, SchoolCode);
        const auto marks = m_book.level == SchoolLevel::Primary ? primaryMarks(row, g) : thcsMarks(row, g);
        if (marks)
            return *marks;
        return g;
    }

    ImportProblem problem(const sheets::SheetRow& row, const QString& column, const QString& code,
                          const QString& message) const
    {
        return {m_sheet.name, row.number, column, code, message};
    }

private:
    /** A THCS mark: a score, or Đ/CĐ in a subject assessed by comment. */
    std::optional<ImportProblem> thcsMark(const sheets::SheetRow& row, int column, const QString& cell,
                                          const QString& item, int seq, GradeRow& g) const
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
        g.marks.append({m_book.subject, m_book.term, item, seq, value});
        if (item == u"regular"_qs)
            g.regularSeqs.append(seq);
        return std::nullopt;
    }

    std::optional<ImportProblem> thcsMarks(const sheets::SheetRow& row, GradeRow& g) const
    {
        if (const int col = m_columns.index[RegularAll]; col >= 0 && m_columns.regular.isEmpty()) {
            static const QRegularExpression separators(QStringLiteral(R"([\s;|]+)"));
            const QStringList tokens = row.cell(col).split(separators, Qt::SkipEmptyParts);
            for (int i = 0; i < tokens.size(); ++i)
                if (auto p = thcsMark(row, col, tokens.at(i), u"regular"_qs, i + 1, g))
                    return p;
        }
        for (auto it = m_columns.regular.cbegin(); it != m_columns.regular.cend(); ++it)
            if (const QString cell = row.cell(it.value()); !cell.trimmed().isEmpty())
                if (auto p = thcsMark(row, it.value(), cell, u"regular"_qs, it.key(), g))
                    return p;
        for (const auto& [field, item] : {std::pair {Midterm, u"midterm"_qs}, std::pair {Final, u"final"_qs}})
            if (const QString cell = m_columns.value(row, field); !cell.isEmpty())
                if (auto p = thcsMark(row, m_columns.index[field], cell, item, 0, g))
                    return p;
        if (const QString comment = m_columns.value(row, Comment); !comment.isEmpty())
            g.marks.append({m_book.subject, m_book.term, u"comment"_qs, 0, comment});
        return std::nullopt;
    }

    std::optional<ImportProblem> primaryMarks(const sheets::SheetRow& row, GradeRow& g) const
    {
        // Only the level column is read for a level: a name cell ("Đạt") is never taken for one.
        if (const QString cell = m_columns.value(row, Level); !cell.isEmpty()) {
            const QString level = parseLevel(cell, primaryLevels());
            if (level.isEmpty())
                return problem(row, m_columns.name(Level), u"level"_qs,
                               GradeText::tr("\"%1\" is not a level: write T (Hoàn thành tốt), H (Hoàn thành) or C "
                                             "(Chưa hoàn thành).")
                                   .arg(cell));
            g.marks.append({m_book.subject, m_book.term, u"level"_qs, 0, level});
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
            g.marks.append({m_book.subject, m_book.term, u"score"_qs, 0, score});
        }
        if (const QString comment = m_columns.value(row, Comment); !comment.isEmpty())
            g.marks.append({m_book.subject, m_book.term, u"comment"_qs, 0, comment});
        return std::nullopt;
    }

    const sheets::Sheet& m_sheet;
    const Columns& m_columns;
    const Book& m_book;
};

} // namespace

namespace {

/** The class's students as the matching needs them; values are indexes into `entries`. */
struct ClassIndex
{
    QList<RosterEntry> entries;
    QHash<QString, qsizetype> byPersonalId;
    QHash<QString, qsizetype> byMoetCode;
    QHash<QString, qsizetype> bySchoolCode;
    QMultiHash<QString, qsizetype> byNameAndBirth;
    QMultiHash<QString, qsizetype> byName;

    explicit ClassIndex(QList<RosterEntry> roster)
        : entries(std::move(roster))
    {
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const Student& s = entries.at(i).student;
            if (!s.personalId.isEmpty())
                byPersonalId.insert(s.personalId, i);
            if (!s.moetCode.isEmpty())
                byMoetCode.insert(s.moetCode, i);
            if (!s.registrationNumber.isEmpty())
                bySchoolCode.insert(s.registrationNumber, i);
            byNameAndBirth.insert(nameKey(s.fullName, s.birthDate), i);
            byName.insert(nameKey(s.fullName, QDate()), i);
        }
    }
};

bool sameSlot(const Assessment& a, const Assessment& b)
{
    return a.subject == b.subject && a.term == b.term && a.item == b.item && a.seq == b.seq;
}

bool slotOrder(const Assessment& a, const Assessment& b)
{
    return std::tie(a.subject, a.term, a.item, a.seq) < std::tie(b.subject, b.term, b.item, b.seq);
}

class GradeImporter
{
public:
    GradeImporter(store::Database& db, const sheets::Sheet& sheet, const Columns& columns, const Book& book,
                  ClassIndex index)
        : m_db(db)
        , m_sheet(sheet)
        , m_columns(columns)
        , m_book(book)
        , m_reader(sheet, columns, book)
        , m_index(std::move(index))
        , m_students(db)
    { }

    Status run()
    {
        return importDataRows<GradeRow>(
            m_sheet, m_columns.headerIndex, m_report, m_rows, [&](const auto& row) { return m_reader.read(row); },
            [&](const auto& row, const GradeRow& g) { return importRow(row, g); },
            [&](const auto& row) { return m_reader.name(row); });
    }

    const ImportReport& report() const { return m_report; }
    const QList<ImportRow>& rows() const { return m_rows; }

private:
    std::variant<qsizetype, ImportProblem> match(const sheets::SheetRow& row, const GradeRow& g) const;
    Status importRow(const sheets::SheetRow& row, const GradeRow& g);
    Status write(const sheets::SheetRow& row, const GradeRow& g, const RosterEntry& entry);

    void reject(const sheets::SheetRow& row, const QString& column, const QString& code, const QString& message)
    {
        m_report.rejected.append(m_reader.problem(row, column, code, message));
    }

    store::Database& m_db;
    const sheets::Sheet& m_sheet;
    const Columns& m_columns;
    const Book& m_book;
    GradeRowReader m_reader;
    ClassIndex m_index;
    store::StudentRepository m_students;
    QHash<qsizetype, int> m_seen; ///< entry → the row of the file that named it
    ImportReport m_report;
    QList<ImportRow> m_rows;
};

std::variant<qsizetype, ImportProblem> GradeImporter::match(const sheets::SheetRow& row, const GradeRow& g) const
{
    const auto unique = [&](const QList<qsizetype>& found) -> std::variant<qsizetype, ImportProblem> {
        if (found.size() > 1)
            return m_reader.problem(row, m_columns.name(IdFullName), u"ambiguous"_qs,
                                    GradeText::tr("%1 students of class %2 have this name; add their personal ID or "
                                                  "birth date to the file.")
                                        .arg(found.size())
                                        .arg(m_book.cls.name));
        return found.isEmpty() ? qsizetype(-1) : found.first();
    };
    std::variant<qsizetype, ImportProblem> found = qsizetype(-1);
    if (!g.personalId.isEmpty() && m_index.byPersonalId.contains(g.personalId))
        found = m_index.byPersonalId.value(g.personalId);
    else if (!g.moetCode.isEmpty() && m_index.byMoetCode.contains(g.moetCode))
        found = m_index.byMoetCode.value(g.moetCode);
    else if (!g.schoolCode.isEmpty() && m_index.bySchoolCode.contains(g.schoolCode))
        found = m_index.bySchoolCode.value(g.schoolCode);
    else if (g.birthDate.isValid())
        found = unique(m_index.byNameAndBirth.values(nameKey(g.name, g.birthDate)));
    else
        found = unique(m_index.byName.values(nameKey(g.name, QDate())));
    if (std::holds_alternative<ImportProblem>(found))
        return found;
    const qsizetype i = std::get<qsizetype>(found);
    if (i < 0)
        return m_reader.problem(row, m_columns.name(IdFullName), u"not_found"_qs,
                                GradeText::tr("No student of class %1 in %2 has this name and these identifiers. "
                                              "Check the row, or import the class list first.")
                                    .arg(m_book.cls.name, m_book.year.toString()));
    const Student& s = m_index.entries.at(i).student;
    if (!g.personalId.isEmpty() && !s.personalId.isEmpty() && g.personalId != s.personalId)
        return m_reader.problem(row, m_columns.name(IdPersonalId), u"mismatch"_qs,
                                GradeText::tr("The school file has this student with another personal ID."));
    return i;
}

Status GradeImporter::importRow(const sheets::SheetRow& row, const GradeRow& g)
{
    auto matched = match(row, g);
    if (auto* p = std::get_if<ImportProblem>(&matched)) {
        m_report.rejected.append(*p);
        return {};
    }
    const qsizetype i = std::get<qsizetype>(matched);
    if (const int earlier = m_seen.value(i); earlier > 0) {
        reject(row, m_columns.name(IdFullName), u"duplicate"_qs,
               GradeText::tr("The same student as row %1.").arg(earlier));
        return {};
    }
    m_seen.insert(i, g.row);
    const RosterEntry& entry = m_index.entries.at(i);
    if (entry.section.state != SectionState::Draft && entry.section.state != SectionState::Ready) {
        reject(row, {}, u"locked"_qs,
               GradeText::tr("This student's record for %1 is already signed or locked; its marks cannot change.")
                   .arg(m_book.year.toString()));
        return {};
    }
    return write(row, g, entry);
}

Status GradeImporter::write(const sheets::SheetRow& row, const GradeRow& g, const RosterEntry& entry)
{
    auto stored = m_students.assessments(entry.section.id);
    if (!stored)
        return std::unexpected(stored.error());
    QList<Assessment> next = *stored;
    const auto isBooks = [&](const Assessment& a) { return a.subject == m_book.subject && a.term == m_book.term; };
    const bool hadMarks = std::ranges::any_of(*stored, isBooks);
    // The row's regular marks are the whole list: a stored one the row no longer has goes.
    if (!g.regularSeqs.isEmpty())
        next.removeIf([&](const Assessment& a) {
            return isBooks(a) && a.item == u"regular"_qs && !g.regularSeqs.contains(a.seq);
        });
    for (Assessment mark : g.marks) {
        mark.value = text::normalized(mark.value);
        auto it = std::ranges::find_if(next, [&](const Assessment& a) { return sameSlot(a, mark); });
        if (it == next.end())
            next.append(mark);
        else
            it->value = mark.value;
    }
    QList<Assessment> before = *stored;
    std::ranges::sort(before, slotOrder);
    std::ranges::sort(next, slotOrder);
    if (next == before) {
        ++m_report.unchanged;
        return {};
    }
    // Each row in its own savepoint: a row the store refuses leaves nothing of itself behind.
    store::Transaction rowTx(m_db);
    if (!rowTx.began())
        return rowTx.began();
    if (auto s = m_students.replaceAssessments(entry.section.id, next); !s) {
        if (s.error().code != ErrorCode::RecordLocked)
            return s;
        reject(row, {}, u"locked"_qs, s.error().message);
        return {};
    }
    if (auto s = rowTx.commit(); !s)
        return s;
    ++(hadMarks ? m_report.updated : m_report.added);
    return {};
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
                        .arg(headerSearchRows));
    auto book = resolveBook(db, options, readTitle(sheet, columns->firstHeaderRow));
    if (!book)
        return std::unexpected(book.error());
    if (auto s = permit(db, actor, Right::WriteGrades,
                        RightScope::ofSubject(book->year, book->cls.id, book->subject, book->level));
        !s)
        return std::unexpected(s.error());
    const bool primary = book->level == SchoolLevel::Primary;
    if (primary ? !columns->hasPrimaryMarks() : !columns->hasThcsMarks())
        return fail(ErrorCode::InvalidInput,
                    primary ? GradeText::tr("Class %1 is a primary class, but the file has no \"Mức đạt được\", "
                                            "\"Điểm KTĐK\" or \"Nhận xét\" column.")
                                  .arg(book->cls.name)
                            : GradeText::tr("Class %1 is a THCS class, but the file has no \"ĐĐGtx\", \"ĐĐGgk\", "
                                            "\"ĐĐGck\" or \"Nhận xét\" column.")
                                  .arg(book->cls.name));
    ImportBatch batch(db, actor);
    if (!batch.began())
        return std::unexpected(batch.began().error());
    auto roster = store::StudentRepository(db).roster(book->cls.id);
    if (!roster)
        return std::unexpected(roster.error());
    GradeImporter importer(db, sheet, *columns, *book, ClassIndex(std::move(*roster)));
    if (auto s = importer.run(); !s)
        return std::unexpected(s.error());
    const QString scope = QStringLiteral("year=%1 class=%2 subject=%3 term=%4")
                              .arg(book->year.toString(), book->cls.name, book->subject, book->term);
    return batch.finish(
        {QStringLiteral("import.grades"), options.fileName, fileDigest, scope, options.dryRun, options.allOrNothing},
        {importer.report(), importer.rows(), 0});
}

} // namespace hocba::lifecycle

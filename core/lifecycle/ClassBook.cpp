// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/ClassBook.h"

#include "lifecycle/StudentColumns.h"

#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace hocba::lifecycle {

namespace {

struct BookText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::ClassBook)
};

ColumnKind classifyCell(const QString& cell, const BookClassifier& classify)
{
    const QString key = foldedHeader(cell);
    if (key.isEmpty())
        return {};
    for (int f = 0; f < IdentityFieldCount; ++f)
        if (identityAliases()[f].contains(key))
            return {f, 0};
    if (student_columns::aliases()[student_columns::RegistrationNumber].contains(key))
        return {IdSchoolCode, 0};
    return classify(key);
}

/**
 * The second row of a two-row header (VnEdu: "ĐĐGtx" above "TX1 TX2 …", "Họ và tên" above "Họ đệm · Tên", "Buổi
 * nghỉ" above "P · K · Tổng"). A data row is not one: it has a date, or a name under the name column.
 */
bool isSubHeader(const QStringList& top, const QStringList& cells, const BookClassifier& classify)
{
    bool named = false;
    for (int col = 0; col < cells.size(); ++col) {
        const QString& cell = cells.at(col);
        if (parseBirthDate(cell.trimmed()).isValid())
            return false;
        const bool known = classifyCell(cell, classify).known();
        if (!known && !cell.trimmed().isEmpty() && classifyCell(top.value(col), classify).field == IdFullName)
            return false;
        named = named || known;
    }
    return named;
}

BookColumns columnsAt(const sheets::Sheet& sheet, int r, const BookClassifier& classify, int fieldCount)
{
    BookColumns c;
    c.firstHeaderRow = c.headerIndex = r;
    c.index.fill(-1, fieldCount);
    const QStringList& top = sheet.rows.at(r).cells;
    const QStringList sub = r + 1 < sheet.rows.size() ? sheet.rows.at(r + 1).cells : QStringList();
    const bool twoRows = isSubHeader(top, sub, classify);
    if (twoRows)
        c.headerIndex = r + 1;
    const qsizetype width = std::max(top.size(), twoRows ? sub.size() : qsizetype(0));
    for (int col = 0; col < width; ++col) {
        ColumnKind kind;
        QString name = top.value(col).trimmed();
        if (twoRows && !sub.value(col).trimmed().isEmpty()) {
            kind = classifyCell(sub.value(col), classify);
            if (kind.known())
                name = sub.value(col).trimmed();
        }
        if (!kind.known())
            kind = classifyCell(top.value(col), classify);
        c.names.append(name);
        if (kind.seq > 0 && !c.series.contains(kind.seq))
            c.series.insert(kind.seq, col);
        else if (kind.field >= 0 && kind.field < fieldCount && c.index[kind.field] < 0)
            c.index[kind.field] = col;
    }
    return c;
}

/** Whether a row names the student by itself: a title row above a header is not the header's first row. */
bool namesStudent(const QStringList& cells, const BookClassifier& classify)
{
    return std::ranges::any_of(cells, [&](const QString& cell) {
        const int f = classifyCell(cell, classify).field;
        return f == IdFullName || f == IdFamilyAndMiddle;
    });
}

void readTitleCell(const QString& f, BookTitle& t)
{
    static const QRegularExpression year(QStringLiteral(R"(nam hoc\s*:?\s*(\d{4})\s*[-–]\s*(\d{4}))"));
    static const QRegularExpression term(QStringLiteral(R"(hoc k[yi]\s*:?\s*(ii|i|1|2)\b)"));
    static const QRegularExpression cls(QStringLiteral(R"((?:^|[^a-z])lop\s*:?\s*(\d{1,2}[a-z0-9.]*))"));
    if (auto m = year.match(f); m.hasMatch() && !t.year)
        t.year = SchoolYear::fromString(m.captured(1) + u'-' + m.captured(2));
    if (auto m = term.match(f); m.hasMatch() && t.term.isEmpty())
        t.term = (m.captured(1) == u"ii"_qs || m.captured(1) == u"2"_qs) ? u"hk2"_qs : u"hk1"_qs;
    else if (f.contains(u"ca nam"_qs) && t.term.isEmpty())
        t.term = u"cn"_qs;
    if (auto m = cls.match(f); m.hasMatch() && t.className.isEmpty() && m.captured(1).size() > 1)
        t.className = m.captured(1).toUpper();
}

bool sameSlot(const Assessment& a, const Assessment& b)
{
    return a.subject == b.subject && a.term == b.term && a.item == b.item && a.seq == b.seq;
}

bool slotOrder(const Assessment& a, const Assessment& b)
{
    return std::tie(a.subject, a.term, a.item, a.seq) < std::tie(b.subject, b.term, b.item, b.seq);
}

} // namespace

std::optional<BookColumns> findBookHeader(const sheets::Sheet& sheet, const BookClassifier& classify, int fieldCount,
                                          const std::function<bool(const BookColumns&)>& accept)
{
    for (int r = 0; r < std::min<int>(headerSearchRows, sheet.rows.size()); ++r) {
        if (!namesStudent(sheet.rows.at(r).cells, classify))
            continue;
        BookColumns c = columnsAt(sheet, r, classify, fieldCount);
        if (c.named() && accept(c))
            return c;
    }
    return std::nullopt;
}

BookTitle readBookTitle(const sheets::Sheet& sheet, int headerRow)
{
    BookTitle t;
    for (int r = 0; r < headerRow; ++r)
        for (const QString& cell : sheet.rows.at(r).cells)
            if (!cell.trimmed().isEmpty()) {
                t.folded.append(foldedHeader(cell));
                readTitleCell(t.folded.last(), t);
            }
    return t;
}

Result<ClassBook> resolveClassBook(store::Database& db, const std::optional<SchoolYear>& year, const QString& className,
                                   const BookTitle& title)
{
    if (year && title.year && *year != *title.year)
        return fail(ErrorCode::InvalidInput,
                    BookText::tr("The file's title says it is for the school year %1, but the import is for %2. "
                                 "Nothing was imported: choose the file of %2, or the year %1.")
                        .arg(title.year->toString(), year->toString()));
    if (!year && !title.year)
        return fail(ErrorCode::InvalidInput,
                    BookText::tr("Say which school year the file is for (its title names none)."));
    ClassBook book;
    book.year = year ? *year : *title.year;
    const QString name = className.isEmpty() ? title.className : className.trimmed().toUpper();
    if (name.isEmpty())
        return fail(ErrorCode::InvalidInput,
                    BookText::tr("Say which class the file is for (its title names none), for example 6A1."));
    auto cls = store::SchoolRepository(db).classByName(book.year, text::normalized(name));
    if (!cls)
        return std::unexpected(cls.error());
    if (!*cls)
        return fail(
            ErrorCode::NotFound,
            BookText::tr("There is no class %1 in %2. Import the class list first.").arg(name, book.year.toString()));
    book.cls = **cls;
    book.level = levelOfGrade(book.cls.grade).value_or(SchoolLevel::Thcs);
    return book;
}

QString parseLevel(const QString& cell, const QList<QPair<QStringList, QString>>& levels)
{
    const QString key = foldedHeader(cell);
    for (const auto& [spellings, code] : levels)
        if (spellings.contains(key))
            return code;
    return {};
}

ClassBookRows::ClassBookRows(store::Database& db, const sheets::Sheet& sheet, const BookColumns& columns,
                             const ClassBook& book, QList<RosterEntry> roster)
    : m_db(db)
    , m_sheet(sheet)
    , m_columns(columns)
    , m_book(book)
    , m_entries(std::move(roster))
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Student& s = m_entries.at(i).student;
        if (!s.personalId.isEmpty())
            m_byPersonalId.insert(s.personalId, i);
        if (!s.moetCode.isEmpty())
            m_byMoetCode.insert(s.moetCode, i);
        if (!s.registrationNumber.isEmpty())
            m_bySchoolCode.insert(s.registrationNumber, i);
        m_byNameAndBirth.insert(nameKey(s.fullName, s.birthDate), i);
        m_byName.insert(nameKey(s.fullName, QDate()), i);
    }
}

QString ClassBookRows::name(const sheets::SheetRow& row) const
{
    const QString full = m_columns.value(row, IdFullName);
    return full.isEmpty()
        ? (m_columns.value(row, IdFamilyAndMiddle) + u' ' + m_columns.value(row, IdGivenName)).simplified()
        : full;
}

std::variant<RowIdentity, ImportProblem> ClassBookRows::identity(const sheets::SheetRow& row) const
{
    RowIdentity who;
    who.name = name(row);
    if (who.name.isEmpty())
        return problem(row, m_columns.name(IdFullName), u"name"_qs, BookText::tr("The student's name is missing."));
    if (const QString birth = m_columns.value(row, IdBirthDate); !birth.isEmpty()) {
        who.birthDate = parseBirthDate(birth);
        if (!who.birthDate.isValid())
            return problem(row, m_columns.name(IdBirthDate), u"birth_date"_qs,
                           BookText::tr("\"%1\" is not a date as dd/mm/yyyy.").arg(birth));
    }
    who.personalId = m_columns.value(row, IdPersonalId);
    who.moetCode = m_columns.value(row, IdMoetCode);
    who.schoolCode = m_columns.value(row, IdSchoolCode);
    return who;
}

ImportProblem ClassBookRows::problem(const sheets::SheetRow& row, const QString& column, const QString& code,
                                     const QString& message) const
{
    return {m_sheet.name, row.number, column, code, message};
}

std::variant<qsizetype, ImportProblem> ClassBookRows::match(const sheets::SheetRow& row, const RowIdentity& g) const
{
    const auto unique = [&](const QList<qsizetype>& found) -> std::variant<qsizetype, ImportProblem> {
        if (found.size() > 1)
            return problem(row, m_columns.name(IdFullName), u"ambiguous"_qs,
                           BookText::tr("%1 students of class %2 have this name; add their personal ID or birth "
                                        "date to the file.")
                               .arg(found.size())
                               .arg(m_book.cls.name));
        return found.isEmpty() ? qsizetype(-1) : found.first();
    };
    std::variant<qsizetype, ImportProblem> found = qsizetype(-1);
    if (!g.personalId.isEmpty() && m_byPersonalId.contains(g.personalId))
        found = m_byPersonalId.value(g.personalId);
    else if (!g.moetCode.isEmpty() && m_byMoetCode.contains(g.moetCode))
        found = m_byMoetCode.value(g.moetCode);
    else if (!g.schoolCode.isEmpty() && m_bySchoolCode.contains(g.schoolCode))
        found = m_bySchoolCode.value(g.schoolCode);
    else if (g.birthDate.isValid())
        found = unique(m_byNameAndBirth.values(nameKey(g.name, g.birthDate)));
    else
        found = unique(m_byName.values(nameKey(g.name, QDate())));
    if (std::holds_alternative<ImportProblem>(found))
        return found;
    const qsizetype i = std::get<qsizetype>(found);
    if (i < 0)
        return problem(row, m_columns.name(IdFullName), u"not_found"_qs,
                       BookText::tr("No student of class %1 in %2 has this name and these identifiers. Check the "
                                    "row, or import the class list first.")
                           .arg(m_book.cls.name, m_book.year.toString()));
    const Student& s = m_entries.at(i).student;
    if (!g.personalId.isEmpty() && !s.personalId.isEmpty() && g.personalId != s.personalId)
        return problem(row, m_columns.name(IdPersonalId), u"mismatch"_qs,
                       BookText::tr("The school file has this student with another personal ID."));
    return i;
}

Status ClassBookRows::importRows(const ValueReader& read, const SlotTest& owns, const DropTest& drop,
                                 ImportReport& report, QList<ImportRow>& lines)
{
    // A student named twice in one book: which row is right is the teacher's call, so neither row is written.
    for (int r = m_columns.headerIndex + 1; r < m_sheet.rows.size(); ++r) {
        const sheets::SheetRow& row = m_sheet.rows.at(r);
        if (isBlank(row))
            continue;
        const auto who = identity(row);
        if (const auto* w = std::get_if<RowIdentity>(&who)) {
            const auto matched = match(row, *w);
            if (const auto* i = std::get_if<qsizetype>(&matched))
                m_rowsOf[*i].append(row.number);
        }
    }
    return importDataRows<BookRow>(
        m_sheet, m_columns.headerIndex, report, lines,
        [&](const sheets::SheetRow& row) -> std::variant<BookRow, ImportProblem> {
            auto who = identity(row);
            if (auto* p = std::get_if<ImportProblem>(&who))
                return *p;
            BookRow r {std::get<RowIdentity>(who), {}};
            if (auto p = read(row, r.values))
                return *p;
            return r;
        },
        [&](const sheets::SheetRow& row, const BookRow& r) {
            return write(
                row, r.who, r.values, owns, [&](const Assessment& a) { return drop(r.values, a); }, report);
        },
        [&](const sheets::SheetRow& row) { return name(row); });
}

Status ClassBookRows::write(const sheets::SheetRow& row, const RowIdentity& who, const QList<Assessment>& values,
                            const SlotTest& owns, const SlotTest& drop, ImportReport& report)
{
    auto matched = match(row, who);
    if (auto* p = std::get_if<ImportProblem>(&matched)) {
        report.rejected.append(*p);
        return {};
    }
    const qsizetype i = std::get<qsizetype>(matched);
    if (QList<int> others = m_rowsOf.value(i); others.size() > 1) {
        others.removeAll(row.number);
        QStringList numbers;
        for (int other : others)
            numbers << QString::number(other);
        report.rejected.append(problem(
            row, m_columns.name(IdFullName), u"duplicate"_qs,
            BookText::tr("The same student as row %1: none of these rows is imported; keep one and import again.")
                .arg(numbers.join(u", "_qs))));
        return {};
    }
    const RosterEntry& entry = m_entries.at(i);
    if (entry.section.state != SectionState::Draft && entry.section.state != SectionState::Ready) {
        report.rejected.append(
            problem(row, {}, u"locked"_qs,
                    BookText::tr("This student's record for %1 is already signed or locked; it cannot change.")
                        .arg(m_book.year.toString())));
        return {};
    }
    return replace(row, entry, values, owns, drop, report);
}

Status ClassBookRows::replace(const sheets::SheetRow& row, const RosterEntry& entry, const QList<Assessment>& values,
                              const SlotTest& owns, const SlotTest& drop, ImportReport& report)
{
    store::StudentRepository students(m_db);
    auto stored = students.assessments(entry.section.id);
    if (!stored)
        return std::unexpected(stored.error());
    QList<Assessment> next = *stored;
    const bool hadValues = std::ranges::any_of(*stored, owns);
    next.removeIf(drop);
    for (Assessment value : values) {
        value.value = text::normalized(value.value);
        auto it = std::ranges::find_if(next, [&](const Assessment& a) { return sameSlot(a, value); });
        if (it == next.end())
            next.append(value);
        else
            it->value = value.value;
    }
    QList<Assessment> before = *stored;
    std::ranges::sort(before, slotOrder);
    std::ranges::sort(next, slotOrder);
    if (next == before) {
        ++report.unchanged;
        return {};
    }
    auto locked = lockedChange(before, next);
    if (!locked)
        return std::unexpected(locked.error());
    if (!locked->isEmpty()) {
        report.rejected.append(problem(row, {}, u"entry_locked"_qs, *locked));
        return {};
    }
    // Each row in its own savepoint: a row the store refuses leaves nothing of itself behind.
    store::Transaction rowTx(m_db);
    if (!rowTx.began())
        return rowTx.began();
    if (auto s = students.replaceAssessments(entry.section.id, next); !s) {
        if (s.error().code != ErrorCode::RecordLocked)
            return s;
        report.rejected.append(problem(row, {}, u"locked"_qs, s.error().message));
        return {};
    }
    if (auto s = rowTx.commit(); !s)
        return s;
    ++(hadValues ? report.updated : report.added);
    return {};
}

Result<QString> ClassBookRows::lockedChange(const QList<Assessment>& stored, const QList<Assessment>& next)
{
    if (!m_locks) {
        auto set = EntryLockSet::load(m_db, m_book.year);
        if (!set)
            return std::unexpected(set.error());
        m_locks = std::move(*set);
    }
    if (m_locks->isEmpty())
        return QString();
    const auto key = [](const Assessment& a) { return std::tuple(a.subject, a.term, a.item, a.seq); };
    QMap<std::tuple<QString, QString, QString, int>, QString> was;
    for (const Assessment& a : stored)
        was.insert(key(a), a.value);
    QList<const Assessment*> changed;
    for (const Assessment& a : next) {
        const auto it = was.constFind(key(a));
        if (it == was.constEnd() || *it != a.value)
            changed.append(&a);
        if (it != was.constEnd())
            was.erase(it);
    }
    for (const Assessment& a : stored) // what `next` no longer has is removed: a change too
        if (was.contains(key(a)))
            changed.append(&a);
    for (const Assessment* a : changed)
        if (const EntryLock* l
            = m_locks->covering({m_book.year, m_book.cls.grade, m_book.cls.id, a->subject, a->term, a->item}))
            return m_locks->refusal(*l);
    return QString();
}

} // namespace hocba::lifecycle

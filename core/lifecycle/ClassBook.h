// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the grade book and the homeroom book imports share (internal to lifecycle): a book is one class's sheet with
// title rows (Năm học, Lớp, Học kỳ), a header found by content, one row per student of the class, and values that
// become the store's assessment rows of the student's year section.

#include "domain/Overview.h"
#include "domain/Types.h"
#include "lifecycle/EntryLocks.h"
#include "lifecycle/ImportColumns.h"
#include "lifecycle/ImportReport.h"
#include "sheets/Sheet.h"
#include "util/Error.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <functional>
#include <optional>
#include <variant>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** The school's own code (số đăng bộ) is read by every book; a book's own fields are numbered from BookFieldBase. */
constexpr int IdSchoolCode = IdentityFieldCount;
constexpr int BookFieldBase = IdentityFieldCount + 1;

/** What a header cell names: a field, or a numbered column of a series (seq > 0, e.g. TX1), or nothing. */
struct ColumnKind
{
    int field = -1;
    int seq = 0;

    bool known() const { return field >= 0 || seq > 0; }
};

/** A book's own columns: a folded header cell → its kind (identity columns are recognised before it is asked). */
using BookClassifier = std::function<ColumnKind(const QString& folded)>;

struct BookColumns
{
    int firstHeaderRow = -1; ///< title rows are above it
    int headerIndex = -1; ///< the last header row (of two when the header has sub-columns)
    QList<int> index; ///< field → column, -1 when absent
    QMap<int, int> series; ///< seq → column
    QStringList names;

    bool has(int f) const { return index.value(f, -1) >= 0; }
    QString columnName(int column) const { return names.value(column); }
    QString name(int f) const { return has(f) ? names.value(index[f]) : QString(); }
    QString value(const sheets::SheetRow& row, int f) const { return cellText(row, index.value(f, -1)); }
    bool named() const { return has(IdFullName) || (has(IdFamilyAndMiddle) && has(IdGivenName)); }
};

/**
 * The first of the first rows that names the student and for which `accept` says the book's columns are there; a
 * cell must equal an alias. `fieldCount` is one past the book's last field.
 */
std::optional<BookColumns> findBookHeader(const sheets::Sheet& sheet, const BookClassifier& classify, int fieldCount,
                                          const std::function<bool(const BookColumns&)>& accept);

/** What the title rows above the header say about the book. */
struct BookTitle
{
    std::optional<SchoolYear> year;
    QString className;
    QString term; ///< "hk1", "hk2" or "cn" when the title names one
    QStringList folded; ///< every title cell, folded, for what a book reads beyond these
};

BookTitle readBookTitle(const sheets::Sheet& sheet, int headerRow);

/** The class a book is for. */
struct ClassBook
{
    SchoolYear year;
    ClassGroup cls;
    SchoolLevel level = SchoolLevel::Thcs;
};

/**
 * The year and class from the caller first and the title second; a title naming another year than the caller's
 * refuses the whole file.
 */
Result<ClassBook> resolveClassBook(store::Database& db, const std::optional<SchoolYear>& year, const QString& className,
                                   const BookTitle& title);

/** A spelling of a level to its code ("Hoàn thành tốt" → "T"); empty when it is none of `levels`. */
QString parseLevel(const QString& cell, const QList<QPair<QStringList, QString>>& levels);

/** Whom a data row names. */
struct RowIdentity
{
    QString name;
    QDate birthDate;
    QString personalId;
    QString moetCode;
    QString schoolCode;
};

/** One data row read and checked: whom it names and the values it gives (empty cells give none). */
struct BookRow
{
    RowIdentity who;
    QList<Assessment> values;
};

/** Reads a row's values into the list, or says what rejects the row. */
using ValueReader = std::function<std::optional<ImportProblem>(const sheets::SheetRow&, QList<Assessment>&)>;
using SlotTest = std::function<bool(const Assessment&)>;
/** Whether a stored row goes, given the values a row of the file gives. */
using DropTest = std::function<bool(const QList<Assessment>& given, const Assessment& stored)>;

/**
 * Reads whom a row names (ImportProblem when the name is missing or the birth date does not parse) and matches it
 * to a student of the class: by personal ID, then MOET code, then school code, then name and birth date (name alone
 * when the file has none).
 */
class ClassBookRows
{
public:
    ClassBookRows(store::Database& db, const sheets::Sheet& sheet, const BookColumns& columns, const ClassBook& book,
                  QList<RosterEntry> roster);

    QString name(const sheets::SheetRow& row) const;
    std::variant<RowIdentity, ImportProblem> identity(const sheets::SheetRow& row) const;
    ImportProblem problem(const sheets::SheetRow& row, const QString& column, const QString& code,
                          const QString& message) const;

    /**
     * Walks the book's data rows (importDataRows): reads whom each names and, by `read`, what it gives, and writes it
     * (write()); each row's line of the preview goes to `lines`.
     */
    Status importRows(const ValueReader& read, const SlotTest& owns, const DropTest& drop, ImportReport& report,
                      QList<ImportRow>& lines);

    /**
     * Writes `values` into the section of the student the row names: each value replaces the stored one of its slot
     * (subject, term, item, seq); a stored row for which `drop` says yes goes. Counts the row in `report` as added
     * (nothing of the book was stored, by `owns`), updated or unchanged, or rejects it whole (no such student, the
     * same student as an earlier row, a signed or locked section, or a value it would change under a lock on entry:
     * EntryLockSet, loaded once per book). An error is the store failing.
     */
    Status write(const sheets::SheetRow& row, const RowIdentity& who, const QList<Assessment>& values,
                 const std::function<bool(const Assessment&)>& owns, const std::function<bool(const Assessment&)>& drop,
                 ImportReport& report);

private:
    std::variant<qsizetype, ImportProblem> match(const sheets::SheetRow& row, const RowIdentity& who) const;
    Status replace(const sheets::SheetRow& row, const RosterEntry& entry, const QList<Assessment>& values,
                   const SlotTest& owns, const SlotTest& drop, ImportReport& report);

    /** The refusal of the first lock on entry that covers a slot `stored` → `next` changes; empty when none. */
    Result<QString> lockedChange(const QList<Assessment>& stored, const QList<Assessment>& next);

    store::Database& m_db;
    std::optional<EntryLockSet> m_locks;
    const sheets::Sheet& m_sheet;
    const BookColumns& m_columns;
    const ClassBook& m_book;
    QList<RosterEntry> m_entries;
    QHash<QString, qsizetype> m_byPersonalId;
    QHash<QString, qsizetype> m_byMoetCode;
    QHash<QString, qsizetype> m_bySchoolCode;
    QMultiHash<QString, qsizetype> m_byNameAndBirth;
    QMultiHash<QString, qsizetype> m_byName;
    QHash<qsizetype, QList<int>> m_rowsOf; ///< entry → the rows of the file that name it
};

} // namespace hocba::lifecycle

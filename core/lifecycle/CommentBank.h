// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The school's comment bank (issue 14, WORKFLOWS.md §3 and §7 item 8; docs/comment-bank.md): coded phrases teachers
// pick or get suggested for a comment cell, filtered by subject, level, grade, term and mark band; the school's house
// style (a leading "Em" or not, banned words, a soft maximum length) with its warnings; the check for identical
// comments across a class; and the plan of a bulk fill into a grid's comment column (empty cells only unless the
// teacher asks to overwrite). Reading is for everyone; changes need Right::ManageSchool and are audited.

#include "domain/Types.h"
#include "lifecycle/Actor.h"
#include "lifecycle/EntryGrid.h"
#include "util/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hocba::store {
class Database;
}

namespace hocba::lifecycle {

/** The bank's subject for the homeroom teacher's comment (the store's homeroom rows have an empty subject). */
inline constexpr auto kHomeroomCommentSubject = "homeroom";

/** One entry of the bank. An empty filter field means "any". */
struct CommentEntry
{
    Id id = 0;
    QString code; ///< short and unique in the school, e.g. "T01"
    QString text;
    /** A subject code ("toan"), a quality "q.<code>" or competency "c.<code>", "q" or "c" for any quality or
     * competency, "homeroom" for the homeroom teacher's comment, or empty for any. */
    QString subject;
    std::optional<SchoolLevel> level; ///< empty: primary and THCS
    int grade = 0; ///< 1–9, or 0 for any grade
    QString term; ///< gk1, ck1, gk2, cn (primary), hk1, hk2, cn (THCS: the year), or empty for any
    QString band; ///< T, H, C, Đ, CĐ, Tốt, Khá, Đạt, Chưa đạt, or empty for any
    friend bool operator==(const CommentEntry&, const CommentEntry&) = default;
};

/** What a comment is for: the entries that suit it. Empty fields ask nothing. */
struct CommentFilter
{
    QString subject;
    std::optional<SchoolLevel> level;
    int grade = 0;
    QString term;
    QString band;
    QString search; ///< words the code or text must contain (case and accents ignored)
};

/** The mark bands an entry may suit, in the order the dialogs list them. */
const QStringList& commentBands();
/** The terms an entry may suit. */
const QStringList& commentTerms();

/** The bank's entries that suit `filter` (an entry's "any" suits every value), ordered by code. */
Result<QList<CommentEntry>> commentEntries(store::Database& db, const CommentFilter& filter = {});

/** Adds an entry (ManageSchool); its code must be new. Returns its id. */
Result<Id> addComment(store::Database& db, const Actor& actor, const CommentEntry& entry);
/** Changes the entry `entry.id` (ManageSchool). */
Status updateComment(store::Database& db, const Actor& actor, const CommentEntry& entry);
/** Removes an entry by id (ManageSchool). */
Status removeComment(store::Database& db, const Actor& actor, Id id);
/** The id of the entry with `code`, NotFound otherwise. */
Result<Id> commentIdByCode(store::Database& db, const QString& code);

/** The default bank from WORKFLOWS.md §3.3 (written without "Em"), as entries without ids. */
QList<CommentEntry> defaultCommentBank();
/**
 * Adds the default bank's entries whose codes the school's bank does not have yet (ManageSchool, one transaction);
 * never into a file by itself. Returns how many were added.
 */
Result<int> seedDefaultBank(store::Database& db, const Actor& actor);

/** How the school writes comments. */
enum class LeadingEm {
    Free, ///< as written
    Always, ///< every comment starts with "Em"
    Never, ///< no comment starts with "Em"
};

struct HouseStyle
{
    LeadingEm leadingEm = LeadingEm::Free;
    QStringList bannedWords; ///< words or phrases that must not appear (case ignored)
    int maxLength = 120; ///< soft: longer comments get a warning, 20–500
    friend bool operator==(const HouseStyle&, const HouseStyle&) = default;
};

/** "free", "always", "never" and back. */
QString toCode(LeadingEm rule);
std::optional<LeadingEm> leadingEmFromCode(const QString& code);

/** The school's house style (the defaults when none is set). */
Result<HouseStyle> houseStyle(store::Database& db);
/** Sets the house style (ManageSchool); audited. */
Status setHouseStyle(store::Database& db, const Actor& actor, const HouseStyle& style);

/**
 * The text as the house style writes it: spaces tidied, "Em " put in front (and the next letter lowered) or taken
 * away (and the next letter raised) by the "Em" rule. Banned words and length are not changed: see styleWarnings.
 */
QString applyHouseStyle(const HouseStyle& style, const QString& text);
/** What the house style says about a text, translated, one sentence each: banned words, too long, the "Em" rule. */
QStringList styleWarnings(const HouseStyle& style, const QString& text);

/** One suggestion: the entry and its text in the house style. */
struct CommentSuggestion
{
    CommentEntry entry;
    QString text;
    int rank = 0; ///< higher suits better
};

/**
 * How well an entry suits a filter: -1 when it does not, else higher for each field that matches exactly rather than
 * through "any" (the subject counts most, then the term and the band, then the grade and the level).
 */
int commentRank(const CommentEntry& entry, const CommentFilter& filter);
/** The entries that suit `filter`, best first (then by code), at most `limit`, in the house style. */
QList<CommentSuggestion> rankComments(const QList<CommentEntry>& entries, const CommentFilter& filter,
                                      const HouseStyle& style, int limit = 50);
/** rankComments over the school's bank and house style. */
Result<QList<CommentSuggestion>> suggestComments(store::Database& db, const CommentFilter& filter, int limit = 50);

/** Pupils (row numbers) sharing one comment. */
struct IdenticalComments
{
    QString text;
    QList<int> rows;
};
/**
 * The comments that `minimum` or more of `values` share (compared with spaces tidied and case ignored; empty values
 * left out), the largest group first. The warning on identical comments across a class.
 */
QList<IdenticalComments> identicalComments(const QStringList& values, int minimum = 2);

/** From how many pupils sharing one comment the desktop and the CLI warn. */
inline constexpr int kIdenticalCommentsWarnAt = 3;

/** The identical comments of one column of a class: a subject (or "" for the homeroom comment, "q.…", "c.…") and term.
 */
struct ClassIdenticalComments
{
    QString subject; ///< as stored: "" is the homeroom teacher's comment
    QString term;
    int comments = 0; ///< how many pupils have a comment there
    QList<IdenticalComments> groups; ///< rows index `sections`
    QList<Id> sections; ///< the year sections of the pupils with a comment there
};
/**
 * The stored comments of a class in a school year (current versions only), by subject and term, where `minimum` or
 * more pupils share one text. NotFound when the year has no such class.
 */
Result<QList<ClassIdenticalComments>> identicalCommentsInClass(store::Database& db, SchoolYear year,
                                                               const QString& className,
                                                               int minimum = kIdenticalCommentsWarnAt);

/** The comment filter of a grid's cell: the grid's subject (or homeroom, or the column's quality), level, term, grade
 * and the band of the row's level column for that subject and term, when it has one. */
CommentFilter commentFilterForCell(const EntryGrid& grid, int column, int row);

/** What a bulk fill into one column would do. */
struct BulkFillPlan
{
    QList<CellEdit> edits; ///< to hand to writeCells
    QList<int> rows; ///< the row of each edit
    int filled = 0; ///< empty cells that get a comment
    int overwritten = 0; ///< filled cells whose comment is replaced (only with overwrite)
    int skipped = 0; ///< filled cells left as they are (without overwrite)
    int unchanged = 0; ///< cells that already hold that very text
    int notEditable = 0; ///< rows that are read-only (not a draft, transferred) or a locked column
};

/**
 * The edits that put `text` into column `column` of every row: empty cells only, unless `overwrite`. A column that is
 * not a text column plans nothing.
 */
BulkFillPlan planBulkFill(const EntryGrid& grid, int column, const QString& text, bool overwrite);
/** The same with one text per row (an empty text leaves that row alone). */
BulkFillPlan planBulkFill(const EntryGrid& grid, int column, const QStringList& rowTexts, bool overwrite);

} // namespace hocba::lifecycle

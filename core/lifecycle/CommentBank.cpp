// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/CommentBank.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::CommentBank)
};

constexpr auto kColumns = "id, code, text, subject, level, grade, term, band";

CommentEntry readEntry(const store::Statement& st)
{
    CommentEntry e;
    e.id = st.int64(0);
    e.code = st.text(1);
    e.text = st.text(2);
    e.subject = st.text(3);
    e.level = schoolLevelFromCode(st.text(4));
    e.grade = int(st.int64(5));
    e.term = st.text(6);
    e.band = st.text(7);
    return e;
}

/** Lower case without accents ("Đạt" → "dat"), for search and comparisons people expect to ignore them. */
QString folded(const QString& s)
{
    QString d = s.normalized(QString::NormalizationForm_D).toLower();
    QString out;
    out.reserve(d.size());
    for (QChar c : d) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        out.append(c == QChar(0x0111) ? QChar(u'd') : c);
    }
    return out;
}

/** "year" (TT22's whole year) is the bank's "cn". */
QString bankTerm(const QString& term)
{
    return term == QLatin1String("year") ? QStringLiteral("cn") : term;
}

/** Stored band spellings ("D", "CD") as the bank writes them. */
QString bankBand(const QString& band)
{
    const QString b = text::normalized(band);
    if (b.compare(QLatin1String("D"), Qt::CaseInsensitive) == 0 || b == QStringLiteral("đ"))
        return QStringLiteral("Đ");
    if (b.compare(QLatin1String("CD"), Qt::CaseInsensitive) == 0
        || b.compare(QStringLiteral("CĐ"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("CĐ");
    for (const QString& known : commentBands())
        if (known.compare(b, Qt::CaseInsensitive) == 0)
            return known;
    return b;
}

/** The entry checked and tidied for storing, or a translated refusal. */
Result<CommentEntry> checkedEntry(const CommentEntry& in)
{
    CommentEntry e = in;
    e.code = text::normalized(e.code);
    e.text = text::normalized(e.text);
    e.subject = text::normalized(e.subject);
    e.term = bankTerm(text::normalized(e.term));
    e.band = e.band.isEmpty() ? QString() : bankBand(e.band);
    static const QRegularExpression code(QStringLiteral("^[\\p{L}0-9._-]{1,16}$"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    if (!code.match(e.code).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The code \"%1\" cannot be used: write 1 to 16 letters or digits, e.g. T01.").arg(e.code));
    if (e.text.isEmpty())
        return fail(ErrorCode::InvalidInput, Text::tr("Write the text of the comment."));
    if (e.text.size() > 500)
        return fail(ErrorCode::InvalidInput, Text::tr("A comment in the bank may be at most 500 characters long."));
    if (e.grade < 0 || e.grade > 9)
        return fail(ErrorCode::InvalidInput, Text::tr("The grade must be from 1 to 9, or empty for every grade."));
    if (!e.term.isEmpty() && !commentTerms().contains(e.term))
        return fail(
            ErrorCode::InvalidInput,
            Text::tr("\"%1\" is not a term: use gk1, ck1, gk2, cn (primary) or hk1, hk2, cn (THCS).").arg(e.term));
    if (!e.band.isEmpty() && !commentBands().contains(e.band))
        return fail(
            ErrorCode::InvalidInput,
            Text::tr("\"%1\" is not a level: use one of %2.").arg(e.band, commentBands().join(QStringLiteral(", "))));
    static const QRegularExpression subject(QStringLiteral("^[a-z0-9_.]{0,40}$"));
    if (!subject.match(e.subject).hasMatch())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a subject code: use the codes of the grade book, e.g. toan, ngu_van, "
                             "homeroom.")
                        .arg(e.subject));
    if (e.grade > 0) {
        const auto gradeLevel = levelOfGrade(e.grade);
        if (e.level && gradeLevel && *e.level != *gradeLevel)
            return fail(ErrorCode::InvalidInput, Text::tr("Grade %1 is not in the level chosen.").arg(e.grade));
        e.level = gradeLevel;
    }
    return e;
}

/** What the audit log keeps of an entry (the school's own phrases: no personal data). */
QString auditText(const CommentEntry& e)
{
    return QStringLiteral("%1 | %2 | subject=%3 level=%4 grade=%5 term=%6 band=%7")
        .arg(e.code, e.text, e.subject, e.level ? toCode(*e.level) : QString())
        .arg(e.grade)
        .arg(e.term, e.band);
}

void bindEntry(store::Statement& st, const CommentEntry& e)
{
    st.bind(1, e.code)
        .bind(2, e.text)
        .bind(3, e.subject.isNull() ? QString(u""_qs) : e.subject)
        .bind(4, e.level ? toCode(*e.level) : QString(u""_qs))
        .bind(5, e.grade)
        .bind(6, e.term.isNull() ? QString(u""_qs) : e.term)
        .bind(7, e.band.isNull() ? QString(u""_qs) : e.band);
}

Result<bool> codeTaken(store::Database& db, const QString& code, Id except)
{
    auto st = db.prepare(QStringLiteral("SELECT 1 FROM comment_bank WHERE code = ?1 AND id <> ?2"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, code).bind(2, except);
    return st->step();
}

Status insertEntry(store::Database& db, const Actor& actor, const CommentEntry& e, Id* idOut)
{
    auto st = db.prepare(QStringLiteral("INSERT INTO comment_bank (code, text, subject, level, grade, term, band, "
                                        "created_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                        "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
    if (!st)
        return std::unexpected(st.error());
    bindEntry(*st, e);
    st->bind(8, actor.auditName());
    if (auto s = st->exec(); !s)
        return s;
    const Id id = db.lastInsertId();
    if (idOut)
        *idOut = id;
    return store::AuditLog(db).append(QStringLiteral("comment.add"), QStringLiteral("comment_bank"),
                                      QString::number(id), QStringLiteral("entry"), std::nullopt, auditText(e));
}

Result<CommentEntry> entryById(store::Database& db, Id id)
{
    auto st = db.prepare(QStringLiteral("SELECT %1 FROM comment_bank WHERE id = ?1").arg(QLatin1String(kColumns)));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, id);
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, Text::tr("The comment bank has no such entry."),
                    QStringLiteral("comment_bank %1").arg(id));
    return readEntry(*st);
}

bool subjectSuits(const QString& entry, const QString& wanted, int* points)
{
    if (entry.isEmpty() || wanted.isEmpty())
        return true;
    if (entry == wanted) {
        *points += 100;
        return true;
    }
    // "q" and "c": any quality or competency.
    if ((entry == QLatin1String("q") || entry == QLatin1String("c")) && wanted.startsWith(entry + u'.')) {
        *points += 50;
        return true;
    }
    return false;
}

/** A Level cell's value as the bank's band: the four-level TT22 scale (T, K, D, CD) as Tốt, Khá, Đạt, Chưa đạt;
 * otherwise D, CD as Đ, CĐ (T, H, C unchanged). */
QString bandOfLevel(const GridColumn& column, const QString& value)
{
    const QString v = text::normalized(value).toUpper();
    const bool fourLevels = column.levels.contains(QStringLiteral("K"), Qt::CaseInsensitive);
    if (fourLevels) {
        if (v == QLatin1String("T"))
            return QStringLiteral("Tốt");
        if (v == QLatin1String("K"))
            return QStringLiteral("Khá");
        if (v == QLatin1String("D") || v == QStringLiteral("Đ"))
            return QStringLiteral("Đạt");
        if (v == QLatin1String("CD") || v == QStringLiteral("CĐ"))
            return QStringLiteral("Chưa đạt");
    }
    return bankBand(value);
}

/** A TT22 average ("7.5", "7,5") as its learning level band: Tốt ≥ 8, Khá ≥ 6,5, Đạt ≥ 5, else Chưa đạt. */
QString bandOfAverage(const QString& value)
{
    bool ok = false;
    const double v = QString(value).replace(u',', u'.').toDouble(&ok);
    if (!ok)
        return {};
    if (v >= 8.0)
        return QStringLiteral("Tốt");
    if (v >= 6.5)
        return QStringLiteral("Khá");
    if (v >= 5.0)
        return QStringLiteral("Đạt");
    return QStringLiteral("Chưa đạt");
}

QString tidy(const QString& s)
{
    return text::normalized(s);
}

} // namespace

const QStringList& commentBands()
{
    static const QStringList bands {QStringLiteral("T"),   QStringLiteral("H"),   QStringLiteral("C"),
                                    QStringLiteral("Đ"),   QStringLiteral("CĐ"),  QStringLiteral("Tốt"),
                                    QStringLiteral("Khá"), QStringLiteral("Đạt"), QStringLiteral("Chưa đạt")};
    return bands;
}

const QStringList& commentTerms()
{
    static const QStringList terms {QStringLiteral("gk1"), QStringLiteral("ck1"), QStringLiteral("gk2"),
                                    QStringLiteral("cn"),  QStringLiteral("hk1"), QStringLiteral("hk2")};
    return terms;
}

int commentRank(const CommentEntry& e, const CommentFilter& f)
{
    int points = 0;
    if (!subjectSuits(e.subject, f.subject, &points))
        return -1;
    const QString term = bankTerm(f.term);
    if (!e.term.isEmpty() && !term.isEmpty()) {
        if (e.term != term)
            return -1;
        points += 20;
    }
    const QString band = f.band.isEmpty() ? QString() : bankBand(f.band);
    if (!e.band.isEmpty() && !band.isEmpty()) {
        if (e.band != band)
            return -1;
        points += 20;
    }
    if (e.grade > 0 && f.grade > 0) {
        if (e.grade != f.grade)
            return -1;
        points += 5;
    }
    std::optional<SchoolLevel> level = f.level;
    if (!level && f.grade > 0)
        level = levelOfGrade(f.grade);
    if (e.level && level) {
        if (*e.level != *level)
            return -1;
        points += 2;
    }
    if (!f.search.trimmed().isEmpty()) {
        const QString hay = folded(e.code + u' ' + e.text);
        for (const QString& word : folded(f.search).split(u' ', Qt::SkipEmptyParts))
            if (!hay.contains(word))
                return -1;
    }
    return points;
}

Result<QList<CommentEntry>> commentEntries(store::Database& db, const CommentFilter& filter)
{
    auto st = db.prepare(QStringLiteral("SELECT %1 FROM comment_bank ORDER BY code").arg(QLatin1String(kColumns)));
    if (!st)
        return std::unexpected(st.error());
    QList<CommentEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        CommentEntry e = readEntry(*st);
        if (commentRank(e, filter) >= 0)
            out.append(std::move(e));
    }
    return out;
}

Result<Id> addComment(store::Database& db, const Actor& actor, const CommentEntry& entry)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return std::unexpected(ok.error());
    auto e = checkedEntry(entry);
    if (!e)
        return std::unexpected(e.error());
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    auto taken = codeTaken(db, e->code, 0);
    if (!taken)
        return std::unexpected(taken.error());
    if (*taken)
        return fail(
            ErrorCode::InvalidInput,
            Text::tr("The comment bank already has an entry with the code %1: choose another code.").arg(e->code));
    Id id = 0;
    if (auto s = insertEntry(db, actor, *e, &id); !s)
        return std::unexpected(s.error());
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return id;
}

Status updateComment(store::Database& db, const Actor& actor, const CommentEntry& entry)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    auto e = checkedEntry(entry);
    if (!e)
        return std::unexpected(e.error());
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto old = entryById(db, entry.id);
    if (!old)
        return std::unexpected(old.error());
    auto taken = codeTaken(db, e->code, entry.id);
    if (!taken)
        return std::unexpected(taken.error());
    if (*taken)
        return fail(
            ErrorCode::InvalidInput,
            Text::tr("The comment bank already has an entry with the code %1: choose another code.").arg(e->code));
    if (*old == *e)
        return tx.commit();
    auto st = db.prepare(QStringLiteral("UPDATE comment_bank SET code = ?1, text = ?2, subject = ?3, level = ?4, "
                                        "grade = ?5, term = ?6, band = ?7, "
                                        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?8"));
    if (!st)
        return std::unexpected(st.error());
    bindEntry(*st, *e);
    st->bind(8, entry.id);
    if (auto s = st->exec(); !s)
        return s;
    if (auto s = store::AuditLog(db).append(QStringLiteral("comment.update"), QStringLiteral("comment_bank"),
                                            QString::number(entry.id), QStringLiteral("entry"), auditText(*old),
                                            auditText(*e));
        !s)
        return s;
    return tx.commit();
}

Status removeComment(store::Database& db, const Actor& actor, Id id)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto old = entryById(db, id);
    if (!old)
        return std::unexpected(old.error());
    auto st = db.prepare(QStringLiteral("DELETE FROM comment_bank WHERE id = ?1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, id);
    if (auto s = st->exec(); !s)
        return s;
    if (auto s
        = store::AuditLog(db).append(QStringLiteral("comment.remove"), QStringLiteral("comment_bank"),
                                     QString::number(id), QStringLiteral("entry"), auditText(*old), std::nullopt);
        !s)
        return s;
    return tx.commit();
}

Result<Id> commentIdByCode(store::Database& db, const QString& code)
{
    auto st = db.prepare(QStringLiteral("SELECT id FROM comment_bank WHERE code = ?1"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, text::normalized(code));
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return fail(ErrorCode::NotFound, Text::tr("The comment bank has no entry with the code %1.").arg(code));
    return st->int64(0);
}

Result<int> seedDefaultBank(store::Database& db, const Actor& actor)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return std::unexpected(ok.error());
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    int added = 0;
    for (const CommentEntry& entry : defaultCommentBank()) {
        auto e = checkedEntry(entry);
        if (!e)
            return std::unexpected(e.error());
        auto taken = codeTaken(db, e->code, 0);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            continue;
        if (auto s = insertEntry(db, actor, *e, nullptr); !s)
            return std::unexpected(s.error());
        ++added;
    }
    if (auto s = tx.commit(); !s)
        return std::unexpected(s.error());
    return added;
}

QString toCode(LeadingEm rule)
{
    switch (rule) {
    case LeadingEm::Always:
        return QStringLiteral("always");
    case LeadingEm::Never:
        return QStringLiteral("never");
    case LeadingEm::Free:
        break;
    }
    return QStringLiteral("free");
}

std::optional<LeadingEm> leadingEmFromCode(const QString& code)
{
    for (LeadingEm r : {LeadingEm::Free, LeadingEm::Always, LeadingEm::Never})
        if (toCode(r) == code)
            return r;
    return std::nullopt;
}

Result<HouseStyle> houseStyle(store::Database& db)
{
    auto st = db.prepare(QStringLiteral("SELECT leading_em, banned_words, max_length FROM comment_style WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    HouseStyle s;
    if (!*row)
        return s;
    s.leadingEm = leadingEmFromCode(st->text(0)).value_or(LeadingEm::Free);
    s.bannedWords = st->text(1).split(u'\n', Qt::SkipEmptyParts);
    s.maxLength = int(st->int64(2));
    return s;
}

Status setHouseStyle(store::Database& db, const Actor& actor, const HouseStyle& style)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    if (style.maxLength < 20 || style.maxLength > 500)
        return fail(ErrorCode::InvalidInput, Text::tr("The longest comment must be from 20 to 500 characters."));
    QStringList words;
    for (const QString& w : style.bannedWords) {
        const QString t = text::normalized(w);
        if (!t.isEmpty() && !words.contains(t, Qt::CaseInsensitive))
            words << t;
    }
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto old = houseStyle(db);
    if (!old)
        return std::unexpected(old.error());
    const auto describe = [](const HouseStyle& s) {
        return QStringLiteral("em=%1 max=%2 banned=%3")
            .arg(toCode(s.leadingEm))
            .arg(s.maxLength)
            .arg(s.bannedWords.join(QStringLiteral(", ")));
    };
    HouseStyle next = style;
    next.bannedWords = words;
    auto st = db.prepare(QStringLiteral(
        "INSERT INTO comment_style (id, leading_em, banned_words, max_length, updated_at) VALUES (1, ?1, ?2, ?3, "
        "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) ON CONFLICT (id) DO UPDATE SET leading_em = excluded.leading_em, "
        "banned_words = excluded.banned_words, max_length = excluded.max_length, updated_at = excluded.updated_at"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, toCode(next.leadingEm)).bind(2, words.join(u'\n')).bind(3, next.maxLength);
    if (auto s = st->exec(); !s)
        return s;
    if (auto s
        = store::AuditLog(db).append(QStringLiteral("comment.style"), QStringLiteral("comment_style"),
                                     QStringLiteral("1"), QStringLiteral("style"), describe(*old), describe(next));
        !s)
        return s;
    return tx.commit();
}

namespace {

/** True when the text starts with the word "Em" ("Em nắm…", not "Emily"). */
bool startsWithEm(const QString& t)
{
    if (!t.startsWith(QLatin1String("Em"), Qt::CaseInsensitive))
        return false;
    return t.size() == 2 || !t.at(2).isLetterOrNumber();
}

} // namespace

QString applyHouseStyle(const HouseStyle& style, const QString& text)
{
    QString t = tidy(text);
    if (t.isEmpty())
        return t;
    switch (style.leadingEm) {
    case LeadingEm::Free:
        return t;
    case LeadingEm::Always:
        if (startsWithEm(t))
            return QStringLiteral("Em") + t.mid(2);
        if (t.size() > 1 && t.at(1).isUpper())
            return QStringLiteral("Em ") + t; // an abbreviation or a name in capitals stays as written
        return QStringLiteral("Em ") + t.at(0).toLower() + t.mid(1);
    case LeadingEm::Never: {
        if (!startsWithEm(t))
            return t;
        QString rest = t.mid(2).trimmed();
        while (!rest.isEmpty() && (rest.at(0) == u',' || rest.at(0) == u':'))
            rest = rest.mid(1).trimmed();
        if (rest.isEmpty())
            return rest;
        return rest.at(0).toUpper() + rest.mid(1);
    }
    }
    return t;
}

QStringList styleWarnings(const HouseStyle& style, const QString& text)
{
    QStringList out;
    const QString t = tidy(text);
    if (t.isEmpty())
        return out;
    const QString lower = t.toLower();
    QStringList found;
    for (const QString& word : style.bannedWords) {
        const QString w = tidy(word).toLower();
        if (w.isEmpty())
            continue;
        const QRegularExpression re(
            QStringLiteral("(^|[^\\p{L}\\p{N}])%1($|[^\\p{L}\\p{N}])").arg(QRegularExpression::escape(w)),
            QRegularExpression::UseUnicodePropertiesOption);
        if (re.match(lower).hasMatch())
            found << w;
    }
    if (!found.isEmpty())
        out << Text::tr("The school's house style does not use: %1.").arg(found.join(QStringLiteral(", ")));
    if (t.size() > style.maxLength)
        out << Text::tr("%1 characters: the school keeps comments under %2 (the printed book has little room).")
                   .arg(t.size())
                   .arg(style.maxLength);
    if (style.leadingEm == LeadingEm::Always && !startsWithEm(t))
        out << Text::tr("The school's comments start with \"Em\".");
    if (style.leadingEm == LeadingEm::Never && startsWithEm(t))
        out << Text::tr("The school's comments do not start with \"Em\".");
    return out;
}

QList<CommentSuggestion> rankComments(const QList<CommentEntry>& entries, const CommentFilter& filter,
                                      const HouseStyle& style, int limit)
{
    QList<CommentSuggestion> out;
    for (const CommentEntry& e : entries) {
        const int rank = commentRank(e, filter);
        if (rank < 0)
            continue;
        out.append({e, applyHouseStyle(style, e.text), rank});
    }
    std::stable_sort(out.begin(), out.end(), [](const CommentSuggestion& a, const CommentSuggestion& b) {
        if (a.rank != b.rank)
            return a.rank > b.rank;
        return a.entry.code < b.entry.code;
    });
    if (limit >= 0 && out.size() > limit)
        out.resize(limit);
    return out;
}

Result<QList<CommentSuggestion>> suggestComments(store::Database& db, const CommentFilter& filter, int limit)
{
    auto entries = commentEntries(db);
    if (!entries)
        return std::unexpected(entries.error());
    auto style = houseStyle(db);
    if (!style)
        return std::unexpected(style.error());
    return rankComments(*entries, filter, *style, limit);
}

QList<IdenticalComments> identicalComments(const QStringList& values, int minimum)
{
    QHash<QString, int> index;
    QList<IdenticalComments> groups;
    for (int i = 0; i < values.size(); ++i) {
        const QString t = tidy(values.at(i));
        if (t.isEmpty())
            continue;
        const QString key = t.toLower();
        auto it = index.find(key);
        if (it == index.end()) {
            index.insert(key, int(groups.size()));
            groups.append({t, {i}});
        } else {
            groups[*it].rows.append(i);
        }
    }
    QList<IdenticalComments> out;
    for (const auto& g : groups)
        if (g.rows.size() >= std::max(2, minimum))
            out.append(g);
    std::stable_sort(out.begin(), out.end(), [](const IdenticalComments& a, const IdenticalComments& b) {
        return a.rows.size() > b.rows.size();
    });
    return out;
}

Result<QList<ClassIdenticalComments>> identicalCommentsInClass(store::Database& db, SchoolYear year,
                                                               const QString& className, int minimum)
{
    auto cls = db.prepare(QStringLiteral("SELECT id FROM class WHERE school_year = ?1 AND name = ?2"));
    if (!cls)
        return std::unexpected(cls.error());
    cls->bind(1, year.startYear).bind(2, text::normalized(className));
    auto found = cls->step();
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, Text::tr("There is no class %1 in %2.").arg(className, year.toString()));
    const Id classId = cls->int64(0);
    auto st = db.prepare(QStringLiteral(
        "SELECT a.subject, a.term, a.section_id, a.value FROM assessment a JOIN year_section s ON s.id = a.section_id "
        "WHERE s.class_id = ?1 AND s.school_year = ?2 AND a.item = 'comment' AND s.state NOT IN ('superseded', "
        "'revoked') ORDER BY a.subject, a.term, a.section_id"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, classId).bind(2, year.startYear);
    QList<ClassIdenticalComments> out;
    ClassIdenticalComments current;
    QStringList values;
    bool started = false;
    const auto flush = [&] {
        if (current.sections.isEmpty())
            return;
        current.comments = int(current.sections.size());
        current.groups = identicalComments(values, minimum);
        if (!current.groups.isEmpty())
            out.append(current);
    };
    for (;;) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        const QString subject = st->text(0);
        const QString term = st->text(1);
        if (!started || subject != current.subject || term != current.term) {
            flush();
            current = {subject, term, 0, {}, {}};
            values.clear();
            started = true;
        }
        const QString value = st->text(3);
        if (value.trimmed().isEmpty())
            continue;
        current.sections.append(st->int64(2));
        values.append(value);
    }
    flush();
    return out;
}

CommentFilter commentFilterForCell(const EntryGrid& grid, int column, int row)
{
    CommentFilter f;
    f.level = grid.level;
    if (column < 0 || column >= grid.columns.size())
        return f;
    const GridColumn& col = grid.columns.at(column);
    f.term = bankTerm(col.term.isEmpty() ? grid.term : col.term);
    if (grid.kind == GridKind::Homeroom && col.subject.isEmpty())
        f.subject = QString::fromLatin1(kHomeroomCommentSubject);
    else
        f.subject = col.subject.isEmpty() ? grid.subject : col.subject;
    if (row < 0 || row >= grid.rows.size())
        return f;
    const GridRow& r = grid.rows.at(row);
    f.grade = r.student.section.grade;
    // The band, from the row's other cells, best first: the level (primary) or conduct of this subject and term, the
    // year's conduct worked out by the program (the homeroom comment), the term's computed result (ĐTBmhk as Tốt …
    // Chưa đạt, KQ as Đ/CĐ, the learning result), else the latest assessment level of this subject and term.
    int best = 0;
    for (int c = 0; c < grid.columns.size() && c < r.values.size(); ++c) {
        const GridColumn& other = grid.columns.at(c);
        const QString v = r.values.at(c).trimmed();
        if (c == column || v.isEmpty())
            continue;
        int priority = 0;
        QString band;
        if (other.kind == CellKind::Level && other.subject == col.subject && other.term == col.term) {
            band = bandOfLevel(other, v);
            priority = other.item == QLatin1String("level") || other.item == QLatin1String("conduct") ? 40 : 10;
        } else if (other.kind == CellKind::Computed && (other.subject.isEmpty() || other.subject == col.subject)
                   && (other.term.isEmpty() || other.term == col.term)) {
            band = bandOfAverage(v);
            if (band.isEmpty())
                band = bankBand(v);
            priority = other.item == QLatin1String("=conduct_year") ? 30 : 20;
        }
        if (priority >= best && priority > 0 && commentBands().contains(band)) {
            best = priority;
            f.band = band;
        }
    }
    return f;
}

BulkFillPlan planBulkFill(const EntryGrid& grid, int column, const QStringList& rowTexts, bool overwrite)
{
    BulkFillPlan plan;
    if (column < 0 || column >= grid.columns.size())
        return plan;
    const GridColumn& col = grid.columns.at(column);
    if (col.kind != CellKind::Text)
        return plan;
    for (int row = 0; row < grid.rows.size() && row < rowTexts.size(); ++row) {
        const QString wanted = tidy(rowTexts.at(row));
        if (wanted.isEmpty())
            continue;
        const GridRow& r = grid.rows.at(row);
        const QString current = column < r.values.size() ? r.values.at(column).trimmed() : QString();
        if (!r.editable || col.isLocked()) {
            ++plan.notEditable;
            continue;
        }
        if (tidy(current) == wanted) {
            ++plan.unchanged;
            continue;
        }
        if (!current.isEmpty() && !overwrite) {
            ++plan.skipped;
            continue;
        }
        (current.isEmpty() ? plan.filled : plan.overwritten) += 1;
        CellSlot slot {r.student.section.id, col.subject, col.term, col.item, col.seq};
        plan.edits.append({slot, wanted});
        plan.rows.append(row);
    }
    return plan;
}

BulkFillPlan planBulkFill(const EntryGrid& grid, int column, const QString& text, bool overwrite)
{
    QStringList texts;
    for (qsizetype i = 0; i < grid.rows.size(); ++i)
        texts << text;
    return planBulkFill(grid, column, texts, overwrite);
}

QList<CommentEntry> defaultCommentBank()
{
    // WORKFLOWS.md §3.3 (the design author's own wording), without pronouns: the house style adds "Em" when the
    // school wants it. Codes: T/H/C primary subjects by level, PC qualities, NL general and specific competencies,
    // BM THCS subject teachers, CN homeroom teachers.
    struct Seed
    {
        const char* code;
        const char* subject;
        const char* level;
        const char* term;
        const char* band;
        const char* text;
    };
    static const Seed seeds[] = {
        {"T01", "", "primary", "", "T", "Nắm chắc kiến thức của môn, vận dụng đúng vào bài tập và tình huống mới."},
        {"T02", "toan", "primary", "", "T", "Tính toán nhanh, chính xác; trình bày lời giải gọn và rõ ràng."},
        {"T03", "tieng_viet", "primary", "", "T",
         "Đọc trôi chảy, ngắt nghỉ đúng; viết đúng chính tả, chữ đều và sạch."},
        {"T04", "tieng_viet", "primary", "", "T", "Viết đoạn văn mạch lạc, dùng từ phù hợp, câu văn có hình ảnh."},
        {"T05", "toan", "primary", "", "T", "Giải được bài toán có lời văn, biết tự kiểm tra lại kết quả."},
        {"T06", "ngoai_ngu_1", "primary", "", "T", "Nghe – nói tự tin, dùng đúng các mẫu câu đã học."},
        {"T07", "tin_hoc", "primary", "", "T", "Thao tác máy tính đúng quy trình, hoàn thành sản phẩm theo yêu cầu."},
        {"T08", "khoa_hoc", "primary", "", "T",
         "Quan sát kĩ, giải thích được các hiện tượng quen thuộc bằng kiến thức đã học."},
        {"T09", "lich_su_dia_li", "primary", "", "T",
         "Nhớ các sự kiện, địa danh chính; đọc được lược đồ, bản đồ đơn giản."},
        {"T10", "gdtc", "primary", "", "T", "Thực hiện đúng, đẹp các động tác; tham gia trò chơi vận động tích cực."},
        {"T11", "am_nhac", "primary", "", "T", "Hát đúng giai điệu, thể hiện được sắc thái bài hát."},
        {"T12", "mi_thuat", "primary", "", "T", "Sản phẩm bố cục hợp lí, phối màu hài hoà, có ý riêng."},
        {"T13", "hdtn", "primary", "", "T",
         "Chủ động nhận nhiệm vụ và hoàn thành tốt các hoạt động trải nghiệm của lớp."},
        {"H01", "toan", "primary", "", "H",
         "Hoàn thành yêu cầu cơ bản; cần luyện thêm bảng nhân, chia để tính nhanh hơn."},
        {"H02", "toan", "primary", "", "H",
         "Làm được các bài cơ bản; khi giải toán có lời văn cần đọc kĩ đề trước khi làm."},
        {"H03", "tieng_viet", "primary", "", "H", "Đọc tương đối trôi chảy; cần luyện viết đúng các tiếng có vần khó."},
        {"H04", "tieng_viet", "primary", "", "H", "Viết được câu đủ ý; cần tập dùng dấu câu và sắp xếp ý cho rõ ràng."},
        {"H05", "ngoai_ngu_1", "primary", "", "H",
         "Hiểu bài; cần mạnh dạn phát biểu và luyện đọc từ mới thường xuyên."},
        {"H06", "tin_hoc", "primary", "", "H",
         "Thực hiện được thao tác cơ bản; cần luyện thêm để thao tác nhanh và chính xác hơn."},
        {"H07", "lich_su_dia_li", "primary", "", "H",
         "Nắm được kiến thức chính; cần ghi nhớ các mốc thời gian quan trọng."},
        {"H08", "", "primary", "", "H", "Có tiến bộ so với đầu học kì; cần luyện tập đều đặn ở nhà."},
        {"H09", "mi_thuat", "primary", "", "H", "Hoàn thành sản phẩm; cần cẩn thận hơn ở các chi tiết nhỏ."},
        {"H10", "gdtc", "primary", "", "H", "Tham gia đầy đủ; cần tập trung hơn khi thực hiện động tác mới."},
        {"H11", "", "primary", "", "H", "Biết cách làm; đôi khi còn vội nên mắc lỗi tính toán, cần kiểm tra lại bài."},
        {"H12", "", "primary", "", "H", "Nắm được nội dung bài; cần chủ động hơn khi làm việc nhóm."},
        {"C01", "toan", "primary", "", "C",
         "Chưa thuộc bảng cộng, trừ trong phạm vi đã học; cần được hướng dẫn và luyện thêm mỗi ngày."},
        {"C02", "tieng_viet", "primary", "", "C",
         "Cần được hỗ trợ đọc trơn từng câu và luyện viết các tiếng thường gặp."},
        {"C03", "toan", "primary", "", "C",
         "Cần ôn lại cách đặt tính và luyện các phép tính cơ bản với sự kèm cặp của giáo viên."},
        {"C04", "", "primary", "", "C",
         "Cần được nhắc nhở để hoàn thành bài trên lớp; gia đình cùng theo dõi việc ôn bài ở nhà."},
        {"C05", "ngoai_ngu_1", "primary", "", "C", "Cần luyện thêm từ vựng và mẫu câu cơ bản qua các trò chơi ngắn."},
        {"C06", "tin_hoc", "primary", "", "C", "Cần được hướng dẫn từng bước các thao tác với chuột và bàn phím."},
        {"C07", "khoa_hoc", "primary", "", "C", "Cần hỗ trợ để ghi nhớ các nội dung chính của bài."},
        {"C08", "", "primary", "", "C", "Đã có cố gắng; cần thêm thời gian và sự giúp đỡ để đạt yêu cầu của bài học."},
        {"C09", "", "primary", "", "C", "Cần luyện đọc hiểu câu hỏi trước khi trả lời."},
        {"C10", "hdtn", "primary", "", "C",
         "Cần được động viên tham gia hoạt động cùng bạn và hoàn thành phần việc của mình."},
        {"PC01", "q.yeu_nuoc", "primary", "", "T",
         "Yêu quý quê hương, trường lớp; tham gia sôi nổi các hoạt động kỉ niệm, truyền thống."},
        {"PC02", "q.yeu_nuoc", "primary", "", "Đ",
         "Biết giữ gìn cảnh quan trường lớp và kính trọng người có công với quê hương."},
        {"PC03", "q.yeu_nuoc", "primary", "", "C",
         "Cần tích cực hơn khi tham gia hoạt động chung của lớp, của trường."},
        {"PC04", "q.nhan_ai", "primary", "", "T", "Quan tâm, sẵn sàng giúp đỡ bạn; lễ phép với thầy cô và người lớn."},
        {"PC05", "q.nhan_ai", "primary", "", "Đ", "Hoà đồng với bạn bè, biết chia sẻ đồ dùng học tập."},
        {"PC06", "q.nhan_ai", "primary", "", "C", "Cần nhường nhịn, hoà nhã hơn khi chơi cùng bạn."},
        {"PC07", "q.cham_chi", "primary", "", "T", "Đi học đều, đúng giờ; tự giác học bài và làm bài đầy đủ."},
        {"PC08", "q.cham_chi", "primary", "", "Đ", "Làm đủ bài tập được giao; chuẩn bị sách vở trước khi đến lớp."},
        {"PC09", "q.cham_chi", "primary", "", "C", "Cần chuẩn bị đủ đồ dùng và hoàn thành bài tập đều đặn hơn."},
        {"PC10", "q.trung_thuc", "primary", "", "T", "Thật thà, nhận lỗi và tự sửa lỗi khi làm sai."},
        {"PC11", "q.trung_thuc", "primary", "", "Đ", "Nói đúng sự thật, không lấy đồ của bạn."},
        {"PC12", "q.trung_thuc", "primary", "", "C", "Cần mạnh dạn nhận lỗi khi làm sai."},
        {"PC13", "q.trach_nhiem", "primary", "", "T",
         "Hoàn thành tốt việc được giao, giữ gìn của chung, trực nhật chu đáo."},
        {"PC14", "q.trach_nhiem", "primary", "", "Đ", "Thực hiện đủ nhiệm vụ trực nhật, giữ gìn đồ dùng cá nhân."},
        {"PC15", "q.trach_nhiem", "primary", "", "C", "Cần nhớ và hoàn thành việc được phân công trong tổ."},
        {"NL01", "c.tu_chu_tu_hoc", "primary", "", "T", "Tự giác học, biết tự sắp xếp thời gian làm bài."},
        {"NL02", "c.tu_chu_tu_hoc", "primary", "", "Đ", "Tự làm được bài theo hướng dẫn; biết tự phục vụ bản thân."},
        {"NL03", "c.tu_chu_tu_hoc", "primary", "", "C", "Cần được nhắc nhở để tự làm bài ở nhà."},
        {"NL04", "c.giao_tiep_hop_tac", "primary", "", "T",
         "Trình bày ý kiến rõ ràng, biết lắng nghe và phối hợp tốt trong nhóm."},
        {"NL05", "c.giao_tiep_hop_tac", "primary", "", "Đ", "Biết trao đổi với bạn và nhận phần việc trong nhóm."},
        {"NL06", "c.giao_tiep_hop_tac", "primary", "", "C", "Cần mạnh dạn hơn khi nói trước lớp và làm việc nhóm."},
        {"NL07", "c.giai_quyet_van_de", "primary", "", "T", "Phát hiện được vấn đề và đề xuất cách làm hợp lí."},
        {"NL08", "c.giai_quyet_van_de", "primary", "", "Đ", "Xử lí được các tình huống quen thuộc trong học tập."},
        {"NL09", "c.giai_quyet_van_de", "primary", "", "C", "Cần được gợi ý khi gặp tình huống mới."},
        {"NL10", "c", "primary", "", "T",
         "Tự giác học tập; giao tiếp tự tin, hợp tác tốt; biết tìm cách giải quyết vấn đề."},
        {"NL11", "c", "primary", "", "Đ",
         "Tự làm được bài theo hướng dẫn; biết hợp tác với bạn; xử lí được việc quen thuộc."},
        {"NL12", "c", "primary", "", "C",
         "Cần thêm tính tự giác; cần mạnh dạn khi giao tiếp; cần được gợi ý khi gặp khó."},
        {"NL13", "c.ngon_ngu", "primary", "", "T", "Nói và viết mạch lạc, vốn từ phong phú."},
        {"NL14", "c.ngon_ngu", "primary", "", "C", "Cần luyện đọc to, rõ và viết đúng chính tả."},
        {"NL15", "c.tinh_toan", "primary", "", "T", "Tính nhẩm nhanh, vận dụng phép tính vào bài toán thực tế."},
        {"NL16", "c.tinh_toan", "primary", "", "C", "Cần củng cố các phép tính cơ bản."},
        {"NL17", "c.khoa_hoc", "primary", "", "T", "Ham tìm hiểu, giải thích được hiện tượng tự nhiên gần gũi."},
        {"NL18", "c.khoa_hoc", "primary", "", "Đ", "Nêu được đặc điểm của sự vật, hiện tượng quen thuộc."},
        {"NL19", "c.cong_nghe", "primary", "", "T",
         "Sử dụng dụng cụ an toàn, làm được sản phẩm đơn giản đúng quy trình."},
        {"NL20", "c.tin_hoc", "primary", "", "Đ", "Thực hiện được thao tác cơ bản và sử dụng máy tính an toàn."},
        {"NL21", "c.tham_mi", "primary", "", "T", "Cảm nhận được cái đẹp, thể hiện qua bài hát, bức tranh của mình."},
        {"NL22", "c.tham_mi", "primary", "", "C", "Cần mạnh dạn tham gia các hoạt động nghệ thuật."},
        {"NL23", "c.the_chat", "primary", "", "T", "Khoẻ mạnh, nhanh nhẹn, có ý thức tập luyện thường xuyên."},
        {"NL24", "c.the_chat", "primary", "", "C", "Cần tập luyện đều đặn để nâng cao sức khoẻ."},
        {"BM01", "", "thcs", "cn", "Tốt", "Tiến bộ rõ ở học kì II; nắm chắc kiến thức, trình bày bài khoa học."},
        {"BM02", "", "thcs", "", "Tốt", "Tư duy tốt, làm bài chính xác; cần trình bày lời giải đầy đủ hơn."},
        {"BM03", "ngu_van", "thcs", "", "Khá", "Có tiến bộ về kĩ năng viết; cần đọc thêm để mở rộng vốn từ."},
        {"BM04", "", "thcs", "", "Đạt", "Nắm được kiến thức cơ bản; hạn chế ở bài tập vận dụng, cần luyện thêm."},
        {"BM05", "", "thcs", "", "Khá", "Chăm chỉ, tích cực xây dựng bài; cần cẩn thận hơn khi tính toán."},
        {"BM06", "khtn", "thcs", "", "", "Thực hành thí nghiệm đúng quy trình; cần ghi chép kết quả đầy đủ."},
        {"BM07", "ngoai_ngu_1", "thcs", "", "", "Kĩ năng nghe – nói tiến bộ; cần luyện thêm ngữ pháp và viết câu."},
        {"BM08", "", "thcs", "", "Đạt", "Kết quả chưa ổn định giữa các bài kiểm tra; cần ôn tập đều đặn."},
        {"BM09", "", "thcs", "", "Khá", "Hiểu bài nhưng còn chủ quan, mất điểm ở lỗi nhỏ."},
        {"BM10", "", "thcs", "", "Chưa đạt", "Chưa nắm vững kiến thức nền; cần phụ đạo thêm và làm đủ bài tập về nhà."},
        {"BM11", "", "thcs", "", "Đ", "Đạt yêu cầu môn học; tham gia tích cực các hoạt động thực hành."},
        {"BM12", "", "thcs", "", "CĐ", "Chưa đạt yêu cầu; cần hoàn thành các sản phẩm học tập còn thiếu."},
        {"CN01", "homeroom", "thcs", "", "Tốt",
         "Ngoan, lễ phép; chấp hành tốt nội quy; học tập chăm chỉ, kết quả tiến bộ."},
        {"CN02", "homeroom", "thcs", "", "Tốt",
         "Có ý thức tự giác, tích cực trong các phong trào của lớp, của trường."},
        {"CN03", "homeroom", "thcs", "", "Tốt",
         "Hoà đồng, giúp đỡ bạn bè; hoàn thành tốt nhiệm vụ được giao trong lớp."},
        {"CN04", "homeroom", "thcs", "", "Khá",
         "Thực hiện tốt nội quy; cần mạnh dạn hơn trong học tập và hoạt động tập thể."},
        {"CN05", "homeroom", "thcs", "", "Khá", "Có cố gắng trong học tập; cần tập trung hơn trong giờ học."},
        {"CN06", "homeroom", "thcs", "cn", "Đạt",
         "Đôi lúc còn vi phạm nội quy (đi muộn, quên đồ dùng); cần khắc phục trong năm học tới."},
        {"CN07", "homeroom", "thcs", "", "Chưa đạt", "Cần nghiêm túc hơn trong giờ học và hoàn thành bài tập đầy đủ."},
        {"CN08", "homeroom", "thcs", "", "", "Đi học đầy đủ, đúng giờ; giữ gìn tốt tài sản chung của lớp."},
        {"CN09", "homeroom", "thcs", "cn", "", "Tiến bộ rõ về ý thức rèn luyện so với học kì I."},
        {"CN10", "homeroom", "thcs", "cn", "Chưa đạt", "Cần rèn luyện thêm trong hè theo kế hoạch của nhà trường."},
        {"CN11", "homeroom", "thcs", "", "Tốt", "Là cán bộ lớp gương mẫu, nhiệt tình với công việc chung."},
        {"CN12", "homeroom", "thcs", "", "", "Số buổi nghỉ học còn nhiều; gia đình cần phối hợp để đi học đều hơn."},
    };
    QList<CommentEntry> out;
    for (const Seed& s : seeds) {
        CommentEntry e;
        e.code = QString::fromUtf8(s.code);
        e.subject = QString::fromUtf8(s.subject);
        e.level = schoolLevelFromCode(QString::fromUtf8(s.level));
        e.term = QString::fromUtf8(s.term);
        e.band = QString::fromUtf8(s.band);
        e.text = QString::fromUtf8(s.text);
        out.append(e);
    }
    return out;
}

} // namespace hocba::lifecycle

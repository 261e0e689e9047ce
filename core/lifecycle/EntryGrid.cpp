// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/EntryGrid.h"

#include "domain/Curriculum.h"
#include "domain/Decimal.h"
#include "domain/Levels.h"
#include "domain/PrintedText.h"
#include "lifecycle/EntryLocks.h"
#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "rules/Names.h"
#include "rules/Tt22Rules.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::EntryGrid)
};

const QString kHk1 = QStringLiteral("hk1");
const QString kHk2 = QStringLiteral("hk2");
const QString kYear = QStringLiteral("year");
const QString kCn = QStringLiteral("cn");
const QStringList kThcsTerms {kHk1, kHk2};
const QStringList kPrimaryPoints {QStringLiteral("gk1"), QStringLiteral("ck1"), QStringLiteral("gk2"), kCn};

// Computed columns name what they show in `item`; they are never written.
const QString kAverage = QStringLiteral("=average");
const QString kLearning = QStringLiteral("=learning");
const QString kConductYear = QStringLiteral("=conduct_year");
const QString kPromotion = QStringLiteral("=promotion");
const QString kAward = QStringLiteral("=award");
const QString kResult = QStringLiteral("=result");

const QStringList kTermLevels {QStringLiteral("T"), QStringLiteral("H"), QStringLiteral("C")};
const QStringList kTraitLevels {QStringLiteral("T"), QStringLiteral("D"), QStringLiteral("C")};
const QStringList kConductLevels {QStringLiteral("T"), QStringLiteral("K"), QStringLiteral("D"), QStringLiteral("CD")};
const QStringList kCommentResults {QStringLiteral("D"), QStringLiteral("CD")};

QString pointName(const QString& term)
{
    if (term == QLatin1String("gk1"))
        return Text::tr("Mid-semester I");
    if (term == QLatin1String("ck1"))
        return Text::tr("End of semester I");
    if (term == QLatin1String("gk2"))
        return Text::tr("Mid-semester II");
    if (term == kCn)
        return Text::tr("End of year");
    if (term == kHk1)
        return Text::tr("Semester I");
    if (term == kHk2)
        return Text::tr("Semester II");
    if (term == kYear)
        return Text::tr("Whole year");
    return term;
}

bool isTrait(const QString& subject)
{
    return subject.startsWith(QLatin1String("q.")) || subject.startsWith(QLatin1String("c."));
}

/** TT22: whether a subject of a grade is assessed by score (the stored "assessment" row overrides the plan). */
bool scoreSubject(int grade, const QString& subject, const QList<Assessment>& inputs)
{
    for (const Assessment& a : inputs)
        if (a.subject == subject && a.item == QLatin1String("assessment"))
            return a.value != QLatin1String("comment");
    const CurriculumSubject* s = findSubject(grade, subject);
    return !s || s->form == AssessmentForm::Score;
}

/**
 * What a slot holds, which decides how a typed value is checked: the same answer for a grid's column and for a
 * CellEdit that arrives without its column (a paste, an undo).
 */
std::optional<GridColumn> slotColumn(Circular circular, int grade, const CellSlot& slot,
                                     const QList<Assessment>& inputs)
{
    GridColumn c;
    c.subject = slot.subject;
    c.term = slot.term;
    c.item = slot.item;
    c.seq = slot.seq;
    const QString& item = slot.item;
    if (circular == Circular::TT22) {
        if (slot.subject.isEmpty()) {
            if (item == QLatin1String("conduct") && kThcsTerms.contains(slot.term)) {
                c.kind = CellKind::Level;
                c.levels = kConductLevels;
            } else if (item == QLatin1String("absences") && slot.term == kYear)
                c.kind = CellKind::Count;
            else if (item == QLatin1String("comment") && slot.term == kYear)
                c.kind = CellKind::Text;
            else
                return std::nullopt;
            return c;
        }
        if (isTrait(slot.subject) || !findSubject(grade, slot.subject) || !kThcsTerms.contains(slot.term))
            return std::nullopt;
        if (item == QLatin1String("comment"))
            c.kind = CellKind::Text;
        else if (item == QLatin1String("regular") || item == QLatin1String("midterm")
                 || item == QLatin1String("final")) {
            if ((item == QLatin1String("regular")) != (slot.seq >= 1 && slot.seq <= 10))
                return std::nullopt;
            if (scoreSubject(grade, slot.subject, inputs))
                c.kind = CellKind::Score;
            else {
                c.kind = CellKind::Level;
                c.levels = kCommentResults;
            }
        } else
            return std::nullopt;
        return c;
    }
    // TT27
    if (!kPrimaryPoints.contains(slot.term) && !(slot.subject.isEmpty() && slot.term == kYear))
        return std::nullopt;
    if (slot.subject.isEmpty()) {
        if (slot.term == kYear
            && (item == QLatin1String("absences_excused") || item == QLatin1String("absences_unexcused")))
            c.kind = CellKind::Count;
        else
            return std::nullopt;
        return c;
    }
    if (isTrait(slot.subject)) {
        const QString code = slot.subject.mid(2);
        const bool known = slot.subject.startsWith(QLatin1Char('q')) ? primaryQualities().contains(code)
                                                                     : primaryCompetencies().contains(code);
        if (!known)
            return std::nullopt;
        if (item == QLatin1String("level")) {
            c.kind = CellKind::Level;
            c.levels = kTraitLevels;
        } else if (item == QLatin1String("comment"))
            c.kind = CellKind::Text;
        else
            return std::nullopt;
        return c;
    }
    if (!findSubject(grade, slot.subject) && slot.subject != QLatin1String(kMergedInformaticsTechnology))
        return std::nullopt;
    if (item == QLatin1String("level")) {
        c.kind = CellKind::Level;
        c.levels = kTermLevels;
    } else if (item == QLatin1String("score"))
        c.kind = CellKind::IntegerScore;
    else if (item == QLatin1String("comment"))
        c.kind = CellKind::Text;
    else
        return std::nullopt;
    return c;
}

QString storedValue(const QList<Assessment>& inputs, const QString& subject, const QString& term, const QString& item,
                    int seq)
{
    for (const Assessment& a : inputs)
        if (a.subject == subject && a.term == term && a.item == item && a.seq == seq)
            return a.value;
    return {};
}

void setInput(QList<Assessment>& inputs, const GridColumn& c, const QString& value)
{
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        Assessment& a = inputs[i];
        if (a.subject == c.subject && a.term == c.term && a.item == c.item && a.seq == c.seq) {
            if (value.isEmpty())
                inputs.removeAt(i);
            else
                a.value = value;
            return;
        }
    }
    if (!value.isEmpty())
        inputs.append({c.subject, c.term, c.item, c.seq, value});
}

GridColumn computed(const QString& header, const QString& toolTip, const QString& what, const QString& term = {})
{
    GridColumn c;
    c.header = header;
    c.toolTip = toolTip;
    c.kind = CellKind::Computed;
    c.item = what;
    c.term = term;
    return c;
}

GridColumn column(const QString& header, const QString& toolTip, const CellSlot& slot, CellKind kind,
                  const QStringList& levels = {})
{
    GridColumn c;
    c.header = header;
    c.toolTip = toolTip;
    c.kind = kind;
    c.levels = levels;
    c.subject = slot.subject;
    c.term = slot.term;
    c.item = slot.item;
    c.seq = slot.seq;
    return c;
}

/** The class a grid is for, with its level. */
struct GridClass
{
    ClassGroup cls;
    SchoolLevel level = SchoolLevel::Thcs;
    Circular circular = Circular::TT22;
};

Result<GridClass> findClass(store::Database& db, SchoolYear year, Id classId)
{
    auto classes = store::SchoolRepository(db).classes(year);
    if (!classes)
        return std::unexpected(classes.error());
    for (const ClassGroup& c : *classes)
        if (c.id == classId) {
            GridClass g;
            g.cls = c;
            g.level = levelOfGrade(c.grade).value_or(SchoolLevel::Thcs);
            g.circular = g.level == SchoolLevel::Primary ? Circular::TT27 : Circular::TT22;
            return g;
        }
    return fail(ErrorCode::NotFound, Text::tr("The class no longer exists in school year %1.").arg(year.toString()));
}

/** Why a section's cells cannot be typed in, or empty when they can. */
QString readOnlyReason(const RosterEntry& e)
{
    if (e.transferredAt.isValid())
        return Text::tr("This pupil's record was transferred to %1 on %2; it can no longer be changed here.")
            .arg(e.transferredToName, text::shownDate(e.transferredAt));
    if (e.section.source == SectionSource::Paper)
        return Text::tr("This year was copied from the paper record; it is not entered here.");
    if (e.section.state != SectionState::Draft)
        return Text::tr("This pupil's year is %1: marks can be changed only in a draft (the board returns it to draft "
                        "to correct it).")
            .arg(displayName(e.section.state));
    return {};
}

/** Fills the lock state of each writable column from the locks in force for this class. */
Status markLocks(store::Database& db, EntryGrid& grid)
{
    auto locks = EntryLockSet::load(db, grid.year);
    if (!locks)
        return std::unexpected(locks.error());
    for (GridColumn& c : grid.columns)
        if (c.kind != CellKind::Computed)
            if (auto s = locks->check({grid.year, grid.grade, grid.classId, c.subject, c.term, c.item}); !s)
                c.lockedReason = s.error().message;
    return {};
}

Result<EntryGrid> startGrid(store::Database& db, SchoolYear year, Id classId, GridKind kind, const QString& subject,
                            const QString& term)
{
    auto cls = findClass(db, year, classId);
    if (!cls)
        return std::unexpected(cls.error());
    const bool primary = cls->level == SchoolLevel::Primary;
    const QStringList& terms
        = primary ? kPrimaryPoints : (kind == GridKind::Homeroom ? QStringList {kHk1, kYear} : kThcsTerms);
    if (!terms.contains(term))
        return fail(
            ErrorCode::InvalidInput,
            primary
                ? Text::tr("\"%1\" is not an assessment point of a primary class (gk1, ck1, gk2, cn).").arg(term)
                : Text::tr("\"%1\" is not a term of this grid (hk1, hk2; the homeroom grid: hk1, year).").arg(term));
    if (kind == GridKind::Qualities && !primary)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("Qualities and competencies are assessed in primary classes only."));
    if (kind == GridKind::Subject && !findSubject(cls->cls.grade, subject)
        && subject != QLatin1String(kMergedInformaticsTechnology))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("Grade %1 has no subject \"%2\".").arg(cls->cls.grade).arg(subject));
    EntryGrid grid;
    grid.kind = kind;
    grid.year = year;
    grid.classId = classId;
    grid.className = cls->cls.name;
    grid.level = cls->level;
    grid.grade = cls->cls.grade;
    grid.subject = subject;
    grid.term = term;
    store::StudentRepository students(db);
    auto roster = students.roster(classId);
    if (!roster)
        return std::unexpected(roster.error());
    grid.rows.reserve(roster->size());
    for (RosterEntry& e : *roster) {
        GridRow row;
        auto inputs = students.assessments(e.section.id);
        if (!inputs)
            return std::unexpected(inputs.error());
        row.inputs = std::move(*inputs);
        row.readOnlyReason = readOnlyReason(e);
        row.editable = row.readOnlyReason.isEmpty();
        row.student = std::move(e);
        grid.rows.append(std::move(row));
    }
    return grid;
}

QString regularHeader(int n)
{
    return QStringLiteral("ĐĐGtx%1").arg(n);
}

void addThcsSubjectColumns(EntryGrid& grid)
{
    const QString& code = grid.subject;
    const bool score = grid.rows.isEmpty() || scoreSubject(grid.grade, code, grid.rows.first().inputs);
    // The regular columns: the count the periods ask for, more when someone has entered more.
    int periods = 0;
    if (const CurriculumSubject* s = findSubject(grid.grade, code); s && s->periodsPerYear)
        periods = *s->periodsPerYear;
    int count
        = score ? rules::tt22::requiredRegularScores(periods > 0 ? periods : 70) : rules::tt22::requiredRegularComments;
    for (const GridRow& row : grid.rows)
        for (const Assessment& a : row.inputs) {
            if (a.subject == code && a.item == QLatin1String("periods") && score) {
                bool ok = false;
                const int p = a.value.toInt(&ok);
                if (ok)
                    count = std::max(count, rules::tt22::requiredRegularScores(p));
            }
            if (a.subject == code && a.term == grid.term && a.item == QLatin1String("regular"))
                count = std::max(count, std::min(a.seq, 10));
        }
    const CellKind kind = score ? CellKind::Score : CellKind::Level;
    const QStringList levels = score ? QStringList() : kCommentResults;
    for (int i = 1; i <= count; ++i)
        grid.columns.append(column(regularHeader(i), Text::tr("Regular assessment %1").arg(i),
                                   {0, code, grid.term, QStringLiteral("regular"), i}, kind, levels));
    grid.columns.append(column(QStringLiteral("ĐĐGgk"), Text::tr("Mid-term assessment (weight 2)"),
                               {0, code, grid.term, QStringLiteral("midterm"), 0}, kind, levels));
    grid.columns.append(column(QStringLiteral("ĐĐGck"), Text::tr("End-of-term assessment (weight 3)"),
                               {0, code, grid.term, QStringLiteral("final"), 0}, kind, levels));
    grid.columns.append(score ? computed(QStringLiteral("ĐTBmhk"),
                                         Text::tr("Semester average, worked out by the program (TT22 Art. 9)"),
                                         kAverage, grid.term)
                              : computed(QStringLiteral("KQ"), Text::tr("Semester result, worked out by the program"),
                                         kAverage, grid.term));
    grid.columns.append(column(QStringLiteral("Nhận xét"), Text::tr("The subject teacher's comment"),
                               {0, code, grid.term, QStringLiteral("comment"), 0}, CellKind::Text));
}

bool pointHasTest(int grade, const QString& subject, const QString& point)
{
    const CurriculumSubject* s = findSubject(grade, subject);
    if (!s || !s->yearEndTest)
        return false;
    if (point == QLatin1String("ck1") || point == kCn)
        return true;
    // TT27 Art. 7 cl. 2: grades 4 and 5 also test Tiếng Việt and Toán at mid-semester.
    return grade >= 4 && (subject == QLatin1String("toan") || subject == QLatin1String("tieng_viet"));
}

void addPrimarySubjectColumns(EntryGrid& grid)
{
    const QString& code = grid.subject;
    grid.columns.append(column(QStringLiteral("Nhận xét"), Text::tr("The teacher's comment"),
                               {0, code, grid.term, QStringLiteral("comment"), 0}, CellKind::Text));
    if (pointHasTest(grid.grade, code, grid.term) || code == QLatin1String(kMergedInformaticsTechnology))
        grid.columns.append(column(QStringLiteral("KT"), Text::tr("Periodic test score (whole number 0–10)"),
                                   {0, code, grid.term, QStringLiteral("score"), 0}, CellKind::IntegerScore));
    grid.columns.append(column(QStringLiteral("XL"), Text::tr("Level: T (completed well), H (completed), C (not yet)"),
                               {0, code, grid.term, QStringLiteral("level"), 0}, CellKind::Level, kTermLevels));
}

void addHomeroomColumns(EntryGrid& grid)
{
    if (grid.level == SchoolLevel::Primary) {
        grid.columns.append(column(QStringLiteral("Nghỉ có phép"), Text::tr("Days absent with leave in the year"),
                                   {0, {}, kYear, QStringLiteral("absences_excused"), 0}, CellKind::Count));
        grid.columns.append(column(QStringLiteral("Nghỉ không phép"), Text::tr("Days absent without leave in the year"),
                                   {0, {}, kYear, QStringLiteral("absences_unexcused"), 0}, CellKind::Count));
        grid.columns.append(
            computed(QStringLiteral("Kết quả"), Text::tr("Result of the year, worked out by the program"), kResult));
        grid.columns.append(
            computed(QStringLiteral("Khen thưởng"), Text::tr("Award, worked out by the program"), kAward));
        return;
    }
    if (grid.term == kHk1) {
        grid.columns.append(column(QStringLiteral("Rèn luyện HK1"),
                                   Text::tr("Conduct in semester I: T (good), K (fair), Đ (pass), CĐ (not yet)"),
                                   {0, {}, kHk1, QStringLiteral("conduct"), 0}, CellKind::Level, kConductLevels));
        grid.columns.append(computed(QStringLiteral("Học tập HK1"),
                                     Text::tr("Learning result of semester I, worked out by the program"), kLearning,
                                     kHk1));
        return;
    }
    grid.columns.append(column(QStringLiteral("Rèn luyện HK2"),
                               Text::tr("Conduct in semester II: T (good), K (fair), Đ (pass), CĐ (not yet)"),
                               {0, {}, kHk2, QStringLiteral("conduct"), 0}, CellKind::Level, kConductLevels));
    grid.columns.append(column(QStringLiteral("Số buổi nghỉ"),
                               Text::tr("Sessions absent in the year (more than 45 bars promotion)"),
                               {0, {}, kYear, QStringLiteral("absences"), 0}, CellKind::Count));
    grid.columns.append(computed(QStringLiteral("Rèn luyện CN"),
                                 Text::tr("Conduct of the year, worked out by the program"), kConductYear));
    grid.columns.append(computed(QStringLiteral("Học tập CN"),
                                 Text::tr("Learning result of the year, worked out by the program"), kLearning, kYear));
    grid.columns.append(
        computed(QStringLiteral("Lên lớp"), Text::tr("Promotion, worked out by the program"), kPromotion));
    grid.columns.append(computed(QStringLiteral("Khen thưởng"), Text::tr("Award, worked out by the program"), kAward));
    grid.columns.append(column(QStringLiteral("Nhận xét GVCN"), Text::tr("The homeroom teacher's comment on the year"),
                               {0, {}, kYear, QStringLiteral("comment"), 0}, CellKind::Text));
}

void addQualitiesColumns(EntryGrid& grid)
{
    const QString tip = Text::tr("Level: T (good), Đ (satisfactory), C (needs effort)");
    for (const QString& q : primaryQualities())
        grid.columns.append(column(printedTraitName(q), tip,
                                   {0, QStringLiteral("q.") + q, grid.term, QStringLiteral("level"), 0},
                                   CellKind::Level, kTraitLevels));
    for (const QString& c : primaryCompetencies())
        grid.columns.append(column(printedTraitName(c), tip,
                                   {0, QStringLiteral("c.") + c, grid.term, QStringLiteral("level"), 0},
                                   CellKind::Level, kTraitLevels));
    for (const QString& q : primaryQualities())
        grid.columns.append(
            column(QStringLiteral("Nhận xét: ") + printedTraitName(q), Text::tr("Comment on this quality"),
                   {0, QStringLiteral("q.") + q, grid.term, QStringLiteral("comment"), 0}, CellKind::Text));
    for (const QString& c : primaryCompetencies())
        grid.columns.append(
            column(QStringLiteral("Nhận xét: ") + printedTraitName(c), Text::tr("Comment on this competency"),
                   {0, QStringLiteral("c.") + c, grid.term, QStringLiteral("comment"), 0}, CellKind::Text));
}

Result<EntryGrid> finishGrid(store::Database& db, Result<EntryGrid> grid)
{
    if (!grid)
        return grid;
    for (GridRow& row : grid->rows)
        for (const GridColumn& c : grid->columns)
            row.values.append(c.kind == CellKind::Computed ? QString()
                                                           : storedValue(row.inputs, c.subject, c.term, c.item, c.seq));
    for (qsizetype r = 0; r < grid->rows.size(); ++r)
        recomputeRow(*grid, int(r));
    if (auto s = markLocks(db, *grid); !s)
        return std::unexpected(s.error());
    return grid;
}

template <typename T> QString shown(const std::optional<T>& v, QString (*print)(T))
{
    return v ? print(*v) : QString();
}

QString shownTenths(const std::optional<Tenths>& v)
{
    return v ? tenthsToDisplay(*v) : QString();
}

} // namespace

CellSlot EntryGrid::slot(int row, int column) const
{
    const GridColumn& c = columns.at(column);
    return {rows.at(row).student.section.id, c.subject, c.term, c.item, c.seq};
}

Result<QList<GridChoice>> gridChoices(store::Database& db, const Actor& actor, SchoolYear year, Id classId)
{
    auto cls = findClass(db, year, classId);
    if (!cls)
        return std::unexpected(cls.error());
    const bool primary = cls->level == SchoolLevel::Primary;
    const QStringList& terms = primary ? kPrimaryPoints : kThcsTerms;
    QList<GridChoice> list;
    for (const CurriculumSubject& s : curriculumOfGrade(cls->cls.grade)) {
        const bool may = actor.has(Right::WriteGrades, RightScope::ofSubject(year, classId, s.code, cls->level));
        for (const QString& term : terms) {
            GridChoice c;
            c.kind = GridKind::Subject;
            c.subject = s.code;
            c.subjectName = printedSubjectName(s.code, cls->level);
            c.term = term;
            c.title = Text::tr("%1 — %2").arg(c.subjectName, pointName(term));
            c.mayWrite = may;
            list.append(c);
        }
    }
    const bool homeroom = actor.has(Right::WriteHomeroom, RightScope::inClass(year, classId));
    for (const QString& term : primary ? QStringList {kCn} : QStringList {kHk1, kYear}) {
        GridChoice c;
        c.kind = GridKind::Homeroom;
        c.term = term;
        c.title = Text::tr("Homeroom — %1").arg(pointName(term));
        c.mayWrite = homeroom;
        list.append(c);
    }
    if (primary)
        for (const QString& term : kPrimaryPoints) {
            GridChoice c;
            c.kind = GridKind::Qualities;
            c.term = term;
            c.title = Text::tr("Qualities and competencies — %1").arg(pointName(term));
            c.mayWrite = homeroom;
            list.append(c);
        }
    return list;
}

Result<EntryGrid> loadGrid(store::Database& db, SchoolYear year, Id classId, const GridChoice& choice)
{
    switch (choice.kind) {
    case GridKind::Subject:
        return loadSubjectGrid(db, year, classId, choice.subject, choice.term);
    case GridKind::Homeroom:
        return loadHomeroomGrid(db, year, classId, choice.term);
    case GridKind::Qualities:
        return loadQualitiesGrid(db, year, classId, choice.term);
    }
    return fail(ErrorCode::InvalidInput, Text::tr("Unknown grid."));
}

Result<EntryGrid> loadSubjectGrid(store::Database& db, SchoolYear year, Id classId, const QString& subject,
                                  const QString& term)
{
    auto grid = startGrid(db, year, classId, GridKind::Subject, subject, term);
    if (!grid)
        return grid;
    if (grid->level == SchoolLevel::Primary)
        addPrimarySubjectColumns(*grid);
    else
        addThcsSubjectColumns(*grid);
    return finishGrid(db, std::move(grid));
}

Result<EntryGrid> loadHomeroomGrid(store::Database& db, SchoolYear year, Id classId, const QString& term)
{
    auto grid = startGrid(db, year, classId, GridKind::Homeroom, {}, term);
    if (!grid)
        return grid;
    addHomeroomColumns(*grid);
    return finishGrid(db, std::move(grid));
}

Result<EntryGrid> loadQualitiesGrid(store::Database& db, SchoolYear year, Id classId, const QString& term)
{
    auto grid = startGrid(db, year, classId, GridKind::Qualities, {}, term);
    if (!grid)
        return grid;
    addQualitiesColumns(*grid);
    return finishGrid(db, std::move(grid));
}

Result<QString> normaliseCell(const GridColumn& column, const QString& typed)
{
    const QString t = text::normalized(typed).trimmed();
    if (t.isEmpty())
        return QString();
    switch (column.kind) {
    case CellKind::Computed:
        return fail(ErrorCode::InvalidInput,
                    Text::tr("This column is worked out by the program and cannot be typed in."));
    case CellKind::Text:
        if (t.size() > 2000)
            return fail(ErrorCode::InvalidInput, Text::tr("A comment can be at most 2000 characters long."));
        return t;
    case CellKind::Score: {
        const ParsedScore p = parseScoreText(t);
        switch (p.problem) {
        case ScoreTextProblem::None:
            // Whole marks are kept as teachers write them ("8", not "8.0").
            return *p.tenths % 10 == 0 ? QString::number(*p.tenths / 10) : tenthsToText(*p.tenths);
        case ScoreTextProblem::TooManyDecimals:
            return fail(ErrorCode::InvalidInput, Text::tr("A mark has at most one decimal, e.g. 7,5."));
        case ScoreTextProblem::OutOfRange:
            return fail(ErrorCode::InvalidInput, Text::tr("A mark is between 0 and 10."));
        default:
            return fail(ErrorCode::InvalidInput,
                        Text::tr("\"%1\" is not a mark: type a number from 0 to 10, e.g. 7,5.").arg(t));
        }
    }
    case CellKind::IntegerScore: {
        bool ok = false;
        const int v = t.toInt(&ok);
        if (!ok || v < 0 || v > 10)
            return fail(ErrorCode::InvalidInput,
                        Text::tr("\"%1\" is not a test score: type a whole number from 0 to 10.").arg(t));
        return QString::number(v);
    }
    case CellKind::Count: {
        bool ok = false;
        const int v = t.toInt(&ok);
        if (!ok || v < 0 || v > 400)
            return fail(ErrorCode::InvalidInput,
                        Text::tr("\"%1\" is not a count: type a whole number, e.g. 3.").arg(t));
        return QString::number(v);
    }
    case CellKind::Level: {
        // Teachers type Đ as often as D, in either case, and sometimes the whole word.
        QString code = t.toUpper();
        code.replace(QChar(0x0110), QLatin1Char('D'));
        code.remove(QLatin1Char(' '));
        if (column.levels.contains(code))
            return code;
        QStringList shownLevels;
        for (const QString& l : column.levels)
            shownLevels << displayCell(column, l);
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a level of this column: type one of %2.")
                        .arg(t, shownLevels.join(QStringLiteral(", "))));
    }
    }
    return t;
}

QString displayCell(const GridColumn& column, const QString& stored)
{
    switch (column.kind) {
    case CellKind::Score:
        return displayTypedScore(stored);
    case CellKind::Level:
        if (stored == QLatin1String("D"))
            return QStringLiteral("Đ");
        if (stored == QLatin1String("CD"))
            return QStringLiteral("CĐ");
        return stored;
    default:
        return stored;
    }
}

void recomputeRow(EntryGrid& grid, int row)
{
    GridRow& r = grid.rows[row];
    for (qsizetype c = 0; c < grid.columns.size() && c < r.values.size(); ++c)
        if (grid.columns[c].kind != CellKind::Computed)
            setInput(r.inputs, grid.columns[c], r.values[c]);
    const bool anyComputed
        = std::ranges::any_of(grid.columns, [](const GridColumn& c) { return c.kind == CellKind::Computed; });
    const StudentYearInput input = rules::fromAssessments(r.inputs, r.student.section.circular, grid.year, grid.grade);
    auto out = rules::evaluate(input);
    if (!out) {
        r.findings.clear();
        return;
    }
    r.findings = out->findings;
    if (!anyComputed)
        return;
    const ThcsOutcome& t = out->thcsOutcome;
    const PrimaryOutcome& p = out->primaryOutcome;
    for (qsizetype c = 0; c < grid.columns.size() && c < r.values.size(); ++c) {
        const GridColumn& col = grid.columns[c];
        if (col.kind != CellKind::Computed)
            continue;
        QString v;
        if (col.item == kAverage) {
            for (const ThcsSubjectOutcome& s : t.subjects)
                if (s.code == grid.subject)
                    v = s.scoreSubject ? shownTenths(col.term == kHk1 ? s.hk1Average : s.hk2Average)
                                       : shown(col.term == kHk1 ? s.hk1Result : s.hk2Result, &printedCommentResult);
        } else if (col.item == kLearning)
            v = shown(col.term == kHk1 ? t.learningHk1 : t.learningYear, &printedLevel);
        else if (col.item == kConductYear)
            v = shown(t.conductYear, &printedLevel);
        else if (col.item == kPromotion)
            v = t.promotion ? printedPromotion(*t.promotion, grid.grade) : QString();
        else if (col.item == kAward)
            v = grid.level == SchoolLevel::Primary ? shown(p.award, &printedAward) : shown(t.award, &printedAward);
        else if (col.item == kResult)
            v = shown(p.result, &printedResult);
        r.values[c] = v;
    }
}

QList<QStringList> parseClipboardBlock(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false; // inside a quoted cell
    bool cellStarted = false;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = text.at(i);
        if (quoted) {
            if (ch == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    cell += QLatin1Char('"');
                    ++i;
                } else
                    quoted = false;
            } else
                cell += ch;
            continue;
        }
        if (ch == QLatin1Char('"') && !cellStarted) {
            quoted = true;
            cellStarted = true;
        } else if (ch == QLatin1Char('\t')) {
            row.append(cell);
            cell.clear();
            cellStarted = false;
        } else if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r')) {
            if (ch == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
            cellStarted = false;
        } else {
            cell += ch;
            cellStarted = true;
        }
    }
    if (cellStarted || !row.isEmpty())
        rows.append(row << cell);
    return rows;
}

namespace {

/** What writeCells knows of a section it writes to. */
struct SectionInfo
{
    RosterEntry entry;
    SchoolLevel level = SchoolLevel::Thcs;
    QList<Assessment> inputs;
    QString readOnly;
};

} // namespace

Result<QList<CellOutcome>> writeCells(store::Database& db, const Actor& actor, const QList<CellEdit>& edits)
{
    QList<CellOutcome> outcomes;
    outcomes.reserve(edits.size());
    store::Transaction tx(db);
    if (!tx.began())
        return std::unexpected(tx.began().error());
    store::StudentRepository students(db);
    QHash<Id, std::optional<SectionInfo>> sections;
    QHash<Id, QList<RosterEntry>> rosters; // a pasted block touches one class's sections
    QHash<QString, QString> refusals; // a right decision → its refusal, empty when allowed
    QHash<int, EntryLockSet> lockSets; // by school year
    const auto sectionOf = [&](Id id) -> Result<const SectionInfo*> {
        auto it = sections.constFind(id);
        if (it == sections.constEnd()) {
            std::optional<SectionInfo> info;
            auto section = students.section(id);
            if (!section)
                return std::unexpected(section.error());
            if (*section && (*section)->classId) {
                const Id classId = *(*section)->classId;
                if (!rosters.contains(classId)) {
                    auto roster = students.roster(classId);
                    if (!roster)
                        return std::unexpected(roster.error());
                    rosters.insert(classId, std::move(*roster));
                }
                for (const RosterEntry& e : std::as_const(rosters[classId]))
                    if (e.section.id == id) {
                        info = SectionInfo {
                            e, levelOfGrade(e.section.grade).value_or(SchoolLevel::Thcs), {}, readOnlyReason(e)};
                        auto inputs = students.assessments(id);
                        if (!inputs)
                            return std::unexpected(inputs.error());
                        info->inputs = std::move(*inputs);
                    }
            }
            it = sections.insert(id, info);
        }
        return *it ? &**it : nullptr;
    };
    for (const CellEdit& edit : edits) {
        CellOutcome out;
        out.slot = edit.slot;
        auto info = sectionOf(edit.slot.sectionId);
        if (!info)
            return std::unexpected(info.error());
        const SectionInfo* s = *info;
        if (!s) {
            out.message = Text::tr("This pupil's year is no longer in a class of the school; reload the grid.");
            outcomes.append(out);
            continue;
        }
        const YearSection& sec = s->entry.section;
        out.oldValue = storedValue(s->inputs, edit.slot.subject, edit.slot.term, edit.slot.item, edit.slot.seq);
        const auto column = slotColumn(sec.circular, sec.grade, edit.slot, s->inputs);
        if (!column) {
            out.message = Text::tr("This cell cannot be written from a grid.");
            outcomes.append(out);
            continue;
        }
        // The right: a subject's marks need WriteGrades for that subject; the rest is the homeroom teacher's.
        const bool subjectCell = !edit.slot.subject.isEmpty() && !isTrait(edit.slot.subject);
        const QString rightKey = QStringLiteral("%1|%2|%3")
                                     .arg(*sec.classId)
                                     .arg(subjectCell ? edit.slot.subject : QStringLiteral("=homeroom"))
                                     .arg(sec.schoolYear.startYear);
        if (!refusals.contains(rightKey)) {
            const auto allowed = subjectCell
                ? permit(db, actor, Right::WriteGrades,
                         RightScope::ofSubject(sec.schoolYear, *sec.classId, edit.slot.subject, s->level))
                : permit(db, actor, Right::WriteHomeroom, RightScope::inClass(sec.schoolYear, *sec.classId));
            refusals.insert(rightKey, allowed ? QString() : allowed.error().message);
        }
        if (const QString refused = refusals.value(rightKey); !refused.isEmpty()) {
            out.message = refused;
            outcomes.append(out);
            continue;
        }
        if (!s->readOnly.isEmpty()) {
            out.message = s->readOnly;
            outcomes.append(out);
            continue;
        }
        // The year's locks are read once per gesture, not once per cell.
        auto lockSet = lockSets.constFind(sec.schoolYear.startYear);
        if (lockSet == lockSets.constEnd()) {
            auto loaded = EntryLockSet::load(db, sec.schoolYear);
            if (!loaded)
                return std::unexpected(loaded.error());
            lockSet = lockSets.insert(sec.schoolYear.startYear, std::move(*loaded));
        }
        if (auto unlocked = lockSet->check(
                {sec.schoolYear, sec.grade, *sec.classId, edit.slot.subject, edit.slot.term, edit.slot.item});
            !unlocked) {
            out.message = unlocked.error().message;
            outcomes.append(out);
            continue;
        }
        auto value = normaliseCell(*column, edit.value);
        if (!value) {
            out.message = value.error().message;
            outcomes.append(out);
            continue;
        }
        // A subject's first value also lists the subject in the pupil's year, as an import would.
        if (subjectCell && !value->isEmpty() && !std::ranges::any_of(s->inputs, [&](const Assessment& a) {
                return a.subject == edit.slot.subject && a.item == QLatin1String("subject");
            })) {
            // The marker row has an empty value, which setAssessment would drop.
            auto st
                = db.prepare(QStringLiteral("INSERT OR IGNORE INTO assessment (section_id, subject, term, item, seq, "
                                            "value) VALUES (?1, ?2, '', 'subject', 0, '')"));
            if (!st)
                return std::unexpected(st.error());
            st->bind(1, sec.id).bind(2, edit.slot.subject);
            if (auto x = st->exec(); !x)
                return std::unexpected(x.error());
            sections[sec.id]->inputs.append({edit.slot.subject, {}, QStringLiteral("subject"), 0, {}});
        }
        if (auto w = students.setAssessment(sec.id,
                                            {edit.slot.subject, edit.slot.term, edit.slot.item, edit.slot.seq, *value});
            !w) {
            if (w.error().code == ErrorCode::RecordLocked) {
                out.message = w.error().message;
                outcomes.append(out);
                continue;
            }
            return std::unexpected(w.error());
        }
        GridColumn slotOnly;
        slotOnly.subject = edit.slot.subject;
        slotOnly.term = edit.slot.term;
        slotOnly.item = edit.slot.item;
        slotOnly.seq = edit.slot.seq;
        setInput(sections[sec.id]->inputs, slotOnly, *value);
        out.saved = true;
        out.newValue = *value;
        outcomes.append(out);
    }
    if (auto c = tx.commit(); !c)
        return std::unexpected(c.error());
    return outcomes;
}

Result<QList<CellChange>> cellHistory(store::Database& db, const CellSlot& slot)
{
    auto st
        = db.prepare(QStringLiteral("SELECT at, actor, old_value, new_value FROM audit_log WHERE action = "
                                    "'assessment.set' AND entity = 'year_section' AND entity_id = ?1 AND field = ?2 "
                                    "ORDER BY id"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, QString::number(slot.sectionId))
        .bind(2, QStringLiteral("%1/%2/%3/%4").arg(slot.subject, slot.term, slot.item).arg(slot.seq));
    QList<CellChange> list;
    while (true) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        CellChange c;
        c.at = QDateTime::fromString(st->text(0), Qt::ISODateWithMs);
        if (!c.at.isValid())
            c.at = QDateTime::fromString(st->text(0), Qt::ISODate);
        c.who = st->text(1);
        c.oldValue = st->text(2);
        c.newValue = st->text(3);
        list.append(c);
    }
    return list;
}

} // namespace hocba::lifecycle

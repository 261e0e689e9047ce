// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/YearOpening.h"

#include "lifecycle/Actor.h"
#include "lifecycle/ResultsCache.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/SqlUtil.h"
#include "store/StudentRepository.h"
#include "util/Text.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace hocba::lifecycle {

namespace {

struct YearText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::YearOpening)
};

/** One student's section of the last year: its newest version, with what the plan needs to know of it. */
struct LastYearSection
{
    Id sectionId = 0;
    Id recordId = 0;
    Id studentId = 0;
    QString studentName;
    int grade = 0;
    QString className;
    QString state;
    bool onPaper = false;
};

Result<QList<LastYearSection>> lastYearSections(store::Database& db, SchoolYear year)
{
    return store::queryList<LastYearSection>(
        db,
        QStringLiteral(
            "SELECT ys.id, ys.record_id, r.student_id, s.full_name, ys.grade, coalesce(c.name, ''), ys.state, "
            "ys.source FROM year_section ys JOIN record r ON r.id = ys.record_id "
            "JOIN student s ON s.id = r.student_id LEFT JOIN class c ON c.id = ys.class_id "
            "WHERE ys.school_year = ?1 AND r.closed_at IS NULL AND r.transferred_at IS NULL AND ys.version = (SELECT "
            "max(v.version) FROM "
            "year_section v WHERE v.record_id = ys.record_id AND v.school_year = ys.school_year)"),
        [](store::Statement& st) {
            return LastYearSection {st.int64(0),      st.int64(1), st.int64(2), st.text(3),
                                    int(st.int64(4)), st.text(5),  st.text(6),  st.text(7) == QLatin1String("paper")};
        },
        {qint64(year.startYear)});
}

/** What the last year's results say; Pending and Unknown leave the move undecided. */
enum class Outcome { NextGrade, SameGrade, LevelFinished, Pending, Unknown };

Outcome outcomeOf(const QMap<QString, QString>& results, int grade)
{
    if (grade <= 5) {
        // TT27 has no separate decision field: the additional assessment's levels replace the June ones, so a CHT
        // still there when the next year opens means the grade was not completed.
        const QString completed = results.value(QStringLiteral("completed"));
        if (completed == QLatin1String("true"))
            return Outcome::NextGrade;
        return completed == QLatin1String("false") ? Outcome::SameGrade : Outcome::Unknown;
    }
    const QString promotion = results.value(QStringLiteral("year.promotion"));
    if (promotion == QLatin1String("promoted"))
        return Outcome::NextGrade;
    if (promotion == QLatin1String("completed_thcs"))
        return Outcome::LevelFinished;
    if (promotion == QLatin1String("retained"))
        return Outcome::SameGrade;
    if (promotion == QLatin1String("retest") || promotion == QLatin1String("summer_training"))
        return Outcome::Pending;
    return Outcome::Unknown;
}

YearOpeningProblem problem(const LastYearSection& s, const QString& code, const QString& message)
{
    return {code, s.className, s.studentName, message};
}

/** A problem that stops this student's move from being known, or nothing. */
std::optional<YearOpeningProblem> sectionProblem(const LastYearSection& s, SchoolYear year)
{
    if (s.className.isEmpty())
        return problem(
            s, QStringLiteral("no_class"),
            YearText::tr("This student has no class in %1; put them in a class first.").arg(year.toString()));
    if (s.state == QLatin1String("revoked") || s.state == QLatin1String("superseded"))
        return problem(s, QStringLiteral("revoked"),
                       YearText::tr("This year's record was revoked and has no replacement; replace it first."));
    if (s.state == QLatin1String("draft") && !s.onPaper)
        return problem(s, QStringLiteral("unconfirmed"),
                       YearText::tr("The homeroom teacher has not confirmed this year's results yet; confirm them "
                                    "first."));
    return std::nullopt;
}

std::optional<YearOpeningProblem> outcomeProblem(const LastYearSection& s, Outcome outcome)
{
    if (outcome == Outcome::Pending)
        return problem(s, QStringLiteral("pending"),
                       YearText::tr("Summer training or a re-assessment has no result yet; enter it, then open the "
                                    "year."));
    if (outcome == Outcome::Unknown)
        return problem(s, QStringLiteral("no_result"),
                       YearText::tr("The year's results are incomplete, so promotion cannot be decided; complete "
                                    "them and confirm again."));
    return std::nullopt;
}

StudentMove moveOf(const LastYearSection& s, Outcome outcome, const School& school)
{
    StudentMove m;
    m.studentId = s.studentId;
    m.recordId = s.recordId;
    m.studentName = s.studentName;
    m.fromGrade = s.grade;
    m.fromClass = s.className;
    const QString suffix = s.className.mid(1); // a class name starts with its one-digit grade (addClass)
    const bool lastGradeOfSchool = s.grade == 9 || (s.grade == 5 && !school.hasThcs);
    if (outcome == Outcome::LevelFinished || (outcome == Outcome::NextGrade && lastGradeOfSchool)) {
        m.move = YearMove::Leaves;
    } else if (outcome == Outcome::NextGrade) {
        m.move = YearMove::Promoted;
        m.toGrade = s.grade + 1;
        m.toClass = QString::number(m.toGrade) + suffix;
        m.newLevel = s.grade == 5;
    } else {
        m.move = YearMove::Retained;
        m.toGrade = s.grade;
        m.toClass = s.className;
    }
    return m;
}

Status checkYearToOpen(store::SchoolRepository& schools, SchoolYear next)
{
    auto years = schools.schoolYears();
    if (!years)
        return std::unexpected(years.error());
    if (years->contains(next))
        return fail(ErrorCode::InvalidInput,
                    YearText::tr("The school year %1 is already open in this file.").arg(next.toString()));
    const SchoolYear last = years->isEmpty() ? SchoolYear {} : *std::max_element(years->begin(), years->end());
    if (last.startYear + 1 != next.startYear)
        return fail(ErrorCode::InvalidInput,
                    YearText::tr("A new school year is opened from the one just before it, the last in the file (%1); "
                                 "open %2 next.")
                        .arg(last.toString(), SchoolYear {last.startYear + 1}.toString()));
    return {};
}

/** By class (grade first: a class name starts with it), then Vietnamese name order, as a class list reads. */
template <class T> void sortByClassAndName(QList<T>& list, QString T::*className)
{
    std::stable_sort(list.begin(), list.end(), [className](const T& a, const T& b) {
        if (a.*className != b.*className)
            return a.*className < b.*className;
        return text::compareVietnameseNames(a.studentName, b.studentName) < 0;
    });
}

QStringList classesOf(const QList<StudentMove>& moves)
{
    QSet<QString> names;
    for (const StudentMove& m : moves)
        if (m.move != YearMove::Leaves)
            names.insert(m.toClass);
    QStringList list(names.begin(), names.end());
    std::sort(list.begin(), list.end());
    return list;
}

Result<QHash<QString, Id>> createClasses(store::SchoolRepository& schools, const YearOpeningPlan& plan)
{
    QHash<QString, Id> ids;
    for (const QString& name : plan.newClasses) {
        ClassGroup cls;
        cls.schoolYear = plan.to;
        cls.grade = name.left(1).toInt();
        cls.name = name;
        auto id = schools.saveClass(cls);
        if (!id)
            return std::unexpected(id.error());
        ids.insert(name, *id);
    }
    return ids;
}

Status writeMove(store::StudentRepository& students, const StudentMove& m, SchoolYear year, Id classId)
{
    const QString completed = QStringLiteral("completed");
    if (m.move == YearMove::Leaves)
        return students.closeRecord(m.recordId, completed);
    Id recordId = m.recordId;
    if (m.newLevel) {
        auto record = students.openRecord(m.studentId, SchoolLevel::Thcs);
        if (!record)
            return std::unexpected(record.error());
        if (auto s = students.closeRecord(m.recordId, completed); !s)
            return s;
        recordId = record->id;
    }
    YearSection section;
    section.recordId = recordId;
    section.schoolYear = year;
    section.grade = m.toGrade;
    section.classId = classId;
    section.circular = circularOfGrade(m.toGrade).value_or(Circular::TT22);
    if (auto id = students.addSection(section); !id)
        return std::unexpected(id.error());
    return {};
}

} // namespace

int YearOpeningPlan::count(YearMove move) const
{
    return int(std::count_if(moves.begin(), moves.end(), [move](const StudentMove& m) { return m.move == move; }));
}

Result<YearOpeningPlan> planYearOpening(store::Database& db, SchoolYear next)
{
    store::SchoolRepository schools(db);
    auto school = schools.school();
    if (!school)
        return std::unexpected(school.error());
    if (!*school)
        return fail(ErrorCode::NotFound, YearText::tr("This file has no school yet."));
    if (auto s = checkYearToOpen(schools, next); !s)
        return std::unexpected(s.error());
    YearOpeningPlan plan;
    plan.to = next;
    plan.from = SchoolYear {next.startYear - 1};
    auto sections = lastYearSections(db, plan.from);
    if (!sections)
        return std::unexpected(sections.error());
    ResultsCache cache(db);
    for (const LastYearSection& s : *sections) {
        if (auto p = sectionProblem(s, plan.from)) {
            plan.problems.append(*p);
            continue;
        }
        auto results = cache.current(s.sectionId);
        if (!results)
            return std::unexpected(results.error());
        const Outcome outcome = outcomeOf(*results, s.grade);
        if (auto p = outcomeProblem(s, outcome)) {
            plan.problems.append(*p);
            continue;
        }
        plan.moves.append(moveOf(s, outcome, **school));
    }
    sortByClassAndName(plan.moves, &StudentMove::fromClass);
    sortByClassAndName(plan.problems, &YearOpeningProblem::className);
    plan.newClasses = classesOf(plan.moves);
    return plan;
}

Status applyYearOpening(store::Database& db, const YearOpeningPlan& plan, const Actor& actor)
{
    RightScope scope;
    scope.year = plan.to;
    if (auto s = permit(db, actor, Right::ManageSchool, scope); !s)
        return s;
    if (!plan.canApply())
        return fail(ErrorCode::InvalidInput,
                    YearText::tr("The school year %1 cannot be opened yet: %2 student(s) have problems to fix first.")
                        .arg(plan.to.toString())
                        .arg(plan.problems.size()));
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto current = planYearOpening(db, plan.to);
    if (!current)
        return std::unexpected(current.error());
    if (*current != plan)
        return fail(ErrorCode::InvalidInput,
                    YearText::tr("The school file changed after the preview; preview the opening of %1 again.")
                        .arg(plan.to.toString()));
    store::SchoolRepository schools(db);
    if (auto s = schools.addSchoolYear(plan.to); !s)
        return s;
    auto classIds = createClasses(schools, plan);
    if (!classIds)
        return std::unexpected(classIds.error());
    store::StudentRepository students(db);
    for (const StudentMove& m : plan.moves)
        if (auto s = writeMove(students, m, plan.to, classIds->value(m.toClass)); !s)
            return s;
    const QString summary = QStringLiteral("from=%1;promoted=%2;retained=%3;leaving=%4;classes=%5")
                                .arg(plan.from.toString())
                                .arg(plan.count(YearMove::Promoted))
                                .arg(plan.count(YearMove::Retained))
                                .arg(plan.count(YearMove::Leaves))
                                .arg(plan.newClasses.size());
    if (auto s = store::AuditLog(db).append(QStringLiteral("year.open"), QStringLiteral("school_year"),
                                            plan.to.toString(), {}, std::nullopt, summary);
        !s)
        return s;
    return tx.commit();
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/ClassReview.h"

#include "domain/Curriculum.h"
#include "domain/PersonalId.h"
#include "lifecycle/SchoolLint.h"
#include "render/Fonts.h"
#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
#include "rules/Names.h"
#include "rules/Tt22Rules.h"
#include "store/Database.h"
#include "store/SchoolRepository.h"
#include "store/StudentRepository.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSet>
#include <QTextDocument>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::ClassReview)
};

const QStringList kTerms {QStringLiteral("hk1"), QStringLiteral("hk2"), QStringLiteral("gk1"), QStringLiteral("ck1"),
                          QStringLiteral("gk2"), QStringLiteral("cn"),  QStringLiteral("year")};

QString termName(const QString& term)
{
    if (term == QLatin1String("hk1") || term == QLatin1String("hk2"))
        return rules::semesterName(term);
    if (term.isEmpty())
        return {};
    return Text::tr("end of year");
}

/** Where a finding's field is, as the teacher reads it: subject and term, a quality, the conduct… */
void locate(ReviewItem& item, const QString& field)
{
    const QStringList parts = field.split(QLatin1Char('.'));
    const QString head = parts.value(0);
    if ((head == QLatin1String("subjects") || head == QLatin1String("retests")) && parts.size() >= 2) {
        item.subject = parts.at(1);
        const QString term = parts.value(2).section(QLatin1Char('['), 0, 0);
        if (kTerms.contains(term))
            item.term = term;
        else if (head == QLatin1String("retests"))
            item.term = QStringLiteral("year");
        item.where = rules::subjectName(item.subject);
        if (!item.term.isEmpty())
            item.where += QStringLiteral(", ") + termName(item.term);
    } else if (head == QLatin1String("conduct")) {
        item.term = parts.value(1);
        item.where = Text::tr("Conduct, %1").arg(termName(item.term));
    } else if ((head == QLatin1String("qualities") || head == QLatin1String("competencies")) && parts.size() >= 2) {
        item.term = QStringLiteral("cn");
        item.where = rules::traitName(parts.at(1));
    } else if (head == QLatin1String("comment")) {
        item.term = QStringLiteral("year");
        item.where = Text::tr("Homeroom teacher's comment");
    } else if (head == QLatin1String("absences")) {
        item.term = QStringLiteral("year");
        item.where = Text::tr("Days absent");
    } else if (head == QLatin1String("personalId")) {
        item.where = Text::tr("Personal ID");
    }
}

ReviewKind kindOf(const Finding& f)
{
    if (f.field == QLatin1String("personalId") || f.code.startsWith(QLatin1String("pid.")))
        return ReviewKind::PersonalId;
    if (f.code == QLatin1String("assessment.missing") || f.code == QLatin1String("subject.missing")
        || f.code == QLatin1String("absences.missing")) {
        if (f.field.endsWith(QLatin1String(".level")) || f.field.startsWith(QLatin1String("qualities."))
            || f.field.startsWith(QLatin1String("competencies.")))
            return ReviewKind::MissingLevel;
        return ReviewKind::MissingMark;
    }
    return ReviewKind::Lint;
}

bool emptyText(const std::optional<QString>& text)
{
    return !text || text->trimmed().isEmpty();
}

bool emptyText(const QString& text)
{
    return text.trimmed().isEmpty();
}

/** The birthplace names no place a record can use: empty, or neither a province nor a place with its province. */
std::optional<Finding> birthplaceProblem(const Student& s)
{
    const QString place = s.birthplace.trimmed();
    if (place.isEmpty())
        return Finding {Finding::Severity::Warning, QStringLiteral("birthplace.missing"), QStringLiteral("birthplace"),
                        Text::tr("The birthplace is missing.")};
    // A birth registered abroad (country code) names a country, which is complete as it is.
    bool ok = false;
    const int registration = s.personalId.left(3).toInt(&ok);
    if (ok && s.personalId.size() == 12 && registration > 100)
        return std::nullopt;
    for (int code : personal_id::provinceCodes())
        if (place.contains(personal_id::provinceName(code), Qt::CaseInsensitive))
            return std::nullopt;
    return Finding {
        Finding::Severity::Warning, QStringLiteral("birthplace.incomplete"), QStringLiteral("birthplace"),
        Text::tr("The birthplace \"%1\" does not name its province or city; write it as on the birth certificate.")
            .arg(place)};
}

/** Marks, levels and comments not entered in one pupil's year; items only for what lint does not already say. */
struct Completeness
{
    int marks = 0;
    int comments = 0;
    QList<std::pair<QString, QString>> missingComments; ///< field, where
};

Completeness completeness(const StudentYearInput& input)
{
    Completeness c;
    const QStringList codes = input.subjectCodes();
    const auto comment = [&](const std::optional<QString>& text, const QString& field, const QString& where) {
        if (emptyText(text)) {
            ++c.comments;
            c.missingComments.append({field, where});
        }
    };
    for (const CurriculumSubject& cs : curriculumFor(input.grade, codes)) {
        const SubjectEntry* entry = nullptr;
        for (const SubjectEntry& s : input.subjects)
            if (s.code == cs.code)
                entry = &s;
        if (!entry && !cs.required)
            continue;
        const QString field = QStringLiteral("subjects.") + cs.code;
        if (input.circular == Circular::TT27) {
            if (!entry) {
                c.marks += cs.yearEndTest ? 2 : 1;
                ++c.comments;
                continue;
            }
            c.marks += emptyText(entry->level) ? 1 : 0;
            c.marks += cs.yearEndTest && emptyText(entry->score) ? 1 : 0;
            comment(entry->comment, field + QStringLiteral(".comment"), rules::subjectName(cs.code));
            continue;
        }
        const bool score = (entry && !entry->assessment.isEmpty()) ? entry->assessment == QLatin1String("score")
                                                                   : cs.form == AssessmentForm::Score;
        const std::optional<int> periods = entry && entry->periodsPerYear ? entry->periodsPerYear : cs.periodsPerYear;
        const int regular = score ? (periods ? rules::tt22::requiredRegularScores(*periods) : 0)
                                  : rules::tt22::requiredRegularComments;
        if (!entry) {
            c.marks += 2 * (regular + 2);
            ++c.comments;
            continue;
        }
        for (const SemesterEntries* s : {&entry->hk1, &entry->hk2}) {
            int given = 0;
            for (const QString& v : s->regular)
                given += emptyText(v) ? 0 : 1;
            c.marks += std::max(0, regular - given);
            c.marks += emptyText(s->midterm) ? 1 : 0;
            c.marks += emptyText(s->final) ? 1 : 0;
        }
        // The year's comment of a subject is the second semester's (the one the record prints).
        comment(entry->hk2.comment, field + QStringLiteral(".hk2.comment"),
                rules::subjectName(cs.code) + QStringLiteral(", ") + rules::semesterName(QStringLiteral("hk2")));
    }
    if (input.circular == Circular::TT27) {
        for (const QString& q : primaryQualities())
            c.marks += emptyText(input.qualities.value(q)) ? 1 : 0;
        for (const QString& q : primaryCompetencies())
            c.marks += emptyText(input.competencies.value(q)) ? 1 : 0;
    } else {
        c.marks += emptyText(input.conductHk1) ? 1 : 0;
        c.marks += emptyText(input.conductHk2) ? 1 : 0;
    }
    comment(input.comment, QStringLiteral("comment"), Text::tr("Homeroom teacher's comment"));
    return c;
}

/** Why a pupil belongs to the August cohort (the 15/8 deadline), or nothing. */
std::optional<std::pair<QString, QString>> augustReason(const YearSection& section,
                                                        const Result<EvaluationOutput>& evaluation)
{
    const bool primaryWaiting = section.awaitingAdditionalAssessment
        || (evaluation && evaluation->primary
            && evaluation->primaryOutcome.awaitingAdditionalAssessment.value_or(false));
    if (primaryWaiting)
        return std::pair {QStringLiteral("august.additional_assessment"),
                          Text::tr("Awaits additional assessment over the summer: the record is due by 15/8.")};
    if (!evaluation || evaluation->primary || !evaluation->thcsOutcome.promotion)
        return std::nullopt;
    switch (*evaluation->thcsOutcome.promotion) {
    case Promotion::Retest:
        return std::pair {QStringLiteral("august.retest"),
                          Text::tr("Must be re-assessed in the summer: the record is due by 15/8.")};
    case Promotion::SummerTraining:
        return std::pair {QStringLiteral("august.summer_training"),
                          Text::tr("Must do conduct training over the summer: the record is due by 15/8.")};
    default:
        return std::nullopt;
    }
}

Result<QSet<Id>> approvedSections(store::Database& db, SchoolYear year)
{
    auto st
        = db.prepare(QStringLiteral("SELECT id FROM year_section WHERE school_year = ?1 AND approved_at IS NOT NULL"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, year.startYear);
    QSet<Id> out;
    while (true) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return out;
        out.insert(st->int64(0));
    }
}

Result<QList<ClassReturn>> returnsOf(store::Database& db, Id classId)
{
    auto st = db.prepare(QStringLiteral("SELECT id, reason, returned_by, returned_at, sections FROM class_return "
                                        "WHERE class_id = ?1 ORDER BY id DESC"));
    if (!st)
        return std::unexpected(st.error());
    st->bind(1, classId);
    QList<ClassReturn> out;
    while (true) {
        auto row = st->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return out;
        ClassReturn r;
        r.id = st->int64(0);
        r.reason = st->text(1);
        r.returnedBy = st->text(2);
        r.returnedAt = QDateTime::fromString(st->text(3), Qt::ISODate);
        r.sections = int(st->int64(4));
        out << r;
    }
}

Result<ClassReview> reviewOne(store::Database& db, const ClassGroup& cls, const QSet<Id>& approved)
{
    store::StudentRepository students(db);
    ClassReview review;
    review.cls = cls;
    if (cls.homeroomTeacherId) {
        auto teacher = store::SchoolRepository(db).teacher(*cls.homeroomTeacherId);
        if (!teacher)
            return std::unexpected(teacher.error());
        if (*teacher)
            review.homeroomTeacher = (*teacher)->fullName;
    }
    auto returns = returnsOf(db, cls.id);
    if (!returns)
        return std::unexpected(returns.error());
    review.returns = *returns;

    auto roster = students.roster(cls.id);
    if (!roster)
        return std::unexpected(roster.error());
    QStringList names;
    for (const auto& e : *roster)
        names << e.student.fullName;
    ClassReviewCounts& n = review.counts;
    for (const RosterEntry& e : *roster) {
        if (e.section.source == SectionSource::Paper)
            continue;
        ++n.pupils;
        switch (e.section.state) {
        case SectionState::Draft:
            ++n.draft;
            break;
        case SectionState::Ready:
            ++n.ready;
            n.approved += approved.contains(e.section.id) ? 1 : 0;
            break;
        case SectionState::Submitted:
        case SectionState::Locked:
            ++n.uploaded;
            ++n.signedCount;
            break;
        case SectionState::Signed:
            ++n.signedCount;
            break;
        case SectionState::Revoked:
        case SectionState::Superseded:
            break;
        }

        auto rows = students.assessments(e.section.id);
        if (!rows)
            return std::unexpected(rows.error());
        const StudentYearInput input
            = rules::fromAssessments(*rows, e.section.circular, e.section.schoolYear, e.section.grade);
        QStringList classmates = names;
        classmates.removeOne(e.student.fullName);
        rules::LintContext context;
        context.classmates = classmates;
        const Result<EvaluationOutput> evaluation = rules::evaluate(input, context);
        const Findings findings = lintStudent(e.student, evaluation);

        const auto add = [&](ReviewKind kind, const Finding& f) {
            ReviewItem item;
            item.studentId = e.student.id;
            item.fullName = e.student.fullName;
            item.sectionId = e.section.id;
            item.kind = kind;
            item.code = f.code;
            item.severity = f.severity;
            item.message = f.message;
            locate(item, f.field);
            review.items << item;
        };
        const qsizetype first = review.items.size();
        QSet<QString> fields;
        for (const Finding& f : findings) {
            add(kindOf(f), f);
            fields.insert(f.field);
        }
        const Completeness c = completeness(input);
        n.marksMissing += c.marks;
        n.commentsMissing += c.comments;
        for (const auto& [field, where] : c.missingComments) {
            if (fields.contains(field))
                continue; // lint already said (e.g. an empty comment)
            add(ReviewKind::MissingComment,
                {Finding::Severity::Warning, QStringLiteral("comment.missing"), field,
                 Text::tr("%1: the comment is not written.").arg(where)});
        }
        if (e.student.moetCode.trimmed().isEmpty())
            add(ReviewKind::MoetCode,
                {Finding::Severity::Warning, QStringLiteral("moet.missing"), QStringLiteral("moetCode"),
                 Text::tr("The Ministry's pupil code (mã học sinh) is missing.")});
        if (auto problem = birthplaceProblem(e.student))
            add(ReviewKind::Birthplace, *problem);
        if (auto august = augustReason(e.section, evaluation)) {
            ++n.augustCohort;
            n.augustSigned += (e.section.state == SectionState::Signed || e.section.state == SectionState::Submitted
                               || e.section.state == SectionState::Locked)
                ? 1
                : 0;
            add(ReviewKind::AugustCohort,
                {Finding::Severity::Warning, august->first, QStringLiteral("promotion"), august->second});
        }
        bool clean = true;
        for (qsizetype i = first; i < review.items.size(); ++i)
            clean = clean && review.items.at(i).severity != Finding::Severity::Error;
        n.clean += clean ? 1 : 0;
    }
    return review;
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

} // namespace

QString toCode(ReviewKind kind)
{
    switch (kind) {
    case ReviewKind::Lint:
        return QStringLiteral("lint");
    case ReviewKind::MissingMark:
        return QStringLiteral("missing_mark");
    case ReviewKind::MissingLevel:
        return QStringLiteral("missing_level");
    case ReviewKind::MissingComment:
        return QStringLiteral("missing_comment");
    case ReviewKind::PersonalId:
        return QStringLiteral("personal_id");
    case ReviewKind::MoetCode:
        return QStringLiteral("moet_code");
    case ReviewKind::Birthplace:
        return QStringLiteral("birthplace");
    case ReviewKind::AugustCohort:
        return QStringLiteral("august");
    }
    return {};
}

QString displayName(ReviewKind kind)
{
    switch (kind) {
    case ReviewKind::Lint:
        return Text::tr("Check");
    case ReviewKind::MissingMark:
        return Text::tr("Missing mark");
    case ReviewKind::MissingLevel:
        return Text::tr("Missing level");
    case ReviewKind::MissingComment:
        return Text::tr("Missing comment");
    case ReviewKind::PersonalId:
        return Text::tr("Personal ID");
    case ReviewKind::MoetCode:
        return Text::tr("Pupil code");
    case ReviewKind::Birthplace:
        return Text::tr("Birthplace");
    case ReviewKind::AugustCohort:
        return Text::tr("August cohort");
    }
    return {};
}

ClassReviewCounts& ClassReviewCounts::operator+=(const ClassReviewCounts& o)
{
    pupils += o.pupils;
    marksMissing += o.marksMissing;
    commentsMissing += o.commentsMissing;
    clean += o.clean;
    draft += o.draft;
    ready += o.ready;
    approved += o.approved;
    signedCount += o.signedCount;
    uploaded += o.uploaded;
    augustCohort += o.augustCohort;
    augustSigned += o.augustSigned;
    return *this;
}

int ClassReview::errorCount() const
{
    int n = 0;
    for (const ReviewItem& i : items)
        n += i.severity == Finding::Severity::Error ? 1 : 0;
    return n;
}

Result<QList<ClassReview>> reviewClasses(store::Database& db, const ClassReviewOptions& options)
{
    auto classes = store::SchoolRepository(db).classes(options.year);
    if (!classes)
        return std::unexpected(classes.error());
    if (options.className) {
        classes->removeIf([&](const ClassGroup& c) { return c.name != *options.className; });
        if (classes->isEmpty())
            return fail(
                ErrorCode::NotFound,
                Text::tr("There is no class %1 in school year %2.").arg(*options.className, options.year.toString()));
    }
    auto approved = approvedSections(db, options.year);
    if (!approved)
        return std::unexpected(approved.error());
    QList<ClassReview> out;
    for (const ClassGroup& cls : *classes) {
        auto one = reviewOne(db, cls, *approved);
        if (!one)
            return std::unexpected(one.error());
        out << std::move(*one);
    }
    return out;
}

Result<ClassReview> reviewClass(store::Database& db, SchoolYear year, const QString& className)
{
    auto list = reviewClasses(db, {year, className});
    if (!list)
        return std::unexpected(list.error());
    return list->first();
}

QString fixListHtml(const ClassReview& review, const QString& schoolName, QDate date)
{
    const QString title
        = Text::tr("Fix list before signing: class %1, school year %2, %3")
              .arg(review.cls.name, review.cls.schoolYear.toString(), date.toString(QStringLiteral("dd/MM/yyyy")));
    QString h;
    h += QStringLiteral("<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>").arg(esc(title));
    if (!schoolName.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(schoolName));
    h += QStringLiteral("<h2>%1</h2>").arg(esc(title));
    if (!review.homeroomTeacher.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("Homeroom teacher: %1").arg(review.homeroomTeacher)));
    const ClassReviewCounts& n = review.counts;
    h += QStringLiteral("<p>%1</p>")
             .arg(esc(Text::tr("%1 pupils, %2 without errors; %3 marks or levels and %4 comments not entered; %5 in "
                               "the August cohort.")
                          .arg(n.pupils)
                          .arg(n.clean)
                          .arg(n.marksMissing)
                          .arg(n.commentsMissing)
                          .arg(n.augustCohort)));
    for (const ClassReturn& r : review.returns)
        h += QStringLiteral("<p><b>%1</b></p>")
                 .arg(esc(Text::tr("Returned by %1 on %2: %3")
                              .arg(r.returnedBy,
                                   r.returnedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")), r.reason)));
    if (review.items.isEmpty()) {
        h += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("Nothing to fix.")));
    } else {
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><thead><tr>");
        const QList<std::pair<QString, int>> heads {
            {Text::tr("No."), 5},      {Text::tr("Pupil"), 17},    {Text::tr("Where"), 15}, {Text::tr("Kind"), 13},
            {Text::tr("Problem"), 33}, {Text::tr("Severity"), 10}, {Text::tr("Done"), 7}};
        for (const auto& [head, width] : heads)
            h += QStringLiteral("<th width=\"%1%\">%2</th>").arg(width).arg(esc(head));
        h += QStringLiteral("</tr></thead><tbody>");
        int i = 0;
        for (const ReviewItem& item : review.items)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td></td></tr>")
                     .arg(++i)
                     .arg(esc(item.fullName), esc(item.where), esc(displayName(item.kind)), esc(item.message),
                          esc(item.severity == Finding::Severity::Error ? Text::tr("Error") : Text::tr("Warning")));
        h += QStringLiteral("</tbody></table>");
    }
    h += QStringLiteral("</body></html>");
    return h;
}

Status writeFixListPdf(const ClassReview& review, const QString& schoolName, QDate date, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, Text::tr("Cannot write the file %1.").arg(path), file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("hocba"));
        writer.setTitle(
            Text::tr("Fix list: class %1, school year %2").arg(review.cls.name, review.cls.schoolYear.toString()));
        QTextDocument doc;
        QFont font(render::printFontFamily());
        font.setPointSizeF(9);
        doc.setDefaultFont(font);
        doc.setHtml(fixListHtml(review, schoolName, date));
        doc.print(&writer);
    }
    if (!file.commit())
        return fail(ErrorCode::Io, Text::tr("Cannot write the file %1.").arg(path), file.errorString());
    return {};
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/Exports.h"

#include "domain/Curriculum.h"
#include "domain/PrintedText.h"
#include "lifecycle/StudentColumns.h"
#include "rules/AssessmentMapping.h"
#include "rules/Evaluator.h"
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
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::Exports)
};

using sheets::Cell;
using sheets::DataSheet;
using sheets::MergedRange;

/** Averages and other one-decimal results: shown as 7,5 or 7.5 by the reader's settings, never as 7,50. */
const QString kOneDecimal = QStringLiteral("0.0");

/** One pupil of the class with the year section's stored rows and what the rules make of them. */
struct Pupil
{
    RosterEntry entry;
    QList<Assessment> rows;
    StudentYearInput input;
    std::optional<EvaluationOutput> output; ///< absent when no circular covers the year
};

struct ClassData
{
    School school;
    ClassGroup cls;
    SchoolLevel level = SchoolLevel::Thcs;
    QList<Pupil> pupils;
};

Result<ClassData> loadClass(store::Database& db, const Actor& actor, const ExportRequest& request)
{
    store::SchoolRepository schools(db);
    auto cls = schools.classByName(request.year, request.className.trimmed());
    if (!cls)
        return std::unexpected(cls.error());
    if (!*cls)
        return fail(ErrorCode::NotFound,
                    Text::tr("There is no class %1 in the school year %2.")
                        .arg(request.className.trimmed(), request.year.toString()));
    if (auto ok = permit(db, actor, Right::PrintExport, RightScope::inClass(request.year, (*cls)->id)); !ok)
        return std::unexpected(ok.error());
    auto school = schools.school();
    if (!school)
        return std::unexpected(school.error());
    ClassData data;
    data.school = school->value_or(School {});
    data.cls = **cls;
    data.level = levelOfGrade(data.cls.grade).value_or(SchoolLevel::Thcs);
    store::StudentRepository students(db);
    auto roster = students.roster(data.cls.id);
    if (!roster)
        return std::unexpected(roster.error());
    for (const RosterEntry& e : *roster) {
        Pupil p;
        p.entry = e;
        auto rows = students.assessments(e.section.id);
        if (!rows)
            return std::unexpected(rows.error());
        p.rows = *rows;
        p.input = rules::fromAssessments(p.rows, e.section.circular, e.section.schoolYear, e.section.grade);
        if (auto out = rules::evaluate(p.input))
            p.output = std::move(*out);
        data.pupils.append(std::move(p));
    }
    return data;
}

QString familyAndMiddle(const QString& fullName)
{
    const QString given = text::givenName(fullName);
    return fullName.trimmed().chopped(std::min(given.size(), fullName.trimmed().size())).trimmed();
}

Cell tenths(std::optional<Tenths> value)
{
    return value ? Cell::ofNumber(*value / 10.0, kOneDecimal) : Cell();
}

/** Đ / CĐ as printed from the stored D / CD; anything else as stored. */
QString commentLevel(const QString& stored)
{
    if (stored == QLatin1String("D"))
        return u"Đ"_qs;
    if (stored == QLatin1String("CD"))
        return u"CĐ"_qs;
    return stored;
}

/** A stored score as a number ("8", "8.5"); a value that is not one (Đ, CĐ, something mistyped) as text. */
Cell score(const QString& stored)
{
    const ParsedScore parsed = parseScoreText(stored);
    if (parsed.tenths)
        return Cell::ofNumber(*parsed.tenths / 10.0);
    return Cell::ofText(commentLevel(stored));
}

QString termTitle(const QString& term)
{
    return term == QLatin1String("hk1") ? QStringLiteral("HỌC KỲ I")
        : term == QLatin1String("hk2")  ? QStringLiteral("HỌC KỲ II")
                                        : QStringLiteral("CẢ NĂM");
}

/** The title rows every sheet starts with: the managing body, the school, the sheet's title, the class line. */
QList<QList<Cell>> titleRows(const ClassData& d, const QString& title)
{
    const QString body = d.school.province.isEmpty()
        ? QString()
        : QStringLiteral("SỞ GIÁO DỤC VÀ ĐÀO TẠO %1").arg(d.school.province.toUpper());
    return {{Cell::ofText(body)},
            {Cell::ofText(d.school.name.toUpper())},
            {Cell::ofText(title)},
            {Cell::ofText(QStringLiteral("Khối %1 - Lớp %2").arg(d.cls.grade).arg(d.cls.name))},
            {}};
}

/** The identity cells of a pupil's row in a grade book and the summaries: STT, Mã học sinh, names, Ngày sinh. */
QList<Cell> identityCells(int number, const Student& s, bool splitName, bool personalId)
{
    QList<Cell> row {Cell::ofNumber(number), Cell::ofText(s.moetCode)};
    if (personalId)
        row << Cell::ofText(s.personalId);
    if (splitName)
        row << Cell::ofText(familyAndMiddle(s.fullName)) << Cell::ofText(text::givenName(s.fullName));
    else
        row << Cell::ofText(s.fullName);
    row << Cell::ofText(printedDate(s.birthDate));
    return row;
}

// ------------------------------------------------------------------------------------------------- grade book

Result<DataSheet> gradeBook(const ClassData& d, const ExportRequest& request)
{
    const QString subject = request.subject.trimmed().toLower();
    const bool primary = d.level == SchoolLevel::Primary;
    const CurriculumSubject* curriculum = findSubject(d.cls.grade, subject);
    if (subject.isEmpty() || !curriculum)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a subject of grade %2: give a subject code of docs/evaluate.md, for "
                             "example toan or ngu_van.")
                        .arg(subject)
                        .arg(d.cls.grade));
    QString term = request.term.trimmed().toLower();
    if (primary && term.isEmpty())
        term = QStringLiteral("cn");
    if (primary ? term != QLatin1String("cn") : term != QLatin1String("hk1") && term != QLatin1String("hk2"))
        return fail(ErrorCode::InvalidInput,
                    primary ? Text::tr("A primary grade book is for the whole year: leave out the semester (or give "
                                       "cn).")
                            : Text::tr("Say which semester the grade book is for: hk1 or hk2."));

    DataSheet sheet;
    sheet.name = QStringLiteral("%1 %2").arg(d.cls.name, gradeBookSubjectName(subject)).left(31);
    const QString title = primary
        ? QStringLiteral("BẢNG ĐIỂM CHI TIẾT - MÔN %1 - CẢ NĂM - NĂM HỌC %2")
              .arg(gradeBookSubjectName(subject).toUpper(), d.cls.schoolYear.toString())
        : QStringLiteral("BẢNG ĐIỂM CHI TIẾT - MÔN %1 - HỌC KỲ %2 - NĂM HỌC %3")
              .arg(gradeBookSubjectName(subject).toUpper(), term == QLatin1String("hk1") ? u"1"_qs : u"2"_qs,
                   d.cls.schoolYear.toString());
    sheet.rows = titleRows(d, title);
    sheet.titleRows = int(sheet.rows.size());
    const int h = sheet.titleRows;

    if (primary) {
        // STT · Mã học sinh · Họ đệm · Tên · Ngày sinh · Mức đạt được · Điểm KTĐK · Nhận xét (one header row).
        sheet.headerRows = 1;
        sheet.rows.append({Cell::ofText(u"STT"_qs), Cell::ofText(u"Mã học sinh"_qs), Cell::ofText(u"Họ đệm"_qs),
                           Cell::ofText(u"Tên"_qs), Cell::ofText(u"Ngày sinh"_qs), Cell::ofText(u"Mức đạt được"_qs),
                           Cell::ofText(u"Điểm KTĐK"_qs), Cell::ofText(u"Nhận xét"_qs)});
        sheet.widths = {5, 14, 20, 9, 12, 9, 9, 60};
        sheet.textColumns = {false, true, false, false, true, false, false, false};
        int n = 0;
        for (const Pupil& p : d.pupils) {
            QString level, testScore, comment;
            for (const Assessment& a : p.rows) {
                if (a.subject != subject || a.term != term)
                    continue;
                if (a.item == QLatin1String("level"))
                    level = a.value;
                else if (a.item == QLatin1String("score"))
                    testScore = a.value;
                else if (a.item == QLatin1String("comment"))
                    comment = a.value;
            }
            QList<Cell> row = identityCells(++n, p.entry.student, true, false);
            row << Cell::ofText(printedSubjectLevel(level)) << (testScore.isEmpty() ? Cell() : score(testScore))
                << Cell::ofText(comment);
            sheet.rows.append(row);
        }
        return sheet;
    }

    // THCS: the VnEdu two-row header; ĐĐGtx spans TX1…TXn, Họ và tên spans Họ đệm · Tên.
    const bool commentSubject = curriculum->form == AssessmentForm::Comment;
    int regular = rules::tt22::requiredRegularScores(curriculum->periodsPerYear.value_or(35));
    for (const Pupil& p : d.pupils)
        for (const Assessment& a : p.rows)
            if (a.subject == subject && a.term == term && a.item == QLatin1String("regular"))
                regular = std::max(regular, a.seq);
    QList<Cell> top {Cell::ofText(u"STT"_qs),       Cell::ofText(u"Mã học sinh"_qs),
                     Cell::ofText(u"Họ và tên"_qs), Cell(),
                     Cell::ofText(u"Ngày sinh"_qs), Cell::ofText(u"ĐĐGtx"_qs)};
    QList<Cell> sub {Cell(), Cell(), Cell::ofText(u"Họ đệm"_qs), Cell::ofText(u"Tên"_qs), Cell()};
    for (int i = 1; i <= regular; ++i) {
        if (i > 1)
            top << Cell();
        sub << Cell::ofText(QStringLiteral("TX%1").arg(i));
    }
    const int gk = 5 + regular;
    top << Cell::ofText(u"ĐĐGgk"_qs) << Cell::ofText(u"ĐĐGck"_qs) << Cell::ofText(u"ĐTBmhk"_qs)
        << Cell::ofText(u"Nhận xét"_qs);
    sub << Cell() << Cell() << Cell() << Cell();
    sheet.rows << top << sub;
    sheet.headerRows = 2;
    sheet.merges = {{h, 0, h + 1, 0},           {h, 1, h + 1, 1},          {h, 2, h, 3},
                    {h, 4, h + 1, 4},           {h, gk, h + 1, gk},        {h, gk + 1, h + 1, gk + 1},
                    {h, gk + 2, h + 1, gk + 2}, {h, gk + 3, h + 1, gk + 3}};
    if (regular > 1)
        sheet.merges.append({h, 5, h, 4 + regular});
    sheet.widths = {5, 14, 20, 9, 12};
    sheet.textColumns = {false, true, false, false, true};
    for (int i = 0; i < regular + 3; ++i) {
        sheet.widths << 7;
        sheet.textColumns << false;
    }
    sheet.widths << 60;
    sheet.textColumns << false;

    int n = 0;
    for (const Pupil& p : d.pupils) {
        QList<Cell> row = identityCells(++n, p.entry.student, true, false);
        QList<Cell> marks(regular + 2);
        QString comment;
        for (const Assessment& a : p.rows) {
            if (a.subject != subject || a.term != term || a.value.isEmpty())
                continue;
            if (a.item == QLatin1String("regular") && a.seq >= 1 && a.seq <= regular)
                marks[a.seq - 1] = score(a.value);
            else if (a.item == QLatin1String("midterm"))
                marks[regular] = score(a.value);
            else if (a.item == QLatin1String("final"))
                marks[regular + 1] = score(a.value);
            else if (a.item == QLatin1String("comment"))
                comment = a.value;
        }
        row << marks;
        Cell average;
        if (p.output)
            for (const ThcsSubjectOutcome& o : p.output->thcsOutcome.subjects) {
                if (o.code != subject)
                    continue;
                if (commentSubject || !o.scoreSubject) {
                    const auto r = term == QLatin1String("hk1") ? o.hk1Result : o.hk2Result;
                    average = r ? Cell::ofText(printedCommentResult(*r)) : Cell();
                } else {
                    average = tenths(term == QLatin1String("hk1") ? o.hk1Average : o.hk2Average);
                }
            }
        row << average << Cell::ofText(comment);
        sheet.rows.append(row);
    }
    return sheet;
}

// ------------------------------------------------------------------------------------------------- summaries

/** The subjects of the class's grade, in record order (the merged Tin học và Công nghệ when the class used it). */
QList<CurriculumSubject> classSubjects(const ClassData& d)
{
    QStringList entered;
    for (const Pupil& p : d.pupils)
        for (const SubjectEntry& s : p.input.subjects)
            if (!entered.contains(s.code))
                entered << s.code;
    QList<CurriculumSubject> out;
    for (const CurriculumSubject& s : curriculumFor(d.cls.grade, entered))
        if (s.required || entered.contains(s.code))
            out << s;
    return out;
}

QString absenceText(const QString& typed)
{
    return typed.trimmed();
}

Cell count(const QString& typed)
{
    bool ok = false;
    const int n = typed.trimmed().toInt(&ok);
    return ok ? Cell::ofNumber(n) : Cell::ofText(absenceText(typed));
}

Result<DataSheet> thcsSummary(const ClassData& d, const QString& term)
{
    if (term != QLatin1String("hk1") && term != QLatin1String("hk2") && term != QLatin1String("cn"))
        return fail(ErrorCode::InvalidInput, Text::tr("Say which period the summary is for: hk1, hk2 or cn."));
    const bool year = term == QLatin1String("cn");
    DataSheet sheet;
    sheet.name = d.cls.name.left(31);
    sheet.rows = titleRows(d,
                           QStringLiteral("BẢNG TỔNG HỢP KẾT QUẢ GIÁO DỤC %1, NĂM HỌC %2")
                               .arg(termTitle(term), d.cls.schoolYear.toString().replace(u'-', u" - "_qs)));
    sheet.titleRows = int(sheet.rows.size());
    const int h = sheet.titleRows;
    const QList<CurriculumSubject> subjects = classSubjects(d);

    QList<Cell> top {Cell::ofText(u"STT"_qs), Cell::ofText(u"Mã học sinh"_qs), Cell::ofText(u"Số định danh cá nhân"_qs),
                     Cell::ofText(u"Họ và tên"_qs), Cell::ofText(u"Ngày sinh"_qs)};
    QList<Cell> sub(5);
    sheet.widths = {5, 14, 14, 26, 12};
    sheet.textColumns = {false, true, true, false, true};
    for (const CurriculumSubject& s : subjects) {
        top << Cell::ofText(printedSubjectName(s.code, d.level));
        sub << Cell::ofText(s.form == AssessmentForm::Comment ? u"(N.xét)"_qs : u"(ĐTB)"_qs);
        sheet.widths << 9;
        sheet.textColumns << false;
    }
    const int after = int(top.size());
    top << Cell::ofText(u"Kết quả học tập"_qs) << Cell::ofText(u"Kết quả rèn luyện"_qs) << Cell::ofText(u"Buổi nghỉ"_qs)
        << Cell() << Cell();
    sub << Cell() << Cell() << Cell::ofText(u"P"_qs) << Cell::ofText(u"K"_qs) << Cell::ofText(u"Tổng"_qs);
    sheet.widths << 11 << 11 << 6 << 6 << 6;
    sheet.textColumns << false << false << false << false << false;
    if (year) {
        top << Cell::ofText(u"Lên lớp"_qs) << Cell::ofText(u"Danh hiệu"_qs);
        sub << Cell() << Cell();
        sheet.widths << 22 << 16;
        sheet.textColumns << false << false;
    }
    sheet.rows << top << sub;
    sheet.headerRows = 2;
    // Every header cell spans both rows, except the subjects (their sub-header says average or comment) and
    // "Buổi nghỉ", which spans P · K · Tổng.
    for (int c = 0; c < top.size(); ++c)
        if (c < 5 || (c >= after && c < after + 2) || c > after + 4)
            sheet.merges.append({h, c, h + 1, c});
    sheet.merges.append({h, after + 2, h, after + 4});

    int n = 0;
    for (const Pupil& p : d.pupils) {
        QList<Cell> row = identityCells(++n, p.entry.student, false, true);
        const ThcsOutcome* o = p.output ? &p.output->thcsOutcome : nullptr;
        for (const CurriculumSubject& s : subjects) {
            Cell c;
            if (o)
                for (const ThcsSubjectOutcome& so : o->subjects) {
                    if (so.code != s.code)
                        continue;
                    if (so.scoreSubject) {
                        c = tenths(term == QLatin1String("hk1")       ? so.hk1Average
                                       : term == QLatin1String("hk2") ? so.hk2Average
                                                                      : so.yearAverage);
                    } else {
                        const auto r = term == QLatin1String("hk1") ? so.hk1Result
                            : term == QLatin1String("hk2")          ? so.hk2Result
                                                                    : so.yearResult;
                        c = r ? Cell::ofText(printedCommentResult(*r)) : Cell();
                    }
                }
            row << c;
        }
        const auto level
            = [](const std::optional<ThcsLevel>& l) { return l ? Cell::ofText(printedLevel(*l)) : Cell(); };
        if (o) {
            row << level(term == QLatin1String("hk1")       ? o->learningHk1
                             : term == QLatin1String("hk2") ? o->learningHk2
                                                            : o->learningYear)
                << level(term == QLatin1String("hk1")       ? o->conductHk1
                             : term == QLatin1String("hk2") ? o->conductHk2
                                                            : o->conductYear);
        } else {
            row << Cell() << Cell();
        }
        // Absences are kept for the whole year: the year's summary carries them.
        if (year) {
            const StudentYearInput& in = p.input;
            const bool split = !in.absencesExcused.trimmed().isEmpty() || !in.absencesUnexcused.trimmed().isEmpty();
            QString total = in.absences.trimmed();
            if (total.isEmpty() && split)
                total = QString::number(in.absencesExcused.trimmed().toInt() + in.absencesUnexcused.trimmed().toInt());
            row << count(in.absencesExcused) << count(in.absencesUnexcused) << count(total);
            row << (o && o->promotion ? Cell::ofText(printedPromotion(*o->promotion, d.cls.grade)) : Cell())
                << (o && o->award ? Cell::ofText(printedAward(*o->award)) : Cell());
        } else {
            row << Cell() << Cell() << Cell();
        }
        sheet.rows.append(row);
    }
    return sheet;
}

Result<DataSheet> primarySummary(const ClassData& d, const QString& term)
{
    if (!term.isEmpty() && term != QLatin1String("cn"))
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The school file keeps a primary class's year-end evaluation (cn) only: leave out the "
                             "period or give cn."));
    DataSheet sheet;
    sheet.name = d.cls.name.left(31);
    sheet.rows = titleRows(d,
                           QStringLiteral("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC CUỐI NĂM HỌC, NĂM HỌC %1")
                               .arg(d.cls.schoolYear.toString().replace(u'-', u" - "_qs)));
    sheet.titleRows = int(sheet.rows.size());
    const int h = sheet.titleRows;
    const QList<CurriculumSubject> subjects = classSubjects(d);
    QList<Cell> top {Cell::ofText(u"STT"_qs), Cell::ofText(u"Mã học sinh"_qs), Cell::ofText(u"Họ và tên"_qs),
                     Cell::ofText(u"Ngày sinh"_qs)};
    QList<Cell> sub(4);
    sheet.widths = {5, 14, 26, 12};
    sheet.textColumns = {false, true, false, true};
    for (int c = 0; c < 4; ++c)
        sheet.merges.append({h, c, h + 1, c});
    for (const CurriculumSubject& s : subjects) {
        const int c = int(top.size());
        top << Cell::ofText(printedSubjectName(s.code, d.level));
        sub << Cell::ofText(u"Mức"_qs);
        if (s.yearEndTest) {
            top << Cell();
            sub << Cell::ofText(u"KTĐK"_qs);
            sheet.merges.append({h, c, h, c + 1});
        }
        sheet.widths << 6 << 6;
        sheet.textColumns << false << false;
    }
    const auto traits = [&](const QString& group, const QList<QString>& codes) {
        const int c = int(top.size());
        for (int i = 0; i < codes.size(); ++i) {
            top << (i == 0 ? Cell::ofText(group) : Cell());
            sub << Cell::ofText(printedTraitName(codes.at(i)));
            sheet.widths << 9;
            sheet.textColumns << false;
        }
        if (codes.size() > 1)
            sheet.merges.append({h, c, h, c + int(codes.size()) - 1});
    };
    traits(u"Phẩm chất"_qs, primaryQualities());
    traits(u"Năng lực"_qs, primaryCompetencies());
    const int end = int(top.size());
    top << Cell::ofText(u"Kết quả giáo dục"_qs) << Cell::ofText(u"Khen thưởng"_qs)
        << Cell::ofText(u"Hoàn thành chương trình"_qs);
    sub << Cell() << Cell() << Cell();
    sheet.widths << 18 << 18 << 28;
    sheet.textColumns << false << false << false;
    for (int c = end; c < end + 3; ++c)
        sheet.merges.append({h, c, h + 1, c});
    sheet.rows << top << sub;
    sheet.headerRows = 2;

    int n = 0;
    for (const Pupil& p : d.pupils) {
        QList<Cell> row = identityCells(++n, p.entry.student, false, false);
        for (const CurriculumSubject& s : subjects) {
            const auto entry
                = std::ranges::find_if(p.input.subjects, [&](const SubjectEntry& e) { return e.code == s.code; });
            const bool has = entry != p.input.subjects.end();
            row << Cell::ofText(has ? printedSubjectLevel(entry->level) : QString());
            if (s.yearEndTest)
                row << (has && !entry->score.isEmpty() ? score(entry->score) : Cell());
        }
        for (const QString& q : primaryQualities())
            row << Cell::ofText(printedTraitLevel(p.input.qualities.value(q)));
        for (const QString& c : primaryCompetencies())
            row << Cell::ofText(printedTraitLevel(p.input.competencies.value(c)));
        const PrimaryOutcome* o = p.output ? &p.output->primaryOutcome : nullptr;
        row << (o && o->result ? Cell::ofText(printedResult(*o->result)) : Cell())
            << (o && o->award && *o->award != PrimaryAward::None ? Cell::ofText(printedAward(*o->award)) : Cell())
            << (o ? Cell::ofText(printedCompletion(*o, d.cls.grade)) : Cell());
        sheet.rows.append(row);
    }
    return sheet;
}

// ------------------------------------------------------------------------------------------------- student list

DataSheet studentList(const ClassData& d)
{
    using namespace student_columns;
    DataSheet sheet;
    sheet.name = d.cls.name.left(31);
    sheet.rows = titleRows(d,
                           QStringLiteral("DANH SÁCH HỌC SINH LỚP %1 - NĂM HỌC %2")
                               .arg(d.cls.name.toUpper(), d.cls.schoolYear.toString()));
    sheet.titleRows = int(sheet.rows.size());
    sheet.headerRows = 1;
    QList<Cell> header {Cell::ofText(u"STT"_qs)};
    sheet.widths = {5};
    sheet.textColumns = {false};
    for (int f = 0; f < FieldCount; ++f) {
        header << Cell::ofText(headings()[std::size_t(f)]);
        const bool text
            = f == MoetCode || f == PersonalIdField || f == BirthDate || f == RegistrationNumber || f == ClassName;
        sheet.textColumns << text;
        sheet.widths << (f == FullName || f == Birthplace || f == Hometown || f == Address ? 26 : 14);
    }
    sheet.rows << header;
    int n = 0;
    for (const Pupil& p : d.pupils) {
        const Student& s = p.entry.student;
        QList<Cell> row {Cell::ofNumber(++n)};
        for (int f = 0; f < FieldCount; ++f) {
            QString v;
            switch (Field(f)) {
            case MoetCode:
                v = s.moetCode;
                break;
            case PersonalIdField:
                v = s.personalId;
                break;
            case FullName:
                v = s.fullName;
                break;
            case FamilyAndMiddle:
                v = familyAndMiddle(s.fullName);
                break;
            case GivenName:
                v = text::givenName(s.fullName);
                break;
            case BirthDate:
                v = printedDate(s.birthDate);
                break;
            case GenderField:
                v = s.gender == Gender::Unknown ? QString() : printedGender(s.gender);
                break;
            case Ethnicity:
                v = s.ethnicity;
                break;
            case Nationality:
                v = s.nationality;
                break;
            case ClassName:
                v = d.cls.name;
                break;
            case Birthplace:
                v = s.birthplace;
                break;
            case Hometown:
                v = s.hometown;
                break;
            case Address:
                v = s.address;
                break;
            case FatherName:
                v = s.fatherName;
                break;
            case MotherName:
                v = s.motherName;
                break;
            case RegistrationNumber:
                v = s.registrationNumber;
                break;
            case FieldCount:
                break;
            }
            row << Cell::ofText(v);
        }
        sheet.rows.append(row);
    }
    return sheet;
}

} // namespace

QString gradeBookSubjectName(const QString& code)
{
    // Names the grade import's title reading knows (GradeImport.cpp), as VnEdu heads its books.
    static const QHash<QString, QString> names {
        {u"am_nhac"_qs, u"Âm nhạc"_qs},
        {u"mi_thuat"_qs, u"Mĩ thuật"_qs},
        {u"noi_dung_gddp"_qs, u"Nội dung giáo dục địa phương"_qs},
        {u"tin_hoc"_qs, u"Tin học"_qs},
        {u"cong_nghe"_qs, u"Công nghệ"_qs},
    };
    return names.value(code, printedSubjectName(code));
}

Result<sheets::DataSheet> exportSheet(store::Database& db, const Actor& actor, const ExportRequest& request)
{
    auto data = loadClass(db, actor, request);
    if (!data)
        return std::unexpected(data.error());
    switch (request.kind) {
    case ExportKind::GradeBook:
        return gradeBook(*data, request);
    case ExportKind::ClassSummary: {
        const QString term = request.term.trimmed().toLower();
        return data->level == SchoolLevel::Primary ? primarySummary(*data, term)
                                                   : thcsSummary(*data, term.isEmpty() ? u"cn"_qs : term);
    }
    case ExportKind::StudentList:
        return studentList(*data);
    }
    return fail(ErrorCode::Internal, QStringLiteral("export kind"));
}

Status exportWorkbook(store::Database& db, const Actor& actor, const ExportRequest& request, const QString& path)
{
    auto sheet = exportSheet(db, actor, request);
    if (!sheet)
        return std::unexpected(sheet.error());
    return sheets::writeWorkbook(path, {*sheet});
}

} // namespace hocba::lifecycle

// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/ResultsGenerator.h"

#include "domain/Curriculum.h"
#include "rules/AssessmentMapping.h"
#include "rules/Tt22Rules.h"

#include <random>

namespace hocba::rules {

namespace {

/** Portable draws from mt19937_64: the raw 64-bit outputs are specified by the standard. */
class Draw
{
public:
    explicit Draw(quint64 seed)
        : engine_(seed)
    { }
    /** [0, 1) with 53 random bits. */
    double unit() { return double(engine_() >> 11) * (1.0 / 9007199254740992.0); }
    /** [low, high], inclusive. The modulo bias is below 1e-17 for these tiny ranges. */
    int between(int low, int high) { return low + int(engine_() % quint64(high - low + 1)); }
    bool chance(double p) { return unit() < p; }

private:
    std::mt19937_64 engine_;
};

/** A score in tenths around `centre`, in half-point steps as teachers usually give them, within [low, 100]. */
QString scoreNear(Draw& draw, double centre, double spread, int low = 0)
{
    const double value = centre + (draw.unit() * 2.0 - 1.0) * spread;
    int halves = int(value * 2.0 + 0.5);
    halves = std::clamp(halves, low / 5, 20);
    const int tenths = halves * 5;
    return tenths % 10 == 0 ? QString::number(tenths / 10) : QString::number(tenths / 10) + QStringLiteral(".5");
}

QString pickComment(Draw& draw)
{
    const QStringList& bank = ResultsGenerator::commentBank();
    return bank[draw.between(0, int(bank.size()) - 1)];
}

void generatePrimary(StudentYearInput& in, Draw& draw, double ability, bool notCompleted)
{
    for (const CurriculumSubject& c : curriculumOfGrade(in.grade)) {
        if (!c.required)
            continue;
        SubjectEntry s;
        s.code = c.code;
        int score = 10;
        if (c.yearEndTest) {
            score = std::clamp(int(5.0 + ability * 5.0 + (draw.unit() * 2.0 - 1.0) * 1.2 + 0.5), 5, 10);
            s.score = QString::number(score);
        }
        // A level consistent with the test: T needs a good test and a good year.
        s.level = (score >= 7 && draw.chance(0.25 + ability * 0.75)) ? QStringLiteral("T") : QStringLiteral("H");
        s.comment = pickComment(draw);
        in.subjects.append(s);
    }
    if (notCompleted) {
        for (SubjectEntry& s : in.subjects)
            if (s.code == QLatin1String("toan")) {
                s.level = QStringLiteral("C");
                s.score = QString::number(draw.between(2, 4));
            }
    }
    for (const QString& q : primaryQualities())
        in.qualities.insert(q, draw.chance(0.45 + ability * 0.55) ? QStringLiteral("T") : QStringLiteral("D"));
    for (const QString& c : primaryCompetencies())
        in.competencies.insert(c, draw.chance(0.35 + ability * 0.65) ? QStringLiteral("T") : QStringLiteral("D"));
    in.recognizedByClass = ability > 0.7 && draw.chance(0.5);
    in.comment = pickComment(draw);
}

void generateThcsSemester(SemesterEntries& s, Draw& draw, bool scoreSubject, int regularCount, double centre)
{
    for (int i = 0; i < regularCount; ++i)
        s.regular.append(scoreSubject ? scoreNear(draw, centre, 1.5)
                                      : (draw.chance(0.01) ? QStringLiteral("CD") : QStringLiteral("D")));
    s.midterm = scoreSubject ? scoreNear(draw, centre, 1.2) : QStringLiteral("D");
    s.final = scoreSubject ? scoreNear(draw, centre, 1.2) : QStringLiteral("D");
}

void generateThcs(StudentYearInput& in, Draw& draw, double ability)
{
    for (const CurriculumSubject& c : curriculumOfGrade(in.grade)) {
        if (!c.required)
            continue;
        SubjectEntry s;
        s.code = c.code;
        const bool score = c.form == AssessmentForm::Score;
        s.assessment = score ? QStringLiteral("score") : QStringLiteral("comment");
        const int regular = score ? tt22::requiredRegularScores(*c.periodsPerYear) : tt22::requiredRegularComments;
        if (score)
            s.periodsPerYear = c.periodsPerYear;
        // Each subject has its own strength around the student's ability.
        const double centre = 4.5 + ability * 5.0 + (draw.unit() * 2.0 - 1.0) * 0.8;
        generateThcsSemester(s.hk1, draw, score, regular, centre);
        generateThcsSemester(s.hk2, draw, score, regular, centre + 0.2);
        s.hk2.comment = pickComment(draw);
        in.subjects.append(s);
    }
    const auto conduct = [&] {
        const double u = draw.unit();
        const double good = 0.45 + ability * 0.5;
        return u < good ? QStringLiteral("T") : u < good + 0.4 ? QStringLiteral("K") : QStringLiteral("D");
    };
    in.conductHk1 = conduct();
    in.conductHk2 = conduct();
    in.absences = QString::number(draw.chance(0.7) ? draw.between(0, 3) : draw.between(4, 15));
    in.comment = pickComment(draw);
}

void injectDefect(StudentYearInput& in, GeneratedDefect defect)
{
    if (defect == GeneratedDefect::None || in.subjects.isEmpty())
        return;
    SubjectEntry* toan = nullptr;
    for (SubjectEntry& s : in.subjects)
        if (s.code == QLatin1String("toan"))
            toan = &s;
    const bool primary = in.circular == Circular::TT27;
    switch (defect) {
    case GeneratedDefect::MissingRegularScore:
        if (primary)
            toan->score.clear();
        else
            toan->hk1.regular.removeLast();
        break;
    case GeneratedDefect::OutOfRangeScore:
        (primary ? toan->score : toan->hk2.final) = QStringLiteral("11");
        break;
    case GeneratedDefect::EmptyComment:
        (primary ? toan->comment : toan->hk2.comment) = QString();
        break;
    case GeneratedDefect::None:
        break;
    }
}

} // namespace

const QStringList& ResultsGenerator::commentBank()
{
    static const QStringList bank {
        QStringLiteral("Em tiếp thu bài nhanh, tích cực phát biểu."),
        QStringLiteral("Em chăm chỉ, hoàn thành tốt các bài tập được giao."),
        QStringLiteral("Em có tiến bộ, cần mạnh dạn hơn khi trình bày ý kiến."),
        QStringLiteral("Em biết hợp tác với bạn khi làm việc nhóm."),
        QStringLiteral("Em cần cẩn thận hơn khi làm bài."),
        QStringLiteral("Em đọc to, rõ ràng; viết đúng chính tả."),
        QStringLiteral("Em tính toán nhanh, vận dụng tốt vào thực tế."),
        QStringLiteral("Em ngoan, lễ phép, đoàn kết với bạn bè."),
        QStringLiteral("Em cần rèn thêm kĩ năng trình bày bài."),
        QStringLiteral("Em tích cực tham gia các hoạt động của lớp."),
    };
    return bank;
}

StudentYearInput ResultsGenerator::generateInput(const GeneratorOptions& options)
{
    Draw draw(options.seed);
    const double ability = std::clamp(options.ability.value_or(draw.unit()), 0.0, 1.0);
    StudentYearInput in;
    in.grade = options.grade;
    in.schoolYear = options.schoolYear;
    in.circular = options.grade <= 5 ? Circular::TT27 : Circular::TT22;
    if (in.circular == Circular::TT27)
        generatePrimary(in, draw, ability, options.primaryNotCompleted);
    else
        generateThcs(in, draw, ability);
    injectDefect(in, options.defect);
    return in;
}

QList<Assessment> ResultsGenerator::generate(const GeneratorOptions& options)
{
    return toAssessments(generateInput(options));
}

} // namespace hocba::rules

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

/** A measure in tenths as a teacher writes it: "128" or "128,5". */
QString measure(int tenths)
{
    const int whole = tenths / 10;
    const int rest = tenths % 10;
    return rest == 0 ? QString::number(whole) : QStringLiteral("%1,%2").arg(whole).arg(rest);
}

/** Short comments on a quality or competency, as a homeroom teacher writes them. */
const QStringList& traitCommentBank()
{
    static const QStringList bank {
        QStringLiteral("Thực hiện tốt"),        QStringLiteral("Có ý thức tốt"),    QStringLiteral("Tích cực, tự giác"),
        QStringLiteral("Có tiến bộ"),           QStringLiteral("Cần cố gắng thêm"), QStringLiteral("Mạnh dạn, tự tin"),
        QStringLiteral("Biết hợp tác với bạn"),
    };
    return bank;
}

/**
 * Issue 13's fields, from their own draw so the marks above stay what the same seed always gave: the language of
 * Ngoại ngữ 1; in primary the height, weight, days absent with and without leave and a comment on each quality and
 * competency; for some students certificates and competitions of the year.
 */
void generateExtras(StudentYearInput& in, Draw& draw, double ability)
{
    for (SubjectEntry& s : in.subjects)
        if (s.code == QLatin1String("ngoai_ngu_1"))
            s.languageName = QStringLiteral("Tiếng Anh");
    const int endYear = in.schoolYear.startYear + 1;
    if (in.circular == Circular::TT27) {
        // Around the growth charts of Vietnamese pupils: 6 years old ≈ 115 cm, 20 kg, then ≈ 6 cm and 3 kg a year.
        in.heightCm = measure(1150 + 60 * (in.grade - 1) + draw.between(-60, 60));
        in.weightKg = measure(200 + 30 * (in.grade - 1) + draw.between(-35, 45));
        in.absencesExcused = QString::number(draw.chance(0.6) ? 0 : draw.between(1, 4));
        in.absencesUnexcused = QString::number(draw.chance(0.9) ? 0 : 1);
        const QStringList& bank = traitCommentBank();
        for (auto it = in.qualities.cbegin(); it != in.qualities.cend(); ++it)
            in.qualityComments.insert(it.key(),
                                      it.value() == QLatin1String("T") ? bank[draw.between(0, 3)]
                                                                       : bank[draw.between(3, int(bank.size()) - 1)]);
        for (auto it = in.competencies.cbegin(); it != in.competencies.cend(); ++it)
            in.competencyComments.insert(it.key(),
                                         it.value() == QLatin1String("T")
                                             ? bank[draw.between(0, 3)]
                                             : bank[draw.between(3, int(bank.size()) - 1)]);
    }
    if (draw.chance(0.1 + ability * 0.2)) {
        static const QStringList certificates {
            QStringLiteral("Chứng chỉ tiếng Anh Cambridge Movers, tháng 5/%1"),
            QStringLiteral("Chứng chỉ tiếng Anh A2 (Khung năng lực ngoại ngữ 6 bậc), tháng 5/%1"),
            QStringLiteral("Chứng chỉ Tin học IC3 Spark, tháng 4/%1"),
        };
        in.certificates << certificates[draw.between(0, int(certificates.size()) - 1)].arg(endYear);
    }
    if (draw.chance(0.05 + ability * 0.25)) {
        static const QStringList prizes {QStringLiteral("Giải Nhất"), QStringLiteral("Giải Nhì"),
                                         QStringLiteral("Giải Ba"), QStringLiteral("Giải Khuyến khích")};
        static const QStringList contests {
            QStringLiteral("cuộc thi Trạng Nguyên Tiếng Việt cấp trường"),
            QStringLiteral("cuộc thi Toán tuổi thơ cấp huyện"),
            QStringLiteral("Hội khỏe Phù Đổng cấp trường, môn cờ vua"),
            QStringLiteral("cuộc thi Olympic Tiếng Anh cấp huyện"),
            QStringLiteral("cuộc thi Viết thư quốc tế UPU cấp tỉnh"),
        };
        const int count = draw.chance(0.3) ? 2 : 1;
        for (int i = 0; i < count; ++i)
            in.competitions << QStringLiteral("%1 %2, năm học %3")
                                   .arg(prizes[draw.between(0, int(prizes.size()) - 1)],
                                        contests[draw.between(0, int(contests.size()) - 1)], in.schoolYear.toString());
    }
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
    Draw extras(options.seed ^ 0x13c0ffee5eedULL);
    generateExtras(in, extras, ability);
    injectDefect(in, options.defect);
    return in;
}

QList<Assessment> ResultsGenerator::generate(const GeneratorOptions& options)
{
    return toAssessments(generateInput(options));
}

} // namespace hocba::rules

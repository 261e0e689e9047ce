// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Curriculum.h"

#include <QHash>

namespace hocba {

namespace {

QList<CurriculumSubject> primaryGrade(int grade)
{
    const bool upper = grade >= 4;
    const bool fromGrade3 = grade >= 3;
    QList<CurriculumSubject> s;
    s << CurriculumSubject {QStringLiteral("tieng_viet"), true, true, AssessmentForm::Comment, {}}
      << CurriculumSubject {QStringLiteral("toan"), true, true, AssessmentForm::Comment, {}}
      << CurriculumSubject {QStringLiteral("dao_duc"), true, false, AssessmentForm::Comment, {}}
      // Ngoại ngữ 1 is elective in grades 1–2 and has no required test there (DOMAIN.md §1.1, UNCONFIRMED).
      << CurriculumSubject {QStringLiteral("ngoai_ngu_1"), fromGrade3, fromGrade3, AssessmentForm::Comment, {}};
    if (!upper)
        s << CurriculumSubject {QStringLiteral("tnxh"), true, false, AssessmentForm::Comment, {}};
    if (upper)
        s << CurriculumSubject {QStringLiteral("khoa_hoc"), true, true, AssessmentForm::Comment, {}}
          << CurriculumSubject {QStringLiteral("lich_su_dia_li"), true, true, AssessmentForm::Comment, {}};
    // "Tin học và Công nghệ" is one subject of two parts, each with its row, level and test on the record
    // (DOMAIN.md §3.1). Data made before the split keep the one merged row: curriculumFor.
    if (fromGrade3)
        s << CurriculumSubject {QStringLiteral("tin_hoc"), true, true, AssessmentForm::Comment, {}}
          << CurriculumSubject {QStringLiteral("cong_nghe"), true, true, AssessmentForm::Comment, {}};
    s << CurriculumSubject {QStringLiteral("gdtc"), true, false, AssessmentForm::Comment, {}}
      << CurriculumSubject {QStringLiteral("am_nhac"), true, false, AssessmentForm::Comment, {}}
      << CurriculumSubject {QStringLiteral("mi_thuat"), true, false, AssessmentForm::Comment, {}}
      << CurriculumSubject {QStringLiteral("hdtn"), true, false, AssessmentForm::Comment, {}}
      << CurriculumSubject {QStringLiteral("tieng_dan_toc"), false, false, AssessmentForm::Comment, {}};
    return s;
}

QList<CurriculumSubject> thcsGrade(int grade)
{
    const auto score = [](const char* code, std::optional<int> periods, bool required = true) {
        return CurriculumSubject {QString::fromLatin1(code), required, false, AssessmentForm::Score, periods};
    };
    const auto comment = [](const char* code) {
        return CurriculumSubject {QString::fromLatin1(code), true, false, AssessmentForm::Comment, {}};
    };
    // Periods are TT32/2018 as recollected (DOMAIN.md §2.1); the input's periodsPerYear overrides them because
    // each school's plan decides. Electives have no default: their count must come from the school plan.
    return {score("ngu_van", 140),
            score("toan", 140),
            score("ngoai_ngu_1", 105),
            score("gdcd", 35),
            score("lich_su_dia_li", 105),
            score("khtn", 140),
            score("cong_nghe", grade <= 7 ? 35 : 52),
            score("tin_hoc", 35),
            comment("gdtc"),
            comment("am_nhac"),
            comment("mi_thuat"),
            comment("noi_dung_gddp"),
            comment("hdtn_hn"),
            score("tieng_dan_toc", std::nullopt, false),
            score("ngoai_ngu_2", std::nullopt, false)};
}

QList<QList<CurriculumSubject>> buildAll()
{
    QList<QList<CurriculumSubject>> all(10);
    for (int g = 1; g <= 5; ++g)
        all[g] = primaryGrade(g);
    for (int g = 6; g <= 9; ++g)
        all[g] = thcsGrade(g);
    return all;
}

/** Grades 3–5 as before the split: the merged row where Tin học came first. */
QList<QList<CurriculumSubject>> buildMerged()
{
    QList<QList<CurriculumSubject>> all(10);
    for (int g = 3; g <= 5; ++g) {
        for (const CurriculumSubject& c : primaryGrade(g)) {
            if (c.code == QLatin1String("cong_nghe"))
                continue;
            CurriculumSubject merged = c;
            if (c.code == QLatin1String("tin_hoc"))
                merged.code = QString::fromLatin1(kMergedInformaticsTechnology);
            all[g] << merged;
        }
    }
    return all;
}

} // namespace

const QList<CurriculumSubject>& curriculumOfGrade(int grade)
{
    static const QList<QList<CurriculumSubject>> all = buildAll();
    static const QList<CurriculumSubject> none;
    return grade >= 1 && grade <= 9 ? all[grade] : none;
}

const CurriculumSubject* findSubject(int grade, const QString& code)
{
    for (const CurriculumSubject& s : curriculumOfGrade(grade))
        if (s.code == code)
            return &s;
    return nullptr;
}

bool usesMergedInformaticsTechnology(int grade, const QStringList& enteredCodes)
{
    const QString merged = QString::fromLatin1(kMergedInformaticsTechnology);
    return grade >= 3 && grade <= 5 && enteredCodes.contains(merged)
        && !enteredCodes.contains(QStringLiteral("tin_hoc")) && !enteredCodes.contains(QStringLiteral("cong_nghe"));
}

const QList<CurriculumSubject>& curriculumFor(int grade, const QStringList& enteredCodes)
{
    static const QList<QList<CurriculumSubject>> merged = buildMerged();
    return usesMergedInformaticsTechnology(grade, enteredCodes) ? merged[grade] : curriculumOfGrade(grade);
}

const CurriculumSubject* findSubjectFor(int grade, const QString& code, const QStringList& enteredCodes)
{
    for (const CurriculumSubject& s : curriculumFor(grade, enteredCodes))
        if (s.code == code)
            return &s;
    return nullptr;
}

const QList<QString>& primaryQualities()
{
    static const QList<QString> list {QStringLiteral("yeu_nuoc"), QStringLiteral("nhan_ai"), QStringLiteral("cham_chi"),
                                      QStringLiteral("trung_thuc"), QStringLiteral("trach_nhiem")};
    return list;
}

const QList<QString>& primaryCompetencies()
{
    static const QList<QString> list {QStringLiteral("tu_chu_tu_hoc"),     QStringLiteral("giao_tiep_hop_tac"),
                                      QStringLiteral("giai_quyet_van_de"), QStringLiteral("ngon_ngu"),
                                      QStringLiteral("tinh_toan"),         QStringLiteral("khoa_hoc"),
                                      QStringLiteral("cong_nghe"),         QStringLiteral("tin_hoc"),
                                      QStringLiteral("tham_mi"),           QStringLiteral("the_chat")};
    return list;
}

QString traitName(const QString& code)
{
    static const QHash<QString, QString> names {
        {QStringLiteral("yeu_nuoc"), QStringLiteral("Yêu nước")},
        {QStringLiteral("nhan_ai"), QStringLiteral("Nhân ái")},
        {QStringLiteral("cham_chi"), QStringLiteral("Chăm chỉ")},
        {QStringLiteral("trung_thuc"), QStringLiteral("Trung thực")},
        {QStringLiteral("trach_nhiem"), QStringLiteral("Trách nhiệm")},
        {QStringLiteral("tu_chu_tu_hoc"), QStringLiteral("Tự chủ và tự học")},
        {QStringLiteral("giao_tiep_hop_tac"), QStringLiteral("Giao tiếp và hợp tác")},
        {QStringLiteral("giai_quyet_van_de"), QStringLiteral("Giải quyết vấn đề và sáng tạo")},
        {QStringLiteral("ngon_ngu"), QStringLiteral("Ngôn ngữ")},
        {QStringLiteral("tinh_toan"), QStringLiteral("Tính toán")},
        {QStringLiteral("khoa_hoc"), QStringLiteral("Khoa học")},
        {QStringLiteral("cong_nghe"), QStringLiteral("Công nghệ")},
        {QStringLiteral("tin_hoc"), QStringLiteral("Tin học")},
        {QStringLiteral("tham_mi"), QStringLiteral("Thẩm mĩ")},
        {QStringLiteral("the_chat"), QStringLiteral("Thể chất")},
    };
    return names.value(code, code);
}

} // namespace hocba

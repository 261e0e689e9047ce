// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules/Names.h"

#include "rules/RulesText.h"

#include <QHash>

namespace hocba::rules {

QString subjectName(const QString& code)
{
    static const QHash<QString, const char*> names {
        {QStringLiteral("tieng_viet"), QT_TRANSLATE_NOOP("hocba::rules", "Vietnamese")},
        {QStringLiteral("toan"), QT_TRANSLATE_NOOP("hocba::rules", "Mathematics")},
        {QStringLiteral("dao_duc"), QT_TRANSLATE_NOOP("hocba::rules", "Ethics")},
        {QStringLiteral("ngoai_ngu_1"), QT_TRANSLATE_NOOP("hocba::rules", "Foreign language 1")},
        {QStringLiteral("tnxh"), QT_TRANSLATE_NOOP("hocba::rules", "Nature and society")},
        {QStringLiteral("khoa_hoc"), QT_TRANSLATE_NOOP("hocba::rules", "Science")},
        {QStringLiteral("lich_su_dia_li"), QT_TRANSLATE_NOOP("hocba::rules", "History and geography")},
        {QStringLiteral("tin_hoc_cong_nghe"), QT_TRANSLATE_NOOP("hocba::rules", "Informatics and technology")},
        {QStringLiteral("gdtc"), QT_TRANSLATE_NOOP("hocba::rules", "Physical education")},
        {QStringLiteral("am_nhac"), QT_TRANSLATE_NOOP("hocba::rules", "Music")},
        {QStringLiteral("mi_thuat"), QT_TRANSLATE_NOOP("hocba::rules", "Fine arts")},
        {QStringLiteral("hdtn"), QT_TRANSLATE_NOOP("hocba::rules", "Experiential activities")},
        {QStringLiteral("tieng_dan_toc"), QT_TRANSLATE_NOOP("hocba::rules", "Ethnic minority language")},
        {QStringLiteral("ngu_van"), QT_TRANSLATE_NOOP("hocba::rules", "Literature")},
        {QStringLiteral("gdcd"), QT_TRANSLATE_NOOP("hocba::rules", "Civic education")},
        {QStringLiteral("khtn"), QT_TRANSLATE_NOOP("hocba::rules", "Natural science")},
        {QStringLiteral("cong_nghe"), QT_TRANSLATE_NOOP("hocba::rules", "Technology")},
        {QStringLiteral("tin_hoc"), QT_TRANSLATE_NOOP("hocba::rules", "Informatics")},
        {QStringLiteral("noi_dung_gddp"), QT_TRANSLATE_NOOP("hocba::rules", "Local education content")},
        {QStringLiteral("hdtn_hn"), QT_TRANSLATE_NOOP("hocba::rules", "Experiential and career guidance activities")},
        {QStringLiteral("ngoai_ngu_2"), QT_TRANSLATE_NOOP("hocba::rules", "Foreign language 2")},
    };
    const auto it = names.constFind(code);
    return it == names.constEnd() ? code : RulesText::tr(it.value());
}

QString traitName(const QString& code)
{
    static const QHash<QString, const char*> names {
        {QStringLiteral("yeu_nuoc"), QT_TRANSLATE_NOOP("hocba::rules", "Patriotism")},
        {QStringLiteral("nhan_ai"), QT_TRANSLATE_NOOP("hocba::rules", "Kindness")},
        {QStringLiteral("cham_chi"), QT_TRANSLATE_NOOP("hocba::rules", "Diligence")},
        {QStringLiteral("trung_thuc"), QT_TRANSLATE_NOOP("hocba::rules", "Honesty")},
        {QStringLiteral("trach_nhiem"), QT_TRANSLATE_NOOP("hocba::rules", "Responsibility")},
        {QStringLiteral("tu_chu_tu_hoc"), QT_TRANSLATE_NOOP("hocba::rules", "Autonomy and self-study")},
        {QStringLiteral("giao_tiep_hop_tac"), QT_TRANSLATE_NOOP("hocba::rules", "Communication and cooperation")},
        {QStringLiteral("giai_quyet_van_de"), QT_TRANSLATE_NOOP("hocba::rules", "Problem solving and creativity")},
        {QStringLiteral("ngon_ngu"), QT_TRANSLATE_NOOP("hocba::rules", "Language competency")},
        {QStringLiteral("tinh_toan"), QT_TRANSLATE_NOOP("hocba::rules", "Numeracy")},
        {QStringLiteral("khoa_hoc"), QT_TRANSLATE_NOOP("hocba::rules", "Scientific competency")},
        {QStringLiteral("cong_nghe"), QT_TRANSLATE_NOOP("hocba::rules", "Technological competency")},
        {QStringLiteral("tin_hoc"), QT_TRANSLATE_NOOP("hocba::rules", "Digital competency")},
        {QStringLiteral("tham_mi"), QT_TRANSLATE_NOOP("hocba::rules", "Aesthetic competency")},
        {QStringLiteral("the_chat"), QT_TRANSLATE_NOOP("hocba::rules", "Physical competency")},
    };
    const auto it = names.constFind(code);
    return it == names.constEnd() ? code : RulesText::tr(it.value());
}

QString semesterName(const QString& term)
{
    if (term == QLatin1String("hk1"))
        return RulesText::tr("semester I");
    if (term == QLatin1String("hk2"))
        return RulesText::tr("semester II");
    return RulesText::tr("the whole year");
}

} // namespace hocba::rules

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/PrintedText.h"

#include "domain/Curriculum.h"

#include "domain/Decimal.h"
#include "util/Text.h"

#include <QHash>

namespace hocba {

QString printedSubjectName(const QString& code)
{
    static const QHash<QString, QString> names {
        {QStringLiteral("tieng_viet"), QStringLiteral("Tiếng Việt")},
        {QStringLiteral("toan"), QStringLiteral("Toán")},
        {QStringLiteral("dao_duc"), QStringLiteral("Đạo đức")},
        {QStringLiteral("ngoai_ngu_1"), QStringLiteral("Ngoại ngữ 1")},
        {QStringLiteral("tnxh"), QStringLiteral("Tự nhiên và Xã hội")},
        {QStringLiteral("khoa_hoc"), QStringLiteral("Khoa học")},
        {QStringLiteral("lich_su_dia_li"), QStringLiteral("Lịch sử và Địa lí")},
        {QStringLiteral("tin_hoc_cong_nghe"), QStringLiteral("Tin học và Công nghệ")},
        {QStringLiteral("gdtc"), QStringLiteral("Giáo dục thể chất")},
        {QStringLiteral("am_nhac"), QStringLiteral("Nghệ thuật (Âm nhạc)")},
        {QStringLiteral("mi_thuat"), QStringLiteral("Nghệ thuật (Mĩ thuật)")},
        {QStringLiteral("hdtn"), QStringLiteral("Hoạt động trải nghiệm")},
        {QStringLiteral("tieng_dan_toc"), QStringLiteral("Tiếng dân tộc")},
        {QStringLiteral("ngu_van"), QStringLiteral("Ngữ văn")},
        {QStringLiteral("gdcd"), QStringLiteral("Giáo dục công dân")},
        {QStringLiteral("khtn"), QStringLiteral("Khoa học tự nhiên")},
        {QStringLiteral("cong_nghe"), QStringLiteral("Công nghệ")},
        {QStringLiteral("tin_hoc"), QStringLiteral("Tin học")},
        {QStringLiteral("noi_dung_gddp"), QStringLiteral("Nội dung giáo dục của địa phương")},
        {QStringLiteral("hdtn_hn"), QStringLiteral("Hoạt động trải nghiệm, hướng nghiệp")},
        {QStringLiteral("ngoai_ngu_2"), QStringLiteral("Ngoại ngữ 2")},
    };
    return names.value(code, code);
}

QString printedSubjectName(const QString& code, SchoolLevel level, const QString& languageName)
{
    QString name = printedSubjectName(code);
    if (level == SchoolLevel::Primary && (code == QLatin1String("tin_hoc") || code == QLatin1String("cong_nghe")))
        name = QStringLiteral("Tin học và Công nghệ (%1)").arg(name);
    if (!languageName.isEmpty())
        name += QStringLiteral(" (%1)").arg(languageName);
    return name;
}

QString printedTraitName(const QString& code)
{
    return traitName(code);
}

QString printedGender(Gender g)
{
    switch (g) {
    case Gender::Male:
        return QStringLiteral("Nam");
    case Gender::Female:
        return QStringLiteral("Nữ");
    case Gender::Unknown:
        break;
    }
    return QString();
}

QString printedDate(QDate d)
{
    return text::shownDate(d);
}

QTimeZone vietnamTimeZone()
{
    // Vietnam has kept UTC+7 without daylight saving since 1975.
    static const QTimeZone zone = [] {
        const QTimeZone vietnam(QByteArrayLiteral("Asia/Ho_Chi_Minh"));
        return vietnam.isValid() ? vietnam : QTimeZone(7 * 3600);
    }();
    return zone;
}

QDate vietnamDate(const QDateTime& instant)
{
    return instant.isValid() ? instant.toTimeZone(vietnamTimeZone()).date() : QDate();
}

QString printedDateLine(const QString& place, QDate d)
{
    const QString where = place.isEmpty() ? QStringLiteral("……………") : place;
    if (!d.isValid())
        return where + QStringLiteral(", ngày …… tháng …… năm 20……");
    return QStringLiteral("%1, ngày %2 tháng %3 năm %4")
        .arg(where, d.toString(QStringLiteral("dd")), d.toString(QStringLiteral("MM")), QString::number(d.year()));
}

QString printedScore(const QString& typed)
{
    return typed.isEmpty() ? QString() : displayTypedScore(typed);
}

QString printedSubjectLevel(const QString& code)
{
    return code.trimmed().toUpper();
}

QString printedTraitLevel(const QString& code)
{
    const QString c = code.trimmed().toUpper();
    return c == QLatin1String("D") ? QStringLiteral("Đ") : c;
}

QString printedResult(PrimaryResult r)
{
    switch (r) {
    case PrimaryResult::Outstanding:
        return QStringLiteral("Hoàn thành xuất sắc");
    case PrimaryResult::Good:
        return QStringLiteral("Hoàn thành tốt");
    case PrimaryResult::Completed:
        return QStringLiteral("Hoàn thành");
    case PrimaryResult::NotCompleted:
        return QStringLiteral("Chưa hoàn thành");
    }
    return QString();
}

QString printedAward(PrimaryAward a)
{
    switch (a) {
    case PrimaryAward::Outstanding:
        return QStringLiteral("Học sinh Xuất sắc");
    case PrimaryAward::Exemplary:
        return QStringLiteral("Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện");
    case PrimaryAward::None:
        break;
    }
    return QString();
}

QString printedLevel(ThcsLevel l)
{
    switch (l) {
    case ThcsLevel::Good:
        return QStringLiteral("Tốt");
    case ThcsLevel::Fair:
        return QStringLiteral("Khá");
    case ThcsLevel::Pass:
        return QStringLiteral("Đạt");
    case ThcsLevel::Fail:
        return QStringLiteral("Chưa đạt");
    }
    return QString();
}

QString printedCompletion(const PrimaryOutcome& o, int grade)
{
    if (o.completedPrimary && *o.completedPrimary)
        return QStringLiteral("Hoàn thành chương trình tiểu học");
    if (!o.completedGrade)
        return QString();
    return (*o.completedGrade ? QStringLiteral("Hoàn thành chương trình lớp %1")
                              : QStringLiteral("Chưa hoàn thành chương trình lớp %1"))
        .arg(grade);
}

QString printedCommentResult(CommentResult r)
{
    return r == CommentResult::Pass ? QStringLiteral("Đ") : QStringLiteral("CĐ");
}

QString printedPromotion(Promotion p, int grade)
{
    switch (p) {
    case Promotion::Promoted:
        return QStringLiteral("Được lên lớp %1").arg(grade + 1);
    case Promotion::CompletedThcs:
        return QStringLiteral("Hoàn thành chương trình trung học cơ sở");
    case Promotion::Retest:
        return QStringLiteral("Đánh giá lại các môn học trong kì nghỉ hè");
    case Promotion::SummerTraining:
        return QStringLiteral("Rèn luyện trong kì nghỉ hè");
    case Promotion::Retained:
        return QStringLiteral("Không được lên lớp");
    }
    return QString();
}

QString printedAward(ThcsAward a)
{
    switch (a) {
    case ThcsAward::Outstanding:
        return QStringLiteral("Học sinh Xuất sắc");
    case ThcsAward::Excellent:
        return QStringLiteral("Học sinh Giỏi");
    case ThcsAward::None:
        break;
    }
    return QString();
}

QString groupedLookupCode(const QString& code)
{
    QString out;
    for (qsizetype i = 0; i < code.size(); i += 4) {
        if (i > 0)
            out += QLatin1Char(' ');
        out += code.mid(i, 4);
    }
    return out;
}

} // namespace hocba

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/ImportTemplates.h"

#include "domain/Curriculum.h"

#include "lifecycle/StudentColumns.h"

namespace hocba::lifecycle {

namespace {

using sheets::TemplateColumn;

// Identifiers and dates as text: Excel would drop an ID's leading zeros and read 05/03/2013 as 3 May on a computer
// set to US dates.
TemplateColumn number()
{
    return {u"STT"_qs, 6, false};
}
TemplateColumn identifier(const QString& heading)
{
    return {heading, 22, true};
}
TemplateColumn name(const QString& heading)
{
    return {heading, 28, false};
}
TemplateColumn date(const QString& heading)
{
    return {heading, 12, true};
}
TemplateColumn mark(const QString& heading)
{
    return {heading, 9, false};
}
TemplateColumn comment(const QString& heading)
{
    return {heading, 40, false};
}

} // namespace

sheets::SheetTemplate studentListTemplate()
{
    using namespace student_columns;
    const auto& h = headings();
    sheets::SheetTemplate t {u"Danh sách học sinh"_qs, {number()}};
    // One name column: "Họ đệm" and "Tên" are the alternative the import also reads.
    for (const Field f : {MoetCode, PersonalIdField, FullName, BirthDate, GenderField, Ethnicity, Nationality,
                          ClassName, Birthplace, Hometown, Address, FatherName, MotherName}) {
        switch (f) {
        case MoetCode:
        case PersonalIdField:
            t.columns.append(identifier(h[f]));
            break;
        case BirthDate:
            t.columns.append(date(h[f]));
            break;
        case GenderField:
        case Ethnicity:
        case Nationality:
        case ClassName:
            t.columns.append({h[f], 11, false});
            break;
        default:
            t.columns.append(name(h[f]));
        }
    }
    return t;
}

sheets::SheetTemplate gradeBookTemplate(SchoolLevel level)
{
    sheets::SheetTemplate t {u"Bảng điểm"_qs, {number()}};
    if (level == SchoolLevel::Primary) {
        t.columns += {identifier(u"Mã định danh"_qs), name(u"Họ và tên"_qs), date(u"Ngày sinh"_qs),
                      mark(u"Mức đạt được"_qs),       mark(u"Điểm KTĐK"_qs), comment(u"Nhận xét"_qs)};
        return t;
    }
    t.columns += {identifier(u"Mã định danh Bộ GD&ĐT"_qs), name(u"Họ và tên"_qs), date(u"Ngày sinh"_qs)};
    for (int i = 1; i <= 4; ++i)
        t.columns.append(mark(u"ĐĐGtx%1"_qs.arg(i)));
    t.columns += {mark(u"ĐĐGgk"_qs), mark(u"ĐĐGck"_qs), comment(u"Nhận xét"_qs)};
    return t;
}

sheets::SheetTemplate homeroomBookTemplate(SchoolLevel level)
{
    sheets::SheetTemplate t {u"Sổ chủ nhiệm"_qs, {number()}};
    if (level == SchoolLevel::Primary) {
        t.columns += {identifier(u"Mã định danh"_qs), name(u"Họ và tên"_qs),     date(u"Ngày sinh"_qs),
                      mark(u"Chiều cao (cm)"_qs),     mark(u"Cân nặng (kg)"_qs), mark(u"Nghỉ có phép"_qs),
                      mark(u"Nghỉ không phép"_qs)};
        const QStringList traits = primaryQualities() + primaryCompetencies();
        for (const QString& code : traits)
            t.columns.append(mark(traitName(code)));
        for (const QString& code : traits)
            t.columns.append(comment(u"Nhận xét "_qs + traitName(code)));
    } else {
        t.columns += {identifier(u"Mã định danh Bộ GD&ĐT"_qs),
                      name(u"Họ và tên"_qs),
                      date(u"Ngày sinh"_qs),
                      mark(u"Rèn luyện HK1"_qs),
                      mark(u"Rèn luyện HK2"_qs),
                      mark(u"Số buổi nghỉ"_qs)};
    }
    // One line per certificate or competition, several in a cell on separate lines (or separated by ";").
    t.columns += {comment(u"Chứng chỉ"_qs), comment(u"Cuộc thi"_qs), comment(u"Nhận xét của GVCN"_qs)};
    return t;
}

Status writeImportTemplate(const QString& path, ImportTemplate kind, SchoolLevel level)
{
    switch (kind) {
    case ImportTemplate::Students:
        return sheets::writeXlsx(path, {studentListTemplate()});
    case ImportTemplate::Grades:
        return sheets::writeXlsx(path, {gradeBookTemplate(level)});
    case ImportTemplate::Homeroom:
        break;
    }
    return sheets::writeXlsx(path, {homeroomBookTemplate(level)});
}

} // namespace hocba::lifecycle

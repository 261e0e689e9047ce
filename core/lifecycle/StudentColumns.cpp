// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/StudentColumns.h"

#include "lifecycle/ImportColumns.h"

namespace hocba::lifecycle::student_columns {

static_assert(int(MoetCode) == IdMoetCode && int(BirthDate) == IdBirthDate && int(GenderField) == IdentityFieldCount,
              "a student list begins with the identity columns of ImportColumns.h");

const std::array<QStringList, FieldCount>& aliases()
{
    // The identity columns are spelled as in a grade book (ImportColumns.h); the rest belong to the student list.
    static const std::array<QStringList, FieldCount> table = [] {
        std::array<QStringList, FieldCount> t;
        for (int f = 0; f < IdentityFieldCount; ++f)
            t[std::size_t(f)] = identityAliases()[std::size_t(f)];
        t[GenderField] = {u"gioi tinh"_qs};
        t[Ethnicity] = {u"dan toc"_qs};
        t[Nationality] = {u"quoc tich"_qs};
        t[ClassName] = {u"lop"_qs, u"lop hoc"_qs, u"ten lop"_qs};
        t[Birthplace] = {u"noi sinh"_qs, u"noi sinh chi tiet"_qs};
        t[Hometown] = {u"que quan"_qs};
        t[Address] = {u"cho o hien nay"_qs, u"noi o hien nay"_qs, u"dia chi"_qs};
        t[FatherName] = {u"ho ten cha"_qs, u"ho va ten cha"_qs, u"ten cha"_qs};
        t[MotherName] = {u"ho ten me"_qs, u"ho va ten me"_qs, u"ten me"_qs};
        t[RegistrationNumber] = {u"so dang bo"_qs};
        return t;
    }();
    return table;
}

const std::array<QString, FieldCount>& headings()
{
    static const std::array<QString, FieldCount> table {
        u"Mã định danh Bộ GD&ĐT"_qs,
        u"Số định danh cá nhân"_qs,
        u"Họ và tên"_qs,
        u"Họ đệm"_qs,
        u"Tên"_qs,
        u"Ngày sinh"_qs,
        u"Giới tính"_qs,
        u"Dân tộc"_qs,
        u"Quốc tịch"_qs,
        u"Lớp"_qs,
        u"Nơi sinh"_qs,
        u"Quê quán"_qs,
        u"Chỗ ở hiện nay"_qs,
        u"Họ tên cha"_qs,
        u"Họ tên mẹ"_qs,
        u"Số đăng bộ"_qs,
    };
    return table;
}

} // namespace hocba::lifecycle::student_columns

// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/StudentColumns.h"

namespace hocba::lifecycle::student_columns {

const std::array<QStringList, FieldCount>& aliases()
{
    static const std::array<QStringList, FieldCount> table {
        QStringList {u"ma dinh danh bo gd&dt"_qs, u"ma dinh danh bo gddt"_qs, u"ma hoc sinh"_qs, u"ma dinh danh"_qs},
        QStringList {u"so dinh danh ca nhan"_qs, u"ma dinh danh ca nhan"_qs, u"so cccd"_qs},
        QStringList {u"ho va ten"_qs, u"ho ten"_qs, u"ho ten hoc sinh"_qs, u"ho va ten hoc sinh"_qs},
        QStringList {u"ho dem"_qs, u"ho va ten dem"_qs, u"ho va dem"_qs},
        QStringList {u"ten"_qs},
        QStringList {u"ngay sinh"_qs, u"ngay thang nam sinh"_qs},
        QStringList {u"gioi tinh"_qs},
        QStringList {u"dan toc"_qs},
        QStringList {u"quoc tich"_qs},
        QStringList {u"lop"_qs, u"lop hoc"_qs, u"ten lop"_qs},
        QStringList {u"noi sinh"_qs, u"noi sinh chi tiet"_qs},
        QStringList {u"que quan"_qs},
        QStringList {u"cho o hien nay"_qs, u"noi o hien nay"_qs, u"dia chi"_qs},
        QStringList {u"ho ten cha"_qs, u"ho va ten cha"_qs, u"ten cha"_qs},
        QStringList {u"ho ten me"_qs, u"ho va ten me"_qs, u"ten me"_qs},
    };
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
    };
    return table;
}

} // namespace hocba::lifecycle::student_columns

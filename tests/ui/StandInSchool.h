// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QString>

namespace hocba::test {

/**
 * A small school for the GUI tests, filled through the repositories (a stand-in for hocba::demo, which is written
 * elsewhere): two school years, five classes, four teachers, 37 students with records and sections in different
 * states. Class 1A1 of 2025-2026 holds the ten names below, inserted out of order.
 */
Status createStandInSchool(const QString& path);

inline constexpr auto kStandInSchoolName = "Trường Tiểu học và THCS Nguyễn Trãi";
inline constexpr int kStandInStudents = 37;
inline constexpr int kStandInClasses = 5;
/** Class 1A1, 2025-2026, in Vietnamese name order. */
inline constexpr const char* kClass1A1InOrder[]
    = {"Hoàng Văn An", "Ngô Thị Ngọc Anh", "Trần Thị Ánh", "Nguyễn Văn Bình", "Đặng Thị Châu",
       "Vũ Minh Dũng", "Lê Minh Đức",      "Bùi Thị Hoa",  "Đỗ Văn Long",     "Phạm Thị Yến"};

} // namespace hocba::test

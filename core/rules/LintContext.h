// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace hocba::rules {

/** What lint needs besides the student's own data. */
struct LintContext
{
    QStringList classmates; ///< full names of the other students of the class
};

} // namespace hocba::rules

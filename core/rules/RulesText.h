// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

namespace hocba::rules {

/** The translation context of every user-visible sentence of the rules (RulesText::tr("…"), English source). */
struct RulesText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::rules)
};

} // namespace hocba::rules

// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/PersonalId.h"

// Implementation pending (helper: domain).
namespace hocba::personal_id {
Findings check(const QString&, QDate, Gender, const QString&)
{
    return {};
}
bool isKnownRegistrationCode(int)
{
    return false;
}
QString provinceName(int)
{
    return {};
}
QList<int> provinceCodes()
{
    return {};
}
int centuryGenderDigit(int, Gender)
{
    return -1;
}
} // namespace hocba::personal_id

// SPDX-License-Identifier: GPL-3.0-or-later
#include "token/TokenTypes.h"

namespace hocba::signing {

bool TokenInfo::matches(const QString& wanted) const
{
    return wanted == label || (!serial.isEmpty() && wanted == serial) || wanted == id();
}

} // namespace hocba::signing

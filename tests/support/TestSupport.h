// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace hocba::test {

/** tests/data in the source tree. */
QString dataDir();
/** The build tree's top folder (to find hocba-cli and friends). */
QString binaryDir();
/** Path of a built executable, e.g. "hocba-cli". */
QString executable(const QString& name);

} // namespace hocba::test

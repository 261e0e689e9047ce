// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

namespace hocba::test {

QString dataDir()
{
    return qEnvironmentVariable("HOCBA_TEST_DATA");
}

QString binaryDir()
{
    return qEnvironmentVariable("HOCBA_BINARY_DIR");
}

QString executable(const QString& name)
{
    return binaryDir() + QStringLiteral("/app/") + name;
}

} // namespace hocba::test

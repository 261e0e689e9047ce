// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "util/Digest.h"

#include <QFile>

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

QByteArray fileDigest(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? digest::sha256(f.readAll()) : QByteArray();
}

} // namespace hocba::test

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

QString writeSecretFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
        return {};
    f.close();
    return f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ? path : QString();
}

} // namespace hocba::test

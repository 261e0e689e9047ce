// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "util/Digest.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

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

bool rezip(const QString& from, const QString& to, const QMap<QString, QByteArray>& changes)
{
    QJsonObject edits;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        edits.insert(it.key(),
                     it.value().isNull() ? QJsonValue() : QJsonValue(QString::fromLatin1(it.value().toBase64())));
    static const char* script = "import base64, json, sys, zipfile\n"
                                "edits = json.loads(sys.stdin.read())\n"
                                "with zipfile.ZipFile(sys.argv[1]) as a, zipfile.ZipFile(sys.argv[2], 'w') as b:\n"
                                "    for n in a.namelist():\n"
                                "        if n in edits and edits[n] is None: continue\n"
                                "        b.writestr(n, base64.b64decode(edits[n]) if n in edits else a.read(n))\n";
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromLatin1(script), from, to});
    python.write(QJsonDocument(edits).toJson(QJsonDocument::Compact));
    python.closeWriteChannel();
    return python.waitForFinished(30000) && python.exitCode() == 0;
}

QByteArray unzipOne(const QString& zip, const QString& name)
{
    QProcess python;
    python.start(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))"),
         zip, name});
    return python.waitForFinished(30000) && python.exitCode() == 0 ? python.readAllStandardOutput() : QByteArray();
}

QByteArray readBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace hocba::test

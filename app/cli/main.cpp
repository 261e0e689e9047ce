// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include "util/Translations.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <unistd.h>

int main(int argc, char* argv[])
{
    // The renderer needs QtGui; offscreen lets batch work run on a server or over SSH.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Over SSH or in a service there is often no runtime dir; Qt would warn about it on every run.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/hocba-runtime-" + QByteArray::number(getuid());
        QDir().mkpath(QString::fromLocal8Bit(dir));
        QFile::setPermissions(QString::fromLocal8Bit(dir),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", dir);
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("hocba"));
    QCoreApplication::setApplicationName(QStringLiteral("hocba"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOCBA_VERSION));
    hocba::installTranslations(app, hocba::languageFromEnvironment());

    QFile in, out, err;
    in.open(stdin, QIODevice::ReadOnly);
    out.open(stdout, QIODevice::WriteOnly);
    err.open(stderr, QIODevice::WriteOnly);
    hocba::cli::Console console(&in, &out, &err);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return hocba::cli::runCli(args, console);
}

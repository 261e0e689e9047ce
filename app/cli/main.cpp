// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include "util/Translations.h"

#include <QFile>
#include <QGuiApplication>

int main(int argc, char* argv[])
{
    // The renderer needs QtGui; offscreen lets batch work run on a server or over SSH.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
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

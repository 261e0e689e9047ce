// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeptCommand.h"

#include "util/Translations.h"

#include <QCoreApplication>
#include <QFile>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("hocba"));
    QCoreApplication::setApplicationName(QStringLiteral("hocba-dept"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOCBA_VERSION));
    hocba::installTranslations(app, hocba::languageFromEnvironment());

    QFile out, err;
    out.open(stdout, QIODevice::WriteOnly);
    err.open(stderr, QIODevice::WriteOnly);
    hocba::server::Console console(nullptr, &out, &err);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return hocba::server::runDept(args, console);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "util/Translations.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("hocba"));
    QCoreApplication::setApplicationName(QStringLiteral("hocba"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOCBA_VERSION));
    hocba::installTranslations(app, hocba::languageFromEnvironment());
    MainWindow window;
    window.show();
    return app.exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace hocba {

void installTranslations(QCoreApplication& app, const QString& language)
{
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        return;
    }
    const QLocale vi(QLocale::Vietnamese, QLocale::Vietnam);
    QLocale::setDefault(vi);
    auto* ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/hocba_vi.qm")))
        QCoreApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(vi, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

QString languageFromEnvironment(const QString& fallback)
{
    const QString env = qEnvironmentVariable("HOCBA_LANG").trimmed().toLower();
    if (env == QLatin1String("en") || env == QLatin1String("vi"))
        return env;
    return fallback;
}

} // namespace hocba

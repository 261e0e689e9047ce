// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Translations.h"

#include <QCoreApplication>
#include <QFile>
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
    // Qt's own dialogs (standard buttons, file dialog): the system's qtbase_vi if a Qt ships one, else our small
    // translations/qtbase_vi.ts (Qt 6.4 has none). The exact file is asked for: QTranslator::load(locale, …) would
    // fall back to other files of the family.
    auto* qt = new QTranslator(&app);
    const QString system = QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_vi.qm");
    if (qt->load(QFile::exists(system) ? system : QStringLiteral(":/i18n/qtbase_vi.qm")))
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

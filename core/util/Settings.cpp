// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Settings.h"

#include <QDir>
#include <QStandardPaths>

namespace hocba {

Settings::Settings(const QString& iniPath)
    : m_settings(iniPath, QSettings::IniFormat)
{ }

std::unique_ptr<Settings> Settings::forUser()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    QDir().mkpath(dir);
    return std::make_unique<Settings>(dir + QStringLiteral("/hocba.ini"));
}

} // namespace hocba

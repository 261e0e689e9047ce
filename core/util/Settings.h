// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace hocba {

/** A typed settings key with its default. */
template <class T> struct SettingKey
{
    const char* name;
    T defaultValue;
};

namespace settings {
inline const SettingKey<QString> UiLanguage {"ui/language", QStringLiteral("vi")};
inline const SettingKey<QString> LastDatabase {"store/lastDatabase", QString()};
inline const SettingKey<QStringList> RecentDatabases {"store/recentDatabases", QStringList()};
inline const SettingKey<QByteArray> MainWindowGeometry {"ui/mainWindowGeometry", QByteArray()};
inline const SettingKey<QByteArray> MainWindowState {"ui/mainWindowState", QByteArray()};
/** Width of the navigation tree against the student table. */
inline const SettingKey<QByteArray> MainSplitterState {"ui/mainSplitterState", QByteArray()};
/** Column widths and order of the student table. */
inline const SettingKey<QByteArray> StudentTableHeaderState {"ui/studentTableHeaderState", QByteArray()};
inline const SettingKey<int> SettingsVersion {"meta/settingsVersion", 1};
} // namespace settings

/**
 * The user's settings in an INI file (QSettings::IniFormat). Passed by reference to whoever needs it — no global
 * instance — so tests make their own in a temporary folder.
 */
class Settings
{
public:
    /** The user's file under the standard config location. */
    static std::unique_ptr<Settings> forUser();
    /** A settings file at an explicit path (tests, portable installs). */
    explicit Settings(const QString& iniPath);

    template <class T> T value(const SettingKey<T>& key) const
    {
        const QVariant v = m_settings.value(QLatin1String(key.name));
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : key.defaultValue;
    }
    template <class T> void setValue(const SettingKey<T>& key, const T& value)
    {
        m_settings.setValue(QLatin1String(key.name), QVariant::fromValue(value));
    }
    QString fileName() const { return m_settings.fileName(); }
    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace hocba

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SigningSchool.h"

#include "domain/Types.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QWidget;

namespace hocba {
class Settings;
}

namespace hocba::ui {
class MainWindow;
class GuiPinProvider;
} // namespace hocba::ui

namespace hocba::test {

/**
 * The demo school the user guide shows (primary and lower secondary, 400 pupils, year 2025-2026, no accounts), put
 * in the states a school is in near the deadline: 6A1 confirmed by its homeroom teacher and approved by the board
 * (the principal's queue), 7A1 confirmed, 6A1 printed once for the archive (the print log). `window` is a main window
 * on it, on class 6A1, with the import and a software token ("HOCBA-TEST", PIN 123456) for the sign dialog.
 */
class GuideSchool
{
public:
    GuideSchool();
    ~GuideSchool();
    /** False with `error` set when anything could not be made. */
    bool create();
    QString error;
    QString path;
    SchoolYear year {2025};
    std::unique_ptr<ui::MainWindow> window;

    /**
     * One main screen: its file stem (also its place in docs/user-guide), and how to open it from the window. `open`
     * returns the window to look at (the main window or a dialog it opened), or null with `error` set.
     */
    struct Screen
    {
        QString name;
        std::function<QWidget*(GuideSchool&)> open;
    };
    /** The main screens in the order of the guide. */
    static QList<Screen> screens();
    /** Closes every dialog the window opened (between screens). */
    void closeDialogs();
    /** Opens the window on class `className` of the year, with no pupil chosen. */
    bool showClass(const QString& className);

    TestPki pki;
    std::unique_ptr<SoftwareSignerSource> signer;
    std::unique_ptr<ui::GuiPinProvider> pins;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
};

} // namespace hocba::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScreenFit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace hocba::ui {

void resizeWithinScreen(QWidget* window, QSize wanted)
{
    QScreen* screen = window->parentWidget() ? window->parentWidget()->screen() : window->screen();
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (screen) {
        const QSize free = screen->availableGeometry().size();
        wanted = wanted.boundedTo(QSize(free.width() * 85 / 100, free.height() * 85 / 100));
    }
    window->resize(wanted);
}

} // namespace hocba::ui

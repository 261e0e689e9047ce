// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>

class QWidget;

namespace hocba::ui {

/**
 * Gives a window its first size: `wanted`, but at most 85 % of the free area of the screen it opens on (its parent's
 * screen), so that on a 1366×768 screen at 125 % or 150 % scaling the title bar and the buttons stay on the screen.
 * The window's minimum size still wins; the user can make it larger.
 */
void resizeWithinScreen(QWidget* window, QSize wanted);

} // namespace hocba::ui

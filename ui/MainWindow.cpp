// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Digital school records"));
}

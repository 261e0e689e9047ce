// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RecordLifecycle.h"

#include <memory>

namespace hocba::desktop {

/** The RecordLifecycleFactory the desktop's main() hands to the window (MainWindow::setRecordLifecycle). */
std::unique_ptr<ui::RecordLifecycle> recordLifecycle(store::Database& db, const lifecycle::Actor& actor);

} // namespace hocba::desktop

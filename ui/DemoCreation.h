// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QString>

class QWidget;

namespace hocba::ui {

/**
 * Creates the demo school at `path` on a worker thread while a progress dialog (with Cancel) keeps the window
 * responsive. Returns when the school is written, cancelled (ErrorCode::Cancelled, no file left) or failed.
 */
Status createDemoWithProgress(QWidget* parent, const QString& path, int students = 800);

} // namespace hocba::ui

// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Log.h"

Q_LOGGING_CATEGORY(lcDb, "hocba.db", QtWarningMsg)
Q_LOGGING_CATEGORY(lcRules, "hocba.rules", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCli, "hocba.cli", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "hocba.ui", QtWarningMsg)

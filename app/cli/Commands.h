// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Command.h"

namespace hocba::cli {

// One factory per command, defined in its own XxxCommand.cpp; allCommands() in Commands.cpp lists them.
std::unique_ptr<Command> makeDemoCommand();
std::unique_ptr<Command> makeInfoCommand();
std::unique_ptr<Command> makeAuditCommand();
std::unique_ptr<Command> makeBackupCommand();
std::unique_ptr<Command> makeRestoreCommand();

} // namespace hocba::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "Commands.h"

namespace hocba::cli {

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> list;
    list.push_back(makeEvaluateCommand());
    return list;
}

} // namespace hocba::cli

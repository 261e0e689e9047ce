// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstddef>

namespace hocba::terminal {

/**
 * Writes "`prompt`: " to stderr and reads one line from stdin into `buf`, with echo off while stdin is a terminal
 * (for PINs and passwords). Returns the length without the trailing newline, 0 when nothing was read. The caller
 * wipes `buf`.
 */
qsizetype readSecretLine(const QString& prompt, char* buf, size_t size);

} // namespace hocba::terminal

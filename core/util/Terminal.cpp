// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/Terminal.h"

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace hocba::terminal {

qsizetype readSecretLine(const QString& prompt, char* buf, size_t size)
{
    std::fprintf(stderr, "%s: ", prompt.toUtf8().constData());
    std::fflush(stderr);
    termios old {};
    const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ssize_t n = ::read(STDIN_FILENO, buf, size);
    if (tty)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    // An editor or the Enter key leaves "\n" or "\r\n".
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        --n;
    return n > 0 ? qsizetype(n) : 0;
}

} // namespace hocba::terminal

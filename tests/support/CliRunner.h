// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For tests that link hocba_cli: runs the whole hocba-cli in-process with buffers for stdin/stdout/stderr.
#include "Command.h"

#include <QBuffer>

namespace hocba::test {

struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};

inline CliRun runCliInProcess(const QStringList& args, const QByteArray& stdinData = {})
{
    QBuffer in, out, err;
    in.setData(stdinData);
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CliRun r;
    {
        cli::Console console(&in, &out, &err); // flushes into the buffers when it goes out of scope
        r.code = cli::runCli(args, console);
    }
    r.out = QString::fromUtf8(out.data());
    r.err = QString::fromUtf8(err.data());
    return r;
}

} // namespace hocba::test

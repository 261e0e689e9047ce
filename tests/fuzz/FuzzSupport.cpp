// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzSupport.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace hocba::fuzz {

void initialise(int* argc, char*** argv)
{
    if (qEnvironmentVariableIntValue("HOCBA_FUZZ_VERBOSE") == 0)
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    // Kept for the whole run: libFuzzer's argc/argv outlive it. Leaked on purpose (exit, not return, ends the run).
    static auto* app = new QCoreApplication(*argc, *argv);
    Q_UNUSED(app);
}

const QList<QByteArray>& anchors()
{
    static const QList<QByteArray> list = [] {
        QList<QByteArray> out;
        const QString path = qEnvironmentVariable("HOCBA_FUZZ_ANCHOR");
        if (path.isEmpty())
            return out;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "HOCBA_FUZZ_ANCHOR: cannot read %s\n", qPrintable(path));
            std::exit(2);
        }
        out << f.readAll();
        return out;
    }();
    return list;
}

QByteArray bytesOf(const std::uint8_t* data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

void violated(const char* what, const QString& detail)
{
    std::fprintf(stderr, "\n== property violated: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

} // namespace hocba::fuzz

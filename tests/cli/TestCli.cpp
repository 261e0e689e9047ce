// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include <QBuffer>
#include <QTest>

using namespace hocba;

namespace {
struct Run
{
    int code = 0;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    QBuffer in, out, err;
    in.open(QIODevice::ReadOnly);
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    Run r;
    {
        cli::Console console(&in, &out, &err);
        r.code = cli::runCli(args, console);
    }
    r.out = QString::fromUtf8(out.data());
    r.err = QString::fromUtf8(err.data());
    return r;
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noArgumentsIsUsageError()
    {
        const Run r = runCli({});
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY(r.err.contains(QStringLiteral("hocba-cli")));
    }
    void unknownCommandIsUsageError()
    {
        const Run r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, int(ExitUsage));
        QVERIFY(r.err.contains(QStringLiteral("frobnicate")));
    }
    void helpListsCommands()
    {
        const Run r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.code, int(ExitOk));
        for (const auto& c : cli::allCommands())
            QVERIFY2(r.out.contains(c->name()), qPrintable(c->name()));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"

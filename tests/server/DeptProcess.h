// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The real hocba-dept, run as a process: its admin commands and a running server.
#include "TestSupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace hocba::test {

struct DeptRun
{
    int code = -1;
    QString out;
    QString err;
};

/** Runs the built `program args…` to its end (30 s at most), in English so that tests can read the messages. */
inline DeptRun runProgram(const QString& program, const QStringList& args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOCBA_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(executable(program), args);
    DeptRun r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/** Runs `hocba-dept args…` to its end (30 s at most), in English. */
inline DeptRun runDept(const QStringList& args)
{
    return runProgram(QStringLiteral("hocba-dept"), args);
}

/**
 * `hocba-dept serve … --listen 127.0.0.1:0`; start() waits for the line that names the port. The server speaks
 * `language` (English unless a test looks at what the public sees).
 */
class DeptServer
{
public:
    bool start(const QStringList& args, const QString& language = QStringLiteral("en"))
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOCBA_LANG"), language);
        m_process.setProcessEnvironment(env);
        m_process.start(executable(QStringLiteral("hocba-dept")), QStringList {QStringLiteral("serve")} + args);
        const QRegularExpression listening(QStringLiteral("https?://[^ ]*:(\\d+)"));
        QByteArray seen;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 20000 && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(200);
            seen += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(seen));
            if (match.hasMatch()) {
                port = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        qWarning("server did not start: %s %s", seen.constData(), m_process.readAllStandardError().constData());
        return false;
    }

    /** SIGTERM; the exit code (-1 when it did not end within 20 s or crashed). */
    int terminate()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_process.terminate();
        if (!m_process.waitForFinished(20000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            return -1;
        }
        const int code = m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        if (code != 0)
            qWarning("server exit %d: %s", code, m_process.readAllStandardError().right(4000).constData());
        return code;
    }

    /** SIGKILL, as a power cut would stop it: nothing is finished or flushed. */
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool running() const { return m_process.state() == QProcess::Running; }
    qint64 pid() const { return m_process.processId(); }
    QByteArray errors() { return m_process.readAllStandardError(); }
    /** What the server wrote to stderr (its log) until now, waiting up to `ms` for something new. */
    QByteArray waitForLog(int ms)
    {
        m_process.setReadChannel(QProcess::StandardError);
        m_process.waitForReadyRead(ms);
        m_process.setReadChannel(QProcess::StandardOutput);
        return m_process.readAllStandardError();
    }

    quint16 port = 0;

private:
    QProcess m_process;
};

} // namespace hocba::test

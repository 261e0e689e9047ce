// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "signing/SoftwareSigner.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace hocba::test {

/** Output of a finished external tool. */
struct ToolRun
{
    int exitCode = -1;
    QString output; ///< stdout + stderr
};
ToolRun runTool(const QString& program, const QStringList& args, const QString& workDir = {});

/** A throw-away CA with an RSA-2048 and an EC P-256 signer (Vietnamese subjects), plus an NSS db trusting the CA. */
class TestPki
{
public:
    bool create(); ///< false (with qWarning) if openssl/certutil failed
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray caDer() const;
    std::unique_ptr<signing::SoftwareSigner> signer(bool ec) const;
    QString nssDir() const { return QStringLiteral("sql:") + path(QStringLiteral("nssdb")); }

private:
    QTemporaryDir m_dir;
};

} // namespace hocba::test

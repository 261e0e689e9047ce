// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "token/SoftwareSigner.h"

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

    /**
     * A certificate issued by the test CA (or self-signed when `selfSigned`) for a fresh RSA key, written as
     * `<name>.key` and `<name>.pem`; `extensions` are openssl extension lines ("keyUsage=…"). False if openssl failed.
     */
    bool issue(const QString& name, const QString& subject, const QByteArray& extensions, bool selfSigned = false);

    /**
     * xmlsec1 --sign on the first <Signature> of `xmlTemplate` with `keyArg` (a key file, or "key,cert" to have the
     * certificate written into an empty <X509Data/>); Id attributes of `dataElement` ("namespace:LocalName") and of
     * SignatureProperties and xades:SignedProperties are registered. Empty on failure.
     */
    QByteArray xmlsecSign(const QByteArray& xmlTemplate, const QString& keyArg, const QString& dataElement) const;

    /**
     * Issue 9's forgery of a signed packet whose data was changed afterwards: its first <Signature> re-signed with a
     * fresh RSA key carried as <KeyValue>, then the real signer's <X509Data> put back into <KeyInfo> after it (or
     * instead of it when `keepKeyValue` is false). Empty on failure.
     */
    QByteArray forgeWithFreshKey(const QByteArray& changedSignedXml, const QString& dataElement,
                                 bool keepKeyValue = true) const;

private:
    QTemporaryDir m_dir;
};

} // namespace hocba::test

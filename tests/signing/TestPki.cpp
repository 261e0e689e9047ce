// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPki.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtDebug>

namespace hocba::test {

ToolRun runTool(const QString& program, const QStringList& args, const QString& workDir)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    ToolRun r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

static QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool TestPki::create()
{
    if (!m_dir.isValid())
        return false;
    const QString d = m_dir.path();
    QFile ext(path(QStringLiteral("ext.cnf")));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,nonRepudiation,digitalSignature\n"
              "extendedKeyUsage=emailProtection\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
    ext.close();
    const QList<QStringList> steps = {
        {"req",
         "-x509",
         "-newkey",
         "rsa:2048",
         "-nodes",
         "-keyout",
         "ca.key",
         "-out",
         "ca.pem",
         "-days",
         "3650",
         "-sha256",
         "-utf8",
         "-subj",
         "/C=VN/O=Sở Giáo dục Thử nghiệm/CN=Test Root CA",
         "-addext",
         "basicConstraints=critical,CA:TRUE",
         "-addext",
         "keyUsage=critical,keyCertSign,cRLSign",
         "-addext",
         "subjectKeyIdentifier=hash"},
        {"x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der"},
        {"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-utf8", "-subj",
         "/C=VN/O=Trường THPT Thử Nghiệm/CN=Nguyễn Văn Ký (RSA)", "-out", "rsa.csr"},
        {"x509", "-req", "-in", "rsa.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "730",
         "-sha256", "-extfile", "ext.cnf", "-out", "rsa.pem"},
        {"req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ec.key", "-utf8",
         "-subj", "/C=VN/O=Trường THPT Thử Nghiệm/CN=Trần Thị Ấn (EC)", "-out", "ec.csr"},
        {"x509", "-req", "-in", "ec.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "730",
         "-sha256", "-extfile", "ext.cnf", "-out", "ec.pem"},
    };
    for (const auto& args : steps) {
        auto r = runTool(QStringLiteral("openssl"), args, d);
        if (r.exitCode != 0) {
            qWarning() << "openssl" << args.first() << r.output;
            return false;
        }
    }
    QDir(d).mkdir(QStringLiteral("nssdb"));
    for (const QStringList& args :
         {QStringList {"-N", "-d", nssDir(), "--empty-password"},
          QStringList {"-A", "-d", nssDir(), "-n", "Test Root CA", "-t", "CT,C,C", "-i", path("ca.pem")}}) {
        auto r = runTool(QStringLiteral("certutil"), args, d);
        if (r.exitCode != 0) {
            qWarning() << "certutil" << r.output;
            return false;
        }
    }
    return true;
}

QByteArray TestPki::caDer() const
{
    return readAll(path(QStringLiteral("ca.der")));
}

std::unique_ptr<signing::SoftwareSigner> TestPki::signer(bool ec) const
{
    const QString base = ec ? QStringLiteral("ec") : QStringLiteral("rsa");
    auto s = signing::SoftwareSigner::fromPem(readAll(path(base + ".key")), readAll(path(base + ".pem")));
    if (!s) {
        qWarning() << s.error().message << s.error().detail;
        return {};
    }
    return std::move(*s);
}

} // namespace hocba::test

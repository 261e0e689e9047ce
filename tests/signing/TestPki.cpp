// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestPki.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
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

bool TestPki::issue(const QString& name, const QString& subject, const QByteArray& extensions, bool selfSigned)
{
    QFile ext(path(name + QStringLiteral(".cnf")));
    // Also a complete "req" configuration, for the self-signed case.
    const QByteArray config = "[req]\ndistinguished_name=dn\n[dn]\n[v3]\n" + extensions;
    if (!ext.open(QIODevice::WriteOnly) || ext.write(config) != config.size())
        return false;
    ext.close();
    const QString key = name + QStringLiteral(".key");
    const QString pem = name + QStringLiteral(".pem");
    QList<QStringList> steps;
    if (selfSigned)
        steps << QStringList {"req",   "-x509",   "-newkey",      "rsa:2048",    "-nodes",  "-keyout", key,
                              "-out",  pem,       "-days",        "365",         "-sha256", "-utf8",   "-subj",
                              subject, "-config", ext.fileName(), "-extensions", "v3"};
    else
        steps << QStringList {"req", "-new",  "-newkey", "rsa:2048", "-nodes", "-keyout",
                              key,   "-utf8", "-subj",   subject,    "-out",   name + QStringLiteral(".csr")}
              << QStringList {"x509",
                              "-req",
                              "-in",
                              name + QStringLiteral(".csr"),
                              "-CA",
                              "ca.pem",
                              "-CAkey",
                              "ca.key",
                              "-CAcreateserial",
                              "-days",
                              "365",
                              "-sha256",
                              "-extfile",
                              ext.fileName(),
                              "-extensions",
                              "v3",
                              "-out",
                              pem};
    for (const auto& args : steps) {
        auto r = runTool(QStringLiteral("openssl"), args, m_dir.path());
        if (r.exitCode != 0) {
            qWarning() << "openssl" << args.first() << r.output;
            return false;
        }
    }
    return true;
}

QByteArray TestPki::xmlsecSign(const QByteArray& xmlTemplate, const QString& keyArg, const QString& dataElement) const
{
    QFile in(path(QStringLiteral("template.xml")));
    if (!in.open(QIODevice::WriteOnly) || in.write(xmlTemplate) != xmlTemplate.size())
        return {};
    in.close();
    const QString out = path(QStringLiteral("xmlsec-signed.xml"));
    QFile::remove(out);
    auto r = runTool(QStringLiteral("xmlsec1"),
                     {"--sign", "--privkey-pem", keyArg, "--id-attr:Id", dataElement, "--id-attr:Id",
                      "http://www.w3.org/2000/09/xmldsig#:SignatureProperties", "--id-attr:Id",
                      "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", "--output", out, in.fileName()},
                     m_dir.path());
    if (r.exitCode != 0) {
        qWarning() << "xmlsec1 --sign" << r.output;
        return {};
    }
    return readAll(out);
}

QByteArray TestPki::forgeWithFreshKey(const QByteArray& changedSignedXml, const QString& dataElement,
                                      bool keepKeyValue) const
{
    static const QRegularExpression keyInfo(QStringLiteral("<KeyInfo>(.*?)</KeyInfo>"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const QString xml = QString::fromUtf8(changedSignedXml);
    const auto m = keyInfo.match(xml);
    if (!m.hasMatch())
        return {};
    const QString realKeyInfo = m.captured(1);
    QString tmpl = xml;
    tmpl.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("<KeyInfo><KeyValue/></KeyInfo>"));
    const QString key = path(QStringLiteral("fresh.key"));
    if (!QFile::exists(key)
        && runTool(QStringLiteral("openssl"), {"genpkey", "-algorithm", "RSA", "-out", key}).exitCode != 0)
        return {};
    QString forged = QString::fromUtf8(xmlsecSign(tmpl.toUtf8(), key, dataElement));
    const auto f = keyInfo.match(forged);
    if (!f.hasMatch())
        return {};
    // KeyValue first: xmlsec stops reading KeyInfo at the first usable key, so the certificate is only decoration.
    const QString newKeyInfo = keepKeyValue ? f.captured(1) + realKeyInfo : realKeyInfo;
    forged.replace(f.capturedStart(1), f.capturedLength(1), newKeyInfo);
    return forged.toUtf8();
}

} // namespace hocba::test

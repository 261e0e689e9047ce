// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_seeds SEED_DIR OUT_DIR: the signed seeds, made at run time so no key or certificate is committed.
// A throw-away CA (TestPki) signs SEED_DIR/packet/primary.xml (RSA principal, then EC homeroom teacher) into
// OUT_DIR/xml, and SEED_DIR/pdf/minimal.pdf with that packet embedded into OUT_DIR/pdf; OUT_DIR/anchor.der is the CA.
#include "TestPki.h"

#include "packet/PacketDigest.h"
#include "token/PdfSigner.h"
#include "token/XmlSigner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

using namespace hocba;
using namespace hocba::signing;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

template <class T> T orExit(Result<T> r, const char* step)
{
    if (!r) {
        std::fprintf(stderr, "fuzz_seeds: %s: %s\n", step, qPrintable(describe(r.error())));
        std::exit(1);
    }
    return std::move(*r);
}

QByteArray signPacket(const QByteArray& xml, Signer& signer, SignerRole role, const QDateTime& when)
{
    XmlSignOptions o;
    o.role = role;
    o.signingTime = when;
    o.layout.containerName = QStringLiteral("Signatures"); // as SectionSigner signs packets
    o.layout.wrapPerRole = false;
    return orExit(XmlSigner::sign(xml, signer, o), "sign packet");
}

QByteArray signPdf(const QByteArray& pdf, Signer& signer, SignerRole role, const QDateTime& when,
                   const QByteArray& packetXml = {})
{
    PdfSignOptions o;
    o.role = role;
    o.signingTime = when;
    if (!packetXml.isEmpty())
        o.packet = PdfPacketAttachment {.packetXml = packetXml, .renderedDigest = packet::packetDigest(packetXml)};
    return orExit(PdfSigner::sign(pdf, signer, o), "sign PDF");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: fuzz_seeds SEED_DIR OUT_DIR\n");
        return 2;
    }
    const QDir seeds(QString::fromLocal8Bit(argv[1]));
    const QDir out(QString::fromLocal8Bit(argv[2]));
    const QByteArray packetXml = readFile(seeds.filePath(QStringLiteral("packet/primary.xml")));
    const QByteArray pdf = readFile(seeds.filePath(QStringLiteral("pdf/minimal.pdf")));
    test::TestPki pki;
    if (packetXml.isEmpty() || pdf.isEmpty() || !pki.create()) {
        std::fprintf(stderr, "fuzz_seeds: seed files missing or the test CA could not be made\n");
        return 1;
    }
    auto rsa = pki.signer(false);
    auto ec = pki.signer(true);
    // The certificates are valid from the second they were issued.
    const QDateTime when = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 1, Qt::UTC);

    const QByteArray byPrincipal = signPacket(packetXml, *rsa, SignerRole::Principal, when);
    const QByteArray byBoth = signPacket(byPrincipal, *ec, SignerRole::Homeroom, when);
    const QByteArray signedPdf = signPdf(pdf, *rsa, SignerRole::Principal, when, byBoth);
    const QByteArray twiceSignedPdf = signPdf(signedPdf, *ec, SignerRole::Homeroom, when);
    const bool ok = writeFile(out.filePath(QStringLiteral("anchor.der")), pki.caDer())
        && writeFile(out.filePath(QStringLiteral("xml/signed-principal.xml")), byPrincipal)
        && writeFile(out.filePath(QStringLiteral("xml/signed-two-roles.xml")), byBoth)
        && writeFile(out.filePath(QStringLiteral("pdf/signed.pdf")), signedPdf)
        && writeFile(out.filePath(QStringLiteral("pdf/signed-twice.pdf")), twiceSignedPdf)
        && writeFile(out.filePath(QStringLiteral("pdf/changed-after-signing.pdf")), signedPdf + "\n%%EOF\n");
    if (!ok) {
        std::fprintf(stderr, "fuzz_seeds: cannot write to %s\n", argv[2]);
        return 1;
    }
    return 0;
}

// SPDX-License-Identifier: GPL-3.0-or-later
// The Department endpoint's view of the core: read a packet and check its XMLDSig and PAdES signatures with the
// verify and packet modules alone. Built to prove those modules link without QtGui, libp11, the signers or the
// renderer (VerifyLinksAlone checks the binary); run on a file it prints what the checks say.
#include "packet/PacketReader.h"
#include "verify/PdfVerifier.h"
#include "verify/XmlVerifier.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace hocba;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: verify_alone FILE\n");
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const QByteArray bytes = file.readAll();
    const bool isPdf = bytes.startsWith("%PDF");
    auto report = isPdf ? signing::PdfVerifier::verify(bytes, {}) : signing::XmlVerifier::verify(bytes, {});
    if (!isPdf && !packet::readPacket(bytes))
        std::printf("packet: unreadable\n");
    std::printf("%s\n", report ? qPrintable(report->toText()) : qPrintable(report.error().message));
    return report && report->ok() ? 0 : 1;
}

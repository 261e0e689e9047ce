// SPDX-License-Identifier: GPL-3.0-or-later
// The packet reader on arbitrary bytes: validatePacket and readPacket must return errors, never crash or hang, and
// whatever readPacket accepts must survive write → read unchanged.
#include "FuzzSupport.h"

#include "packet/PacketReader.h"
#include "packet/PacketWriter.h"

using namespace hocba;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const bool valid = bool(packet::validatePacket(bytes));
    const auto read = packet::readPacket(bytes);
    if (!read)
        return 0;
    if (!valid)
        fuzz::violated("readPacket accepted bytes that validatePacket refuses");
    const auto written = packet::writePacket(*read);
    if (!written)
        fuzz::violated("writePacket refused a packet readPacket accepted", describe(written.error()));
    const auto back = packet::readPacket(*written);
    if (!back)
        fuzz::violated("readPacket refused what writePacket wrote", describe(back.error()));
    const QStringList diff = packet::differences(*read, *back);
    if (!diff.isEmpty())
        fuzz::violated("write → read changed the packet", diff.join(QStringLiteral(", ")));
    return 0;
}

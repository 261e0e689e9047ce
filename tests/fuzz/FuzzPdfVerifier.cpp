// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF verifier on arbitrary bytes that start like a PDF, the way `verify` and the check screen call it:
// signing::verifyDocument (PdfVerifier::verify, then the embedded packet's schema check and signatures).
#include "FuzzSupport.h"

#include "verify/DocumentVerifier.h"

using namespace hocba;

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);
    if (!bytes.startsWith("%PDF-"))
        return -1; // verifyDocument reads anything else as a packet: fuzz_xml_verifier's input
    const auto v = signing::verifyDocument(bytes, fuzz::anchors());
    if (!v)
        return 0;
    (void)v->ok();
    (void)v->report.toText();
    if (v->embedded)
        (void)v->embedded->toText();
    if (fuzz::anchors().isEmpty())
        for (const auto& s : v->report.signatures)
            if (s.certificateTrusted)
                fuzz::violated("a PDF signature is trusted without any trust anchor", s.signerName);
    return 0;
}

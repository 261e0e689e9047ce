// SPDX-License-Identifier: GPL-3.0-or-later
// The signature checker on arbitrary packet bytes, the way `verify` and the check screen call it:
// signing::verifyDocument (schema check, digest, XmlVerifier::verify with the packet layout, the report's text).
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
    if (bytes.startsWith("%PDF-"))
        return -1; // fuzz_pdf_verifier's input; keep it out of this corpus
    const auto v = signing::verifyDocument(bytes, fuzz::anchors());
    if (!v)
        return 0;
    (void)v->ok();
    (void)v->report.toText();
    // No anchor, no trust: the attack of issue 9 ("trusted" although nothing was configured).
    if (fuzz::anchors().isEmpty())
        for (const auto& s : v->report.signatures)
            if (s.certificateTrusted)
                fuzz::violated("a signature is trusted without any trust anchor", s.signerName);
    return 0;
}

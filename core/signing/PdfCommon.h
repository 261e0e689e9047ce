// SPDX-License-Identifier: GPL-3.0-or-later
// Internal: qpdf helpers shared by PdfSigner and PdfVerifier.
#pragma once

#include <qpdf/QPDF.hh>

#include <functional>

namespace hocba::signing::detail {

/** Visits every terminal field of the AcroForm (following /Kids), at most `maxDepth` deep (cycles). */
inline void forEachField(QPDFObjectHandle fields, const std::function<void(QPDFObjectHandle)>& visit, int depth = 0)
{
    if (!fields.isArray() || depth > 32)
        return;
    for (auto& f : fields.getArrayAsVector()) {
        if (!f.isDictionary())
            continue;
        if (f.getKey("/Kids").isArray() && !f.hasKey("/V"))
            forEachField(f.getKey("/Kids"), visit, depth + 1);
        else
            visit(f);
    }
}

inline bool isSignatureField(QPDFObjectHandle f)
{
    return f.getKey("/FT").isName() && f.getKey("/FT").getName() == "/Sig" && f.getKey("/V").isDictionary();
}

inline bool hasSignatureFields(QPDF& q)
{
    bool found = false;
    QPDFObjectHandle acro = q.getRoot().getKey("/AcroForm");
    if (acro.isDictionary())
        forEachField(acro.getKey("/Fields"), [&](QPDFObjectHandle f) { found = found || isSignatureField(f); });
    return found;
}

} // namespace hocba::signing::detail

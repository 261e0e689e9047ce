// SPDX-License-Identifier: GPL-3.0-or-later
// Internal: qpdf helpers shared by PdfSigner and PdfVerifier.
#pragma once

#include <qpdf/QPDF.hh>

#include <functional>
#include <set>

namespace hocba::signing::detail {

/**
 * Visits every terminal field of the AcroForm (following /Kids). In a hostile file the field tree is a graph (a field
 * listed twice among its own kids made a depth-limited walk visit 2^32 nodes): each indirect object is walked once,
 * so the work is linear in the file's size.
 */
inline void forEachField(QPDFObjectHandle fields, const std::function<void(QPDFObjectHandle)>& visit)
{
    std::set<QPDFObjGen> seen;
    const auto firstVisit = [&](QPDFObjectHandle& o) { return !o.isIndirect() || seen.insert(o.getObjGen()).second; };
    std::function<void(QPDFObjectHandle, int)> walk = [&](QPDFObjectHandle list, int depth) {
        if (!list.isArray() || depth > 32 || !firstVisit(list))
            return;
        for (auto& f : list.getArrayAsVector()) {
            if (!f.isDictionary() || !firstVisit(f))
                continue;
            if (f.getKey("/Kids").isArray() && !f.hasKey("/V"))
                walk(f.getKey("/Kids"), depth + 1);
            else
                visit(f);
        }
    };
    walk(fields, 0);
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

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>

#include <memory>

// libxml2 stays out of the public headers: its documents are only handed through.
struct _xmlDoc;
struct _xmlNode;

namespace hocba::packet {

/**
 * Limits for XML from outside (packets, signed or not). A signed demo section is 16 KiB with 313 elements; with three
 * XAdES signatures a packet is 11 levels deep with at most 5 attributes on an element (TestVerifyForgery prints the
 * figures); the most the schema allows (100 subjects, 100 regular marks a semester) stays under 25,000 elements.
 * The limits leave ample room and keep every later step (schema, C14N, xmlsec) fast on anything that passes.
 */
inline constexpr qsizetype kMaxXmlBytes = 4 * 1024 * 1024;
inline constexpr int kMaxXmlDepth = 64;
inline constexpr int kMaxXmlElements = 50000;
/** Per element, namespace declarations included: libxml2 compares every attribute with every other one. */
inline constexpr int kMaxXmlAttributes = 32;

struct XmlDocFree
{
    void operator()(_xmlDoc* d) const;
};
using XmlDocPtr = std::unique_ptr<_xmlDoc, XmlDocFree>;

/**
 * A document that passed the one hardened parse for untrusted XML; parse() is the only way to make one, so the
 * schema check and the signature check can share a document and know it is safe to walk.
 */
class SafeXmlDocument
{
public:
    /**
     * Before libxml2 sees the bytes: the size cap, no DOCTYPE or ENTITY (no DTD, so no entity expansion and no
     * external entities), and a scan of the markup for depth, element count and attributes per element. Then a
     * parse without network, entity substitution or error output (errors could echo personal data), the encoding
     * forced to UTF-8, and a check that no DTD slipped through. Errors are InvalidInput with a translated message
     * naming the line and the element ("Line 2, element <Data>: …").
     */
    static Result<SafeXmlDocument> parse(const QByteArray& bytes);

    _xmlDoc* get() const { return m_doc.get(); }
    _xmlNode* root() const;

private:
    explicit SafeXmlDocument(XmlDocPtr doc)
        : m_doc(std::move(doc))
    { }
    XmlDocPtr m_doc;
};

} // namespace hocba::packet

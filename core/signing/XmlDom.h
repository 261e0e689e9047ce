// SPDX-License-Identifier: GPL-3.0-or-later
// Internal: small libxml2 helpers shared by XmlSigner and XmlVerifier.
#pragma once

#include <QByteArray>
#include <QString>

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <functional>
#include <memory>

namespace hocba::signing::detail {

inline constexpr char kDsigNs[] = "http://www.w3.org/2000/09/xmldsig#";

inline const xmlChar* X(const char* s)
{
    return reinterpret_cast<const xmlChar*>(s);
}
inline QString qstr(const xmlChar* s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char*>(s)) : QString();
}

struct DocFree
{
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

/** Parses without network access, external entities or error output (errors could echo personal data). */
DocPtr parseXml(const QByteArray& xml);
QString attribute(xmlNode* node, const char* name);
/** Depth-first walk over element nodes; stops when `visit` returns false. */
void forEachElement(xmlNode* root, const std::function<bool(xmlNode*)>& visit);
xmlNode* findById(xmlDoc* doc, const QString& id);
xmlNode* findElement(xmlNode* root, const char* localName, const char* nsHref);
QString textOf(xmlNode* node);
/**
 * Exclusive C14N 1.0 (without comments) of the subtree at `root`, leaving out the subtree at `exclude` (the
 * enveloped-signature transform). Comments are dropped: a bare-name "#id" reference selects no comment nodes
 * (XMLDSig §4.3.3.3).
 */
QByteArray canonicalize(xmlDoc* doc, xmlNode* root, xmlNode* exclude = nullptr);
QByteArray dump(xmlDoc* doc);

} // namespace hocba::signing::detail

// SPDX-License-Identifier: GPL-3.0-or-later
// Internal: small libxml2 helpers shared by XmlSigner and XmlVerifier.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <functional>
#include <memory>

namespace hocba::signing::detail {

inline constexpr char kDsigNs[] = "http://www.w3.org/2000/09/xmldsig#";
// The only algorithms XmlSigner writes, and so the only ones XmlVerifier accepts.
inline constexpr char kExcC14n[] = "http://www.w3.org/2001/10/xml-exc-c14n#";
inline constexpr char kEnveloped[] = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
inline constexpr char kSha256[] = "http://www.w3.org/2001/04/xmlenc#sha256";
inline constexpr char kRsaSha256[] = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
inline constexpr char kEcdsaSha256[] = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";
/** XAdES (ETSI EN 319 132-1): the namespace of the qualifying properties, and the Type of the Reference to them. */
inline constexpr char kXadesNs[] = "http://uri.etsi.org/01903/v1.3.2#";
inline constexpr char kXadesSignedPropertiesType[] = "http://uri.etsi.org/01903#SignedProperties";
/** The Type of the Reference to the SignatureProperties of packets signed before XAdES (issue 16). */
inline constexpr char kSignaturePropertiesType[] = "http://www.w3.org/2000/09/xmldsig#SignatureProperties";

inline const xmlChar* X(const char* s)
{
    return reinterpret_cast<const xmlChar*>(s);
}
inline QString qstr(const xmlChar* s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char*>(s)) : QString();
}

QString attribute(xmlNode* node, const char* name);
/** The element children of `parent`, in document order. */
QList<xmlNode*> childElements(xmlNode* parent);
/** An element named `localName` in the XMLDSig namespace. */
bool isDsig(const xmlNode* node, const char* localName);
/** An element named `localName` in the XAdES namespace. */
bool isXades(const xmlNode* node, const char* localName);
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

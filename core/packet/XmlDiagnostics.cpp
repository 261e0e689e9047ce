// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/XmlDiagnostics.h"

#include "util/Text.h"

#include <libxml/parser.h>

namespace hocba::packet::detail {

QString nodeName(const xmlNode* n)
{
    return n && n->name ? QString::fromUtf8(reinterpret_cast<const char*>(n->name)) : QString();
}

#if LIBXML_VERSION >= 21200
void onXmlError(void* ctx, const xmlError* err)
#else
void onXmlError(void* ctx, xmlErrorPtr err)
#endif
{
    auto* cap = static_cast<Capture*>(ctx);
    if (!cap || !err || cap->set || err->level < XML_ERR_ERROR)
        return;
    cap->set = true;
    cap->line = err->line;
    cap->message = QString::fromUtf8(err->message ? err->message : "").trimmed();
    if (const auto* node = static_cast<const xmlNode*>(err->node)) {
        // Schema errors point at the element, or at one of its attributes.
        cap->element = node->type == XML_ELEMENT_NODE ? nodeName(node) : nodeName(node->parent);
        if (cap->line <= 0)
            cap->line = int(xmlGetLineNo(node));
    } else if ((err->domain == XML_FROM_PARSER || err->domain == XML_FROM_NAMESPACE) && err->ctxt) {
        // Well-formedness errors: the element being parsed when it failed.
        const auto* pctxt = static_cast<const xmlParserCtxt*>(err->ctxt);
        if (pctxt->name)
            cap->element = QString::fromUtf8(reinterpret_cast<const char*>(pctxt->name));
    }
}

namespace {
void ignoreGenericError(void*, const char*, ...) { }
} // namespace

ErrorScope::ErrorScope(Capture* cap)
{
    xmlSetStructuredErrorFunc(cap, onXmlError);
    xmlSetGenericErrorFunc(nullptr, ignoreGenericError);
}

ErrorScope::~ErrorScope()
{
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    xmlSetGenericErrorFunc(nullptr, nullptr);
}

std::unexpected<Error> located(int line, const QString& element, const QString& what, const QString& detail)
{
    const QString message = element.isEmpty()
        ? ReaderText::tr("Line %1: %2").arg(line).arg(what)
        : ReaderText::tr("Line %1, element <%2>: %3").arg(line).arg(element, what);
    // The detail goes to logs: line and element name only, never the offending text (it may be a name).
    return fail(ErrorCode::InvalidInput, message,
                QStringLiteral("packet.read %1 line %2 element %3").arg(detail).arg(line).arg(element));
}

QString text(const xmlNode* n)
{
    if (!n)
        return {};
    xmlChar* c = xmlNodeGetContent(n);
    const QString s = QString::fromUtf8(reinterpret_cast<const char*>(c));
    xmlFree(c);
    return s;
}

bool hasAttr(const xmlNode* n, const char* name)
{
    return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

QString attr(const xmlNode* n, const char* name)
{
    xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
    const QString s = QString::fromUtf8(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

QList<const xmlNode*> elements(const xmlNode* parent)
{
    QList<const xmlNode*> out;
    for (const xmlNode* n = parent ? parent->children : nullptr; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            out.append(n);
    return out;
}

bool is(const xmlNode* n, const char* name)
{
    return xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>(name));
}

const xmlNode* child(const xmlNode* parent, const char* name)
{
    for (const xmlNode* n : elements(parent))
        if (is(n, name))
            return n;
    return nullptr;
}

/** Checks every text and attribute value below `node` for NFC; SafeXmlDocument::parse bounds the depth, so recursion is
 * safe. */
Status checkNfc(const xmlNode* node)
{
    for (const xmlNode* n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const QString text = QString::fromUtf8(reinterpret_cast<const char*>(n->content));
            if (!text::isNfc(text))
                return located(
                    int(xmlGetLineNo(n->parent)), nodeName(n->parent),
                    ReaderText::tr("the text is not in Unicode NFC form (a packet is always written in NFC)"),
                    QStringLiteral("not-nfc"));
        } else if (n->type == XML_ELEMENT_NODE) {
            for (const xmlAttr* a = n->properties; a; a = a->next) {
                xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
                const QString value = QString::fromUtf8(reinterpret_cast<const char*>(v));
                xmlFree(v);
                if (!text::isNfc(value))
                    return located(int(xmlGetLineNo(n)), nodeName(n),
                                   ReaderText::tr("the attribute %1 is not in Unicode NFC form")
                                       .arg(nodeName(reinterpret_cast<const xmlNode*>(a))),
                                   QStringLiteral("not-nfc"));
            }
            if (auto s = checkNfc(n->children); !s)
                return s;
        }
    }
    return {};
}

} // namespace hocba::packet::detail

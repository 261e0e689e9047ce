// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/XmlDiagnostics.h"

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

} // namespace hocba::packet::detail

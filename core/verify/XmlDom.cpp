// SPDX-License-Identifier: GPL-3.0-or-later
#include "verify/XmlDom.h"

#include <libxml/xmlsave.h>

namespace hocba::signing::detail {

QString attribute(xmlNode* node, const char* name)
{
    xmlChar* v = xmlGetNoNsProp(node, X(name));
    QString s = qstr(v);
    xmlFree(v);
    return s;
}

QList<xmlNode*> childElements(xmlNode* parent)
{
    QList<xmlNode*> out;
    for (xmlNode* n = parent ? parent->children : nullptr; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            out.append(n);
    return out;
}

bool isDsig(const xmlNode* node, const char* localName)
{
    return node && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, X(localName)) && node->ns
        && xmlStrEqual(node->ns->href, X(kDsigNs));
}

bool isXades(const xmlNode* node, const char* localName)
{
    return node && node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, X(localName)) && node->ns
        && xmlStrEqual(node->ns->href, X(kXadesNs));
}

void forEachElement(xmlNode* root, const std::function<bool(xmlNode*)>& visit)
{
    for (xmlNode* n = root; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!visit(n))
            return;
        forEachElement(n->children, visit);
    }
}

xmlNode* findById(xmlDoc* doc, const QString& id)
{
    xmlNode* found = nullptr;
    forEachElement(xmlDocGetRootElement(doc), [&](xmlNode* n) {
        if (xmlHasProp(n, X("Id")) && attribute(n, "Id") == id)
            found = n;
        return !found;
    });
    return found;
}

xmlNode* findElement(xmlNode* root, const char* localName, const char* nsHref)
{
    xmlNode* found = nullptr;
    forEachElement(root, [&](xmlNode* n) {
        if (xmlStrEqual(n->name, X(localName))
            && (nsHref ? (n->ns && xmlStrEqual(n->ns->href, X(nsHref))) : n->ns == nullptr))
            found = n;
        return !found;
    });
    return found;
}

QString textOf(xmlNode* node)
{
    xmlChar* c = xmlNodeGetContent(node);
    QString s = qstr(c);
    xmlFree(c);
    return s;
}

namespace {
struct Visibility
{
    xmlNode* root;
    xmlNode* exclude;
};

int isVisible(void* user, xmlNodePtr node, xmlNodePtr parent)
{
    auto* v = static_cast<Visibility*>(user);
    if (node->type == XML_COMMENT_NODE)
        return 0;
    // Namespace nodes (xmlNs) have no parent pointer: libxml2 passes the owning element separately.
    xmlNode* n = node->type == XML_NAMESPACE_DECL ? parent : node;
    for (xmlNode* p = n; p; p = p->parent) {
        if (p == v->exclude)
            return 0;
        if (p == v->root)
            return 1;
    }
    return 0;
}
} // namespace

QByteArray canonicalize(xmlDoc* doc, xmlNode* root, xmlNode* exclude)
{
    Visibility v {root, exclude};
    xmlOutputBuffer* out = xmlAllocOutputBuffer(nullptr);
    if (!out)
        return {};
    QByteArray result;
    if (xmlC14NExecute(doc, isVisible, &v, XML_C14N_EXCLUSIVE_1_0, nullptr, 0, out) >= 0)
        result = QByteArray(reinterpret_cast<const char*>(xmlOutputBufferGetContent(out)),
                            int(xmlOutputBufferGetSize(out)));
    xmlOutputBufferClose(out);
    return result;
}

QByteArray dump(xmlDoc* doc)
{
    xmlChar* mem = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
    QByteArray out(reinterpret_cast<const char*>(mem), size);
    xmlFree(mem);
    return out;
}

} // namespace hocba::signing::detail

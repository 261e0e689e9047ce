// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to core/packet: libxml2 error capture and located messages shared by SafeXml and PacketReader.
#pragma once

#include "util/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

namespace hocba::packet::detail {

/** Translation context for the reader's messages (lupdate reads the context from the macro). */
class ReaderText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::packet::PacketReader)
};

QString nodeName(const xmlNode* n);

/** The first error libxml2 reports, with where it happened. */
struct Capture
{
    bool set = false;
    int line = 0;
    QString element;
    QString message;
};

#if LIBXML_VERSION >= 21200
void onXmlError(void* ctx, const xmlError* err);
#else
void onXmlError(void* ctx, xmlErrorPtr err);
#endif

/** libxml2's error handlers are per-thread globals: install ours for one parse/validation, restore after. */
class ErrorScope
{
public:
    explicit ErrorScope(Capture* cap);
    ~ErrorScope();
    ErrorScope(const ErrorScope&) = delete;
    ErrorScope& operator=(const ErrorScope&) = delete;
};

/** "Line 12, element <X>: what" as an InvalidInput error; the detail names line and element only. */
std::unexpected<Error> located(int line, const QString& element, const QString& what, const QString& detail);

// Reading elements of a parsed document (packets and signed requests).
QString text(const xmlNode* n); ///< the element's text content, UTF-8 decoded; empty for null
bool hasAttr(const xmlNode* n, const char* name);
QString attr(const xmlNode* n, const char* name); ///< an unprefixed attribute's value
QList<const xmlNode*> elements(const xmlNode* parent); ///< the child elements, in order
bool is(const xmlNode* n, const char* name); ///< local name equals
const xmlNode* child(const xmlNode* parent, const char* name); ///< first child element of that local name

/** Every text and attribute value below `node` (and its following siblings) is NFC; else a located InvalidInput. */
Status checkNfc(const xmlNode* node);

} // namespace hocba::packet::detail

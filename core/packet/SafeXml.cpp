// SPDX-License-Identifier: GPL-3.0-or-later
#include "packet/SafeXml.h"

#include "packet/XmlDiagnostics.h"

#include <libxml/parser.h>

#include <optional>

namespace hocba::packet {

using namespace detail;

namespace {

int lineOfOffset(const QByteArray& bytes, qsizetype offset)
{
    return int(QByteArrayView(bytes).first(offset).count('\n')) + 1;
}

struct ScanProblem
{
    qsizetype offset = 0;
    QString element;
    QString what;
    QString detail;
};

/**
 * A linear pass over the markup, before libxml2 parses anything: libxml2 checks each attribute against every other
 * one (100,000 attributes take minutes) and nests as deep as its own generous limit. This is no XML parser: it only
 * has to count right for well-formed input, since anything else is refused by the parse that follows.
 */
class MarkupScan
{
public:
    explicit MarkupScan(const QByteArray& bytes)
        : m_b(bytes)
    { }

    std::optional<ScanProblem> run()
    {
        const qsizetype n = m_b.size();
        for (qsizetype i = m_b.indexOf('<'); i >= 0 && i < n; i = m_b.indexOf('<', i)) {
            const QByteArrayView rest = QByteArrayView(m_b).sliced(i);
            if (rest.startsWith("<!--"))
                i = skipPast(i, "-->");
            else if (rest.startsWith("<![CDATA["))
                i = skipPast(i, "]]>");
            else if (rest.startsWith("<?"))
                i = skipPast(i, "?>");
            else if (rest.startsWith("<!"))
                return declaration(i, rest);
            else if (rest.startsWith("</")) {
                --m_depth;
                i = skipPast(i, ">");
            } else if (auto problem = startTag(i))
                return problem;
            if (i < 0)
                break;
        }
        return std::nullopt;
    }

private:
    qsizetype skipPast(qsizetype from, const char* end) const
    {
        const qsizetype at = m_b.indexOf(end, from + 1);
        return at < 0 ? -1 : at + qsizetype(qstrlen(end));
    }

    static std::optional<ScanProblem> declaration(qsizetype at, QByteArrayView rest)
    {
        if (rest.startsWith("<!DOCTYPE"))
            return ScanProblem {at, QStringLiteral("!DOCTYPE"),
                                ReaderText::tr("a packet must not contain a document type declaration (DOCTYPE)"),
                                QStringLiteral("doctype")};
        const QByteArrayView keyword = rest.first(std::min<qsizetype>(rest.size(), 12));
        qsizetype end = 2;
        while (end < keyword.size() && std::isalpha(static_cast<unsigned char>(keyword[end])))
            ++end;
        return ScanProblem {at, QString::fromLatin1(keyword.first(end).sliced(1)),
                            ReaderText::tr("a packet must not contain markup declarations (such as <!ENTITY>)"),
                            QStringLiteral("declaration")};
    }

    /** Counts one start tag at `i` and moves `i` past it. */
    std::optional<ScanProblem> startTag(qsizetype& i)
    {
        const qsizetype start = i;
        qsizetype j = i + 1;
        while (j < m_b.size() && !std::isspace(static_cast<unsigned char>(m_b[j])) && m_b[j] != '>' && m_b[j] != '/')
            ++j;
        const QString name = QString::fromUtf8(m_b.mid(start + 1, std::min<qsizetype>(j - start - 1, 200)));
        if (++m_elements > kMaxXmlElements)
            return ScanProblem {start, name, ReaderText::tr("the file has more than %1 elements").arg(kMaxXmlElements),
                                QStringLiteral("too-many-elements")};
        if (++m_depth > kMaxXmlDepth)
            return ScanProblem {start, name,
                                ReaderText::tr("the elements are nested more than %1 levels deep").arg(kMaxXmlDepth),
                                QStringLiteral("too-deep")};
        int attributes = 0;
        char quote = 0;
        for (; j < m_b.size(); ++j) {
            const char c = m_b[j];
            if (quote)
                quote = c == quote ? 0 : quote;
            else if (c == '"' || c == '\'')
                quote = c;
            else if (c == '=')
                ++attributes;
            else if (c == '>')
                break;
        }
        if (attributes > kMaxXmlAttributes)
            return ScanProblem {start, name,
                                ReaderText::tr("the element has more than %1 attributes").arg(kMaxXmlAttributes),
                                QStringLiteral("too-many-attributes")};
        if (j < m_b.size() && m_b[j - 1] == '/')
            --m_depth;
        i = j < m_b.size() ? j + 1 : -1;
        return std::nullopt;
    }

    const QByteArray& m_b;
    int m_depth = 0;
    int m_elements = 0;
};

} // namespace

void XmlDocFree::operator()(xmlDoc* d) const
{
    xmlFreeDoc(d);
}

xmlNode* SafeXmlDocument::root() const
{
    return xmlDocGetRootElement(m_doc.get());
}

Result<SafeXmlDocument> SafeXmlDocument::parse(const QByteArray& bytes)
{
    if (bytes.size() > kMaxXmlBytes)
        return fail(
            ErrorCode::InvalidInput,
            ReaderText::tr("The file is larger than %1 MiB; it is not a record packet.").arg(kMaxXmlBytes >> 20),
            QStringLiteral("packet.read too large: %1 bytes").arg(bytes.size()));
    // No DTD ever: that rules out entity expansion (billion laughs) and external entities (file://, http://)
    // before libxml2 sees them. One inside a comment is refused too; our writer never writes one.
    if (const qsizetype at = bytes.indexOf("<!DOCTYPE"); at >= 0)
        return located(lineOfOffset(bytes, at), QStringLiteral("!DOCTYPE"),
                       ReaderText::tr("a packet must not contain a document type declaration (DOCTYPE)"),
                       QStringLiteral("doctype"));
    if (auto problem = MarkupScan(bytes).run())
        return located(lineOfOffset(bytes, problem->offset), problem->element, problem->what, problem->detail);

    xmlInitParser();
    Capture cap;
    ErrorScope scope(&cap);
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
    if (!ctxt)
        return fail(ErrorCode::Internal, ReaderText::tr("Out of memory while reading the packet."),
                    QStringLiteral("xmlNewParserCtxt"));
    // NONET: never fetch anything. No NOENT (no entity substitution), no DTDLOAD, no HUGE (keeps libxml2's own size
    // limits). BIG_LINES: correct line numbers past 65535. The encoding is forced to UTF-8, whatever the declaration
    // says, so invalid UTF-8 is an error and not silently reinterpreted.
    const int options
        = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.constData(), int(bytes.size()), "packet.xml", "UTF-8", options));
    if (!doc || !ctxt->wellFormed || cap.set) {
        const QString why = cap.message.isEmpty() ? ReaderText::tr("the file is empty or not XML") : cap.message;
        return located(cap.line > 0 ? cap.line : 1, cap.element,
                       ReaderText::tr("the file is not well-formed XML (%1)").arg(why),
                       QStringLiteral("not-well-formed"));
    }
    if (doc->intSubset || doc->extSubset)
        return located(1, QStringLiteral("!DOCTYPE"),
                       ReaderText::tr("a packet must not contain a document type declaration (DOCTYPE)"),
                       QStringLiteral("doctype"));
    return SafeXmlDocument(std::move(doc));
}

} // namespace hocba::packet

// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to core/packet: the serializer of the packet and of the signed requests (SignedRequest.h).
#pragma once

#include "domain/Decimal.h"
#include "domain/Types.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

#include <algorithm>
#include <optional>

namespace hocba::packet::detail {

using Attributes = QList<QPair<QString, QString>>;

/** Characters XML 1.0 allows in text (surrogate pairs are checked by the UTF-16 decoder). */
inline bool xmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * A minimal serializer whose output is its own exclusive-C14N form: attributes sorted by name (all are
 * unprefixed), every element written as start + end tag, text escaped as C14N escapes it. Indentation is plain
 * text between elements and is part of what is signed, which is fine: it is deterministic.
 */
class XmlOut
{
public:
    QByteArray bytes() const { return m_out; }
    const QString& badElement() const { return m_badElement; }

    void open(const QString& name, Attributes attrs = {}, const QString& nsDecl = {})
    {
        childStarts();
        m_out += '<' + name.toUtf8();
        if (!nsDecl.isEmpty())
            m_out += " xmlns=\"" + escape(nsDecl, name, true) + '"';
        writeAttrs(std::move(attrs), name);
        m_out += '>';
        m_stack.push_back({name, false});
    }
    void close()
    {
        const Frame f = m_stack.takeLast();
        if (f.hasChildren) {
            m_out += '\n';
            indent();
        }
        m_out += "</" + f.name.toUtf8() + '>';
    }
    void leaf(const QString& name, const QString& text, Attributes attrs = {})
    {
        childStarts();
        m_out += '<' + name.toUtf8();
        writeAttrs(std::move(attrs), name);
        m_out += '>' + escape(text, name, false) + "</" + name.toUtf8() + '>';
    }
    void optLeaf(const QString& name, const QString& text)
    {
        if (!text.isEmpty())
            leaf(name, text);
    }
    void optLeaf(const QString& name, const std::optional<QString>& text)
    {
        if (text)
            leaf(name, *text);
    }
    void dateLeaf(const QString& name, const QDate& date)
    {
        if (date.isValid())
            leaf(name, date.toString(Qt::ISODate));
    }
    template <class T> void codeLeaf(const QString& name, const std::optional<T>& v)
    {
        if (v)
            leaf(name, toCode(*v));
    }
    void boolLeaf(const QString& name, const std::optional<bool>& v)
    {
        if (v)
            leaf(name, *v ? QStringLiteral("true") : QStringLiteral("false"));
    }
    void tenthsLeaf(const QString& name, const std::optional<Tenths>& v)
    {
        if (v)
            leaf(name, tenthsToText(*v));
    }

private:
    struct Frame
    {
        QString name;
        bool hasChildren = false;
    };

    void childStarts()
    {
        if (m_stack.isEmpty())
            return;
        m_stack.last().hasChildren = true;
        m_out += '\n';
        indent();
    }
    void indent() { m_out += QByteArray(2 * m_stack.size(), ' '); }
    void writeAttrs(Attributes attrs, const QString& element)
    {
        std::sort(attrs.begin(), attrs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [k, v] : attrs)
            m_out += ' ' + k.toUtf8() + "=\"" + escape(v, element, true) + '"';
    }
    QByteArray escape(const QString& raw, const QString& element, bool attribute)
    {
        // Most values (codes, scores, dates) are plain ASCII with nothing to escape: copied as they are.
        const bool plain = std::all_of(raw.begin(), raw.end(), [](QChar c) {
            const char16_t u = c.unicode();
            return u >= 0x20 && u < 0x7f && u != '&' && u != '<' && u != '>' && u != '"';
        });
        if (plain)
            return raw.toLatin1();
        // NFC here too: the store already normalises, but the signed bytes must not depend on the caller.
        const QString text = raw.normalized(QString::NormalizationForm_C);
        QString out;
        out.reserve(text.size() + 16);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                out += c; // U+10000…U+10FFFF are all allowed
                out += text.at(++i);
                continue;
            }
            if (c.isSurrogate() || !xmlChar(c.unicode())) {
                if (m_badElement.isEmpty())
                    m_badElement = element;
                continue;
            }
            switch (c.unicode()) {
            case '&':
                out += QLatin1String("&amp;");
                break;
            case '<':
                out += QLatin1String("&lt;");
                break;
            case '>':
                out += attribute ? QLatin1String(">") : QLatin1String("&gt;");
                break;
            case '"':
                out += attribute ? QLatin1String("&quot;") : QLatin1String("\"");
                break;
            case 0x9:
                out += attribute ? QLatin1String("&#x9;") : QLatin1String("\t");
                break;
            case 0xA:
                out += attribute ? QLatin1String("&#xA;") : QLatin1String("\n");
                break;
            case 0xD:
                out += QLatin1String("&#xD;");
                break;
            default:
                out += c;
            }
        }
        return out.toUtf8();
    }

    QByteArray m_out;
    QList<Frame> m_stack;
    QString m_badElement;
};

} // namespace hocba::packet::detail

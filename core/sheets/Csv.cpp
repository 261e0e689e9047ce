// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheets/Csv.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <array>

namespace hocba::sheets {

namespace {

struct CsvText
{
    Q_DECLARE_TR_FUNCTIONS(hocba::sheets::Csv)
};

constexpr int headerAreaRows = 20;

/** The delimiter that splits some line of the first rows into the most cells; a comma when none splits any. */
QChar detectDelimiter(const QString& text)
{
    const std::array<QChar, 3> candidates {u',', u';', u'\t'};
    std::array<int, 3> best {0, 0, 0};
    std::array<int, 3> line {0, 0, 0};
    bool quoted = false;
    int lines = 0;
    for (qsizetype i = 0; i < text.size() && lines < headerAreaRows; ++i) {
        const QChar c = text.at(i);
        if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && c == u'\n') {
            for (size_t k = 0; k < candidates.size(); ++k)
                best[k] = std::max(best[k], std::exchange(line[k], 0));
            ++lines;
        } else if (!quoted) {
            for (size_t k = 0; k < candidates.size(); ++k)
                line[k] += c == candidates[k] ? 1 : 0;
        }
    }
    for (size_t k = 0; k < candidates.size(); ++k)
        best[k] = std::max(best[k], line[k]);
    size_t chosen = 0;
    for (size_t k = 1; k < candidates.size(); ++k)
        if (best[k] > best[chosen])
            chosen = k;
    return candidates[chosen];
}

class CsvParser
{
public:
    CsvParser(const QString& text, QChar delimiter, const SheetLimits& limits)
        : m_text(text)
        , m_delimiter(delimiter)
        , m_limits(limits)
    { }

    Result<Sheet> parse()
    {
        bool quoted = false;
        for (qsizetype i = 0; i < m_text.size(); ++i) {
            const QChar c = m_text.at(i);
            if (quoted) {
                if (c != u'"')
                    m_cell += c;
                else if (i + 1 < m_text.size() && m_text.at(i + 1) == u'"')
                    m_cell += m_text.at(++i);
                else
                    quoted = false;
            } else if (c == u'"') {
                quoted = true;
            } else if (c == m_delimiter) {
                if (auto s = endCell(); !s)
                    return std::unexpected(s.error());
            } else if (c == u'\n' || c == u'\r') {
                if (c == u'\r' && i + 1 < m_text.size() && m_text.at(i + 1) == u'\n')
                    ++i;
                if (auto s = endRow(); !s)
                    return std::unexpected(s.error());
            } else {
                m_cell += c;
            }
        }
        if (quoted)
            return fail(ErrorCode::InvalidInput,
                        CsvText::tr("Row %1 opens a quote that is never closed.").arg(m_sheet.rows.size() + 1));
        if (!m_cell.isEmpty() || !m_cells.isEmpty())
            if (auto s = endRow(); !s)
                return std::unexpected(s.error());
        return std::move(m_sheet);
    }

private:
    Status endCell()
    {
        if (m_cells.size() >= m_limits.maxColumns)
            return fail(
                ErrorCode::InvalidInput,
                CsvText::tr("Row %1 has more than %2 columns.").arg(m_sheet.rows.size() + 1).arg(m_limits.maxColumns));
        m_cells.append(std::exchange(m_cell, QString()));
        return {};
    }

    Status endRow()
    {
        if (!m_cell.isEmpty() || !m_cells.isEmpty())
            if (auto s = endCell(); !s)
                return s;
        if (m_sheet.rows.size() >= m_limits.maxRows)
            return fail(ErrorCode::InvalidInput, CsvText::tr("The file has more than %1 rows.").arg(m_limits.maxRows));
        m_sheet.rows.append({int(m_sheet.rows.size() + 1), std::exchange(m_cells, QStringList())});
        return {};
    }

    const QString& m_text;
    const QChar m_delimiter;
    const SheetLimits m_limits;
    Sheet m_sheet;
    QStringList m_cells;
    QString m_cell;
};

} // namespace

Result<Sheet> readCsv(const QByteArray& bytes, const SheetLimits& limits)
{
    if (bytes.size() > limits.maxBytes)
        return fail(ErrorCode::InvalidInput,
                    CsvText::tr("The file is larger than %1 MiB.").arg(limits.maxBytes / (1024 * 1024)));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return fail(ErrorCode::InvalidInput,
                    CsvText::tr("The file is not in UTF-8. In Excel choose File → Save As → \"CSV UTF-8 (Comma "
                                "delimited)\" and import that file."));
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return CsvParser(text, detectDelimiter(text), limits).parse();
}

} // namespace hocba::sheets

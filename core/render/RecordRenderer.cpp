// SPDX-License-Identifier: GPL-3.0-or-later
// The record is laid out first into pages of simple drawing operations (single text lines, lines, boxes, QR
// symbols) in page units of 0.01 mm, then painted. Laying out first gives the page count for "Trang 3/9", the blank
// pages of duplex printing, and one code path for the PDF and the printer.
#include "render/RecordRenderer.h"

#include "domain/Curriculum.h"
#include "domain/Decimal.h"
#include "domain/PrintedText.h"
#include "render/BookLayout.h"
#include "render/Fonts.h"
#include "render/QrCode.h"
#include "render/ReceivedPages.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QImage>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>
#include <QTimeZone>

#include <algorithm>
#include <memory>
#include <optional>

namespace hocba::render {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hocba::render", text);
}

constexpr double u(double mm)
{
    return mm * kUnitsPerMm;
}

struct Op
{
    enum Kind { Text, Line, Qr, Image } kind = Text;
    QRectF rect; ///< Text: x, top, width, line height; Qr: the symbol's square incl. quiet zone; Image: its box
    QLineF line;
    QString text;
    FontSpec font;
    Qt::Alignment align = Qt::AlignLeft;
    double pen = u(0.2);
    std::shared_ptr<const QrMatrix> qr;
    QImage image;
};

struct Page
{
    QList<Op> ops;
    bool blank = false; ///< inserted for duplex printing
    int receivedIndex = -1; ///< the page before a received year: its index in RenderInput::received
    int receivedPages = 0; ///< that year's signed pages, which follow this page
    bool draft = false; ///< a page of an unsigned section: it carries the draft watermark
    bool cover = false; ///< no running header
};

/** Font metrics per spec, cached: the composer runs on one thread at a time. */
class Metrics
{
public:
    const QFontMetricsF& of(const FontSpec& spec)
    {
        for (auto& [s, m] : cache_)
            if (s == spec)
                return *m;
        cache_.push_back({spec, std::make_unique<QFontMetricsF>(printFont(spec))});
        return *cache_.back().second;
    }

    /** Word-wrapped lines of `text`; the first line may be narrower (it follows a label). */
    QStringList wrap(const QString& text, const FontSpec& spec, double firstWidth, double width)
    {
        // Captions, level codes, subject names and dates repeat across every page and record of a batch, and
        // shaping them with QTextLayout was the composer's main cost: remember results per rendering thread.
        thread_local QHash<QString, QStringList> cache;
        const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6")
                                .arg(spec.points)
                                .arg(int(spec.bold) + 2 * int(spec.italic))
                                .arg(firstWidth)
                                .arg(width)
                                .arg(text.size())
                                .arg(text);
        if (const auto it = cache.constFind(key); it != cache.constEnd())
            return *it;
        if (cache.size() > 50000) // comments are mostly unique; keep the cache from growing without bound
            cache.clear();
        QStringList lines = wrapUncached(text, spec, firstWidth, width);
        cache.insert(key, lines);
        return lines;
    }

private:
    QStringList wrapUncached(const QString& text, const FontSpec& spec, double firstWidth, double width)
    {
        QStringList lines;
        // Most cells hold one short value that fits on its line: skip the line breaker.
        if (!text.contains(QLatin1Char('\n')) && of(spec).horizontalAdvance(text) <= std::max(1.0, firstWidth))
            return {text};
        const QStringList paragraphs = text.split(QLatin1Char('\n'));
        bool first = true;
        for (const QString& para : paragraphs) {
            if (para.isEmpty()) {
                lines.append(QString());
                first = false;
                continue;
            }
            QTextLayout layout(para, printFont(spec));
            QTextOption option;
            option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
            layout.setTextOption(option);
            layout.beginLayout();
            for (;;) {
                QTextLine line = layout.createLine();
                if (!line.isValid())
                    break;
                line.setLineWidth(std::max(1.0, first ? firstWidth : width));
                first = false;
                QString piece = para.mid(line.textStart(), line.textLength());
                while (piece.endsWith(QLatin1Char(' ')))
                    piece.chop(1);
                lines.append(piece);
            }
            layout.endLayout();
        }
        return lines;
    }

    std::vector<std::pair<FontSpec, std::unique_ptr<QFontMetricsF>>> cache_;
};

struct CellText
{
    QStringList lines;
    FontSpec font;
};

class Composer
{
public:
    Composer(const BookLayout& layout, const RenderOptions& options)
        : b_(layout)
        , options_(options)
    { }

    QList<Page> pages;
    QHash<QString, QString> values;
    /** Pages started from now on belong to an unsigned section (the draft watermark). */
    bool draftSection = false;

    double left() const { return u(b_.marginLeftMm); }
    double right() const { return u(b_.pageWidthMm - b_.marginRightMm); }
    double width() const { return right() - left(); }
    double top() const { return u(b_.marginTopMm + b_.headerHeightMm); }
    double bottom() const { return u(b_.pageHeightMm - b_.marginBottomMm - b_.footerHeightMm); }

    void newPage(bool startsYear = false)
    {
        if (startsYear && options_.duplexBlankPages && (pages.size() + receivedPageTotal_) % 2 == 1) {
            // The next page would be even, a left-hand page: a blank one keeps the year on the right.
            Page blank;
            blank.blank = true;
            pages.append(blank);
        }
        Page page;
        page.draft = draftSection;
        pages.append(page);
        y_ = top();
    }

    /** A page break before `h` more units when they do not fit; inside keepTogether() only a mark that they did not. */
    void ensureSpace(double h)
    {
        if (y_ + h <= bottom())
            return;
        if (keepDepth_ > 0)
            overflowed_ = true;
        else
            newPage();
    }

    /**
     * Lays out `f` on one page: when it does not fit on the rest of this page it starts on the next one, and only
     * when it does not fit on a whole page either does it break (its own inner keepTogether groups still hold).
     * Nested inside another group it is that group's part.
     */
    template <typename F> void keepTogether(F&& f)
    {
        if (keepDepth_ > 0) {
            f();
            return;
        }
        const qsizetype pageCount = pages.size();
        const qsizetype opCount = pages.last().ops.size();
        const double y0 = y_;
        ++keepDepth_;
        overflowed_ = false;
        f();
        --keepDepth_;
        if (!overflowed_ && y_ <= bottom())
            return;
        overflowed_ = false;
        pages.resize(pageCount);
        pages.last().ops.resize(opCount);
        y_ = y0;
        if (y_ > top() + u(0.5))
            newPage();
        f();
    }

    void skip(double mm) { y_ += u(mm); }

    double lineHeight(const FontSpec& f) { return m_.of(f).lineSpacing(); }

    void addText(double x, double y, double w, const QString& text, const FontSpec& f, Qt::Alignment align)
    {
        Op op;
        op.kind = Op::Text;
        op.rect = QRectF(x, y, w, lineHeight(f));
        op.text = text;
        op.font = f;
        op.align = align;
        pages.last().ops.append(op);
    }

    void addLine(QPointF a, QPointF b, double pen = u(0.2))
    {
        Op op;
        op.kind = Op::Line;
        op.line = QLineF(a, b);
        op.pen = pen;
        pages.last().ops.append(op);
    }

    void addQr(const QString& url, double x, double y)
    {
        // Every page of a book carries the same URL: encode it once (choosing the mask is a twentieth of the time).
        if (!qr_ || qrUrl_ != url) {
            auto matrix = encodeQr(url.toUtf8());
            if (!matrix)
                return; // cannot happen for URLs of this size; the page stays valid without the symbol
            qr_ = std::make_shared<QrMatrix>(std::move(*matrix));
            qrUrl_ = url;
        }
        Op op;
        op.kind = Op::Qr;
        op.rect = QRectF(x, y, u(b_.qrSizeMm), u(b_.qrSizeMm));
        op.qr = qr_;
        pages.last().ops.append(op);
    }

    /** A centred line (titles). */
    void centred(const QString& text, const FontSpec& f, double afterMm = 1.0)
    {
        for (const QString& line : m_.wrap(text, f, width(), width())) {
            ensureSpace(lineHeight(f));
            addText(left(), y_, width(), line, f, Qt::AlignHCenter);
            y_ += lineHeight(f);
        }
        skip(afterMm);
    }

    /** "Label: value" pairs of one line, each value wrapping within its field; `limit` narrows the line. */
    void fields(const FieldLine& line, double limitMm = 0.0)
    {
        const FontSpec label = b_.bodyFont;
        FontSpec value = b_.bodyFont;
        value.bold = true;
        const double lineRight = limitMm > 0 ? left() + u(limitMm) : right();
        double height = lineHeight(label);
        struct Placed
        {
            double x;
            double labelWidth;
            QStringList lines;
            double w;
        };
        QList<Placed> placed;
        for (qsizetype i = 0; i < line.fields.size(); ++i) {
            const auto& f = line.fields[i];
            const double x = left() + u(f.xMm);
            const double end = i + 1 < line.fields.size() ? left() + u(line.fields[i + 1].xMm) - u(2) : lineRight;
            const double lw = m_.of(label).horizontalAdvance(f.label + QLatin1Char(' '));
            const QString v = values.value(f.key);
            QStringList lines = v.isEmpty() ? QStringList {QString()} : m_.wrap(v, value, end - x - lw, end - x);
            placed.append({x, lw, lines, end - x});
            height = std::max(height, lines.size() * lineHeight(value));
        }
        ensureSpace(height);
        for (qsizetype i = 0; i < placed.size(); ++i) {
            const auto& p = placed[i];
            addText(p.x, y_, p.labelWidth, line.fields[i].label, label, Qt::AlignLeft);
            for (qsizetype k = 0; k < p.lines.size(); ++k) {
                const double x = k == 0 ? p.x + p.labelWidth : p.x;
                addText(x, y_ + k * lineHeight(value), p.w - (x - p.x), p.lines[k], value, Qt::AlignLeft);
            }
        }
        y_ += height + u(0.8);
    }

    /** A closing item: label, then its value in bold wrapping over the full width. */
    void item(const FieldLine::Field& f) { fields(FieldLine {{{f.label, f.key, 0.0}}}); }

    /** Fits a cell's text: the base size, then smaller steps for shrinkable columns, wrapping at every size. */
    CellText fitCell(const QString& text, const TableLayout& t, const ColumnLayout& col, double availableHeight)
    {
        const double inner = u(col.widthMm - 2 * b_.cellPaddingMm);
        FontSpec f = b_.cellFont;
        if (col.points > 0)
            f.points = col.points;
        else if (t.cellPoints > 0)
            f.points = t.cellPoints;
        f.italic = col.italic;
        CellText best {m_.wrap(text, f, inner, inner), f};
        if (!col.shrinkToFit)
            return best;
        const double smallest
            = col.minPoints > 0 ? col.minPoints : (t.minCellPoints > 0 ? t.minCellPoints : b_.minCellPoints);
        while (best.lines.size() * lineHeight(best.font) > availableHeight && f.points - 0.5 >= smallest) {
            f.points -= 0.5;
            best = CellText {m_.wrap(text, f, inner, inner), f};
        }
        return best;
    }

    void tableHeader(const TableLayout& t)
    {
        FontSpec f = b_.headerCellFont;
        if (t.headerPoints > 0)
            f.points = t.headerPoints;
        const double lh = lineHeight(f);
        // The group band (TT22 "Điểm trung bình hoặc mức đánh giá") wraps within its columns like any caption.
        double band = 0;
        QList<QStringList> groupCaptions;
        for (const ColumnGroup& g : t.groups) {
            double gw = 0;
            for (int i = g.firstColumn; i < g.firstColumn + g.columnCount; ++i)
                gw += u(t.columns[i].widthMm);
            const double inner = gw - u(2 * b_.cellPaddingMm);
            groupCaptions.append(m_.wrap(g.caption, f, inner, inner));
            band = std::max(band, groupCaptions.last().size() * lh + u(2));
        }
        double h = u(t.headerHeightMm);
        QList<QStringList> captions;
        for (qsizetype i = 0; i < t.columns.size(); ++i) {
            const ColumnLayout& c = t.columns[i];
            const double inner = u(c.widthMm - 2 * b_.cellPaddingMm);
            captions.append(m_.wrap(c.caption, f, inner, inner));
            bool inGroup = false;
            for (const ColumnGroup& g : t.groups)
                inGroup = inGroup || (i >= g.firstColumn && i < g.firstColumn + g.columnCount);
            h = std::max(h, captions.last().size() * lh + u(2 * b_.cellPaddingMm) + (inGroup ? band : 0.0));
        }
        ensureSpace(h + u(t.rowHeightMm));
        const double y0 = y_;
        double x = left();
        QList<double> xs {x};
        for (const ColumnLayout& c : t.columns)
            xs.append(x += u(c.widthMm));
        addLine({xs.first(), y0}, {xs.last(), y0});
        addLine({xs.first(), y0 + h}, {xs.last(), y0 + h});
        for (qsizetype i = 0; i < xs.size(); ++i) {
            bool insideGroup = false;
            for (const ColumnGroup& g : t.groups)
                insideGroup = insideGroup || (i > g.firstColumn && i < g.firstColumn + g.columnCount);
            addLine({xs[i], insideGroup ? y0 + band : y0}, {xs[i], y0 + h});
        }
        for (qsizetype k = 0; k < t.groups.size(); ++k) {
            const ColumnGroup& g = t.groups[k];
            const double gx = xs[g.firstColumn], gw = xs[g.firstColumn + g.columnCount] - gx;
            for (qsizetype j = 0; j < groupCaptions[k].size(); ++j)
                addText(gx + u(b_.cellPaddingMm), y0 + u(1) + j * lh, gw - u(2 * b_.cellPaddingMm), groupCaptions[k][j],
                        f, Qt::AlignHCenter);
            addLine({gx, y0 + band}, {gx + gw, y0 + band});
        }
        for (qsizetype i = 0; i < t.columns.size(); ++i) {
            bool inGroup = false;
            for (const ColumnGroup& g : t.groups)
                inGroup = inGroup || (i >= g.firstColumn && i < g.firstColumn + g.columnCount);
            const double areaTop = inGroup ? y0 + band : y0;
            const double ty = areaTop + (y0 + h - areaTop - captions[i].size() * lh) / 2;
            for (qsizetype k = 0; k < captions[i].size(); ++k)
                addText(xs[i] + u(b_.cellPaddingMm), ty + k * lh, xs[i + 1] - xs[i] - u(2 * b_.cellPaddingMm),
                        captions[i][k], f, Qt::AlignHCenter);
        }
        y_ = y0 + h;
    }

    /**
     * A table: header, then rows; a row that does not fit goes to the next page under a repeated header. A cell's
     * text never leaves its cell: it shrinks (shrinkable columns), the row grows, and as a last resort (a comment
     * longer than a page) the lines that cannot fit are cut with an ellipsis.
     */
    /** Which part of a table a call lays out: a table laid out in two calls looks like one on the same page. */
    enum class TablePart { Whole, Head, Tail };

    void table(const TableLayout& t, QList<QStringList> rows, TablePart part = TablePart::Whole)
    {
        while (rows.size() < t.minRows)
            rows.append(QStringList());
        // The tail of a table goes on under its head: a header only when it starts a page.
        if (part != TablePart::Tail || y_ <= top() + u(0.5))
            tableHeader(t);
        const double pad = u(b_.cellPaddingMm);
        for (const QStringList& row : rows) {
            const double minH = u(t.rowHeightMm);
            QList<CellText> cells;
            double h = minH;
            for (qsizetype i = 0; i < t.columns.size(); ++i) {
                cells.append(fitCell(row.value(i), t, t.columns[i], minH - 2 * pad));
                h = std::max(h, cells.last().lines.size() * lineHeight(cells.last().font) + 2 * pad);
            }
            const double pageRoom = bottom() - top() - u(t.headerHeightMm) - u(20);
            if (h > pageRoom) {
                h = pageRoom;
                for (CellText& c : cells) {
                    const auto fit = qsizetype((h - 2 * pad) / lineHeight(c.font));
                    if (c.lines.size() > fit) {
                        c.lines = c.lines.mid(0, fit);
                        c.lines.last() += QStringLiteral("…");
                    }
                }
            }
            if (y_ + h > bottom()) {
                if (keepDepth_ > 0) {
                    overflowed_ = true; // keepTogether() lays the table out again
                } else {
                    newPage();
                    tableHeader(t);
                }
            }
            double x = left();
            for (qsizetype i = 0; i < t.columns.size(); ++i) {
                const ColumnLayout& col = t.columns[i];
                const CellText& c = cells[i];
                const double lh = lineHeight(c.font);
                const double textTop = y_ + (h - c.lines.size() * lh) / 2;
                for (qsizetype k = 0; k < c.lines.size(); ++k)
                    addText(x + pad, textTop + k * lh, u(col.widthMm) - 2 * pad, c.lines[k], c.font,
                            col.align & Qt::AlignHorizontal_Mask);
                addLine({x, y_}, {x, y_ + h});
                x += u(col.widthMm);
            }
            addLine({x, y_}, {x, y_ + h});
            addLine({left(), y_ + h}, {x, y_ + h});
            y_ += h;
        }
        if (part != TablePart::Head)
            skip(2.5);
    }

    /** A signature block: its captions, the typed name and, for a block signed digitally, the appearance. */
    struct Signature
    {
        SignatureLayout layout;
        QString name;
        std::optional<packet::SignatureAppearance> appearance;
    };

    /**
     * The date line and the signature blocks, on one page, with SignatureLayout::roomMm between each hint and typed
     * name for the signature and the seal. A block signed digitally shows its appearance there (docs/layout.md).
     */
    void signatures(const QString& dateLine, const QList<Signature>& blocks, const QString& leftNote = {})
    {
        const FontSpec title {b_.bodyFont.points, true};
        const FontSpec hint {b_.smallFont.points, false, true};
        double room = 0;
        for (const Signature& s : blocks)
            room = std::max(room, u(s.layout.roomMm));
        const double h
            = lineHeight(b_.bodyFont) + u(1) + lineHeight(title) + lineHeight(hint) + room + lineHeight(title) + u(1);
        ensureSpace(h);
        const double colW = width() / 2;
        addText(left() + colW, y_, colW, dateLine, FontSpec {b_.bodyFont.points, false, true}, Qt::AlignHCenter);
        if (!leftNote.isEmpty()) {
            const FontSpec f {b_.smallFont.points, false, true};
            addText(left(), y_ + lineHeight(b_.bodyFont) - lineHeight(f), colW - u(2), leftNote, f, Qt::AlignLeft);
        }
        y_ += lineHeight(b_.bodyFont) + u(1);
        const double roomTop = y_ + lineHeight(title) + lineHeight(hint);
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            const Signature& s = blocks[i];
            // One block sits on the right (information page); two share the width.
            const double x = blocks.size() == 1 ? left() + colW : left() + i * colW;
            addText(x, y_, colW, s.layout.title, title, Qt::AlignHCenter);
            const bool signedDigitally = s.appearance && !s.layout.signedHint.isEmpty();
            addText(x, y_ + lineHeight(title), colW, signedDigitally ? s.layout.signedHint : s.layout.hint, hint,
                    Qt::AlignHCenter);
            if (signedDigitally)
                appearance(*s.appearance, QRectF(x, roomTop, colW, room));
            addText(x, roomTop + room, colW, s.name, title, Qt::AlignHCenter);
        }
        y_ = roomTop + room + lineHeight(title) + u(1);
    }

    /**
     * The visible digital signature in a block's room: the seal (when the school set one) on the left third, under
     * a framed box of "Ký số bởi: …", "Chức vụ: …", "Thời gian ký: dd/MM/yyyy HH:mm" (Vietnam time) and
     * "Đơn vị cấp: …"; a line too long for the box makes the box's font smaller before it wraps.
     */
    void appearance(const packet::SignatureAppearance& a, const QRectF& room)
    {
        if (!options_.sealImage.isNull()) {
            const QSizeF fit = QSizeF(options_.sealImage.size())
                                   .scaled(QSizeF(u(b_.sealSizeMm), u(b_.sealSizeMm)), Qt::KeepAspectRatio);
            Op op;
            op.kind = Op::Image;
            op.rect = QRectF(room.x() + room.width() / 3 - fit.width() / 2, room.center().y() - fit.height() / 2,
                             fit.width(), fit.height());
            op.image = options_.sealImage;
            pages.last().ops.append(op);
        }
        QStringList lines {b_.appearanceHolder.arg(a.holderName)};
        if (!a.role.isEmpty())
            lines << b_.appearanceRole.arg(a.role);
        lines << b_.appearanceTime.arg(
            a.signedAt.toTimeZone(vietnamTimeZone()).toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        if (!a.issuer.isEmpty())
            lines << b_.appearanceIssuer.arg(a.issuer);
        const double pad = u(1.5);
        const double maxW = room.width() - u(4) - 2 * pad;
        FontSpec f {b_.smallFont.points, false, false};
        auto widest = [&](const FontSpec& spec) {
            double w = 0;
            for (const QString& l : lines)
                w = std::max(w, m_.of(spec).horizontalAdvance(l));
            return w;
        };
        while (widest(f) > maxW && f.points - 0.5 >= 6.5)
            f.points -= 0.5;
        QStringList wrapped;
        for (const QString& l : lines)
            wrapped << m_.wrap(l, f, maxW, maxW);
        const double lh = lineHeight(f);
        const double boxW = std::min(widest(f), maxW) + 2 * pad;
        const double boxH = wrapped.size() * lh + 2 * pad;
        const double bx = room.center().x() - boxW / 2, by = room.center().y() - boxH / 2;
        for (qsizetype k = 0; k < wrapped.size(); ++k)
            addText(bx + pad, by + pad + k * lh, boxW - 2 * pad, wrapped[k], f, Qt::AlignLeft);
        const double pen = u(0.3);
        addLine({bx, by}, {bx + boxW, by}, pen);
        addLine({bx + boxW, by}, {bx + boxW, by + boxH}, pen);
        addLine({bx + boxW, by + boxH}, {bx, by + boxH}, pen);
        addLine({bx, by + boxH}, {bx, by}, pen);
    }

    /** One italic line of small print across the page, kept on the page it starts on. */
    void note(const QString& text)
    {
        const FontSpec f {b_.smallFont.points, false, true};
        ensureSpace(lineHeight(f));
        addText(left(), y_, width(), text, f, Qt::AlignLeft);
        y_ += lineHeight(f) + u(1);
    }

    double y() const { return y_; }
    void setY(double y) { y_ = y; }
    Metrics& metrics() { return m_; }

    /** The current page is followed by `count` pages of a received year's signed PDF. */
    void followWithReceived(int index, int count)
    {
        pages.last().receivedIndex = index;
        pages.last().receivedPages = count;
        receivedPageTotal_ += count;
    }

private:
    const BookLayout& b_;
    const RenderOptions& options_;
    Metrics m_;
    double y_ = 0;
    int keepDepth_ = 0; ///< inside keepTogether(): no page breaks, only overflowed_
    bool overflowed_ = false;
    int receivedPageTotal_ = 0; ///< pages of received years so far: they count for duplex and page numbers
    QString qrUrl_; ///< the URL qr_ encodes: every page of a book carries the same one
    std::shared_ptr<const QrMatrix> qr_;
};

/**
 * The date a section's pages carry: the day it was signed in Vietnam (its signature appearance), blank dots on a
 * draft; a signed packet 1.0, which has no appearance, falls back to the day it was made (docs/layout.md).
 */
QDate issueDate(const packet::Packet& p)
{
    if (p.draft)
        return {};
    if (p.principalSignature)
        return vietnamDate(p.principalSignature->signedAt);
    return vietnamDate(p.createdAt);
}

/**
 * The place of the date line: the province's name as people write it ("Hà Nội", "TP. Hồ Chí Minh"), without
 * "Tỉnh"/"Thành phố"; the commune's name the same way when the province is not given (docs/layout.md).
 */
QString placeName(const School& school)
{
    QString place = school.province.trimmed();
    const bool province = !place.isEmpty();
    if (!province)
        place = school.commune.trimmed();
    static const QStringList prefixes {QStringLiteral("Thành phố "), QStringLiteral("Tỉnh "), QStringLiteral("TP. "),
                                       QStringLiteral("TP "),        QStringLiteral("Xã "),   QStringLiteral("Phường "),
                                       QStringLiteral("Đặc khu ")};
    for (const QString& prefix : prefixes)
        if (place.startsWith(prefix, Qt::CaseInsensitive) && place.size() > prefix.size()) {
            place = place.mid(prefix.size()).trimmed();
            break;
        }
    if (province && place == QStringLiteral("Hồ Chí Minh"))
        place = QStringLiteral("TP. Hồ Chí Minh");
    return place;
}

/** The province as the cover's "Tỉnh (Thành phố):" line prints it: the caption names the kind already. */
QString provinceWithoutKind(const QString& province)
{
    for (const QString& prefix : {QStringLiteral("Thành phố "), QStringLiteral("Tỉnh ")})
        if (province.startsWith(prefix, Qt::CaseInsensitive) && province.size() > prefix.size())
            return province.mid(prefix.size()).trimmed();
    return province;
}

void fillRecordValues(QHash<QString, QString>& v, const packet::Packet& p)
{
    const Student& s = p.student;
    v.insert(QStringLiteral("student.fullName"), s.fullName);
    v.insert(QStringLiteral("student.gender"), printedGender(s.gender));
    v.insert(QStringLiteral("student.birthDate"), printedDate(s.birthDate));
    v.insert(QStringLiteral("student.ethnicity"), s.ethnicity);
    v.insert(QStringLiteral("student.nationality"), s.nationality);
    v.insert(QStringLiteral("student.birthplace"), s.birthplace);
    v.insert(QStringLiteral("student.hometown"), s.hometown);
    v.insert(QStringLiteral("student.address"), s.address);
    v.insert(QStringLiteral("student.fatherName"), s.fatherName);
    v.insert(QStringLiteral("student.fatherOccupation"), s.fatherOccupation);
    v.insert(QStringLiteral("student.motherName"), s.motherName);
    v.insert(QStringLiteral("student.motherOccupation"), s.motherOccupation);
    v.insert(QStringLiteral("student.guardianName"), s.guardianName);
    v.insert(QStringLiteral("student.guardianOccupation"), s.guardianOccupation);
    v.insert(QStringLiteral("student.policyGroup"), s.policyGroup);
    v.insert(QStringLiteral("student.personalId"), s.personalId);
    v.insert(QStringLiteral("student.moetCode"), s.moetCode);
    v.insert(QStringLiteral("student.registrationNumber"), s.registrationNumber);
    v.insert(QStringLiteral("record.lookupCode"), groupedLookupCode(p.lookupCode));
    v.insert(QStringLiteral("school.name"), p.school.name);
    v.insert(QStringLiteral("school.commune"), p.school.commune);
    v.insert(QStringLiteral("school.province"), provinceWithoutKind(p.school.province));
}

/** A subject's name as its row prints it, in the form of the packet's level and with its language (PrintedText.h). */
QString subjectRowName(const QString& code, const packet::Packet& p)
{
    for (const SubjectEntry& e : p.inputs.subjects)
        if (e.code == code)
            return printedSubjectName(code, p.level, e.languageName.trimmed());
    return printedSubjectName(code, p.level);
}

QList<QStringList> primarySubjectRows(const packet::Packet& p)
{
    QList<QStringList> rows;
    QSet<QString> seen;
    auto rowOf = [&](const QString& code) {
        QStringList row {subjectRowName(code, p), QString(), QString(), QString()};
        for (const SubjectEntry& e : p.inputs.subjects)
            if (e.code == code) {
                row[1] = printedSubjectLevel(e.level);
                row[2] = printedScore(e.score);
                row[3] = e.comment.value_or(QString());
            }
        return row;
    };
    for (const CurriculumSubject& c : curriculumFor(p.grade, p.inputs.subjectCodes())) {
        const bool present = std::any_of(p.inputs.subjects.begin(), p.inputs.subjects.end(),
                                         [&](const SubjectEntry& e) { return e.code == c.code; });
        if (c.required || present)
            rows.append(rowOf(c.code));
        seen.insert(c.code);
    }
    for (const SubjectEntry& e : p.inputs.subjects)
        if (!seen.contains(e.code))
            rows.append(rowOf(e.code));
    return rows;
}

QList<QStringList> traitRows(const QStringList& codes, const QMap<QString, QString>& levels,
                             const QMap<QString, QString>& comments)
{
    QList<QStringList> rows;
    for (const QString& code : codes)
        rows.append({printedTraitName(code), printedTraitLevel(levels.value(code)), comments.value(code)});
    return rows;
}

QString thcsValue(bool score, const std::optional<Tenths>& t, const std::optional<CommentResult>& c)
{
    if (score)
        return t ? tenthsToDisplay(*t) : QString();
    return c ? printedCommentResult(*c) : QString();
}

QList<QStringList> thcsSubjectRows(const packet::Packet& p)
{
    QList<QStringList> rows;
    QStringList codes;
    for (const CurriculumSubject& c : curriculumFor(p.grade, p.inputs.subjectCodes())) {
        const bool present = std::any_of(p.inputs.subjects.begin(), p.inputs.subjects.end(),
                                         [&](const SubjectEntry& e) { return e.code == c.code; });
        if (c.required || present)
            codes.append(c.code);
    }
    for (const SubjectEntry& e : p.inputs.subjects)
        if (!codes.contains(e.code))
            codes.append(e.code);
    for (const QString& code : codes) {
        QStringList row {subjectRowName(code, p), QString(), QString(), QString(), QString(), QString(), QString()};
        if (p.results)
            for (const ThcsSubjectOutcome& o : p.results->thcsOutcome.subjects)
                if (o.code == code) {
                    row[1] = thcsValue(o.scoreSubject, o.hk1Average, o.hk1Result);
                    row[2] = thcsValue(o.scoreSubject, o.hk2Average, o.hk2Result);
                    row[3] = thcsValue(o.scoreSubject, o.yearAverage, o.yearResult);
                    row[4] = thcsValue(o.scoreSubject, o.retestScore, o.retestResult);
                }
        for (const SubjectEntry& e : p.inputs.subjects)
            if (e.code == code) {
                row[5] = e.hk2.comment.value_or(e.hk1.comment.value_or(QString()));
                row[6] = e.teacherName;
            }
        rows.append(row);
    }
    return rows;
}

QString levelText(const std::optional<ThcsLevel>& l)
{
    return l ? printedLevel(*l) : QString();
}

void fillYearValues(QHash<QString, QString>& v, const packet::Packet& p)
{
    v.insert(QStringLiteral("year.className"), p.className);
    v.insert(QStringLiteral("year.schoolYear"), p.schoolYear.startYear > 0 ? p.schoolYear.toString() : QString());
    v.insert(QStringLiteral("year.comment"), p.inputs.comment.value_or(QString()));
    auto withUnit = [](const QString& typed, const char* unit) {
        const QString t = typed.trimmed();
        return t.isEmpty() ? QString() : printedScore(t) + QLatin1Char(' ') + QLatin1String(unit);
    };
    v.insert(QStringLiteral("year.height"), withUnit(p.inputs.heightCm, "cm"));
    v.insert(QStringLiteral("year.weight"), withUnit(p.inputs.weightKg, "kg"));
    v.insert(QStringLiteral("year.absencesExcused"), p.inputs.absencesExcused.trimmed());
    v.insert(QStringLiteral("year.absencesUnexcused"), p.inputs.absencesUnexcused.trimmed());
    QString result, award, completion, promotion, summer, retest;
    if (p.results && p.level == SchoolLevel::Primary) {
        const PrimaryOutcome& o = p.results->primaryOutcome;
        if (o.result)
            result = printedResult(*o.result);
        if (o.award)
            award = printedAward(*o.award);
        completion = printedCompletion(o, p.grade);
    } else if (p.results) {
        const ThcsOutcome& o = p.results->thcsOutcome;
        if (o.promotion)
            promotion = printedPromotion(*o.promotion, p.grade);
        summer = levelText(o.conductAfterSummer);
        retest = levelText(o.learningAfterRetest);
        if (o.award)
            award = printedAward(*o.award);
    }
    v.insert(QStringLiteral("year.result"), result);
    v.insert(QStringLiteral("year.award"), award);
    v.insert(QStringLiteral("year.completion"), completion);
    v.insert(QStringLiteral("year.promotion"), promotion);
    v.insert(QStringLiteral("year.summer"), summer);
    v.insert(QStringLiteral("year.retest"), retest);
}

/** One school year of the book: this school's packet `index` in RenderInput::years, or received year `index`. */
struct BookYear
{
    bool received = false;
    int index = 0;
};

/** Every year in school-year order; a received year before this school's section of the same year. */
QList<BookYear> bookYears(const RenderInput& input)
{
    QList<BookYear> order;
    for (qsizetype i = 0; i < input.received.size(); ++i)
        order.append({true, int(i)});
    for (qsizetype i = 0; i < input.years.size(); ++i)
        order.append({false, int(i)});
    auto yearOf = [&](const BookYear& y) {
        return y.received ? input.received[y.index].packet.schoolYear : input.years[y.index].schoolYear;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](const BookYear& a, const BookYear& b) { return yearOf(a) < yearOf(b); });
    return order;
}

/** The year the cover and information page speak for: this school's latest, else the latest received. */
BookYear latestBookYear(const RenderInput& input)
{
    const QList<BookYear> order = bookYears(input);
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        if (!it->received)
            return *it;
    return order.last();
}

const packet::Packet& packetOf(const RenderInput& input, const BookYear& y)
{
    return y.received ? input.received[y.index].packet : input.years[y.index];
}

/**
 * The "Quá trình học tập" rows: the earlier schools' years, from the tables in their signed packets and the received
 * years themselves, then this school's, in school-year order. A later source speaks for a year and school it repeats.
 */
QList<packet::StudyHistoryEntry> studyHistoryOf(const RenderInput& input, const packet::Packet& latest)
{
    QList<packet::StudyHistoryEntry> rows;
    auto put = [&](const packet::StudyHistoryEntry& h, bool replace) {
        for (packet::StudyHistoryEntry& r : rows)
            if (r.schoolYear == h.schoolYear && r.schoolName == h.schoolName) {
                if (replace)
                    r = h;
                return;
            }
        rows.append(h);
    };
    for (const ReceivedYear& r : input.received)
        for (const packet::StudyHistoryEntry& h : r.packet.studyHistory)
            put(h, true);
    for (const ReceivedYear& r : input.received) {
        bool listed = false;
        for (const packet::StudyHistoryEntry& h : rows)
            listed = listed || h.schoolYear == r.packet.schoolYear;
        if (!listed)
            put({r.packet.schoolYear, r.packet.grade, r.packet.className, r.schoolName, QString(), QDate()}, false);
    }
    for (const packet::StudyHistoryEntry& h : latest.studyHistory)
        put(h, true);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const packet::StudyHistoryEntry& a, const packet::StudyHistoryEntry& b) {
                         return a.schoolYear < b.schoolYear;
                     });
    return rows;
}

/** The page that stands before a received year's signed pages and says what they are. */
void composeReceivedYear(Composer& c, const BookLayout& b, const ReceivedYear& r, int index, int pageCount)
{
    c.newPage(true);
    c.skip(40);
    c.centred(b.receivedTitle.arg(r.packet.schoolYear.toString(), r.schoolName), b.titleFont, 6);
    const FontSpec f {b.bodyFont.points, false, true};
    for (const QString& line : c.metrics().wrap(b.receivedNote.arg(pageCount).arg(r.packet.className, r.schoolName), f,
                                                c.width(), c.width())) {
        c.addText(c.left(), c.y(), c.width(), line, f, Qt::AlignLeft);
        c.setY(c.y() + c.lineHeight(f));
    }
    c.followWithReceived(index, pageCount);
}

/** The instructions page after the cover ("Hướng dẫn ghi học bạ"). */
void composeInstructions(Composer& c, const BookLayout& b)
{
    c.newPage();
    c.skip(6);
    c.centred(b.instructionsTitle, b.titleFont, 6);
    const FontSpec f = b.bodyFont;
    for (const QString& paragraph : b.instructions) {
        const QStringList lines = c.metrics().wrap(paragraph, f, c.width(), c.width());
        c.ensureSpace(lines.size() * c.lineHeight(f));
        for (const QString& line : lines) {
            c.addText(c.left(), c.y(), c.width(), line, f, Qt::AlignLeft);
            c.setY(c.y() + c.lineHeight(f));
        }
        c.skip(2.5);
    }
}

/**
 * A year's certificates and competitions ("Chứng chỉ: …", "Cuộc thi: …", entries separated by "; "): side by side
 * on one line when the year has both, over the full width when it has one, no line when it has none.
 */
void certificatesAndCompetitions(Composer& c, const BookLayout& b, const StudentYearInput& in)
{
    auto joined = [](const QStringList& entries) {
        QStringList kept;
        for (const QString& e : entries)
            if (!e.trimmed().isEmpty())
                kept << e.trimmed();
        return kept.join(QStringLiteral("; "));
    };
    const QString certificates = joined(in.certificates), competitions = joined(in.competitions);
    c.values.insert(QStringLiteral("year.certificates"), certificates);
    c.values.insert(QStringLiteral("year.competitions"), competitions);
    FieldLine line;
    if (!certificates.isEmpty())
        line.fields.append({b.certificatesLabel, QStringLiteral("year.certificates"), 0.0});
    if (!competitions.isEmpty())
        line.fields.append({b.competitionsLabel, QStringLiteral("year.competitions"),
                            line.fields.isEmpty() ? 0.0 : b.contentWidthMm() / 2});
    if (!line.fields.isEmpty())
        c.fields(line);
}

QList<Page> compose(const RenderInput& input, const RenderOptions& options, const QList<int>& receivedPageCounts)
{
    // Years in order; the information page speaks for the latest.
    const QList<BookYear> years = bookYears(input);
    const BookYear latestYear = latestBookYear(input);
    const packet::Packet& latest = packetOf(input, latestYear);
    const BookLayout& b = bookLayout(latest.level);
    Composer c(b, options);
    fillRecordValues(c.values, latest);
    auto urlOf = [&](const BookYear& y) {
        const packet::Packet& p = packetOf(input, y);
        return lookupUrl(options.portalBaseUrl, p.lookupCode, p.schoolYear, p.version,
                         y.received ? input.received[y.index].packetSha256 : input.packetSha256[y.index]);
    };
    // The cover, instructions and information pages are made from the latest packet: a draft's carry the watermark.
    c.draftSection = !latestYear.received && latest.draft;

    // Cover
    c.newPage();
    c.pages.last().cover = true;
    c.skip(b.coverTopMm);
    c.centred(b.ministry, b.sectionFont, b.coverAfterMinistryMm);
    c.centred(b.coverTitle, b.coverTitleFont, b.coverAfterTitleMm);
    c.centred(b.coverSubtitle, b.coverSubtitleFont, b.coverAfterSubtitleMm);
    for (const FieldLine& line : b.coverFields) {
        FieldLine shifted = line;
        for (auto& f : shifted.fields)
            f.xMm += b.coverFieldIndentMm;
        c.fields(shifted);
        c.skip(b.coverFieldSpacingMm);
    }

    if (options.instructionsPage)
        composeInstructions(c, b);

    // Student information and study history
    c.newPage();
    const double qrX = c.right() - u(b.qrSizeMm);
    c.addQr(urlOf(latestYear), qrX, c.top());
    c.centred(b.infoTitle, b.titleFont, 4);
    for (const FieldLine& line : b.infoFields)
        c.fields(line,
                 c.y() < c.top() + u(b.qrSizeMm + b.qrClearanceBelowMm)
                     ? b.contentWidthMm() - b.qrSizeMm - b.qrClearanceBesideMm
                     : 0.0);
    c.skip(2);
    c.signatures(printedDateLine(placeName(latest.school), issueDate(latest)),
                 {{b.principalOnInfo, latest.principalName,
                   latestYear.received || latest.draft ? std::nullopt : latest.principalSignature}});
    QList<QStringList> history;
    for (const packet::StudyHistoryEntry& h : studyHistoryOf(input, latest))
        history.append(
            {h.schoolYear.toString(), h.className, h.schoolName, h.registrationNumber, printedDate(h.enrolmentDate)});
    c.keepTogether([&] {
        c.centred(b.historyTitle, b.sectionFont, 2);
        c.table(b.history, history);
    });

    // One section per school year
    for (const BookYear& y : years) {
        if (y.received) {
            c.draftSection = false;
            composeReceivedYear(c, b, input.received[y.index], y.index, receivedPageCounts.value(y.index));
            continue;
        }
        const int i = y.index;
        const packet::Packet& p = input.years[i];
        fillYearValues(c.values, p);
        c.draftSection = p.draft;
        c.newPage(true);
        c.addQr(urlOf(y), qrX, c.top());
        const double narrow = b.contentWidthMm() - b.qrSizeMm - b.qrClearanceBesideMm;
        // The title and the header lines beside the QR code.
        for (const QString& line : c.metrics().wrap(b.yearTitle, b.titleFont, u(narrow), u(narrow))) {
            c.addText(c.left(), c.y(), u(narrow), line, b.titleFont, Qt::AlignHCenter);
            c.setY(c.y() + c.lineHeight(b.titleFont));
        }
        c.skip(1.5);
        if (p.version >= 2) // a correction says which version it is (docs/corrections.md); the book is Vietnamese
            c.fields(FieldLine {{{p.replacesVersion ? QString::fromUtf8("Phiên bản %1, thay thế phiên bản %2")
                                                          .arg(p.version)
                                                          .arg(*p.replacesVersion)
                                                    : QString::fromUtf8("Phiên bản %1").arg(p.version),
                                  QString(), 0.0}}},
                     narrow);
        for (const FieldLine& line : b.yearHeaderFields)
            c.fields(line, c.y() < c.top() + u(b.qrSizeMm + b.qrClearanceBelowMm) ? narrow : 0.0);
        c.setY(std::max(c.y(), c.top() + u(b.qrSizeMm + b.qrClearanceBelowMm)));
        const FontSpec section = b.sectionFont;
        auto heading = [&](const QString& text) {
            c.ensureSpace(c.lineHeight(section) + u(16));
            c.addText(c.left(), c.y(), c.width(), text, section, Qt::AlignLeft);
            c.setY(c.y() + c.lineHeight(section) + u(0.8));
        };
        // What closes every year: its last lines, the corrections, the date and both signatures (docs/layout.md).
        auto closing = [&] {
            for (const FieldLine& line : b.closingItems)
                c.fields(line);
            certificatesAndCompetitions(c, b, p.inputs);
            c.skip(0.5);
            c.signatures(
                printedDateLine(placeName(p.school), issueDate(p)),
                {{b.yearLeftSignature, p.principalName, p.draft ? std::nullopt : p.principalSignature},
                 {b.yearRightSignature, p.homeroomTeacherName, std::nullopt}},
                b.correctionLine.arg(p.correctedPlaces ? QString::number(*p.correctedPlaces) : QStringLiteral("……")));
            if (i < input.lockedAt.size() && input.lockedAt[i].isValid())
                c.note(b.lockedNote.arg(printedDate(vietnamDate(input.lockedAt[i]))));
        };
        if (b.level == SchoolLevel::Primary) {
            heading(b.subjectsTitle);
            QList<QStringList> rows = primarySubjectRows(p);
            if (rows.isEmpty())
                rows = QList<QStringList>(12);
            c.table(b.subjects, rows);
            c.keepTogether([&] {
                heading(b.qualitiesTitle);
                c.table(b.qualities, traitRows(primaryQualities(), p.inputs.qualities, p.inputs.qualityComments));
            });
            // Section 3, the closing lines and the signatures make the year's last page: never a table split for a
            // few rows, never signatures without results.
            const QStringList all = primaryCompetencies();
            c.keepTogether([&] {
                c.keepTogether([&] {
                    heading(b.competenciesTitle);
                    heading(b.generalCompetenciesTitle);
                    c.table(b.competencies,
                            traitRows(all.mid(0, 3), p.inputs.competencies, p.inputs.competencyComments));
                });
                // The last two rows of 3.2 go with the closing lines: the signatures never stand without results.
                const QList<QStringList> specific
                    = traitRows(all.mid(3), p.inputs.competencies, p.inputs.competencyComments);
                c.keepTogether([&] {
                    heading(b.specificCompetenciesTitle);
                    c.table(b.competencies, specific.mid(0, specific.size() - 2), Composer::TablePart::Head);
                });
                c.keepTogether([&] {
                    c.table(b.competencies, specific.mid(specific.size() - 2), Composer::TablePart::Tail);
                    closing();
                });
            });
        } else {
            heading(b.subjectsTitle);
            QList<QStringList> rows = thcsSubjectRows(p);
            if (rows.isEmpty())
                rows = QList<QStringList>(12);
            c.table(b.subjects, rows);
            QList<QStringList> conduct {
                {QStringLiteral("Học kì I")}, {QStringLiteral("Học kì II")}, {QStringLiteral("Cả năm")}};
            if (p.results) {
                const ThcsOutcome& o = p.results->thcsOutcome;
                conduct[0] << levelText(o.conductHk1) << levelText(o.learningHk1);
                conduct[1] << levelText(o.conductHk2) << levelText(o.learningHk2);
                conduct[2] << levelText(o.conductYear) << levelText(o.learningYear) << p.inputs.absences;
            }
            // The conduct table, the closing lines and the signatures stay on one page.
            c.keepTogether([&] {
                heading(b.conductTitle);
                c.table(b.conduct, conduct);
                closing();
            });
        }
    }
    return c.pages;
}

/**
 * Where the received years' signed pages go. Into a PDF they are copied afterwards (insertPdfPages), unchanged; on
 * another device (a printer) they are painted as images of themselves (RenderOptions::receivedPageImage).
 */
struct ReceivedPlacement
{
    bool copyIntoPdf = true;
    const RenderInput* input = nullptr;
    const RenderOptions* options = nullptr;
    int pagesPainted = 0; ///< by this painter so far, all records of a batch together
    QList<PageInsertion> insertions; ///< filled when copying into the PDF
};

void paintPages(QPainter& painter, QPagedPaintDevice& device, const QList<Page>& pages, const BookLayout& b,
                const QString& name, const QString& code, bool mirrorEvenPages, ReceivedPlacement& received)
{
    int total = int(pages.size());
    for (const Page& p : pages)
        total += p.receivedPages;
    int number = 0; // the printed page number of the page being painted
    auto paintReceived = [&](const Page& page) {
        const ReceivedYear& r = received.input->received[page.receivedIndex];
        if (received.copyIntoPdf) {
            // Indices of the book as painted: insertPdfPages places every insertion before moving any page.
            received.insertions.append({received.pagesPainted - 1, r.signedPdf});
            return;
        }
        const QSize pixels(qRound(b.pageWidthMm / 25.4 * device.logicalDpiX()),
                           qRound(b.pageHeightMm / 25.4 * device.logicalDpiY()));
        for (int k = 0; k < page.receivedPages; ++k) {
            device.newPage();
            const QImage image = received.options->receivedPageImage(r.signedPdf, k, pixels);
            painter.drawImage(QRectF(QPointF(0, 0), QSizeF(pixels)), image);
        }
    };

    const FontSpec small = b.smallFont;
    QHash<int, QFont> fonts; // keyed by size in tenths of a point and style
    auto fontOf = [&](const FontSpec& f) -> const QFont& {
        const int key = int(f.points * 10) * 4 + (f.bold ? 1 : 0) + (f.italic ? 2 : 0);
        auto it = fonts.find(key);
        if (it == fonts.end())
            it = fonts.insert(key, printFont(f));
        return *it;
    };
    const double left = u(b.marginLeftMm), right = u(b.pageWidthMm - b.marginRightMm);
    const double headerY = u(b.marginTopMm);
    const double footerY = u(b.pageHeightMm - b.marginBottomMm - b.footerHeightMm + 2);
    auto drawLine = [&](double x, double y, double w, const QString& text, const FontSpec& f, Qt::Alignment align) {
        painter.setFont(fontOf(f));
        const QFontMetricsF fm(painter.font());
        double tx = x;
        if (align & Qt::AlignHCenter)
            tx = x + (w - fm.horizontalAdvance(text)) / 2;
        else if (align & Qt::AlignRight)
            tx = x + w - fm.horizontalAdvance(text);
        painter.drawText(QPointF(tx, y + fm.ascent()), text);
    };

    // The running header's two texts, the same on every page of the record.
    const QString headerCode = QStringLiteral("Mã tra cứu: ") + groupedLookupCode(code);
    QString headerName;
    {
        const QFontMetricsF fm(fontOf(small));
        headerName = fm.elidedText(QStringLiteral("Họ và tên: ") + name, Qt::ElideRight,
                                   right - left - fm.horizontalAdvance(headerCode) - u(4));
    }
    // The lookup portal on a line under the page number, so a reader without a QR scanner knows where to type the
    // code (the portal is the school's setting, docs/qr.md). The placeholder a school that set no portal has in its
    // QR codes is not printed as an address to type.
    QString footerPortal;
    if (received.options && !received.options->portalBaseUrl.isEmpty()
        && received.options->portalBaseUrl != RenderOptions().portalBaseUrl) {
        const QFontMetricsF fm(fontOf(small));
        footerPortal = fm.elidedText(QStringLiteral("Tra cứu tại: ") + received.options->portalBaseUrl, Qt::ElideMiddle,
                                     right - left);
    }
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            device.newPage();
        ++received.pagesPainted;
        ++number;
        painter.save();
        painter.scale(device.logicalDpiX() / (25.4 * kUnitsPerMm), device.logicalDpiY() / (25.4 * kUnitsPerMm));
        if (pages[i].draft) {
            // Under the content, so the record stays readable; diagonal from bottom-left to top-right.
            painter.save();
            painter.translate(u(b.pageWidthMm / 2), u(b.pageHeightMm / 2));
            painter.rotate(b.draftWatermarkAngleDeg);
            painter.setPen(b.draftWatermarkColor);
            const QString& text = b.draftWatermark;
            painter.setFont(fontOf(b.draftWatermarkFont));
            const QFontMetricsF fm(painter.font());
            painter.drawText(QPointF(-fm.horizontalAdvance(text) / 2, fm.ascent() / 2), text);
            painter.restore();
        }
        painter.setPen(QPen(Qt::black, u(0.2)));
        // Duplex: an even page is the back of a sheet, its binding margin on the right (received pages never move).
        if (mirrorEvenPages && number % 2 == 0)
            painter.translate(u(b.marginRightMm - b.marginLeftMm), 0);
        // Running header (not on the cover) and footer: every page names the student and the record. A long name
        // is shortened with an ellipsis before it could reach the lookup code.
        if (!pages[i].cover) {
            drawLine(left, headerY, right - left, headerName, small, Qt::AlignLeft);
            drawLine(left, headerY, right - left, headerCode, small, Qt::AlignRight);
            painter.drawLine(QLineF(left, headerY + u(4.5), right, headerY + u(4.5)));
        }
        drawLine(left, footerY, right - left, QStringLiteral("Trang %1/%2").arg(number).arg(total), small,
                 Qt::AlignHCenter);
        if (!footerPortal.isEmpty())
            drawLine(left, footerY + u(3.6), right - left, footerPortal, small, Qt::AlignHCenter);
        if (pages[i].blank)
            drawLine(left, u(b.pageHeightMm / 2), right - left, QStringLiteral("(Trang để trống)"),
                     FontSpec {small.points, false, true}, Qt::AlignHCenter);
        for (const Op& op : pages[i].ops) {
            switch (op.kind) {
            case Op::Text:
                drawLine(op.rect.x(), op.rect.y(), op.rect.width(), op.text, op.font, op.align);
                break;
            case Op::Line:
                painter.setPen(QPen(Qt::black, op.pen));
                painter.drawLine(op.line);
                break;
            case Op::Qr: {
                // One 1-bit image per symbol, scaled up: a handful of PDF operations instead of one rectangle per
                // run of dark modules (thousands per record). PDF viewers do not smooth image masks, so the
                // modules stay sharp.
                const QrMatrix& m = *op.qr;
                const int quiet = b.qrQuietZoneModules;
                QImage image(m.size + 2 * quiet, m.size + 2 * quiet, QImage::Format_Mono);
                image.setColor(0, qRgb(255, 255, 255));
                image.setColor(1, qRgb(0, 0, 0));
                image.fill(0);
                for (int y = 0; y < m.size; ++y)
                    for (int x = 0; x < m.size; ++x)
                        if (m.dark(x, y))
                            image.setPixel(x + quiet, y + quiet, 1);
                painter.drawImage(op.rect, image);
                break;
            }
            case Op::Image:
                painter.drawImage(op.rect, op.image);
                break;
            }
        }
        painter.restore();
        if (pages[i].receivedIndex >= 0) {
            paintReceived(pages[i]);
            number += pages[i].receivedPages;
        }
    }
}

const packet::Packet& latestPacket(const RenderInput& input)
{
    return packetOf(input, latestBookYear(input));
}

const packet::Packet& anyPacket(const RenderInput& input)
{
    return input.years.isEmpty() ? input.received.first().packet : input.years.first();
}

Result<QList<int>> receivedPageCounts(const RenderInput& input)
{
    QList<int> counts;
    for (const ReceivedYear& r : input.received) {
        auto n = pdfPageCount(r.signedPdf);
        if (!n)
            return std::unexpected(n.error());
        counts.append(*n);
    }
    return counts;
}

} // namespace

Status validateRenderInput(const RenderInput& input)
{
    if (input.years.isEmpty() && input.received.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("The record has no school year to print."));
    const packet::Packet& first = anyPacket(input);
    for (qsizetype i = 0; i < input.received.size(); ++i) {
        const ReceivedYear& r = input.received[i];
        if (r.packet.lookupCode != first.lookupCode || r.packet.level != first.level)
            return fail(ErrorCode::InvalidInput, tr("The school years belong to different records."),
                        QStringLiteral("received %1").arg(i));
        if (r.packetSha256.size() != 32)
            return fail(ErrorCode::InvalidInput, tr("A packet digest is not a SHA-256 value."),
                        QStringLiteral("received %1 has %2 bytes").arg(i).arg(r.packetSha256.size()));
        if (auto n = pdfPageCount(r.signedPdf); !n)
            return std::unexpected(n.error());
    }
    if (input.packetSha256.size() != input.years.size())
        return fail(ErrorCode::InvalidInput, tr("Every school year needs the digest of its data packet."),
                    QStringLiteral("%1 packets, %2 digests").arg(input.years.size()).arg(input.packetSha256.size()));
    for (qsizetype i = 0; i < input.years.size(); ++i) {
        if (input.packetSha256[i].size() != 32)
            return fail(ErrorCode::InvalidInput, tr("A packet digest is not a SHA-256 value."),
                        QStringLiteral("digest %1 has %2 bytes").arg(i).arg(input.packetSha256[i].size()));
        if (!input.lockedAt.isEmpty() && input.lockedAt.size() != input.years.size())
            return fail(ErrorCode::InvalidInput, tr("Every school year needs its lock date or none."),
                        QStringLiteral("%1 packets, %2 lock dates").arg(input.years.size()).arg(input.lockedAt.size()));
        if (input.years[i].lookupCode != first.lookupCode || input.years[i].level != first.level)
            return fail(ErrorCode::InvalidInput, tr("The school years belong to different records."),
                        QStringLiteral("packet %1").arg(i));
    }
    return {};
}

Result<int> recordPageCount(const RenderInput& input, const RenderOptions& options)
{
    if (auto ok = validateRenderInput(input); !ok)
        return std::unexpected(ok.error());
    auto counts = receivedPageCounts(input);
    if (!counts)
        return std::unexpected(counts.error());
    int n = 0;
    for (const Page& p : compose(input, options, *counts))
        n += 1 + p.receivedPages;
    return n;
}

namespace {

/** paintRecords; into a PDF (`insertions` set) the received years' pages are left to be copied in afterwards. */
Status paintRecordsTo(QPagedPaintDevice& device, const QList<RenderInput>& inputs, const RenderOptions& options,
                      QList<PageInsertion>* insertions)
{
    if (inputs.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("There is no record to print."));
    for (const RenderInput& input : inputs) {
        if (auto ok = validateRenderInput(input); !ok)
            return ok;
        if (!insertions && !input.received.isEmpty() && !options.receivedPageImage)
            return fail(ErrorCode::InvalidInput,
                        tr("This record has school years received from an earlier school; print it from its PDF."));
    }
    if (printFontFamily().isEmpty())
        return fail(ErrorCode::Internal, tr("The print font could not be loaded."),
                    QStringLiteral("addApplicationFont(:/fonts/NotoSerif-*.ttf) failed"));
    device.setPageSize(QPageSize(QPageSize::A4));
    device.setPageOrientation(QPageLayout::Portrait);
    device.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(&device))
        return fail(ErrorCode::Io, tr("Could not start printing the record."),
                    QStringLiteral("QPainter::begin failed"));
    painter.setRenderHint(QPainter::Antialiasing, false);
    // One painter for all records: a class prints as one document (the font is embedded once), each record with
    // its own page numbers.
    ReceivedPlacement received;
    received.copyIntoPdf = insertions != nullptr;
    received.options = &options;
    for (qsizetype r = 0; r < inputs.size(); ++r) {
        const RenderInput& input = inputs[r];
        auto counts = receivedPageCounts(input);
        if (!counts)
            return std::unexpected(counts.error());
        const QList<Page> pages = compose(input, options, *counts);
        const packet::Packet& first = anyPacket(input);
        if (r > 0)
            device.newPage();
        received.input = &input;
        paintPages(painter, device, pages, bookLayout(first.level), latestPacket(input).student.fullName,
                   first.lookupCode, options.duplexBlankPages, received);
    }
    if (!painter.end())
        return fail(ErrorCode::Io, tr("Could not finish printing the record."), QStringLiteral("QPainter::end failed"));
    if (insertions)
        *insertions = std::move(received.insertions);
    return {};
}

/** The PDF writer's pages, then the received years' signed pages copied in. */
Result<QByteArray> writeRecordsPdf(const QList<RenderInput>& inputs, const QString& title, const RenderOptions& options)
{
    QByteArray bytes;
    QList<PageInsertion> insertions;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(BookLayout::pdfDotsPerInch);
        writer.setCreator(QStringLiteral("Học bạ số"));
        writer.setTitle(title);
        if (auto painted = paintRecordsTo(writer, inputs, options, &insertions); !painted)
            return std::unexpected(painted.error());
    }
    if (bytes.isEmpty())
        return fail(ErrorCode::Io, tr("Could not write the PDF file."), QStringLiteral("QPdfWriter wrote nothing"));
    return insertPdfPages(bytes, insertions);
}

} // namespace

Status paintRecords(QPagedPaintDevice& device, const QList<RenderInput>& inputs, const RenderOptions& options)
{
    return paintRecordsTo(device, inputs, options, nullptr);
}

Status paintRecord(QPagedPaintDevice& device, const RenderInput& input, const RenderOptions& options)
{
    return paintRecords(device, {input}, options);
}

Result<QByteArray> renderRecordsPdf(const QList<RenderInput>& inputs, const QString& title,
                                    const RenderOptions& options)
{
    return writeRecordsPdf(inputs, title, options);
}

Result<QByteArray> renderRecordPdf(const RenderInput& input, const RenderOptions& options)
{
    if (auto ok = validateRenderInput(input); !ok)
        return std::unexpected(ok.error());
    return writeRecordsPdf({input},
                           options.titleWithStudentName
                               ? QStringLiteral("Học bạ – ") + latestPacket(input).student.fullName
                               : QStringLiteral("Học bạ"),
                           options);
}

} // namespace hocba::render

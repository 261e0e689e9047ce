// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/ReceivedPages.h"

#include <QCoreApplication>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <exception>
#include <memory>

namespace hocba::render {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hocba::render", text);
}

std::unique_ptr<QPDF> openPdf(const QByteArray& bytes, const char* name)
{
    auto pdf = std::make_unique<QPDF>();
    pdf->setSuppressWarnings(true);
    pdf->processMemoryFile(name, bytes.constData(), size_t(bytes.size()));
    return pdf;
}

bool isSignatureField(QPDFObjectHandle annot)
{
    if (!annot.isDictionary())
        return false;
    QPDFObjectHandle ft = annot.getKey("/FT");
    return ft.isName() && ft.getName() == "/Sig";
}

void dropSignatureFields(QPDFPageObjectHelper page)
{
    QPDFObjectHandle dict = page.getObjectHandle();
    QPDFObjectHandle annots = dict.getKey("/Annots");
    if (!annots.isArray())
        return;
    QPDFObjectHandle kept = QPDFObjectHandle::newArray();
    for (QPDFObjectHandle a : annots.getArrayAsVector())
        if (!isSignatureField(a))
            kept.appendItem(a);
    if (kept.getArrayNItems() == 0)
        dict.removeKey("/Annots");
    else
        dict.replaceKey("/Annots", kept);
}

} // namespace

Result<int> pdfPageCount(const QByteArray& pdf)
{
    try {
        auto doc = openPdf(pdf, "received.pdf");
        return int(QPDFPageDocumentHelper(*doc).getAllPages().size());
    } catch (const std::exception& e) {
        return fail(ErrorCode::InvalidInput,
                    tr("The signed PDF of a year received from an earlier school cannot be read."),
                    QString::fromUtf8(e.what()));
    }
}

Result<QByteArray> insertPdfPages(const QByteArray& book, const QList<PageInsertion>& insertions)
{
    if (insertions.isEmpty())
        return book;
    QList<PageInsertion> ordered = insertions;
    // From the back: an insertion then never moves the pages the next one refers to.
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const PageInsertion& a, const PageInsertion& b) { return a.afterPage > b.afterPage; });
    try {
        auto target = openPdf(book, "book.pdf");
        QPDFPageDocumentHelper pages(*target);
        const std::vector<QPDFPageObjectHelper> bookPages = pages.getAllPages();
        // The sources stay open until the book is written: qpdf copies their streams' data lazily.
        std::vector<std::unique_ptr<QPDF>> sources;
        for (const PageInsertion& ins : ordered) {
            if (ins.afterPage < 0 || size_t(ins.afterPage) >= bookPages.size())
                return fail(ErrorCode::Internal, tr("The book could not take the pages of a received year."),
                            QStringLiteral("insert after page %1 of %2").arg(ins.afterPage).arg(bookPages.size()));
            sources.push_back(openPdf(ins.pdf, "received.pdf"));
            QPDFPageObjectHelper after = bookPages[size_t(ins.afterPage)];
            for (QPDFPageObjectHelper page : QPDFPageDocumentHelper(*sources.back()).getAllPages()) {
                pages.addPageAt(page, false, after);
                // addPageAt copies a foreign page; the copy is the page now right after `after`.
                const std::vector<QPDFPageObjectHelper> now = pages.getAllPages();
                const auto it = std::find_if(now.begin(), now.end(), [&](const QPDFPageObjectHelper& p) {
                    return p.getObjectHandle().getObjGen() == after.getObjectHandle().getObjGen();
                });
                after = *(it + 1);
                dropSignatureFields(after);
            }
        }
        QPDFWriter writer(*target);
        writer.setOutputMemory();
        writer.write();
        std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char*>(out->getBuffer()), qsizetype(out->getSize()));
    } catch (const std::exception& e) {
        return fail(ErrorCode::InvalidInput,
                    tr("The pages of a year received from an earlier school could not be put into "
                       "the book."),
                    QString::fromUtf8(e.what()));
    }
}

} // namespace hocba::render

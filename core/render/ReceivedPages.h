// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QList>

namespace hocba::render {

/** The number of pages of a PDF (a received year's signed PDF), or why it cannot be read. */
Result<int> pdfPageCount(const QByteArray& pdf);

/** Pages to put into a printed book: every page of `pdf`, right after the book's page `afterPage` (0-based). */
struct PageInsertion
{
    int afterPage = 0;
    QByteArray pdf;
};

/**
 * Copies each insertion's pages into `book` with their content streams and resources unchanged (qpdf). The signature
 * fields of a copied page are left out: a signature covers the bytes of its own file and cannot be valid in another,
 * so the book never shows a signature that a viewer would report as broken. Insertions in any order.
 */
Result<QByteArray> insertPdfPages(const QByteArray& book, const QList<PageInsertion>& insertions);

} // namespace hocba::render

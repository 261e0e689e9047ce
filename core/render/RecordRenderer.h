// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"
#include "util/Error.h"

#include <QByteArray>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <functional>

class QPagedPaintDevice;

namespace hocba::render {

/**
 * A school year received from an earlier school (a transfer in, docs/transfer.md). The book prints it as received: a
 * page that says which school signed it, then the pages of that school's signed PDF unchanged. It is never rendered
 * again from its packet and never signed by this school.
 */
struct ReceivedYear
{
    packet::Packet packet; ///< the earlier school's signed packet: its year, class and school for the study history
    QByteArray packetSha256; ///< of the signed packet XML; the information page's QR when this school has no year yet
    QString schoolName; ///< the school that signed it
    QByteArray signedPdf; ///< exactly as received
};

/**
 * What a record is printed from: its year packets (any order; one per school year, all with the same lookup code)
 * and, for each packet at the same index, the SHA-256 of its signed XML (32 bytes) that the QR code carries, and the
 * years received from earlier schools. The cover and information page come from the latest year's packet of this
 * school (the latest received one when this school has none yet). Never from live tables (ARCHITECTURE.md §5).
 */
struct RenderInput
{
    QList<packet::Packet> years;
    QList<QByteArray> packetSha256;
    /**
     * Per year (same order as `years`), the effective date of the Department's lock, from a verified lock receipt;
     * invalid for a year that is not locked. Empty: no year is locked. A copy printed after the lock says so.
     */
    QList<QDateTime> lockedAt;
    /** Years received from earlier schools, printed in school-year order among `years` (before this school's own
     * section of the same year, for a move during the year). */
    QList<ReceivedYear> received;
};

struct RenderOptions
{
    /** The lookup portal the QR codes point to; per school or province (docs/qr.md). */
    QString portalBaseUrl = QStringLiteral("https://tracuu.hocba.example/");
    /** The school's seal (Settings → Signing, kept in the school file), drawn in the principal's block of a year
     * that carries a digital signature appearance; none when null. */
    QImage sealImage;
    /** The "Hướng dẫn ghi học bạ" page after the cover (print settings). */
    bool instructionsPage = true;
    /** Duplex printing: a blank page is inserted where needed so every school year starts on a right-hand page. */
    bool duplexBlankPages = false;
    /** PDF title metadata; off when a copy must not carry the name outside the page content. */
    bool titleWithStudentName = true;
    /**
     * For a device that is not the PDF writer (a printer): page `page` (0-based) of a received year's signed PDF as an
     * image of `pixels`. Without it, a record with received years prints only as PDF. The PDF output copies the
     * signed PDF's pages themselves and never calls it.
     */
    std::function<QImage(const QByteArray& pdf, int page, QSize pixels)> receivedPageImage;
};

/**
 * Checks the input: at least one packet (own or received), one 32-byte digest per packet, one lookup code and level
 * throughout, and every received signed PDF readable.
 */
Status validateRenderInput(const RenderInput& input);

/** The number of pages the record prints on with these options. */
Result<int> recordPageCount(const RenderInput& input, const RenderOptions& options = {});

/**
 * Paints the whole record onto a paged device (QPdfWriter, or a QPrinter set to full page) from the same layout
 * description (BookLayout): A4 portrait, no device margins. Thread-safe as long as each thread paints its own device.
 */
Status paintRecord(QPagedPaintDevice& device, const RenderInput& input, const RenderOptions& options = {});

/** The record as PDF bytes (fonts embedded). */
Result<QByteArray> renderRecordPdf(const RenderInput& input, const RenderOptions& options = {});

/** Several records one after another on one device (a class printed as one job); each keeps its own page numbers. */
Status paintRecords(QPagedPaintDevice& device, const QList<RenderInput>& inputs, const RenderOptions& options = {});
/** Several records as one PDF document (the class preview, one print job). */
Result<QByteArray> renderRecordsPdf(const QList<RenderInput>& inputs, const QString& title,
                                    const RenderOptions& options = {});

} // namespace hocba::render

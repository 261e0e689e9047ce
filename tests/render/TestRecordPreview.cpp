// SPDX-License-Identifier: GPL-3.0-or-later
// RecordPreviewWidget offscreen: pages, navigation, zoom, export; printing on a QPrinter with the PDF's layout.
#include "MessageBox.h"
#include "RecordPreviewWidget.h"

#include "demo/SampleRecord.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfView>
#include <QPrinter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hocba;

class TestRecordPreview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void showsPagesNavigatesAndZooms()
    {
        const render::RenderInput input = demo::sampleRecord({SchoolLevel::Primary, 5});
        const int expected = render::recordPageCount(input).value();
        ui::RecordPreviewWidget w;
        w.resize(800, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy rendered(&w, &ui::RecordPreviewWidget::rendered);
        w.setRecord(input);
        QTRY_COMPARE_WITH_TIMEOUT(w.pageCount(), expected, 20000);
        QCOMPARE(rendered.count(), 1);
        QCOMPARE(w.pageLabelText(), ui::RecordPreviewWidget::tr("Page %1/%2").arg(1).arg(expected));

        // QPdfView paints from a renderer thread: wait for ink on the viewport.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QImage img = w.view()->viewport()->grab().toImage();
                for (int y = 0; y < img.height(); y += 3)
                    for (int x = 0; x < img.width(); x += 3)
                        if (qGray(img.pixel(x, y)) < 100)
                            return true;
                return false;
            }(),
            20000);

        w.goToPage(3);
        QTRY_COMPARE(w.currentPage(), 3);
        QCOMPARE(w.pageLabelText(), ui::RecordPreviewWidget::tr("Page %1/%2").arg(4).arg(expected));
        w.nextPage();
        QTRY_COMPARE(w.currentPage(), 4);
        w.previousPage();
        w.previousPage();
        QTRY_COMPARE(w.currentPage(), 2);
        w.goToPage(1000);
        QTRY_COMPARE(w.currentPage(), expected - 1);

        const qreal before = w.zoomFactor();
        w.zoomIn();
        QVERIFY(w.zoomFactor() > before);
        QCOMPARE(w.view()->zoomMode(), QPdfView::ZoomMode::Custom);
        w.zoomOut();
        w.zoomOut();
        QVERIFY(w.zoomFactor() < before);
        w.fitToWidth();
        QCOMPARE(w.view()->zoomMode(), QPdfView::ZoomMode::FitToWidth);

        const QString path = m_dir.filePath(QStringLiteral("export.pdf"));
        ui::FileDialog::setNextFileName(path);
        QVERIFY(w.exportPdf());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), w.pdf());
        ui::FileDialog::setNextFileName(QString()); // cancelled
        QVERIFY(!w.exportPdf());
    }

    void reportsRenderFailure()
    {
        ui::RecordPreviewWidget w;
        QSignalSpy failed(&w, &ui::RecordPreviewWidget::renderFailed);
        w.setRecord(render::RenderInput {});
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(w.pageCount(), 0);
    }

    void printsWithTheSameLayoutAndDuplexPages()
    {
        const render::RenderInput input = demo::sampleRecord({SchoolLevel::Thcs, 6});
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString path = m_dir.filePath(QStringLiteral("printed.pdf"));
        printer.setOutputFileName(path);
        printer.setDuplex(QPrinter::DuplexLongSide);
        QVERIFY(ui::printRecord(printer, input));
        QPdfDocument doc;
        QCOMPARE(doc.load(path), QPdfDocument::Error::None);
        render::RenderOptions duplex;
        duplex.duplexBlankPages = printer.duplex() != QPrinter::DuplexNone;
        QCOMPARE(doc.pageCount(), render::recordPageCount(input, duplex).value());
        QCOMPARE(doc.pagePointSize(0).toSize(), QSize(595, 842));
    }

    /** A printer gets a received year's signed pages as images of themselves, each one, in place. */
    void printsReceivedYearsAsImagesOfTheirPages()
    {
        const render::RenderInput earlier = demo::sampleRecord({SchoolLevel::Primary, 9, 1});
        auto signedPdf = render::renderRecordPdf(earlier);
        QVERIFY(signedPdf);
        render::RenderInput input = demo::sampleRecord({SchoolLevel::Primary, 9, 2});
        input.years.removeFirst();
        input.packetSha256.removeFirst();
        input.received = {render::ReceivedYear {earlier.years.first(), earlier.packetSha256.first(),
                                                QStringLiteral("Trường Tiểu học Kim Đồng"), *signedPdf}};
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setResolution(150);
        const QString path = m_dir.filePath(QStringLiteral("printed-received.pdf"));
        printer.setOutputFileName(path);
        QVERIFY(ui::printRecord(printer, input));
        QPdfDocument printed;
        QCOMPARE(printed.load(path), QPdfDocument::Error::None);
        QCOMPARE(printed.pageCount(), render::recordPageCount(input).value());

        // The received PDF's first page (its cover) is on the printed page after the one that names the school.
        QBuffer buffer;
        buffer.setData(*signedPdf);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument original;
        original.load(&buffer);
        const QSize size(124, 175);
        // QPdfDocument renders on a transparent background: on white, as on paper, before comparing.
        auto onWhite = [](const QImage& image) {
            QImage paper(image.size(), QImage::Format_RGB32);
            paper.fill(Qt::white);
            QPainter(&paper).drawImage(0, 0, image);
            return paper.convertToFormat(QImage::Format_Grayscale8);
        };
        const QImage want = onWhite(original.render(0, size));
        const QImage got = onWhite(printed.render(4, size)); // cover, instructions, information, the school's page
        QCOMPARE(onWhite(ui::receivedPageImage(*signedPdf, 0, size)), want);
        qsizetype differing = 0;
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x)
                differing += std::abs(qGray(want.pixel(x, y)) - qGray(got.pixel(x, y))) > 64 ? 1 : 0;
        QVERIFY2(differing < size.width() * size.height() / 50, qPrintable(QString::number(differing)));
        QVERIFY(want != onWhite(original.render(1, size)));
        QVERIFY(want != onWhite(printed.render(3, size)));
    }
};

QTEST_MAIN(TestRecordPreview)
#include "TestRecordPreview.moc"

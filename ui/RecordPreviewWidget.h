// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/RecordRenderer.h"

#include <QBuffer>
#include <QByteArray>
#include <QFutureWatcher>
#include <QWidget>

#include <functional>

class QLabel;
class QPdfDocument;
class QPdfView;
class QPrinter;
class QToolButton;

namespace hocba::ui {

/**
 * The printed record on screen: a QPdfView over PDF bytes held in memory (no temporary file), with zoom, fit to
 * width, page navigation, "Export PDF…" and "Print…". Rendering runs on a worker thread so the window never freezes.
 */
class RecordPreviewWidget : public QWidget
{
    Q_OBJECT

public:
    explicit RecordPreviewWidget(QWidget* parent = nullptr);
    ~RecordPreviewWidget() override;

    /** Renders the record in the background; rendered() or renderFailed() follows. */
    void setRecord(const render::RenderInput& input, const render::RenderOptions& options = {});
    /** Several records as one document (a whole class), rendered in the background. */
    void setRecords(const QList<render::RenderInput>& inputs, const QString& title,
                    const render::RenderOptions& options = {});
    /** Shows nothing (no student selected). A render still running is waited for and dropped. */
    void clear();
    /** Shows PDF bytes that are already rendered. */
    void setPdf(const QByteArray& pdf);
    /**
     * What "Print…" and "Export PDF…" do instead of printing or saving themselves: the window opens its print dialog,
     * which writes every copy to the print log (docs/printing.md). Without one they print and save directly.
     */
    void setPrintHandler(std::function<void()> handler) { m_printHandler = std::move(handler); }

    QByteArray pdf() const { return m_pdf; }
    int pageCount() const;
    int currentPage() const; ///< 0-based
    qreal zoomFactor() const;
    QPdfView* view() const { return m_view; }
    QString pageLabelText() const;

public Q_SLOTS:
    void goToPage(int page);
    void nextPage();
    void previousPage();
    void zoomIn();
    void zoomOut();
    void fitToWidth();
    /** Asks for a file name (FileDialog, with its test hook) and writes the PDF; false when cancelled or failed. */
    bool exportPdf();
    /** QPrintDialog, then paints the record on the printer with the same layout as the PDF. */
    void print();

Q_SIGNALS:
    void rendered(int pages);
    void renderFailed(const QString& message);

private:
    void updatePageLabel();

    QPdfDocument* m_document = nullptr;
    QPdfView* m_view = nullptr;
    QLabel* m_pageLabel = nullptr;
    QBuffer m_buffer;
    QByteArray m_pdf;
    bool m_cleared = false;
    QList<render::RenderInput> m_inputs;
    render::RenderOptions m_options;
    QFutureWatcher<Result<QByteArray>> m_watcher;
    std::function<void()> m_printHandler;
};

/**
 * Prints on a configured printer (full page; a blank page before a year that would start on a left-hand page when
 * the printer prints duplex).
 */
/** Page `page` of a PDF as an image of `pixels` (QtPdf): how a printer gets a received year's signed pages. */
QImage receivedPageImage(const QByteArray& pdf, int page, QSize pixels);
Status printRecord(QPrinter& printer, const render::RenderInput& input, render::RenderOptions options = {});
/** Several records as one print job (a class), same layout code. */
Status printRecords(QPrinter& printer, const QList<render::RenderInput>& inputs, render::RenderOptions options = {});
Status printRecordsInteractive(QWidget* parent, const QList<render::RenderInput>& inputs,
                               const render::RenderOptions& options = {});

} // namespace hocba::ui

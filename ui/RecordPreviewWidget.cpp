// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordPreviewWidget.h"

#include "MessageBox.h"

#include <QBuffer>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfDocumentRenderOptions>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPrintDialog>
#include <QPrinter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace hocba::ui {

namespace {
constexpr qreal kZoomStep = 1.25;
constexpr qreal kZoomMin = 0.25;
constexpr qreal kZoomMax = 4.0;
} // namespace

RecordPreviewWidget::RecordPreviewWidget(QWidget* parent)
    : QWidget(parent)
    , m_document(new QPdfDocument(this))
    , m_view(new QPdfView(this))
    , m_pageLabel(new QLabel(this))
{
    m_view->setDocument(m_document);
    m_view->setPageMode(QPdfView::PageMode::MultiPage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);

    auto* bar = new QHBoxLayout;
    auto button = [&](const QString& text, const QString& tip, auto slot, const QString& name) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(name);
        connect(b, &QToolButton::clicked, this, slot);
        bar->addWidget(b);
        return b;
    };
    button(tr("◀"), tr("Previous page"), &RecordPreviewWidget::previousPage, QStringLiteral("previousPage"));
    bar->addWidget(m_pageLabel);
    button(tr("▶"), tr("Next page"), &RecordPreviewWidget::nextPage, QStringLiteral("nextPage"));
    bar->addSpacing(12);
    button(tr("−"), tr("Zoom out"), &RecordPreviewWidget::zoomOut, QStringLiteral("zoomOut"));
    button(tr("+"), tr("Zoom in"), &RecordPreviewWidget::zoomIn, QStringLiteral("zoomIn"));
    button(tr("Fit width"), tr("Fit the page to the window width"), &RecordPreviewWidget::fitToWidth,
           QStringLiteral("fitWidth"));
    bar->addStretch();
    // With a print handler (the window's print dialog) both go through the print log.
    button(
        tr("Export PDF…"), tr("Save the record as a PDF file"),
        [this] {
            if (m_printHandler)
                m_printHandler();
            else
                exportPdf();
        },
        QStringLiteral("exportPdf"));
    button(tr("Print…"), tr("Print the record"), &RecordPreviewWidget::print, QStringLiteral("print"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this,
            &RecordPreviewWidget::updatePageLabel);
    connect(m_document, &QPdfDocument::pageCountChanged, this, &RecordPreviewWidget::updatePageLabel);
    connect(&m_watcher, &QFutureWatcher<Result<QByteArray>>::finished, this, [this] {
        if (m_cleared) // cleared while the render ran
            return;
        const Result<QByteArray> pdf = m_watcher.result();
        if (!pdf) {
            Q_EMIT renderFailed(pdf.error().message);
            return;
        }
        setPdf(*pdf);
    });
    updatePageLabel();
}

RecordPreviewWidget::~RecordPreviewWidget()
{
    // The worker only touches its own copies, but its result must not arrive at a destroyed widget.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void RecordPreviewWidget::setRecord(const render::RenderInput& input, const render::RenderOptions& options)
{
    setRecords({input}, {}, options);
}

void RecordPreviewWidget::setRecords(const QList<render::RenderInput>& inputs, const QString& title,
                                     const render::RenderOptions& options)
{
    m_cleared = false;
    m_inputs = inputs;
    m_options = options;
    if (inputs.size() == 1) {
        const render::RenderInput input = inputs.first();
        m_watcher.setFuture(QtConcurrent::run([input, options] { return render::renderRecordPdf(input, options); }));
    } else {
        m_watcher.setFuture(
            QtConcurrent::run([inputs, title, options] { return render::renderRecordsPdf(inputs, title, options); }));
    }
}

void RecordPreviewWidget::clear()
{
    // A render of the previous student must not show up after the selection was cleared: the finished handler
    // ignores results until the next setRecord().
    m_cleared = true;
    m_inputs.clear();
    m_document->close();
    m_buffer.close();
    m_pdf.clear();
    updatePageLabel();
}

void RecordPreviewWidget::setPdf(const QByteArray& pdf)
{
    m_document->close();
    m_buffer.close();
    m_pdf = pdf;
    m_buffer.setData(m_pdf);
    m_buffer.open(QIODevice::ReadOnly);
    m_document->load(&m_buffer);
    updatePageLabel();
    Q_EMIT rendered(pageCount());
}

int RecordPreviewWidget::pageCount() const
{
    return m_document->pageCount();
}

int RecordPreviewWidget::currentPage() const
{
    return m_view->pageNavigator()->currentPage();
}

qreal RecordPreviewWidget::zoomFactor() const
{
    return m_view->zoomFactor();
}

QString RecordPreviewWidget::pageLabelText() const
{
    return m_pageLabel->text();
}

void RecordPreviewWidget::goToPage(int page)
{
    if (pageCount() == 0)
        return;
    m_view->pageNavigator()->jump(std::clamp(page, 0, pageCount() - 1), QPointF(), m_view->zoomFactor());
    updatePageLabel();
}

void RecordPreviewWidget::nextPage()
{
    goToPage(currentPage() + 1);
}

void RecordPreviewWidget::previousPage()
{
    goToPage(currentPage() - 1);
}

void RecordPreviewWidget::zoomIn()
{
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(std::min(kZoomMax, m_view->zoomFactor() * kZoomStep));
}

void RecordPreviewWidget::zoomOut()
{
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(std::max(kZoomMin, m_view->zoomFactor() / kZoomStep));
}

void RecordPreviewWidget::fitToWidth()
{
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
}

void RecordPreviewWidget::updatePageLabel()
{
    const int n = pageCount();
    // With nothing shown, say what to do rather than "no pages".
    m_pageLabel->setText(n == 0 ? tr("Choose a student in the list to see their record.")
                                : tr("Page %1/%2").arg(currentPage() + 1).arg(n));
}

bool RecordPreviewWidget::exportPdf()
{
    if (m_pdf.isEmpty())
        return false;
    const QString path = FileDialog::getSaveFileName(this, tr("Export PDF"), QString(), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_pdf) != m_pdf.size() || !f.flush()) {
        MessageBox::critical(this, tr("Export PDF"), tr("The PDF file could not be written."), f.errorString());
        return false;
    }
    return true;
}

void RecordPreviewWidget::print()
{
    if (m_inputs.isEmpty())
        return;
    if (m_printHandler) {
        m_printHandler();
        return;
    }
    if (auto done = printRecordsInteractive(this, m_inputs, m_options);
        !done && done.error().code != ErrorCode::Cancelled)
        MessageBox::critical(this, tr("Print"), done.error().message, done.error().detail);
}

QImage receivedPageImage(const QByteArray& pdf, int page, QSize pixels)
{
    // A printer takes no PDF pages: the received year's signed pages go to it as images of themselves, drawn by the
    // same PDF engine as the preview (the PDF output copies the pages themselves).
    QBuffer buffer;
    buffer.setData(pdf);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    QPdfDocumentRenderOptions options;
    options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
    return document.render(page, pixels, options);
}

Status printRecords(QPrinter& printer, const QList<render::RenderInput>& inputs, render::RenderOptions options)
{
    // Full page: the layout is in paper coordinates, the same as the PDF's.
    printer.setFullPage(true);
    options.duplexBlankPages = printer.duplex() != QPrinter::DuplexNone;
    options.receivedPageImage = receivedPageImage;
    return render::paintRecords(printer, inputs, options);
}

Status printRecord(QPrinter& printer, const render::RenderInput& input, render::RenderOptions options)
{
    return printRecords(printer, {input}, options);
}

Status printRecordsInteractive(QWidget* parent, const QList<render::RenderInput>& inputs,
                               const render::RenderOptions& options)
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, parent);
    if (dialog.exec() != QDialog::Accepted)
        return fail(ErrorCode::Cancelled, RecordPreviewWidget::tr("Printing was cancelled."));
    return printRecords(printer, inputs, options);
}

} // namespace hocba::ui

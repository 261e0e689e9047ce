// SPDX-License-Identifier: GPL-3.0-or-later
// The AcroForm field tree of a hostile PDF is a graph, not a tree: the verifier must walk it in linear time.
// Found with the fuzz seed tests/fuzz/corpus/pdf/field-kids-loop.pdf: a field listed twice among its own /Kids
// made the walk visit 2^32 nodes.
#include "verify/PdfVerifier.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace hocba;
using namespace hocba::signing;

namespace {

/** A one-page PDF with a correct cross-reference table; objects[i] is object i + 1, object 1 the catalog. */
QByteArray pdfOf(const QList<QByteArray>& objects)
{
    QByteArray out = "%PDF-1.7\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << out.size();
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        out += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

const QByteArray kPages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const QByteArray kPage = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>";
const QByteArray kSignature = "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> /M (D:20260601083015Z) >>";

} // namespace

class TestPdfFieldTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldAmongItsOwnKidsIsVisitedOnce_data()
    {
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("field in its own kids, twice") << QByteArray("<< /Kids [4 0 R 4 0 R] /T (loop) >>");
        QTest::newRow("kids array holding its own parent")
            << QByteArray("<< /Kids 6 0 R /T (a) >>"); // object 6 = [4 0 R 4 0 R], below
    }

    void fieldAmongItsOwnKidsIsVisitedOnce()
    {
        QFETCH(QByteArray, field);
        const QByteArray pdf = pdfOf({"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>", kPages,
                                      kPage, field, kSignature, "[4 0 R 4 0 R]"});
        QElapsedTimer timer;
        timer.start();
        auto report = PdfVerifier::verify(pdf, {});
        QVERIFY(report);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed()) + QStringLiteral(" ms")));
        QVERIFY(report->signatures.isEmpty());
    }

    void signatureFieldBelowKidsIsStillFound()
    {
        // A sound tree: the signature field one level below its parent field.
        const QByteArray pdf
            = pdfOf({"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>", kPages, kPage,
                     "<< /Kids [6 0 R] /T (parent) >>", kSignature, "<< /FT /Sig /T (hocba-principal-1) /V 5 0 R >>"});
        auto report = PdfVerifier::verify(pdf, {});
        QVERIFY(report);
        QCOMPARE(report->signatures.size(), 1);
        QCOMPARE(report->signatures.first().id, QStringLiteral("hocba-principal-1"));
        QVERIFY(!report->signatures.first().ok());
    }
};

QTEST_GUILESS_MAIN(TestPdfFieldTree)
#include "TestPdfFieldTree.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The printed record: text, fonts, structure, page images against goldens, QR payload, watermark, overflow, batch.
// Goldens: HOCBA_UPDATE_GOLDENS=1 ctest -R TestRecordRender rewrites tests/data/render/*.png (100 dpi, grey).
#include "RenderTestUtil.h"
#include "TestSupport.h"

#include "demo/SampleRecord.h"
#include "domain/Decimal.h"
#include "domain/PrintedText.h"
#include "render/BookLayout.h"
#include "render/QrCode.h"
#include "render/RecordRenderer.h"
#include "render/RenderBatch.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace hocba;
using namespace hocba::render;
using hocba::test::runTool;

class TestRecordRender : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    RenderInput m_primary;
    RenderInput m_thcs;
    QString m_primaryPdf;
    QString m_thcsPdf;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return QString();
        f.write(bytes);
        return path;
    }

    QString render(const QString& name, const RenderInput& in, const RenderOptions& o = {})
    {
        auto pdf = renderRecordPdf(in, o);
        if (!pdf)
            return QString();
        return write(name, *pdf);
    }

    static QString text(const QString& pdf, int page = 0)
    {
        QStringList args;
        if (page > 0)
            args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
        args << QStringLiteral("-layout") << pdf << QStringLiteral("-");
        return QString::fromUtf8(runTool(QStringLiteral("pdftotext"), args).out);
    }

    static int pages(const QString& pdf)
    {
        const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {pdf}).out);
        const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

    /** One page as a grey 100 dpi image, as the goldens are made. */
    QImage pageImage(const QString& pdf, int page, int dpi = 100)
    {
        const QString base = m_dir.filePath(QStringLiteral("img-%1-%2").arg(page).arg(dpi));
        runTool(QStringLiteral("pdftoppm"),
                {QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"), QString::number(page),
                 QStringLiteral("-l"), QString::number(page), QStringLiteral("-gray"), QStringLiteral("-singlefile"),
                 QStringLiteral("-png"), pdf, base});
        return QImage(base + QStringLiteral(".png"));
    }

    void compareGolden(const QString& pdf, int page, const QString& golden)
    {
        const QImage actual = pageImage(pdf, page).convertToFormat(QImage::Format_Grayscale8);
        QVERIFY(!actual.isNull());
        const QString path = qEnvironmentVariable("HOCBA_SOURCE_DIR") + QStringLiteral("/tests/data/render/") + golden;
        if (qEnvironmentVariableIntValue("HOCBA_UPDATE_GOLDENS") == 1) {
            QVERIFY(actual.save(path));
            qInfo("updated %s", qPrintable(path));
            return;
        }
        const QImage expected = QImage(path).convertToFormat(QImage::Format_Grayscale8);
        QVERIFY2(!expected.isNull(), qPrintable(QStringLiteral("missing golden %1").arg(path)));
        QCOMPARE(actual.size(), expected.size());
        // Tolerance: anti-aliasing may differ a little between poppler builds; a moved line or row does not.
        qsizetype differing = 0;
        for (int y = 0; y < actual.height(); ++y) {
            const uchar* a = actual.constScanLine(y);
            const uchar* e = expected.constScanLine(y);
            for (int x = 0; x < actual.width(); ++x)
                differing += std::abs(int(a[x]) - int(e[x])) > 64 ? 1 : 0;
        }
        const double share = double(differing) / (actual.width() * actual.height());
        QVERIFY2(share < 0.002,
                 qPrintable(QStringLiteral("%1: %2% of pixels differ (HOCBA_UPDATE_GOLDENS=1 "
                                           "to accept an intended change)")
                                .arg(golden)
                                .arg(share * 100, 0, 'f', 3)));
    }

    static RenderInput noDataRecord()
    {
        RenderInput in = demo::sampleRecord({SchoolLevel::Primary, 7, 2});
        packet::Packet& p = in.years[1];
        p.inputs = StudentYearInput {};
        p.inputs.grade = p.grade;
        p.results.reset();
        return in;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_primary = demo::sampleRecord({SchoolLevel::Primary, 42});
        m_thcs = demo::sampleRecord({SchoolLevel::Thcs, 43});
        m_primaryPdf = render(QStringLiteral("primary.pdf"), m_primary);
        m_thcsPdf = render(QStringLiteral("thcs.pdf"), m_thcs);
        QVERIFY(!m_primaryPdf.isEmpty());
        QVERIFY(!m_thcsPdf.isEmpty());
    }

    void rejectsBadInput()
    {
        RenderInput in = m_primary;
        in.packetSha256.removeLast();
        QCOMPARE(renderRecordPdf(in).error().code, ErrorCode::InvalidInput);
        QCOMPARE(renderRecordPdf(RenderInput {}).error().code, ErrorCode::InvalidInput);
        in = m_primary;
        in.packetSha256[0] = QByteArray(20, 'x');
        QVERIFY(!renderRecordPdf(in));
    }

    void primaryTextHasEveryField()
    {
        const QString t = text(m_primaryPdf);
        const packet::Packet& p = m_primary.years.last();
        const Student& s = p.student;
        for (const QString& v : {s.fullName,
                                 printedDate(s.birthDate),
                                 s.ethnicity,
                                 s.birthplace,
                                 s.fatherName,
                                 s.motherName,
                                 s.personalId,
                                 p.school.name,
                                 p.className,
                                 groupedLookupCode(p.lookupCode),
                                 QStringLiteral("Tiếng Việt"),
                                 QStringLiteral("Lịch sử và Địa lí"),
                                 QStringLiteral("Nghệ thuật (Âm nhạc)"),
                                 QStringLiteral("Những phẩm chất chủ yếu"),
                                 QStringLiteral("Giải quyết vấn đề và sáng tạo"),
                                 QStringLiteral("QUÁ TRÌNH HỌC TẬP"),
                                 QStringLiteral("Xác nhận của Hiệu trưởng"),
                                 QStringLiteral("Giáo viên chủ nhiệm"),
                                 QStringLiteral("HIỆU TRƯỞNG"),
                                 p.principalName,
                                 p.homeroomTeacherName,
                                 QStringLiteral("Hoàn thành chương trình tiểu học")})
            QVERIFY2(t.contains(v), qPrintable(v));
        // A level name and a comment as entered
        QVERIFY(t.contains(QStringLiteral("Hoàn thành tốt")) || t.contains(QStringLiteral("Hoàn thành xuất sắc"))
                || t.contains(QStringLiteral("Hoàn thành\n")));
        const QString comment = p.inputs.subjects.first().comment.value_or(QString());
        QVERIFY(!comment.isEmpty());
        QVERIFY2(t.simplified().contains(comment.left(20)), qPrintable(comment));
    }

    void issueDateIsTheDateInVietnam()
    {
        RenderInput in = m_primary;
        // 18:00 UTC is 01:00 the next morning in Hà Nội.
        for (packet::Packet& p : in.years)
            p.createdAt = QDateTime(QDate(2025, 5, 31), QTime(18, 0), QTimeZone::utc());
        const QString t = text(render(QStringLiteral("issue-date.pdf"), in)).simplified();
        QVERIFY2(t.contains(QStringLiteral("ngày 01 tháng 06 năm 2025")), qPrintable(t.right(2000)));
        QVERIFY(!t.contains(QStringLiteral("ngày 31 tháng 05 năm 2025")));
    }

    void aCorrectionSaysWhichVersionItIs()
    {
        RenderInput in = m_primary;
        const QString before = text(render(QStringLiteral("version-1.pdf"), in)).simplified();
        QVERIFY(!before.contains(QStringLiteral("Phiên bản")));
        in.years.last().version = 2;
        in.years.last().replacesVersion = 1;
        const QString t = text(render(QStringLiteral("version-2.pdf"), in)).simplified();
        QVERIFY2(t.contains(QStringLiteral("Phiên bản 2, thay thế phiên bản 1")), qPrintable(t.left(2000)));
    }

    void thcsTextHasScoresWithDecimalComma()
    {
        const QString t = text(m_thcsPdf);
        const packet::Packet& p = m_thcs.years.first();
        QVERIFY(p.results.has_value());
        std::optional<Tenths> avg;
        for (const auto& o : p.results->thcsOutcome.subjects)
            if (o.yearAverage && *o.yearAverage % 10 != 0)
                avg = o.yearAverage;
        QVERIFY(avg.has_value());
        QVERIFY(tenthsToDisplay(*avg).contains(QLatin1Char(',')));
        QVERIFY2(t.contains(tenthsToDisplay(*avg)), qPrintable(tenthsToDisplay(*avg)));
        for (const QString& v : {QStringLiteral("Ngữ văn"), QStringLiteral("Khoa học tự nhiên"),
                                 QStringLiteral("Kết quả rèn luyện"), QStringLiteral("Phê duyệt của Hiệu trưởng"),
                                 QStringLiteral("TRUNG HỌC CƠ SỞ"), QStringLiteral("Điểm trung bình"),
                                 QStringLiteral("Hoàn thành chương trình trung học cơ sở"), p.student.fullName})
            QVERIFY2(t.contains(v), qPrintable(v));
    }

    void everyFontEmbedded()
    {
        for (const QString& pdf : {m_primaryPdf, m_thcsPdf}) {
            const QStringList lines = QString::fromUtf8(runTool(QStringLiteral("pdffonts"), {pdf}).out)
                                          .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                          .mid(2);
            QVERIFY(!lines.isEmpty());
            for (const QString& l : lines) {
                // Only our embedded copy of Noto Serif (renamed so no system font can stand in for it).
                QVERIFY2(l.startsWith(QLatin1String("HocbaSerif")), qPrintable(l));
                QVERIFY2(l.simplified().split(QLatin1Char(' ')).value(4) == QLatin1String("yes"), qPrintable(l));
            }
        }
    }

    void qpdfCheckPasses()
    {
        for (const QString& pdf : {m_primaryPdf, m_thcsPdf}) {
            const auto r = runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), pdf});
            QVERIFY2(r.exitCode == 0, r.out.constData());
        }
    }

    void everyPageHasHeaderAndFooter()
    {
        const int n = pages(m_primaryPdf);
        QVERIFY(n >= 7);
        QCOMPARE(n, recordPageCount(m_primary).value());
        const packet::Packet& p = m_primary.years.last();
        for (int i = 1; i <= n; ++i) {
            const QString t = text(m_primaryPdf, i);
            QVERIFY2(t.contains(p.student.fullName), qPrintable(QString::number(i)));
            QVERIFY(t.contains(groupedLookupCode(p.lookupCode)));
            QVERIFY2(t.contains(QStringLiteral("Trang %1/%2").arg(i).arg(n)), qPrintable(t.right(200)));
        }
    }

    void goldenPages()
    {
        // Primary: cover, instructions, information, a year's two pages; THCS: cover, study history, a year's page.
        compareGolden(m_primaryPdf, 1, QStringLiteral("cover.png"));
        compareGolden(m_primaryPdf, 2, QStringLiteral("instructions.png"));
        compareGolden(m_primaryPdf, 3, QStringLiteral("information.png"));
        compareGolden(m_primaryPdf, 4, QStringLiteral("tt27-year.png"));
        compareGolden(m_primaryPdf, 5, QStringLiteral("tt27-year-closing.png"));
        compareGolden(m_thcsPdf, 1, QStringLiteral("tt22-cover.png"));
        compareGolden(m_thcsPdf, 4, QStringLiteral("tt22-history.png"));
        compareGolden(m_thcsPdf, 5, QStringLiteral("tt22-year.png"));
        // A signed year: the appearance in the principal's block over the school's seal; the subject teachers.
        RenderInput signedYear = demo::sampleRecord({SchoolLevel::Thcs, 43, 1});
        packet::Packet& p = signedYear.years.first();
        p.principalSignature = packet::SignatureAppearance {p.principalName.toUpper(), QStringLiteral("Hiệu trưởng"),
                                                            QStringLiteral("VNPT Certification Authority"),
                                                            QDateTime(QDate(2022, 5, 30), QTime(2, 5), Qt::UTC)};
        for (SubjectEntry& e : p.inputs.subjects) {
            e.teacherName = QStringLiteral("Trần Thị Mai");
            if (e.code == QLatin1String("ngoai_ngu_1"))
                e.languageName = QStringLiteral("Tiếng Anh");
        }
        RenderOptions withSeal;
        withSeal.sealImage = QImage(240, 240, QImage::Format_ARGB32);
        withSeal.sealImage.fill(Qt::transparent);
        {
            QPainter seal(&withSeal.sealImage);
            seal.setPen(QPen(QColor(200, 20, 20), 12));
            seal.drawEllipse(QRectF(8, 8, 224, 224));
        }
        compareGolden(render(QStringLiteral("signed-year.pdf"), signedYear, withSeal), 5,
                      QStringLiteral("tt22-year-signed.png"));
        const QString empty = render(QStringLiteral("nodata.pdf"), noDataRecord());
        // Cover, information, year 1 (1-2 pages), then the year without data.
        const QString t = text(empty);
        QVERIFY(t.contains(QStringLiteral("2021-2022")));
        int page = 0;
        for (int i = 1; i <= pages(empty); ++i)
            if (text(empty, i).contains(QStringLiteral("Năm học: 2021-2022")))
                page = i;
        QVERIFY(page > 2);
        compareGolden(empty, page, QStringLiteral("no-data-year.png"));
    }

    /** The first page of the first school year: after the cover, the instructions and the information page. */
    int firstYearPage(const QString& pdf)
    {
        for (int i = 1; i <= pages(pdf); ++i)
            if (text(pdf, i).contains(QStringLiteral("KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN")))
                return i;
        return -1;
    }

    void qrCarriesLookupCodeYearVersionDigest()
    {
        // Decodable from a 150 dpi scan of the page.
        QCOMPARE(firstYearPage(m_primaryPdf), 4);
        const QImage img = pageImage(m_primaryPdf, 4, 150);
        const QString png = m_dir.filePath(QStringLiteral("qr.png"));
        QVERIFY(img.save(png));
        const auto r = runTool(QStringLiteral("ZXingReader"), {png});
        const auto m = QRegularExpression(QStringLiteral("Text:\\s+\"([^\"]+)\"")).match(QString::fromUtf8(r.out));
        QVERIFY2(m.hasMatch(), r.out.constData());
        const packet::Packet& p = m_primary.years.first();
        const QString expected = lookupUrl(QStringLiteral("https://tracuu.hocba.example/"), p.lookupCode, p.schoolYear,
                                           p.version, m_primary.packetSha256.first());
        QCOMPARE(m.captured(1), expected);
        QVERIFY(expected.contains(QStringLiteral("ma=") + p.lookupCode));
        QVERIFY(expected.contains(QStringLiteral("&nam=2020&v=1&h=")));
        const QByteArray digest = QByteArray::fromBase64(expected.section(QStringLiteral("h="), 1).toLatin1(),
                                                         QByteArray::Base64UrlEncoding);
        QCOMPARE(digest, m_primary.packetSha256.first());
    }

    /** Reddish pixels of a page: only the draft watermark is coloured. */
    int reddishPixels(const QString& pdf, int page)
    {
        const QString base = m_dir.filePath(QStringLiteral("red-%1").arg(page));
        runTool(QStringLiteral("pdftoppm"),
                {QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-f"), QString::number(page),
                 QStringLiteral("-l"), QString::number(page), QStringLiteral("-singlefile"), QStringLiteral("-png"),
                 pdf, base});
        const QImage img = QImage(base + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
        int n = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const QColor c = img.pixelColor(x, y);
                n += c.red() > c.green() + 30 ? 1 : 0;
            }
        return n;
    }

    void draftHasWatermarkOthersNot()
    {
        RenderInput draft = demo::sampleRecord({SchoolLevel::Thcs, 44, 2, true});
        const QString pdf = render(QStringLiteral("draft.pdf"), draft);
        // pdftotext splits rotated text into fragments, so look for the words' letters and for the red ink.
        const QString all = text(pdf);
        for (const QString& piece : {QStringLiteral("NH"), QStringLiteral("ÁP"), QStringLiteral("LỰ")})
            QVERIFY(all.contains(piece));
        for (int i = 1; i <= pages(pdf); ++i)
            QVERIFY2(reddishPixels(pdf, i) > 300, qPrintable(QString::number(i)));
        for (int i = 1; i <= 3; ++i)
            QCOMPARE(reddishPixels(m_thcsPdf, i), 0);
        QVERIFY(!text(m_thcsPdf).contains(QStringLiteral("ÁP")));
    }

    void longCommentStaysInsideItsCell()
    {
        RenderInput in = demo::sampleRecord({SchoolLevel::Primary, 9, 1});
        const int before = recordPageCount(in).value();
        QString longComment;
        for (int i = 0; i < 180; ++i)
            longComment += QStringLiteral("Emchămchỉ%1 tiếnbộ rõrệt ").arg(i);
        in.years[0].inputs.subjects[0].comment = longComment;
        const QString pdf = render(QStringLiteral("long.pdf"), in);
        QVERIFY(pages(pdf) > before);
        const QString html = m_dir.filePath(QStringLiteral("long.html"));
        runTool(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, html});
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString box = QString::fromUtf8(f.readAll());
        // The Nhận xét column: left margin + the widths before it, to its right edge (mm → pt).
        const TableLayout& t = primaryBookLayout().subjects;
        const double mmToPt = 72.0 / 25.4;
        const double colLeft = (primaryBookLayout().marginLeftMm + t.widthMm() - t.columns.last().widthMm) * mmToPt;
        const double colRight = (primaryBookLayout().marginLeftMm + t.widthMm()) * mmToPt;
        const double pageBottom
            = (297.0 - primaryBookLayout().marginBottomMm - primaryBookLayout().footerHeightMm) * mmToPt;
        QRegularExpression word(QStringLiteral(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">(Emchămchỉ\\d+|rõrệt)"));
        int words = 0;
        for (auto it = word.globalMatch(box); it.hasNext();) {
            const auto m = it.next();
            ++words;
            QVERIFY2(m.captured(1).toDouble() >= colLeft - 0.5, qPrintable(m.captured(0)));
            QVERIFY2(m.captured(3).toDouble() <= colRight + 0.5, qPrintable(m.captured(0)));
            QVERIFY2(m.captured(4).toDouble() <= pageBottom + 0.5, qPrintable(m.captured(0)));
        }
        QVERIFY(words >= 200);
    }

    void duplexStartsYearsOnRightHandPages()
    {
        RenderOptions o;
        o.duplexBlankPages = true;
        const QString pdf = render(QStringLiteral("duplex.pdf"), m_primary, o);
        const int n = pages(pdf);
        QCOMPARE(n % 2, 0);
        for (int i = 1; i <= n; ++i) {
            const QString t = text(pdf, i);
            if (t.contains(QStringLiteral("KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN")))
                QVERIFY2(i % 2 == 1, qPrintable(QString::number(i)));
        }
    }

    /**
     * A transferred-in record (docs/transfer.md): the earlier school's year is in the book as received, its signed
     * PDF's pages unchanged after a page that names that school, the study history lists that school first, and the
     * page numbers count the received pages.
     */
    void receivedYearPrintsAsReceived()
    {
        const RenderInput both = demo::sampleRecord({SchoolLevel::Primary, 77, 2});
        const QString oldSchool = QStringLiteral("Trường Tiểu học Kim Đồng");
        packet::Packet earlier = both.years[0];
        earlier.school.name = oldSchool;
        earlier.studyHistory = {both.years[0].studyHistory.first()};
        earlier.studyHistory.first().schoolName = oldSchool;
        RenderInput earlierBook;
        earlierBook.years = {earlier};
        earlierBook.packetSha256 = {both.packetSha256[0]};
        auto signedPdf = renderRecordPdf(earlierBook);
        QVERIFY(signedPdf);
        const QString original = write(QStringLiteral("received-original.pdf"), *signedPdf);
        const int receivedPages = pages(original);
        QVERIFY(receivedPages >= 3);

        RenderInput in;
        in.years = {both.years[1]};
        in.years.first().studyHistory = {both.years[1].studyHistory.last()};
        in.packetSha256 = {both.packetSha256[1]};
        const QString ownSchool = in.years.first().school.name;
        QVERIFY(ownSchool != oldSchool);
        in.received = {ReceivedYear {earlier, both.packetSha256[0], oldSchool, *signedPdf}};
        const QString book = render(QStringLiteral("received-book.pdf"), in);
        QVERIFY(!book.isEmpty());
        const int n = pages(book);
        QCOMPARE(recordPageCount(in).value_or(-1), n);

        // Cover, instructions, information page, the page before the received year, its pages, then this school's year.
        const int divider = 4;
        const QString before = text(book, divider).simplified();
        QVERIFY2(before.contains(QStringLiteral("nhận từ %1, do %1 ký số").arg(oldSchool)), qPrintable(before));
        QVERIFY(before.contains(earlier.schoolYear.toString()));
        QVERIFY(before.contains(QStringLiteral("Sau trang này là %1 trang nguyên văn").arg(receivedPages)));
        for (int k = 1; k <= receivedPages; ++k) {
            QCOMPARE(text(book, divider + k), text(original, k));
            const QImage got = pageImage(book, divider + k, 50);
            const QImage want = pageImage(original, k, 50);
            QVERIFY(!want.isNull());
            QVERIFY2(got == want, qPrintable(QStringLiteral("received page %1 differs").arg(k)));
        }
        QVERIFY(text(book, divider + receivedPages + 1).contains(QStringLiteral("KẾT QUẢ HỌC TẬP")));
        QVERIFY(text(book, n).contains(QStringLiteral("Trang %1/%1").arg(n)));

        // The study history: the earlier school's year and class, then this school's.
        const QString history = text(book, 3).simplified();
        const qsizetype oldRow = history.indexOf(oldSchool);
        const qsizetype ownRow = history.indexOf(ownSchool, oldRow + 1);
        QVERIFY2(oldRow >= 0 && ownRow > oldRow, qPrintable(history));
        QVERIFY(history.contains(earlier.className));
        QVERIFY(history.contains(earlier.schoolYear.toString()));

        // Years in school-year order whatever the input order; duplex keeps each year on a right-hand page.
        RenderOptions duplex;
        duplex.duplexBlankPages = true;
        const QString duplexBook = render(QStringLiteral("received-duplex.pdf"), in, duplex);
        for (int i = 1; i <= pages(duplexBook); ++i)
            if (text(duplexBook, i).contains(QStringLiteral("KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN"))
                && !text(duplexBook, i).contains(oldSchool))
                QVERIFY2(i % 2 == 1, qPrintable(QString::number(i)));

        // A device other than the PDF writer (a printer) needs the pages as images, and gets each one.
        QByteArray printed;
        QBuffer buffer(&printed);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter printer(&buffer);
        QVERIFY(!paintRecord(printer, in));
        RenderOptions withImages;
        int asked = 0;
        withImages.receivedPageImage = [&](const QByteArray& pdf, int page, QSize pixels) {
            asked += pdf == *signedPdf && page == asked ? 1 : 100;
            QImage image(pixels, QImage::Format_RGB32);
            image.fill(Qt::white);
            return image;
        };
        QBuffer buffer2(&printed);
        buffer2.open(QIODevice::WriteOnly);
        QPdfWriter printer2(&buffer2);
        QVERIFY(paintRecord(printer2, in, withImages));
        QCOMPARE(asked, receivedPages);

        // A received year of another record, or a PDF that is not one, is refused.
        RenderInput other = in;
        other.received.first().packet.lookupCode = QString(32, QLatin1Char('0'));
        QVERIFY(!renderRecordPdf(other));
        RenderInput broken = in;
        broken.received.first().signedPdf = "not a pdf";
        QVERIFY(!renderRecordPdf(broken));
    }

    /** A record that has only received years so far (no class chosen on receipt) prints them. */
    void onlyReceivedYears()
    {
        const RenderInput one = demo::sampleRecord({SchoolLevel::Thcs, 78, 1});
        auto pdf = renderRecordPdf(one);
        QVERIFY(pdf);
        RenderInput in;
        in.received = {ReceivedYear {one.years.first(), one.packetSha256.first(), one.years.first().school.name, *pdf}};
        const QString book = render(QStringLiteral("only-received.pdf"), in);
        QVERIFY(!book.isEmpty());
        const QString original = write(QStringLiteral("only-received-original.pdf"), *pdf);
        // Cover, instructions, information, study history (THCS: a page of its own), the received year's page.
        QCOMPARE(pages(book), 5 + pages(original));
    }

    void batchOf50OnTwoThreads()
    {
        QList<RenderJob> jobs;
        for (int i = 0; i < 50; ++i)
            jobs.append(
                {[i]() -> Result<RenderInput> {
                     return demo::sampleRecord({i % 2 ? SchoolLevel::Thcs : SchoolLevel::Primary, quint64(100 + i)});
                 },
                 {}});
        jobs.append({[]() -> Result<RenderInput> { return RenderInput {}; }, {}}); // fails with a reason
        std::atomic_int calls = 0;
        BatchOptions o;
        o.threads = 2;
        o.progress = [&](int, int) { ++calls; };
        const QList<RenderOutcome> out = renderBatch(jobs, o);
        QCOMPARE(out.size(), 51);
        QCOMPARE(calls.load(), 51);
        for (int i = 0; i < 50; ++i)
            QVERIFY2(out[i].status && out[i].pdf.startsWith("%PDF"), qPrintable(QString::number(i)));
        QVERIFY(!out[50].status);
        QCOMPARE(out[50].status.error().code, ErrorCode::InvalidInput);
        // Deterministic: the batch's text equals a lone render's.
        const QString a = text(write(QStringLiteral("b0.pdf"), out[0].pdf));
        const QString b = text(render(QStringLiteral("s0.pdf"), demo::sampleRecord({SchoolLevel::Primary, 100})));
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, b);

        std::atomic_bool cancel = true;
        o.cancel = &cancel;
        const QList<RenderOutcome> cancelled = renderBatch(jobs.mid(0, 3), o);
        QCOMPARE(cancelled[0].status.error().code, ErrorCode::Cancelled);
    }
};

QTEST_MAIN(TestRecordRender)
#include "TestRecordRender.moc"

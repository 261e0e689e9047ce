// SPDX-License-Identifier: GPL-3.0-or-later
// The book's layout (issue 13, docs/layout.md): every page type with the longest realistic content has no text over
// other text and no signature block without results; a signed year shows its signature appearance, its date of
// signing and its own people, a draft none of them; the draft watermark, the cover, duplex margins, the place line;
// and the demo books' page counts (THCS: one page a year; primary: two).
#include "RenderTestUtil.h"

#include "demo/SampleRecord.h"
#include "domain/Curriculum.h"
#include "domain/PrintedText.h"
#include "render/BookLayout.h"
#include "render/RecordRenderer.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace hocba;
using namespace hocba::render;
using hocba::test::runTool;

namespace {

struct Word
{
    QRectF box; ///< in PDF points
    QString text;
};

/** `pdftotext -bbox`: each page's words with their boxes. */
QList<QList<Word>> wordsOf(const QString& pdf)
{
    const QString html = QString::fromUtf8(
        runTool(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")}).out);
    QList<QList<Word>> pages;
    static const QRegularExpression tag(QStringLiteral("<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" "
                                                       "xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>"));
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(0).startsWith(QLatin1String("<page"))) {
            pages.append(QList<Word>());
            continue;
        }
        if (pages.isEmpty())
            continue;
        const QPointF a(m.captured(1).toDouble(), m.captured(2).toDouble());
        const QPointF b(m.captured(3).toDouble(), m.captured(4).toDouble());
        pages.last().append({QRectF(a, b), m.captured(5)});
    }
    return pages;
}

QString pageText(const QString& pdf, int page)
{
    return QString::fromUtf8(runTool(QStringLiteral("pdftotext"),
                                     {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                      QString::number(page), QStringLiteral("-layout"), pdf, QStringLiteral("-")})
                                 .out);
}

int pageCount(const QString& pdf)
{
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {pdf}).out);
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

/** Realistic comment text of exactly `length` characters (words of a teacher's comment, cut at a word). */
QString longComment(int length, int seed)
{
    static const QStringList words {
        QStringLiteral("Em"),      QStringLiteral("chăm"),   QStringLiteral("chỉ,"),   QStringLiteral("tiến"),
        QStringLiteral("bộ"),      QStringLiteral("rõ"),     QStringLiteral("rệt"),    QStringLiteral("trong"),
        QStringLiteral("học"),     QStringLiteral("kì"),     QStringLiteral("II;"),    QStringLiteral("tích"),
        QStringLiteral("cực"),     QStringLiteral("phát"),   QStringLiteral("biểu"),   QStringLiteral("xây"),
        QStringLiteral("dựng"),    QStringLiteral("bài,"),   QStringLiteral("hợp"),    QStringLiteral("tác"),
        QStringLiteral("tốt"),     QStringLiteral("với"),    QStringLiteral("bạn"),    QStringLiteral("bè"),
        QStringLiteral("nhưng"),   QStringLiteral("cần"),    QStringLiteral("cẩn"),    QStringLiteral("thận"),
        QStringLiteral("hơn"),     QStringLiteral("khi"),    QStringLiteral("trình"),  QStringLiteral("bày"),
        QStringLiteral("nghiêng"), QStringLiteral("nghiệm"), QStringLiteral("thường"), QStringLiteral("xuyên.")};
    QString text;
    for (int i = seed; text.size() < length; ++i)
        text += words[i % words.size()] + QLatin1Char(' ');
    text = text.left(length - 1);
    return text + QLatin1Char('.');
}

QImage sealImage()
{
    QImage image(300, 300, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(200, 20, 20), 14));
    p.drawEllipse(QRectF(10, 10, 280, 280));
    p.drawEllipse(QRectF(60, 60, 180, 180));
    return image;
}

packet::SignatureAppearance appearance(const QString& holder, const QDateTime& at)
{
    return {holder, QStringLiteral("Hiệu trưởng"), QStringLiteral("VNPT Certification Authority"), at};
}

const QString kLongName = QStringLiteral("Tôn Nữ Hoàng Phương Thảo Nguyên Khánh Ngọc Minh An");

/** Every field and optional line filled with the longest realistic content, every year signed. */
RenderInput longestRecord(SchoolLevel level)
{
    RenderInput in = demo::sampleRecord({level, 31});
    int seed = 0;
    for (packet::Packet& p : in.years) {
        p.student.fullName = kLongName;
        p.student.address = longComment(120, 3);
        p.student.registrationNumber = QStringLiteral("125/2021");
        p.school.name = QStringLiteral("Trường Trung học cơ sở Nguyễn Đình Chiểu - Phân hiệu Đông Anh");
        p.school.province = QStringLiteral("Thành phố Hà Nội");
        p.principalName = QStringLiteral("Nguyễn Thị Thanh Hương Giang");
        p.homeroomTeacherName = QStringLiteral("Trương Công Hoàng Bảo Khánh");
        p.correctedPlaces = 12;
        p.principalSignature = appearance(QStringLiteral("NGUYỄN THỊ THANH HƯƠNG GIANG"),
                                          QDateTime(QDate(p.schoolYear.startYear + 1, 5, 30), QTime(2, 5), Qt::UTC));
        StudentYearInput& i = p.inputs;
        for (SubjectEntry& e : i.subjects) {
            const QString c = longComment(400, ++seed);
            e.comment = c;
            e.hk1.comment = c;
            e.hk2.comment = c;
            e.teacherName = QStringLiteral("Nguyễn Thị Thanh Hương Giang");
            if (e.code == QLatin1String("ngoai_ngu_1"))
                e.languageName = QStringLiteral("Tiếng Anh");
        }
        for (const QString& code : primaryQualities())
            i.qualityComments[code] = longComment(400, ++seed);
        for (const QString& code : primaryCompetencies())
            i.competencyComments[code] = longComment(400, ++seed);
        i.comment = longComment(400, ++seed);
        i.heightCm = QStringLiteral("132,5");
        i.weightKg = QStringLiteral("28.4");
        i.absencesExcused = QStringLiteral("3");
        i.absencesUnexcused = QStringLiteral("1");
        i.certificates = {QStringLiteral("Chứng chỉ tiếng Anh Cambridge Flyers, 12 khiên, Hội đồng Khảo thí Cambridge"),
                          QStringLiteral("Chứng chỉ Tin học trẻ cấp thành phố, tháng 05/2024")};
        i.competitions = {QStringLiteral("Giải Nhì cuộc thi Viết chữ đẹp cấp thành phố Hà Nội năm học 2023-2024"),
                          QStringLiteral("Huy chương Bạc Hội khỏe Phù Đổng cấp cụm, môn Cờ vua")};
    }
    return in;
}

QString renderTo(const QTemporaryDir& dir, const QString& name, const RenderInput& in, const RenderOptions& o = {})
{
    auto pdf = renderRecordPdf(in, o);
    if (!pdf)
        return QString();
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QString();
    f.write(*pdf);
    return path;
}

/** Names of results a year's signature block must share its page with: subjects, qualities and competencies. */
QStringList resultWords(const RenderInput& in)
{
    QStringList names {QStringLiteral("Kết quả rèn luyện")};
    for (const packet::Packet& p : in.years)
        for (const CurriculumSubject& c : curriculumOfGrade(p.grade))
            names << printedSubjectName(c.code);
    for (const QString& code : primaryQualities() + primaryCompetencies())
        names << printedTraitName(code);
    return names;
}

/** Reddish pixels of a page at 30 dpi: only the draft watermark is red (no seal in these books). */
int reddishPixels(const QTemporaryDir& dir, const QString& pdf, int page)
{
    const QString base = dir.filePath(QStringLiteral("red-%1").arg(page));
    runTool(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-f"), QString::number(page),
             QStringLiteral("-l"), QString::number(page), QStringLiteral("-singlefile"), QStringLiteral("-png"), pdf,
             base});
    const QImage img = QImage(base + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor c = img.pixelColor(x, y);
            n += c.red() > c.green() + 30 ? 1 : 0;
        }
    return img.isNull() ? -1 : n;
}

} // namespace

class TestBookLayout : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // HOCBA_KEEP_TEST_PDFS=1: keep the PDFs to look at (the directory is printed).
        if (qEnvironmentVariableIntValue("HOCBA_KEEP_TEST_PDFS") == 1) {
            m_dir.setAutoRemove(false);
            qInfo("PDFs in %s", qPrintable(m_dir.path()));
        }
    }

    /**
     * Cover, instructions, information page, study history, year pages, duplex blank pages: with a 50-character
     * name, 400-character comments in every comment cell, every optional line, certificates, competitions, a
     * signature appearance and a seal, no word's box overlaps another's, and every page with a year's signature
     * block also shows results.
     */
    void longestContentNeverOverprints_data()
    {
        QTest::addColumn<int>("level");
        QTest::newRow("primary") << int(SchoolLevel::Primary);
        QTest::newRow("thcs") << int(SchoolLevel::Thcs);
    }

    void longestContentNeverOverprints()
    {
        QFETCH(int, level);
        QCOMPARE(kLongName.size(), 50);
        const RenderInput in = longestRecord(SchoolLevel(level));
        RenderOptions o;
        o.sealImage = sealImage();
        o.duplexBlankPages = true;
        const QString pdf = renderTo(m_dir, QStringLiteral("longest-%1.pdf").arg(level), in, o);
        QVERIFY(!pdf.isEmpty());
        const QList<QList<Word>> pages = wordsOf(pdf);
        QCOMPARE(pages.size(), pageCount(pdf));
        const QStringList results = resultWords(in);
        int signatureBlocks = 0;
        int appearances = 0;
        for (qsizetype n = 0; n < pages.size(); ++n) {
            const QList<Word>& words = pages[n];
            for (qsizetype a = 0; a < words.size(); ++a)
                for (qsizetype b = a + 1; b < words.size(); ++b) {
                    const QRectF overlap = words[a].box.intersected(words[b].box);
                    // Neighbouring lines' boxes may touch; text printed over text overlaps by more than a point.
                    QVERIFY2(overlap.width() < 1.0 || overlap.height() < 1.0,
                             qPrintable(QStringLiteral("page %1: \"%2\" overlaps \"%3\"")
                                            .arg(n + 1)
                                            .arg(words[a].text, words[b].text)));
                }
            const QString text = pageText(pdf, int(n) + 1);
            const QString flat = text.simplified();
            if (flat.contains(QStringLiteral("Phê duyệt của Hiệu trưởng"))
                || flat.contains(QStringLiteral("Xác nhận của Hiệu trưởng"))) {
                ++signatureBlocks;
                bool hasResults = false;
                for (const QString& r : results)
                    hasResults = hasResults || text.contains(r);
                QVERIFY2(hasResults,
                         qPrintable(QStringLiteral("page %1 has signatures only: %2").arg(n + 1).arg(flat)));
            }
            appearances += int(flat.count(QStringLiteral("Ký số bởi: NGUYỄN THỊ THANH HƯƠNG GIANG")));
        }
        QCOMPARE(signatureBlocks, in.years.size());
        QCOMPARE(appearances, in.years.size() + 1); // each year and the information page
        // -raw: a wrapped value's lines one after another.
        const QString all
            = QString::fromUtf8(
                  runTool(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")}).out)
                  .simplified();
        for (const QString& v : {QStringLiteral("Chiều cao"), QStringLiteral("Ngoại ngữ 1 (Tiếng"),
                                 QStringLiteral("Trong trang này có sửa chữa ở 12 chỗ."), QStringLiteral("Chứng chỉ:"),
                                 QStringLiteral("Cuộc thi:"), QStringLiteral("Huy chương Bạc Hội khỏe Phù Đổng"),
                                 QStringLiteral("HƯỚNG DẪN GHI HỌC BẠ"), QStringLiteral("(Đã ký số)")})
            if (level == int(SchoolLevel::Primary) || v != QStringLiteral("Chiều cao"))
                QVERIFY2(all.contains(v), qPrintable(v));
        if (level == int(SchoolLevel::Thcs))
            QVERIFY(all.contains(QStringLiteral("Số sổ đăng bộ: 125/2021")));
        else
            QVERIFY(all.contains(QStringLiteral("Chiều cao: 132,5 cm")));
    }

    /**
     * A signed year shows who signed and when (Vietnam time) in its principal's block, its date of signing and its
     * own principal and homeroom teacher; a draft year shows no appearance and a blank date line.
     */
    void signedYearShowsItsSignatureDraftNone()
    {
        RenderInput in = demo::sampleRecord({SchoolLevel::Thcs, 51, 2});
        packet::Packet& signedYear = in.years[0];
        signedYear.principalName = QStringLiteral("Lê Văn Hiệu");
        signedYear.homeroomTeacherName = QStringLiteral("Phạm Thị Chủ");
        // 18:30 UTC on 31/05 is 01:30 on 01/06 in Hà Nội.
        signedYear.principalSignature
            = appearance(QStringLiteral("LÊ VĂN HIỆU"), QDateTime(QDate(2022, 5, 31), QTime(18, 30), Qt::UTC));
        signedYear.createdAt = QDateTime(QDate(2026, 12, 3), QTime(8, 0), Qt::UTC); // never the printed date
        packet::Packet& draft = in.years[1];
        draft.draft = true;
        draft.principalName = QStringLiteral("Đỗ Thị Mới");
        draft.homeroomTeacherName = QStringLiteral("Vũ Văn Năm");
        const QString pdf = renderTo(m_dir, QStringLiteral("signed-draft.pdf"), in);
        QVERIFY(!pdf.isEmpty());
        int signedPage = 0, draftPage = 0;
        for (int i = 1; i <= pageCount(pdf); ++i) {
            const QString t = pageText(pdf, i);
            if (t.contains(QStringLiteral("Năm học: 2021-2022")))
                signedPage = i;
            if (t.contains(QStringLiteral("Năm học: 2022-2023")))
                draftPage = i;
        }
        QVERIFY(signedPage > 0 && draftPage > signedPage);
        // Plain pdftotext, as `verify` reads it: each line of the appearance whole.
        auto plain = [&](int page) {
            return QString::fromUtf8(runTool(QStringLiteral("pdftotext"),
                                             {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                              QString::number(page), pdf, QStringLiteral("-")})
                                         .out);
        };
        const QString s = plain(signedPage);
        for (const QString& v : {QStringLiteral("Ký số bởi: LÊ VĂN HIỆU"), QStringLiteral("Chức vụ: Hiệu trưởng"),
                                 QStringLiteral("Thời gian ký: 01/06/2022 01:30"),
                                 QStringLiteral("Đơn vị cấp: VNPT Certification Authority"),
                                 QStringLiteral("Hà Nội, ngày 01 tháng 06 năm 2022"), QStringLiteral("Lê Văn Hiệu"),
                                 QStringLiteral("Phạm Thị Chủ"), QStringLiteral("(Đã ký số)")})
            QVERIFY2(s.contains(v), qPrintable(v + QStringLiteral(" in ") + s));
        QVERIFY(!s.contains(QStringLiteral("(Ký, ghi rõ họ tên và đóng dấu)")));
        QVERIFY(!s.contains(QStringLiteral("năm 2026")));
        QVERIFY(QRegularExpression(QStringLiteral("Thời gian ký: \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\n"))
                    .match(s)
                    .hasMatch());
        const QString d = plain(draftPage);
        QVERIFY(!d.contains(QStringLiteral("Ký số bởi")));
        QVERIFY(!d.contains(QStringLiteral("Thời gian ký")));
        QVERIFY2(d.contains(QStringLiteral("Hà Nội, ngày …… tháng …… năm 20……")), qPrintable(d));
        QVERIFY(d.contains(QStringLiteral("Đỗ Thị Mới")) && d.contains(QStringLiteral("Vũ Văn Năm")));
        QVERIFY(!d.contains(QStringLiteral("Lê Văn Hiệu")));
        QVERIFY(d.contains(QStringLiteral("(Ký, ghi rõ họ tên và đóng dấu)")));

        // The watermark only on the draft section's pages, and on the cover and information page made from it.
        QCOMPARE(reddishPixels(m_dir, pdf, signedPage), 0);
        QVERIFY(reddishPixels(m_dir, pdf, draftPage) > 300);
        QVERIFY(reddishPixels(m_dir, pdf, 1) > 300);
        in.years[1].draft = false;
        const QString signedBook = renderTo(m_dir, QStringLiteral("all-signed.pdf"), in);
        for (int i = 1; i <= pageCount(signedBook); ++i)
            QCOMPARE(reddishPixels(m_dir, signedBook, i), 0);
    }

    /** The cover has no running header; no district line; the place as the form writes it; THCS cover wording. */
    void coverAndPlace()
    {
        RenderInput in = demo::sampleRecord({SchoolLevel::Thcs, 52, 1});
        in.years[0].school.province = QStringLiteral("Thành phố Hồ Chí Minh");
        in.years[0].student.registrationNumber = QStringLiteral("37/2021");
        const QString pdf = renderTo(m_dir, QStringLiteral("hcm.pdf"), in);
        const QString cover = pageText(pdf, 1).simplified();
        QVERIFY2(!cover.contains(QStringLiteral("Mã tra cứu:")), qPrintable(cover));
        QVERIFY(cover.contains(QStringLiteral("Mã tra cứu học bạ:")));
        QVERIFY(!cover.contains(QStringLiteral("Huyện")));
        QVERIFY(cover.contains(QStringLiteral("TRUNG HỌC CƠ SỞ")));
        QVERIFY(cover.contains(QStringLiteral("Số sổ đăng bộ: 37/2021")));
        QVERIFY2(cover.contains(QStringLiteral("Tỉnh (Thành phố): Hồ Chí Minh")), qPrintable(cover));
        QVERIFY(pageText(pdf, 2).contains(QStringLiteral("Mã tra cứu:")));
        const QString all = QString::fromUtf8(runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).out);
        QVERIFY(all.contains(QStringLiteral("TP. Hồ Chí Minh, ngày 28 tháng 05 năm 2022")));
        in.years[0].school.province = QStringLiteral("Tỉnh Lâm Đồng");
        const QString lamDong = QString::fromUtf8(
            runTool(QStringLiteral("pdftotext"), {renderTo(m_dir, QStringLiteral("ld.pdf"), in), QStringLiteral("-")})
                .out);
        QVERIFY(lamDong.contains(QStringLiteral("Lâm Đồng, ngày 28 tháng 05 năm 2022")));
        QVERIFY(!lamDong.contains(QStringLiteral("Tỉnh Lâm Đồng, ngày")));
    }

    /** A name too long for the running header is shortened with an ellipsis and never reaches the lookup code. */
    void longNameShortenedInHeader()
    {
        RenderInput in = demo::sampleRecord({SchoolLevel::Primary, 54, 1});
        for (packet::Packet& p : in.years)
            p.student.fullName = kLongName + QStringLiteral(" Nguyễn Phúc Vĩnh Thụy Bảo Đại");
        const QString pdf = renderTo(m_dir, QStringLiteral("long-name.pdf"), in);
        const QList<QList<Word>> pages = wordsOf(pdf);
        QVERIFY(pages.size() >= 3);
        for (int n = 1; n < pages.size(); ++n) {
            const QString header = pageText(pdf, n + 1).section(QLatin1Char('\n'), 0, 0);
            QVERIFY2(header.contains(QStringLiteral("…")) && header.contains(QStringLiteral("Mã tra cứu:")),
                     qPrintable(header));
            QVERIFY(header.contains(groupedLookupCode(in.years[0].lookupCode)));
            // The header's words, above its rule, never overlap.
            QList<Word> top;
            for (const Word& w : pages[n])
                if (w.box.bottom() < (primaryBookLayout().marginTopMm + 5) * 72.0 / 25.4)
                    top.append(w);
            for (qsizetype a = 0; a < top.size(); ++a)
                for (qsizetype b = a + 1; b < top.size(); ++b)
                    QVERIFY(top[a].box.intersected(top[b].box).width() < 1.0);
        }
    }

    /** Duplex: an even page is a sheet's back, its wide (binding) margin on the right. */
    void duplexMirrorsMargins()
    {
        RenderOptions o;
        o.duplexBlankPages = true;
        const RenderInput in = demo::sampleRecord({SchoolLevel::Primary, 53, 1});
        const QString pdf = renderTo(m_dir, QStringLiteral("mirror.pdf"), in, o);
        const QList<QList<Word>> pages = wordsOf(pdf);
        QVERIFY(pages.size() >= 4);
        auto footerX = [&](int index) {
            for (const Word& w : pages[index])
                if (w.text == QLatin1String("Trang"))
                    return w.box.left();
            return -1.0;
        };
        const double shift = (primaryBookLayout().marginLeftMm - primaryBookLayout().marginRightMm) * 72.0 / 25.4;
        QVERIFY(footerX(1) > 0 && footerX(2) > 0);
        QVERIFY2(qAbs(footerX(2) - footerX(1) - shift) < 0.5,
                 qPrintable(QStringLiteral("%1 %2").arg(footerX(1)).arg(footerX(2))));
        // Without duplex the pages do not move.
        const QList<QList<Word>> plain = wordsOf(renderTo(m_dir, QStringLiteral("nomirror.pdf"), in));
        double x1 = -1, x2 = -2;
        for (const Word& w : plain[1])
            x1 = w.text == QLatin1String("Trang") ? w.box.left() : x1;
        for (const Word& w : plain[2])
            x2 = w.text == QLatin1String("Trang") ? w.box.left() : x2;
        QVERIFY(qAbs(x1 - x2) < 0.5);
    }

    /**
     * The demo books: a THCS year on one page, a primary year on two (the second with section 3, the closing lines
     * and the signatures), with no repeated table header; the instructions page can be left out.
     */
    void demoBooksPageCounts()
    {
        for (quint64 seed = 1; seed <= 6; ++seed) {
            RenderInput thcs = demo::sampleRecord({SchoolLevel::Thcs, seed});
            QCOMPARE(recordPageCount(thcs).value_or(-1), 4 + 4); // cover, instructions, information, history
            // Still one page a year with the new lines of a typical year: teachers, language, a certificate and a
            // competition, corrections, the signature appearance.
            for (packet::Packet& p : thcs.years) {
                for (SubjectEntry& e : p.inputs.subjects) {
                    e.teacherName = QStringLiteral("Nguyễn Thị Thanh Hương");
                    if (e.code == QLatin1String("ngoai_ngu_1"))
                        e.languageName = QStringLiteral("Tiếng Anh");
                }
                p.inputs.certificates = {QStringLiteral("Chứng chỉ tiếng Anh A2 (KET), 05/2024")};
                p.inputs.competitions = {QStringLiteral("Giải Ba Olympic Toán cấp thành phố")};
                p.correctedPlaces = 2;
                p.principalSignature = appearance(p.principalName.toUpper(), p.createdAt);
            }
            if (seed == 1)
                QVERIFY(!renderTo(m_dir, QStringLiteral("typical-thcs.pdf"), thcs).isEmpty());
            QCOMPARE(recordPageCount(thcs).value_or(-1), 4 + 4);
            const RenderInput primary = demo::sampleRecord({SchoolLevel::Primary, seed});
            QCOMPARE(recordPageCount(primary).value_or(-1), 3 + 5 * 2);
            RenderOptions without;
            without.instructionsPage = false;
            QCOMPARE(recordPageCount(primary, without).value_or(-1), 2 + 5 * 2);
        }
        const RenderInput primary = demo::sampleRecord({SchoolLevel::Primary, 3});
        const QString pdf = renderTo(m_dir, QStringLiteral("primary-demo.pdf"), primary);
        for (int i = 4; i <= pageCount(pdf); ++i) {
            const QString t = pageText(pdf, i);
            // Each table's header once: "Năng lực" heads 3.1 and 3.2, both on the year's second page.
            if (t.contains(QStringLiteral("3.2. Những năng lực đặc thù"))) {
                QCOMPARE(int(t.count(QStringLiteral("Năng lực "))), 2);
                QVERIFY(t.contains(QStringLiteral("Xác nhận của Hiệu trưởng")));
                QVERIFY(t.contains(QStringLiteral("Thể chất")));
            }
        }
    }
};

QTEST_MAIN(TestBookLayout)
#include "TestBookLayout.moc"

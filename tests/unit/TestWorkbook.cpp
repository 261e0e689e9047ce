// SPDX-License-Identifier: GPL-3.0-or-later
// sheets::readXlsx, readXls and readFile: workbooks as schools export them (written here with libxlsxwriter and
// xlwt), and hostile ones built byte by byte with libzip: a zip bomb, lying headers, a DOCTYPE, a cut file, a
// password, caps. No workbook is committed: every fixture is made by the test.
#include "sheets/Workbook.h"
#include "sheets/Xls.h"
#include "sheets/Xlsx.h"
#include "sheets/XlsxWriter.h"

#include "WorkbookFixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <xlsxwriter.h>

using namespace hocba;

namespace {

using test::minimalXlsx;
using test::worksheetXml;

QString message(const Result<QList<sheets::Sheet>>& read)
{
    return read ? QStringLiteral("(read)") : read.error().message + u" / "_qs + read.error().detail;
}

} // namespace

class TestWorkbook : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    /** A class list as a school keeps it: merged title rows, a blank row, the header, a blank row among the data. */
    QByteArray schoolWorkbook()
    {
        const QString path = m_dir.filePath(QStringLiteral("lop6a1.xlsx"));
        lxw_workbook* wb = workbook_new(QFile::encodeName(path).constData());
        lxw_worksheet* ws = workbook_add_worksheet(wb, "Lớp 6A1");
        lxw_format* date = workbook_add_format(wb);
        format_set_num_format(date, "dd/mm/yyyy");
        lxw_format* customDate = workbook_add_format(wb);
        format_set_num_format(customDate, "d\" tháng \"m\" năm \"yyyy");
        lxw_format* padded = workbook_add_format(wb);
        format_set_num_format(padded, "000000000000");
        lxw_format* bold = workbook_add_format(wb);
        format_set_bold(bold);
        worksheet_merge_range(ws, 0, 0, 0, 6, "SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI", nullptr);
        worksheet_merge_range(ws, 1, 0, 1, 6, "DANH SÁCH HỌC SINH LỚP 6A1", nullptr);
        const char* header[]
            = {"STT", "Mã định danh Bộ GD&ĐT", "Họ và tên", "Ngày sinh", "Điểm", "Số định danh cá nhân", "Ghi chú"};
        for (lxw_col_t c = 0; c < 7; ++c)
            worksheet_write_string(ws, 3, c, header[c], bold);
        worksheet_write_number(ws, 4, 0, 1, nullptr);
        worksheet_write_string(ws, 4, 1, "0100000001", nullptr);
        worksheet_write_string(ws, 4, 2, QStringLiteral("Nguyễn Văn An").toUtf8().constData(), nullptr);
        lxw_datetime born {2013, 3, 5, 0, 0, 0};
        worksheet_write_datetime(ws, 4, 3, &born, date);
        worksheet_write_number(ws, 4, 4, 8.5, nullptr);
        worksheet_write_number(ws, 4, 5, 1213000001, padded);
        worksheet_write_formula_num(ws, 4, 6, "=1+1", nullptr, 2);
        // row 6 (index 5) stays empty
        worksheet_write_number(ws, 6, 0, 2, nullptr);
        const QString nfd = QStringLiteral("Trần Thị Bích").normalized(QString::NormalizationForm_D);
        worksheet_write_string(ws, 6, 2, nfd.toUtf8().constData(), nullptr);
        worksheet_write_number(ws, 6, 3, 41590.75, customDate); // 12/11/2013 18:00
        worksheet_write_number(ws, 6, 4, 8.4999999999, nullptr);
        worksheet_write_boolean(ws, 6, 6, 1, nullptr);
        lxw_worksheet* other = workbook_add_worksheet(wb, "Ghi chú");
        worksheet_write_number(other, 0, 0, 7.0, nullptr);
        worksheet_write_number(other, 1, 1, 0.1 + 0.2, nullptr);
        worksheet_write_number(other, 2, 0, 123456789012345.0, nullptr);
        lxw_rich_string_tuple family {bold, const_cast<char*>("Lê Thị ")};
        lxw_rich_string_tuple given {nullptr, const_cast<char*>("Hà")};
        lxw_rich_string_tuple* runs[] = {&family, &given, nullptr};
        worksheet_write_rich_string(other, 3, 0, runs, nullptr);
        if (workbook_close(wb) != LXW_NO_ERROR)
            return {};
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void readsASchoolWorkbook()
    {
        const QByteArray bytes = schoolWorkbook();
        QVERIFY(!bytes.isEmpty());
        const auto read = sheets::readXlsx(bytes);
        QVERIFY2(read, qPrintable(message(read)));
        QCOMPARE(read->size(), 2);
        const sheets::Sheet& list = read->at(0);
        QCOMPARE(list.name, QStringLiteral("Lớp 6A1"));
        QCOMPARE(list.rows.size(), 7);
        for (int i = 0; i < list.rows.size(); ++i)
            QCOMPARE(list.rows.at(i).number, i + 1);
        QCOMPARE(list.rows.at(0).cells, QStringList {QStringLiteral("SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ NỘI")});
        QCOMPARE(list.rows.at(1).cell(0), QStringLiteral("DANH SÁCH HỌC SINH LỚP 6A1"));
        QVERIFY(list.rows.at(2).cells.isEmpty());
        QCOMPARE(list.rows.at(3).cell(1), QStringLiteral("Mã định danh Bộ GD&ĐT"));
        QCOMPARE(list.rows.at(4).cells,
                 (QStringList {QStringLiteral("1"), QStringLiteral("0100000001"), QStringLiteral("Nguyễn Văn An"),
                               QStringLiteral("05/03/2013"), QStringLiteral("8.5"), QStringLiteral("001213000001"),
                               QStringLiteral("2")}));
        QVERIFY(list.rows.at(5).cells.isEmpty());
        const sheets::SheetRow& second = list.rows.at(6);
        QCOMPARE(second.cell(1), QString()); // a cell never written
        QCOMPARE(second.cell(2), QStringLiteral("Trần Thị Bích").normalized(QString::NormalizationForm_D));
        QCOMPARE(second.cell(3), QStringLiteral("12/11/2013"));
        QCOMPARE(second.cell(4), QStringLiteral("8.5"));
        QCOMPARE(second.cell(6), QStringLiteral("TRUE"));
        const sheets::Sheet& notes = read->at(1);
        QCOMPARE(notes.name, QStringLiteral("Ghi chú"));
        QCOMPARE(notes.rows.at(0).cell(0), QStringLiteral("7"));
        QCOMPARE(notes.rows.at(1).cell(1), QStringLiteral("0.3"));
        QCOMPARE(notes.rows.at(2).cell(0), QStringLiteral("123456789012345"));
        QCOMPARE(notes.rows.at(3).cell(0), QStringLiteral("Lê Thị Hà")); // shared rich text: its runs joined
    }

    void readsInlineAndRichTextAnd1904Dates()
    {
        const QByteArray styles
            = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\"2\">"
              "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
        const QByteArray sheet = worksheetXml(
            "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><r><t>Lê </t></r><r><t xml:space=\"preserve\">Thị </t></r>"
            "<r><t>Hà</t></r><rPh><t>ignored</t></rPh></is></c><c r=\"C2\" s=\"1\"><v>0</v></c>"
            "<c r=\"D2\" s=\"1\"><v>39873</v></c><c r=\"E2\" t=\"d\"><v>2013-03-05T00:00:00</v></c>"
            "<c r=\"F2\" t=\"e\"><v>#N/A</v></c></row>");
        const auto read = sheets::readXlsx(
            minimalXlsx(sheet, {{QStringLiteral("xl/styles.xml"), styles}}, "<workbookPr date1904=\"1\"/>"));
        QVERIFY2(read, qPrintable(message(read)));
        const sheets::Sheet& s = read->at(0);
        QCOMPARE(s.name, QStringLiteral("Trang 1"));
        QCOMPARE(s.rows.size(), 2);
        QCOMPARE(s.rows.at(1).cell(1), QStringLiteral("Lê Thị Hà"));
        QCOMPARE(s.rows.at(1).cell(2), QStringLiteral("0")); // day 0 is no date: the number stays
        QCOMPARE(s.rows.at(1).cell(3), QStringLiteral("02/03/2013")); // 1904 system: 39873 days after 01/01/1904
        QCOMPARE(s.rows.at(1).cell(4), QStringLiteral("05/03/2013"));
        QCOMPARE(s.rows.at(1).cell(5), QStringLiteral("#N/A"));
    }

    void refusesAZipBomb()
    {
        const QByteArray bomb = test::zipBombXlsx();
        QVERIFY(bomb.size() < 1024 * 1024);
        const auto read = sheets::readXlsx(bomb);
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::InvalidInput);
        QCOMPARE(read.error().detail, QStringLiteral("compression-ratio"));
        QVERIFY2(read.error().message.contains(QStringLiteral("zip bomb")), qPrintable(message(read)));

        // The same part within the ratio but beyond the total: refused before anything is unpacked.
        sheets::SheetLimits limits;
        limits.maxCompressionRatio = 100000;
        limits.maxUncompressedBytes = 16 * 1024 * 1024;
        const auto capped = sheets::readXlsx(bomb, limits);
        QVERIFY(!capped);
        QCOMPARE(capped.error().detail, QStringLiteral("uncompressed-size"));
    }

    void aLyingHeaderStopsTheUnpacking()
    {
        // Headers that state 100 bytes for an 8 MiB part: the reading stops past the stated size.
        const QByteArray zeros(8 * 1024 * 1024, ' ');
        const QByteArray lying
            = test::withStatedSize(minimalXlsx(worksheetXml({}), {{QStringLiteral("xl/sharedStrings.xml"), zeros}}),
                                   "xl/sharedStrings.xml", 100);
        const auto read = sheets::readXlsx(lying);
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::InvalidInput);
        QVERIFY2(read.error().detail.startsWith(QStringLiteral("xl/sharedStrings.xml: ")), qPrintable(message(read)));
    }

    void refusesATruncatedWorkbook()
    {
        const QByteArray bytes = schoolWorkbook();
        for (const qsizetype length : {bytes.size() / 2, bytes.size() - 10, qsizetype(30)}) {
            const auto read = sheets::readBytes(bytes.first(length), QStringLiteral("cut.xlsx"));
            QVERIFY(!read);
            QCOMPARE(read.error().code, ErrorCode::InvalidInput);
            QVERIFY2(read.error().message.contains(QStringLiteral("damaged or incomplete")), qPrintable(message(read)));
        }
    }

    void refusesASheetWithoutItsPart()
    {
        const auto read = sheets::readXlsx(
            minimalXlsx(worksheetXml({}),
                        {{QStringLiteral("xl/_rels/workbook.xml.rels"),
                          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"}}));
        QVERIFY(!read);
        QVERIFY2(read.error().message.contains(QStringLiteral("damaged or incomplete")), qPrintable(message(read)));
    }

    void refusesADoctype()
    {
        const QByteArray withEntity = test::sheetWithDoctype();
        const auto read = sheets::readXlsx(minimalXlsx(withEntity));
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::InvalidInput);
        QVERIFY2(read.error().message.contains(QStringLiteral("DOCTYPE")), qPrintable(message(read)));
        QCOMPARE(read.error().detail, QStringLiteral("xl/worksheets/sheet1.xml"));

        // In UTF-16 the bytes "<!DOCTYPE" do not occur: libxml2's reader meets the declaration and it is refused.
        const QString text = QString::fromUtf8(withEntity).remove(QStringLiteral("<?xml version=\"1.0\"?>\n"));
        const QByteArray utf16
            = QByteArray("\xFF\xFE", 2) + QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        QVERIFY(!utf16.contains("<!DOCTYPE"));
        const auto wide = sheets::readXlsx(minimalXlsx(utf16));
        QVERIFY(!wide);
        QVERIFY2(wide.error().message.contains(QStringLiteral("DOCTYPE")), qPrintable(message(wide)));
    }

    void refusesAPasswordProtectedWorkbook()
    {
        // Excel's "Encrypt with password" makes a compound file holding an "EncryptedPackage" stream.
        QByteArray ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
        ole += QByteArray(504, '\0');
        const QString stream = QStringLiteral("EncryptedPackage");
        ole += QByteArray(reinterpret_cast<const char*>(stream.utf16()), stream.size() * 2);
        ole += QByteArray(1024, '\0');
        const auto read = sheets::readBytes(ole, QStringLiteral("khoa.xlsx"));
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::InvalidInput);
        QVERIFY2(read.error().message.contains(QStringLiteral("password")), qPrintable(message(read)));

        // A compound file that is no workbook at all.
        const auto junk = sheets::readBytes(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(600, 'x'),
                                            QStringLiteral("x.xls"));
        QVERIFY(!junk);
        QCOMPARE(junk.error().code, ErrorCode::InvalidInput);
    }

    void capsRowsColumnsAndCells()
    {
        QByteArray rows;
        for (int r = 1; r <= 50; ++r)
            rows += "<row r=\"" + QByteArray::number(r) + "\"><c r=\"A" + QByteArray::number(r)
                + "\"><v>1</v></c><c r=\"B" + QByteArray::number(r) + "\"><v>2</v></c></row>";
        const QByteArray fifty = minimalXlsx(worksheetXml(rows));
        QVERIFY(sheets::readXlsx(fifty));
        sheets::SheetLimits limits;
        limits.maxRows = 10;
        auto read = sheets::readXlsx(fifty, limits);
        QVERIFY(!read);
        QCOMPARE(read.error().detail, QStringLiteral("too-many-rows"));
        QVERIFY(read.error().message.contains(QStringLiteral("Trang 1")));
        limits = {};
        limits.maxCells = 60;
        read = sheets::readXlsx(fifty, limits);
        QVERIFY(!read);
        QCOMPARE(read.error().detail, QStringLiteral("too-many-cells"));
        limits = {};
        limits.maxColumns = 1;
        read = sheets::readXlsx(fifty, limits);
        QVERIFY(!read);
        QCOMPARE(read.error().detail, QStringLiteral("too-many-columns"));

        // A row numbered a million is refused without a million empty rows made first.
        read = sheets::readXlsx(minimalXlsx(worksheetXml("<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>")));
        QVERIFY(!read);
        QCOMPARE(read.error().detail, QStringLiteral("too-many-rows"));
    }

    void readFileChoosesByContentAndCapsTheSize()
    {
        const QString csv = m_dir.filePath(QStringLiteral("lop.xlsx")); // a CSV under a workbook's name
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("STT,Họ và tên\n1,An\n").toUtf8());
        }
        auto read = sheets::readFile(csv);
        QVERIFY2(read, qPrintable(message(read)));
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->at(0).name, QStringLiteral("lop.xlsx"));
        QCOMPARE(read->at(0).rows.at(1).cell(1), QStringLiteral("An"));

        const QString xlsx = m_dir.filePath(QStringLiteral("that-bai.csv"));
        {
            QFile f(xlsx);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(schoolWorkbook());
        }
        read = sheets::readFile(xlsx);
        QVERIFY2(read, qPrintable(message(read)));
        QCOMPARE(read->at(0).name, QStringLiteral("Lớp 6A1"));

        sheets::SheetLimits small;
        small.maxBytes = 100;
        read = sheets::readFile(xlsx, small);
        QVERIFY(!read);
        QCOMPARE(read.error().detail, QStringLiteral("too-large"));
        read = sheets::readFile(m_dir.filePath(QStringLiteral("missing.xlsx")));
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::Io);
    }

    void readsAnXlsWorkbook()
    {
        const QString python = test::pythonWithXlwt();
        if (python.isEmpty()) {
            qWarning("python3 with xlwt (Debian package python3-xlwt, scripts/setup.sh) is missing: no .xls fixture");
            QSKIP("python3-xlwt is not installed");
        }
        const QString path = m_dir.filePath(QStringLiteral("cu.xls"));
        const QString script = QStringLiteral(
            "import sys, datetime, xlwt\n"
            "wb = xlwt.Workbook(encoding='utf-8')\n"
            "ws = wb.add_sheet('Lớp 6A1')\n"
            "ws.write_merge(0, 0, 0, 4, 'DANH SÁCH HỌC SINH')\n"
            "for c, h in enumerate(['STT', 'Mã định danh Bộ GD&ĐT', 'Họ và tên', 'Ngày sinh', 'Điểm']):\n"
            "    ws.write(2, c, h)\n"
            "ws.write(3, 0, 1); ws.write(3, 1, '0100000001'); ws.write(3, 2, 'Nguyễn Văn An')\n"
            "ws.write(3, 3, datetime.date(2013, 3, 5), xlwt.easyxf(num_format_str='dd/mm/yyyy'))\n"
            "ws.write(3, 4, 8.5)\n"
            "ws.write(5, 2, 'Trần Thị Bích'); ws.write(5, 4, 7)\n"
            "wb.add_sheet('Trống')\n"
            "wb.save(sys.argv[1])\n");
        const QString failed = test::runPython(python, script, {path});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();

        const auto read = sheets::readBytes(bytes, QStringLiteral("cu.xls"));
        QVERIFY2(read, qPrintable(message(read)));
        QCOMPARE(read->size(), 2);
        const sheets::Sheet& s = read->at(0);
        QCOMPARE(s.name, QStringLiteral("Lớp 6A1"));
        QCOMPARE(s.rows.size(), 6);
        QCOMPARE(s.rows.at(0).cell(0), QStringLiteral("DANH SÁCH HỌC SINH"));
        QVERIFY(s.rows.at(1).cells.isEmpty());
        QCOMPARE(s.rows.at(2).cell(1), QStringLiteral("Mã định danh Bộ GD&ĐT"));
        QCOMPARE(s.rows.at(3).cells,
                 (QStringList {QStringLiteral("1"), QStringLiteral("0100000001"), QStringLiteral("Nguyễn Văn An"),
                               QStringLiteral("05/03/2013"), QStringLiteral("8.5")}));
        QVERIFY(s.rows.at(4).cells.isEmpty());
        QCOMPARE(s.rows.at(5).number, 6);
        QCOMPARE(s.rows.at(5).cell(4), QStringLiteral("7"));
        QCOMPARE(read->at(1).name, QStringLiteral("Trống"));

        sheets::SheetLimits limits;
        limits.maxCells = 10; // the first sheet declares 6 rows × 5 columns
        const auto capped = sheets::readXls(bytes, limits);
        QVERIFY(!capped);
        QCOMPARE(capped.error().detail, QStringLiteral("too-many-cells"));
        QVERIFY(!sheets::readXls(bytes.first(bytes.size() / 2)));
    }

    void writesATemplateThatReadsBack()
    {
        const QString path = m_dir.filePath(QStringLiteral("mau.xlsx"));
        QVERIFY(sheets::writeXlsx(path,
                                  {{QStringLiteral("Bảng điểm"),
                                    {{QStringLiteral("STT"), 6, false},
                                     {QStringLiteral("Mã định danh"), 20, true},
                                     {QStringLiteral("Họ và tên"), 28, false}}}}));
        const auto read = sheets::readFile(path);
        QVERIFY2(read, qPrintable(message(read)));
        QCOMPARE(read->size(), 1);
        QCOMPARE(read->at(0).name, QStringLiteral("Bảng điểm"));
        QCOMPARE(read->at(0).rows.size(), 1);
        QCOMPARE(read->at(0).rows.at(0).cells,
                 (QStringList {QStringLiteral("STT"), QStringLiteral("Mã định danh"), QStringLiteral("Họ và tên")}));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral(".hocba-*")}, QDir::Hidden | QDir::Files).isEmpty());
        // A sheet name Excel refuses writes nothing.
        const QString bad = m_dir.filePath(QStringLiteral("xau.xlsx"));
        QVERIFY(!sheets::writeXlsx(bad, {{QStringLiteral("a/b"), {{QStringLiteral("x"), 6, false}}}}));
        QVERIFY(!QFile::exists(bad));
    }
};

QTEST_GUILESS_MAIN(TestWorkbook)
#include "TestWorkbook.moc"
